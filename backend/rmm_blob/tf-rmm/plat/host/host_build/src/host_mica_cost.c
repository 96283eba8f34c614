/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The cost driver (docs/performance.md, "The RMM hooks"): with MICA_COST
 * set, rmm_core.elf makes the calls whose handlers Mica hooks, so that
 * callgrind can compare a stock build with a patched one on the same calls.
 * Two realms: "alpha" (role alpha of the fixture policy: a read-write
 * unprotected region, no mmio) and "beta" (hostcall). Governed (ops given:
 * the patched build), both are bound, so every hook takes its longest
 * path; in a stock build (ops NULL) they are ordinary realms.
 *
 * Each measured call is bracketed by callgrind client requests: the counts
 * are zeroed before it and dumped after it under the call's name, so each
 * dump holds that call's instructions and nothing else (outside valgrind
 * the requests do nothing).
 */

#include <arch.h>
#include <debug.h>
#include <host_mica.h>
#include <host_mica_fixture.h>
#include <host_utils.h>
#include <smc-rsi.h>
#include <stdio.h>
#include <string.h>
#include <valgrind/callgrind.h>

/* Realm code: a store to the read-write region, reported to the host. */
static int cost_realm_store(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	return host_mica_ns_fault(regs, MICA_FIX_RW_BASE, DABT_WNR,
				  host_mica_realm_done);
}

/* Realm code: RSI_HOST_CALL. */
static int cost_realm_hostcall(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	regs[0] = SMC_RSI_HOST_CALL;
	regs[1] = REALM_BUFFER_IPA;
	return host_util_rsi_helper(host_mica_realm_done);
}

/* The measured calls; true when each did what it must. */
static bool cost_calls(struct mica_test_realm *alpha,
		       struct mica_test_realm *beta)
{
	unsigned long map, act_a, act_b, hc, abort;

	CALLGRIND_ZERO_STATS;
	map = host_mica_map_ns(alpha, MICA_FIX_RW_BASE, S2AP_RW);
	CALLGRIND_DUMP_STATS_AT("RMI_RTT_MAP_UNPROTECTED");
	CALLGRIND_ZERO_STATS;
	act_a = host_mica_activate(alpha);
	CALLGRIND_DUMP_STATS_AT("RMI_REALM_ACTIVATE");
	act_b = host_mica_activate(beta);
	CALLGRIND_ZERO_STATS;
	hc = host_mica_rec_enter(beta);
	CALLGRIND_DUMP_STATS_AT("REC_ENTER to RSI_HOST_CALL exit");
	CALLGRIND_ZERO_STATS;
	abort = host_mica_rec_enter(alpha);
	CALLGRIND_DUMP_STATS_AT("REC_ENTER to data-abort exit");
	return (map == RMI_SUCCESS) && (act_a == RMI_SUCCESS) &&
	       (act_b == RMI_SUCCESS) && (hc == RMI_SUCCESS) &&
	       (beta->h.rec_run->exit.exit_reason == RMI_EXIT_HOST_CALL) &&
	       (abort == RMI_SUCCESS) &&
	       (alpha->h.rec_run->exit.exit_reason == RMI_EXIT_SYNC);
}

int host_mica_cost_run(const struct host_mica_cost_ops *ops)
{
	static struct mica_test_realm alpha, beta;
	uint8_t rpv[64] = { 0 };
	int rc = host_mica_model_abort_sysregs();

	if (ops != NULL) {
		ops->load(rpv);
	}
	rc |= host_mica_realm_create(&alpha, rpv);
	rc |= host_mica_realm_create(&beta, rpv);
	if (ops != NULL) {
		ops->bind(&alpha, MICA_FIX_ALPHA);
		ops->bind(&beta, MICA_FIX_BETA);
	}
	rc |= host_mica_realm_add_rec(&alpha, cost_realm_store);
	rc |= host_mica_realm_add_rec(&beta, cost_realm_hostcall);
	if ((rc != 0) || !cost_calls(&alpha, &beta)) {
		ERROR("MICA cost: a measured call failed\n");
		return -1;
	}
	NOTICE("MICA cost: all calls made (%s)\n",
	       (ops != NULL) ? "governed" : "stock");
	/* Under valgrind the -pg build's exit ends in SIGPROF, unflushed. */
	(void)fflush(stdout);
	return 0;
}
