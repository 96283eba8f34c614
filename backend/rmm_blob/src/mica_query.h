/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Private: the region lookup, inline. policy_enforce.c builds the public
 * queries on it and mica_decide.c the map, exit and share decisions, so
 * that a decision is one function with the region search and the grant scan
 * in it rather than a chain of calls (each call costs about as much as a
 * search step with the few regions a policy has; docs/performance.md, "The
 * RMM hooks"). Only on a policy mica_policy_init accepted.
 */

#ifndef MICA_QUERY_H
#define MICA_QUERY_H

#include <errno.h>
#include <mica_core.h>
#include "mica_search.h"

/*
 * The realm's MICA_PERM_* bits on region r of pol; 0 when not granted. A
 * region's grants are sorted by realm and are few (at most one per realm
 * that shares it), so a scan that stops at the first realm not below the
 * one asked for costs fewer instructions than a binary search's
 * bookkeeping; at worst it reads each of the region's grants once.
 */
static inline unsigned int mica_q_region_perm(const struct mica_policy *pol,
					      const struct mica_blob_region *r,
					      uint32_t realm)
{
	const struct mica_blob_grant *g = &pol->grants[r->grant_first];
	const struct mica_blob_grant *end = g + r->grant_count;

	for (; g < end; g++) {
		if (g->realm >= realm) {
			return (g->realm == realm) ? g->perm : 0U;
		}
	}
	return 0U;
}

static inline int mica_q_base_cmp(const void *blob, uint32_t k,
				  const void *key)
{
	const struct mica_policy *pol = blob;
	uint64_t ipa = *(const uint64_t *)key;
	uint64_t base = pol->regions[pol->regions_by_base[k]].base;

	return (base < ipa) ? -1 : ((base > ipa) ? 1 : 0);
}

/*
 * mica_policy_range_perm (mica_core.h) for a realm index already known to
 * be in range (a bound role: BIND checked it): 0 and the granted bits in
 * *perm and the region in *region when [ipa, ipa + size) lies wholly in one
 * region of kind (MICA_REGION_*) granted to realm; -EINVAL, -ENOENT or
 * -EACCES.
 */
static inline int mica_q_range_perm(const struct mica_policy *pol,
				    uint32_t realm, unsigned int kind,
				    uint64_t ipa, uint64_t size,
				    unsigned int *perm, uint32_t *region)
{
	const struct mica_blob_region *r;
	uint32_t k;

	if ((size == 0U) || (size > (UINT64_MAX - ipa))) {
		return -EINVAL;
	}
	/* The last region by base that starts at or below ipa: regions never
	 * overlap, so only it can hold the range. The search's "blob" is the
	 * policy, whose located tables the comparison reads.
	 */
	k = mica_search(pol, 0U, pol->region_count, mica_q_base_cmp, &ipa,
			true);
	if (k == 0U) {
		return -ENOENT;
	}
	*region = pol->regions_by_base[k - 1U];
	r = &pol->regions[*region];
	/* ipa >= base, and base + size cannot overflow in a valid blob. */
	if ((r->kind != kind) ||
	    ((ipa - r->base) >= r->size) || (size > (r->size - (ipa - r->base)))) {
		return -ENOENT;
	}
	*perm = mica_q_region_perm(pol, r, realm);
	return (*perm == 0U) ? -EACCES : 0;
}

#endif /* MICA_QUERY_H */
