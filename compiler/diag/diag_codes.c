/* diag_codes.c - the catalogue of diagnostic codes, generated from
 * diag_kinds.def (one row per code: name, code, severity, title, help). */
#include <string.h>

#include "diag/diag.h"

const struct diag_code_info diag_codes[] = {
#define DIAG(name, code, sev, title, help) {#code, DIAG_##sev, title, help, #name},
#include "diag/diag_kinds.def"
#undef DIAG
};

const size_t diag_ncodes = sizeof(diag_codes) / sizeof(diag_codes[0]);

_Static_assert(sizeof(diag_codes) / sizeof(diag_codes[0]) == DIAG_KIND_COUNT,
	       "one catalogue entry per diagnostic kind");

const struct diag_code_info *diag_code_lookup(const char *code)
{
	for (size_t i = 0; i < diag_ncodes; i++)
		if (strcmp(diag_codes[i].code, code) == 0)
			return &diag_codes[i];
	return NULL;
}
