/*
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Binding a policy to a blob, and finding realms and regions by name and
 * roles by measurement.
 */

#include <errno.h>
#include "mica_bytes.h"
#include "mica_search.h"
#include <mica_policy.h>

struct name_key {
	const char *name;
	size_t len;
};

int mica_policy_init(struct mica_policy *pol, const void *blob, size_t size,
		     struct mica_blob_error *err)
{
	int rc = mica_blob_validate(blob, size, err);

	pol->blob = NULL;
	pol->realm_count = 0U;
	pol->region_count = 0U;
	if (rc == 0) {
		pol->blob = blob;
		pol->realm_count = mica_blob_count(blob, MICA_TABLE_REALMS);
		pol->region_count = mica_blob_count(blob, MICA_TABLE_REGIONS);
	}
	return rc;
}

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

struct meas_key {
	const uint8_t *meas;
	size_t len;
};

static int rim_cmp(const void *blob, uint32_t k, const void *key)
{
	const struct meas_key *m = key;

	return mica_meas_cmp(mica_blob_realm(blob, mica_blob_rim_realm(blob, k)),
			     m->meas, m->len);
}

uint32_t mica_policy_role_by_rim(const struct mica_policy *pol,
				 const uint8_t *rim, size_t len, uint32_t *pos)
{
	const struct meas_key key = { rim, len };
	uint32_t n;
	uint32_t first;

	/* A zero length would match nothing valid but is not a measurement. */
	if ((pol->blob == NULL) || (len == 0U) || (len > MICA_MEAS_MAX)) {
		return 0U;
	}
	n = mica_blob_count(pol->blob, MICA_TABLE_RIM_IDX);
	first = mica_search(pol->blob, 0U, n, rim_cmp, &key, false);
	*pos = first;
	return mica_search(pol->blob, first, n, rim_cmp, &key, true) - first;
}

bool mica_policy_rim_matches(const struct mica_policy *pol, uint32_t realm,
			     const uint8_t *rim, size_t len)
{
	const struct mica_blob_realm *r;

	if (realm >= pol->realm_count) {
		return false;
	}
	r = mica_blob_realm(pol->blob, realm);
	return (r->meas_len == 0U) || (mica_meas_cmp(r, rim, len) == 0);
}
