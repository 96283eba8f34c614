/* decode.c - a blob back into a model (decode.h).
 *
 * The backend's validator decides whether the blob is acceptable; once it
 * has, every offset, index and name is known to be sound and the blob is
 * canonical, so decoding is a plain copy through the read API; names are
 * interned into the blob's source, which the model borrows them from. */
#include <string.h>

#include "blob/blob_check.h"
#include "blob/decode.h"
#include "mica_policy.h"
#include "util/xalloc.h"

static void decode_realms(const void *blob, struct interner *names, struct model *m)
{
	m->nrealms = mica_blob_count(blob, MICA_TABLE_REALMS);
	m->realms = xcalloc(m->nrealms ? m->nrealms : 1, sizeof(*m->realms));
	for (uint32_t i = 0; i < m->nrealms; i++) {
		const struct mica_blob_realm *br = mica_blob_realm(blob, i);
		struct model_realm *r = &m->realms[i];

		r->name = intern_cstr(names, mica_blob_realm_name(blob, i));
		r->trust = br->trust;
		r->flags = br->flags;
		r->meas_len = br->meas_len;
		memcpy(r->measurement, br->measurement, MICA_MEAS_MAX);
		r->loc = r->hostcall_loc = r->mmio_loc = diag_blob_loc(MICA_TABLE_REALMS, i);
	}
}

static void decode_regions(const void *blob, struct interner *names, struct model *m)
{
	m->nregions = mica_blob_count(blob, MICA_TABLE_REGIONS);
	m->regions = xcalloc(m->nregions ? m->nregions : 1, sizeof(*m->regions));
	for (uint32_t i = 0; i < m->nregions; i++) {
		const struct mica_blob_region *br = mica_blob_region(blob, i);
		struct model_region *r = &m->regions[i];

		r->name = intern_cstr(names, mica_blob_region_name(blob, i));
		r->kind = br->kind;
		r->base = br->base;
		r->size = br->size;
		r->grant_first = br->grant_first;
		r->grant_count = br->grant_count;
		r->loc = diag_blob_loc(MICA_TABLE_REGIONS, i);
	}
}

static void decode_grants_calls(const void *blob, struct model *m)
{
	m->ngrants = mica_blob_count(blob, MICA_TABLE_GRANTS);
	m->grants = xcalloc(m->ngrants ? m->ngrants : 1, sizeof(*m->grants));
	for (uint32_t i = 0; i < m->ngrants; i++) {
		const struct mica_blob_grant *g = mica_blob_grant(blob, i);

		m->grants[i].region = g->region;
		m->grants[i].realm = g->realm;
		m->grants[i].perm = g->perm;
		m->grants[i].loc = diag_blob_loc(MICA_TABLE_GRANTS, i);
	}
	m->ncalls = mica_blob_count(blob, MICA_TABLE_CALLS);
	m->calls = xcalloc(m->ncalls ? m->ncalls : 1, sizeof(*m->calls));
	for (uint32_t i = 0; i < m->ncalls; i++) {
		const struct mica_blob_call *c = mica_blob_call(blob, i);

		m->calls[i].caller = c->caller;
		m->calls[i].callee = c->callee;
		m->calls[i].flags = c->flags;
		m->calls[i].loc = diag_blob_loc(MICA_TABLE_CALLS, i);
	}
}

int decode_blob(const struct source *src, struct model *m, struct diag_list *dl)
{
	static const loc_t nowhere;
	char err[256];
	const struct mica_blob_header *h;
	int rc = blob_check(src->data, src->len, err, sizeof(err));

	memset(m, 0, sizeof(*m));
	if (rc == BLOB_VERSION) {
		diag_add(dl, ERR_UNSUPPORTED_BLOB_VERSION, src, nowhere, "unsupported blob %s", err);
		return -1;
	}
	if (rc != BLOB_OK) {
		diag_add(dl, ERR_INVALID_BLOB, src, nowhere, "invalid blob: %s", err);
		return -1;
	}
	h = mica_blob_header(src->data);
	m->src = src;
	m->name = intern_cstr(src->names, mica_blob_policy_name(src->data));
	m->version = h->policy_version;
	m->digest_alg = h->digest_alg;
	m->ipa_bits = h->ipa_bits;
	decode_realms(src->data, src->names, m);
	decode_regions(src->data, src->names, m);
	decode_grants_calls(src->data, m);
	return 0;
}
