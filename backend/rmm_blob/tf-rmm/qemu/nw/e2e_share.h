/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Protected sharing on the emulated CCA machine (nw/e2e_share.c): what the
 * normal-world program lends it.
 */

#ifndef E2E_SHARE_H
#define E2E_SHARE_H

#include "e2e_checks.h"

struct e2e_host {
	unsigned long (*rmi)(unsigned long fid, unsigned long a1, unsigned long a2,
			     unsigned long a3, unsigned long a4, unsigned long a5);
	unsigned long (*delegated)(unsigned long n);	/* n delegated granules */
	unsigned long (*ns_granule)(void);		/* a zeroed NS granule */
	struct e2e_tally *tally;
};

/* The RDs of the run's realms, the policy's pool slot, and the PSCI calls
 * that ended camera and detector (after the run).
 */
struct e2e_share_realms {
	unsigned long camera, detector, uploader, stock, slot;
	unsigned long camera_end, detector_end;
};

/* Before the RECs: camera's page in frames, detector's read-only mapping of
 * it, and every refusal the RMM makes at RMI.
 */
void e2e_share_setup(const struct e2e_host *h, const struct e2e_share_realms *r);

/* After the realms ran: what they read and wrote, then the destroy order. */
void e2e_share_end(const struct e2e_host *h, const struct e2e_share_realms *r);

#endif /* E2E_SHARE_H */
