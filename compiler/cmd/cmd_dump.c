/* cmd_dump.c - `micac dump BLOB`: a policy as canonical source. */
#include <string.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "print/emit.h"
#include "frontend.h"
#include "util/output.h"
#include "cmd/policy_build.h"

static const struct opt_usage usage = {
	"dump", "[OPTIONS] FILE",
	"Prints the policy in FILE (usually a compiled blob; Mica source and YAML\n"
	"are read too) as canonical source: declarations sorted by name, every\n"
	"property spelled out, each region at its base. Compiling the output gives\n"
	"the same blob, byte for byte, whatever the format.\n",
	"Exit status: 0 printed, 1 the policy has errors, 2 usage or I/O error,\n"
	"3 internal error.\n",
};

/* The emitters, in output_print's terms. */
static int print_mica(FILE *out, const void *m) { return emit_mica(out, m); }
static int print_yaml(FILE *out, const void *m) { return emit_yaml(out, m); }
static int print_json(FILE *out, const void *m) { return emit_json(out, m); }

struct dump_args {
	const char *input, *output;
	output_printer emit;
	struct frontend_opts fo;
};

static const char *const format_names[] = {"mica", "yaml", "json", NULL};
static const output_printer format_printers[] = {print_mica, print_yaml, print_json};

/* Returns OPTS_CONTINUE, else the exit code. */
static int parse_args(int argc, char **argv, struct dump_args *a)
{
	int format = 0, rc;
	const struct opt opts[] = {
		OPT_CHOICE(0, "format", &format, "FMT", format_names,
			   "mica (default), yaml, or json (the YAML form's shape\n"
			   "with decimal numbers; micac reads it as YAML)"),
		OPT_STRING('o', "output", &a->output, "OUT",
			   "write to OUT atomically instead of standard output"),
		OPT_FRONTEND(&a->fo),
		OPT_END(),
	};

	a->output = "-";
	rc = opts_parse_input(&usage, opts, argc, argv, &a->input);
	if (rc != OPTS_CONTINUE)
		return rc;
	a->emit = format_printers[format];
	return OPTS_CONTINUE;
}

int cmd_dump(int argc, char **argv)
{
	struct dump_args a = {0};
	struct frontend fe;
	char err[512];
	int rc = parse_args(argc, argv, &a);

	if (rc >= 0)
		return rc;
	rc = cli_exit_status(frontend_run(&fe, a.input, &a.fo));
	policy_report(&fe);
	if (rc == EXIT_CLEAN && output_print(a.output, a.emit, &fe.model, err, sizeof(err)) != 0) {
		fprintf(stderr, "micac: error: %s\n", err);
		rc = EXIT_USAGE;
	}
	frontend_free(&fe);
	return rc;
}
