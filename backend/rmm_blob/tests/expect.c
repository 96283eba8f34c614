/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 */

#include "expect.h"

#include <stdio.h>

/*
 * The rules the RMM's core (mica_blob_check) keeps: everything its queries
 * need to stay in the blob, terminate and answer as defined
 * (docs/rmm-integration.md, "Cost"). Every other fault is canonical form,
 * checked by mica_blob_validate alone. The test's own list, so that moving
 * a rule between the two is a change the tests see.
 */
static const unsigned int core_faults[] = {
	MICA_FAULT_NULL, MICA_FAULT_ALIGN, MICA_FAULT_TRUNCATED,
	MICA_FAULT_MAGIC, MICA_FAULT_VERSION, MICA_FAULT_DIGEST_ALG,
	MICA_FAULT_IPA_BITS, MICA_FAULT_TABLE_OFFSET,
	MICA_FAULT_REGION_IDX_COUNT, MICA_FAULT_LAYOUT_SIZE,
	MICA_FAULT_REALM_MEAS_LEN, MICA_FAULT_GRANT_REGION,
	MICA_FAULT_GRANT_REALM, MICA_FAULT_GRANT_ORDER, MICA_FAULT_REGION_KIND,
	MICA_FAULT_REGION_SIZE, MICA_FAULT_REGION_BASE,
	MICA_FAULT_REGION_PROTECTED_IPA, MICA_FAULT_REGION_UNPROTECTED_IPA,
	MICA_FAULT_REGION_GRANT_FIRST, MICA_FAULT_REGION_GRANT_COUNT,
	MICA_FAULT_REGION_GRANT_RUN, MICA_FAULT_CALL_REALM,
	MICA_FAULT_CALL_SELF, MICA_FAULT_CALL_ORDER,
	MICA_FAULT_REGION_IDX_RANGE, MICA_FAULT_REGION_IDX_ORDER,
};

bool fault_is_core(unsigned int f)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(core_faults); i++) {
		if (core_faults[i] == f) {
			return true;
		}
	}
	return false;
}

static bool error_is(int rc, const struct mica_blob_error *err,
		     struct fault_at want)
{
	int want_rc = (want.fault == MICA_FAULT_VERSION) ? -ENOTSUP : -EINVAL;

	return rc == want_rc && err->fault == want.fault &&
	       err->table == want.table && err->index == want.index &&
	       err->offset == want.offset;
}

void expect_fault_at(const uint8_t *blob, size_t size, struct fault_at want,
		     const struct fault_at *core_want, const char *file,
		     int line)
{
	struct mica_blob_error err, core;
	int rc = mica_blob_validate(blob, size, &err);
	int core_rc = mica_blob_check(blob, size, &core);

	if (!error_is(rc, &err, want)) {
		print_error("%s:%d: got rc %d fault %d table %u index %u offset %u (%s); want fault %d table %u index %u offset %u\n",
			    file, line, rc,
			    (int)err.fault, err.table, err.index, err.offset,
			    mica_blob_fault_reason(err.fault), (int)want.fault, want.table,
			    want.index, want.offset);
		fail();
	}
	/* A rule of the core is reported by the core alike; a blob that
	 * breaks only a canonical rule is one the RMM takes.
	 */
	assert_true(core_want == NULL || fault_is_core(core_want->fault));
	if (core_want == NULL && fault_is_core(want.fault)) {
		core_want = &want;
	}
	if ((core_want != NULL) ? !error_is(core_rc, &core, *core_want) :
	    (core_rc != 0)) {
		print_error("%s:%d: core: got rc %d fault %d table %u index %u offset %u (%s); want %s\n",
			    file, line, core_rc, (int)core.fault, core.table,
			    core.index, core.offset,
			    mica_blob_fault_reason(core.fault),
			    (core_want != NULL) ? "its fault" : "accepted");
		fail();
	}
}

void expect_valid(const uint8_t *blob, size_t size)
{
	struct mica_blob_error err;
	int rc = mica_blob_validate(blob, size, &err);

	if (rc != 0) {
		print_error("refused: %s: %s %u, offset %u\n",
			    mica_blob_fault_reason(err.fault),
			    mica_blob_table_name(err.table), err.index,
			    err.offset);
	}
	assert_int_equal(rc, 0);
	assert_int_equal(err.fault, MICA_FAULT_NONE);
	assert_string_equal(mica_blob_fault_reason(err.fault), "valid");
	assert_int_equal(mica_blob_check(blob, size, &err), 0);
	assert_int_equal(err.fault, MICA_FAULT_NONE);
}

int sample_setup(void **state)
{
	struct sample *f = calloc(1, sizeof(*f));

	if (f == NULL) {
		return -1;
	}
	f->b = tb_build_sample(&f->size);
	*state = f;
	return mica_policy_init(&f->pol, f->b, f->size, NULL);
}

int sample_teardown(void **state)
{
	struct sample *f = *state;

	free(f->b);
	free(f);
	return 0;
}
