/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The records' canonical rules (micac only), checked after the core's
 * (validate_*.c), so every index here is in range: realm names, trust, the
 * flag, permission and call-flag value sets, reserved bytes and the
 * measurement's zero tail, grants after the last region's run, and the rim
 * index, which only micac's lookup by measurement reads.
 */

#include "mica_canon.h"
#include "mica_meas.h"
#include <stddef.h>

#define REALM_OFF(field)	((uint32_t)offsetof(struct mica_blob_realm, field))
#define REGION_OFF(field)	((uint32_t)offsetof(struct mica_blob_region, field))
#define GRANT_OFF(field)	((uint32_t)offsetof(struct mica_blob_grant, field))
#define CALL_OFF(field)		((uint32_t)offsetof(struct mica_blob_call, field))

int mica_check_zero(const struct mica_vctx *v, uint32_t offset, uint32_t n,
		    unsigned int fault, unsigned int table,
		    uint32_t index)
{
	uint32_t i;

	for (i = 0U; i < n; i++) {
		if (v->bytes[offset + i] != 0U) {
			return mica_fault(v, fault, table, index, offset + i);
		}
	}
	return 0;
}

/* After its name, the shape of every record's canonical rules: one field
 * and its fault, then zero bytes (reserved, or the measurement's tail).
 */
struct canon_rec {
	unsigned int f;		/* the field's fault, or MICA_FAULT_NONE */
	uint32_t field;		/* its offset in the record */
	uint32_t zero;		/* then: n zero bytes from this offset */
	uint32_t n;
	unsigned int zero_fault;
};

static int canon_rec_check(const struct mica_vctx *v, unsigned int table,
			   uint32_t i, const struct canon_rec *r)
{
	uint32_t off = mica_elem_offset(v, table, i);

	if (r->f != MICA_FAULT_NONE) {
		return mica_fault(v, r->f, table, i, off + r->field);
	}
	return mica_check_zero(v, off + r->zero, r->n, r->zero_fault, table, i);
}

/* state: the previous realm's name. */
static int canon_realm(struct mica_vctx *v, uint32_t i, void *state)
{
	struct mica_cctx *c = (struct mica_cctx *)(void *)v;
	const struct mica_blob_realm *r = mica_realm_at(v->bytes, i);
	const struct mica_name_ref ref = {
		MICA_TABLE_REALMS, i, mica_elem_offset(v, MICA_TABLE_REALMS, i)
	};
	struct canon_rec rec = { MICA_FAULT_NONE, 0U, REALM_OFF(reserved), 1U,
				 MICA_FAULT_RESERVED };
	int rc = mica_check_name(c, &ref, *(const char **)state, state);

	if (rc != 0) {
		return rc;
	}
	if ((r->trust < MICA_TRUST_TRUSTED) ||
	    (r->trust > MICA_TRUST_UNTRUSTED)) {
		rec.f = MICA_FAULT_REALM_TRUST;
		rec.field = REALM_OFF(trust);
	} else if ((r->flags & ~MICA_REALM_FLAGS_ALL) != 0U) {
		rec.f = MICA_FAULT_REALM_FLAGS;
		rec.field = REALM_OFF(flags);
	}
	rc = canon_rec_check(v, MICA_TABLE_REALMS, i, &rec);
	if (rc == 0) {
		rec.zero = REALM_OFF(measurement) + r->meas_len;
		rec.n = MICA_MEAS_MAX - r->meas_len;
		rec.zero_fault = MICA_FAULT_REALM_MEAS_PAD;
		rc = canon_rec_check(v, MICA_TABLE_REALMS, i, &rec);
	}
	c->measured += (r->meas_len != 0U) ? 1U : 0U;
	return rc;
}

int mica_canon_realms(struct mica_cctx *c)
{
	const char *prev = NULL;

	return mica_check_each(&c->v, MICA_TABLE_REALMS, canon_realm, &prev);
}

static int canon_grant(struct mica_vctx *v, uint32_t i, void *state)
{
	const struct mica_blob_grant *g = mica_grant_at(v->bytes, i);
	struct canon_rec rec = { MICA_FAULT_NONE, GRANT_OFF(perm),
				 GRANT_OFF(reserved), sizeof(g->reserved),
				 MICA_FAULT_RESERVED };

	(void)state;
	if ((g->perm == 0U) || ((g->perm & ~MICA_PERM_READWRITE) != 0U)) {
		rec.f = MICA_FAULT_GRANT_PERM;
	}
	return canon_rec_check(v, MICA_TABLE_GRANTS, i, &rec);
}

int mica_canon_grants(struct mica_cctx *c)
{
	return mica_check_each(&c->v, MICA_TABLE_GRANTS, canon_grant, NULL);
}

/* state: the previous region's name. */
static int canon_region(struct mica_vctx *v, uint32_t j, void *state)
{
	const struct mica_name_ref ref = {
		MICA_TABLE_REGIONS, j, mica_elem_offset(v, MICA_TABLE_REGIONS, j)
	};
	const struct canon_rec rec = { MICA_FAULT_NONE, 0U,
				       REGION_OFF(reserved), 3U,
				       MICA_FAULT_RESERVED };
	int rc = mica_check_name((struct mica_cctx *)(void *)v, &ref,
				 *(const char **)state, state);

	return (rc != 0) ? rc : canon_rec_check(v, MICA_TABLE_REGIONS, j, &rec);
}

/* The core proved the runs consecutive from grant 0; they must also end
 * at the last grant.
 */
int mica_canon_regions(struct mica_cctx *c)
{
	const struct mica_blob_header *h = c->v.hdr;
	uint32_t n = h->tables[MICA_TABLE_REGIONS].count;
	uint32_t end = 0U;
	const char *prev = NULL;
	int rc = mica_check_each(&c->v, MICA_TABLE_REGIONS, canon_region, &prev);

	if (n > 0U) {
		end = mica_region_at(c->v.bytes, n - 1U)->grant_first +
		      mica_region_at(c->v.bytes, n - 1U)->grant_count;
	}
	if ((rc == 0) && (end != h->tables[MICA_TABLE_GRANTS].count)) {
		rc = mica_fault(&c->v, MICA_FAULT_GRANTS_UNCLAIMED,
				MICA_TABLE_GRANTS, end,
				mica_elem_offset(&c->v, MICA_TABLE_GRANTS, end));
	}
	return rc;
}

static int canon_call(struct mica_vctx *v, uint32_t i, void *state)
{
	const struct mica_blob_call *k = mica_call_at(v->bytes, i);
	struct canon_rec rec = { MICA_FAULT_NONE, CALL_OFF(flags),
				 CALL_OFF(reserved), sizeof(k->reserved),
				 MICA_FAULT_RESERVED };

	(void)state;
	if ((k->flags & ~MICA_CALL_FLAGS_ALL) != 0U) {
		rec.f = MICA_FAULT_CALL_FLAGS;
	}
	return canon_rec_check(v, MICA_TABLE_CALLS, i, &rec);
}

int mica_canon_calls(struct mica_cctx *c)
{
	return mica_check_each(&c->v, MICA_TABLE_CALLS, canon_call, NULL);
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

static int canon_rim_entry(struct mica_vctx *v, uint32_t k, void *state)
{
	uint32_t e = mica_index_at(v->bytes, MICA_TABLE_RIM_IDX, k);
	unsigned int f = MICA_FAULT_NONE;

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
int mica_canon_rim_index(struct mica_cctx *c)
{
	if (c->v.hdr->tables[MICA_TABLE_RIM_IDX].count != c->measured) {
		return mica_fault(&c->v, MICA_FAULT_RIM_IDX_COUNT,
				  MICA_TABLE_RIM_IDX, MICA_BLOB_NO_INDEX,
				  mica_desc_offset(MICA_TABLE_RIM_IDX, true));
	}
	return mica_check_each(&c->v, MICA_TABLE_RIM_IDX, canon_rim_entry, NULL);
}
