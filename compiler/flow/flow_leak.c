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
 * the pipeline. Each marked realm has exactly one shortest way out, so
 * every source's witness ends at one exit, and a hundred sources behind the
 * same exit make one violation, not a hundred. */
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "util/xalloc.h"

static bool is_distrustful(const struct model *m, uint32_t p)
{
	return p != MODEL_HOST && m->realms[p].trust == MICA_TRUST_DISTRUSTFUL;
}

/* The two marked distrustful readers of a region nearest to a sink, so
 * that a writer which is itself the nearest still finds another. */
struct best_readers {
	uint32_t grant[2];	/* FLOW_NONE when absent */
};

struct leak_state {
	const struct flow_graph *g;
	struct flow_search out;		/* reverse search from the sinks */
	struct best_readers *best;	/* per region */
	uint32_t *exit;			/* per realm: its exit realm, or FLOW_NONE */
	struct flow_step *first;	/* per source: its first step */
	uint32_t *cost;			/* per source: witness length, FLOW_NONE: no leak */
};

static uint32_t dist_of(const struct leak_state *st, uint32_t realm)
{
	return st->out.dist[realm];
}

static void find_best_readers(struct leak_state *st)
{
	const struct model *m = st->g->m;

	st->best = xmalloc(((size_t)m->nregions + 1) * sizeof(*st->best));
	for (uint32_t r = 0; r < m->nregions; r++) {
		uint32_t *b = st->best[r].grant;

		b[0] = b[1] = FLOW_NONE;
		for (uint32_t i = 0; i < m->regions[r].grant_count; i++) {
			uint32_t gi = m->regions[r].grant_first + i;
			uint32_t who = m->grants[gi].realm;

			if (!(m->grants[gi].perm & MICA_PERM_READ) || !is_distrustful(m, who) ||
			    dist_of(st, who) == FLOW_NONE)
				continue;
			if (b[0] == FLOW_NONE || dist_of(st, who) < dist_of(st, m->grants[b[0]].realm)) {
				b[1] = b[0];
				b[0] = gi;
			} else if (b[1] == FLOW_NONE ||
				   dist_of(st, who) < dist_of(st, m->grants[b[1]].realm)) {
				b[1] = gi;
			}
		}
	}
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

/* The cheapest first step from SRC into a marked realm other than SRC. */
static void best_first_step(struct leak_state *st, uint32_t src)
{
	const struct flow_graph *g = st->g;
	const struct model *m = g->m;

	st->cost[src] = FLOW_NONE;
	for (uint32_t k = g->out_first[src]; k < g->out_first[src + 1]; k++) {
		const struct flow_edge *e = &g->out[k];
		struct flow_step step = {.from = src, .cause = e->cause, .index = e->index,
					 .wgrant = FLOW_NONE, .rgrant = FLOW_NONE};

		if (flow_is_hub(g, e->node)) {
			const uint32_t *b = st->best[m->grants[e->index].region].grant;
			uint32_t pick = b[0] != FLOW_NONE && m->grants[b[0]].realm == src ? b[1] : b[0];

			if (pick == FLOW_NONE)
				continue;
			step.to = m->grants[pick].realm;
			step.cause = FLOW_REGION;
			step.index = m->grants[pick].region;
			step.wgrant = e->index;
			step.rgrant = pick;
		} else if (e->node != g->host && is_distrustful(m, e->node) &&
			   dist_of(st, e->node) != FLOW_NONE) {
			step.to = e->node;
		} else {
			continue;
		}
		if (st->cost[src] == FLOW_NONE || 1 + dist_of(st, step.to) < st->cost[src]) {
			st->cost[src] = 1 + dist_of(st, step.to);
			st->first[src] = step;
		}
	}
}

/* The source whose witness is shown: one that is not the exit realm itself,
 * then the shortest, then the first by name. */
static bool better_witness(const struct leak_state *st, uint32_t exit, uint32_t a, uint32_t b)
{
	if ((a == exit) != (b == exit))
		return a != exit;
	return st->cost[a] < st->cost[b];
}

static void report_exit(struct leak_state *st, uint32_t exit, uint32_t count,
			struct flow_report *r)
{
	const struct model *m = st->g->m;
	struct flow_violation *v = flow_report_add(r, ERR_LEAK);
	uint32_t shown = FLOW_NONE;

	v->exit_realm = exit;
	v->sources = xmalloc((size_t)count * sizeof(*v->sources));
	for (uint32_t s = 0; s < m->nrealms; s++) {
		if (st->cost[s] == FLOW_NONE || st->exit[st->first[s].to] != exit)
			continue;
		v->sources[v->nsources++] = s;
		if (shown == FLOW_NONE || better_witness(st, exit, s, shown))
			shown = s;
	}
	/* The shown source goes first; the others stay in name order. */
	for (uint32_t i = 0; i < v->nsources; i++) {
		if (v->sources[i] != shown)
			continue;
		memmove(v->sources + 1, v->sources, (size_t)i * sizeof(*v->sources));
		v->sources[0] = shown;
		break;
	}
	flow_path_push(&v->path, &st->first[v->sources[0]]);
	flow_search_path(&st->out, st->first[v->sources[0]].to, &v->path);
}

static void group_by_exit(struct leak_state *st, struct flow_report *r)
{
	const struct model *m = st->g->m;
	uint32_t *count = xcalloc((size_t)m->nrealms + 1, sizeof(*count));

	for (uint32_t s = 0; s < m->nrealms; s++)
		if (st->cost[s] != FLOW_NONE)
			count[st->exit[st->first[s].to]]++;
	for (uint32_t e = 0; e < m->nrealms; e++)
		if (count[e])
			report_exit(st, e, count[e], r);
	free(count);
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
	find_best_readers(&st);
	find_exits(&st);
	st.first = xmalloc(((size_t)m->nrealms + 1) * sizeof(*st.first));
	st.cost = xmalloc(((size_t)m->nrealms + 1) * sizeof(*st.cost));
	for (uint32_t s = 0; s < m->nrealms; s++) {
		st.cost[s] = FLOW_NONE;
		if (flow_is_confidential(m, s))
			best_first_step(&st, s);
	}
	group_by_exit(&st, r);
	free(sinks);
	free(st.best);
	free(st.exit);
	free(st.first);
	free(st.cost);
	flow_search_free(&st.out);
}
