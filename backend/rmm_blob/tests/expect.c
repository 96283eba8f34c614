/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 */

#include "expect.h"

#include <stdio.h>

void expect_fault_at(const uint8_t *blob, size_t size, struct fault_at want,
		     const char *file, int line)
{
	struct mica_blob_error err;
	int rc = mica_blob_validate(blob, size, &err);
	int want_rc = (want.fault == MICA_FAULT_VERSION) ? -ENOTSUP : -EINVAL;

	if (rc != want_rc || err.fault != want.fault ||
	    err.table != want.table || err.index != want.index ||
	    err.offset != want.offset) {
		print_error("%s:%d: got rc %d fault %d table %u index %u offset %u (%s); want rc %d fault %d table %u index %u offset %u\n",
			    file, line, rc,
			    (int)err.fault, err.table, err.index, err.offset,
			    mica_blob_fault_reason(err.fault), want_rc, (int)want.fault, want.table,
			    want.index, want.offset);
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
