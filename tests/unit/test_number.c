/* test_number.c - Mica number spellings (compiler/number.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/number.h"

static enum number_status parse(const char *s, uint64_t *v)
{
	*v = 12345;
	return parse_number(s, strlen(s), v);
}

static void test_valid_spellings(void **state)
{
	static const struct { const char *text; uint64_t value; } cases[] = {
		{"0", 0}, {"4096", 4096}, {"0x1000", 4096}, {"0X1000", 4096}, {"0xfF", 255},
		{"4KiB", 4096}, {"2MiB", 2u << 20}, {"1GiB", 1u << 30}, {"0x2MiB", 2u << 20},
		{"18446744073709551615", UINT64_MAX}, {"0xffffffffffffffff", UINT64_MAX},
		{"16777215GiB", 16777215ull << 30}, {"007", 7},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint64_t v;

		assert_int_equal(parse(cases[i].text, &v), NUMBER_OK);
		assert_int_equal(v, cases[i].value);
	}
}

static void test_malformed(void **state)
{
	static const char *const bad[] = {
		"", "x", "0x", "12KB", "4kib", "4KiBB", "4 KiB", "0x1g", "1.5", "4Ki", "MiB", "-1",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint64_t v;

		assert_int_equal(parse(bad[i], &v), NUMBER_MALFORMED);
		assert_int_equal(v, 12345);	/* untouched on failure */
	}
}

static void test_overflow(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(parse("18446744073709551616", &v), NUMBER_OVERFLOW);
	assert_int_equal(parse("0x10000000000000000", &v), NUMBER_OVERFLOW);
	assert_int_equal(parse("17179869184GiB", &v), NUMBER_OVERFLOW);
	assert_int_equal(parse("18014398509481984KiB", &v), NUMBER_OVERFLOW);
	assert_int_equal(v, 12345);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_spellings),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
