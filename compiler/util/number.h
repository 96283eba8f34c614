/* number.h - Mica's number spellings: 4096, 0x1000, 4KiB, 0x2MiB.
 * Shared by the lexer and the YAML front end so both accept exactly the same
 * spellings, and by the printers that choose a canonical one. */
#ifndef MICAC_NUMBER_H
#define MICAC_NUMBER_H

#include <stddef.h>
#include <stdint.h>

enum number_status { NUMBER_OK = 0, NUMBER_MALFORMED = -1, NUMBER_OVERFLOW = -2 };

/* Parses TEXT[0..LEN): decimal digits or 0x/0X hex digits, optionally
 * followed by KiB, MiB or GiB (case-sensitive, no space). */
enum number_status parse_number(const char *text, size_t len, uint64_t *out);

#endif
