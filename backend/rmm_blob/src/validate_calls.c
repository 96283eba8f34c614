/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The core's call stage: caller and callee in range and different, the
 * table strictly sorted by (caller, callee) for the binary search of
 * mica_policy_may_call, so no call is listed twice. The RMM tests the
 * oneway bit alone; the flags' value set and the reserved bytes are
 * canonical form (canon_records.c).
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
	} else if ((i > 0U) &&
		   (mica_pair_cmp(c[-1].caller, c[-1].callee,
				  c->caller, c->callee) >= 0)) {
		f = MICA_FAULT_CALL_ORDER;
	} else {
		return 0;
	}
	return mica_fault(v, f, MICA_TABLE_CALLS, i, off);
}

int mica_validate_calls(struct mica_vctx *v)
{
	return mica_check_each(v, MICA_TABLE_CALLS, check_call, NULL);
}
