/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The core's region stage: kind, extent and half of the IPA space (the RMM
 * maps granules of a region by kind, and base + size never wraps), each
 * region's run in the grant table, and the region index that orders the
 * regions by base, without overlap, for the search of
 * mica_policy_ns_map_perm. Names, reserved bytes and grants after the last
 * run, which nothing reads, are canonical form (canon_records.c).
 */

#include "mica_validate.h"
#include <stddef.h>

#define REGION_OFF(field)	((uint32_t)offsetof(struct mica_blob_region, field))

/*
 * Protected regions lie wholly in [0, 2^(ipa_bits-1)), unprotected ones in
 * [2^(ipa_bits-1), 2^ipa_bits). ipa_bits <= 52, so nothing here overflows.
 */
static bool region_in_half(const struct mica_blob_region *r, uint8_t ipa_bits)
{
	uint64_t half = (uint64_t)1U << (ipa_bits - 1U);
	uint64_t lo = (r->kind == MICA_REGION_PROTECTED) ? 0U : half;
	uint64_t hi = lo + half;

	return (r->base >= lo) && (r->base <= hi) && (r->size <= (hi - r->base));
}

static enum mica_blob_fault check_extent(const struct mica_blob_region *r,
					 uint8_t ipa_bits, uint32_t *field)
{
	if ((r->size == 0U) || ((r->size % MICA_GRANULE_SIZE) != 0U)) {
		*field = REGION_OFF(size);
		return MICA_FAULT_REGION_SIZE;
	}
	*field = REGION_OFF(base);
	if ((r->base % MICA_GRANULE_SIZE) != 0U) {
		return MICA_FAULT_REGION_BASE;
	}
	if (!region_in_half(r, ipa_bits)) {
		return (r->kind == MICA_REGION_PROTECTED) ?
		       MICA_FAULT_REGION_PROTECTED_IPA :
		       MICA_FAULT_REGION_UNPROTECTED_IPA;
	}
	return MICA_FAULT_NONE;
}

/*
 * The grants are sorted by region (validate_grants.c), so a run whose first
 * and last grants name this region holds only this region's grants; runs
 * that follow each other from grant 0 to the end then hold all of them.
 */
static enum mica_blob_fault check_run(const struct mica_vctx *v,
				      const struct mica_blob_region *r,
				      uint32_t j, uint32_t next,
				      uint32_t *field)
{
	uint32_t grants = v->hdr->tables[MICA_TABLE_GRANTS].count;

	*field = REGION_OFF(grant_first);
	if (r->grant_first != next) {
		return MICA_FAULT_REGION_GRANT_FIRST;
	}
	if ((r->grant_count == 0U) || (r->grant_count > (grants - next))) {
		*field = REGION_OFF(grant_count);
		return MICA_FAULT_REGION_GRANT_COUNT;
	}
	if ((mica_grant_at(v->bytes, next)->region != j) ||
	    (mica_grant_at(v->bytes, next + r->grant_count - 1U)->region != j)) {
		return MICA_FAULT_REGION_GRANT_RUN;
	}
	return MICA_FAULT_NONE;
}

/* state: where the previous region's grants end. */
static int check_region(struct mica_vctx *v, uint32_t j, void *state)
{
	uint32_t *next_grant = state;
	const struct mica_blob_region *r = mica_region_at(v->bytes, j);
	enum mica_blob_fault f = MICA_FAULT_NONE;
	uint32_t field = REGION_OFF(kind);

	if ((r->kind != MICA_REGION_PROTECTED) &&
	    (r->kind != MICA_REGION_UNPROTECTED)) {
		f = MICA_FAULT_REGION_KIND;
	} else {
		f = check_extent(r, v->hdr->ipa_bits, &field);
		if (f == MICA_FAULT_NONE) {
			f = check_run(v, r, j, *next_grant, &field);
		}
	}
	if (f != MICA_FAULT_NONE) {
		return mica_fault(v, f, MICA_TABLE_REGIONS, j,
				  mica_elem_offset(v, MICA_TABLE_REGIONS, j) +
				  field);
	}
	*next_grant += r->grant_count;
	return 0;
}

int mica_validate_regions(struct mica_vctx *v)
{
	uint32_t next_grant = 0U;

	return mica_check_each(v, MICA_TABLE_REGIONS, check_region, &next_grant);
}

/*
 * Entries in range, each region starting at or after the end of the one
 * before (sizes are > 0, so bases strictly increase): the entries are
 * distinct, and being region_count of them, a permutation. No bitmap needed.
 */
static int check_index_entry(struct mica_vctx *v, uint32_t k, void *state)
{
	const struct mica_blob_region *prev = NULL;
	uint32_t e = mica_index_at(v->bytes, MICA_TABLE_REGION_IDX, k);
	enum mica_blob_fault f = MICA_FAULT_NONE;

	(void)state;
	if (k > 0U) {
		prev = mica_region_at(v->bytes,
				      mica_index_at(v->bytes,
						    MICA_TABLE_REGION_IDX,
						    k - 1U));
	}
	if (e >= v->hdr->tables[MICA_TABLE_REGIONS].count) {
		f = MICA_FAULT_REGION_IDX_RANGE;
	} else if ((prev != NULL) &&
		   ((prev->base + prev->size) > mica_region_at(v->bytes, e)->base)) {
		f = MICA_FAULT_REGION_IDX_ORDER;
	} else {
		return 0;
	}
	return mica_fault(v, f, MICA_TABLE_REGION_IDX, k,
			  mica_elem_offset(v, MICA_TABLE_REGION_IDX, k));
}

int mica_validate_region_index(struct mica_vctx *v)
{
	return mica_check_each(v, MICA_TABLE_REGION_IDX, check_index_entry, NULL);
}
