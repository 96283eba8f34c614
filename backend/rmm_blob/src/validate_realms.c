/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The core's realm stage: meas_len, which bounds the measurement compare
 * (mica_policy_rim_matches reads meas_len bytes, at most MICA_MEAS_MAX).
 * The RMM reads a realm's flags bit by bit and never its name or trust;
 * their rules, and the rim index, are canonical form (canon_records.c).
 */

#include "mica_validate.h"
#include <stddef.h>

static int check_realm(struct mica_vctx *v, uint32_t i, void *state)
{
	uint8_t len = mica_realm_at(v->bytes, i)->meas_len;

	(void)state;
	if ((len == 0U) || (len == 32U) || (len == 48U) ||
	    (len == MICA_MEAS_MAX)) {
		return 0;
	}
	return mica_fault(v, MICA_FAULT_REALM_MEAS_LEN, MICA_TABLE_REALMS, i,
			  mica_elem_offset(v, MICA_TABLE_REALMS, i) +
			  (uint32_t)offsetof(struct mica_blob_realm, meas_len));
}

int mica_validate_realms(struct mica_vctx *v)
{
	return mica_check_each(v, MICA_TABLE_REALMS, check_realm, NULL);
}
