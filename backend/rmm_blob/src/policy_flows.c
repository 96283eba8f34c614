/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Flows between realms through a region, for micac's checks and
 * scenarios. The RMM does not compile this file: mica_decide_share() reads
 * the two grants itself, and mica_policy_may_call(), which
 * mica_decide_call() asks, is a query of policy_enforce.c.
 */

#include <mica_policy.h>

bool mica_policy_may_share(const struct mica_policy *pol, uint32_t region,
			   uint32_t writer, uint32_t reader)
{
	return (writer != reader) &&
	       ((mica_policy_region_perm(pol, region, writer) &
		 MICA_PERM_WRITE) != 0U) &&
	       ((mica_policy_region_perm(pol, region, reader) &
		 MICA_PERM_READ) != 0U);
}
