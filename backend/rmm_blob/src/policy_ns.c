/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * micac's unprotected-memory query: the RMM decides through
 * mica_decide_ns_perm on the same lookup (mica_query.h) and leaves this file
 * out.
 */

#include <mica_core.h>

int mica_policy_ns_map_perm(const struct mica_policy *pol, uint32_t realm,
			    uint64_t ipa, uint64_t size, unsigned int *perm,
			    uint32_t *region)
{
	return mica_policy_range_perm(pol, realm, MICA_REGION_UNPROTECTED,
				      ipa, size, perm, region);
}
