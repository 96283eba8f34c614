/* spell.h - the canonical spelling of every Mica value, for the printers
 * (dump's Mica, YAML and JSON forms, and the formatter).
 *
 * One spelling per value, so printing a model is deterministic: sizes in the
 * largest binary unit that divides them exactly (2MiB, 12KiB, 4097), and
 * addresses in lower-case hex (0x10000000). Keywords are spelled by
 * keywords.h. */
#ifndef MICAC_SPELL_H
#define MICAC_SPELL_H

#include <stdint.h>

/* Room for any spelling below, NUL included. */
#define SPELL_MAX 24

/* "2MiB", "4KiB", "1GiB", "4097", "0": the largest of GiB, MiB, KiB that
 * divides V, else decimal. */
char *spell_size(uint64_t v, char buf[SPELL_MAX]);
/* "0x10000000": lower-case hex, no padding. */
char *spell_addr(uint64_t v, char buf[SPELL_MAX]);

#endif
