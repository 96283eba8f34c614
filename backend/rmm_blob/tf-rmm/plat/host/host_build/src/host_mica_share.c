/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Host-build test of realm-to-realm sharing and policy unload
 * (lib/mica/src/mica_rmm_share.c, RMI_MICA_POLICY_UNLOAD), on two more
 * copies of the fixture policy (host_mica_fixture.h) told apart by their
 * version: alpha owns and writes the frames, beta reads them, gamma has no
 * grant. Every refusal is checked with the state it must leave unchanged.
 */

#include <arch_helpers.h>
#include <debug.h>
#include <granule.h>
#include <host_mica.h>
#include <host_mica_fixture.h>
#include <host_realm.h>
#include <host_rmi_wrappers.h>
#include <host_utils.h>
#include <mica_blob.h>
#include <mica_rmm.h>
#include <ripas.h>
#include <smc-rsi.h>
#include <status.h>
#include <string.h>

#define FRAMES0		MICA_FIX_FRAMES_BASE
#define FRAMES1		(MICA_FIX_FRAMES_BASE + GRANULE_SIZE)
#define SCRATCH		MICA_FIX_SCRATCH_BASE
#define PAGES		3U	/* alpha's pages at FRAMES0, FRAMES1, SCRATCH */
#define PIXELS		0xCA3E7AF7A3E5UL	/* what the camera writes */
#define DESC_PA		0x0000FFFFFFFFF000UL	/* stage 2 output address */

static host_mica_check_fn check;

/* What beta's RSI_MICA_SHARED calls answered: X0..X4 for FRAMES1, SCRATCH,
 * then X0 for REALM_BUFFER_IPA (in no region).
 */
static unsigned long shared[2][5], shared_outside;
#define MAY_READ(role)	(1UL << (role))
#define MAY_WRITE(role)	(1UL << ((role) + 32U))
#define ONE_OTHER	(1UL << 8)

static unsigned long rmi4(unsigned int fid, unsigned long a0, unsigned long a1,
			  unsigned long a2, unsigned long a3)
{
	struct smc_result res;

	handle_ns_smc(fid, a0, a1, a2, a3, 0UL, 0UL, &res);
	return res.x[0];
}

static unsigned long map(struct mica_test_realm *reader,
			 struct mica_test_realm *owner, unsigned long ipa,
			 unsigned long flags)
{
	return rmi4(SMC_RMI_MICA_REGION_MAP, (uintptr_t)reader->h.rd,
		    (uintptr_t)owner->h.rd, ipa, flags);
}

static unsigned long unmap(struct mica_test_realm *reader,
			   struct mica_test_realm *owner, unsigned long ipa)
{
	return rmi4(SMC_RMI_MICA_REGION_UNMAP, (uintptr_t)reader->h.rd,
		    (uintptr_t)owner->h.rd, ipa, 0UL);
}

static unsigned long unload(unsigned long slot)
{
	return rmi4(SMC_RMI_MICA_POLICY_UNLOAD, slot, 0UL, 0UL, 0UL);
}

/* The level-3 stage 2 descriptor of r at ipa (the fake host's RTT memory). */
static unsigned long desc(struct mica_test_realm *r, unsigned long ipa)
{
	return ((unsigned long *)r->h.rtts[RTT_COUNT - 1U])[(ipa >> 12) & 511U];
}

static unsigned short refs(void *page)
{
	struct granule *g = find_granule((uintptr_t)page);
	unsigned short n;

	granule_lock(g, GRANULE_STATE_DATA);
	n = granule_refcount_read_acquire(g);
	granule_unlock(g);
	return n;
}

/* Adds n (wrapping) to page's reference count: the other readers the
 * fixture has no roles for.
 */
static void add_refs(void *page, unsigned short n)
{
	struct granule *g = find_granule((uintptr_t)page);

	granule_lock(g, GRANULE_STATE_DATA);
	granule_refcount_inc(g, n);
	granule_unlock(g);
}

static void drop_refs(void *page, unsigned short n)
{
	struct granule *g = find_granule((uintptr_t)page);

	granule_lock(g, GRANULE_STATE_DATA);
	granule_refcount_dec(g, n);
	granule_unlock(g);
}

/* ---- realm code ---- */

static int beta_outside(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	shared_outside = regs[0];
	return host_mica_realm_done(regs, sp);
}

/* RSI_MICA_SHARED about ipa; the realm goes on at next with the answer. */
static int ask_shared(unsigned long *regs, unsigned long ipa,
		      realm_entrypoint_t next)
{
	regs[0] = SMC_RSI_MICA_SHARED;
	regs[1] = ipa;
	return host_util_rsi_helper(next);
}

static int beta_scratch(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	(void)memcpy(shared[1], regs, sizeof(shared[1]));
	return ask_shared(regs, REALM_BUFFER_IPA, beta_outside);
}

static int beta_frames(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	(void)memcpy(shared[0], regs, sizeof(shared[0]));
	return ask_shared(regs, SCRATCH, beta_scratch);
}

/* beta asks the RMM what it shares before trusting it. */
static int beta_entry(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	return ask_shared(regs, FRAMES1, beta_frames);
}

/* alpha asks to make a shared frame EMPTY: exits for RTT_SET_RIPAS. */
static int alpha_entry(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	regs[0] = SMC_RSI_IPA_STATE_SET;
	regs[1] = FRAMES0;
	regs[2] = FRAMES0 + GRANULE_SIZE;
	regs[3] = RIPAS_EMPTY;
	regs[4] = RSI_NO_CHANGE_DESTROYED;
	return host_util_rsi_helper(host_mica_realm_done);
}

/* ---- set-up and tear-down through the stock RMI ---- */

static bool governed_realm(struct mica_test_realm *r, const uint8_t *rpv,
			   unsigned long role, unsigned long mecid)
{
	host_mica_mecid = mecid;
	if (host_mica_realm_create(r, rpv) != 0) {
		host_mica_mecid = 0UL;
		return false;
	}
	host_mica_mecid = 0UL;
	return rmi4(SMC_RMI_MICA_REALM_BIND, (uintptr_t)r->h.rd, role, 0UL,
		    0UL) == RMI_SUCCESS;
}

/* The owner's pages at FRAMES0, FRAMES1 and SCRATCH. */
static bool owner_pages(struct mica_test_realm *r, void *pages[PAGES])
{
	static const unsigned long ipa[PAGES] = { FRAMES0, FRAMES1, SCRATCH };
	struct smc_result res;

	host_rmi_rtt_init_ripas(r->h.rd, FRAMES0, SCRATCH + GRANULE_SIZE, &res);
	for (unsigned int i = 0U; (res.x[0] == RMI_SUCCESS) && (i < PAGES); i++) {
		if (host_mica_delegated(&pages[i]) != RMI_SUCCESS) {
			return false;
		}
		host_rmi_data_create_unknown(r->h.rd, (uintptr_t)pages[i],
					     ipa[i], &res);
	}
	return res.x[0] == RMI_SUCCESS;
}

/* DATA_DESTROY of n pages at ipa..., then the realm, in TF-RMM's order. */
static unsigned long destroy(struct mica_test_realm *r, const unsigned long *ipa,
			     unsigned int n)
{
	struct smc_result res;

	res.x[0] = RMI_SUCCESS;
	for (unsigned int i = 0U; (res.x[0] == RMI_SUCCESS) && (i < n); i++) {
		host_rmi_data_destroy(r->h.rd, ipa[i], &res);
	}
	if ((res.x[0] == RMI_SUCCESS) && (r->h.rec != NULL)) {
		host_rmi_rec_destroy(r->h.rec, &res);
		if (res.x[0] == RMI_SUCCESS) {
			host_rmi_data_destroy(r->h.rd, REALM_BUFFER_IPA, &res);
		}
	}
	for (unsigned int l = RTT_COUNT - 1U; (res.x[0] == RMI_SUCCESS) && (l >= 1U); l--) {
		host_rmi_rtt_destroy(r->h.rd, 0, l, &res);
		if (res.x[0] == RMI_SUCCESS) {
			host_rmi_rtt_destroy(r->h.rd, (void *)MICA_FIX_NS_BASE, l, &res);
		}
	}
	if (res.x[0] == RMI_SUCCESS) {
		host_rmi_realm_destroy(r->h.rd, &res);
	}
	return res.x[0];
}

/* ---- the checks ---- */

struct share_test {
	uint8_t rpv[MICA_RPV_SIZE], rpv3[MICA_RPV_SIZE];
	unsigned long slot, slot3;
	struct mica_test_realm alpha, beta, gamma, alpha3, beta3;
	void *pages[PAGES], *pages3[PAGES], *pagesg[PAGES];
};

static void test_map(struct share_test *t)
{
	unsigned long d;

	*(unsigned long *)t->pages[0] = PIXELS;
	check(map(&t->beta, &t->alpha, FRAMES0, 0UL) == RMI_SUCCESS &&
	      refs(t->pages[0]) == 1U,
	      "share: beta maps alpha's frame read-only, one reference");
	d = desc(&t->beta, FRAMES0);
	check(((d & 1UL) != 0UL) && ((d & DESC_PA) == (uintptr_t)t->pages[0]) &&
	      ((d & MICA_S2AP_READ) != 0UL) && ((d & MICA_S2AP_WRITE) == 0UL),
	      "share: beta's stage 2 maps alpha's page, S2AP read-only");
	check(*(unsigned long *)(d & DESC_PA) == PIXELS,
	      "share: beta's mapping reads what alpha wrote");
	check(map(&t->beta, &t->alpha, FRAMES1, MICA_MAP_WRITE) ==
	      RMI_ERROR_INPUT && refs(t->pages[1]) == 0U &&
	      (desc(&t->beta, FRAMES1) & 1UL) == 0UL,
	      "share attack: beta (read grant) maps frames writable: refused");
	d = desc(&t->gamma, FRAMES0);
	check(map(&t->gamma, &t->alpha, FRAMES0, 0UL) == RMI_ERROR_INPUT &&
	      refs(t->pages[0]) == 1U && desc(&t->gamma, FRAMES0) == d,
	      "share attack: gamma (no grant) maps frames: refused");
	check(map(&t->beta, &t->gamma, FRAMES1, 0UL) == RMI_ERROR_INPUT &&
	      refs(t->pagesg[1]) == 0U,
	      "share attack: gamma (no grant) shares its own page at frames: refused");
	check(map(&t->alpha, &t->beta, FRAMES0, 0UL) == RMI_ERROR_RTT &&
	      refs(t->pages[0]) == 1U,
	      "share attack: beta shares the frame it borrowed: ERROR_RTT");
	check(map(&t->beta, &t->alpha, MICA_FIX_SCRATCH_BASE + MICA_FIX_SCRATCH_SIZE,
		  0UL) == RMI_ERROR_RTT,
	      "share: an IPA where alpha has no page: ERROR_RTT");
	check(map(&t->beta, &t->alpha, FRAMES0, 2UL) == RMI_ERROR_INPUT &&
	      map(&t->beta, &t->beta, FRAMES0, 0UL) == RMI_ERROR_INPUT &&
	      map(&t->beta, &t->alpha, FRAMES0 + 8U, 0UL) == RMI_ERROR_INPUT,
	      "share: unknown flags, reader == owner, unaligned IPA: ERROR_INPUT");
	check(map(&t->beta, &t->alpha, SCRATCH, MICA_MAP_WRITE) == RMI_SUCCESS &&
	      (desc(&t->beta, SCRATCH) & MICA_S2AP_WRITE) != 0UL,
	      "share: beta maps scratch read-write (readwrite grant)");
	/* The policy decides first: at a bound of 1 the page is full. */
	check(map(&t->beta, &t->alpha, FRAMES0, 0UL) ==
	      ((MICA_SHARE_REFS_MAX > 1U) ? RMI_ERROR_RTT : RMI_ERROR_NOT_SUPPORTED) &&
	      refs(t->pages[0]) == 1U,
	      "share: mapping an IPA beta already maps: refused, no reference");
	check(map(&t->beta3, &t->alpha, FRAMES0, 0UL) == RMI_ERROR_REALM &&
	      refs(t->pages[0]) == 1U,
	      "share attack: a reader of another policy maps frames: refused");
	check(map(&t->beta3, &t->alpha3, FRAMES0, 0UL) == RMI_ERROR_REALM &&
	      refs(t->pages3[0]) == 0U,
	      "share: owner and reader with different MECIDs: refused");
}

/* The bound: MICA_SHARE_REFS_MAX references on a page, then no more. */
static void test_bound(struct share_test *t)
{
	add_refs(t->pages[1], (unsigned short)MICA_SHARE_REFS_MAX);
	check(map(&t->beta, &t->alpha, FRAMES1, 0UL) == RMI_ERROR_NOT_SUPPORTED &&
	      refs(t->pages[1]) == MICA_SHARE_REFS_MAX &&
	      (desc(&t->beta, FRAMES1) & 1UL) == 0UL,
	      "share attack: a page at MICA_SHARE_REFS_MAX references: refused");
	drop_refs(t->pages[1], 1U);
	check(map(&t->beta, &t->alpha, FRAMES1, 0UL) == RMI_SUCCESS &&
	      refs(t->pages[1]) == MICA_SHARE_REFS_MAX,
	      "share: one below the bound: mapped, at the bound");
	drop_refs(t->pages[1], (unsigned short)(MICA_SHARE_REFS_MAX - 1U));
}

/* A shared page stays where it is; so does a reader with one mapped. */
static void test_pinned(struct share_test *t)
{
	struct smc_result res;
	unsigned long d = desc(&t->alpha, FRAMES0);

	host_rmi_data_destroy(t->alpha.h.rd, FRAMES0, &res);
	check(res.x[0] == RMI_ERROR_RTT_AUX && refs(t->pages[0]) == 1U,
	      "share attack: owner's DATA_DESTROY of a shared page: ERROR_RTT_AUX");
	host_rmi_realm_destroy(t->alpha.h.rd, &res);
	check(res.x[0] == RMI_ERROR_REALM,
	      "share attack: owner's REALM_DESTROY with readers mapped: ERROR_REALM");
	host_rmi_data_destroy(t->beta.h.rd, FRAMES0, &res);
	check(res.x[0] == RMI_ERROR_RTT_AUX && refs(t->pages[0]) == 1U,
	      "share: reader's DATA_DESTROY of the borrowed page: ERROR_RTT_AUX");
	host_rmi_rtt_destroy(t->beta.h.rd, 0, RTT_COUNT - 1U, &res);
	check(res.x[0] == pack_return_code(RMI_ERROR_RTT,
					       (unsigned char)(RTT_COUNT - 1U)),
	      "share: reader's RTT_DESTROY over the borrowed page: ERROR_RTT");
	check(host_mica_rec_enter(&t->alpha) == RMI_SUCCESS &&
	      t->alpha.h.rec_run->exit.exit_reason == RMI_EXIT_RIPAS_CHANGE,
	      "share: alpha asks for RIPAS EMPTY on a shared frame (exit)");
	host_rmi_rtt_set_ripas(t->alpha.h.rd, t->alpha.h.rec, FRAMES0,
			       FRAMES0 + GRANULE_SIZE, &res);
	check(res.x[0] == RMI_ERROR_RTT_AUX && desc(&t->alpha, FRAMES0) == d,
	      "share: RTT_SET_RIPAS of a shared page: ERROR_RTT_AUX, entry kept");
}

static void test_rsi(struct share_test *t)
{
	check(host_mica_rec_enter(&t->beta) == RMI_SUCCESS &&
	      t->beta.h.rec_run->exit.exit_reason == RMI_EXIT_FIQ,
	      "share: beta's RSI_MICA_SHARED calls return to the realm");
	check(shared[0][0] == RSI_SUCCESS && shared[0][1] == FRAMES0 &&
	      shared[0][2] == MICA_FIX_FRAMES_SIZE &&
	      shared[0][3] == (MICA_PERM_READ | ONE_OTHER) &&
	      shared[0][4] == MAY_WRITE(MICA_FIX_ALPHA),
	      "share: RSI_MICA_SHARED frames: beta reads, alpha writes");
	check(shared[1][0] == RSI_SUCCESS && shared[1][1] == SCRATCH &&
	      shared[1][2] == MICA_FIX_SCRATCH_SIZE &&
	      shared[1][3] == (MICA_PERM_READWRITE | ONE_OTHER) &&
	      shared[1][4] == (MAY_READ(MICA_FIX_ALPHA) |
			       MAY_WRITE(MICA_FIX_ALPHA)),
	      "share: RSI_MICA_SHARED scratch: both read and write");
	check(shared_outside == RSI_ERROR_INPUT,
	      "share: RSI_MICA_SHARED outside every protected region: ERROR_INPUT");
}

static void test_unmap(struct share_test *t)
{
	check(unmap(&t->gamma, &t->alpha, FRAMES0) == RMI_ERROR_RTT &&
	      refs(t->pages[0]) == 1U,
	      "share: unmap where gamma maps nothing: ERROR_RTT");
	check(unmap(&t->alpha, &t->beta, SCRATCH) == RMI_ERROR_RTT &&
	      refs(t->pages[2]) == 1U && desc(&t->alpha, SCRATCH) != 0UL,
	      "share attack: unmap of the owner's own page, borrower as owner: ERROR_RTT");
	check(map(&t->gamma, &t->beta, SCRATCH, 0UL) == RMI_ERROR_RTT &&
	      refs(t->pages[2]) == 1U,
	      "share attack: a borrower shares the borrowed page on: ERROR_RTT");
	check(unmap(&t->beta, &t->alpha, FRAMES0) == RMI_SUCCESS &&
	      refs(t->pages[0]) == 0U && (desc(&t->beta, FRAMES0) & 1UL) == 0UL,
	      "share: beta unmaps the frame: entry invalid, reference dropped");
	check(unmap(&t->beta, &t->alpha, FRAMES0) == RMI_ERROR_RTT,
	      "share: unmapping twice: ERROR_RTT");
}

/* Readers unmap, then the owner goes; then the policy may be unloaded. */
static void test_teardown(struct share_test *t)
{
	static const unsigned long ipa[PAGES] = { FRAMES0, FRAMES1, SCRATCH };
	struct mica_test_realm late;

	check(unload(t->slot) == RMI_ERROR_REALM &&
	      unload(t->slot3) == RMI_ERROR_REALM,
	      "unload attack: a policy governing live realms: ERROR_REALM");
	check(unload(0UL) == RMI_ERROR_INPUT &&
	      unload(MICA_RMM_MAX_POLICIES + 1UL) == RMI_ERROR_INPUT,
	      "unload: slot 0 or past the pool: ERROR_INPUT");
	check(unmap(&t->beta, &t->alpha, FRAMES1) == RMI_SUCCESS &&
	      unmap(&t->beta, &t->alpha, SCRATCH) == RMI_SUCCESS &&
	      destroy(&t->beta, NULL, 0U) == RMI_SUCCESS,
	      "share: the reader unmaps everything, then REALM_DESTROY");
	check(destroy(&t->alpha, ipa, PAGES) == RMI_SUCCESS,
	      "share: then the owner's DATA_DESTROY and REALM_DESTROY");
	check(unload(t->slot) == RMI_ERROR_REALM,
	      "unload: one governed realm (gamma) left: ERROR_REALM");
	check(destroy(&t->gamma, ipa, PAGES) == RMI_SUCCESS &&
	      unload(t->slot) == RMI_SUCCESS,
	      "unload: the last governed realm destroyed: unloaded");
	check(unload(t->slot) == RMI_ERROR_INPUT,
	      "unload: twice: ERROR_INPUT");
	check(host_mica_realm_create(&late, t->rpv) == 0 &&
	      rmi4(SMC_RMI_MICA_REALM_BIND, (uintptr_t)late.h.rd,
		   MICA_FIX_ALPHA, 0UL, 0UL) == RMI_ERROR_REALM &&
	      destroy(&late, NULL, 0U) == RMI_SUCCESS,
	      "unload: a realm created with the unloaded RPV is not governed");
	check(destroy(&t->beta3, NULL, 0U) == RMI_SUCCESS &&
	      destroy(&t->alpha3, ipa, PAGES) == RMI_SUCCESS &&
	      unload(t->slot3) == RMI_SUCCESS,
	      "unload: the second policy, once its realms are gone");
}

static bool load_version(struct share_test *t, uint32_t version, uint8_t *rpv,
			 unsigned long *slot, host_mica_load_fn load)
{
	static uint64_t blob[GRANULE_SIZE / sizeof(uint64_t)];

	(void)mica_fixture_copy(blob);
	/* memcpy: a store through a header pointer into the uint64_t buffer
	 * breaks strict aliasing, which -O3 (Release, tests/cost) rejects.
	 */
	(void)memcpy((uint8_t *)blob +
		     offsetof(struct mica_blob_header, policy_version),
		     &version, sizeof(version));
	(void)t;
	return load(blob, mica_fixture_size(), rpv, slot) == RMI_SUCCESS;
}

void host_mica_share_run(host_mica_check_fn check_fn, host_mica_load_fn load)
{
	static struct share_test t;

	check = check_fn;
	check(load_version(&t, 2U, t.rpv, &t.slot, load) &&
	      load_version(&t, 3U, t.rpv3, &t.slot3, load) &&
	      governed_realm(&t.alpha, t.rpv, MICA_FIX_ALPHA, 0UL) &&
	      governed_realm(&t.beta, t.rpv, MICA_FIX_BETA, 0UL) &&
	      governed_realm(&t.gamma, t.rpv, MICA_FIX_GAMMA, 0UL) &&
	      governed_realm(&t.alpha3, t.rpv3, MICA_FIX_ALPHA, 1UL) &&
	      governed_realm(&t.beta3, t.rpv3, MICA_FIX_BETA, 0UL) &&
	      owner_pages(&t.alpha, t.pages) && owner_pages(&t.alpha3, t.pages3) &&
	      owner_pages(&t.gamma, t.pagesg) &&
	      host_mica_realm_add_rec(&t.alpha, alpha_entry) == 0 &&
	      host_mica_realm_add_rec(&t.beta, beta_entry) == 0 &&
	      host_mica_activate(&t.alpha) == RMI_SUCCESS &&
	      host_mica_activate(&t.beta) == RMI_SUCCESS,
	      "share: two more fixture policies, five governed realms, their pages");
	test_map(&t);
	test_bound(&t);
	test_pinned(&t);
	test_rsi(&t);
	test_unmap(&t);
	test_teardown(&t);
}
