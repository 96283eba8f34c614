/* test_fmt.c - the formatter on hand-written sources: exact output for
 * messy layouts, every place a comment can be, number spellings, and the
 * policy block moving to the top with the file's header staying put. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse.h"
#include "print/fmt.h"
#include "frontend.h"

/* Formats TEXT, which must parse without errors. */
static char *format(const char *text)
{
	struct source src;
	struct ast ast;
	struct diag_list dl;
	size_t len;
	char *out;

	memset(&dl, 0, sizeof(dl));
	source_from_mem(&src, "t.mica", text, strlen(text));
	ast_init(&ast, &src);
	assert_int_equal(parse_mica(&ast, &dl), 0);
	out = fmt_format(&ast, &len);
	assert_int_equal(strlen(out), len);
	ast_free(&ast);
	diag_list_free(&dl);
	source_free(&src);
	return out;
}

/* fmt(IN) == WANT, and fmt(WANT) == WANT. */
static void expect_format(const char *in, const char *want)
{
	char *got = format(in), *again;

	if (strcmp(got, want) != 0)
		fail_msg("--- want\n%s--- got\n%s", want, got);
	again = format(got);
	if (strcmp(again, want) != 0)
		fail_msg("not idempotent:\n--- first\n%s--- second\n%s", got, again);
	free(got);
	free(again);
}

static void test_layout(void **state)
{
	(void)state;
	expect_format("realm cam{trust   trusted;hostcall;measurement \"ab\";}"
		      "region  frames { grant cam write; size 2MiB ;kind protected; "
		      "at 0x10000000;\n\n\n grant det read; }\n"
		      "call cam->det oneway; call det   -> cam;\n"
		      "assert no   flow cam->host;"
		      "policy p{ipa_bits 0x28; version 03;digest sha384;}",
		      "policy p {\n"
		      "    version 03;\n"
		      "    digest sha384;\n"
		      "    ipa_bits 0x28;\n"
		      "}\n"
		      "\n"
		      "realm cam {\n"
		      "    trust trusted;\n"
		      "    measurement \"ab\";\n"
		      "    hostcall;\n"
		      "}\n"
		      "\n"
		      "region frames {\n"
		      "    kind protected;\n"
		      "    size 2MiB;\n"
		      "    at 0x10000000;\n"
		      "    grant cam write;\n"
		      "    grant det read;\n"
		      "}\n"
		      "\n"
		      "call cam -> det oneway;\n"
		      "call det -> cam;\n"
		      "assert no flow cam -> host;\n");
}

static void test_empty_blocks_and_files(void **state)
{
	(void)state;
	expect_format("", "");
	expect_format("policy p{}", "policy p {\n}\n");
	expect_format("// only a comment\n", "// only a comment\n");
	expect_format("\n\n/* a */\n\n\n// b\n", "/* a */\n\n// b\n");
}

/* Statements keep one blank line where the source had any; blocks always
 * get one. */
static void test_blank_lines(void **state)
{
	(void)state;
	expect_format("policy p { version 1; }\ncall a -> b;\n\n\n\ncall b -> c;\ncall c -> d;\n"
		      "realm a { trust trusted; }\n\n\n\nrealm b { trust trusted; }\n",
		      "policy p {\n    version 1;\n}\n\n"
		      "call a -> b;\n\ncall b -> c;\ncall c -> d;\n\n"
		      "realm a {\n    trust trusted;\n}\n\n"
		      "realm b {\n    trust trusted;\n}\n");
}

static void test_comments_everywhere(void **state)
{
	(void)state;
	expect_format("// file header\n"
		      "\n"
		      "// about the camera\n"
		      "realm /* odd */ camera { // trailing the head\n"
		      "  // about trust\n"
		      "  trust trusted; // trails trust\n"
		      "  mmio;  /* block */ // and a line\n"
		      "  // before the brace\n"
		      "} // after the brace\n"
		      "call a -> b; // x\n"
		      "call abc -> d oneway; // y\n"
		      "policy p {\n"
		      "    /* multi\n"
		      "       line */\n"
		      "    version 1;\n"
		      "}\n"
		      "\n"
		      "// the end\n",
		      "// file header\n"
		      "\n"
		      "policy p {\n"
		      "    /* multi\n"
		      "       line */\n"
		      "    version 1;\n"
		      "}\n"
		      "\n"
		      "// about the camera\n"
		      "realm camera {  /* odd */ // trailing the head\n"
		      "    // about trust\n"
		      "    trust trusted;  // trails trust\n"
		      "    mmio;           /* block */ // and a line\n"
		      "    // before the brace\n"
		      "}  // after the brace\n"
		      "\n"
		      "call a -> b;           // x\n"
		      "call abc -> d oneway;  // y\n"
		      "\n"
		      "// the end\n");
}

/* A comment that moves with its statement when properties are reordered,
 * and a trailing comment continued on the lines below it. */
static void test_comments_follow_statements(void **state)
{
	(void)state;
	expect_format("region r {\n"
		      "    grant a read;   // first grant\n"
		      "    // the size\n"
		      "    size 4KiB;      // one granule,\n"
		      "                    // the smallest\n"
		      "    kind protected;\n"
		      "}\n",
		      "region r {\n"
		      "    kind protected;\n"
		      "    // the size\n"
		      "    size 4KiB;     // one granule,\n"
		      "                   // the smallest\n"
		      "    grant a read;  // first grant\n"
		      "}\n");
}

/* Numbers keep their spelling, even with a comment inside the statement.
 * A comment between a keyword and its value ends up after the line before:
 * statements are located at their value. */
static void test_number_spellings(void **state)
{
	(void)state;
	expect_format("policy p { version /* v2 */ 0x3; ipa_bits 40 /* 7 */; }\n"
		      "region r { size 0x2MiB; at 4096; }\n",
		      "policy p {  /* v2 */\n"
		      "    version 0x3;\n"
		      "    ipa_bits 40;  /* 7 */\n"
		      "}\n"
		      "\n"
		      "region r {\n"
		      "    size 0x2MiB;\n"
		      "    at 4096;\n"
		      "}\n");
}

/* Several policy blocks (an error for check, not for fmt) all move up; the
 * statements they separated stay apart. */
static void test_policies_first(void **state)
{
	(void)state;
	expect_format("call a -> b;\npolicy p { version 1; }\ncall c -> d;\npolicy q {}\n",
		      "policy p {\n    version 1;\n}\n\npolicy q {\n}\n\ncall a -> b;\n\ncall c -> d;\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_empty_blocks_and_files),
		cmocka_unit_test(test_blank_lines),
		cmocka_unit_test(test_comments_everywhere),
		cmocka_unit_test(test_comments_follow_statements),
		cmocka_unit_test(test_number_spellings),
		cmocka_unit_test(test_policies_first),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
