/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Validation of names and the string table. In the sample blob the string
 * table starts at 768: "pipeline" at +0, realms camera +9, detector +16,
 * logger +25, sink +32, store +37, regions frames +43, log_buf +50,
 * results +58, shared_ns +66, 76 bytes in all.
 */

#include "expect.h"

#include <string.h>

#define STRINGS		768U
#define DETECTOR	(STRINGS + 16U)
#define FRAMES		(STRINGS + 43U)

/* The sample with realm i (or region i) renamed. */
static uint8_t *renamed(bool region, uint32_t i, const char *name,
			size_t *size)
{
	struct tb_policy p = *tb_sample();
	struct tb_realm realms[8];
	struct tb_region regions[8];

	memcpy(realms, p.realms, p.nrealms * sizeof(realms[0]));
	memcpy(regions, p.regions, p.nregions * sizeof(regions[0]));
	if (region) {
		regions[i].name = name;
	} else {
		realms[i].name = name;
	}
	p.realms = realms;
	p.regions = regions;
	return tb_build(&p, size);
}

#define expect_renamed(region, i, name, ...) do { \
	size_t size_; \
	uint8_t *b_ = renamed((region), (i), (name), &size_); \
	expect_fault(b_, size_, __VA_ARGS__); \
	free(b_); \
} while (0)

#define expect_renamed_valid(region, i, name) do { \
	size_t size_; \
	uint8_t *b_ = renamed((region), (i), (name), &size_); \
	expect_valid(b_, size_); \
	free(b_); \
} while (0)

static char *repeat(char c, size_t n)
{
	char *s = malloc(n + 1);

	assert_non_null(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static void test_empty_and_long(void **state)
{
	char *n63 = repeat('d', 63), *n64 = repeat('d', 64);

	(void)state;
	expect_renamed(false, 1, "", MICA_FAULT_NAME_EMPTY, MICA_TABLE_REALMS,
		       1, DETECTOR);
	expect_renamed(false, 1, n64, MICA_FAULT_NAME_LONG, MICA_TABLE_REALMS,
		       1, DETECTOR + 63);
	expect_renamed_valid(false, 1, n63);
	free(n63);
	free(n64);
}

static void test_identifier_chars(void **state)
{
	(void)state;
	expect_renamed(false, 1, "de-tector", MICA_FAULT_NAME_CHAR,
		       MICA_TABLE_REALMS, 1, DETECTOR + 2);
	expect_renamed(false, 1, "9detector", MICA_FAULT_NAME_CHAR,
		       MICA_TABLE_REALMS, 1, DETECTOR);
	expect_renamed(false, 1, "d\xc3\xa9tector", MICA_FAULT_NAME_CHAR,
		       MICA_TABLE_REALMS, 1, DETECTOR + 1);
	expect_renamed(false, 1, "detector ", MICA_FAULT_NAME_CHAR,
		       MICA_TABLE_REALMS, 1, DETECTOR + 8);
	expect_renamed(true, 0, "fr.ames", MICA_FAULT_NAME_CHAR,
		       MICA_TABLE_REGIONS, 0, FRAMES + 2);
	expect_renamed_valid(false, 1, "detector_2");
	expect_renamed_valid(false, 1, "d09_AZaz");
}

static void test_reserved_host(void **state)
{
	size_t size;
	struct tb_policy p = *tb_sample();
	uint8_t *b;

	(void)state;
	expect_renamed(false, 1, "host", MICA_FAULT_NAME_HOST,
		       MICA_TABLE_REALMS, 1, DETECTOR);
	expect_renamed(true, 0, "host", MICA_FAULT_NAME_HOST,
		       MICA_TABLE_REGIONS, 0, FRAMES);
	expect_renamed_valid(false, 1, "hostx");
	expect_renamed_valid(false, 1, "hos");
	/* the policy's own name is not a principal */
	p.name = "host";
	b = tb_build(&p, &size);
	expect_valid(b, size);
	free(b);
	p.name = "pipe line";
	b = tb_build(&p, &size);
	expect_fault(b, size, MICA_FAULT_NAME_CHAR, MICA_BLOB_IN_HEADER,
		     MICA_BLOB_NO_INDEX, STRINGS + 4);
	free(b);
}

static void test_order(void **state)
{
	(void)state;
	/* duplicate */
	expect_renamed(false, 1, "camera", MICA_FAULT_NAME_ORDER,
		       MICA_TABLE_REALMS, 1, DETECTOR);
	/* a proper prefix sorts first */
	expect_renamed(false, 1, "cam", MICA_FAULT_NAME_ORDER,
		       MICA_TABLE_REALMS, 1, DETECTOR);
	expect_renamed_valid(false, 0, "cam");
	/* by bytes: upper case before lower case, '_' between them */
	expect_renamed(false, 1, "Detector", MICA_FAULT_NAME_ORDER,
		       MICA_TABLE_REALMS, 1, DETECTOR);
	expect_renamed_valid(false, 0, "Camera");
	expect_renamed_valid(false, 0, "_camera");
	expect_renamed(true, 1, "frames", MICA_FAULT_NAME_ORDER,
		       MICA_TABLE_REGIONS, 1, STRINGS + 50);
}

static void test_realm_region_clash(void **state)
{
	(void)state;
	expect_renamed(true, 0, "detector", MICA_FAULT_NAME_CLASH,
		       MICA_TABLE_REGIONS, 0, FRAMES);
	/* "log_buf" is one byte longer than "logger": regions move by 1 */
	expect_renamed(false, 2, "log_buf", MICA_FAULT_NAME_CLASH,
		       MICA_TABLE_REGIONS, 1, STRINGS + 51);
}

static void test_name_offsets(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	tb_realm_at(b, 2)->name_off += 1;
	expect_fault(b, size, MICA_FAULT_NAME_OFF, MICA_TABLE_REALMS, 2,
		     88 + 2 * 72);
	tb_realm_at(b, 2)->name_off -= 1;
	tb_region_at(b, 3)->name_off = 0;
	expect_fault(b, size, MICA_FAULT_NAME_OFF, MICA_TABLE_REGIONS, 3,
		     448 + 3 * 32);
	free(b);
}

static void test_unterminated(void **state)
{
	size_t size;
	uint8_t *b = tb_build_sample(&size);

	(void)state;
	b[STRINGS + 75] = 'x';	/* the last name's NUL */
	expect_fault(b, size, MICA_FAULT_NAME_UNTERMINATED, MICA_TABLE_REGIONS,
		     3, STRINGS + 76);
	b[STRINGS + 75] = '\0';
	/* A string table that ends where the last name should start. */
	tb_header(b)->tables[MICA_TABLE_STRINGS].count = 66;
	tb_header(b)->total_size = 840;
	memset(b + STRINGS + 66, 0, 840 - (STRINGS + 66));
	expect_fault(b, 840, MICA_FAULT_NAME_UNTERMINATED, MICA_TABLE_REGIONS,
		     3, STRINGS + 66);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_and_long),
		cmocka_unit_test(test_identifier_chars),
		cmocka_unit_test(test_reserved_host),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_realm_region_clash),
		cmocka_unit_test(test_name_offsets),
		cmocka_unit_test(test_unterminated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
