/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Binding a policy to a blob, and the queries the RMM's hooks make: the
 * measurement check, mappings, exits to the host and realm calls. Each is a
 * binary search in a table the core checks proved sorted, one load, or (the
 * measurement) a compare of at most MICA_MEAS_MAX bytes.
 */

#include <errno.h>
#include "mica_bytes.h"
#include <mica_core.h>
#include "mica_read.h"
#include "mica_search.h"

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
	if (rc == 0) {
		pol->blob = blob;
		pol->realm_count = mica_table_count(blob, MICA_TABLE_REALMS);
		pol->region_count = mica_table_count(blob, MICA_TABLE_REGIONS);
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

static int grant_realm_cmp(const void *blob, uint32_t i, const void *key)
{
	uint32_t realm = *(const uint32_t *)key;
	uint32_t have = mica_grant_at(blob, i)->realm;

	return (have < realm) ? -1 : ((have > realm) ? 1 : 0);
}

unsigned int mica_policy_region_perm(const struct mica_policy *pol,
				     uint32_t region, uint32_t realm)
{
	const struct mica_blob_region *r;
	uint32_t end;
	uint32_t i;

	if ((region >= pol->region_count) || (realm >= pol->realm_count)) {
		return 0U;
	}
	r = mica_region_at(pol->blob, region);
	end = r->grant_first + r->grant_count;
	i = mica_search(pol->blob, r->grant_first, end, grant_realm_cmp,
			&realm, false);
	if ((i == end) || (mica_grant_at(pol->blob, i)->realm != realm)) {
		return 0U;
	}
	return mica_grant_at(pol->blob, i)->perm;
}

/* The region index and the regions, located once per search so that each
 * step only loads an index entry and a base.
 */
struct base_key {
	const uint32_t *by_base;
	const struct mica_blob_region *regions;
	uint64_t ipa;
};

static int base_cmp(const void *blob, uint32_t k, const void *key)
{
	const struct base_key *b = key;
	uint64_t base = b->regions[b->by_base[k]].base;

	(void)blob;
	return (base < b->ipa) ? -1 : ((base > b->ipa) ? 1 : 0);
}

/* The region that holds the whole range, if any: the last one by base that
 * starts at or below ipa, as regions never overlap.
 */
static int find_region(const struct mica_policy *pol, unsigned int kind,
		       uint64_t ipa, uint64_t size, uint32_t *region)
{
	const struct base_key key = {
		.by_base = (const uint32_t *)(const void *)
			   mica_table(pol->blob, MICA_TABLE_REGION_IDX),
		.regions = mica_region_at(pol->blob, 0U),
		.ipa = ipa,
	};
	const struct mica_blob_region *r;
	uint32_t k = mica_search(pol->blob, 0U, pol->region_count, base_cmp,
				 &key, true);

	if (k == 0U) {
		return -ENOENT;
	}
	*region = key.by_base[k - 1U];
	r = &key.regions[*region];
	/* ipa >= base, and base + size cannot overflow in a checked blob. */
	if ((r->kind != kind) ||
	    ((ipa - r->base) >= r->size) || (size > (r->size - (ipa - r->base)))) {
		return -ENOENT;
	}
	return 0;
}

int mica_policy_ns_map_perm(const struct mica_policy *pol, uint32_t realm,
			    uint64_t ipa, uint64_t size, unsigned int *perm,
			    uint32_t *region)
{
	return mica_policy_range_perm(pol, realm, MICA_REGION_UNPROTECTED,
				      ipa, size, perm, region);
}

int mica_policy_range_perm(const struct mica_policy *pol, uint32_t realm,
			   unsigned int kind, uint64_t ipa, uint64_t size,
			   unsigned int *perm, uint32_t *region)
{
	uint32_t found;
	unsigned int granted;
	int rc;

	if ((realm >= pol->realm_count) || (size == 0U) ||
	    (size > (UINT64_MAX - ipa))) {
		return -EINVAL;
	}
	rc = find_region(pol, kind, ipa, size, &found);
	if (rc != 0) {
		return rc;
	}
	granted = mica_policy_region_perm(pol, found, realm);
	if (granted == 0U) {
		return -EACCES;
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
