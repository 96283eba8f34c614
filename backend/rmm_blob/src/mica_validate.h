/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Private to the core checks (validate_*.c, which the RMM compiles) and the
 * canonical layer built on them (canon_*.c, micac only): the state of one
 * pass and the helpers both use. The core's stages run in the order of
 * mica_check_tables() and each may rely on what earlier ones proved.
 */

#ifndef MICA_VALIDATE_H
#define MICA_VALIDATE_H

#include <mica_core.h>
#include "mica_read.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct mica_vctx {
	const uint8_t *bytes;			/* the blob */
	const struct mica_blob_header *hdr;	/* == bytes, once the header is sound */
	struct mica_blob_error *err;		/* may be NULL */
	size_t size;				/* bytes given */
};

/* Records the fault (MICA_FAULT_*, the core's or a canonical one) if
 * v->err, and returns -ENOTSUP for MICA_FAULT_VERSION, -EINVAL for every
 * other fault.
 */
int mica_fault(const struct mica_vctx *v, unsigned int fault,
	       unsigned int table, uint32_t index, uint32_t offset);

/* rc, having recorded "no fault" (if v->err) when rc is 0. */
int mica_done(const struct mica_vctx *v, int rc);

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

/*
 * The core in two halves, so that the canonical layer can check the
 * header's own rules between them: the buffer and the header fields the
 * core reads (sets v->hdr), then the layout and every table.
 */
int mica_check_header(struct mica_vctx *v, const void *blob, size_t size);
int mica_check_tables(struct mica_vctx *v);

/* The core's per-stage checkers, in the order mica_check_tables runs them. */
int mica_validate_layout(struct mica_vctx *v);
int mica_validate_realms(struct mica_vctx *v);
int mica_validate_grants(struct mica_vctx *v);
int mica_validate_regions(struct mica_vctx *v);
int mica_validate_calls(struct mica_vctx *v);
int mica_validate_region_index(struct mica_vctx *v);

#endif /* MICA_VALIDATE_H */
