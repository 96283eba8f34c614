/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Private to the canonical layer (canon_*.c, micac only): the rules that
 * only make a blob canonical, checked after (or, for the header, between)
 * the core's (mica_validate.h), on whose guarantees they rely: every table
 * inside the blob, every index in range.
 */

#ifndef MICA_CANON_H
#define MICA_CANON_H

#include "mica_names.h"
#include <mica_policy.h>
#include "mica_validate.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One canonical pass: the core's context and what the stages carry. v comes
 * first, so an element check that mica_check_each calls with &c->v can get
 * c back with a cast.
 */
struct mica_cctx {
	struct mica_vctx v;
	uint32_t strings_pos;	/* offset in the string table of the next name */
	uint32_t measured;	/* realms with a measurement, counted by the realm pass */
};

/* Faults at the first non-zero byte of the n bytes from blob offset `offset`. */
int mica_check_zero(const struct mica_vctx *v, uint32_t offset, uint32_t n,
		    unsigned int fault, unsigned int table,
		    uint32_t index);

/* A name to check: whose it is, and where its name_off field lies. */
struct mica_name_ref {
	unsigned int table;	/* MICA_TABLE_*, or MICA_BLOB_IN_HEADER */
	uint32_t index;		/* element of table, or MICA_BLOB_NO_INDEX */
	uint32_t field_off;	/* blob offset of the name_off field */
};

/*
 * Checks the next name of the string table: name_off must be exactly where
 * the previous name ended, the name an identifier of 1..63 bytes, NUL-
 * terminated inside the table, not "host" (except the policy's name), not a
 * keyword, and sorting strictly after prev (NULL: the first of its table).
 * Sets *name and advances c->strings_pos past the name.
 */
int mica_check_name(struct mica_cctx *c, const struct mica_name_ref *ref,
		    const char *prev, const char **name);

/* The canonical stages, in the order mica_blob_validate runs them. */
int mica_canon_policy_name(struct mica_cctx *c);
int mica_canon_realms(struct mica_cctx *c);
int mica_canon_grants(struct mica_cctx *c);
int mica_canon_regions(struct mica_cctx *c);
int mica_canon_calls(struct mica_cctx *c);
int mica_canon_rim_index(struct mica_cctx *c);
int mica_canon_name_sets(struct mica_cctx *c);

#endif /* MICA_CANON_H */
