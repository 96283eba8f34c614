/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 */

#include "blob_builder.h"

#include <stdlib.h>
#include <string.h>

static const size_t elem_size[MICA_TABLE_COUNT] = {
	sizeof(struct mica_blob_realm), sizeof(struct mica_blob_region),
	sizeof(struct mica_blob_grant), sizeof(struct mica_blob_call),
	sizeof(uint32_t), sizeof(uint32_t), 1U,
};

static size_t align8(size_t x)
{
	return (x + 7U) & ~(size_t)7U;
}

static uint32_t measured_count(const struct tb_policy *p)
{
	uint32_t i, n = 0;

	for (i = 0; i < p->nrealms; i++) {
		n += p->realms[i].meas_len != 0;
	}
	return n;
}

static uint32_t strings_size(const struct tb_policy *p)
{
	size_t n = strlen(p->name) + 1;
	uint32_t i;

	for (i = 0; i < p->nrealms; i++) {
		n += strlen(p->realms[i].name) + 1;
	}
	for (i = 0; i < p->nregions; i++) {
		n += strlen(p->regions[i].name) + 1;
	}
	return (uint32_t)n;
}

/* Table descriptors: each table at the end of the one before, aligned. */
static size_t layout(const struct tb_policy *p, struct mica_blob_header *h)
{
	uint32_t counts[MICA_TABLE_COUNT] = {
		p->nrealms, p->nregions, p->ngrants, p->ncalls,
		p->nregions, measured_count(p), strings_size(p),
	};
	size_t off = sizeof(*h);
	unsigned int t;

	for (t = 0; t < MICA_TABLE_COUNT; t++) {
		h->tables[t].offset = (uint32_t)off;
		h->tables[t].count = counts[t];
		off = align8(off + counts[t] * elem_size[t]);
	}
	return off;
}

static uint32_t put_name(uint8_t *blob, uint32_t *pos, const char *name)
{
	uint32_t at = *pos;
	size_t len = strlen(name) + 1;

	memcpy(blob + tb_header(blob)->tables[MICA_TABLE_STRINGS].offset + at,
	       name, len);
	*pos += (uint32_t)len;
	return at;
}

static void put_realms(uint8_t *blob, const struct tb_policy *p, uint32_t *pos)
{
	uint32_t i;

	for (i = 0; i < p->nrealms; i++) {
		struct mica_blob_realm *r = tb_realm_at(blob, i);

		r->name_off = put_name(blob, pos, p->realms[i].name);
		r->trust = p->realms[i].trust;
		r->flags = p->realms[i].flags;
		r->meas_len = p->realms[i].meas_len;
		memset(r->measurement, p->realms[i].meas_fill, r->meas_len);
	}
}

/* A region's run: its grants' first position and count, or (next, 0). */
static void put_regions(uint8_t *blob, const struct tb_policy *p, uint32_t *pos)
{
	uint32_t i, j, next = 0;

	for (j = 0; j < p->nregions; j++) {
		struct mica_blob_region *r = tb_region_at(blob, j);

		r->name_off = put_name(blob, pos, p->regions[j].name);
		r->kind = p->regions[j].kind;
		r->base = p->regions[j].base;
		r->size = p->regions[j].size;
		r->grant_first = next;
		for (i = 0; i < p->ngrants; i++) {
			if (p->grants[i].region != j) {
				continue;
			}
			if (r->grant_count++ == 0) {
				r->grant_first = i;
			}
		}
		next = r->grant_first + r->grant_count;
	}
}

static void put_grants_calls(uint8_t *blob, const struct tb_policy *p)
{
	uint32_t i;

	for (i = 0; i < p->ngrants; i++) {
		tb_grant_at(blob, i)->region = p->grants[i].region;
		tb_grant_at(blob, i)->realm = p->grants[i].realm;
		tb_grant_at(blob, i)->perm = p->grants[i].perm;
	}
	for (i = 0; i < p->ncalls; i++) {
		tb_call_at(blob, i)->caller = p->calls[i].caller;
		tb_call_at(blob, i)->callee = p->calls[i].callee;
		tb_call_at(blob, i)->flags = p->calls[i].flags;
	}
}

static int base_before(const struct tb_policy *p, uint32_t a, uint32_t b)
{
	return p->regions[a].base < p->regions[b].base;
}

static int rim_before(const struct tb_policy *p, uint32_t a, uint32_t b)
{
	const struct tb_realm *x = &p->realms[a], *y = &p->realms[b];

	if (x->meas_len != y->meas_len) {
		return x->meas_len < y->meas_len;
	}
	if (x->meas_fill != y->meas_fill) {
		return x->meas_fill < y->meas_fill;
	}
	return a < b;
}

/* Insertion sort of indices: test blobs are small. */
static void sort_index(uint32_t *v, uint32_t n, const struct tb_policy *p,
		       int (*before)(const struct tb_policy *, uint32_t, uint32_t))
{
	uint32_t i, j;

	for (i = 1; i < n; i++) {
		uint32_t x = v[i];

		for (j = i; j > 0 && before(p, x, v[j - 1]); j--) {
			v[j] = v[j - 1];
		}
		v[j] = x;
	}
}

static void put_indices(uint8_t *blob, const struct tb_policy *p)
{
	uint32_t *by_base = tb_index_at(blob, MICA_TABLE_REGION_IDX, 0);
	uint32_t *rim = tb_index_at(blob, MICA_TABLE_RIM_IDX, 0);
	uint32_t i, n = 0;

	for (i = 0; i < p->nregions; i++) {
		by_base[i] = i;
	}
	sort_index(by_base, p->nregions, p, base_before);
	for (i = 0; i < p->nrealms; i++)
		if (p->realms[i].meas_len != 0) {
			rim[n++] = i;
		}
	sort_index(rim, n, p, rim_before);
}

uint8_t *tb_build(const struct tb_policy *p, size_t *size)
{
	struct mica_blob_header h = { .magic = MICA_BLOB_MAGIC };
	uint8_t *blob;
	uint32_t pos = 0;

	*size = layout(p, &h);
	/* malloc's alignment (16 on the hosts we test) is enough for 8. */
	blob = calloc(1, *size);
	if (blob == NULL) {
		abort();
	}
	h.format_version = MICA_BLOB_FORMAT_VERSION;
	h.header_size = sizeof(h);
	h.total_size = (uint32_t)*size;
	h.policy_version = p->version;
	h.digest_alg = p->digest_alg;
	h.ipa_bits = p->ipa_bits;
	memcpy(blob, &h, sizeof(h));
	tb_header(blob)->name_off = put_name(blob, &pos, p->name);
	put_realms(blob, p, &pos);
	put_regions(blob, p, &pos);
	put_grants_calls(blob, p);
	put_indices(blob, p);
	return blob;
}

struct mica_blob_header *tb_header(uint8_t *blob)
{
	return (struct mica_blob_header *)(void *)blob;
}

uint32_t tb_offset(const uint8_t *blob, unsigned int table, uint32_t i)
{
	const struct mica_blob_header *h = (const void *)blob;

	return h->tables[table].offset + i * (uint32_t)elem_size[table];
}

struct mica_blob_realm *tb_realm_at(uint8_t *blob, uint32_t i)
{
	return (void *)(blob + tb_offset(blob, MICA_TABLE_REALMS, i));
}

struct mica_blob_region *tb_region_at(uint8_t *blob, uint32_t i)
{
	return (void *)(blob + tb_offset(blob, MICA_TABLE_REGIONS, i));
}

struct mica_blob_grant *tb_grant_at(uint8_t *blob, uint32_t i)
{
	return (void *)(blob + tb_offset(blob, MICA_TABLE_GRANTS, i));
}

struct mica_blob_call *tb_call_at(uint8_t *blob, uint32_t i)
{
	return (void *)(blob + tb_offset(blob, MICA_TABLE_CALLS, i));
}

uint32_t *tb_index_at(uint8_t *blob, unsigned int table, uint32_t k)
{
	return (void *)(blob + tb_offset(blob, table, k));
}
