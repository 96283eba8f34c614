/* cmd_fmt.c - `micac fmt FILE... [-w] [--check]`: lay Mica sources out
 * canonically (fmt.h). A file with syntax errors is never touched: its
 * diagnostics are printed and it counts as a policy error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "frontend.h"
#include "print/fmt.h"
#include "syntax/parse.h"
#include "util/output.h"

static const struct opt_usage usage = {
	"fmt", "[OPTIONS] FILE...",
	"Lays Mica source out canonically, keeping its comments: 4-space indents,\n"
	"one statement per line, the policy block first, other declarations in\n"
	"their order, properties in a fixed order, numbers as written. Formatting\n"
	"never changes the blob or its digest. Without -w or --check, prints the\n"
	"result ('-' reads standard input). YAML is not formatted; convert it with\n"
	"`micac dump --format mica FILE`.\n",
	"Exit status: 0 formatted (or already so), 1 syntax errors or, with --check,\n"
	"a file would change, 2 usage or I/O error, 3 internal error.\n",
};

enum fmt_mode { MODE_PRINT, MODE_WRITE, MODE_CHECK };

/* Returns OPTS_CONTINUE, else the exit code; the files end up at
 * argv[0..*nfiles). */
static int parse_args(int argc, char **argv, enum fmt_mode *mode, int *nfiles)
{
	bool write = false, check = false;
	const struct opt opts[] = {
		OPT_FLAG('w', "write", &write,
			 "rewrite each file in place (atomically) if it changes"),
		OPT_FLAG(0, "check", &check, "change nothing; list the files that would change"),
		OPT_END(),
	};
	int rc = opts_parse(&usage, opts, argc, argv, nfiles);

	if (rc != OPTS_CONTINUE)
		return rc;
	if (write && check)
		return cli_usage_error("fmt", "-w and --check exclude each other");
	*mode = write ? MODE_WRITE : check ? MODE_CHECK : MODE_PRINT;
	if (*nfiles == 0)
		return cli_usage_error("fmt", "no input file");
	if (*mode == MODE_PRINT && *nfiles > 1)
		return cli_usage_error("fmt", "several files need -w or --check");
	return OPTS_CONTINUE;
}

/* Only Mica source is formatted: YAML (which has its own formatters) and
 * blobs are refused, recognised as the frontend recognises them. */
static const char *not_mica(const struct source *src)
{
	switch (frontend_detect_lang(src)) {
	case LANG_BLOB: return "a compiled blob";
	case LANG_YAML: return "YAML";
	default: return NULL;
	}
}

/* Delivers the formatted TEXT of SRC as MODE asks; returns the exit code. */
static int deliver(const struct source *src, const char *path, const char *text, size_t len,
		   enum fmt_mode mode)
{
	bool same = len == src->len && memcmp(text, src->data, len) == 0;
	char err[512];

	if (mode == MODE_CHECK) {
		if (same)
			return EXIT_CLEAN;
		printf("%s\n", src->name);
		return EXIT_POLICY;
	}
	if (mode == MODE_PRINT) {
		/* A write that fails is reported, with exit 2, by main's
		 * final flush of stdout. */
		fwrite(text, 1, len, stdout);
		return EXIT_CLEAN;
	}
	/* Unchanged files are not rewritten: their timestamps mean something
	 * to build tools. */
	if (same)
		return EXIT_CLEAN;
	/* -w replaces its input by design. */
	source_allow_overwrite(src);
	if (output_write_file(path, text, len, err, sizeof(err)) != 0) {
		fprintf(stderr, "micac: error: %s\n", err);
		return EXIT_USAGE;
	}
	return EXIT_CLEAN;
}

static int format_file(const char *path, enum fmt_mode mode, bool color)
{
	struct source src;
	struct ast ast;
	struct diag_list dl;
	char err[512], *text;
	const char *what;
	size_t len;
	int rc;

	if (mode == MODE_WRITE && strcmp(path, "-") == 0)
		return cli_usage_error("fmt", "-w cannot rewrite standard input");
	if (source_read(&src, path, err, sizeof(err)) != 0) {
		fprintf(stderr, "micac: error: %s\n", err);
		return EXIT_USAGE;
	}
	what = not_mica(&src);
	if (what) {
		fprintf(stderr, "micac: error: %s is %s; fmt formats Mica source only\n"
			"  help: `micac dump --format mica %s` prints it as Mica\n",
			src.name, what, src.name);
		source_free(&src);
		return EXIT_USAGE;
	}
	memset(&dl, 0, sizeof(dl));
	ast_init(&ast, &src);
	if (parse_mica(&ast, &dl) != 0) {
		diag_sort(&dl);
		diag_render_text(stderr, &dl, 0, color);
		rc = EXIT_POLICY;
	} else {
		text = fmt_format(&ast, &len);
		rc = deliver(&src, path, text, len, mode);
		free(text);
	}
	ast_free(&ast);
	diag_list_free(&dl);
	source_free(&src);
	return rc;
}

int cmd_fmt(int argc, char **argv)
{
	enum fmt_mode mode = MODE_PRINT;
	int nfiles, rc = parse_args(argc, argv, &mode, &nfiles), worst = EXIT_CLEAN;
	bool color;

	if (rc != OPTS_CONTINUE)
		return rc;
	color = isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL;
	for (int i = 0; i < nfiles; i++) {
		rc = format_file(argv[i], mode, color);
		if (rc > worst)
			worst = rc;
	}
	return worst;
}
