/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Robustness, for the full validator and for the RMM's core alike: every
 * truncation of a valid blob is refused, and every single-byte mutation of
 * it is either refused with a well-formed error or accepted. What the full
 * validator accepts the core accepts too. On every mutation the core
 * accepts, canonical or not, each RMM query and decision answers without
 * faulting (ASan/UBSan and valgrind watch the reads) and as its linear
 * definition does (core_oracle.c); micac's lookups run on what the full
 * validator accepts. micac's own tests add the round trip (an accepted
 * mutation decodes and re-encodes to its bytes).
 */

#include "core_oracle.h"
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
		/* the core reads no total_size: the tables end past n */
		rc = mica_blob_check(b, n, &err);
		assert_int_equal(rc, -EINVAL);
		assert_true(err.fault == MICA_FAULT_TRUNCATED ||
			    err.fault == MICA_FAULT_LAYOUT_SIZE);
		assert_true(err.offset <= n);
	}
	free(b);
}

/* micac's lookups, only on what the full validator accepts. */
static void lookup_everything(const struct mica_policy *pol)
{
	static const uint8_t rim[MICA_MEAS_MAX] = { 0x11 };
	uint32_t pos, found;

	(void)mica_policy_role_by_rim(pol, rim, 32, &pos);
	(void)mica_policy_find_realm(pol, "sink", 4, &found);
	(void)mica_policy_find_region(pol, "frames", 6, &found);
}

/* The RMM's queries and decisions on what the core accepts. */
static void query_core(const struct mica_policy *pol)
{
	char why[160];

	if (core_oracle(pol, UINT32_MAX, why, sizeof(why)) != 0) {
		fail_msg("%s", why);
	}
}

/* One mutated blob through both: returns whether the core took it. */
static bool mutant(uint8_t *b, size_t size, unsigned int *canonical)
{
	struct mica_policy pol;
	struct mica_blob_error err;
	int full = mica_blob_validate(b, size, NULL);
	int rc = mica_policy_init(&pol, b, size, &err);

	if (rc != 0) {
		assert_true(rc == -EINVAL || rc == -ENOTSUP);
		assert_true(fault_is_core(err.fault));
		assert_true(err.offset < size);
		assert_null(pol.blob);
		/* the core's rules are the validator's too */
		assert_int_not_equal(full, 0);
		return false;
	}
	query_core(&pol);
	if (full == 0) {
		(*canonical)++;
		lookup_everything(&pol);
	}
	return true;
}

static void test_every_byte_mutation(void **state)
{
	size_t size, at;
	uint8_t *b = tb_build_sample(&size);
	unsigned int accepted = 0, refused = 0, canonical = 0, v;

	(void)state;
	for (at = 0; at < size; at++) {
		uint8_t orig = b[at];

		for (v = 0; v < 256; v++) {
			if (v == orig) {
				continue;
			}
			b[at] = (uint8_t)v;
			if (mutant(b, size, &canonical)) {
				accepted++;
			} else {
				refused++;
			}
		}
		b[at] = orig;
	}
	assert_int_equal(accepted + refused, size * 255);
	/* The full validator accepts free values only: measurement bytes,
	 * the policy version, name letters that keep the order, flags and
	 * permissions. The core also takes what only canonical form forbids
	 * (names, padding, reserved bytes, the rim index, trust...). Exact
	 * counts, so that a rule moving between the two shows here.
	 */
	assert_int_equal(canonical, 44590);
	assert_int_equal(accepted, 144752);
	assert_int_equal(refused, 71488);
	print_message("mutations: %u accepted by the core (%u of them canonical), %u refused\n",
		      accepted, canonical, refused);
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
