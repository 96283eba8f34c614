/* cmd_enforce.c - `micac enforce POLICY SCENARIO`: replays a scenario of RMM
 * events through the enforcement library, as the patched TF-RMM would, and
 * says for each step whether it was allowed and why (docs/scenarios.md). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "cmd/policy_build.h"
#include "scenario/scenario_print.h"
#include "util/xalloc.h"

static const struct opt_usage usage = {
	"enforce", "[OPTIONS] POLICY SCENARIO",
	"Replays the RMM events of SCENARIO (YAML, see docs/scenarios.md) with the\n"
	"RMM's own enforcement code: POLICY (Mica source, YAML or a blob) is loaded\n"
	"first, then each step is decided and compared with its `expect`.\n"
	"Policy files named by the scenario are relative to its directory.\n",
	"Exit status: 0 every step as expected, 1 some step not, 2 usage or I/O\n"
	"error (or errors in the policy or the scenario), 3 internal error.\n",
};

static const char *const format_names[] = {"text", "json", NULL};

struct enforce_args {
	const char *policy, *scenario;
	bool json;
};

/* Returns OPTS_CONTINUE, else the exit code. */
static int parse_args(int argc, char **argv, struct enforce_args *a)
{
	int format = 0, nargs, rc;
	const struct opt opts[] = {
		OPT_CHOICE(0, "format", &format, "FMT", format_names,
			   "text (default): one line per step and a summary\n"
			   "json: the same as one JSON document"),
		OPT_END(),
	};

	rc = opts_parse(&usage, opts, argc, argv, &nargs);
	if (rc != OPTS_CONTINUE)
		return rc;
	if (nargs != 2)
		return cli_usage_error("enforce", "expected a POLICY and a SCENARIO");
	a->json = format == 1;
	a->policy = argv[0];
	a->scenario = argv[1];
	return OPTS_CONTINUE;
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
