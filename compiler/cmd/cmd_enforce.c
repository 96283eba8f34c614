/* cmd_enforce.c - `micac enforce POLICY SCENARIO`: replays a scenario of RMM
 * events through the enforcement library, as the patched TF-RMM would, and
 * says for each step whether it was allowed and why (docs/scenarios.md). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/policy_build.h"
#include "scenario/scenario_print.h"
#include "util/xalloc.h"

static const char usage[] =
	"Usage: micac enforce POLICY SCENARIO [--format text|json]\n"
	"\n"
	"Replays the RMM events of SCENARIO (YAML, see docs/scenarios.md) with the\n"
	"RMM's own enforcement code: POLICY (Mica source, YAML or a blob) is loaded\n"
	"first, then each step is decided and compared with its `expect`.\n"
	"Policy files named by the scenario are relative to its directory.\n"
	"\n"
	"Options:\n"
	"      --format FMT  text (default): one line per step and a summary\n"
	"                    json: the same as one JSON document\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 every step as expected, 1 some step not, 2 usage or I/O\n"
	"error (or errors in the policy or the scenario), 3 internal error.\n";

struct enforce_args {
	const char *policy, *scenario;
	bool json;
};

/* Returns -1 to continue, else the exit code. */
static int parse_args(int argc, char **argv, struct enforce_args *a)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0)
				return cli_usage_error("enforce", "--format takes text or json, not '%s'",
						       optarg);
			a->json = optarg[0] == 'j';
			break;
		case 'h': fputs(usage, stdout); return EXIT_CLEAN;
		default: return cli_bad_option("enforce", argv, optind, optopt);
		}
	}
	if (optind != argc - 2)
		return cli_usage_error("enforce", "expected a POLICY and a SCENARIO");
	a->policy = argv[optind];
	a->scenario = argv[optind + 1];
	return -1;
}

/* A policy the scenario names: FILE relative to the scenario's directory. */
static int build_named(struct policy_build *b, const char *scenario, const char *file)
{
	const char *slash = strrchr(scenario, '/');
	char *path = file[0] == '/' || !slash
			     ? xstrdup(file)
			     : xasprintf("%.*s/%s", (int)(slash - scenario), scenario, file);
	struct frontend_opts fo = {0};
	int rc = policy_build(b, path, &fo);

	if (rc != EXIT_CLEAN)
		fprintf(stderr, "micac: error: %s: cannot use policy '%s'\n", scenario, file);
	free(path);
	return rc;
}

/* Builds every policy file of S (files[0]: the command line's). */
static int build_all(const struct enforce_args *a, const struct scenario *s,
		     struct policy_build *b, struct scn_blob *blobs)
{
	struct frontend_opts fo = {0};

	for (size_t i = 0; i < s->nfiles; i++) {
		int rc = i == SCN_MAIN_POLICY ? policy_build(&b[i], a->policy, &fo)
					      : build_named(&b[i], a->scenario, s->files[i]);

		if (rc != EXIT_CLEAN)
			return rc == EXIT_POLICY ? EXIT_USAGE : rc;
		blobs[i].data = b[i].blob;
		blobs[i].len = b[i].len;
	}
	return EXIT_CLEAN;
}

static int report(const struct enforce_args *a, const struct scenario *s,
		  const struct scn_blob *blobs)
{
	struct scn_report r;
	int rc;

	scenario_replay(s, blobs, &r);
	rc = a->json ? scn_print_json(stdout, &r, s->description) : scn_print_text(stdout, &r);
	if (rc != 0 || fflush(stdout) != 0) {
		fprintf(stderr, "micac: error: cannot write to standard output\n");
		rc = EXIT_USAGE;
	} else {
		rc = r.unexpected ? EXIT_POLICY : EXIT_CLEAN;
	}
	scn_report_free(&r);
	return rc;
}

/* Reads the scenario and checks it against its blobs, then replays it. */
static int run(const struct enforce_args *a, struct source *src, struct diag_list *dl)
{
	struct scenario s;
	struct policy_build *b;
	struct scn_blob *blobs;
	int rc;

	if (scenario_read(&s, src, dl) != 0) {
		scenario_free(&s);
		return EXIT_USAGE;
	}
	b = xcalloc(s.nfiles, sizeof(*b));
	blobs = xcalloc(s.nfiles, sizeof(*blobs));
	rc = build_all(a, &s, b, blobs);
	if (rc == EXIT_CLEAN)
		rc = scenario_check_blobs(&s, blobs, src, dl) == 0 ? report(a, &s, blobs) : EXIT_USAGE;
	for (size_t i = 0; i < s.nfiles; i++)
		policy_build_free(&b[i]);
	free(b);
	free(blobs);
	scenario_free(&s);
	return rc;
}

int cmd_enforce(int argc, char **argv)
{
	struct enforce_args a = {0};
	struct diag_list dl = {0};
	struct source src;
	char err[512];
	int rc = parse_args(argc, argv, &a);

	if (rc >= 0)
		return rc;
	if (source_read(&src, a.scenario, err, sizeof(err)) != 0) {
		fprintf(stderr, "micac: error: %s\n", err);
		return EXIT_USAGE;
	}
	rc = run(&a, &src, &dl);
	diag_sort(&dl);
	diag_render_text(stderr, &dl, 0, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
	diag_list_free(&dl);
	source_free(&src);
	return rc;
}
