/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Finding realms and regions by name and roles by measurement: micac's
 * lookups (the RMM binds roles by index and leaves this file out).
 */

#include <errno.h>
#include "mica_meas.h"
#include "mica_names.h"
#include <mica_policy.h>
#include "mica_read.h"
#include "mica_search.h"

struct name_key {
	const char *name;
	size_t len;
};

static int realm_name_cmp(const void *blob, uint32_t i, const void *key)
{
	const struct name_key *k = key;

	return mica_name_cmp(mica_blob_realm_name(blob, i), k->name, k->len);
}

static int region_name_cmp(const void *blob, uint32_t i, const void *key)
{
	const struct name_key *k = key;

	return mica_name_cmp(mica_blob_region_name(blob, i), k->name, k->len);
}

static int find_name(const struct mica_policy *pol, uint32_t count,
		     mica_key_cmp_fn cmp, const struct name_key *key,
		     uint32_t *found)
{
	uint32_t i;

	/* Longer names are never in a blob; skip the search. */
	if ((pol->blob == NULL) || (key->len > MICA_NAME_MAX)) {
		return -ENOENT;
	}
	i = mica_search(pol->blob, 0U, count, cmp, key, false);
	if ((i == count) || (cmp(pol->blob, i, key) != 0)) {
		return -ENOENT;
	}
	*found = i;
	return 0;
}

int mica_policy_find_realm(const struct mica_policy *pol, const char *name,
			   size_t len, uint32_t *realm)
{
	const struct name_key key = { name, len };

	return find_name(pol, pol->realm_count, realm_name_cmp, &key, realm);
}

int mica_policy_find_region(const struct mica_policy *pol, const char *name,
			    size_t len, uint32_t *region)
{
	const struct name_key key = { name, len };

	return find_name(pol, pol->region_count, region_name_cmp, &key, region);
}

/* The rim index and the realms, located once per search so that each step
 * only loads an index entry and compares a realm's measurement.
 */
struct rim_key {
	const uint32_t *by_meas;
	const struct mica_blob_realm *realms;
	struct mica_meas_key meas;
};

static int rim_cmp(const void *blob, uint32_t k, const void *key)
{
	const struct rim_key *m = key;

	(void)blob;
	return mica_meas_cmp(&m->realms[m->by_meas[k]], &m->meas);
}

uint32_t mica_policy_role_by_rim(const struct mica_policy *pol,
				 const uint8_t *rim, size_t len, uint32_t *pos)
{
	struct rim_key key;
	uint32_t n;
	uint32_t first;

	/* A zero length would match nothing valid but is not a measurement. */
	if ((pol->blob == NULL) || (len == 0U) || (len > MICA_MEAS_MAX)) {
		return 0U;
	}
	key.by_meas = (const uint32_t *)(const void *)
		      mica_table(pol->blob, MICA_TABLE_RIM_IDX);
	key.realms = mica_realm_at(pol->blob, 0U);
	mica_meas_key_init(&key.meas, rim, len);
	n = mica_table_count(pol->blob, MICA_TABLE_RIM_IDX);
	first = mica_search(pol->blob, 0U, n, rim_cmp, &key, false);
	*pos = first;
	/* A miss (the usual answer for an unknown RIM) needs no second search;
	 * a hit's run of equal measurements starts after first.
	 */
	if ((first == n) || (rim_cmp(pol->blob, first, &key) != 0)) {
		return 0U;
	}
	return mica_search(pol->blob, first + 1U, n, rim_cmp, &key, true) -
	       first;
}
