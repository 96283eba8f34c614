/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Call records: strictly sorted by (caller, callee), so no call is listed
 * twice, and no realm calls itself.
 */

#include "mica_bytes.h"
#include "mica_validate.h"
#include <stddef.h>

#define CALL_OFF(field)	((uint32_t)offsetof(struct mica_blob_call, field))

static int check_call(struct mica_vctx *v, uint32_t i, void *state)
{
	uint32_t realms = v->hdr->tables[MICA_TABLE_REALMS].count;
	const struct mica_blob_call *c = mica_call_at(v->bytes, i);
	uint32_t off = mica_elem_offset(v, MICA_TABLE_CALLS, i);
	enum mica_blob_fault f = MICA_FAULT_NONE;

	(void)state;
	if (c->caller >= realms) {
		f = MICA_FAULT_CALL_REALM;
		off += CALL_OFF(caller);
	} else if (c->callee >= realms) {
		f = MICA_FAULT_CALL_REALM;
		off += CALL_OFF(callee);
	} else if (c->caller == c->callee) {
		f = MICA_FAULT_CALL_SELF;
		off += CALL_OFF(callee);
	} else if ((c->flags & ~MICA_CALL_FLAGS_ALL) != 0U) {
		f = MICA_FAULT_CALL_FLAGS;
		off += CALL_OFF(flags);
	} else if ((i > 0U) &&
		   (mica_pair_cmp(c[-1].caller, c[-1].callee,
				  c->caller, c->callee) >= 0)) {
		f = MICA_FAULT_CALL_ORDER;
	} else {
		return mica_check_zero(v, off + CALL_OFF(reserved),
				       sizeof(c->reserved), MICA_FAULT_RESERVED,
				       MICA_TABLE_CALLS, i);
	}
	return mica_fault(v, f, MICA_TABLE_CALLS, i, off);
}

int mica_validate_calls(struct mica_vctx *v)
{
	return mica_check_each(v, MICA_TABLE_CALLS, check_call, NULL);
}
