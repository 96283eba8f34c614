/* main.c - micac's entry point: dispatch to a subcommand.
 *
 *   micac FILE -o OUT        compile (same as `micac compile FILE -o OUT`)
 *   micac COMMAND [ARGS]     see usage() */
#include <stdio.h>
#include <string.h>

#include "cmd/cli.h"
#include "mica_blob.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

/* One line per subcommand; each lives in its own cmd_*.c. */
static const struct command commands[] = {
	{"check", cmd_check, "check policies and report every problem"},
	{"compile", cmd_compile, "write a policy's canonical blob and print its digest"},
	{"hash", cmd_hash, "print a policy's digest or RPV (hex, base64, JSON, QEMU, kvmtool)"},
	{"dump", cmd_dump, "print a blob as canonical Mica, YAML or JSON"},
	{"fmt", cmd_fmt, "lay Mica source out canonically, comments kept (-w, --check)"},
	{"endorse", cmd_endorse, "write Veraison reference values (CoMID/CoRIM) for its realms"},
	{"flows", cmd_flows, "show where data can flow: from a realm, to a realm, or between two"},
	{"graph", cmd_graph, "draw the flow graph (Graphviz DOT, SVG or PNG), flow errors in red"},
	{"enforce", cmd_enforce, "replay a scenario of RMM events through the enforcement library"},
	{"verify", cmd_verify, "appraise CCA attestation tokens against a policy (RPV, RIM, signatures)"},
};

static void usage(FILE *out)
{
	fputs("usage: micac FILE -o OUT.pol     compile a policy to its canonical blob\n"
	      "       micac COMMAND [OPTIONS] [ARGS]\n\ncommands:\n", out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("\nRun `micac COMMAND --help` for a command's options; `man micac` for the manual.\n"
	      "Exit status: 0 clean, 1 policy errors, 2 usage or I/O error, 3 internal error.\n",
	      out);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("micac %s (blob format %u)\n", MICAC_VERSION, MICA_BLOB_FORMAT_VERSION);
		return EXIT_CLEAN;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	if (argv[1][0] == '-' && strcmp(argv[1], "-") != 0)
		return cli_usage_error(NULL, "unknown option '%s'", argv[1]);
	/* `micac FILE -o OUT`: the default command is compile. */
	return cmd_compile(argc, argv);
}
