/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Second stage: the table descriptors. Every offset is fixed by the counts
 * before it, so a valid blob has exactly one layout and no byte unaccounted
 * for; once this stage passes, every table lies inside the blob.
 */

#include "mica_validate.h"
#include <stddef.h>

static const uint32_t elem_size[MICA_TABLE_COUNT] = {
	[MICA_TABLE_REALMS] = sizeof(struct mica_blob_realm),
	[MICA_TABLE_REGIONS] = sizeof(struct mica_blob_region),
	[MICA_TABLE_GRANTS] = sizeof(struct mica_blob_grant),
	[MICA_TABLE_CALLS] = sizeof(struct mica_blob_call),
	[MICA_TABLE_REGION_IDX] = sizeof(uint32_t),
	[MICA_TABLE_RIM_IDX] = sizeof(uint32_t),
	[MICA_TABLE_STRINGS] = 1U,
};

static uint64_t align_up(uint64_t x)
{
	return (x + (MICA_BLOB_ALIGN - 1U)) & ~(uint64_t)(MICA_BLOB_ALIGN - 1U);
}

uint32_t mica_desc_offset(unsigned int table, bool count)
{
	return (uint32_t)offsetof(struct mica_blob_header, tables) +
	       (table * (uint32_t)sizeof(struct mica_blob_table)) +
	       (count ? (uint32_t)offsetof(struct mica_blob_table, count) : 0U);
}

/*
 * The largest count each table may have. The string table holds at most
 * 1 + realms + regions names of 63 bytes and a NUL.
 */
static uint64_t count_limit(const struct mica_blob_header *h,
			    unsigned int table)
{
	uint64_t names;

	switch (table) {
	case MICA_TABLE_REALMS:
		return MICA_MAX_REALMS;
	case MICA_TABLE_REGIONS:
	case MICA_TABLE_REGION_IDX:
		return MICA_MAX_REGIONS;
	case MICA_TABLE_GRANTS:
		return MICA_MAX_GRANTS;
	case MICA_TABLE_CALLS:
		return MICA_MAX_CALLS;
	case MICA_TABLE_RIM_IDX:
		return h->tables[MICA_TABLE_REALMS].count;
	default:
		names = 1U + (uint64_t)h->tables[MICA_TABLE_REALMS].count +
			h->tables[MICA_TABLE_REGIONS].count;
		return names * (MICA_NAME_MAX + 1U);
	}
}

static int check_count(const struct mica_vctx *v, unsigned int table)
{
	const struct mica_blob_header *h = v->hdr;
	uint32_t count = h->tables[table].count;

	if ((table == MICA_TABLE_REGION_IDX) &&
	    (count != h->tables[MICA_TABLE_REGIONS].count)) {
		return mica_fault(v, MICA_FAULT_REGION_IDX_COUNT, table,
				  MICA_BLOB_NO_INDEX, mica_desc_offset(table, true));
	}
	if (count > count_limit(h, table)) {
		return mica_fault(v, MICA_FAULT_TABLE_COUNT, table,
				  MICA_BLOB_NO_INDEX, mica_desc_offset(table, true));
	}
	return 0;
}

/* The end of each table's records, before its padding. */
static uint64_t table_end(const struct mica_blob_header *h, unsigned int t)
{
	return (uint64_t)h->tables[t].offset +
	       ((uint64_t)h->tables[t].count * elem_size[t]);
}

static int check_padding(const struct mica_vctx *v)
{
	const struct mica_blob_header *h = v->hdr;
	unsigned int t;
	int rc = 0;

	for (t = 0U; (rc == 0) && (t < MICA_TABLE_COUNT); t++) {
		uint32_t end = (uint32_t)table_end(h, t);
		uint32_t next = ((t + 1U) < MICA_TABLE_COUNT) ?
				h->tables[t + 1U].offset : h->total_size;

		rc = mica_check_zero(v, end, next - end, MICA_FAULT_PADDING, t,
				     MICA_BLOB_NO_INDEX);
	}
	return rc;
}

int mica_validate_layout(struct mica_vctx *v)
{
	const struct mica_blob_header *h = v->hdr;
	uint64_t expect = sizeof(*h);
	unsigned int t;
	int rc;

	for (t = 0U; t < MICA_TABLE_COUNT; t++) {
		if (h->tables[t].offset != expect) {
			return mica_fault(v, MICA_FAULT_TABLE_OFFSET, t,
					  MICA_BLOB_NO_INDEX,
					  mica_desc_offset(t, false));
		}
		rc = check_count(v, t);
		if (rc != 0) {
			return rc;
		}
		/* Bounded counts keep this far below 2^64. */
		expect = align_up(table_end(h, t));
	}
	if (expect != h->total_size) {
		return mica_fault(v, MICA_FAULT_LAYOUT_SIZE, MICA_BLOB_IN_HEADER,
				  MICA_BLOB_NO_INDEX,
				  (uint32_t)offsetof(struct mica_blob_header,
						     total_size));
	}
	return check_padding(v);
}

uint32_t mica_elem_size(unsigned int table)
{
	return elem_size[table];
}

uint32_t mica_blob_elem_size(unsigned int table)
{
	return (table < MICA_TABLE_COUNT) ? elem_size[table] : 0U;
}

uint32_t mica_elem_offset(const struct mica_vctx *v, unsigned int table,
			  uint32_t i)
{
	/* The layout check bounds every table inside a 32-bit blob. */
	return v->hdr->tables[table].offset + (i * mica_elem_size(table));
}

int mica_check_each(struct mica_vctx *v, unsigned int table,
		    mica_elem_check_fn check, void *state)
{
	uint32_t n = v->hdr->tables[table].count;
	uint32_t i;
	int rc = 0;

	for (i = 0U; (rc == 0) && (i < n); i++) {
		rc = check(v, i, state);
	}
	return rc;
}
