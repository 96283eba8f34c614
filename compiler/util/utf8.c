/* utf8.c - strict UTF-8 validation (RFC 3629). */
#include "util/utf8.h"

size_t utf8_seq_len(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	size_t len;

	if (n == 0)
		return 0;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		len = 3;
		if (p[0] == 0xE0)
			lo = 0xA0;	/* overlong */
		if (p[0] == 0xED)
			hi = 0x9F;	/* surrogates */
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		len = 4;
		if (p[0] == 0xF0)
			lo = 0x90;	/* overlong */
		if (p[0] == 0xF4)
			hi = 0x8F;	/* > U+10FFFF */
	} else
		return 0;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xBF)
			return 0;
	return len;
}

bool utf8_valid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t l = utf8_seq_len(s + i, n - i);

		if (l == 0)
			return false;
		i += l;
	}
	return true;
}

size_t utf8_bidi_at(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c;

	if (n >= 2 && p[0] == 0xD8 && p[1] == 0x9C) {
		if (cp)
			*cp = 0x061C;
		return 2;
	}
	if (n < 3 || p[0] != 0xE2 || (p[1] != 0x80 && p[1] != 0x81))
		return 0;
	c = 0x2000u | (unsigned)(p[1] & 0x3f) << 6 | (p[2] & 0x3fu);
	if (!((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
	      c == 0x200F))
		return 0;
	if (cp)
		*cp = c;
	return 3;
}
