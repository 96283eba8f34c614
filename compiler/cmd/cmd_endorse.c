/* cmd_endorse.c - `micac endorse FILE`: Veraison reference values (CoMID
 * and CoRIM templates for cocli) for the realms of a policy. */
#include <stdlib.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "print/endorse.h"
#include "sema/check.h"
#include "util/output.h"
#include "cmd/policy_build.h"

static const struct opt_usage usage = {
	"endorse", "[OPTIONS] FILE",
	"Writes a CoMID template (JSON, for `cocli comid create`) holding the\n"
	"reference values a verifier needs to appraise the realms of the policy\n"
	"FILE under the CCA realm profile, " CCA_REALM_PROFILE ":\n"
	"one reference-value triple per distinct realm measurement, identified by\n"
	"that RIM, with measurements cca.rim (the RIM) and cca.rpv (the policy's\n"
	"64-byte RPV). Realms without a measurement cannot be endorsed.\n",
	"Exit status: 0 written, 1 the policy has errors or no measured realm,\n"
	"2 usage or I/O error, 3 internal error.\n",
};

struct endorse_args {
	const char *input, *output, *corim;
	struct frontend_opts fo;
};

/* Returns OPTS_CONTINUE, else the exit code. */
static int parse_args(int argc, char **argv, struct endorse_args *a)
{
	const struct opt opts[] = {
		OPT_STRING('o', "output", &a->output, "OUT",
			   "where to write the CoMID template (default: standard\n"
			   "output), atomically"),
		OPT_STRING(0, "corim", &a->corim, "CORIM",
			   "also write the CoRIM template for `cocli corim create`\n"
			   "(its id and the profile), atomically"),
		OPT_FRONTEND(&a->fo),
		OPT_END(),
	};
	int rc;

	a->output = "-";
	rc = opts_parse_input(&usage, opts, argc, argv, &a->input);
	if (rc != OPTS_CONTINUE)
		return rc;
	return OPTS_CONTINUE;
}

static int print_json(FILE *out, const void *tree)
{
	return dtree_print_json(out, tree);
}

static int write_tree(const char *path, struct dnode *tree)
{
	char err[512];
	int rc = output_print(path, print_json, tree, err, sizeof(err));

	dtree_free(tree);
	if (rc != 0) {
		fprintf(stderr, "micac: error: %s\n", err);
		return EXIT_USAGE;
	}
	return EXIT_CLEAN;
}

static int endorse(const struct policy_build *b, const void *args)
{
	const struct endorse_args *a = args;
	const struct model *m = &b->fe.model;
	char *id = endorse_tag_id(m, b->digest, b->digest_len);
	struct dnode *comid = endorse_comid(m, b->blob, b->rpv, id);
	struct diag_list dl = {.werror = a->fo.werror};
	int rc = EXIT_CLEAN;

	/* Reference values a verifier will wait for: say which ones RMM 1.0
	 * can never produce (W0107). */
	check_rmm10(m, &dl);
	diag_sort(&dl);
	diag_render_text(stderr, &dl, 0, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
	if (diag_error_count(&dl))
		rc = EXIT_POLICY;
	diag_list_free(&dl);

	if (rc == EXIT_CLEAN && !comid) {
		fprintf(stderr, "micac: error: no realm of policy '%s' has a measurement, so there is\n"
			"  nothing a verifier could compare a realm token with\n"
			"  help: give the realms `measurement \"<RIM hex>\";`\n", m->name);
		rc = EXIT_POLICY;
	}
	if (rc == EXIT_CLEAN)
		rc = write_tree(a->output, comid);
	else
		dtree_free(comid);
	if (rc == EXIT_CLEAN && a->corim)
		rc = write_tree(a->corim, endorse_corim(id));
	free(id);
	return rc;
}

int cmd_endorse(int argc, char **argv)
{
	struct endorse_args a = {0};
	int rc = parse_args(argc, argv, &a);

	return rc >= 0 ? rc : policy_run(a.input, &a.fo, endorse, &a);
}
