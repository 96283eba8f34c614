/* cmd_compile.c - `micac [compile] FILE -o OUT`: the canonical blob,
 * written atomically, and its digest. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "util/output.h"
#include "cmd/policy_build.h"

static const struct opt_usage usage = {
	"compile", "[OPTIONS] FILE -o OUT   (or: micac FILE -o OUT)",
	"Checks the policy FILE (Mica source, YAML, or a blob) and writes its\n"
	"canonical blob to OUT, atomically: OUT is either left as it was or\n"
	"replaced whole. Then prints the blob's digest, in the policy's algorithm:\n"
	"\n"
	"    sha512:<hex digest>  OUT\n",
	"Exit status: 0 written, 1 the policy has errors, 2 usage or I/O error,\n"
	"3 internal error. On any error OUT is not touched.\n",
};

struct compile_args {
	const char *input, *output;
	bool quiet;
	struct frontend_opts fo;
};

/* Returns OPTS_CONTINUE, else the exit code. */
static int parse_args(int argc, char **argv, struct compile_args *a)
{
	const struct opt opts[] = {
		OPT_STRING('o', "output", &a->output, "OUT",
			   "where to write the blob (\"-\": standard output; the\n"
			   "digest line then goes to standard error)"),
		OPT_FLAG('q', "quiet", &a->quiet, "do not print the digest line"),
		OPT_FRONTEND(&a->fo),
		OPT_END(),
	};
	int rc = opts_parse_input(&usage, opts, argc, argv, &a->input);

	if (rc != OPTS_CONTINUE)
		return rc;
	if (!a->output)
		return cli_usage_error("compile", "missing -o OUT (where to write the blob)");
	return OPTS_CONTINUE;
}

/* Writes the blob to its temporary file while policy_build checks and
 * digests it, then publishes it (or removes it, if micac wrote an invalid
 * blob), then prints the digest line. Standard output cannot take back
 * what it was given, so there the check comes first. */
static int write_blob(struct policy_build *b, const void *args)
{
	const struct compile_args *a = args;
	bool to_stdout = strcmp(a->output, "-") == 0;
	struct output o;
	char err[512], *text;
	int rc = to_stdout ? policy_build_wait(b) : EXIT_CLEAN;

	if (rc != EXIT_CLEAN)
		return rc;
	if (output_open(&o, a->output, err, sizeof(err)) != 0 ||
	    output_put(&o, a->output, b->blob, b->len, err, sizeof(err)) != 0)
		goto io_error;
	rc = policy_build_wait(b);
	if (rc != EXIT_CLEAN) {
		output_abort(&o);
		return rc;
	}
	if (output_commit(&o, err, sizeof(err)) != 0)
		goto io_error;
	if (a->quiet)
		return EXIT_CLEAN;
	text = policy_digest_text(b);
	fprintf(to_stdout ? stderr : stdout, "%s  %s\n", text, a->output);
	free(text);
	return EXIT_CLEAN;
io_error:
	fprintf(stderr, "micac: error: %s\n", err);
	return EXIT_USAGE;
}

int cmd_compile(int argc, char **argv)
{
	struct compile_args a = {0};
	int rc = parse_args(argc, argv, &a);

	return rc != OPTS_CONTINUE ? rc : policy_run_overlapped(a.input, &a.fo, write_blob, &a);
}
