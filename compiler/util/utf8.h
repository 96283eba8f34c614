/* utf8.h - UTF-8 validity, for comments and for printing source lines. */
#ifndef MICAC_UTF8_H
#define MICAC_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Length of the valid UTF-8 sequence at S (at most N bytes), or 0 when the
 * bytes there are not valid UTF-8 (overlong, surrogate, > U+10FFFF, cut). */
size_t utf8_seq_len(const char *s, size_t n);
bool utf8_valid(const char *s, size_t n);

/* Length of the Unicode bidirectional control character at S (at most N
 * bytes: U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), or 0. Its
 * code point goes to *CP when CP is not NULL. */
size_t utf8_bidi_at(const char *s, size_t n, unsigned *cp);

#endif
