/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The fault catalogue and the table names, and their agreement with
 * docs/blob-format.md, which lists each fault as a table row
 * "| N | `MICA_FAULT_...` | `reason` |" (the tests run from the repository
 * root).
 */

#include "expect.h"

#include <stdio.h>
#include <string.h>

#define DOC	"docs/blob-format.md"

static void test_table_names(void **state)
{
	(void)state;
	assert_string_equal(mica_blob_table_name(MICA_BLOB_IN_HEADER), "header");
	assert_string_equal(mica_blob_table_name(MICA_TABLE_REALMS), "realm");
	assert_string_equal(mica_blob_table_name(MICA_TABLE_REGIONS), "region");
	assert_string_equal(mica_blob_table_name(MICA_TABLE_GRANTS), "grant");
	assert_string_equal(mica_blob_table_name(MICA_TABLE_CALLS), "call");
	assert_string_equal(mica_blob_table_name(MICA_TABLE_REGION_IDX),
			    "region index");
	assert_string_equal(mica_blob_table_name(MICA_TABLE_RIM_IDX),
			    "rim index");
	assert_string_equal(mica_blob_table_name(MICA_TABLE_STRINGS),
			    "string table");
	assert_string_equal(mica_blob_table_name(MICA_TABLE_COUNT), "?");
}

static void test_reasons(void **state)
{
	int f, g;

	(void)state;
	assert_string_equal(mica_blob_fault_reason(MICA_FAULT_NONE), "valid");
	assert_string_equal(mica_blob_fault_reason(MICA_FAULT_COUNT), "?");
	assert_string_equal(mica_blob_fault_reason((unsigned int)-1),
			    "?");
	/* every fault has its own reason */
	for (f = 0; f < MICA_FAULT_COUNT; f++) {
		const char *r = mica_blob_fault_reason((unsigned int)f);

		assert_non_null(r);
		assert_true(strlen(r) > 4);
		for (g = 0; g < f; g++)
			assert_string_not_equal(r, mica_blob_fault_reason(
						(unsigned int)g));
	}
}

/* The doc's row for fault f, or NULL. */
static char *doc_row(FILE *doc, int f, char *line, size_t len)
{
	char prefix[32];

	snprintf(prefix, sizeof(prefix), "| %d | `", f);
	rewind(doc);
	while (fgets(line, (int)len, doc) != NULL)
		if (strncmp(line, prefix, strlen(prefix)) == 0) {
			return line;
		}
	return NULL;
}

static void test_doc_lists_every_fault(void **state)
{
	FILE *doc = fopen(DOC, "r");
	char line[512], want[300];
	int f;

	(void)state;
	if (doc == NULL) {
		fail_msg("cannot open %s (run from the repository root)", DOC);
	}
	for (f = 1; f < MICA_FAULT_COUNT; f++) {
		const char *row = doc_row(doc, f, line, sizeof(line));

		snprintf(want, sizeof(want), "| `%s` |",
			 mica_blob_fault_reason((unsigned int)f));
		if (row == NULL || strstr(row, want) == NULL)
			fail_msg("%s: no row \"| %d | `MICA_FAULT_...` %s\"",
				 DOC, f, want);
	}
	assert_null(doc_row(doc, MICA_FAULT_COUNT, line, sizeof(line)));
	fclose(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_names),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_doc_lists_every_fault),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
