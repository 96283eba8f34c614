/* endorse.c - CoMID / CoRIM templates of a policy's reference values (see
 * endorse.h). The JSON shapes are those of veraison/corim at commit 53b3014
 * (main, 2026-07-02; docs/attestation.md says why that one): tagged values
 * as {"type", "value"}, byte strings in padded base64, digests as [alg-id,
 * unpadded base64url] (comid/digest.go since 88dde1b), the CoRIM profile as
 * {"type": "uri", "value": ...} (corim/profile.go since 5985ee8). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "print/endorse.h"
#include "mica_policy.h"
#include "util/xalloc.h"

int ni_alg_id(size_t len)
{
	switch (len) {
	case 32: return 1;	/* sha-256 */
	case 48: return 7;	/* sha-384 */
	case 64: return 8;	/* sha-512 */
	default: return 0;
	}
}

char *endorse_tag_id(const struct model *m, const uint8_t *digest, size_t digest_len)
{
	char *hex = hex_encode(digest, digest_len);
	char *id = xasprintf("mica:%s:%s:%s", m->name, digest_name(m->digest_alg), hex);

	free(hex);
	return id;
}

/* {"type": "<type>", "value": <bytes in base64>} */
static void tagged_bytes(struct dnode *parent, const char *key, const uint8_t *p, size_t n)
{
	struct dnode *t = dt_map(parent, key, false);

	dt_word(t, "type", "bytes");
	dt_str_owned(t, "value", base64_encode(p, n));
}

static struct dnode *measurement(struct dnode *list, const char *mkey)
{
	struct dnode *mm = dt_map(list, NULL, false), *key = dt_map(mm, "key", false);

	dt_word(key, "type", "string");
	dt_word(key, "value", mkey);
	return dt_map(mm, "value", false);
}

static void realm_triple(struct dnode *triples, const struct model_realm *r,
			 const uint8_t rpv[RPV_SIZE])
{
	struct dnode *t = dt_map(triples, NULL, false);
	struct dnode *env = dt_map(t, "environment", false), *ms, *digest;

	tagged_bytes(dt_map(env, "class", false), "id", r->measurement, r->meas_len);
	ms = dt_list(t, "measurements", false);
	digest = dt_list(dt_list(measurement(ms, "cca.rim"), "digests", false), NULL, true);
	dt_num(digest, NULL, (uint64_t)ni_alg_id(r->meas_len), NULL);
	dt_str_owned(digest, NULL, base64url_encode(r->measurement, r->meas_len));
	tagged_bytes(measurement(ms, "cca.rpv"), "raw-value", rpv, RPV_SIZE);
}

/* Marks the first realm (lowest index) of each distinct measurement. The
 * blob's RIM index lists measured realms sorted by (measurement, index),
 * so equal measurements are neighbours there. Returns how many. */
static uint32_t first_of_each_rim(const struct model *m, const void *blob, bool *keep)
{
	uint32_t n = mica_blob_count(blob, MICA_TABLE_RIM_IDX), kept = 0;
	const struct model_realm *prev = NULL;

	for (uint32_t k = 0; k < n; k++) {
		uint32_t i = mica_blob_rim_realm(blob, k);
		const struct model_realm *r = &m->realms[i];

		if (prev && prev->meas_len == r->meas_len &&
		    memcmp(prev->measurement, r->measurement, r->meas_len) == 0)
			continue;
		keep[i] = true;
		kept++;
		prev = r;
	}
	return kept;
}

struct dnode *endorse_comid(const struct model *m, const void *blob, const uint8_t rpv[RPV_SIZE],
			    const char *tag_id)
{
	bool *keep = xcalloc(m->nrealms ? m->nrealms : 1, sizeof(*keep));
	struct dnode *root, *id, *triples;

	if (first_of_each_rim(m, blob, keep) == 0) {
		free(keep);
		return NULL;
	}
	root = dtree_root();
	id = dt_map(root, "tag-identity", false);
	dt_str(id, "id", tag_id);
	dt_num(id, "version", m->version, NULL);
	triples = dt_list(dt_map(root, "triples", false), "reference-values", false);
	for (uint32_t i = 0; i < m->nrealms; i++)
		if (keep[i])
			realm_triple(triples, &m->realms[i], rpv);
	free(keep);
	return root;
}

struct dnode *endorse_corim(const char *tag_id)
{
	struct dnode *root = dtree_root(), *profile;

	dt_str(root, "corim-id", tag_id);
	profile = dt_map(root, "profile", false);
	dt_word(profile, "type", "uri");
	dt_str(profile, "value", CCA_REALM_PROFILE);
	return root;
}
