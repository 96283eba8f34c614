/* cmd_compile.c - `micac [compile] FILE -o OUT`: the canonical blob,
 * written atomically, and its digest. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "util/output.h"
#include "cmd/policy_build.h"

static const char usage[] =
	"Usage: micac [compile] FILE -o OUT [--werror] [-q] [--lang LANG]\n"
	"\n"
	"Checks the policy FILE (Mica source, YAML, or a blob) and writes its\n"
	"canonical blob to OUT, atomically: OUT is either left as it was or\n"
	"replaced whole. Then prints the blob's digest, in the policy's algorithm:\n"
	"\n"
	"    sha512:<hex digest>  OUT\n"
	"\n"
	"Options:\n"
	"  -o, --output OUT  where to write the blob (\"-\": standard output; the\n"
	"                    digest line then goes to standard error)\n"
	"  -q, --quiet       do not print the digest line\n"
	"      --lang LANG   read FILE as mica, yaml (json too) or blob (default:\n"
	"                    by extension, then by content)\n"
	"      --werror      treat warnings as errors\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 written, 1 the policy has errors, 2 usage or I/O error,\n"
	"3 internal error. On any error OUT is not touched.\n";

struct compile_args {
	const char *input, *output;
	bool quiet;
	struct frontend_opts fo;
};

/* Returns -1 to continue, else the exit code. */
static int parse_args(int argc, char **argv, struct compile_args *a)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},
		FRONTEND_LONGOPTS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': a->output = optarg; break;
		case 'q': a->quiet = true; break;
		case 'h': fputs(usage, stdout); return EXIT_CLEAN;
		default:
			if ((c = frontend_option(c, optarg, "compile", &a->fo)) != 0)
				return c;
			break;
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("compile", "expected one input FILE");
	if (!a->output)
		return cli_usage_error("compile", "missing -o OUT (where to write the blob)");
	a->input = argv[optind];
	return -1;
}

/* Writes the blob, then the digest line. */
static int write_blob(const struct policy_build *b, const void *args)
{
	const struct compile_args *a = args;
	char err[512], *text;

	if (output_write_file(a->output, b->blob, b->len, err, sizeof(err)) != 0) {
		fprintf(stderr, "micac: error: %s\n", err);
		return EXIT_USAGE;
	}
	if (a->quiet)
		return EXIT_CLEAN;
	text = policy_digest_text(b);
	fprintf(strcmp(a->output, "-") == 0 ? stderr : stdout, "%s  %s\n", text, a->output);
	free(text);
	return EXIT_CLEAN;
}

int cmd_compile(int argc, char **argv)
{
	struct compile_args a = {0};
	int rc = parse_args(argc, argv, &a);

	return rc >= 0 ? rc : policy_run(a.input, &a.fo, write_blob, &a);
}
