/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * e2e_call.c: what the host sees of realm calls on the emulated machine.
 */

#ifndef E2E_CALL_H
#define E2E_CALL_H

#include "e2e_checks.h"
#include <stdbool.h>

/*
 * In the REC-enter loop: an exit of reason RMI_EXIT_MICA_CALL from realm who
 * (its rec_run granule at run) is recorded in tr, printed, and its whole
 * exit area searched for the call's argument words. False for any other
 * reason.
 */
bool e2e_call_exit(const char *who, unsigned long run, unsigned long reason,
		   struct e2e_trace *tr);

/*
 * RMI_REC_ENTER answered st: true when that is RMI_ERROR_REC and the realm's
 * last exit was a realm call, so it waits for a reply (the host must run
 * the callee, then enter it again).
 */
bool e2e_call_waits(unsigned long st, const struct e2e_trace *tr);

/* The realms the checks look at, in e2e_call_checks' arrays. */
enum { E2E_CALL_CAMERA, E2E_CALL_DETECTOR, E2E_CALL_UPLOADER, E2E_CALL_STOCK,
       E2E_CALL_REALMS };

/* After the realms ran: the call checks, from their traces and whether
 * each ended with SYSTEM_OFF (its own checks all held).
 */
void e2e_call_checks(struct e2e_tally *t,
		     const struct e2e_trace *const tr[E2E_CALL_REALMS],
		     const bool off[E2E_CALL_REALMS]);

#endif /* E2E_CALL_H */
