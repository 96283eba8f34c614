/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Validation of the buffer, the header fields and the table layout. The
 * sample blob (blob_sample.c) is 848 bytes: realms at 88, regions at 448,
 * grants at 576 (108 bytes, then 4 of padding), calls at 688, the region
 * index at 736, the rim index at 752, 76 bytes of names at 768 and 4 of
 * final padding.
 */

#include "expect.h"

#include <string.h>

#define SAMPLE_SIZE	848U

static void test_sample_is_valid(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	assert_int_equal(size, SAMPLE_SIZE);
	expect_valid(b, size);
	/* err is optional */
	assert_int_equal(mica_blob_validate(b, size, NULL), 0);
	free(b);
}

static void test_null_and_alignment(void **state)
{
	uint64_t buf[SAMPLE_SIZE / 8U + 1U];
	uint8_t *moved = (uint8_t *)buf + 4;
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	expect_fault(NULL, size, MICA_FAULT_NULL, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 0);
	/* The same bytes 4-byte aligned are refused before being read. */
	memcpy(moved, b, size);
	expect_fault(moved, size, MICA_FAULT_ALIGN, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 0);
	assert_int_equal(mica_blob_validate(moved, size, NULL), -EINVAL);
	free(b);
}

static void test_truncated_header(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);
	size_t n;

	(void)state;
	for (n = 0; n < sizeof(struct mica_blob_header); n++) {
		expect_fault(b, n, MICA_FAULT_TRUNCATED, MICA_BLOB_IN_HEADER,
			     MICA_BLOB_NO_INDEX, (uint32_t)n);
	}
	free(b);
}

static void test_magic(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	b[0] = 'm';
	expect_fault(b, size, MICA_FAULT_MAGIC, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 0);
	b[0] = 'M';
	b[7] = '!';	/* the magic's NUL is part of it */
	expect_fault(b, size, MICA_FAULT_MAGIC, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 0);
	free(b);
}

static void test_unknown_version(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	tb_header(b)->format_version = 2;
	expect_fault(b, size, MICA_FAULT_VERSION, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 8);
	/* A later format may have a shorter header: still "version". */
	expect_fault(b, 10, MICA_FAULT_VERSION, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 8);
	tb_header(b)->format_version = 0;
	expect_fault(b, size, MICA_FAULT_VERSION, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 8);
	assert_int_equal(mica_blob_validate(b, size, NULL), -ENOTSUP);
	free(b);
}

static void test_header_size_and_total_size(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	tb_header(b)->header_size = 96;
	expect_fault(b, size, MICA_FAULT_HEADER_SIZE, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 10);
	tb_header(b)->header_size = 88;
	/* a blob in a larger buffer is not the blob; the core, which does
	 * not read total_size, finds the tables end elsewhere
	 */
	expect_fault_core(b, size - 8,
			  FAULT(MICA_FAULT_TOTAL_SIZE, MICA_BLOB_IN_HEADER,
				MICA_BLOB_NO_INDEX, 12),
			  FAULT(MICA_FAULT_LAYOUT_SIZE, MICA_BLOB_IN_HEADER,
				MICA_BLOB_NO_INDEX, 12));
	tb_header(b)->total_size = SAMPLE_SIZE + 8;
	expect_fault(b, size, MICA_FAULT_TOTAL_SIZE, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 12);
	free(b);
}

static void test_digest_alg(void **state)
{
	static const uint8_t bad[] = { 0, 4, 255 };
	size_t size, i;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	for (i = 0; i < sizeof(bad); i++) {
		tb_header(b)->digest_alg = bad[i];
		expect_fault(b, size, MICA_FAULT_DIGEST_ALG,
			     MICA_BLOB_IN_HEADER, MICA_BLOB_NO_INDEX, 20);
	}
	for (i = MICA_DIGEST_SHA256; i <= MICA_DIGEST_SHA512; i++) {
		tb_header(b)->digest_alg = (uint8_t)i;
		expect_valid(b, size);
	}
	free(b);
}

/* A protected and an unprotected granule at the bounds of ipa_bits. */
static uint8_t *ipa_edge_blob(uint8_t ipa_bits, size_t *size)
{
	const struct tb_realm realms[] = { { "r", MICA_TRUST_TRUSTED, 0, 0, 0 } };
	uint64_t half = 1ULL << (ipa_bits - 1);
	const struct tb_region regions[] = {
		{ "hi", MICA_REGION_UNPROTECTED, 2 * half - 4096, 4096 },
		{ "lo", MICA_REGION_PROTECTED, half - 4096, 4096 },
	};
	const struct tb_grant grants[] = {
		{ 0, 0, MICA_PERM_READ }, { 1, 0, MICA_PERM_READ },
	};
	const struct tb_policy p = {
		"edge", 0, MICA_DIGEST_SHA256, ipa_bits, realms, 1, regions, 2,
		grants, 2, NULL, 0,
	};

	return tb_build(&p, size);
}

static void test_ipa_bits(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);
	uint8_t *e;

	(void)state;
	tb_header(b)->ipa_bits = 31;
	expect_fault(b, size, MICA_FAULT_IPA_BITS, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 21);
	tb_header(b)->ipa_bits = 53;
	expect_fault(b, size, MICA_FAULT_IPA_BITS, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 21);
	free(b);
	e = ipa_edge_blob(32, &size);
	expect_valid(e, size);
	free(e);
	e = ipa_edge_blob(52, &size);
	expect_valid(e, size);
	free(e);
}

static void test_header_reserved(void **state)
{
	static const uint32_t at[] = { 22, 23, 28, 31 };
	size_t size, i;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	for (i = 0; i < ARRAY_SIZE(at); i++) {
		b[at[i]] = 0x80;
		expect_fault(b, size, MICA_FAULT_RESERVED, MICA_BLOB_IN_HEADER,
			     MICA_BLOB_NO_INDEX, at[i]);
		b[at[i]] = 0;
	}
	expect_valid(b, size);
	free(b);
}

static void test_policy_name_off(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	tb_header(b)->name_off = 1;
	expect_fault(b, size, MICA_FAULT_NAME_OFF, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 24);
	free(b);
}

static void test_table_offsets(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);
	unsigned int t;

	(void)state;
	for (t = 0; t < MICA_TABLE_COUNT; t++) {
		tb_header(b)->tables[t].offset += 8;
		expect_fault(b, size, MICA_FAULT_TABLE_OFFSET, t,
			     MICA_BLOB_NO_INDEX, 32 + 8 * t);
		tb_header(b)->tables[t].offset -= 9;
		expect_fault(b, size, MICA_FAULT_TABLE_OFFSET, t,
			     MICA_BLOB_NO_INDEX, 32 + 8 * t);
		tb_header(b)->tables[t].offset += 1;
	}
	/* One more realm moves every later table: the regions' is wrong. */
	tb_header(b)->tables[MICA_TABLE_REALMS].count = 6;
	expect_fault(b, size, MICA_FAULT_TABLE_OFFSET, MICA_TABLE_REGIONS,
		     MICA_BLOB_NO_INDEX, 40);
	free(b);
}

static void test_table_limits(void **state)
{
	static const uint32_t limit[] = {
		MICA_MAX_REALMS, MICA_MAX_REGIONS, MICA_MAX_GRANTS,
		MICA_MAX_CALLS,
	};
	size_t size;
	uint8_t *b = tb_build_sample(&size);
	struct mica_blob_header *h = tb_header(b);
	unsigned int t;

	(void)state;
	for (t = 0; t < 4; t++) {
		uint32_t keep = h->tables[t].count;

		/* the core has no count limits: the blob's size bounds
		 * each count, so the next table's offset is wrong
		 */
		h->tables[t].count = limit[t] + 1;
		expect_fault_core(b, size,
				  FAULT(MICA_FAULT_TABLE_COUNT, t,
					MICA_BLOB_NO_INDEX, 36 + 8 * t),
				  FAULT(MICA_FAULT_TABLE_OFFSET, t + 1,
					MICA_BLOB_NO_INDEX, 32 + 8 * (t + 1)));
		h->tables[t].count = UINT32_MAX;
		expect_fault_core(b, size,
				  FAULT(MICA_FAULT_TABLE_COUNT, t,
					MICA_BLOB_NO_INDEX, 36 + 8 * t),
				  FAULT(MICA_FAULT_TABLE_OFFSET, t + 1,
					MICA_BLOB_NO_INDEX, 32 + 8 * (t + 1)));
		/* at the limit, the count passes and the next offset fails */
		h->tables[t].count = limit[t];
		expect_fault(b, size, MICA_FAULT_TABLE_OFFSET, t + 1,
			     MICA_BLOB_NO_INDEX, 32 + 8 * (t + 1));
		h->tables[t].count = keep;
	}
	h->tables[MICA_TABLE_REGION_IDX].count = 3;
	expect_fault(b, size, MICA_FAULT_REGION_IDX_COUNT,
		     MICA_TABLE_REGION_IDX, MICA_BLOB_NO_INDEX, 68);
	h->tables[MICA_TABLE_REGION_IDX].count = 4;
	h->tables[MICA_TABLE_RIM_IDX].count = 6;	/* > 5 realms */
	expect_fault_core(b, size,
			  FAULT(MICA_FAULT_TABLE_COUNT, MICA_TABLE_RIM_IDX,
				MICA_BLOB_NO_INDEX, 76),
			  FAULT(MICA_FAULT_TABLE_OFFSET, MICA_TABLE_STRINGS,
				MICA_BLOB_NO_INDEX, 80));
	h->tables[MICA_TABLE_RIM_IDX].count = 4;
	/* 10 names of at most 63 bytes and a NUL */
	h->tables[MICA_TABLE_STRINGS].count = 641;
	expect_fault_core(b, size,
			  FAULT(MICA_FAULT_TABLE_COUNT, MICA_TABLE_STRINGS,
				MICA_BLOB_NO_INDEX, 84),
			  FAULT(MICA_FAULT_LAYOUT_SIZE, MICA_BLOB_IN_HEADER,
				MICA_BLOB_NO_INDEX, 12));
	h->tables[MICA_TABLE_STRINGS].count = 640;
	expect_fault(b, size, MICA_FAULT_LAYOUT_SIZE, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 12);
	free(b);
}

static void test_layout_size(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	/* 768 + 84 = 852, rounded up 856: not 848 */
	tb_header(b)->tables[MICA_TABLE_STRINGS].count = 84;
	expect_fault(b, size, MICA_FAULT_LAYOUT_SIZE, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, 12);
	/* 768 + 77 rounds up to 848 too: the byte at 844 is then a name's */
	tb_header(b)->tables[MICA_TABLE_STRINGS].count = 77;
	expect_fault(b, size, MICA_FAULT_STRINGS_TRAILING, MICA_TABLE_STRINGS,
		     MICA_BLOB_NO_INDEX, 844);
	free(b);
}

static void test_padding(void **state)
{
	static const struct { uint32_t at; unsigned int table; } pad[] = {
		{ 684, MICA_TABLE_GRANTS }, { 687, MICA_TABLE_GRANTS },
		{ 844, MICA_TABLE_STRINGS }, { 847, MICA_TABLE_STRINGS },
	};
	size_t size, i;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	for (i = 0; i < ARRAY_SIZE(pad); i++) {
		b[pad[i].at] = 1;
		expect_fault(b, size, MICA_FAULT_PADDING, pad[i].table,
			     MICA_BLOB_NO_INDEX, pad[i].at);
		b[pad[i].at] = 0;
	}
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_is_valid),
		cmocka_unit_test(test_null_and_alignment),
		cmocka_unit_test(test_truncated_header),
		cmocka_unit_test(test_magic),
		cmocka_unit_test(test_unknown_version),
		cmocka_unit_test(test_header_size_and_total_size),
		cmocka_unit_test(test_digest_alg),
		cmocka_unit_test(test_ipa_bits),
		cmocka_unit_test(test_header_reserved),
		cmocka_unit_test(test_policy_name_off),
		cmocka_unit_test(test_table_offsets),
		cmocka_unit_test(test_table_limits),
		cmocka_unit_test(test_layout_size),
		cmocka_unit_test(test_padding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
