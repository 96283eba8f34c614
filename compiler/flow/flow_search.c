/* flow_search.c - breadth-first search over principals (see flow.h).
 *
 * A step between principals goes either straight (call, exit) or through a
 * region's hub. Hubs are expanded the moment they are first reached, so a
 * principal behind a hub is one level further, like one behind a call, and
 * plain BFS order still gives shortest realm-level paths. Each hub is
 * expanded once, which keeps the search linear however many grants a region
 * has. */
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "util/xalloc.h"

static const struct flow_edge *rows(const struct flow_search *s, uint32_t node, uint32_t *n)
{
	const struct flow_graph *g = s->g;
	const uint32_t *first = s->dir == FLOW_FORWARD ? g->out_first : g->in_first;
	const struct flow_edge *e = s->dir == FLOW_FORWARD ? g->out : g->in;

	*n = first[node + 1] - first[node];
	return e + first[node];
}

static uint32_t row_index(const struct flow_search *s, uint32_t node, uint32_t k)
{
	return (s->dir == FLOW_FORWARD ? s->g->out_first : s->g->in_first)[node] + k;
}

static void visit(struct flow_search *s, uint32_t node, uint32_t dist, uint32_t from,
		  uint32_t edge, flow_accept_fn accept)
{
	if (s->dist[node] != FLOW_NONE)
		return;
	if (accept && !accept(s->g->m, flow_principal(s->g, node)))
		return;
	s->dist[node] = dist;
	s->link[node] = from;
	s->edge[node] = edge;
	s->order[s->norder++] = node;
}

static void expand_hub(struct flow_search *s, uint32_t hub, uint32_t dist, flow_accept_fn accept)
{
	uint32_t n;
	const struct flow_edge *e = rows(s, hub, &n);

	for (uint32_t k = 0; k < n; k++)
		visit(s, e[k].node, dist, hub, row_index(s, hub, k), accept);
}

static void expand(struct flow_search *s, uint32_t node, flow_accept_fn accept)
{
	uint32_t n, d = s->dist[node];
	const struct flow_edge *e = rows(s, node, &n);

	for (uint32_t k = 0; k < n; k++) {
		uint32_t v = e[k].node;

		if (!flow_is_hub(s->g, v)) {
			visit(s, v, d + 1, node, row_index(s, node, k), accept);
			continue;
		}
		if (s->dist[v] != FLOW_NONE)
			continue;
		s->dist[v] = d;
		s->link[v] = node;
		s->edge[v] = row_index(s, node, k);
		expand_hub(s, v, d + 1, accept);
	}
}

void flow_search_run(struct flow_search *s, const struct flow_graph *g, enum flow_dir dir,
		     const uint32_t *starts, uint32_t nstarts, flow_accept_fn accept)
{
	memset(s, 0, sizeof(*s));
	s->g = g;
	s->dir = dir;
	s->dist = xmalloc((size_t)g->nnodes * sizeof(*s->dist));
	s->link = xmalloc((size_t)g->nnodes * sizeof(*s->link));
	s->edge = xmalloc((size_t)g->nnodes * sizeof(*s->edge));
	s->order = xmalloc(((size_t)g->host + 1) * sizeof(*s->order));
	memset(s->dist, 0xff, (size_t)g->nnodes * sizeof(*s->dist));
	for (uint32_t i = 0; i < nstarts; i++)
		visit(s, flow_node(g, starts[i]), 0, FLOW_NONE, FLOW_NONE, NULL);
	/* order[] is the queue: principals are appended as they are reached. */
	for (uint32_t head = 0; head < s->norder; head++)
		expand(s, s->order[head], accept);
}

void flow_search_free(struct flow_search *s)
{
	free(s->dist);
	free(s->link);
	free(s->edge);
	free(s->order);
	memset(s, 0, sizeof(*s));
}

static const struct flow_edge *edge_at(const struct flow_search *s, uint32_t idx)
{
	return (s->dir == FLOW_FORWARD ? s->g->out : s->g->in) + idx;
}

static uint32_t edge_region(const struct model *m, const struct flow_edge *e)
{
	return e->cause == FLOW_HOSTSIDE ? e->index : m->grants[e->index].region;
}

/* One step from principal node A to principal node B: E is the edge
 * A -> B, or when HUB_E is set, E is A -> hub and HUB_E is hub -> B. */
static struct flow_step make_step(const struct flow_graph *g, uint32_t a, uint32_t b,
				  const struct flow_edge *e, const struct flow_edge *hub_e)
{
	struct flow_step st = {
		.from = flow_principal(g, a), .to = flow_principal(g, b),
		.cause = e->cause, .index = e->index, .wgrant = FLOW_NONE, .rgrant = FLOW_NONE,
	};

	if (hub_e) {
		st.cause = FLOW_REGION;
		st.index = edge_region(g->m, e);
		if (e->cause == FLOW_REGION)
			st.wgrant = e->index;
		if (hub_e->cause == FLOW_REGION)
			st.rgrant = hub_e->index;
	}
	return st;
}

/* Forward: walks back from P to a start, then reverses the steps. */
static void path_forward(const struct flow_search *s, uint32_t v, struct flow_path *path)
{
	uint32_t first = path->nsteps;

	while (s->dist[v] != 0) {
		uint32_t u = s->link[v];
		const struct flow_edge *e = edge_at(s, s->edge[v]);
		struct flow_step st;

		if (flow_is_hub(s->g, u)) {
			uint32_t w = s->link[u];

			st = make_step(s->g, w, v, edge_at(s, s->edge[u]), e);
			u = w;
		} else {
			st = make_step(s->g, u, v, e, NULL);
		}
		flow_path_push(path, &st);
		v = u;
	}
	for (uint32_t i = first, j = path->nsteps; i + 1 < j; i++, j--) {
		struct flow_step t = path->steps[i];

		path->steps[i] = path->steps[j - 1];
		path->steps[j - 1] = t;
	}
}

/* Reverse: links already point towards the start. In[] edges keep the
 * tail in .node, so the edge stored at V is V -> link[V]. */
static void path_reverse(const struct flow_search *s, uint32_t v, struct flow_path *path)
{
	while (s->dist[v] != 0) {
		uint32_t n = s->link[v];
		const struct flow_edge *e = edge_at(s, s->edge[v]);
		struct flow_step st;

		if (flow_is_hub(s->g, n)) {
			uint32_t y = s->link[n];

			st = make_step(s->g, v, y, e, edge_at(s, s->edge[n]));
			n = y;
		} else {
			st = make_step(s->g, v, n, e, NULL);
		}
		flow_path_push(path, &st);
		v = n;
	}
}

void flow_search_path(const struct flow_search *s, uint32_t principal, struct flow_path *path)
{
	uint32_t v = flow_node(s->g, principal);

	if (s->dist[v] == FLOW_NONE)
		return;
	if (s->dir == FLOW_FORWARD)
		path_forward(s, v, path);
	else
		path_reverse(s, v, path);
}

void flow_path_push(struct flow_path *path, const struct flow_step *step)
{
	path->steps = xrealloc(path->steps, ((size_t)path->nsteps + 1) * sizeof(*path->steps));
	path->steps[path->nsteps++] = *step;
}

void flow_path_free(struct flow_path *path)
{
	free(path->steps);
	path->steps = NULL;
	path->nsteps = 0;
}
