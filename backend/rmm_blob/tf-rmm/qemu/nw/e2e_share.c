/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Protected sharing on the emulated CCA machine: camera (trusted, write
 * grant) owns a page of region frames, detector (distrustful, read grant)
 * borrows it read-only through RMI_MICA_REGION_MAP, and every refusal the
 * RMM makes at RMI is checked where the policy says "refused". The realms'
 * own side (camera writes the frame, detector reads it, both ask
 * RSI_MICA_SHARED) is realm/realm_share.c; their verdicts are checked here.
 */

#include "../e2e_abi.h"
#include "e2e_share.h"

static unsigned long map(const struct e2e_host *h, unsigned long reader,
			 unsigned long owner, unsigned long flags)
{
	return h->rmi(RMI_MICA_REGION_MAP, reader, owner, E2E_FRAMES, flags, 0);
}

void e2e_share_setup(const struct e2e_host *h, const struct e2e_share_realms *r)
{
	const unsigned long rd[] = { r->camera, r->detector, r->uploader, r->stock };
	struct e2e_tally *t = h->tally;
	unsigned long st = RMI_SUCCESS;

	/* A level-3 table at frames in each realm (realm_create made the
	 * level-2 one at IPA 0), then camera's page: after its image, measured,
	 * as rim.py counts it.
	 */
	for (unsigned int i = 0; i < sizeof(rd) / sizeof(rd[0]); i++) {
		st |= h->rmi(RMI_RTT_CREATE, rd[i], h->delegated(1), E2E_FRAMES, 3, 0);
	}
	st |= h->rmi(RMI_DATA_CREATE, r->camera, h->delegated(1), E2E_FRAMES,
		     h->ns_granule(), 1 /* RMI_MEASURE_CONTENT */);
	e2e_check(t, "host", "frames: RTTs in four realms, camera's page DATA_CREATEd",
		  st == RMI_SUCCESS);

	e2e_check_op(t, "detector", "RMI_MICA_REGION_MAP frames read-write (read grant)",
		     false, map(h, r->detector, r->camera, MICA_MAP_WRITE) == RMI_SUCCESS);
	e2e_check_op(t, "uploader", "RMI_MICA_REGION_MAP frames (no grant)",
		     false, map(h, r->uploader, r->camera, 0) == RMI_SUCCESS);
	e2e_check_op(t, "stock", "RMI_MICA_REGION_MAP frames (not governed by the policy)",
		     false, map(h, r->stock, r->camera, 0) == RMI_SUCCESS);
	e2e_check_op(t, "camera", "RMI_MICA_REGION_MAP frames with detector as owner (no write grant, no page)",
		     false, map(h, r->camera, r->detector, 0) == RMI_SUCCESS);
	e2e_check_op(t, "detector", "RMI_MICA_REGION_MAP frames read-only (read grant, camera owns)",
		     true, map(h, r->detector, r->camera, 0) == RMI_SUCCESS);
	e2e_check(t, "camera", "RMI_DATA_DESTROY of the shared frame page: RMI_ERROR_RTT_AUX",
		  h->rmi(RMI_DATA_DESTROY, r->camera, E2E_FRAMES, 0, 0, 0) ==
		  RMI_ERROR_RTT_AUX);
	e2e_check(t, "host", "RMI_MICA_POLICY_UNLOAD of the policy in use: RMI_ERROR_REALM",
		  h->rmi(RMI_MICA_POLICY_UNLOAD, r->slot, 0, 0, 0, 0) == RMI_ERROR_REALM);
}

void e2e_share_end(const struct e2e_host *h, const struct e2e_share_realms *r)
{
	struct e2e_tally *t = h->tally;

	e2e_check(t, "camera", "in realm: wrote the frame, RSI_MICA_SHARED frames = write, detector may read",
		  r->camera_end == PSCI_SYSTEM_OFF);
	e2e_check(t, "detector", "in realm: read camera's frame, RSI_MICA_SHARED frames = read, camera may write",
		  r->detector_end == PSCI_SYSTEM_OFF);
	/* Readers unmap, then the owner's page may go. */
	e2e_check(t, "detector", "RMI_MICA_REGION_UNMAP frames, then camera's RMI_DATA_DESTROY succeeds",
		  (h->rmi(RMI_MICA_REGION_UNMAP, r->detector, r->camera, E2E_FRAMES, 0, 0) ==
		   RMI_SUCCESS) &&
		  (h->rmi(RMI_DATA_DESTROY, r->camera, E2E_FRAMES, 0, 0, 0) == RMI_SUCCESS));
}
