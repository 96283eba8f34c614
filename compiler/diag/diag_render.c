/* diag_render.c - what the renderers share: format names and levels. */
#include <string.h>

#include "diag/diag_render.h"

int diag_format_parse(const char *name, enum diag_format *f)
{
	static const char *const names[] = {"text", "json", "sarif", "github"};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(name, names[i]) == 0) {
			*f = (enum diag_format)i;
			return 0;
		}
	}
	return -1;
}

const char *diag_level(const struct diag_list *dl, const struct diag *d)
{
	return diag_is_error(dl, d) ? "error" : "warning";
}
