/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Realm records, and the rim index that orders the measured ones.
 */

#include "mica_bytes.h"
#include "mica_validate.h"
#include <stddef.h>

#define REALM_OFF(field)	((uint32_t)offsetof(struct mica_blob_realm, field))

static bool meas_len_valid(uint8_t len)
{
	return (len == 0U) || (len == 32U) || (len == 48U) ||
	       (len == MICA_MEAS_MAX);
}

static int check_realm(struct mica_vctx *v, uint32_t i, void *state)
{
	const char **prev = state;
	const struct mica_blob_realm *r = mica_realm_at(v->bytes, i);
	uint32_t off = mica_elem_offset(v, MICA_TABLE_REALMS, i);
	const struct mica_name_ref ref = { MICA_TABLE_REALMS, i, off };
	enum mica_blob_fault f = MICA_FAULT_NONE;
	int rc = mica_check_name(v, &ref, *prev, prev);

	if (rc != 0) {
		return rc;
	}
	if ((r->trust < MICA_TRUST_TRUSTED) ||
	    (r->trust > MICA_TRUST_UNTRUSTED)) {
		f = MICA_FAULT_REALM_TRUST;
		off += REALM_OFF(trust);
	} else if ((r->flags & ~MICA_REALM_FLAGS_ALL) != 0U) {
		f = MICA_FAULT_REALM_FLAGS;
		off += REALM_OFF(flags);
	} else if (!meas_len_valid(r->meas_len)) {
		f = MICA_FAULT_REALM_MEAS_LEN;
		off += REALM_OFF(meas_len);
	} else if (r->reserved != 0U) {
		f = MICA_FAULT_RESERVED;
		off += REALM_OFF(reserved);
	} else {
		if (r->meas_len != 0U) {
			v->measured++;
		}
		return mica_check_zero(v, off + REALM_OFF(measurement) +
				       r->meas_len, MICA_MEAS_MAX - r->meas_len,
				       MICA_FAULT_REALM_MEAS_PAD,
				       MICA_TABLE_REALMS, i);
	}
	return mica_fault(v, f, MICA_TABLE_REALMS, i, off);
}

int mica_validate_realms(struct mica_vctx *v)
{
	const char *prev = NULL;

	return mica_check_each(v, MICA_TABLE_REALMS, check_realm, &prev);
}

/* Does rim index entry a sort strictly before entry b? */
static bool rim_before(const void *blob, uint32_t a, uint32_t b)
{
	const struct mica_blob_realm *rb = mica_realm_at(blob, b);
	struct mica_meas_key key;
	int c;

	mica_meas_key_init(&key, rb->measurement, rb->meas_len);
	c = mica_meas_cmp(mica_realm_at(blob, a), &key);
	return (c < 0) || ((c == 0) && (a < b));
}

static int check_rim_entry(struct mica_vctx *v, uint32_t k, void *state)
{
	uint32_t e = mica_index_at(v->bytes, MICA_TABLE_RIM_IDX, k);
	enum mica_blob_fault f = MICA_FAULT_NONE;

	(void)state;
	if (e >= v->hdr->tables[MICA_TABLE_REALMS].count) {
		f = MICA_FAULT_RIM_IDX_RANGE;
	} else if (mica_realm_at(v->bytes, e)->meas_len == 0U) {
		f = MICA_FAULT_RIM_IDX_UNMEASURED;
	} else if ((k > 0U) &&
		   !rim_before(v->bytes,
			       mica_index_at(v->bytes, MICA_TABLE_RIM_IDX,
					     k - 1U), e)) {
		f = MICA_FAULT_RIM_IDX_ORDER;
	} else {
		return 0;
	}
	return mica_fault(v, f, MICA_TABLE_RIM_IDX, k,
			  mica_elem_offset(v, MICA_TABLE_RIM_IDX, k));
}

/*
 * Entries are measured realms in strictly increasing order, so distinct; as
 * many as there are measured realms, so every measured realm is there once.
 */
int mica_validate_rim_index(struct mica_vctx *v)
{
	if (v->hdr->tables[MICA_TABLE_RIM_IDX].count != v->measured) {
		return mica_fault(v, MICA_FAULT_RIM_IDX_COUNT, MICA_TABLE_RIM_IDX,
				  MICA_BLOB_NO_INDEX,
				  mica_desc_offset(MICA_TABLE_RIM_IDX, true));
	}
	return mica_check_each(v, MICA_TABLE_RIM_IDX, check_rim_entry, NULL);
}
