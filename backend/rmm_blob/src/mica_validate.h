/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Private to the validator: the state of one validation pass, shared by the
 * per-table checkers (validate_*.c), which run in the order of
 * mica_blob_validate() and may rely on what earlier ones proved.
 */

#ifndef MICA_VALIDATE_H
#define MICA_VALIDATE_H

#include <mica_policy.h>
#include "mica_read.h"
#include <stdbool.h>
#include <stdint.h>

struct mica_vctx {
	const uint8_t *bytes;			/* the blob */
	const struct mica_blob_header *hdr;	/* == bytes, once the header is sound */
	struct mica_blob_error *err;		/* may be NULL */
	uint32_t strings_pos;	/* offset in the string table of the next name */
	uint32_t measured;	/* realms with a measurement, counted by the realm pass */
};

/* Records the fault (if v->err) and returns -ENOTSUP for
 * MICA_FAULT_VERSION, -EINVAL for every other fault.
 */
int mica_fault(const struct mica_vctx *v, enum mica_blob_fault fault,
	       unsigned int table, uint32_t index, uint32_t offset);

/* Faults at the first non-zero byte of the n bytes from blob offset `offset`. */
int mica_check_zero(const struct mica_vctx *v, uint32_t offset, uint32_t n,
		    enum mica_blob_fault fault, unsigned int table,
		    uint32_t index);

/* Blob offset of a table descriptor's offset field, or its count field. */
uint32_t mica_desc_offset(unsigned int table, bool count);

/* Bytes per element of table MICA_TABLE_*. */
uint32_t mica_elem_size(unsigned int table);

/* Blob offset of element i of a table. */
uint32_t mica_elem_offset(const struct mica_vctx *v, unsigned int table,
			  uint32_t i);

/* Checks one element of a table; state carries what the next one needs. */
typedef int (*mica_elem_check_fn)(struct mica_vctx *v, uint32_t i, void *state);

/* Runs check on elements 0.. of a table in order, up to the first fault. */
int mica_check_each(struct mica_vctx *v, unsigned int table,
		    mica_elem_check_fn check, void *state);

/* A name to check: whose it is, and where its name_off field lies. */
struct mica_name_ref {
	unsigned int table;	/* MICA_TABLE_*, or MICA_BLOB_IN_HEADER */
	uint32_t index;		/* element of table, or MICA_BLOB_NO_INDEX */
	uint32_t field_off;	/* blob offset of the name_off field */
};

/*
 * Checks the next name of the string table: name_off must be exactly where
 * the previous name ended, the name an identifier of 1..63 bytes, NUL-
 * terminated inside the table, not "host" (except the policy's name), and
 * sorting strictly after prev (NULL: the first of its table). Sets *name and
 * advances v->strings_pos past the name.
 */
int mica_check_name(struct mica_vctx *v, const struct mica_name_ref *ref,
		    const char *prev, const char **name);

/* The per-stage checkers, in the order they run. */
int mica_validate_header(struct mica_vctx *v, const void *blob, size_t size);
int mica_validate_layout(struct mica_vctx *v);
int mica_validate_policy_name(struct mica_vctx *v);
int mica_validate_realms(struct mica_vctx *v);
int mica_validate_grants(struct mica_vctx *v);
int mica_validate_regions(struct mica_vctx *v);
int mica_validate_calls(struct mica_vctx *v);
int mica_validate_region_index(struct mica_vctx *v);
int mica_validate_rim_index(struct mica_vctx *v);
int mica_validate_name_sets(struct mica_vctx *v);

#endif /* MICA_VALIDATE_H */
