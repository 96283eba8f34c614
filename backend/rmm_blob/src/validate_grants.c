/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The core's grant stage: each grant names a region and a realm in range,
 * and the table is strictly sorted by (region, realm), so that a region's
 * run (validate_regions.c) is sorted by realm for the binary search of
 * mica_policy_region_perm, with at most one grant per realm. The RMM tests
 * perm bit by bit; its value set and the reserved bytes are canonical form
 * (canon_records.c).
 */

#include "mica_bytes.h"
#include "mica_validate.h"
#include <stddef.h>

#define GRANT_OFF(field)	((uint32_t)offsetof(struct mica_blob_grant, field))

static int check_grant(struct mica_vctx *v, uint32_t i, void *state)
{
	const struct mica_blob_header *h = v->hdr;
	const struct mica_blob_grant *g = mica_grant_at(v->bytes, i);
	uint32_t off = mica_elem_offset(v, MICA_TABLE_GRANTS, i);
	enum mica_blob_fault f = MICA_FAULT_NONE;

	(void)state;
	if (g->region >= h->tables[MICA_TABLE_REGIONS].count) {
		f = MICA_FAULT_GRANT_REGION;
		off += GRANT_OFF(region);
	} else if (g->realm >= h->tables[MICA_TABLE_REALMS].count) {
		f = MICA_FAULT_GRANT_REALM;
		off += GRANT_OFF(realm);
	} else if ((i > 0U) &&
		   (mica_pair_cmp(g[-1].region, g[-1].realm,
				  g->region, g->realm) >= 0)) {
		f = MICA_FAULT_GRANT_ORDER;
	} else {
		return 0;
	}
	return mica_fault(v, f, MICA_TABLE_GRANTS, i, off);
}

int mica_validate_grants(struct mica_vctx *v)
{
	return mica_check_each(v, MICA_TABLE_GRANTS, check_grant, NULL);
}
