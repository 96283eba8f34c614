/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Realms for the Mica host-build test (host_mica.c) and the cost driver
 * (host_mica_cost.c), through the stock RMI only: they build in a stock
 * TF-RMM tree too, so that both run the same calls.
 */

#include <arch.h>
#include <arch_helpers.h>
#include <debug.h>
#include <host_mica.h>
#include <host_mica_fixture.h>
#include <host_realm.h>
#include <host_rmi_wrappers.h>
#include <host_utils.h>
#include <smc-rmi.h>
#include <string.h>
#include <utils_def.h>
#include <valgrind/callgrind.h>

unsigned long host_mica_mecid;

unsigned long host_mica_delegated(void **g)
{
	struct smc_result res;

	*g = allocate_granule();
	host_rmi_granule_delegate(*g, &res);
	return res.x[0];
}

/* REALM_CREATE with the given RPV, plus RTTs for IPA 0 and the NS window. */
int host_mica_realm_create(struct mica_test_realm *r, const uint8_t *rpv)
{
	/* VMIDs must differ between live realms; host_setup.c's uses 0. */
	static unsigned short next_vmid = 1U;
	struct smc_result result;
	struct rmi_realm_params *params = allocate_granule();

	(void)memset(r, 0, sizeof(*r));
	if ((host_mica_delegated(&r->h.rd) != RMI_SUCCESS) ||
	    (host_mica_delegated(&r->h.rtts[0]) != RMI_SUCCESS)) {
		return -1;
	}
	(void)memset(params, 0, sizeof(*params));
	params->s2sz = MICA_FIX_IPA_BITS;
	params->rtt_num_start = 1;
	params->rtt_base = (uintptr_t)r->h.rtts[0];
	params->num_bps = 1;
	params->num_wps = 1;
	params->vmid = next_vmid++;
	params->mecid = (long)host_mica_mecid;
	(void)memcpy(params->rpv, rpv, sizeof(params->rpv));
	/* Measured alone by the cost driver (host_mica_cost.c). */
	CALLGRIND_ZERO_STATS;
	host_rmi_realm_create(r->h.rd, params, &result);
	CALLGRIND_DUMP_STATS_AT("RMI_REALM_CREATE");
	CHECK_RMI_RESULT();
	for (unsigned int l = 1U; l < RTT_COUNT; l++) {
		if (host_mica_delegated(&r->h.rtts[l]) != RMI_SUCCESS) {
			return -1;
		}
		host_rmi_rtt_create(r->h.rd, r->h.rtts[l], 0, l, &result);
		CHECK_RMI_RESULT();
		if (host_mica_delegated(&r->ns_rtts[l - 1U]) != RMI_SUCCESS) {
			return -1;
		}
		host_rmi_rtt_create(r->h.rd, r->ns_rtts[l - 1U],
				    (void *)MICA_FIX_NS_BASE, l, &result);
		CHECK_RMI_RESULT();
	}
	return 0;
}

/* A data granule at REALM_BUFFER_IPA and one REC starting at entry. */
int host_mica_realm_add_rec(struct mica_test_realm *r,
			    realm_entrypoint_t entry)
{
	return host_mica_realm_add_rec_pc(r, (unsigned long)(uintptr_t)entry);
}

/* The same, the REC's pc given as a number (measured into the RIM). */
int host_mica_realm_add_rec_pc(struct mica_test_realm *r, unsigned long pc)
{
	struct smc_result result;
	void *data;

	if (host_mica_delegated(&data) != RMI_SUCCESS) {
		return -1;
	}
	host_rmi_rtt_init_ripas(r->h.rd, REALM_BUFFER_IPA,
				REALM_BUFFER_IPA + GRANULE_SIZE, &result);
	CHECK_RMI_RESULT();
	host_rmi_data_create_unknown(r->h.rd, (uintptr_t)data,
				     REALM_BUFFER_IPA, &result);
	CHECK_RMI_RESULT();
	r->data = data;
	host_rmi_rec_aux_count(r->h.rd, &result);
	CHECK_RMI_RESULT();
	r->h.rec_params = allocate_granule();
	(void)memset(r->h.rec_params, 0, sizeof(*r->h.rec_params));
	for (unsigned long i = 0UL; i < result.x[1]; i++) {
		if (host_mica_delegated(&r->h.rec_aux_granules[i]) != RMI_SUCCESS) {
			return -1;
		}
		r->h.rec_params->aux[i] = (uintptr_t)r->h.rec_aux_granules[i];
	}
	r->h.rec_params->num_aux = result.x[1];
	r->h.rec_params->flags = REC_PARAMS_FLAG_RUNNABLE;
	r->h.rec_params->pc = pc;
	r->h.rec_run = allocate_granule();
	if (host_mica_delegated(&r->h.rec) != RMI_SUCCESS) {
		return -1;
	}
	host_rmi_rec_create(r->h.rd, r->h.rec, r->h.rec_params, &result);
	CHECK_RMI_RESULT();
	return 0;
}

unsigned long host_mica_map_ns(struct mica_test_realm *r, unsigned long ipa,
			      unsigned long s2ap)
{
	struct smc_result res;
	void *ns_page = allocate_granule();

	host_rmi_rtt_map_unprotected(r->h.rd, ipa, 3,
				     (uintptr_t)ns_page | s2ap, &res);
	return res.x[0];
}

unsigned long host_mica_activate(struct mica_test_realm *r)
{
	struct smc_result res;

	host_rmi_realm_activate(r->h.rd, &res);
	return res.x[0];
}

/* REC_ENTER, logging what the exit hands the host. */
unsigned long host_mica_rec_enter(struct mica_test_realm *r)
{
	struct smc_result res;
	const struct rmi_rec_exit *e = &r->h.rec_run->exit;

	host_rmi_rec_enter(r->h.rec, r->h.rec_run, &res);
	INFO("MICA exit: reason %lu esr %lx hpfar %lx gprs[0] %lx\n",
	     e->exit_reason, e->esr, e->hpfar, e->gprs[0]);
	return res.x[0];
}

int host_mica_realm_done(unsigned long *regs, unsigned long *sp)
{
	(void)regs;
	(void)sp;
	return ARM_EXCEPTION_FIQ_LEL;	/* back to the host */
}

/* Faults on unprotected ipa with x0 = STORE_VALUE: a store (wnr) or a
 * load. If the RMM reports it to the host, the realm resumes at next.
 */
int host_mica_ns_fault(unsigned long *regs, unsigned long ipa,
		       unsigned long wnr, realm_entrypoint_t next)
{
	regs[0] = STORE_VALUE;
	write_elr_el2((uintptr_t)next);
	host_write_sysreg("hpfar_el2", ipa >> 8);
	host_write_sysreg("far_el2", ipa);
	write_esr_el2(DABT_ESR | wnr);
	return ARM_EXCEPTION_SYNC_LEL;
}

/*
 * The fake host keeps only the system registers it has callbacks for; the
 * abort path reads these. SPSR_EL2 stays unmodelled (0: EL0t, AArch64), so
 * an injected abort enters at VBAR_EL1 + VBAR_LEL_AA64_OFFSET.
 */
int host_mica_model_abort_sysregs(void)
{
	static char *const regs[] = {
		"vbar_el12", "esr_el12", "far_el2", "hpfar_el2"
	};

	for (unsigned int i = 0U; i < ARRAY_SIZE(regs); i++) {
		if (host_util_set_default_sysreg_cb(regs[i], 0UL) != 0) {
			return -1;
		}
	}
	return 0;
}
