/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The core's layout stage: the table descriptors. Every offset is fixed by
 * the counts before it and the last table ends where the blob does, so once
 * this stage passes every table lies inside the blob, 8-byte aligned. The
 * format's count limits and the zero padding are canonical form only
 * (canon_header.c): the blob's size bounds every count here.
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

uint32_t mica_desc_offset(unsigned int table, bool count)
{
	return (uint32_t)offsetof(struct mica_blob_header, tables) +
	       (table * (uint32_t)sizeof(struct mica_blob_table)) +
	       (count ? (uint32_t)offsetof(struct mica_blob_table, count) : 0U);
}

/*
 * Each table starts where the one before it ends, rounded up to 8; the
 * region index has one entry per region (the region search covers them
 * all). A count is below 2^32 and an element at most 72 bytes, so no sum
 * here comes near 2^64.
 */
int mica_validate_layout(struct mica_vctx *v)
{
	const struct mica_blob_header *h = v->hdr;
	uint64_t expect = sizeof(*h);
	unsigned int t;

	for (t = 0U; t < MICA_TABLE_COUNT; t++) {
		if (h->tables[t].offset != expect) {
			return mica_fault(v, MICA_FAULT_TABLE_OFFSET, t,
					  MICA_BLOB_NO_INDEX,
					  mica_desc_offset(t, false));
		}
		if ((t == MICA_TABLE_REGION_IDX) &&
		    (h->tables[t].count != h->tables[MICA_TABLE_REGIONS].count)) {
			return mica_fault(v, MICA_FAULT_REGION_IDX_COUNT, t,
					  MICA_BLOB_NO_INDEX,
					  mica_desc_offset(t, true));
		}
		expect += (uint64_t)h->tables[t].count * elem_size[t];
		expect = (expect + (MICA_BLOB_ALIGN - 1U)) &
			 ~(uint64_t)(MICA_BLOB_ALIGN - 1U);
	}
	if (expect != v->size) {
		return mica_fault(v, MICA_FAULT_LAYOUT_SIZE, MICA_BLOB_IN_HEADER,
				  MICA_BLOB_NO_INDEX,
				  (uint32_t)offsetof(struct mica_blob_header,
						     total_size));
	}
	return 0;
}

uint32_t mica_elem_size(unsigned int table)
{
	return elem_size[table];
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
