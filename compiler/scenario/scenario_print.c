/* scenario_print.c - a replay's report as text (one line per step and a
 * summary) or JSON (through the shared document tree). */
#include "scenario/scenario_print.h"

#include "util/doctree.h"

static void print_expectation(FILE *out, const struct scn_outcome *o)
{
	fprintf(out, "  [expected %s", o->expect_allow ? "allow" : "deny");
	if (o->expect_reason)
		fprintf(out, " '%s'", o->expect_reason);
	fprintf(out, ": %s]\n", o->as_expected ? "ok" : "UNEXPECTED");
}

int scn_print_text(FILE *out, const struct scn_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct scn_outcome *o = &r->v[i];

		fprintf(out, "step %zu: %s -> %s (%s)", o->step, o->action, o->allow ? "allow" : "deny",
			o->reason);
		print_expectation(out, o);
	}
	fprintf(out, "%zu steps: %zu as expected, %zu unexpected\n", r->n, r->n - r->unexpected,
		r->unexpected);
	return ferror(out) ? -1 : 0;
}

int scn_print_json(FILE *out, const struct scn_report *r, const char *description)
{
	struct dnode *root = dtree_root(), *steps, *sum;
	int rc;

	if (description)
		dt_str(root, "description", description);
	steps = dt_list(root, "steps", false);
	for (size_t i = 0; i < r->n; i++) {
		const struct scn_outcome *o = &r->v[i];
		struct dnode *s = dt_map(steps, NULL, false);

		dt_num(s, "step", o->step, NULL);
		dt_word(s, "event", scn_kind_names[o->kind]);
		dt_str(s, "action", o->action);
		dt_word(s, "decision", o->allow ? "allow" : "deny");
		dt_str(s, "reason", o->reason);
		dt_word(s, "expect", o->expect_allow ? "allow" : "deny");
		if (o->expect_reason)
			dt_str(s, "expect_reason", o->expect_reason);
		dt_bool(s, "as_expected", o->as_expected);
	}
	sum = dt_map(root, "summary", false);
	dt_num(sum, "steps", r->n, NULL);
	dt_num(sum, "as_expected", r->n - r->unexpected, NULL);
	dt_num(sum, "unexpected", r->unexpected, NULL);
	rc = dtree_print_json(out, root);
	dtree_free(root);
	return rc;
}
