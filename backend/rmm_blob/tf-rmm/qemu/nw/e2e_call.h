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

/* After the realms ran: the call checks, from their traces (detector_off:
 * the detector ended with SYSTEM_OFF, its own checks all held).
 */
void e2e_call_checks(struct e2e_tally *t, const struct e2e_trace *camera,
		     const struct e2e_trace *detector,
		     const struct e2e_trace *stock, bool detector_off);

#endif /* E2E_CALL_H */
