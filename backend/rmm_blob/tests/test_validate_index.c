/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Validation of the region index (at 736 in the sample: 2 results, 0 frames,
 * 1 log_buf, 3 shared_ns) and the rim index (at 752: 0 camera and 3 sink,
 * which share a 32-byte measurement, 1 detector (48), 4 store (64)).
 */

#include "expect.h"

#include <string.h>

#define REGION_IDX(k)	(736U + 4U * (k))
#define RIM_IDX(k)	(752U + 4U * (k))

static void set_index(uint8_t *b, unsigned int table, const uint32_t *v)
{
	memcpy(tb_index_at(b, table, 0), v, 4 * sizeof(uint32_t));
}

static void test_sample_indices(void **state)
{
	static const uint32_t by_base[] = { 2, 0, 1, 3 };
	static const uint32_t rim[] = { 0, 3, 1, 4 };
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	assert_memory_equal(tb_index_at(b, MICA_TABLE_REGION_IDX, 0), by_base,
			    sizeof(by_base));
	assert_memory_equal(tb_index_at(b, MICA_TABLE_RIM_IDX, 0), rim,
			    sizeof(rim));
	free(b);
}

static void test_region_index(void **state)
{
	static const uint32_t out_of_range[] = { 2, 4, 1, 3 };
	static const uint32_t unsorted[] = { 0, 2, 1, 3 };
	static const uint32_t repeated[] = { 2, 2, 1, 3 };
	static const uint32_t last_swapped[] = { 2, 0, 3, 1 };
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	set_index(b, MICA_TABLE_REGION_IDX, out_of_range);
	expect_fault(b, size, MICA_FAULT_REGION_IDX_RANGE,
		     MICA_TABLE_REGION_IDX, 1, REGION_IDX(1));
	set_index(b, MICA_TABLE_REGION_IDX, unsorted);
	expect_fault(b, size, MICA_FAULT_REGION_IDX_ORDER,
		     MICA_TABLE_REGION_IDX, 1, REGION_IDX(1));
	set_index(b, MICA_TABLE_REGION_IDX, repeated);
	expect_fault(b, size, MICA_FAULT_REGION_IDX_ORDER,
		     MICA_TABLE_REGION_IDX, 1, REGION_IDX(1));
	set_index(b, MICA_TABLE_REGION_IDX, last_swapped);
	expect_fault(b, size, MICA_FAULT_REGION_IDX_ORDER,
		     MICA_TABLE_REGION_IDX, 3, REGION_IDX(3));
	free(b);
}

/* The sample with results (region 2) moved to base. */
static uint8_t *results_at(uint64_t base, size_t *size)
{
	struct tb_policy p = *tb_sample();
	struct tb_region regions[4];

	memcpy(regions, p.regions, sizeof(regions));
	regions[2].base = base;
	p.regions = regions;
	return tb_build(&p, size);
}

static void test_overlap(void **state)
{
	size_t size;
	uint8_t *b;

	(void)state;
	/* frames is [0x10000000, 0x10200000): results on its last granule */
	b = results_at(0x101FF000, &size);
	expect_fault(b, size, MICA_FAULT_REGION_IDX_ORDER,
		     MICA_TABLE_REGION_IDX, 1, REGION_IDX(1));
	free(b);
	/* the same base */
	b = results_at(0x10000000, &size);
	expect_fault(b, size, MICA_FAULT_REGION_IDX_ORDER,
		     MICA_TABLE_REGION_IDX, 1, REGION_IDX(1));
	free(b);
	/* right after frames: adjacent is not overlapping */
	b = results_at(0x10200000, &size);
	expect_valid(b, size);
	free(b);
	/* right before frames */
	b = results_at(0x0FFFF000, &size);
	expect_valid(b, size);
	free(b);
}

static void test_rim_index(void **state)
{
	static const uint32_t out_of_range[] = { 0, 3, 5, 4 };
	static const uint32_t unmeasured[] = { 0, 3, 2, 4 };
	static const uint32_t tie_unsorted[] = { 3, 0, 1, 4 };
	static const uint32_t len_unsorted[] = { 0, 1, 3, 4 };
	static const uint32_t repeated[] = { 0, 0, 1, 4 };
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	set_index(b, MICA_TABLE_RIM_IDX, out_of_range);
	expect_fault(b, size, MICA_FAULT_RIM_IDX_RANGE, MICA_TABLE_RIM_IDX, 2,
		     RIM_IDX(2));
	set_index(b, MICA_TABLE_RIM_IDX, unmeasured);
	expect_fault(b, size, MICA_FAULT_RIM_IDX_UNMEASURED,
		     MICA_TABLE_RIM_IDX, 2, RIM_IDX(2));
	set_index(b, MICA_TABLE_RIM_IDX, tie_unsorted);
	expect_fault(b, size, MICA_FAULT_RIM_IDX_ORDER, MICA_TABLE_RIM_IDX, 1,
		     RIM_IDX(1));
	set_index(b, MICA_TABLE_RIM_IDX, len_unsorted);
	expect_fault(b, size, MICA_FAULT_RIM_IDX_ORDER, MICA_TABLE_RIM_IDX, 2,
		     RIM_IDX(2));
	set_index(b, MICA_TABLE_RIM_IDX, repeated);
	expect_fault(b, size, MICA_FAULT_RIM_IDX_ORDER, MICA_TABLE_RIM_IDX, 1,
		     RIM_IDX(1));
	free(b);
}

static void test_rim_order_by_bytes(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);
	struct mica_blob_realm *detector = tb_realm_at(b, 1);

	(void)state;
	/* detector becomes 64 bytes 22..22 00..00: it now sorts after
	 * store's 05..05, yet the index still lists it first.
	 */
	detector->meas_len = 64;
	expect_fault(b, size, MICA_FAULT_RIM_IDX_ORDER, MICA_TABLE_RIM_IDX, 3,
		     RIM_IDX(3));
	/* only the first byte differs */
	memset(detector->measurement, 0x05, 64);
	detector->measurement[0] = 0x04;
	expect_valid(b, size);
	detector->measurement[0] = 0x06;
	expect_fault(b, size, MICA_FAULT_RIM_IDX_ORDER, MICA_TABLE_RIM_IDX, 3,
		     RIM_IDX(3));
	/* equal to store: the realm index breaks the tie, 1 before 4 */
	detector->measurement[0] = 0x05;
	expect_valid(b, size);
	free(b);
}

static void test_rim_count(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	/* logger gains a measurement the index does not list */
	tb_realm_at(b, 2)->meas_len = 32;
	expect_fault(b, size, MICA_FAULT_RIM_IDX_COUNT, MICA_TABLE_RIM_IDX,
		     MICA_BLOB_NO_INDEX, 76);
	tb_realm_at(b, 2)->meas_len = 0;
	/* three entries also lay out to 768: the fourth is then padding */
	tb_header(b)->tables[MICA_TABLE_RIM_IDX].count = 3;
	expect_fault(b, size, MICA_FAULT_PADDING, MICA_TABLE_RIM_IDX,
		     MICA_BLOB_NO_INDEX, RIM_IDX(3));
	*tb_index_at(b, MICA_TABLE_RIM_IDX, 3) = 0;
	expect_fault(b, size, MICA_FAULT_RIM_IDX_COUNT, MICA_TABLE_RIM_IDX,
		     MICA_BLOB_NO_INDEX, 76);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_indices),
		cmocka_unit_test(test_region_index),
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_rim_index),
		cmocka_unit_test(test_rim_order_by_bytes),
		cmocka_unit_test(test_rim_count),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
