/* spell.c - canonical spellings of Mica values (see spell.h). */
#include <inttypes.h>
#include <stdio.h>

#include "util/spell.h"

char *spell_size(uint64_t v, char buf[SPELL_MAX])
{
	static const struct { unsigned shift; const char *unit; } units[] = {
		{30, "GiB"}, {20, "MiB"}, {10, "KiB"},
	};

	for (size_t i = 0; v != 0 && i < sizeof(units) / sizeof(units[0]); i++) {
		uint64_t mask = ((uint64_t)1 << units[i].shift) - 1;

		if ((v & mask) == 0) {
			snprintf(buf, SPELL_MAX, "%" PRIu64 "%s", v >> units[i].shift, units[i].unit);
			return buf;
		}
	}
	snprintf(buf, SPELL_MAX, "%" PRIu64, v);
	return buf;
}

char *spell_addr(uint64_t v, char buf[SPELL_MAX])
{
	snprintf(buf, SPELL_MAX, "0x%" PRIx64, v);
	return buf;
}
