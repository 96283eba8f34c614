/* options.c - the one option parser and --help printer (see options.h). */
#include <string.h>

#include "cmd/cli.h"
#include "cmd/options.h"

/* What parse_long and parse_short return after printing --help; they
 * return 0 when parsing goes on, else the exit status of a usage error. */
#define HELP_SHOWN (-2)

/* Where help text starts: "  -o, --output FILE   write ...". */
#define HELP_COLUMN 24

const char *const opt_lang_names[] = {"mica", "yaml", "json", "blob", NULL};

const char *opt_lang(const char *arg, void *value)
{
	if (cli_parse_lang(arg, value) != 0)
		return "takes mica, yaml, json or blob";
	return NULL;
}

static const struct opt *find_long(const char *cmd, const struct opt *opts, const char *name,
				   size_t len, int *rc)
{
	const struct opt *found = NULL;
	size_t matches = 0;

	for (const struct opt *o = opts; o->kind != OPT_KIND_END; o++) {
		if (!o->long_name || strncmp(o->long_name, name, len) != 0)
			continue;
		if (o->long_name[len] == '\0')
			return o;	/* an exact name wins over prefixes */
		found = o;
		matches++;
	}
	if (matches == 1)
		return found;
	if (matches > 1)
		*rc = cli_usage_error(cmd, "option '--%.*s' is ambiguous", (int)len, name);
	else
		*rc = cli_usage_error(cmd, "unknown option '--%.*s'", (int)len, name);
	return NULL;
}

static const struct opt *find_short(const struct opt *opts, char c)
{
	for (const struct opt *o = opts; o->kind != OPT_KIND_END; o++)
		if (o->short_name == c)
			return o;
	return NULL;
}

/* "--format" or "-o", as the user could have written it. */
static void opt_name(const struct opt *o, char *buf, size_t size)
{
	if (o->long_name)
		snprintf(buf, size, "--%s", o->long_name);
	else
		snprintf(buf, size, "-%c", o->short_name);
}

static int bad_choice(const char *cmd, const struct opt *o, const char *name, const char *arg)
{
	char list[256] = "";
	size_t n = 0;

	while (o->choices[n])
		n++;
	for (size_t i = 0; i < n; i++) {
		size_t used = strlen(list);

		snprintf(list + used, sizeof(list) - used, "%s%s", o->choices[i],
			 i + 2 < n ? ", " : i + 2 == n ? " or " : "");
	}
	return cli_usage_error(cmd, "%s takes %s, not '%s'", name, list, arg);
}

/* Stores ARG (NULL for a flag) into O's value; 0 or the exit status. */
static int take(const char *cmd, const struct opt *o, const char *arg)
{
	char name[80];
	const char *why;

	opt_name(o, name, sizeof(name));
	switch (o->kind) {
	case OPT_KIND_FLAG:
		*(bool *)o->value = true;
		return 0;
	case OPT_KIND_STRING:
		*(const char **)o->value = arg;
		return 0;
	case OPT_KIND_COUNT:
		if (cli_parse_count(arg, o->value) != 0)
			return cli_usage_error(cmd, "%s takes a number, not '%s'", name, arg);
		return 0;
	case OPT_KIND_CHOICE:
		for (int i = 0; o->choices[i]; i++)
			if (strcmp(o->choices[i], arg) == 0) {
				*(int *)o->value = i;
				return 0;
			}
		return bad_choice(cmd, o, name, arg);
	case OPT_KIND_CALLBACK:
		why = o->cb(arg, o->value);
		return why ? cli_usage_error(cmd, "%s %s, not '%s'", name, why, arg) : 0;
	case OPT_KIND_END:
		break;
	}
	return EXIT_INTERNAL;
}

/* A long option at ARGV[*I]; advances *I past its value. */
static int parse_long(const struct opt_usage *u, const struct opt *opts, int argc, char **argv,
		      int *i)
{
	const char *name = argv[*i] + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	int rc = 0;
	const struct opt *o;

	if (strcmp(name, "help") == 0) {
		opts_usage(stdout, u, opts);
		return HELP_SHOWN;
	}
	o = find_long(u->cmd, opts, name, len, &rc);
	if (!o)
		return rc;
	if (!o->argh) {
		if (eq)
			return cli_usage_error(u->cmd, "--%s takes no value", o->long_name);
		return take(u->cmd, o, NULL);
	}
	if (eq)
		return take(u->cmd, o, eq + 1);
	if (*i + 1 >= argc)
		return cli_usage_error(u->cmd, "--%s needs a value (%s)", o->long_name, o->argh);
	return take(u->cmd, o, argv[++*i]);
}

/* Bundled short options at ARGV[*I] ("-Wq", "-oFILE", "-o FILE"). */
static int parse_short(const struct opt_usage *u, const struct opt *opts, int argc, char **argv,
		       int *i)
{
	for (const char *p = argv[*i] + 1; *p; p++) {
		const struct opt *o = find_short(opts, *p);
		int rc;

		if (*p == 'h' && !o) {
			opts_usage(stdout, u, opts);
			return HELP_SHOWN;
		}
		if (!o)
			return cli_usage_error(u->cmd, "unknown option '-%c'", *p);
		if (!o->argh) {
			if ((rc = take(u->cmd, o, NULL)) != 0)
				return rc;
			continue;
		}
		if (p[1])
			return take(u->cmd, o, p + 1);
		if (*i + 1 >= argc)
			return cli_usage_error(u->cmd, "-%c needs a value (%s)", *p, o->argh);
		return take(u->cmd, o, argv[++*i]);
	}
	return 0;
}

int opts_parse(const struct opt_usage *u, const struct opt *opts, int argc, char **argv,
	       int *nargs)
{
	int n = 0;
	bool only_args = false;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int rc;

		if (only_args || a[0] != '-' || a[1] == '\0') {
			argv[n++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = true;
			continue;
		}
		rc = a[1] == '-' ? parse_long(u, opts, argc, argv, &i) :
				   parse_short(u, opts, argc, argv, &i);
		if (rc == HELP_SHOWN)
			return EXIT_CLEAN;
		if (rc != 0)
			return rc;
	}
	*nargs = n;
	return OPTS_CONTINUE;
}

int opts_parse_input(const struct opt_usage *u, const struct opt *opts, int argc, char **argv,
		     const char **input)
{
	int nargs, rc = opts_parse(u, opts, argc, argv, &nargs);

	if (rc != OPTS_CONTINUE)
		return rc;
	if (nargs != 1)
		return cli_usage_error(u->cmd, "expected one input FILE");
	*input = argv[0];
	return OPTS_CONTINUE;
}

/* One option's line(s): the names at the left, the help from HELP_COLUMN,
 * continuation lines aligned under it. */
static void print_opt(FILE *out, const struct opt *o)
{
	char left[96];
	int w;
	const char *h = o->help;

	if (o->short_name)
		w = snprintf(left, sizeof(left), "  -%c%s", o->short_name, o->long_name ? ", " : "");
	else
		w = snprintf(left, sizeof(left), "      ");
	if (o->long_name)
		w += snprintf(left + w, sizeof(left) - (size_t)w, "--%s", o->long_name);
	if (o->argh)
		w += snprintf(left + w, sizeof(left) - (size_t)w, " %s", o->argh);
	fputs(left, out);
	if (w + 2 > HELP_COLUMN)
		fprintf(out, "\n%*s", HELP_COLUMN, "");
	else
		fprintf(out, "%*s", HELP_COLUMN - w, "");
	for (; *h; h++) {
		fputc(*h, out);
		if (*h == '\n')
			fprintf(out, "%*s", HELP_COLUMN, "");
	}
	fputc('\n', out);
}

void opts_usage(FILE *out, const struct opt_usage *u, const struct opt *opts)
{
	static const struct opt help = OPT_FLAG('h', "help", NULL, "show this help");

	fprintf(out, "usage: micac%s%s %s\n", u->cmd ? " " : "", u->cmd ? u->cmd : "",
		u->synopsis);
	if (u->about)
		fprintf(out, "\n%s", u->about);
	fputs("\noptions:\n", out);
	for (const struct opt *o = opts; o->kind != OPT_KIND_END; o++)
		print_opt(out, o);
	print_opt(out, &help);
	if (u->epilog)
		fprintf(out, "\n%s", u->epilog);
}
