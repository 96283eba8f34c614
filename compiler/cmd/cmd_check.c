/* cmd_check.c - `micac check FILE...`: report every problem, for people
 * and for CI. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "diag/diag_render.h"
#include "frontend.h"
#include "util/xalloc.h"

static const char usage_text[] =
	"usage: micac check [OPTIONS] FILE...\n"
	"\n"
	"Checks Mica policies (.mica, .yaml) or compiled blobs (.pol) and reports\n"
	"every error and warning, sorted by location. '-' reads standard input.\n"
	"\n"
	"options:\n"
	"  -W, --werror          treat warnings as errors\n"
	"      --max-errors N    show at most N errors per file (default 20, 0: all);\n"
	"                        warnings fill the room errors leave\n"
	"      --lang LANG       input language: mica, yaml or blob (default: by name)\n"
	"      --color WHEN      auto, always or never (default auto)\n"
	"      --format FMT      text (default, on stderr), or on stdout: json,\n"
	"                        sarif (SARIF 2.1.0) or github (workflow commands)\n"
	"  -h, --help            show this help\n"
	"\n"
	"Exit status: 0 clean, 1 errors found, 2 usage or I/O error, 3 internal error.\n";

struct check_opts {
	struct frontend_opts fe;
	size_t max_errors;
	int color;		/* -1 auto, 0 never, 1 always */
	enum diag_format format;
};

static int parse_args(int argc, char **argv, struct check_opts *o)
{
	static const struct option longopts[] = {
		{"werror", no_argument, NULL, 'W'},
		{"max-errors", required_argument, NULL, 'm'},
		{"lang", required_argument, NULL, 'l'},
		{"color", required_argument, NULL, 'c'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "Wh", longopts, NULL)) != -1) {
		switch (c) {
		case 'W':
			o->fe.werror = true;
			break;
		case 'm':
			if (cli_parse_count(optarg, &o->max_errors))
				return cli_usage_error("check", "--max-errors takes a number, not '%s'",
						       optarg);
			break;
		case 'l':
			if (cli_parse_lang(optarg, &o->fe.lang))
				return cli_usage_error("check", "unknown language '%s' "
						       "(mica, yaml or blob)", optarg);
			break;
		case 'c':
			o->color = !strcmp(optarg, "always") ? 1 : !strcmp(optarg, "never") ? 0 :
				   !strcmp(optarg, "auto") ? -1 : 2;
			if (o->color == 2)
				return cli_usage_error("check", "--color takes auto, always or never");
			break;
		case 'f':
			if (diag_format_parse(optarg, &o->format))
				return cli_usage_error("check", "--format takes text, json, sarif or github, "
						       "not '%s'", optarg);
			break;
		case 'h':
			fputs(usage_text, stdout);
			return -1;
		default:
			return cli_bad_option("check", argv, optind, optopt);
		}
	}
	if (optind >= argc)
		return cli_usage_error("check", "no input file");
	return 0;
}

/* Text and GitHub commands go out file by file; JSON and SARIF are one
 * document for the whole run, so those keep every input (its diagnostics
 * point into its source) until the end. */
static bool one_document(const struct check_opts *o)
{
	return o->format == DIAG_FORMAT_JSON || o->format == DIAG_FORMAT_SARIF;
}

static void render_file(const struct check_opts *o, const struct frontend *fe, bool color)
{
	if (o->format == DIAG_FORMAT_TEXT)
		diag_render_text(stderr, &fe->diags, o->max_errors, color);
	else if (o->format == DIAG_FORMAT_GITHUB)
		diag_render_github(stdout, &fe->diags);
}

static void render_document(const struct check_opts *o, const struct frontend *fes, size_t n)
{
	const struct diag_list **lists = xmalloc((n ? n : 1) * sizeof(*lists));

	for (size_t i = 0; i < n; i++)
		lists[i] = &fes[i].diags;
	if (o->format == DIAG_FORMAT_JSON)
		diag_render_json(stdout, lists, n);
	else
		diag_render_sarif(stdout, lists, n);
	free(lists);
}

int cmd_check(int argc, char **argv)
{
	struct check_opts o = {.max_errors = 20, .color = -1, .format = DIAG_FORMAT_TEXT};
	int rc = parse_args(argc, argv, &o), worst = EXIT_CLEAN;
	struct frontend *fes;
	size_t n;
	bool color;

	if (rc)
		return rc < 0 ? EXIT_CLEAN : rc;
	color = o.color == 1 || (o.color == -1 && isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL);
	n = (size_t)(argc - optind);
	fes = xcalloc(n, sizeof(*fes));
	for (size_t i = 0; i < n; i++) {
		rc = cli_exit_status(frontend_run(&fes[i], argv[optind + (int)i], &o.fe));
		if (rc == EXIT_USAGE)
			fprintf(stderr, "micac: error: %s\n", fes[i].io_error);
		else
			render_file(&o, &fes[i], color);
		if (rc > worst)
			worst = rc;
		if (!one_document(&o))
			frontend_free(&fes[i]);
	}
	if (one_document(&o)) {
		render_document(&o, fes, n);
		for (size_t i = 0; i < n; i++)
			frontend_free(&fes[i]);
	}
	free(fes);
	return worst;
}
