/* main.c - micac's entry point: dispatch to a subcommand.
 *
 *   micac FILE -o OUT        compile (same as `micac compile FILE -o OUT`)
 *   micac COMMAND [ARGS]     see usage() */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cli.h"
#include "util/source.h"
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
	{"diff", cmd_diff, "what a change to a policy does: new flows first (text, JSON, Markdown)"},
	{"enforce", cmd_enforce, "replay a scenario of RMM events through the enforcement library"},
	{"explain", cmd_explain, "explain a diagnostic code (E0401, W0101, ...) from the manual"},
	{"lsp", cmd_lsp, "run the Language Server for editors (LSP over stdin/stdout)"},
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

/* Every output failure is exit 2, whatever the command and format: a CI job
 * must never take a lost report for a clean one. stdout is flushed here,
 * after the command, so a full disk or a closed pipe is seen even when the
 * command wrote everything through stdio's buffer. */
static int finish(int rc)
{
	int e = 0;

	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		/* errno says why only when this flush failed, not an earlier
		 * write. A command that stopped with 2 or 3 has said why. */
		e = errno ? errno : EIO;
		if (rc < EXIT_USAGE)
			fprintf(stderr, "micac: error: cannot write to standard output%s%s\n",
				errno ? ": " : "", errno ? strerror(errno) : "");
	}
	if (fflush(stderr) != 0 || ferror(stderr))
		e = EIO;
	return e && rc < EXIT_USAGE ? EXIT_USAGE : rc;
}

static int run(int argc, char **argv)
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

int main(int argc, char **argv)
{
	/* Diagnostics go out a line at a time from one buffer, not a byte at
	 * a time (stderr is unbuffered by default): a 20 MB line is then a
	 * few hundred writes, not twenty million. */
	static char errbuf[1 << 16];
	int rc;

	setvbuf(stderr, errbuf, _IOLBF, sizeof(errbuf));
	rc = finish(run(argc, argv));
	source_forget_inputs();
	return rc;
}
