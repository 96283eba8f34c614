/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Recording a fault, for the core and the canonical layer alike. The words
 * for it are in blob_text.c, which the RMM does not compile.
 */

#include <errno.h>
#include "mica_validate.h"

int mica_fault(const struct mica_vctx *v, unsigned int fault,
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

int mica_done(const struct mica_vctx *v, int rc)
{
	if (rc == 0) {
		(void)mica_fault(v, MICA_FAULT_NONE, MICA_BLOB_IN_HEADER,
				 MICA_BLOB_NO_INDEX, 0U);
	}
	return rc;
}
