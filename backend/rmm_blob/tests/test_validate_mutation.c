/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Robustness: every truncation of a valid blob is refused, and every
 * single-byte mutation of it is either refused with a well-formed error or
 * accepted, in which case every query on it still answers without faulting
 * (ASan/UBSan and valgrind watch the reads). micac's own tests add the
 * round trip (an accepted mutation decodes and re-encodes to its bytes).
 */

#include "expect.h"

#include <string.h>

static void test_every_truncation_refused(void **state)
{
	size_t size, n;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	for (n = 0; n < size; n++) {
		struct mica_blob_error err;
		int rc = mica_blob_validate(b, n, &err);

		assert_int_equal(rc, -EINVAL);
		assert_true(err.fault == MICA_FAULT_TRUNCATED ||
			    err.fault == MICA_FAULT_TOTAL_SIZE);
		assert_true(err.offset <= n);
	}
	free(b);
}

/* Runs every query with indices in and just out of range. */
static void query_everything(const struct mica_policy *pol)
{
	static const uint8_t rim[MICA_MEAS_MAX] = { 0x11 };
	uint32_t x, y, pos, found;
	unsigned int perm;
	bool oneway;

	for (x = 0; x <= pol->realm_count; x++) {
		(void)mica_policy_may_hostcall(pol, x);
		(void)mica_policy_may_mmio(pol, x);
		(void)mica_policy_rim_matches(pol, x, rim, 32);
		(void)mica_policy_ns_map_perm(pol, x, 0x8000000000ULL, 0x1000,
					      &perm, &found);
		for (y = 0; y <= pol->realm_count; y++) {
			(void)mica_policy_may_call(pol, x, y, &oneway);
		}
		for (y = 0; y <= pol->region_count; y++) {
			(void)mica_policy_may_share(pol, y, x, 0);
		}
	}
	(void)mica_policy_role_by_rim(pol, rim, 32, &pos);
	(void)mica_policy_find_realm(pol, "sink", 4, &found);
	(void)mica_policy_find_region(pol, "frames", 6, &found);
}

static void test_every_byte_mutation(void **state)
{
	size_t size, at;
	uint8_t *b = tb_build_sample(&size);
	unsigned int accepted = 0, refused = 0, v;

	(void)state;
	for (at = 0; at < size; at++) {
		uint8_t orig = b[at];

		for (v = 0; v < 256; v++) {
			struct mica_policy pol;
			struct mica_blob_error err;
			int rc;

			if (v == orig) {
				continue;
			}
			b[at] = (uint8_t)v;
			rc = mica_policy_init(&pol, b, size, &err);
			if (rc == 0) {
				accepted++;
				query_everything(&pol);
				continue;
			}
			refused++;
			assert_true(rc == -EINVAL || rc == -ENOTSUP);
			assert_true(err.fault > MICA_FAULT_NONE &&
				    err.fault < MICA_FAULT_COUNT);
			assert_true(err.offset < size);
			assert_null(pol.blob);
		}
		b[at] = orig;
	}
	assert_int_equal(accepted + refused, size * 255);
	/* Most bytes are structure; the accepted ones are free values such
	 * as measurement bytes, the policy version and some name letters.
	 */
	assert_true(refused > accepted);
	assert_true(accepted > 0);
	print_message("mutations: %u accepted, %u refused\n", accepted,
		      refused);
	free(b);
}

/* Free fields: changing them keeps the blob valid. */
static void test_free_fields_accepted(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	tb_header(b)->policy_version = UINT32_MAX;
	expect_valid(b, size);
	/* store's measurement (the last in the rim order) may change */
	memset(tb_realm_at(b, 4)->measurement, 0xFF, 64);
	expect_valid(b, size);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_truncation_refused),
		cmocka_unit_test(test_every_byte_mutation),
		cmocka_unit_test(test_free_fields_accepted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
