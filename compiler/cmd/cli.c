/* cli.c - helpers every subcommand shares. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "frontend.h"

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("micac: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, "\nTry 'micac %s --help'.\n", cmd);
	else
		fputs("\nTry 'micac --help'.\n", stderr);
	return EXIT_USAGE;
}

int cli_exit_status(int frontend_status)
{
	switch (frontend_status) {
	case FRONTEND_OK:
		return EXIT_CLEAN;
	case FRONTEND_ERRORS:
		return EXIT_POLICY;
	case FRONTEND_UNREADABLE:
		return EXIT_USAGE;
	default:
		return EXIT_INTERNAL;
	}
}

int cli_parse_lang(const char *s, enum input_lang *out)
{
	static const struct { const char *name; enum input_lang lang; } langs[] = {
		{"mica", LANG_MICA}, {"yaml", LANG_YAML}, {"json", LANG_YAML}, {"blob", LANG_BLOB},
	};

	for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]); i++)
		if (strcmp(s, langs[i].name) == 0) {
			*out = langs[i].lang;
			return 0;
		}
	return -1;
}

int cli_parse_count(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtoull(s, &end, 10);
	if (*end)
		return -1;
	*out = (size_t)v;
	return 0;
}
