/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Binding a policy to a blob, and the queries the RMM's decisions and glue
 * make: the measurement check, the role's flags, a range's grant, a
 * region's grant (on mica_query.h, which mica_decide.c decides on inline)
 * and realm calls.
 */

#include <errno.h>
#include "mica_bytes.h"
#include <mica_core.h>
#include "mica_query.h"
#include "mica_read.h"

const struct mica_blob_header *mica_blob_header(const void *blob)
{
	return (const struct mica_blob_header *)blob;
}

int mica_policy_init(struct mica_policy *pol, const void *blob, size_t size,
		     struct mica_blob_error *err)
{
	int rc = mica_blob_check(blob, size, err);

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
	uint8_t diff = 0U;

	if (realm >= pol->realm_count) {
		return false;
	}
	r = mica_realm_at(pol->blob, realm);
	if (r->meas_len == 0U) {
		return true;
	}
	/* Equality only, byte by byte: meas_len is at most MICA_MEAS_MAX. */
	if (len != r->meas_len) {
		return false;
	}
	for (size_t i = 0U; i < len; i++) {
		diff |= (uint8_t)(r->measurement[i] ^ rim[i]);
	}
	return diff == 0U;
}

unsigned int mica_policy_region_perm(const struct mica_policy *pol,
				     uint32_t region, uint32_t realm)
{
	if ((region >= pol->region_count) || (realm >= pol->realm_count)) {
		return 0U;
	}
	return mica_q_region_perm(pol, &pol->regions[region], realm);
}

int mica_policy_range_perm(const struct mica_policy *pol, uint32_t realm,
			   unsigned int kind, uint64_t ipa, uint64_t size,
			   unsigned int *perm, uint32_t *region)
{
	unsigned int granted = 0U;
	uint32_t found = 0U;
	int rc;

	if (realm >= pol->realm_count) {
		return -EINVAL;
	}
	rc = mica_q_range_perm(pol, realm, kind, ipa, size, &granted, &found);
	if (rc != 0) {
		return rc;
	}
	*perm = granted;
	if (region != NULL) {
		*region = found;
	}
	return 0;
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
