/* cmd_check.c - `micac check FILE...`: report every problem, for people
 * and for CI. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "diag/diag_render.h"
#include "frontend.h"
#include "util/xalloc.h"

static const struct opt_usage usage = {
	"check", "[OPTIONS] FILE...",
	"Checks Mica policies (.mica, .yaml) or compiled blobs (.pol) and reports\n"
	"every error and warning, sorted by location. '-' reads standard input.\n",
	"Exit status: 0 clean, 1 errors found, 2 usage or I/O error, 3 internal error.\n",
};

static const char *const color_names[] = {"never", "always", "auto", NULL};

struct check_opts {
	struct frontend_opts fe;
	size_t max_errors;
	int color;		/* 0 never, 1 always, 2 auto */
	enum diag_format format;
	int nfiles;		/* the files, at argv[0..nfiles) after parsing */
};

static const char *opt_format(const char *arg, void *value)
{
	return diag_format_parse(arg, value) ? "takes text, json, sarif, github, junit or gitlab" : NULL;
}

/* Returns OPTS_CONTINUE, else the exit code. */
static int parse_args(int argc, char **argv, struct check_opts *o)
{
	const struct opt opts[] = {
		OPT_FLAG('W', "werror", &o->fe.werror, "treat warnings as errors"),
		OPT_COUNT(0, "max-errors", &o->max_errors, "N",
			  "show at most N errors per file (default 20, 0: all);\n"
			  "warnings fill the room errors leave"),
		OPT_CALLBACK(0, "lang", &o->fe.lang, "LANG", opt_lang,
			     "input language: mica, yaml or blob (default: by name)"),
		OPT_CHOICE(0, "color", &o->color, "WHEN", color_names,
			   "auto, always or never (default auto)"),
		OPT_CALLBACK(0, "format", &o->format, "FMT", opt_format,
			     "text (default, on stderr), or on stdout: json,\n"
			     "sarif (SARIF 2.1.0), github (workflow commands),\n"
			     "junit (JUnit XML) or gitlab (GitLab Code Quality)"),
		OPT_END(),
	};
	int rc = opts_parse(&usage, opts, argc, argv, &o->nfiles);

	if (rc != OPTS_CONTINUE)
		return rc;
	if (o->nfiles == 0)
		return cli_usage_error("check", "no input file");
	return OPTS_CONTINUE;
}

/* Text and GitHub commands go out file by file; JSON and SARIF are one
 * document for the whole run, so those keep every input (its diagnostics
 * point into its source) until the end. */
static bool one_document(const struct check_opts *o)
{
	return o->format != DIAG_FORMAT_TEXT && o->format != DIAG_FORMAT_GITHUB;
}

/* An input as the renderers see it; PATH names it when it was not read. */
static struct diag_input input_of(const struct frontend *fe, const char *path, int rc)
{
	return (struct diag_input){
		.name = fe->src.name ? fe->src.name : strcmp(path, "-") ? path : SOURCE_STDIN_NAME,
		.diags = &fe->diags,
		.io_error = rc == EXIT_USAGE ? fe->io_error : NULL,
	};
}

static void render_file(const struct check_opts *o, const struct diag_input *in, bool color)
{
	if (o->format == DIAG_FORMAT_TEXT && !in->io_error)
		diag_render_text(stderr, in->diags, o->max_errors, color);
	else if (o->format == DIAG_FORMAT_GITHUB)
		diag_render_github(stdout, in);
}

static void render_document(const struct check_opts *o, const struct diag_input *inputs, size_t n,
			    int exit_code)
{
	const struct diag_list **lists = xmalloc((n ? n : 1) * sizeof(*lists));
	struct diag_run run = {inputs, n, exit_code};

	for (size_t i = 0; i < n; i++)
		lists[i] = inputs[i].diags;
	if (o->format == DIAG_FORMAT_JSON)
		diag_render_json(stdout, lists, n);
	else if (o->format == DIAG_FORMAT_SARIF)
		diag_render_sarif(stdout, &run);
	else if (o->format == DIAG_FORMAT_JUNIT)
		diag_render_junit(stdout, &run);
	else
		diag_render_gitlab(stdout, &run);
	free(lists);
}

int cmd_check(int argc, char **argv)
{
	struct check_opts o = {.max_errors = 20, .color = 2, .format = DIAG_FORMAT_TEXT};
	int rc = parse_args(argc, argv, &o), worst = EXIT_CLEAN;
	struct frontend *fes;
	struct diag_input *inputs;
	size_t n;
	bool color;

	if (rc != OPTS_CONTINUE)
		return rc;
	color = o.color == 1 || (o.color == 2 && isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL);
	n = (size_t)o.nfiles;
	fes = xcalloc(n, sizeof(*fes));
	inputs = xcalloc(n, sizeof(*inputs));
	for (size_t i = 0; i < n; i++) {
		rc = cli_exit_status(frontend_run(&fes[i], argv[i], &o.fe));
		inputs[i] = input_of(&fes[i], argv[i], rc);
		if (rc == EXIT_USAGE)
			fprintf(stderr, "micac: error: %s\n", fes[i].io_error);
		render_file(&o, &inputs[i], color);
		if (rc > worst)
			worst = rc;
		if (!one_document(&o))
			frontend_free(&fes[i]);
	}
	if (one_document(&o)) {
		render_document(&o, inputs, n, worst);
		for (size_t i = 0; i < n; i++)
			frontend_free(&fes[i]);
	}
	free(inputs);
	free(fes);
	return worst;
}
