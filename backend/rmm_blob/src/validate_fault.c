/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Recording a fault. The words for it are in blob_text.c, which the
 * validator does not need.
 */

#include <errno.h>
#include "mica_validate.h"

int mica_fault(const struct mica_vctx *v, enum mica_blob_fault fault,
	       unsigned int table, uint32_t index, uint32_t offset)
{
	if (v->err != NULL) {
		v->err->fault = fault;
		v->err->offset = offset;
		v->err->index = index;
		v->err->table = (uint8_t)table;
	}
	return (fault == MICA_FAULT_VERSION) ? -ENOTSUP : -EINVAL;
}

int mica_check_zero(const struct mica_vctx *v, uint32_t offset, uint32_t n,
		    enum mica_blob_fault fault, unsigned int table,
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
