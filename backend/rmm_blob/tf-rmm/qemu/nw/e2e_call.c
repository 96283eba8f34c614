/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Realm calls as the host sees them (docs/rmm-integration.md): a call or a
 * reply that the RMM lets through exits with RMI_EXIT_MICA_CALL naming, in
 * gprs[0], only the role to run next; a refused one does not exit at all.
 * So each check below looks for that exit in a realm's trace, and every
 * such exit's whole area of the rec_run granule is searched for the words
 * the calls and the reply carry (realm/realm_call.c): none may be there. A
 * caller that waits for its reply cannot be entered (RMI_ERROR_REC) until
 * the callee has replied.
 */

#include "../e2e_abi.h"
#include "e2e_call.h"
#include <stdint.h>

static unsigned int word_leaks, waits;

bool e2e_call_exit(const char *who, unsigned long run, unsigned long reason,
		   struct e2e_trace *tr)
{
	struct e2e_exit x = { .reason = reason };

	if (reason != RMI_EXIT_MICA_CALL) {
		return false;
	}
	x.value = *(volatile uint64_t *)(run + REC_RUN_EXIT_GPRS);
	for (unsigned long off = REC_RUN_EXIT_REASON; off < REC_RUN_EXIT_END;
	     off += 8) {
		uint64_t v = *(volatile uint64_t *)(run + off);

		word_leaks += E2E_IS_CALL_WORD(v) ? 1U : 0U;
	}
	e2e_puts("  exit: ");
	e2e_puts(who);
	e2e_puts(" realm call, names role ");
	e2e_puthex(x.value);
	e2e_putc('\n');
	e2e_trace_add(tr, &x);
	return true;
}

bool e2e_call_waits(unsigned long st, const struct e2e_trace *tr)
{
	if ((st != RMI_ERROR_REC) || (tr->n == 0U) ||
	    (tr->e[tr->n - 1U].reason != RMI_EXIT_MICA_CALL)) {
		return false;
	}
	waits++;
	return true;
}

/* Did the realm's call (or reply) naming role get through to the host? */
static bool called(const struct e2e_trace *tr, unsigned long role)
{
	for (unsigned int i = 0; i < tr->n; i++) {
		if ((tr->e[i].reason == RMI_EXIT_MICA_CALL) &&
		    (tr->e[i].value == role)) {
			return true;
		}
	}
	return false;
}

void e2e_call_checks(struct e2e_tally *t,
		     const struct e2e_trace *const tr[E2E_CALL_REALMS],
		     const bool off[E2E_CALL_REALMS])
{
	const struct e2e_trace *camera = tr[E2E_CALL_CAMERA];
	const struct e2e_trace *detector = tr[E2E_CALL_DETECTOR];
	const struct e2e_trace *uploader = tr[E2E_CALL_UPLOADER];

	e2e_check_op(t, "camera", "RSI_MICA_CALL detector (call camera -> detector oneway)",
		     true, called(camera, 2));
	e2e_check_op(t, "camera", "RSI_MICA_CALL uploader (call camera -> uploader, two-way)",
		     true, called(camera, 4));
	e2e_check(t, "camera", "waiting for uploader's reply: RMI_REC_ENTER answers RMI_ERROR_REC",
		  waits == 1U);
	e2e_check_op(t, "uploader", "RSI_MICA_CALL_REPLY to camera's two-way call",
		     true, called(uploader, 1));
	e2e_check(t, "host", "call and reply exits name a role only: no call or reply word in any exit",
		  called(camera, 2) && called(camera, 4) && called(uploader, 1) &&
		  (word_leaks == 0U));
	e2e_check(t, "uploader", "in realm (its SYSTEM_OFF): took caller camera, two-way, camera's six words; replied",
		  off[E2E_CALL_UPLOADER]);
	e2e_check(t, "camera", "in realm (its SYSTEM_OFF): both calls RSI_SUCCESS; uploader's six reply words in X2..X7",
		  off[E2E_CALL_CAMERA]);
	e2e_check_op(t, "detector", "RSI_MICA_CALL_REPLY to camera's one-way call",
		     false, called(detector, 1));
	e2e_check_op(t, "detector", "RSI_MICA_CALL uploader (no call detector -> uploader)",
		     false, called(detector, 4));
	e2e_check_op(t, "detector", "RSI_MICA_CALL aggregator (in the policy, no realm holds the role)",
		     false, called(detector, 0));
	e2e_check(t, "detector", "in realm (its SYSTEM_OFF): took caller camera, one-way, the six words; reply ENOENT, uploader EACCES, aggregator ENXIO",
		  off[E2E_CALL_DETECTOR]);
	e2e_check_op(t, "stock", "RSI_MICA_CALL detector (not governed)",
		     false, called(tr[E2E_CALL_STOCK], 2));
}
