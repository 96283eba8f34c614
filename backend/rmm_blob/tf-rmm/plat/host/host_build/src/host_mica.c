/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Host-build test of Mica enforcement: loads the fixture policy
 * (host_mica_fixture.h) through RMI_MICA_POLICY_LOAD, creates realms governed
 * by it and one that is not, and checks that every operation the policy
 * denies is refused while the granted ones and stock realms still work.
 * Each check prints one "MICA ok|FAIL: ..." line; the run fails on any FAIL.
 */

#include <arch.h>
#include <arch_helpers.h>
#include <debug.h>
#include <host_mica.h>
#include <host_mica_fixture.h>
#include <host_realm.h>
#include <host_rmi_wrappers.h>
#include <host_utils.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>
#include <mica_blob.h>
#include <mica_rmm.h>
#include <smc-rsi.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utils_def.h>

COMPILER_ASSERT(S2AP_RO == MICA_S2AP_READ);
COMPILER_ASSERT(S2AP_RW == (MICA_S2AP_READ | MICA_S2AP_WRITE));
/* What the realm code saw, for the host to check after REC_ENTER. */
struct realm_log {
	unsigned long info;		/* RSI_MICA_REALM_INFO X1, X2 */
	unsigned long role;
	unsigned long hostcall_ret;
	unsigned long sea_esr;
	unsigned long ro_store_sea;	/* ESR of the abort the store got */
};

static struct realm_log realm_log;
static unsigned int mica_failures;

static void check(bool ok, const char *what)
{
	INFO("MICA %s: %s\n", ok ? "ok" : "FAIL", what);
	if (!ok) {
		mica_failures++;
	}
}

static unsigned long rmi(unsigned int fid, unsigned long a0, unsigned long a1,
			 struct smc_result *res)
{
	handle_ns_smc(fid, a0, a1, 0UL, 0UL, 0UL, 0UL, res);
	return res->x[0];
}

/* Loads blob (size bytes) from consecutive NS granules; the RMM's RPV goes
 * to rpv.
 */
static unsigned long load_policy(const void *blob, size_t size,
				 uint8_t rpv[MICA_RPV_SIZE],
				 unsigned long *slot)
{
	struct mica_rmi_load_params *p = allocate_granule();
	struct smc_result res;

	(void)memset(p, 0, sizeof(*p));
	p->size = size;
	for (size_t done = 0U, i = 0U; (done < size) &&
	     (i < MICA_LOAD_PARAMS_MAX_GRANULES); done += GRANULE_SIZE, i++) {
		void *g = allocate_granule();
		size_t n = ((size - done) < GRANULE_SIZE) ? (size - done) :
							    GRANULE_SIZE;

		(void)memcpy(g, (const uint8_t *)blob + done, n);
		p->granules[i] = (uintptr_t)g;
	}
	(void)rmi(SMC_RMI_MICA_POLICY_LOAD, (uintptr_t)p, 0UL, &res);
	(void)memcpy(rpv, p->rpv, MICA_RPV_SIZE);
	*slot = res.x[1];
	return res.x[0];
}

static unsigned long realm_bind(struct mica_test_realm *r, unsigned long role)
{
	struct smc_result res;

	return rmi(SMC_RMI_MICA_REALM_BIND, (uintptr_t)r->h.rd, role, &res);
}

/* ---- Realm code (runs inside REC_ENTER, continuation style) ---- */

/* Third REC_ENTER of alpha: a store to its read-write region exits. */
static int realm_rw_store(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	return host_mica_ns_fault(regs, MICA_FIX_RW_BASE, DABT_WNR, host_mica_realm_done);
}

/* The store to the read-only region was refused: a load there exits. */
static int realm_after_ro_store(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	realm_log.ro_store_sea = host_read_sysreg("esr_el12");
	return host_mica_ns_fault(regs, MICA_FIX_RO_BASE, 0UL, realm_rw_store);
}

/* A store to alpha's read-only region must not reach the host. */
static int realm_after_sea(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	realm_log.sea_esr = host_read_sysreg("esr_el12");
	host_write_sysreg("vbar_el12",
			  (uintptr_t)realm_after_ro_store - VBAR_LEL_AA64_OFFSET);
	return host_mica_ns_fault(regs, MICA_FIX_RO_BASE, DABT_WNR, host_mica_realm_done);
}

/* Fakes a data abort on the unprotected IPA MICA_FIX_NS_OUTSIDE, as an
 * emulated MMIO access would raise.
 */
static int realm_mmio_abort(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	realm_log.hostcall_ret = regs[0];
	host_write_sysreg("vbar_el12",
			  (uintptr_t)realm_after_sea - VBAR_LEL_AA64_OFFSET);
	host_write_sysreg("hpfar_el2", MICA_FIX_NS_OUTSIDE >> 8);
	host_write_sysreg("far_el2", MICA_FIX_NS_OUTSIDE);
	write_esr_el2(DABT_ESR);
	return ARM_EXCEPTION_SYNC_LEL;
}

static int realm_hostcall(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	realm_log.info = (regs[0] == RSI_SUCCESS) ? regs[1] : ~0UL;
	realm_log.role = regs[2];
	regs[0] = SMC_RSI_HOST_CALL;
	regs[1] = REALM_BUFFER_IPA;
	return host_util_rsi_helper(realm_mmio_abort);
}

/* Entry point of every test REC: asks the RMM how it is governed. */
static int realm_entry(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	regs[0] = SMC_RSI_MICA_REALM_INFO;
	return host_util_rsi_helper(realm_hostcall);
}

/* ---- The scenarios ---- */

/*
 * The fixture (in blob) with digest is384 ? sha384 : sha512 loads, and its
 * RPV is that digest zero-padded (the attestation app's one-shot hash, with
 * the patch's SHA-384); then it is unloaded, so it keeps no slot.
 */
static void test_load_sha512(uint64_t *blob, int is384, const char *alg)
{
	uint8_t want[MICA_RPV_SIZE] = { 0 }, rpv[MICA_RPV_SIZE];
	struct mica_blob_header *h = (struct mica_blob_header *)blob;
	struct smc_result res;
	unsigned long slot = 0UL, ret;
	char what[80];

	(void)mica_fixture_copy(blob);
	h->digest_alg = (is384 != 0) ? MICA_DIGEST_SHA384 : MICA_DIGEST_SHA512;
	ret = load_policy(blob, mica_fixture_size(), rpv, &slot);
	(void)mbedtls_sha512((const unsigned char *)blob, mica_fixture_size(),
			     want, is384);
	(void)snprintf(what, sizeof(what),
		       "POLICY_LOAD of a %s blob: its RPV is %s(blob)", alg, alg);
	check((ret == RMI_SUCCESS) && (memcmp(rpv, want, sizeof(want)) == 0),
	      what);
	check(rmi(SMC_RMI_MICA_POLICY_UNLOAD, slot, 0UL, &res) == RMI_SUCCESS,
	      "and it unloads");
}

static void test_load(uint8_t rpv[MICA_RPV_SIZE])
{
	static uint64_t blob[GRANULE_SIZE / sizeof(uint64_t)];
	uint8_t bad[MICA_RPV_SIZE];
	unsigned long slot, slot2;

	uint8_t want[MICA_RPV_SIZE] = { 0 };

	(void)mica_fixture_copy(blob);
	/* The fixture's digest is SHA-256; the RPV is it, zero-padded. */
	check(mbedtls_sha256((const unsigned char *)blob, mica_fixture_size(),
			     want, 0) == 0, "host computes SHA-256 of the blob");
	check(load_policy(blob, mica_fixture_size(), rpv, &slot) == RMI_SUCCESS &&
	      slot == 1UL, "POLICY_LOAD of a valid blob: slot 1");
	check(memcmp(rpv, want, sizeof(want)) == 0,
	      "the RPV the RMM returns is SHA-256(blob) zero-padded");
	check(load_policy(blob, mica_fixture_size(), rpv, &slot2) ==
	      RMI_SUCCESS && slot2 == slot, "loading it again: same slot");
	((uint8_t *)blob)[0] ^= 0xFFU;	/* magic */
	check(load_policy(blob, mica_fixture_size(), bad, &slot2) ==
	      RMI_ERROR_INPUT, "POLICY_LOAD of a bad magic: ERROR_INPUT");
	check(load_policy(blob, 0U, bad, &slot2) == RMI_ERROR_INPUT,
	      "POLICY_LOAD of 0 bytes: ERROR_INPUT");
	test_load_sha512(blob, 1, "SHA-384");
	test_load_sha512(blob, 0, "SHA-512");
}

/* RMI_MICA_POLICY_LOAD with a hand-made parameter granule. */
static unsigned long load_raw(uint64_t size, uint64_t granule)
{
	struct mica_rmi_load_params *p = allocate_granule();
	struct smc_result res;

	(void)memset(p, 0, sizeof(*p));
	p->size = size;
	p->granules[0] = granule;
	return rmi(SMC_RMI_MICA_POLICY_LOAD, (uintptr_t)p, 0UL, &res);
}

/* Refusals of the load, then the pool filling up: run last, it leaves no
 * free slot.
 */
static void test_load_limits(void)
{
	static uint64_t blob[GRANULE_SIZE / sizeof(uint64_t)];
	struct smc_result res;
	uint8_t rpv[MICA_RPV_SIZE];
	unsigned long slot = 0UL, ret = RMI_SUCCESS;
	const struct mica_policy *pol;
	const struct mica_roles *taken;
	struct mica_mailbox *boxes;
	void *secure;

	check(host_mica_delegated(&secure) == RMI_SUCCESS &&
	      load_raw(mica_fixture_size(), (uintptr_t)secure) ==
	      RMI_ERROR_INPUT, "POLICY_LOAD from a delegated granule refused");
	check(rmi(SMC_RMI_MICA_POLICY_LOAD, (uintptr_t)secure, 0UL, &res) ==
	      RMI_ERROR_INPUT, "POLICY_LOAD with delegated parameters refused");
	check(load_raw(GRANULE_SIZE + 8UL, (uintptr_t)allocate_granule()) ==
	      RMI_ERROR_NOT_SUPPORTED,
	      "POLICY_LOAD of a blob above one granule: NOT_SUPPORTED");
	/* Same policy, other versions: other digests, one slot each. */
	(void)mica_fixture_copy(blob);
	for (uint32_t v = 2U; (ret == RMI_SUCCESS) &&
	     (v < 2U + MICA_RMM_MAX_POLICIES); v++) {
		(void)memcpy((uint8_t *)blob +
			     offsetof(struct mica_blob_header, policy_version),
			     &v, sizeof(v));
		ret = load_policy(blob, mica_fixture_size(), rpv, &slot);
	}
	check(ret == RMI_ERROR_NOT_SUPPORTED && slot == 0UL,
	      "a full pool refuses the next policy");
	spinlock_acquire(&mica_pool_lock);
	boxes = mica_pool_mailboxes(MICA_RMM_MAX_POLICIES, &pol, &taken);
	spinlock_release(&mica_pool_lock);
	check(slot == 0UL && boxes != NULL,
	      "the pool held MICA_RMM_MAX_POLICIES policies");
}

/* A stock realm: before any policy is loaded, and beside governed ones. */
static void test_stock(void)
{
	static const uint8_t zero_rpv[MICA_RPV_SIZE];
	struct mica_test_realm r;

	check(host_mica_realm_create(&r, zero_rpv) == 0, "stock realm created");
	check(host_mica_map_ns(&r, MICA_FIX_NS_OUTSIDE, S2AP_RW) == RMI_SUCCESS,
	      "stock realm: MAP_UNPROTECTED anywhere");
	check(realm_bind(&r, MICA_FIX_ALPHA) == RMI_ERROR_REALM,
	      "stock realm: BIND refused");
	check(host_mica_realm_add_rec(&r, realm_entry) == 0, "stock REC created");
	check(host_mica_activate(&r) == RMI_SUCCESS, "stock realm activated");
	(void)memset(&realm_log, 0xFF, sizeof(realm_log));
	check(host_mica_rec_enter(&r) == RMI_SUCCESS &&
	      r.h.rec_run->exit.exit_reason == RMI_EXIT_HOST_CALL,
	      "stock realm: RSI_HOST_CALL exits to the host");
	check(realm_log.info == 0UL,
	      "stock realm: RSI_MICA_REALM_INFO says not governed");
}

static void test_alpha(const uint8_t *rpv)
{
	struct mica_test_realm r;

	check(host_mica_realm_create(&r, rpv) == 0, "alpha created");
	check(host_mica_map_ns(&r, MICA_FIX_RW_BASE, S2AP_RW) == RMI_ERROR_INPUT,
	      "alpha unbound: MAP_UNPROTECTED refused");
	check(realm_bind(&r, MICA_FIX_REALMS) == RMI_ERROR_INPUT,
	      "BIND to role 3 of 3: ERROR_INPUT");
	check(realm_bind(&r, MICA_FIX_ALPHA) == RMI_SUCCESS, "BIND alpha");
	check(realm_bind(&r, MICA_FIX_ALPHA) == RMI_ERROR_REALM,
	      "BIND twice: ERROR_REALM");
	check(host_mica_map_ns(&r, MICA_FIX_RO_BASE, S2AP_RW) == RMI_ERROR_INPUT,
	      "alpha: read-write map of its read-only region refused");
	check(host_mica_map_ns(&r, MICA_FIX_RO_BASE, S2AP_RO) == RMI_SUCCESS,
	      "alpha: read-only map of its read-only region");
	check(host_mica_map_ns(&r, MICA_FIX_RW_BASE, S2AP_RW) == RMI_SUCCESS,
	      "alpha: read-write map of its read-write region");
	check(host_mica_map_ns(&r, MICA_FIX_NS_OUTSIDE, S2AP_RO) == RMI_ERROR_INPUT,
	      "alpha: map outside every region refused");
	check(host_mica_realm_add_rec(&r, realm_entry) == 0, "alpha REC created");
	check(host_mica_activate(&r) == RMI_SUCCESS, "alpha activated");
	(void)memset(&realm_log, 0, sizeof(realm_log));
	check(host_mica_rec_enter(&r) == RMI_SUCCESS &&
	      r.h.rec_run->exit.exit_reason == RMI_EXIT_SYNC &&
	      r.h.rec_run->exit.hpfar == (MICA_FIX_RO_BASE >> 8) &&
	      (r.h.rec_run->exit.esr & DABT_WNR) == 0UL &&
	      r.h.rec_run->exit.gprs[0] == 0UL,
	      "alpha: first exit is the load from its read-only region");
	check(realm_log.info == (MICA_RSI_INFO_GOVERNED | MICA_RSI_INFO_BOUND) &&
	      realm_log.role == MICA_FIX_ALPHA,
	      "alpha: RSI_MICA_REALM_INFO says governed, bound, role alpha");
	check(realm_log.hostcall_ret == RSI_ERROR_INPUT,
	      "alpha: RSI_HOST_CALL answered RSI_ERROR_INPUT");
	check((realm_log.sea_esr & MASK(ESR_EL2_ABORT_FSC)) ==
	      ESR_EL2_ABORT_FSC_SEA,
	      "alpha: MMIO abort became a synchronous external abort");
	check((realm_log.ro_store_sea & MASK(ESR_EL2_ABORT_FSC)) ==
	      ESR_EL2_ABORT_FSC_SEA,
	      "alpha: store to its read-only region refused (abort, no exit)");
	check(host_mica_rec_enter(&r) == RMI_SUCCESS &&
	      r.h.rec_run->exit.exit_reason == RMI_EXIT_SYNC &&
	      r.h.rec_run->exit.hpfar == (MICA_FIX_RW_BASE >> 8) &&
	      r.h.rec_run->exit.gprs[0] == STORE_VALUE,
	      "alpha: a store to its read-write region exits with the value");
	check(host_mica_rec_enter(&r) == RMI_SUCCESS &&
	      r.h.rec_run->exit.exit_reason == RMI_EXIT_FIQ,
	      "alpha: then nothing but the final FIQ");
}

static void test_beta(const uint8_t *rpv)
{
	struct mica_test_realm r;

	check(host_mica_realm_create(&r, rpv) == 0, "beta created");
	check(realm_bind(&r, MICA_FIX_BETA) == RMI_SUCCESS, "BIND beta");
	check(host_mica_map_ns(&r, MICA_FIX_RO_BASE, S2AP_RO) == RMI_ERROR_INPUT,
	      "beta: map of a region not granted to it refused");
	check(host_mica_realm_add_rec(&r, realm_entry) == 0, "beta REC created");
	check(host_mica_activate(&r) == RMI_SUCCESS, "beta activated");
	(void)memset(&realm_log, 0, sizeof(realm_log));
	check(host_mica_rec_enter(&r) == RMI_SUCCESS &&
	      r.h.rec_run->exit.exit_reason == RMI_EXIT_HOST_CALL,
	      "beta: RSI_HOST_CALL exits to the host");
	check(realm_log.info == (MICA_RSI_INFO_GOVERNED | MICA_RSI_INFO_BOUND) &&
	      realm_log.role == MICA_FIX_BETA,
	      "beta: RSI_MICA_REALM_INFO says governed, bound, role beta");
	check(host_mica_rec_enter(&r) == RMI_SUCCESS &&
	      r.h.rec_run->exit.exit_reason == RMI_EXIT_SYNC &&
	      r.h.rec_run->exit.hpfar == (MICA_FIX_NS_OUTSIDE >> 8),
	      "beta: MMIO abort exits to the host");
}

static void test_refused_activation(const uint8_t *rpv)
{
	struct mica_test_realm r, u;

	/* gamma's role is still free here: only the REC makes BIND fail. */
	check(host_mica_realm_create(&u, rpv) == 0, "unbound realm created");
	check(host_mica_realm_add_rec(&u, realm_entry) == 0, "unbound REC created");
	check(realm_bind(&u, MICA_FIX_GAMMA) == RMI_ERROR_REALM,
	      "BIND after REC_CREATE refused");
	check(host_mica_activate(&u) == RMI_ERROR_REALM,
	      "governed but unbound: ACTIVATE refused");

	check(host_mica_realm_create(&r, rpv) == 0, "gamma created");
	check(realm_bind(&r, MICA_FIX_GAMMA) == RMI_SUCCESS, "BIND gamma");
	check(host_mica_realm_add_rec(&r, realm_entry) == 0, "gamma REC created");
	check(host_mica_activate(&r) == RMI_ERROR_REALM,
	      "gamma: RIM differs from its measurement, ACTIVATE refused");
}

/* One realm per role per loaded policy. */
static void test_taken_role(const uint8_t *rpv)
{
	struct mica_test_realm r;

	check(host_mica_realm_create(&r, rpv) == 0, "second alpha created");
	check(realm_bind(&r, MICA_FIX_ALPHA) == RMI_ERROR_REALM,
	      "BIND of a second realm to the taken role alpha refused");
	check(host_mica_map_ns(&r, MICA_FIX_RW_BASE, S2AP_RW) == RMI_ERROR_INPUT,
	      "second alpha, unbound: MAP_UNPROTECTED refused");
}

/*
 * MICA_POLICY=FILE (optional): also loads a blob that micac wrote and
 * prints the RPV the RMM computed, to compare with `micac hash --rpv FILE`.
 */
static void test_external_policy(const char *path, uint8_t rpv[MICA_RPV_SIZE])
{
	static uint64_t blob[MICA_LOAD_PARAMS_MAX_GRANULES * GRANULE_SIZE /
			     sizeof(uint64_t)];
	char hex[2U * MICA_RPV_SIZE + 1U];
	unsigned long slot = 0UL, ret;
	size_t size = 0U;
	FILE *f = fopen(path, "rb");

	if (f != NULL) {
		size = fread(blob, 1U, sizeof(blob), f);
		(void)fclose(f);
	}
	ret = (size > 0U) ? load_policy(blob, size, rpv, &slot) :
			    RMI_ERROR_INPUT;
	check(ret == RMI_SUCCESS, "POLICY_LOAD of $MICA_POLICY");
	for (unsigned int i = 0U; i < MICA_RPV_SIZE; i++) {
		(void)snprintf(&hex[2U * i], 3U, "%02x", rpv[i]);
	}
	INFO("MICA policy %s (%zu bytes): status %lu, slot %lu, RPV %s\n",
	     path, size, ret, slot, hex);
}

/*
 * MICA_TOKEN_OUT=FILE (with MICA_POLICY): a realm governed by that policy,
 * bound to role $MICA_TOKEN_ROLE (default 0), asks for its attestation
 * token with the challenge 0x00, 0x01, ..., 0x3f; the CCA token the RMM
 * returns is written to FILE, for `micac verify`.
 */
static size_t token_len;

static unsigned long token_offset;

static int realm_token_continue(unsigned long *regs, unsigned long *sp);

static int token_request(unsigned long *regs, unsigned long offset)
{
	regs[0] = SMC_RSI_ATTEST_TOKEN_CONTINUE;
	regs[1] = REALM_BUFFER_IPA;
	regs[2] = offset;
	regs[3] = GRANULE_SIZE - offset;
	return host_util_rsi_helper(realm_token_continue);
}

static int realm_token_continue(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	if (regs[0] == RSI_INCOMPLETE) {
		token_offset += regs[1];
		return token_request(regs, token_offset);
	}
	token_len = (regs[0] == RSI_SUCCESS) ? token_offset + regs[1] : 0U;
	return ARM_EXCEPTION_FIQ_LEL;
}

/* After RSI_ATTEST_TOKEN_INIT: fetch the token from offset 0. */
static int realm_token_first(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	if (regs[0] != RSI_SUCCESS) {
		return ARM_EXCEPTION_FIQ_LEL;
	}
	token_offset = 0UL;
	return token_request(regs, 0UL);
}

static int realm_token_init(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	regs[0] = SMC_RSI_ATTEST_TOKEN_INIT;
	for (unsigned int i = 0U; i < 8U; i++) {
		regs[1U + i] = 0UL;
		for (unsigned int b = 0U; b < 8U; b++) {	/* bytes 8i..8i+7 */
			regs[1U + i] |= (unsigned long)(8U * i + b) << (8U * b);
		}
	}
	return host_util_rsi_helper(realm_token_first);
}

/*
 * The token realm's REC starts at this fixed pc, not at realm_token_init's
 * host address: the RIM measures the REC's pc, and a code address would tie
 * tests/tokens/rmm_host.mica's measurement to one build's layout (and to
 * address randomisation). The fake host runs a REC by calling the address
 * in ELR_EL2 (host_util_rec_run), so while the token realm runs, a read of
 * ELR_EL2 that finds this pc answers realm_token_init.
 */
#define TOKEN_REALM_PC	0x1000UL

static u_register_t token_elr_read(u_register_t *reg)
{
	return (*reg == TOKEN_REALM_PC) ?
	       (u_register_t)(uintptr_t)realm_token_init : *reg;
}

static void token_elr_write(u_register_t val, u_register_t *reg)
{
	*reg = val;
}

static void dump_token(const uint8_t *rpv, const char *path)
{
	struct mica_test_realm r;
	const char *role = getenv("MICA_TOKEN_ROLE");
	FILE *f;
	bool ok;

	check(host_mica_realm_create(&r, rpv) == 0 &&
	      realm_bind(&r, (role != NULL) ? strtoul(role, NULL, 10) : 0UL) ==
	      RMI_SUCCESS && host_mica_realm_add_rec_pc(&r, TOKEN_REALM_PC) == 0 &&
	      host_mica_activate(&r) == RMI_SUCCESS, "token realm bound and activated");
	token_len = 0U;
	check(host_util_set_sysreg_cb("elr_el2", token_elr_read,
				      token_elr_write, 0UL) == 0 &&
	      host_mica_rec_enter(&r) == RMI_SUCCESS && token_len > 0U &&
	      token_len <= GRANULE_SIZE, "token realm: attestation token");
	(void)host_util_set_default_sysreg_cb("elr_el2", 0UL);
	f = fopen(path, "wb");
	ok = (f != NULL) && (fwrite(r.data, 1U, token_len, f) == token_len);
	check((f != NULL) && (fclose(f) == 0) && ok, "token written to $MICA_TOKEN_OUT");
	INFO("MICA token %s: %zu bytes\n", path, token_len);
}

/* The cost driver's realms, governed: the fixture policy, roles bound. */
static void cost_load(uint8_t rpv[64])
{
	static uint64_t blob[GRANULE_SIZE / sizeof(uint64_t)];
	unsigned long slot;

	(void)mica_fixture_copy(blob);
	(void)load_policy(blob, mica_fixture_size(), rpv, &slot);
}

static void cost_bind(struct mica_test_realm *r, unsigned long role)
{
	(void)realm_bind(r, role);
}

/* MICA_COST=stock: the same calls on ungoverned realms (what Mica costs a
 * realm it does not govern); any other value: governed realms.
 */
int host_mica_cost_patched(void)
{
	static const struct host_mica_cost_ops ops = { cost_load, cost_bind };
	const char *mode = getenv("MICA_COST");

	return host_mica_cost_run(((mode != NULL) &&
				   (strcmp(mode, "stock") == 0)) ? NULL : &ops);
}

int host_mica_run(void)
{
	uint8_t rpv[MICA_RPV_SIZE];

	check(host_mica_model_abort_sysregs() == 0, "fake host models the abort sysregs");
	test_load(rpv);
	test_stock();
	test_alpha(rpv);
	test_beta(rpv);
	test_refused_activation(rpv);
	test_taken_role(rpv);
	host_mica_call_run(&(const struct host_mica_ops){ check, load_policy, realm_bind });
	host_mica_share_run(check, load_policy);
	test_stock();
	if (getenv("MICA_POLICY") != NULL) {
		test_external_policy(getenv("MICA_POLICY"), rpv);
		if (getenv("MICA_TOKEN_OUT") != NULL) {
			dump_token(rpv, getenv("MICA_TOKEN_OUT"));
		}
	}
	test_load_limits();
	INFO("MICA: %u failed\n", mica_failures);
	return (mica_failures == 0U) ? 0 : -1;
}
