/* cmd_diff.c - `micac diff OLD NEW`: what a change to a policy does, for
 * the reviewer of a pull request (compiler/diff/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/flow_cli.h"
#include "cmd/options.h"
#include "cmd/policy_build.h"
#include "diff/diff.h"
#include "util/suggest.h"

static const struct opt_usage usage = {
	"diff", "[OPTIONS] OLD NEW",
	"Compares two versions of a policy (each Mica source, YAML or a blob) and\n"
	"reports what changed in the terms a reviewer acts on: realms, trust,\n"
	"measurements, grants, calls, exits, regions, asserts and, first, flows:\n"
	"every (realm, sink) pair whose reachability changed, with the path that\n"
	"opens or the path that disappears. Versions that compile to the same blob\n"
	"(formatting, order, Mica vs YAML) are no change.\n"
	"\n"
	"Kinds of change, for --fail-on (and the JSON's \"kind\"), in report order:\n"
	"  flow-to-host flow-added trust-raised exit-added region-exposed\n"
	"  grant-added grant-widened call-added call-widened assert-removed\n"
	"  realm-added region-added measurement-changed region-moved\n"
	"  region-resized policy-changed flow-removed trust-lowered exit-removed\n"
	"  region-protected grant-removed grant-narrowed call-removed\n"
	"  call-narrowed assert-added realm-removed region-removed\n"
	"and the groups: any (every kind), opens (every kind that opens a way for\n"
	"data: flow-to-host ... region-added), none.\n",
	"Exit status: 0 no semantic change (or none of the --fail-on kinds),\n"
	"1 a change of a --fail-on kind (default: any change), 2 usage or I/O\n"
	"error or an input with errors, 3 internal error.\n"
	"\n"
	"Example, in CI: micac diff --format markdown --fail-on flow-to-host,trust-raised \\\n"
	"                     base/policy.mica policy.mica > comment.md\n",
};

static const char *const format_names[] = {"text", "json", "markdown", NULL};

struct diff_args {
	const char *old_path, *new_path, *old_name, *new_name, *output;
	int format;
	bool fail_set;
	bool fail_on[DIFF_KIND_COUNT];
	struct frontend_opts fo;
};

/* --fail-on KIND[,KIND...]: the kinds of change that make the exit 1. */
static const char *opt_fail_on(const char *arg, void *value)
{
	static char msg[256];
	const char *kind_names[DIFF_KIND_COUNT];
	struct diff_args *a = value;
	const char *p = arg;

	for (int i = 0; i < DIFF_KIND_COUNT; i++)
		kind_names[i] = diff_kinds[i].name;
	a->fail_set = true;
	while (*p) {
		size_t len = strcspn(p, ",");
		char name[64];
		int k;

		snprintf(name, sizeof(name), "%.*s", (int)len, p);
		if (!strcmp(name, "any") || !strcmp(name, "opens")) {
			for (int i = 0; i < DIFF_KIND_COUNT; i++)
				a->fail_on[i] |= name[0] == 'a' || diff_kinds[i].sign == '+';
		} else if (strcmp(name, "none") != 0) {
			k = diff_kind_find(name);
			if (k < 0) {
				const char *near = suggest_name(name, kind_names, DIFF_KIND_COUNT);

				snprintf(msg, sizeof(msg), "takes kinds of change as `micac diff --help` lists "
					 "them: '%s' is not one%s%s%s", name, near ? " (did you mean '" : "",
					 near ? near : "", near ? "'?)" : "");
				return msg;
			}
			a->fail_on[k] = true;
		}
		p += len + (p[len] == ',');
	}
	return NULL;
}

static int parse_args(int argc, char **argv, struct diff_args *a)
{
	const struct opt opts[] = {
		OPT_CHOICE(0, "format", &a->format, "FMT", format_names,
			   "text (default), json (schema: docs/diff.schema.json),\n"
			   "or markdown (a pull-request comment)"),
		OPT_CALLBACK(0, "fail-on", a, "KINDS", opt_fail_on,
			     "exit 1 only for these kinds of change, comma-separated\n"
			     "(default: any)"),
		OPT_STRING('o', "output", &a->output, "FILE", "write the report to FILE (default: standard output)"),
		OPT_STRING(0, "old-name", &a->old_name, "NAME",
			   "name OLD so in the report (e.g. main:policy.mica)"),
		OPT_STRING(0, "new-name", &a->new_name, "NAME", "name NEW so in the report"),
		OPT_FRONTEND(&a->fo),
		OPT_END(),
	};
	int nargs, rc = opts_parse(&usage, opts, argc, argv, &nargs);

	if (rc != OPTS_CONTINUE)
		return rc;
	if (nargs != 2)
		return cli_usage_error("diff", "expected two inputs, OLD and NEW");
	a->old_path = argv[0];
	a->new_path = argv[1];
	if (!a->old_name)
		a->old_name = a->old_path;
	if (!a->new_name)
		a->new_name = a->new_path;
	if (!a->fail_set)
		for (int i = 0; i < DIFF_KIND_COUNT; i++)
			a->fail_on[i] = true;
	return OPTS_CONTINUE;
}

/* Builds one side; an input with errors is exit 2 here, since 1 means "a
 * change". */
static int build_side(struct policy_build *b, const char *path, const struct frontend_opts *fo)
{
	int rc = policy_build(b, path, fo);

	return rc == EXIT_CLEAN || rc == EXIT_INTERNAL ? rc : EXIT_USAGE;
}

static int compare(const struct diff_args *a, const struct policy_build *old,
		   const struct policy_build *new)
{
	struct diff_report r;
	struct diff_doc d = {&r, (enum diff_format)a->format, a->old_name, a->new_name, NULL, NULL,
			     false};
	char *od = policy_digest_text(old), *nd = policy_digest_text(new);
	int rc;

	diff_models(&old->fe.model, &new->fe.model, &r);
	for (size_t i = 0; i < r.n; i++)
		d.fails |= a->fail_on[r.v[i].kind];
	d.old_digest = od;
	d.new_digest = nd;
	rc = flow_cli_print(a->output ? a->output : "-", diff_print, &d);
	if (rc == EXIT_CLEAN && d.fails)
		rc = EXIT_POLICY;
	diff_report_free(&r);
	free(od);
	free(nd);
	return rc;
}

int cmd_diff(int argc, char **argv)
{
	struct diff_args a = {0};
	struct policy_build old, new;
	int rc = parse_args(argc, argv, &a), rc_old, rc_new;

	if (rc != OPTS_CONTINUE)
		return rc;
	/* The flow rules would stop a policy with a leak; diff shows its
	 * flows instead. */
	a.fo.no_flow = true;
	rc_old = build_side(&old, a.old_path, &a.fo);
	rc_new = build_side(&new, a.new_path, &a.fo);
	rc = rc_old > rc_new ? rc_old : rc_new;
	if (rc == EXIT_CLEAN)
		rc = compare(&a, &old, &new);
	policy_build_free(&old);
	policy_build_free(&new);
	return rc;
}
