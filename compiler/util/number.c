/* number.c - parsing Mica number spellings (see number.h). */
#include <string.h>

#include "util/number.h"

static int digit_value(char c, unsigned base)
{
	int v = -1;

	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	return (v >= 0 && (unsigned)v < base) ? v : -1;
}

/* The multiplier of a unit suffix, or 0 when SUF is not one. */
static unsigned suffix_shift(const char *suf, size_t len)
{
	static const struct { const char *name; unsigned shift; } units[] = {
		{"KiB", 10}, {"MiB", 20}, {"GiB", 30},
	};

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (len == 3 && memcmp(suf, units[i].name, 3) == 0)
			return units[i].shift;
	return 0;
}

enum number_status parse_number(const char *text, size_t len, uint64_t *out)
{
	unsigned base = 10;
	size_t i = 0, digits = 0;
	uint64_t v = 0;
	int overflow = 0;

	if (len >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
		base = 16;
		i = 2;
	}
	for (; i < len; i++, digits++) {
		int d = digit_value(text[i], base);

		if (d < 0)
			break;
		if (v > (UINT64_MAX - (uint64_t)d) / base)
			overflow = 1;
		else
			v = v * base + (uint64_t)d;
	}
	if (digits == 0)
		return NUMBER_MALFORMED;
	if (i < len) {
		unsigned shift = suffix_shift(text + i, len - i);

		if (shift == 0)
			return NUMBER_MALFORMED;
		if (v > (UINT64_MAX >> shift))
			overflow = 1;
		else
			v <<= shift;
	}
	if (overflow)
		return NUMBER_OVERFLOW;
	*out = v;
	return NUMBER_OK;
}
