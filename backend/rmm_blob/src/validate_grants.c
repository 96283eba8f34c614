/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Grant records: each names a region and a realm, with a permission, and the
 * table is strictly sorted by (region, realm), which also rules out granting
 * a realm twice on one region. The regions stage then checks that each
 * region's grant_first/grant_count is exactly its run of this table.
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
	} else if ((g->perm == 0U) || ((g->perm & ~MICA_PERM_READWRITE) != 0U)) {
		f = MICA_FAULT_GRANT_PERM;
		off += GRANT_OFF(perm);
	} else if ((i > 0U) &&
		   (mica_pair_cmp(g[-1].region, g[-1].realm,
				  g->region, g->realm) >= 0)) {
		f = MICA_FAULT_GRANT_ORDER;
	} else {
		return mica_check_zero(v, off + GRANT_OFF(reserved),
				       sizeof(g->reserved), MICA_FAULT_RESERVED,
				       MICA_TABLE_GRANTS, i);
	}
	return mica_fault(v, f, MICA_TABLE_GRANTS, i, off);
}

int mica_validate_grants(struct mica_vctx *v)
{
	return mica_check_each(v, MICA_TABLE_GRANTS, check_grant, NULL);
}
