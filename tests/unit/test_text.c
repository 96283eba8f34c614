/* test_text.c - UTF-8 validation, name suggestions and source lines (utf8.c,
 * suggest.c, source.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/source.h"
#include "util/suggest.h"
#include "util/utf8.h"

static bool valid(const char *s)
{
	return utf8_valid(s, strlen(s));
}

static void test_utf8(void **state)
{
	(void)state;
	assert_true(valid("plain ascii"));
	assert_true(valid("caf\xc3\xa9"));		/* U+00E9 */
	assert_true(valid("\xe2\x82\xac"));		/* U+20AC */
	assert_true(valid("\xf0\x9f\x98\x80"));	/* U+1F600 */
	assert_true(valid("\xf4\x8f\xbf\xbf"));	/* U+10FFFF */
	assert_false(valid("\xff"));
	assert_false(valid("\xc0\xaf"));		/* overlong '/' */
	assert_false(valid("\xe0\x80\xaf"));		/* overlong */
	assert_false(valid("\xed\xa0\x80"));		/* surrogate */
	assert_false(valid("\xf4\x90\x80\x80"));	/* > U+10FFFF */
	assert_false(valid("\xc3"));			/* cut */
	assert_false(valid("\xe2\x82"));		/* cut */
	assert_int_equal(utf8_seq_len("\xc3\xa9x", 3), 2);
	assert_int_equal(utf8_seq_len("a", 1), 1);
	assert_int_equal(utf8_seq_len("\x80", 1), 0);
}

static void test_suggest(void **state)
{
	static const char *const names[] = {"camera", "detector", "aggregator", "db", "sink"};
	(void)state;
	assert_string_equal(suggest_name("detectr", names, 5), "detector");
	assert_string_equal(suggest_name("camrea", names, 5), "camera");
	assert_string_equal(suggest_name("aggregater", names, 5), "aggregator");
	assert_string_equal(suggest_name("dc", names, 5), "db");
	assert_null(suggest_name("zebra", names, 5));
	assert_null(suggest_name("camera", names, 5));	/* an exact name is no typo */
	assert_null(suggest_name("x", names, 0));
}

/* Lines and positions from the line index: without their newline (and a
 * CR before it), the last one with or without a newline, 1-based columns. */
static void test_source_lines(void **state)
{
	static const char text[] = "ab\r\n\ncd\nlast";
	struct source src;
	const char *l;
	size_t len;
	uint32_t line, col;

	(void)state;
	source_from_mem(&src, "t", text, strlen(text));
	assert_int_equal(src.nlines, 4);
	l = source_line(&src, 1, &len);
	assert_int_equal(len, 2);
	assert_memory_equal(l, "ab", 2);
	source_line(&src, 2, &len);
	assert_int_equal(len, 0);
	l = source_line(&src, 3, &len);
	assert_int_equal(len, 2);
	assert_memory_equal(l, "cd", 2);
	l = source_line(&src, 4, &len);
	assert_int_equal(len, 4);
	assert_memory_equal(l, "last", 4);
	assert_string_equal(source_line(&src, 5, &len), "");
	assert_int_equal(len, 0);
	source_pos(&src, 6, &line, &col);	/* the 'd' */
	assert_int_equal(line, 3);
	assert_int_equal(col, 2);
	source_free(&src);
	source_from_mem(&src, "t", "x\n", 2);
	assert_int_equal(src.nlines, 2);
	source_line(&src, 1, &len);
	assert_int_equal(len, 1);
	source_line(&src, 2, &len);
	assert_int_equal(len, 0);
	source_free(&src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_source_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
