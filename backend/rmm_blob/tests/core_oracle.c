/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 */

#include "blob_builder.h"
#include "core_oracle.h"

#include <errno.h>
#include <mica_decide.h>
#include <mica_policy.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The tables as the format lays them out; no order assumed. */
static const void *table(const struct mica_policy *pol, unsigned int t)
{
	const struct mica_blob_header *h = pol->blob;

	return (const uint8_t *)pol->blob + h->tables[t].offset;
}

static uint32_t count(const struct mica_policy *pol, unsigned int t)
{
	return ((const struct mica_blob_header *)pol->blob)->tables[t].count;
}

static const struct mica_blob_realm *realm(const struct mica_policy *pol,
					   uint32_t i)
{
	return (const struct mica_blob_realm *)table(pol, MICA_TABLE_REALMS) + i;
}

static const struct mica_blob_region *region(const struct mica_policy *pol,
					     uint32_t j)
{
	return (const struct mica_blob_region *)table(pol, MICA_TABLE_REGIONS) +
	       j;
}

/* A region's grants are its run (docs/blob-format.md); the first for the
 * realm counts.
 */
static unsigned int def_region_perm(const struct mica_policy *pol,
				    uint32_t j, uint32_t x)
{
	const struct mica_blob_grant *g = table(pol, MICA_TABLE_GRANTS);
	uint32_t k;

	if (j >= pol->region_count || x >= pol->realm_count) {
		return 0;
	}
	for (k = 0; k < region(pol, j)->grant_count; k++) {
		if (g[region(pol, j)->grant_first + k].realm == x) {
			return g[region(pol, j)->grant_first + k].perm;
		}
	}
	return 0;
}

static int def_ns_map_perm(const struct mica_policy *pol, uint32_t x,
			   uint64_t ipa, uint64_t size, unsigned int *perm,
			   uint32_t *found)
{
	uint32_t j;

	if (x >= pol->realm_count || size == 0 || size > UINT64_MAX - ipa) {
		return -EINVAL;
	}
	for (j = 0; j < pol->region_count; j++) {
		const struct mica_blob_region *r = region(pol, j);

		if (ipa < r->base || ipa - r->base >= r->size) {
			continue;
		}
		if (r->kind != MICA_REGION_UNPROTECTED ||
		    size > r->size - (ipa - r->base)) {
			return -ENOENT;
		}
		*perm = def_region_perm(pol, j, x);
		*found = j;
		return (*perm == 0) ? -EACCES : 0;
	}
	return -ENOENT;
}

static bool def_may_call(const struct mica_policy *pol, uint32_t a,
			 uint32_t b, bool *oneway)
{
	const struct mica_blob_call *c = table(pol, MICA_TABLE_CALLS);
	uint32_t k;

	for (k = 0; k < count(pol, MICA_TABLE_CALLS); k++) {
		if (c[k].caller == a && c[k].callee == b) {
			*oneway = (c[k].flags & MICA_CALL_ONEWAY) != 0;
			return a < pol->realm_count && b < pol->realm_count;
		}
	}
	return false;
}

struct tally {
	unsigned int wrong;
	char *why;
	size_t whylen;
};

static void check(struct tally *t, bool ok, const char *what, uint32_t x,
		  uint32_t y, uint64_t z)
{
	if (!ok && t->wrong++ == 0) {
		snprintf(t->why, t->whylen, "%s(%u, %u, 0x%llx) differs", what,
			 (unsigned int)x, (unsigned int)y,
			 (unsigned long long)z);
	}
}

struct mica_realm core_oracle_bound(const struct mica_policy *pol,
				    uint32_t role)
{
	struct mica_realm st = { .slot = 1 };
	struct mica_roles taken = { { 0 } };

	if (pol->blob != NULL)
		(void)mica_decide_bind(pol, &st, role,
				       mica_blob_header(pol->blob)->ipa_bits,
				       &taken);
	return st;
}

/* Unprotected mappings around region j's edges, with its decisions. */
static void check_ns(struct tally *t, const struct mica_policy *pol,
		     uint32_t x, uint32_t j)
{
	const struct mica_blob_region *r = region(pol, j);
	const uint64_t ipas[] = { r->base - 1, r->base, r->base + r->size - 1,
				  r->base + r->size, r->base + 4096 };
	const uint64_t sizes[] = { 1, 4096, r->size, UINT64_MAX };
	struct mica_realm st = core_oracle_bound(pol, x);
	size_t a, s;

	for (a = 0; a < ARRAY_SIZE(ipas); a++) {
		for (s = 0; s < ARRAY_SIZE(sizes); s++) {
			unsigned int p = 0, q = 0;
			uint32_t f = 0, g = 0;
			int rc = mica_policy_ns_map_perm(pol, x, ipas[a],
							 sizes[s], &p, &f);
			int want = def_ns_map_perm(pol, x, ipas[a], sizes[s],
						   &q, &g);
			bool rw = mica_decide_map_ns(pol, &st, ipas[a],
						     sizes[s],
						     MICA_S2AP_READ |
						     MICA_S2AP_WRITE);

			check(t, rc == want && (rc != 0 || (p == q && f == g)),
			      "ns_map_perm", x, j, ipas[a]);
			check(t, rw == (want == 0 &&
				    (q & MICA_PERM_READWRITE) == MICA_PERM_READWRITE),
			      "decide_map_ns", x, j, ipas[a]);
			(void)mica_decide_ns_abort_exit(pol, &st, ipas[a], true);
		}
	}
}

static void check_realm(struct tally *t, const struct mica_policy *pol,
			uint32_t x, uint32_t most)
{
	static const uint8_t other[MICA_MEAS_MAX] = { 0xa5 };
	bool in = x < pol->realm_count;
	const struct mica_blob_realm *r = in ? realm(pol, x) : NULL;
	struct mica_realm st = core_oracle_bound(pol, x);
	uint32_t y, j;
	bool ow = false, want_ow = false;

	check(t, mica_policy_may_hostcall(pol, x) ==
	      (in && (r->flags & MICA_REALM_HOSTCALL) != 0), "hostcall", x, 0, 0);
	check(t, mica_policy_may_mmio(pol, x) ==
	      (in && (r->flags & MICA_REALM_MMIO) != 0), "mmio", x, 0, 0);
	check(t, mica_decide_hostcall(pol, &st) ==
	      mica_policy_may_hostcall(pol, x), "decide_hostcall", x, 0, 0);
	if (in) {
		check(t, mica_policy_rim_matches(pol, x, r->measurement,
						 r->meas_len ? r->meas_len : 32),
		      "rim_matches own", x, 0, 0);
		check(t, mica_policy_rim_matches(pol, x, other, r->meas_len) ==
		      (r->meas_len == 0 ||
		       memcmp(other, r->measurement, r->meas_len) == 0),
		      "rim_matches other", x, 0, 0);
		(void)mica_decide_activate(pol, &st, other, MICA_MEAS_MAX);
	}
	for (y = 0; y <= pol->realm_count && y <= most; y++) {
		bool want = def_may_call(pol, x, y, &want_ow);

		check(t, mica_policy_may_call(pol, x, y, &ow) == want &&
		      (!want || ow == want_ow), "may_call", x, y, 0);
	}
	for (j = 0; j <= pol->region_count && j <= most; j++) {
		unsigned int p = def_region_perm(pol, j, x);
		unsigned int q = def_region_perm(pol, j, x + 1);

		check(t, mica_policy_region_perm(pol, j, x) == p,
		      "region_perm", x, j, 0);
		check(t, mica_policy_may_share(pol, j, x, x + 1) ==
		      ((p & MICA_PERM_WRITE) != 0 && (q & MICA_PERM_READ) != 0),
		      "may_share", x, j, 0);
		if (j < pol->region_count) {
			check_ns(t, pol, x, j);
		}
	}
}

unsigned int core_oracle(const struct mica_policy *pol, uint32_t most,
			 char *why, size_t whylen)
{
	struct tally t = { 0, why, whylen };
	uint32_t x;

	for (x = 0; x <= pol->realm_count && x <= most; x++) {
		check_realm(&t, pol, x, most);
	}
	return t.wrong;
}
