/* flow.c - flow_check: runs both flow rules on a resolved model and turns
 * each violation into a diagnostic with its witness.
 *
 * Where a diagnostic points: a leak (E0401) at the declaration behind its
 * last step, the grant, call or exit through which data leaves, because
 * that is what the user changes and what the leaks it groups share; each
 * step of the witness carries its own location too. A failed assertion
 * (E0402) at the assertion. */
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "flow/flow_check.h"
#include "util/xalloc.h"

/* Sources named in the note of a grouped leak; the rest are counted. */
#define FLOW_NOTE_SOURCES 8

/* `assert no flow a -> b`: one forward search from a per assertion. */
void flow_check_asserts(const struct flow_graph *g, struct flow_report *r)
{
	const struct model *m = g->m;

	for (uint32_t i = 0; i < m->nasserts; i++) {
		struct flow_search s;
		uint32_t from = m->asserts[i].from, to = m->asserts[i].to;

		flow_search_run(&s, g, FLOW_FORWARD, &from, 1, NULL);
		if (s.dist[flow_node(g, to)] != FLOW_NONE) {
			struct flow_violation *v = flow_report_add(r, ERR_ASSERTION_FAILED);

			v->assert_index = i;
			flow_search_path(&s, to, &v->path);
		}
		flow_search_free(&s);
	}
}

void flow_analyse(const struct flow_graph *g, struct flow_report *r)
{
	flow_find_leaks(g, r);
	flow_check_asserts(g, r);
}

static void add_steps(const struct model *m, struct diag *d, const struct flow_path *p)
{
	size_t width = flow_path_width(m, p);

	for (uint32_t i = 0; i < p->nsteps; i++) {
		char *line = flow_step_line(m, &p->steps[i], width);

		diag_step(d, flow_step_loc(m, &p->steps[i]), "%s", line);
		free(line);
	}
}

/* "'a' and 'b'", "'a', 'b' and 'c'", "'a', 'b', 'c' and 3 more": the
 * sources after the one shown. */
static void note_other_sources(const struct model *m, struct diag *d,
			       const struct flow_violation *v)
{
	char *list = xstrdup("");
	uint32_t shown = v->nsources - 1 < FLOW_NOTE_SOURCES ? v->nsources - 1 : FLOW_NOTE_SOURCES;
	bool more = v->nsources - 1 > shown;

	for (uint32_t i = 1; i <= shown; i++) {
		char *next = xasprintf("%s%s'%s'", list,
				       i == 1 ? "" : i == shown && !more ? " and " : ", ",
				       m->realms[v->sources[i]].name);

		free(list);
		list = next;
	}
	if (more)
		diag_note(d, (loc_t){0}, "the data of %s and %u more leaves the same way", list,
			  v->nsources - 1 - shown);
	else
		diag_note(d, (loc_t){0}, "the data of %s leaves the same way", list);
	free(list);
}

static void report_leak(const struct model *m, const struct flow_violation *v,
			struct diag_list *dl)
{
	const struct flow_step *last = &v->path.steps[v->path.nsteps - 1];
	uint32_t src = v->sources[0], reader = v->path.steps[0].to;
	/* The realm named is the distrustful one at the exit: the line to
	 * change is its exit, even when the witness first passes elsewhere
	 * (or comes back to its source before it leaves). */
	uint32_t through = last->from;
	struct diag *d;
	char *fix = flow_step_fix(m, last);
	char *via = through == src ? xasprintf(" after passing through '%s'", m->realms[reader].name)
				   : xstrdup("");

	if (v->nsources > 1)
		d = diag_add(dl, v->kind, m->src, flow_step_loc(m, last),
			       "data of '%s' and %u other realm%s can leave through distrustful '%s'%s",
			       m->realms[src].name, v->nsources - 1, v->nsources > 2 ? "s" : "",
			       m->realms[through].name, via);
	else
		d = diag_add(dl, v->kind, m->src, flow_step_loc(m, last),
			       "data of '%s' can leave through distrustful '%s'%s", m->realms[src].name,
			       m->realms[through].name, via);
	add_steps(m, d, &v->path);
	if (v->nsources > 1)
		note_other_sources(m, d, v);
	diag_help(d, "%s, or route its output through a trusted realm", fix);
	/* The usual fix when a trusted realm hands a reader only what it may
	 * publish anyway: say so, by making the reader a sink. */
	if (m->realms[src].trust == MICA_TRUST_TRUSTED && reader != src)
		diag_help(d, "or, if '%s' only ever gives '%s' data it may publish, make '%s' "
			  "`untrusted` (a sink, like the host)", m->realms[src].name,
			  m->realms[reader].name, m->realms[reader].name);
	free(via);
	free(fix);
}

static void report_assert(const struct model *m, const struct flow_violation *v,
			  struct diag_list *dl)
{
	const struct model_assert *a = &m->asserts[v->assert_index];
	const char *from = model_principal_name(m, a->from), *to = model_principal_name(m, a->to);
	struct diag *d = diag_add(dl, v->kind, m->src, a->loc,
				    "assertion 'no flow %s -> %s' fails: data of '%s' can reach '%s'",
				    from, to, from, to);
	char *fix = flow_step_fix(m, &v->path.steps[v->path.nsteps - 1]);

	add_steps(m, d, &v->path);
	if (v->path.nsteps > 1)
		diag_help(d, "remove any step of this path, for example: %s", fix);
	else
		diag_help(d, "%s", fix);
	free(fix);
}

void flow_check(const struct model *m, struct diag_list *dl)
{
	struct flow_graph g;
	struct flow_report r = {0};

	flow_graph_build(&g, m);
	flow_analyse(&g, &r);
	for (size_t i = 0; i < r.n; i++) {
		if (r.v[i].assert_index != FLOW_NONE)
			report_assert(m, &r.v[i], dl);
		else
			report_leak(m, &r.v[i], dl);
	}
	flow_report_free(&r);
	flow_graph_free(&g);
}
