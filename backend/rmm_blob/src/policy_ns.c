/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * micac's unprotected-memory queries, with the region they found: the RMM
 * decides through mica_decide_ns_perm on the same lookup (mica_query.h) and
 * leaves this file out.
 */

#include <errno.h>
#include <mica_policy.h>
#include "mica_query.h"

unsigned int mica_policy_region_perm(const struct mica_policy *pol,
				     uint32_t region, uint32_t realm)
{
	if ((region >= pol->region_count) || (realm >= pol->realm_count)) {
		return 0U;
	}
	return mica_q_region_perm(pol, &pol->regions[region], realm);
}

int mica_policy_ns_map_perm(const struct mica_policy *pol, uint32_t realm,
			    uint64_t ipa, uint64_t size, unsigned int *perm,
			    uint32_t *region)
{
	unsigned int granted = 0U;
	uint32_t found = 0U;
	int rc;

	if (realm >= pol->realm_count) {
		return -EINVAL;
	}
	rc = mica_q_ns_map_perm(pol, realm, ipa, size, &granted, &found);
	if (rc != 0) {
		return rc;
	}
	*perm = granted;
	if (region != NULL) {
		*region = found;
	}
	return 0;
}
