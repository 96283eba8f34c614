/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The canonical validator's entry point (mica_blob_validate, micac only):
 * the core's checks (mica_blob_check's two halves) with the canonical
 * layer's around them, and the canonical rules of the header and layout:
 * header_size, total_size, the reserved fields, the format's count limits
 * and zero padding.
 */

#include "mica_canon.h"
#include <mica_policy.h>
#include <stddef.h>

#define HDR_OFF(field)	((uint32_t)offsetof(struct mica_blob_header, field))

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

/* Reads only the 88 header bytes the core has found there. */
static int canon_header(const struct mica_vctx *v)
{
	const struct mica_blob_header *h = v->hdr;
	unsigned int t;
	int rc;

	if (h->header_size != sizeof(*h)) {
		return mica_fault(v, MICA_FAULT_HEADER_SIZE, MICA_BLOB_IN_HEADER,
				  MICA_BLOB_NO_INDEX, HDR_OFF(header_size));
	}
	/* also refuses a size above 32 bits, which no offset could reach */
	if (h->total_size != v->size) {
		return mica_fault(v, MICA_FAULT_TOTAL_SIZE, MICA_BLOB_IN_HEADER,
				  MICA_BLOB_NO_INDEX, HDR_OFF(total_size));
	}
	rc = mica_check_zero(v, HDR_OFF(reserved0), sizeof(h->reserved0),
			     MICA_FAULT_RESERVED, MICA_BLOB_IN_HEADER,
			     MICA_BLOB_NO_INDEX);
	if (rc == 0) {
		rc = mica_check_zero(v, HDR_OFF(reserved1),
				     sizeof(h->reserved1), MICA_FAULT_RESERVED,
				     MICA_BLOB_IN_HEADER, MICA_BLOB_NO_INDEX);
	}
	for (t = 0U; (rc == 0) && (t < MICA_TABLE_COUNT); t++) {
		if (h->tables[t].count > count_limit(h, t)) {
			rc = mica_fault(v, MICA_FAULT_TABLE_COUNT, t,
					MICA_BLOB_NO_INDEX,
					mica_desc_offset(t, true));
		}
	}
	return rc;
}

/* The bytes between each table's last element and the next table. */
static int canon_padding(struct mica_cctx *c)
{
	const struct mica_blob_header *h = c->v.hdr;
	unsigned int t;
	int rc = 0;

	for (t = 0U; (rc == 0) && (t < MICA_TABLE_COUNT); t++) {
		uint32_t end = mica_elem_offset(&c->v, t, h->tables[t].count);
		uint32_t next = ((t + 1U) < MICA_TABLE_COUNT) ?
				h->tables[t + 1U].offset : h->total_size;

		rc = mica_check_zero(&c->v, end, next - end, MICA_FAULT_PADDING,
				     t, MICA_BLOB_NO_INDEX);
	}
	return rc;
}

typedef int (*mica_canon_fn)(struct mica_cctx *c);

/* After the core's tables; each may rely on what the stages before it proved. */
static const mica_canon_fn stages[] = {
	canon_padding,
	mica_canon_policy_name,
	mica_canon_realms,
	mica_canon_grants,
	mica_canon_regions,
	mica_canon_calls,
	mica_canon_rim_index,
	mica_canon_name_sets,
	NULL
};

int mica_blob_validate(const void *blob, size_t size,
		       struct mica_blob_error *err)
{
	struct mica_cctx c = { { NULL, NULL, err, 0U }, 0U, 0U };
	size_t i;
	int rc = mica_check_header(&c.v, blob, size);

	if (rc == 0) {
		rc = canon_header(&c.v);
	}
	if (rc == 0) {
		rc = mica_check_tables(&c.v);
	}
	for (i = 0U; (rc == 0) && (stages[i] != NULL); i++) {
		rc = stages[i](&c);
	}
	return mica_done(&c.v, rc);
}

uint32_t mica_blob_elem_size(unsigned int table)
{
	return (table < MICA_TABLE_COUNT) ? mica_elem_size(table) : 0U;
}
