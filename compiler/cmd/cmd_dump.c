/* cmd_dump.c - `micac dump BLOB`: a policy as canonical source. */
#include <getopt.h>
#include <string.h>

#include "cmd/cli.h"
#include "print/emit.h"
#include "frontend.h"
#include "util/output.h"
#include "cmd/policy_build.h"

static const char usage[] =
	"Usage: micac dump FILE [--format mica|yaml|json] [-o OUT] [--werror] [--lang LANG]\n"
	"\n"
	"Prints the policy in FILE (usually a compiled blob; Mica source and YAML\n"
	"are read too) as canonical source: declarations sorted by name, every\n"
	"property spelled out, each region at its base. Compiling the output gives\n"
	"the same blob, byte for byte, whatever the format.\n"
	"\n"
	"Options:\n"
	"      --format FMT  mica (default), yaml, or json (the YAML form's shape\n"
	"                    with decimal numbers; micac reads it as YAML)\n"
	"      --lang LANG   read FILE as mica, yaml (json too) or blob (default:\n"
	"                    by extension, then by content)\n"
	"  -o, --output OUT  write to OUT atomically instead of standard output\n"
	"      --werror      treat warnings as errors (for source input)\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 printed, 1 the policy has errors, 2 usage or I/O error,\n"
	"3 internal error.\n";

/* The emitters, in output_print's terms. */
static int print_mica(FILE *out, const void *m) { return emit_mica(out, m); }
static int print_yaml(FILE *out, const void *m) { return emit_yaml(out, m); }
static int print_json(FILE *out, const void *m) { return emit_json(out, m); }

struct dump_args {
	const char *input, *output;
	output_printer emit;
	struct frontend_opts fo;
};

static int parse_format(const char *s, output_printer *e)
{
	static const struct { const char *name; output_printer emit; } formats[] = {
		{"mica", print_mica}, {"yaml", print_yaml}, {"json", print_json},
	};

	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (strcmp(s, formats[i].name) == 0) {
			*e = formats[i].emit;
			return 0;
		}
	}
	return -1;
}

/* Returns -1 to continue, else the exit code. */
static int parse_args(int argc, char **argv, struct dump_args *a)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		FRONTEND_LONGOPTS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	a->emit = print_mica;
	a->output = "-";
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (parse_format(optarg, &a->emit) != 0)
				return cli_usage_error("dump", "unknown format '%s' (mica, yaml, json)", optarg);
			break;
		case 'o': a->output = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_CLEAN;
		default:
			if ((c = frontend_option(c, optarg, "dump", &a->fo)) != 0)
				return c;
			break;
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("dump", "expected one input FILE");
	a->input = argv[optind];
	return -1;
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
