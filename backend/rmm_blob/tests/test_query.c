/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Enforcement queries on the sample pipeline (blob_sample.c):
 *   realms  0 camera, 1 detector (hostcall), 2 logger (hostcall, mmio),
 *           3 sink, 4 store (mmio); camera and sink share a measurement
 *   regions 0 frames    protected   [0x10000000, +2 MiB)  camera W, detector R
 *           1 log_buf   unprotected [NS, NS+64 KiB)        detector RW, logger R
 *           2 results   protected   [0x1000, +4 KiB)       detector W, sink R
 *           3 shared_ns unprotected [NS+64 KiB, +8 KiB)    camera R, sink RW,
 *                                                          store RW
 *   calls   camera->detector, detector->sink oneway, sink->camera,
 *           sink->store
 */

#include "expect.h"

#include <string.h>

#define NS	0x8000000000ULL
#define KiB	1024ULL

enum { CAMERA, DETECTOR, LOGGER, SINK, STORE, NREALMS };
enum { FRAMES, LOG_BUF, RESULTS, SHARED_NS, NREGIONS };

#define POL(state)	(&((struct sample *)*(state))->pol)

static void test_init(void **state)
{
	const struct mica_policy *pol = POL(state);
	struct mica_policy bad;
	struct mica_blob_error err;
	size_t size;
	uint8_t *b = tb_build_sample(&size);
	uint32_t found = 77;

	assert_int_equal(pol->realm_count, NREALMS);
	assert_int_equal(pol->region_count, NREGIONS);
	b[0] = 0;
	assert_int_equal(mica_policy_init(&bad, b, size, &err), -EINVAL);
	assert_int_equal(err.fault, MICA_FAULT_MAGIC);
	/* a refused blob answers every query with "no" */
	assert_null(bad.blob);
	assert_int_equal(bad.realm_count, 0);
	assert_int_equal(mica_policy_find_realm(&bad, "sink", 4, &found),
			 -ENOENT);
	assert_int_equal(found, 77);
	assert_int_equal(mica_policy_role_by_rim(&bad, b, 32, &found), 0);
	assert_false(mica_policy_may_hostcall(&bad, 0));
	assert_int_equal(mica_policy_region_perm(&bad, 0, 0), 0);
	free(b);
}

static void test_find_realm(void **state)
{
	static const char *const names[] = {
		"camera", "detector", "logger", "sink", "store",
	};
	const struct mica_policy *pol = POL(state);
	uint32_t i, found;

	for (i = 0; i < NREALMS; i++) {
		found = 99;
		assert_int_equal(mica_policy_find_realm(pol, names[i],
							strlen(names[i]),
							&found), 0);
		assert_int_equal(found, i);
	}
	/* before the first, after the last, prefixes, extensions, regions */
	assert_int_equal(mica_policy_find_realm(pol, "aaa", 3, &found), -ENOENT);
	assert_int_equal(mica_policy_find_realm(pol, "zzz", 3, &found), -ENOENT);
	assert_int_equal(mica_policy_find_realm(pol, "cam", 3, &found), -ENOENT);
	assert_int_equal(mica_policy_find_realm(pol, "camera", 3, &found),
			 -ENOENT);
	assert_int_equal(mica_policy_find_realm(pol, "cameras", 7, &found),
			 -ENOENT);
	assert_int_equal(mica_policy_find_realm(pol, "frames", 6, &found),
			 -ENOENT);
	assert_int_equal(mica_policy_find_realm(pol, "host", 4, &found),
			 -ENOENT);
	assert_int_equal(mica_policy_find_realm(pol, "", 0, &found), -ENOENT);
	/* an embedded NUL is part of the name, not its end */
	assert_int_equal(mica_policy_find_realm(pol, "sink\0", 5, &found),
			 -ENOENT);
	assert_int_equal(mica_policy_find_realm(pol, "si\0k", 4, &found),
			 -ENOENT);
	assert_int_equal(mica_policy_find_realm(pol, "store", 64, &found),
			 -ENOENT);
}

static void test_find_region(void **state)
{
	const struct mica_policy *pol = POL(state);
	uint32_t found = 99;

	assert_int_equal(mica_policy_find_region(pol, "frames", 6, &found), 0);
	assert_int_equal(found, FRAMES);
	assert_int_equal(mica_policy_find_region(pol, "shared_ns", 9, &found),
			 0);
	assert_int_equal(found, SHARED_NS);
	assert_int_equal(mica_policy_find_region(pol, "shared", 6, &found),
			 -ENOENT);
	assert_int_equal(mica_policy_find_region(pol, "camera", 6, &found),
			 -ENOENT);
	assert_int_equal(found, SHARED_NS);
}

static void test_role_by_rim(void **state)
{
	const struct mica_policy *pol = POL(state);
	uint8_t rim[MICA_MEAS_MAX];
	uint32_t pos = 99;

	/* camera and sink share 32 bytes of 0x11: both, by realm index */
	memset(rim, 0x11, sizeof(rim));
	assert_int_equal(mica_policy_role_by_rim(pol, rim, 32, &pos), 2);
	assert_int_equal(pos, 0);
	assert_int_equal(mica_blob_rim_realm(pol->blob, pos), CAMERA);
	assert_int_equal(mica_blob_rim_realm(pol->blob, pos + 1), SINK);
	/* the same bytes at another length are another measurement */
	assert_int_equal(mica_policy_role_by_rim(pol, rim, 48, &pos), 0);
	memset(rim, 0x22, sizeof(rim));
	assert_int_equal(mica_policy_role_by_rim(pol, rim, 48, &pos), 1);
	assert_int_equal(mica_blob_rim_realm(pol->blob, pos), DETECTOR);
	memset(rim, 0x05, sizeof(rim));
	assert_int_equal(mica_policy_role_by_rim(pol, rim, 64, &pos), 1);
	assert_int_equal(mica_blob_rim_realm(pol->blob, pos), STORE);
	/* one byte off, first and last */
	rim[0] = 0x04;
	assert_int_equal(mica_policy_role_by_rim(pol, rim, 64, &pos), 0);
	rim[0] = 0x05;
	rim[63] = 0x06;
	assert_int_equal(mica_policy_role_by_rim(pol, rim, 64, &pos), 0);
	/* lengths that no measurement has */
	assert_int_equal(mica_policy_role_by_rim(pol, rim, 0, &pos), 0);
	assert_int_equal(mica_policy_role_by_rim(pol, rim, 65, &pos), 0);
	memset(rim, 0, sizeof(rim));
	assert_int_equal(mica_policy_role_by_rim(pol, rim, 32, &pos), 0);
}

static void test_rim_matches(void **state)
{
	const struct mica_policy *pol = POL(state);
	uint8_t rim[MICA_MEAS_MAX];

	memset(rim, 0x11, sizeof(rim));
	assert_true(mica_policy_rim_matches(pol, CAMERA, rim, 32));
	assert_true(mica_policy_rim_matches(pol, SINK, rim, 32));
	assert_false(mica_policy_rim_matches(pol, CAMERA, rim, 48));
	assert_false(mica_policy_rim_matches(pol, DETECTOR, rim, 48));
	rim[31] = 0x12;
	assert_false(mica_policy_rim_matches(pol, CAMERA, rim, 32));
	/* no measurement: any code may take the role */
	assert_true(mica_policy_rim_matches(pol, LOGGER, rim, 32));
	assert_false(mica_policy_rim_matches(pol, NREALMS, rim, 32));
}

static void test_region_perm(void **state)
{
	const struct mica_policy *pol = POL(state);

	assert_int_equal(mica_policy_region_perm(pol, FRAMES, CAMERA),
			 MICA_PERM_WRITE);
	assert_int_equal(mica_policy_region_perm(pol, FRAMES, DETECTOR),
			 MICA_PERM_READ);
	assert_int_equal(mica_policy_region_perm(pol, FRAMES, SINK), 0);
	assert_int_equal(mica_policy_region_perm(pol, LOG_BUF, DETECTOR),
			 MICA_PERM_READWRITE);
	/* first, middle and last grant of a three-grant run */
	assert_int_equal(mica_policy_region_perm(pol, SHARED_NS, CAMERA),
			 MICA_PERM_READ);
	assert_int_equal(mica_policy_region_perm(pol, SHARED_NS, SINK),
			 MICA_PERM_READWRITE);
	assert_int_equal(mica_policy_region_perm(pol, SHARED_NS, STORE),
			 MICA_PERM_READWRITE);
	assert_int_equal(mica_policy_region_perm(pol, SHARED_NS, DETECTOR), 0);
	assert_int_equal(mica_policy_region_perm(pol, SHARED_NS, LOGGER), 0);
	assert_int_equal(mica_policy_region_perm(pol, NREGIONS, CAMERA), 0);
	assert_int_equal(mica_policy_region_perm(pol, FRAMES, NREALMS), 0);
	assert_int_equal(mica_policy_region_perm(pol, UINT32_MAX, UINT32_MAX),
			 0);
}

static void test_may_share(void **state)
{
	const struct mica_policy *pol = POL(state);

	assert_true(mica_policy_may_share(pol, FRAMES, CAMERA, DETECTOR));
	assert_false(mica_policy_may_share(pol, FRAMES, DETECTOR, CAMERA));
	assert_true(mica_policy_may_share(pol, LOG_BUF, DETECTOR, LOGGER));
	assert_false(mica_policy_may_share(pol, LOG_BUF, LOGGER, DETECTOR));
	assert_true(mica_policy_may_share(pol, SHARED_NS, SINK, STORE));
	assert_true(mica_policy_may_share(pol, SHARED_NS, STORE, SINK));
	assert_true(mica_policy_may_share(pol, SHARED_NS, SINK, CAMERA));
	assert_false(mica_policy_may_share(pol, SHARED_NS, CAMERA, SINK));
	/* a realm does not share with itself; no grant, no share */
	assert_false(mica_policy_may_share(pol, SHARED_NS, SINK, SINK));
	assert_false(mica_policy_may_share(pol, RESULTS, DETECTOR, CAMERA));
	assert_false(mica_policy_may_share(pol, NREGIONS, CAMERA, DETECTOR));
	assert_false(mica_policy_may_share(pol, FRAMES, CAMERA, NREALMS));
}

static void test_may_call(void **state)
{
	const struct mica_policy *pol = POL(state);
	bool oneway = true;

	assert_true(mica_policy_may_call(pol, CAMERA, DETECTOR, &oneway));
	assert_false(oneway);
	assert_true(mica_policy_may_call(pol, DETECTOR, SINK, &oneway));
	assert_true(oneway);
	assert_true(mica_policy_may_call(pol, SINK, CAMERA, NULL));
	assert_true(mica_policy_may_call(pol, SINK, STORE, &oneway));
	assert_false(oneway);
	/* calls have a direction */
	assert_false(mica_policy_may_call(pol, DETECTOR, CAMERA, &oneway));
	assert_false(mica_policy_may_call(pol, STORE, SINK, &oneway));
	assert_false(mica_policy_may_call(pol, CAMERA, CAMERA, &oneway));
	assert_false(mica_policy_may_call(pol, LOGGER, STORE, &oneway));
	assert_false(mica_policy_may_call(pol, CAMERA, NREALMS, &oneway));
	assert_false(mica_policy_may_call(pol, NREALMS, CAMERA, &oneway));
}

static void test_host_exits(void **state)
{
	const struct mica_policy *pol = POL(state);

	assert_false(mica_policy_may_hostcall(pol, CAMERA));
	assert_false(mica_policy_may_mmio(pol, CAMERA));
	assert_true(mica_policy_may_hostcall(pol, DETECTOR));
	assert_false(mica_policy_may_mmio(pol, DETECTOR));
	assert_true(mica_policy_may_hostcall(pol, LOGGER));
	assert_true(mica_policy_may_mmio(pol, LOGGER));
	assert_false(mica_policy_may_hostcall(pol, STORE));
	assert_true(mica_policy_may_mmio(pol, STORE));
	assert_false(mica_policy_may_hostcall(pol, NREALMS));
	assert_false(mica_policy_may_mmio(pol, UINT32_MAX));
}

#define expect_map(pol, realm, ipa, size, want_rc, want_perm, want_region) do { \
	unsigned int perm_ = 0xdead; \
	uint32_t region_ = 0xdead; \
	assert_int_equal(mica_policy_ns_map_perm((pol), (realm), (ipa), \
						 (size), &perm_, &region_), \
			 (want_rc)); \
	assert_int_equal(perm_, (want_rc) == 0 ? (want_perm) : 0xdead); \
	assert_int_equal(region_, (want_rc) == 0 ? (want_region) : 0xdead); \
} while (0)

static void test_ns_map_hits(void **state)
{
	const struct mica_policy *pol = POL(state);
	unsigned int perm = 0;

	/* the whole region, its first and last granule, an inner byte */
	expect_map(pol, DETECTOR, NS, 64 * KiB, 0, MICA_PERM_READWRITE, LOG_BUF);
	expect_map(pol, DETECTOR, NS, 4 * KiB, 0, MICA_PERM_READWRITE, LOG_BUF);
	expect_map(pol, DETECTOR, NS + 60 * KiB, 4 * KiB, 0,
		   MICA_PERM_READWRITE, LOG_BUF);
	expect_map(pol, DETECTOR, NS + 12345, 1, 0, MICA_PERM_READWRITE,
		   LOG_BUF);
	/* a read-only grant maps read-only */
	expect_map(pol, LOGGER, NS, 4 * KiB, 0, MICA_PERM_READ, LOG_BUF);
	expect_map(pol, CAMERA, NS + 64 * KiB, 8 * KiB, 0, MICA_PERM_READ,
		   SHARED_NS);
	expect_map(pol, STORE, NS + 68 * KiB, 4 * KiB, 0, MICA_PERM_READWRITE,
		   SHARED_NS);
	/* region is optional */
	assert_int_equal(mica_policy_ns_map_perm(pol, SINK, NS + 64 * KiB,
						 4 * KiB, &perm, NULL), 0);
	assert_int_equal(perm, MICA_PERM_READWRITE);
}

static void test_ns_map_misses(void **state)
{
	const struct mica_policy *pol = POL(state);

	/* not granted */
	expect_map(pol, CAMERA, NS, 4 * KiB, -EACCES, 0, 0);
	expect_map(pol, SINK, NS, 4 * KiB, -EACCES, 0, 0);
	/* straddles log_buf and shared_ns, though both are adjacent and
	 * detector (log_buf) and sink (shared_ns) each hold one of them
	 */
	expect_map(pol, DETECTOR, NS + 60 * KiB, 8 * KiB, -ENOENT, 0, 0);
	expect_map(pol, SINK, NS + 60 * KiB, 8 * KiB, -ENOENT, 0, 0);
	/* ends past the last region, starts past it, in no region */
	expect_map(pol, SINK, NS + 68 * KiB, 8 * KiB, -ENOENT, 0, 0);
	expect_map(pol, SINK, NS + 72 * KiB, 4 * KiB, -ENOENT, 0, 0);
	expect_map(pol, SINK, 2 * NS - 4 * KiB, 4 * KiB, -ENOENT, 0, 0);
	/* protected regions are not mappable as unprotected */
	expect_map(pol, CAMERA, 0x10000000, 4 * KiB, -ENOENT, 0, 0);
	expect_map(pol, DETECTOR, 0x1000, 4 * KiB, -ENOENT, 0, 0);
	/* below every region, just below the unprotected half */
	expect_map(pol, DETECTOR, 0, 4 * KiB, -ENOENT, 0, 0);
	expect_map(pol, DETECTOR, NS - 4 * KiB, 4 * KiB, -ENOENT, 0, 0);
	expect_map(pol, DETECTOR, NS - 4 * KiB, 8 * KiB, -ENOENT, 0, 0);
	/* bad arguments */
	expect_map(pol, NREALMS, NS, 4 * KiB, -EINVAL, 0, 0);
	expect_map(pol, UINT32_MAX, NS, 4 * KiB, -EINVAL, 0, 0);
	expect_map(pol, DETECTOR, NS, 0, -EINVAL, 0, 0);
	expect_map(pol, DETECTOR, UINT64_MAX - 4095, 8 * KiB, -EINVAL, 0, 0);
	expect_map(pol, DETECTOR, NS, UINT64_MAX, -EINVAL, 0, 0);
	expect_map(pol, DETECTOR, UINT64_MAX - 4095, 4 * KiB, -EINVAL, 0, 0);
	/* a huge but not wrapping range is simply in no region */
	expect_map(pol, DETECTOR, NS, UINT64_MAX - NS, -ENOENT, 0, 0);
}

/* A policy with no region, no measurement and no call answers "no". */
static void test_empty_tables(void **state)
{
	const struct tb_realm realms[] = { { "solo", MICA_TRUST_TRUSTED, 0, 0, 0 } };
	const struct tb_policy p = {
		"empty", 0, MICA_DIGEST_SHA384, 48, realms, 1,
		NULL, 0, NULL, 0, NULL, 0,
	};
	uint8_t rim[32] = { 0 };
	struct mica_policy pol;
	unsigned int perm;
	uint32_t pos = 5;
	size_t size;
	uint8_t *b = tb_build(&p, &size);

	(void)state;
	assert_int_equal(mica_policy_init(&pol, b, size, NULL), 0);
	assert_int_equal(mica_policy_ns_map_perm(&pol, 0, 1ULL << 47, 4096,
						 &perm, NULL), -ENOENT);
	assert_int_equal(mica_policy_role_by_rim(&pol, rim, 32, &pos), 0);
	assert_false(mica_policy_may_call(&pol, 0, 0, NULL));
	assert_int_equal(mica_policy_find_region(&pol, "solo", 4, &pos),
			 -ENOENT);
	assert_int_equal(mica_policy_find_realm(&pol, "solo", 4, &pos), 0);
	assert_int_equal(pos, 0);
	free(b);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, sample_setup, sample_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_init),
		T(test_find_realm),
		T(test_find_region),
		T(test_role_by_rim),
		T(test_rim_matches),
		T(test_region_perm),
		T(test_may_share),
		T(test_may_call),
		T(test_host_exits),
		T(test_ns_map_hits),
		T(test_ns_map_misses),
		cmocka_unit_test(test_empty_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
