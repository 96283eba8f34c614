/* diag_render.c - what the renderers share: format names, levels, and the
 * URLs and rule names the CI reports point people to. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "diag/diag_render.h"
#include "util/xalloc.h"

/* Set at build time (make REPOSITORY_URL=...), or at run time with
 * $MICAC_REPOSITORY_URL. */
#ifndef MICAC_REPOSITORY_URL
#define MICAC_REPOSITORY_URL "https://micac.invalid/micac"
#endif

int diag_format_parse(const char *name, enum diag_format *f)
{
	static const char *const names[] = {"text", "json", "sarif", "github", "junit", "gitlab"};

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

/* The message: the diagnostic, its witness and its notes, one per line. */
char *diag_full_message(const struct diag *d)
{
	char *msg = xstrdup(d->msg);

	for (size_t i = 0; i < d->nsteps; i++) {
		char *next = xasprintf("%s\n    %s", msg, d->steps[i].text);

		free(msg);
		msg = next;
	}
	for (size_t i = 0; i < d->nnotes; i++) {
		char *next = xasprintf("%s\n%s: %s", msg, d->notes[i].kind == NOTE_HELP ? "help" : "note",
				       d->notes[i].text);

		free(msg);
		msg = next;
	}
	return msg;
}

const char *diag_repository_url(void)
{
	const char *env = getenv("MICAC_REPOSITORY_URL");

	return env && *env ? env : MICAC_REPOSITORY_URL;
}

/* GitHub's heading anchors: lower case; letters, digits, '-' and '_' kept,
 * spaces become '-', everything else dropped. "E0704: load past the blob's
 * end" -> "e0704-load-past-the-blobs-end". */
static char *anchor(const char *code, const char *title)
{
	char *heading = xasprintf("%s: %s", code, title), *out = xmalloc(strlen(heading) + 1), *p = out;

	for (const char *s = heading; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (isalnum(c) || c == '-' || c == '_')
			*p++ = (char)tolower(c);
		else if (c == ' ')
			*p++ = '-';
	}
	*p = '\0';
	free(heading);
	return out;
}

char *diag_help_url(const struct diag_code_info *info)
{
	const char *docs = getenv("MICAC_DOCS_URL");
	char *a = anchor(info->code, info->title), *url;

	if (docs && *docs)
		url = xasprintf("%s/diagnostics.md#%s", docs, a);
	else
		url = xasprintf("%s/blob/main/docs/diagnostics.md#%s", diag_repository_url(), a);
	free(a);
	return url;
}

char *diag_rule_name(const struct diag_code_info *info)
{
	const char *s = strchr(info->name, '_');
	char *out = xmalloc(strlen(info->name) + 1), *p = out;
	bool up = true;

	/* ERR_ or WARN_ says the severity, which the rule states elsewhere. */
	for (s = s ? s + 1 : info->name; *s; s++) {
		if (*s == '_') {
			up = true;
			continue;
		}
		*p++ = up ? (char)toupper((unsigned char)*s) : (char)tolower((unsigned char)*s);
		up = false;
	}
	*p = '\0';
	return out;
}
