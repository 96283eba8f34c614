/* options.h - command-line options from one table, as git's parse-options.
 *
 * Each subcommand describes its options in a table of struct opt; one parser
 * reads them all the same way (long options with '=' or a separate value,
 * unique prefixes of long options, bundled short flags, '--' to end
 * options, '-' as standard input) and one printer writes every --help, so
 * an option's name, value and help are written once.
 *
 *	static const struct opt opts[] = {
 *		OPT_STRING('o', "output", &a.output, "FILE", "write the blob to FILE"),
 *		OPT_FLAG('q', "quiet", &a.quiet, "print nothing on success"),
 *		OPT_FRONTEND(&a.fo),
 *		OPT_END(),
 *	};
 *	int rc = opts_parse(&usage, opts, argc, argv, &nargs);
 *	if (rc != OPTS_CONTINUE)
 *		return rc;
 *
 * The parser reports what is wrong and how to get help on stderr, and
 * returns the exit status the command stops with. */
#ifndef MICAC_OPTIONS_H
#define MICAC_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "frontend.h"

enum opt_kind {
	OPT_KIND_END,
	OPT_KIND_FLAG,		/* bool *: set to true */
	OPT_KIND_STRING,	/* const char **: the argument, as given */
	OPT_KIND_COUNT,		/* size_t *: a decimal count */
	OPT_KIND_CHOICE,	/* int *: the index of the argument in CHOICES */
	OPT_KIND_CALLBACK,	/* CB(ARG, VALUE): 0, or a message on bad input */
};

/* A callback's answer: NULL when ARG was taken, else what is wrong with it
 * (a static string), reported as "--name: <message>". */
typedef const char *(*opt_cb)(const char *arg, void *value);

struct opt {
	enum opt_kind kind;
	char short_name;	/* 0: none */
	const char *long_name;
	void *value;
	const char *argh;	/* the argument's name in --help ("FILE"); NULL: none */
	const char *help;	/* may hold '\n': continuation lines */
	const char *const *choices;	/* OPT_KIND_CHOICE: NULL-terminated */
	opt_cb cb;
};

#define OPT_FLAG(s, l, v, h)		{OPT_KIND_FLAG, (s), (l), (v), NULL, (h), NULL, NULL}
#define OPT_STRING(s, l, v, a, h)	{OPT_KIND_STRING, (s), (l), (v), (a), (h), NULL, NULL}
#define OPT_COUNT(s, l, v, a, h)	{OPT_KIND_COUNT, (s), (l), (v), (a), (h), NULL, NULL}
#define OPT_CHOICE(s, l, v, a, c, h)	{OPT_KIND_CHOICE, (s), (l), (v), (a), (h), (c), NULL}
#define OPT_CALLBACK(s, l, v, a, cb, h)	{OPT_KIND_CALLBACK, (s), (l), (v), (a), (h), NULL, (cb)}
#define OPT_END()			{OPT_KIND_END, 0, NULL, NULL, NULL, NULL, NULL, NULL}

/* The options every command that reads a policy takes. */
extern const char *const opt_lang_names[];
const char *opt_lang(const char *arg, void *value);
#define OPT_FRONTEND(fo)                                                              \
	OPT_FLAG('W', "werror", &(fo)->werror, "treat warnings as errors"),           \
	OPT_CALLBACK(0, "lang", &(fo)->lang, "LANG", opt_lang,                        \
		     "read input as mica, yaml (json too) or blob\n"                   \
		     "(default: by extension, then by content)")

/* What --help prints around the option table. */
struct opt_usage {
	const char *cmd;	/* "hash"; NULL for micac itself */
	const char *synopsis;	/* "[OPTIONS] FILE" */
	const char *about;	/* paragraphs before the options */
	const char *epilog;	/* after them: exit status, examples */
};

/* Returned by opts_parse when the command should go on. */
#define OPTS_CONTINUE (-1)

/* Parses ARGV[1..ARGC) against OPTS. Positional arguments are moved, in
 * order, to ARGV[0..*NARGS). Returns OPTS_CONTINUE, or the exit status to
 * stop with: 0 after --help, EXIT_USAGE after a usage error (reported). */
int opts_parse(const struct opt_usage *u, const struct opt *opts, int argc, char **argv,
	       int *nargs);

/* opts_parse for a command that takes exactly one input FILE: *INPUT gets
 * it; anything else is a usage error. */
int opts_parse_input(const struct opt_usage *u, const struct opt *opts, int argc, char **argv,
		     const char **input);

/* Prints the whole --help text. */
void opts_usage(FILE *out, const struct opt_usage *u, const struct opt *opts);

#endif
