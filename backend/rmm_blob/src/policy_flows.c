/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Flows between realms: sharing through a region and calls. The RMM
 * compiles this file (MICA_BLOB_RMM_SOURCES): mica_decide_call() asks
 * mica_policy_may_call(); micac's checks and scenarios use both.
 */

#include "mica_bytes.h"
#include <mica_core.h>
#include "mica_read.h"
#include "mica_search.h"

bool mica_policy_may_share(const struct mica_policy *pol, uint32_t region,
			   uint32_t writer, uint32_t reader)
{
	return (writer != reader) &&
	       ((mica_policy_region_perm(pol, region, writer) &
		 MICA_PERM_WRITE) != 0U) &&
	       ((mica_policy_region_perm(pol, region, reader) &
		 MICA_PERM_READ) != 0U);
}

struct call_key {
	uint32_t caller;
	uint32_t callee;
};

static int call_cmp(const void *blob, uint32_t i, const void *key)
{
	const struct call_key *k = key;
	const struct mica_blob_call *c = mica_call_at(blob, i);

	return mica_pair_cmp(c->caller, c->callee, k->caller, k->callee);
}

bool mica_policy_may_call(const struct mica_policy *pol, uint32_t caller,
			  uint32_t callee, bool *oneway)
{
	const struct call_key key = { caller, callee };
	uint32_t n;
	uint32_t i;

	if ((caller >= pol->realm_count) || (callee >= pol->realm_count)) {
		return false;
	}
	n = mica_table_count(pol->blob, MICA_TABLE_CALLS);
	i = mica_search(pol->blob, 0U, n, call_cmp, &key, false);
	if ((i == n) || (call_cmp(pol->blob, i, &key) != 0)) {
		return false;
	}
	if (oneway != NULL) {
		*oneway = (mica_call_at(pol->blob, i)->flags &
			   MICA_CALL_ONEWAY) != 0U;
	}
	return true;
}
