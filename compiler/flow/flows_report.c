/* flows_report.c - see flows_report.h.
 *
 * --from R searches forward from R, --to R backward to R (paths *into* R),
 * both: forward from one, answering for the other only. Answers come
 * nearest first, in the order the search reached them, so the output is
 * deterministic and the short paths come before the long ones. */
#include <stdlib.h>

#include "flow/flows_report.h"
#include "util/json_writer.h"
#include "util/xalloc.h"

struct answers {
	struct flow_search s;
	uint32_t *who;		/* principals answered */
	uint32_t n;
};

static void find_answers(const struct flows_query *q, struct answers *a)
{
	bool forward = q->from != FLOW_NONE;
	uint32_t start = forward ? q->from : q->to;

	flow_search_run(&a->s, q->g, forward ? FLOW_FORWARD : FLOW_REVERSE, &start, 1, NULL);
	a->who = xmalloc(((size_t)a->s.norder + 1) * sizeof(*a->who));
	a->n = 0;
	for (uint32_t i = 1; i < a->s.norder; i++) {
		uint32_t p = flow_principal(q->g, a->s.order[i]);

		if (!forward || q->to == FLOW_NONE || p == q->to)
			a->who[a->n++] = p;
	}
}

static const char *trust_of(const struct model *m, uint32_t p)
{
	return p == MODEL_HOST ? "untrusted" : flow_trust_name(m->realms[p].trust);
}

static const char *kind_name(uint8_t cause)
{
	static const char *const names[] = {"region", "region", "call", "return", "hostcall", "mmio"};

	return names[cause];
}

void flows_text_path(FILE *out, const struct model *m, const struct flow_path *p, const char *indent)
{
	size_t width = flow_path_width(m, p);

	for (uint32_t i = 0; i < p->nsteps; i++) {
		char *line = flow_step_line(m, &p->steps[i], width);

		fprintf(out, "%s%s\n", indent, line);
		free(line);
	}
}

static void text_heading(FILE *out, const struct flows_query *q, uint32_t n)
{
	const struct model *m = q->g->m;

	if (q->from != FLOW_NONE && q->to != FLOW_NONE) {
		if (n == 0)
			fprintf(out, "no flow from '%s' to '%s'\n", model_principal_name(m, q->from),
				model_principal_name(m, q->to));
		else
			fprintf(out, "data of '%s' can reach '%s':\n", model_principal_name(m, q->from),
				model_principal_name(m, q->to));
	} else if (q->from != FLOW_NONE) {
		fprintf(out, "data of '%s' can reach %u principal%s%s\n",
			model_principal_name(m, q->from), n, n == 1 ? "" : "s", n ? ":" : "");
	} else {
		fprintf(out, "data can reach '%s' from %u principal%s%s\n",
			model_principal_name(m, q->to), n, n == 1 ? "" : "s", n ? ":" : "");
	}
}

static void print_text(FILE *out, const struct flows_query *q, const struct answers *a)
{
	const struct model *m = q->g->m;

	text_heading(out, q, a->n);
	for (uint32_t i = 0; i < a->n; i++) {
		struct flow_path p = {0};

		flow_search_path(&a->s, a->who[i], &p);
		fprintf(out, "\n%s (%s), %u step%s:\n", model_principal_name(m, a->who[i]),
			trust_of(m, a->who[i]), p.nsteps, p.nsteps == 1 ? "" : "s");
		flows_text_path(out, m, &p, "    ");
		flow_path_free(&p);
	}
}

static void json_step(struct json *j, const struct model *m, const struct flow_step *st)
{
	char *cause = flow_step_cause(m, st);
	loc_t loc = flow_step_loc(m, st);

	json_begin_object(j);
	json_kv_string(j, "from", model_principal_name(m, st->from));
	json_kv_string(j, "to", model_principal_name(m, st->to));
	json_kv_string(j, "kind", kind_name(st->cause));
	json_kv_string(j, "text", cause);
	json_kv_uint(j, "line", loc.line);
	json_kv_uint(j, "column", loc.col);
	json_end_object(j);
	free(cause);
}

void flows_json_path(struct json *j, const struct model *m, const struct flow_path *p)
{
	json_begin_array(j);
	for (uint32_t i = 0; i < p->nsteps; i++)
		json_step(j, m, &p->steps[i]);
	json_end_array(j);
}

static void json_answer(struct json *j, const struct model *m, const struct answers *a, uint32_t p)
{
	struct flow_path path = {0};

	flow_search_path(&a->s, p, &path);
	json_begin_object(j);
	json_kv_string(j, "principal", model_principal_name(m, p));
	json_kv_string(j, "trust", trust_of(m, p));
	json_key(j, "path");
	flows_json_path(j, m, &path);
	json_end_object(j);
	flow_path_free(&path);
}

static void json_endpoint(struct json *j, const struct model *m, const char *key, uint32_t p)
{
	json_key(j, key);
	if (p == FLOW_NONE)
		json_put_null(j);
	else
		json_put_string(j, model_principal_name(m, p));
}

static void print_json(FILE *out, const struct flows_query *q, const struct answers *a)
{
	const struct model *m = q->g->m;
	struct json j;

	json_init(&j, out);
	json_begin_object(&j);
	json_kv_uint(&j, "version", 1);
	json_endpoint(&j, m, "from", q->from);
	json_endpoint(&j, m, "to", q->to);
	json_key(&j, "answers");
	json_begin_array(&j);
	for (uint32_t i = 0; i < a->n; i++)
		json_answer(&j, m, a, a->who[i]);
	json_close(&j, 2);
	json_finish(&j);
}

static void print_one(FILE *out, const struct flows_query *q)
{
	struct answers a;

	find_answers(q, &a);
	if (q->json)
		print_json(out, q, &a);
	else
		print_text(out, q, &a);
	free(a.who);
	flow_search_free(&a.s);
}

int flows_report_print(FILE *out, const void *arg)
{
	const struct flows_query *q = arg;
	const struct model *m = q->g->m;

	if (!q->all) {
		print_one(out, q);
		return ferror(out) ? -1 : 0;
	}
	/* Neither end given: every realm's --from answer, in name order, then
	 * the host's; as text separated by blank lines, as JSON one array. */
	if (q->json)
		fputs("[\n", out);
	for (uint32_t p = 0; p <= m->nrealms; p++) {
		struct flows_query one = *q;

		one.all = false;
		one.from = p == m->nrealms ? MODEL_HOST : p;
		if (p > 0)
			fputs(q->json ? ",\n" : "\n", out);
		print_one(out, &one);
	}
	if (q->json)
		fputs("]\n", out);
	return ferror(out) ? -1 : 0;
}
