/* flow_leak.c - the built-in confidentiality rule, in linear time.
 *
 * A leak is a walk s -> d1 -> ... -> dk -> u (k >= 1): s trusted or
 * distrustful, every di distrustful, u untrusted or host. One reverse
 * search from every sink, entering distrustful realms only, marks the
 * realms that reach a sink through distrustful realms, each with its
 * shortest way out. A source leaks when it has an edge into a marked realm
 * other than itself (a region never links a realm to itself; a direct edge
 * to a sink is the source's own decision and not a leak).
 *
 * Leaks are grouped by their exit: the distrustful realm whose step leaves
 * the pipeline. Each marked realm has exactly one shortest way out, so each
 * first step a source can take ends at one exit; a source is listed under
 * every exit its first steps reach (three distrustful readers of one
 * trusted realm's output, each with hostcall, are three errors in one run),
 * and a hundred sources behind the same exit make one violation, not a
 * hundred. A region's readers are folded into its distinct exits once, so
 * a writer costs one step per exit of the region, not per reader. */
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "util/xalloc.h"

static bool is_distrustful(const struct model *m, uint32_t p)
{
	return p != MODEL_HOST && m->realms[p].trust == MICA_TRUST_DISTRUSTFUL;
}

/* One exit reachable through a region: its two nearest marked distrustful
 * readers with that exit, so that a writer which is itself the nearest
 * still finds another. */
struct region_exit {
	uint32_t exit;
	uint32_t grant[2];	/* FLOW_NONE when absent */
};

/* A source and one exit its data can leave by, with its cheapest first step
 * towards it. */
struct leak_pair {
	uint32_t source, exit, cost;
	struct flow_step first;
};

struct leak_state {
	const struct flow_graph *g;
	struct flow_search out;		/* reverse search from the sinks */
	uint32_t *exit;			/* per realm: its exit realm, or FLOW_NONE */
	struct region_exit *rexits;	/* every region's exits, region by region */
	uint32_t *rexit_first;		/* per region: its first entry; [nregions]: the end */
	uint32_t *slot;			/* per realm: scratch, FLOW_NONE when unused */
	struct leak_pair *pairs;
	size_t npairs, pairs_cap;
};

static uint32_t dist_of(const struct leak_state *st, uint32_t realm)
{
	return st->out.dist[realm];
}

static bool nearer(const struct leak_state *st, uint32_t grant, uint32_t than)
{
	const struct model *m = st->g->m;

	return than == FLOW_NONE || dist_of(st, m->grants[grant].realm) < dist_of(st, m->grants[than].realm);
}

/* Folds every region's marked distrustful readers into its distinct exits. */
static void find_region_exits(struct leak_state *st)
{
	const struct model *m = st->g->m;
	size_t cap = 0, n = 0;

	st->rexit_first = xmalloc(((size_t)m->nregions + 1) * sizeof(*st->rexit_first));
	for (uint32_t r = 0; r < m->nregions; r++) {
		size_t first = n;

		st->rexit_first[r] = (uint32_t)n;
		for (uint32_t i = 0; i < m->regions[r].grant_count; i++) {
			uint32_t gi = m->regions[r].grant_first + i, who = m->grants[gi].realm, e;
			struct region_exit *x;

			if (!(m->grants[gi].perm & MICA_PERM_READ) || !is_distrustful(m, who) ||
			    dist_of(st, who) == FLOW_NONE)
				continue;
			e = st->exit[who];
			if (st->slot[e] == FLOW_NONE) {
				xgrow(&st->rexits, &cap, n, sizeof(*st->rexits));
				st->slot[e] = (uint32_t)n;
				st->rexits[n++] = (struct region_exit){e, {FLOW_NONE, FLOW_NONE}};
			}
			x = &st->rexits[st->slot[e]];
			if (nearer(st, gi, x->grant[0])) {
				x->grant[1] = x->grant[0];
				x->grant[0] = gi;
			} else if (nearer(st, gi, x->grant[1])) {
				x->grant[1] = gi;
			}
		}
		for (size_t k = first; k < n; k++)
			st->slot[st->rexits[k].exit] = FLOW_NONE;
	}
	st->rexit_first[m->nregions] = (uint32_t)n;
}

/* Marked realms in the order the search reached them, so the next realm on
 * a realm's way out always has its exit already. */
static void find_exits(struct leak_state *st)
{
	const struct flow_graph *g = st->g;

	st->exit = xmalloc(((size_t)g->m->nrealms + 1) * sizeof(*st->exit));
	memset(st->exit, 0xff, ((size_t)g->m->nrealms + 1) * sizeof(*st->exit));
	for (uint32_t i = 0; i < st->out.norder; i++) {
		uint32_t d = st->out.order[i], next;

		if (st->out.dist[d] == 0)
			continue;	/* a sink */
		next = st->out.link[d];
		if (flow_is_hub(g, next))
			next = st->out.link[next];
		st->exit[d] = st->out.dist[next] == 0 ? d : st->exit[next];
	}
}

/* Keeps STEP as the source's way to exit E when it is the cheapest yet. */
static void consider(struct leak_state *st, uint32_t e, const struct flow_step *step)
{
	uint32_t cost = 1 + dist_of(st, step->to);
	struct leak_pair *p;

	if (st->slot[e] == FLOW_NONE) {
		xgrow(&st->pairs, &st->pairs_cap, st->npairs, sizeof(*st->pairs));
		st->slot[e] = (uint32_t)st->npairs;
		st->pairs[st->npairs++] = (struct leak_pair){step->from, e, cost, *step};
		return;
	}
	p = &st->pairs[st->slot[e]];
	if (cost < p->cost) {
		p->cost = cost;
		p->first = *step;
	}
}

/* Every exit SRC's data can reach in one step into a marked realm other
 * than SRC, each with its cheapest first step. */
static void source_exits(struct leak_state *st, uint32_t src)
{
	const struct flow_graph *g = st->g;
	const struct model *m = g->m;
	size_t first = st->npairs;

	for (uint32_t k = g->out_first[src]; k < g->out_first[src + 1]; k++) {
		const struct flow_edge *e = &g->out[k];
		struct flow_step step = {.from = src, .cause = e->cause, .index = e->index,
					 .wgrant = FLOW_NONE, .rgrant = FLOW_NONE};

		if (flow_is_hub(g, e->node)) {
			uint32_t r = m->grants[e->index].region;

			for (uint32_t x = st->rexit_first[r]; x < st->rexit_first[r + 1]; x++) {
				const uint32_t *b = st->rexits[x].grant;
				uint32_t pick = m->grants[b[0]].realm == src ? b[1] : b[0];

				if (pick == FLOW_NONE)
					continue;
				step.to = m->grants[pick].realm;
				step.cause = FLOW_REGION;
				step.index = r;
				step.wgrant = e->index;
				step.rgrant = pick;
				consider(st, st->rexits[x].exit, &step);
			}
		} else if (e->node != g->host && is_distrustful(m, e->node) &&
			   dist_of(st, e->node) != FLOW_NONE) {
			step.to = e->node;
			consider(st, st->exit[e->node], &step);
		}
	}
	for (size_t i = first; i < st->npairs; i++)
		st->slot[st->pairs[i].exit] = FLOW_NONE;
}

/* The pair whose witness is shown: a source that is not the exit realm
 * itself, then the shortest, then the first by name (pairs are in source
 * order). */
static bool better_witness(const struct leak_pair *a, const struct leak_pair *b)
{
	if ((a->source == a->exit) != (b->source == b->exit))
		return a->source != a->exit;
	return a->cost < b->cost;
}

/* One violation for the pairs P[0..N) of one exit, in source order. */
static void report_exit(struct leak_state *st, const struct leak_pair *const *p, uint32_t n,
			struct flow_report *r)
{
	struct flow_violation *v = flow_report_add(r, ERR_LEAK);
	uint32_t shown = 0;

	v->exit_realm = p[0]->exit;
	v->sources = xmalloc((size_t)n * sizeof(*v->sources));
	for (uint32_t i = 1; i < n; i++)
		if (better_witness(p[i], p[shown]))
			shown = i;
	/* The shown source goes first; the others stay in name order. */
	v->sources[v->nsources++] = p[shown]->source;
	for (uint32_t i = 0; i < n; i++)
		if (i != shown)
			v->sources[v->nsources++] = p[i]->source;
	flow_path_push(&v->path, &p[shown]->first);
	flow_search_path(&st->out, p[shown]->first.to, &v->path);
}

/* Pairs by exit (a counting sort, stable, so sources stay in name order),
 * one violation per exit realm. */
static void group_by_exit(struct leak_state *st, struct flow_report *r)
{
	const struct model *m = st->g->m;
	uint32_t *start = xcalloc((size_t)m->nrealms + 2, sizeof(*start));
	const struct leak_pair **sorted = xmalloc((st->npairs + 1) * sizeof(*sorted));

	for (size_t i = 0; i < st->npairs; i++)
		start[st->pairs[i].exit + 1]++;
	for (uint32_t e = 0; e < m->nrealms; e++)
		start[e + 1] += start[e];
	for (size_t i = 0; i < st->npairs; i++)
		sorted[start[st->pairs[i].exit]++] = &st->pairs[i];
	for (uint32_t e = 0, at = 0; e < m->nrealms; e++) {
		uint32_t end = start[e];

		if (end > at)
			report_exit(st, sorted + at, end - at, r);
		at = end;
	}
	free(sorted);
	free(start);
}

void flow_find_leaks(const struct flow_graph *g, struct flow_report *r)
{
	const struct model *m = g->m;
	struct leak_state st = {.g = g};
	uint32_t *sinks = xmalloc(((size_t)m->nrealms + 1) * sizeof(*sinks)), nsinks = 0;

	for (uint32_t i = 0; i < m->nrealms; i++)
		if (flow_is_sink(m, i))
			sinks[nsinks++] = i;
	sinks[nsinks++] = MODEL_HOST;
	flow_search_run(&st.out, g, FLOW_REVERSE, sinks, nsinks, is_distrustful);
	find_exits(&st);
	st.slot = xmalloc(((size_t)m->nrealms + 1) * sizeof(*st.slot));
	memset(st.slot, 0xff, ((size_t)m->nrealms + 1) * sizeof(*st.slot));
	find_region_exits(&st);
	for (uint32_t s = 0; s < m->nrealms; s++)
		if (flow_is_confidential(m, s))
			source_exits(&st, s);
	group_by_exit(&st, r);
	free(sinks);
	free(st.exit);
	free(st.rexits);
	free(st.rexit_first);
	free(st.slot);
	free(st.pairs);
	flow_search_free(&st.out);
}
