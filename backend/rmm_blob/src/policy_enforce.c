/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Binding a policy to a blob, and the queries the RMM's decisions make: the
 * measurement check and the role's flags. (Unprotected mappings and exits
 * are decided in mica_decide.c, on mica_query.h.)
 */

#include <errno.h>
#include "mica_bytes.h"
#include <mica_policy.h>
#include "mica_read.h"

const struct mica_blob_header *mica_blob_header(const void *blob)
{
	return (const struct mica_blob_header *)blob;
}

int mica_policy_init(struct mica_policy *pol, const void *blob, size_t size,
		     struct mica_blob_error *err)
{
	int rc = mica_blob_validate(blob, size, err);

	pol->blob = NULL;
	pol->realm_count = 0U;
	pol->region_count = 0U;
	pol->regions = NULL;
	pol->regions_by_base = NULL;
	pol->grants = NULL;
	if (rc == 0) {
		pol->blob = blob;
		pol->realm_count = mica_table_count(blob, MICA_TABLE_REALMS);
		pol->region_count = mica_table_count(blob, MICA_TABLE_REGIONS);
		pol->regions = mica_region_at(blob, 0U);
		pol->regions_by_base = (const uint32_t *)(const void *)
				       mica_table(blob, MICA_TABLE_REGION_IDX);
		pol->grants = mica_grant_at(blob, 0U);
	}
	return rc;
}

bool mica_policy_rim_matches(const struct mica_policy *pol, uint32_t realm,
			     const uint8_t *rim, size_t len)
{
	const struct mica_blob_realm *r;
	struct mica_meas_key key;

	if (realm >= pol->realm_count) {
		return false;
	}
	r = mica_realm_at(pol->blob, realm);
	if (r->meas_len == 0U) {
		return true;
	}
	mica_meas_key_init(&key, rim, len);
	return mica_meas_cmp(r, &key) == 0;
}

static bool realm_has_flag(const struct mica_policy *pol, uint32_t realm,
			   unsigned int flag)
{
	return (realm < pol->realm_count) &&
	       ((mica_realm_at(pol->blob, realm)->flags & flag) != 0U);
}

bool mica_policy_may_hostcall(const struct mica_policy *pol, uint32_t realm)
{
	return realm_has_flag(pol, realm, MICA_REALM_HOSTCALL);
}

bool mica_policy_may_mmio(const struct mica_policy *pol, uint32_t realm)
{
	return realm_has_flag(pol, realm, MICA_REALM_MMIO);
}
