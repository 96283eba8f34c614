/* encode.c - writes a model as a canonical blob (see encode.h, mica_blob.h). */
#include <stdlib.h>
#include <string.h>

#include "blob/blob_check.h"
#include "blob/encode.h"
#include "mica_policy.h"
#include "util/radix.h"
#include "util/xalloc.h"

static size_t align_up(size_t x)
{
	return (x + MICA_BLOB_ALIGN - 1) & ~(size_t)(MICA_BLOB_ALIGN - 1);
}

/* Element counts of every table. */
static void table_counts(const struct model *m, uint32_t count[MICA_TABLE_COUNT], size_t *strbytes)
{
	uint32_t measured = 0;
	size_t bytes = strlen(m->name) + 1;

	for (uint32_t i = 0; i < m->nrealms; i++) {
		measured += m->realms[i].meas_len != 0;
		bytes += strlen(m->realms[i].name) + 1;
	}
	for (uint32_t i = 0; i < m->nregions; i++)
		bytes += strlen(m->regions[i].name) + 1;
	count[MICA_TABLE_REALMS] = m->nrealms;
	count[MICA_TABLE_REGIONS] = m->nregions;
	count[MICA_TABLE_GRANTS] = m->ngrants;
	count[MICA_TABLE_CALLS] = m->ncalls;
	count[MICA_TABLE_REGION_IDX] = m->nregions;
	count[MICA_TABLE_RIM_IDX] = measured;
	*strbytes = bytes;
}

/* Places every table right after the previous one, aligned; fills the
 * header's descriptors. Returns the total size, or 0 past the limits. */
static size_t plan_layout(const struct model *m, struct mica_blob_header *h)
{
	uint32_t count[MICA_TABLE_COUNT];
	size_t strbytes, pos = sizeof(*h);

	if (m->nrealms > MICA_MAX_REALMS || m->nregions > MICA_MAX_REGIONS ||
	    m->ngrants > MICA_MAX_GRANTS || m->ncalls > MICA_MAX_CALLS)
		return 0;
	table_counts(m, count, &strbytes);
	if (strbytes > UINT32_MAX)
		return 0;
	count[MICA_TABLE_STRINGS] = (uint32_t)strbytes;
	for (unsigned t = 0; t < MICA_TABLE_COUNT; t++) {
		pos = align_up(pos);
		h->tables[t].offset = (uint32_t)pos;
		h->tables[t].count = count[t];
		pos += (size_t)count[t] * mica_blob_elem_size(t);
		if (pos > UINT32_MAX)
			return 0;
	}
	pos = align_up(pos);
	return pos > UINT32_MAX ? 0 : pos;
}

/* Appends NAME to the string table at *POS; returns its offset there. */
static uint32_t put_string(uint8_t *strings, size_t *pos, const char *name)
{
	size_t off = *pos, len = strlen(name) + 1;

	memcpy(strings + off, name, len);
	*pos += len;
	return (uint32_t)off;
}

static void write_realms(const struct model *m, uint8_t *out, uint8_t *strings, size_t *spos)
{
	for (uint32_t i = 0; i < m->nrealms; i++) {
		const struct model_realm *r = &m->realms[i];
		struct mica_blob_realm br;

		memset(&br, 0, sizeof(br));
		br.name_off = put_string(strings, spos, r->name);
		br.trust = r->trust;
		br.flags = r->flags;
		br.meas_len = r->meas_len;
		memcpy(br.measurement, r->measurement, r->meas_len <= MICA_MEAS_MAX ? r->meas_len : 0);
		memcpy(out + (size_t)i * sizeof(br), &br, sizeof(br));
	}
}

static void write_regions(const struct model *m, uint8_t *out, uint8_t *strings, size_t *spos)
{
	for (uint32_t i = 0; i < m->nregions; i++) {
		const struct model_region *r = &m->regions[i];
		struct mica_blob_region br;

		memset(&br, 0, sizeof(br));
		br.name_off = put_string(strings, spos, r->name);
		br.kind = r->kind;
		br.base = r->base;
		br.size = r->size;
		br.grant_first = r->grant_first;
		br.grant_count = r->grant_count;
		memcpy(out + (size_t)i * sizeof(br), &br, sizeof(br));
	}
}

static void write_grants_calls(const struct model *m, uint8_t *grants, uint8_t *calls)
{
	for (uint32_t i = 0; i < m->ngrants; i++) {
		struct mica_blob_grant g;

		memset(&g, 0, sizeof(g));
		g.region = m->grants[i].region;
		g.realm = m->grants[i].realm;
		g.perm = m->grants[i].perm;
		memcpy(grants + (size_t)i * sizeof(g), &g, sizeof(g));
	}
	for (uint32_t i = 0; i < m->ncalls; i++) {
		struct mica_blob_call c;

		memset(&c, 0, sizeof(c));
		c.caller = m->calls[i].caller;
		c.callee = m->calls[i].callee;
		c.flags = m->calls[i].flags;
		memcpy(calls + (size_t)i * sizeof(c), &c, sizeof(c));
	}
}

/* Regions by base, ties by index (a stable sort of the index order). */
static void write_region_index(const struct model *m, uint8_t *out)
{
	struct radix_item *buf = xmalloc(2 * ((size_t)m->nregions + 1) * sizeof(*buf)), *v;

	for (uint32_t i = 0; i < m->nregions; i++)
		buf[i] = (struct radix_item){m->regions[i].base, &m->regions[i]};
	v = radix_sort(buf, buf + m->nregions, m->nregions);
	for (uint32_t i = 0; i < m->nregions; i++) {
		uint32_t idx = (uint32_t)((const struct model_region *)v[i].ptr - m->regions);

		memcpy(out + (size_t)i * 4, &idx, 4);
	}
	free(buf);
}

/* (meas_len, measurement, realm index): the order the RMM searches in. */
static void write_rim_index(const struct model *m, uint8_t *out)
{
	uint32_t n, *order = model_rim_order(m, &n);

	memcpy(out, order, (size_t)n * 4);
	free(order);
}

static void write_header(const struct model *m, struct mica_blob_header *h, size_t total)
{
	memcpy(h->magic, MICA_BLOB_MAGIC, MICA_BLOB_MAGIC_SIZE);
	h->format_version = MICA_BLOB_FORMAT_VERSION;
	h->header_size = sizeof(*h);
	h->total_size = (uint32_t)total;
	h->policy_version = m->version;
	h->digest_alg = m->digest_alg;
	h->ipa_bits = m->ipa_bits;
	h->name_off = 0;	/* the policy name opens the string table */
}

int encode_model_unchecked(const struct model *m, uint8_t **blob, size_t *len)
{
	struct mica_blob_header h;
	size_t total, spos = 0;
	uint8_t *b, *strings;

	memset(&h, 0, sizeof(h));
	total = plan_layout(m, &h);
	if (total == 0)
		return ENCODE_TOO_LARGE;
	write_header(m, &h, total);
	b = xcalloc(total, 1);	/* zeroed: every padding byte is zero */
	memcpy(b, &h, sizeof(h));
	strings = b + h.tables[MICA_TABLE_STRINGS].offset;
	put_string(strings, &spos, m->name);
	write_realms(m, b + h.tables[MICA_TABLE_REALMS].offset, strings, &spos);
	write_regions(m, b + h.tables[MICA_TABLE_REGIONS].offset, strings, &spos);
	write_grants_calls(m, b + h.tables[MICA_TABLE_GRANTS].offset,
			   b + h.tables[MICA_TABLE_CALLS].offset);
	write_region_index(m, b + h.tables[MICA_TABLE_REGION_IDX].offset);
	write_rim_index(m, b + h.tables[MICA_TABLE_RIM_IDX].offset);
	*blob = b;
	*len = total;
	return ENCODE_OK;
}

int encode_model_checked(const struct model *m, uint8_t **blob, size_t *len,
			 char *err, size_t errlen)
{
	uint8_t *b;
	size_t n;
	int rc = encode_model_unchecked(m, &b, &n);

	if (rc != ENCODE_OK)
		return rc;
	if (blob_check(b, n, err, errlen) != 0) {
		free(b);
		return ENCODE_INVALID;
	}
	*blob = b;
	*len = n;
	return ENCODE_OK;
}

int encode_model(const struct model *m, uint8_t **blob, size_t *len)
{
	return encode_model_checked(m, blob, len, NULL, 0);
}
