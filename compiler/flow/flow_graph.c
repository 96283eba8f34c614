/* flow_graph.c - builds the flow graph of a model (see flow.h): realms,
 * host, and one hub node per region, in compressed rows both ways. */
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "util/xalloc.h"

/* Edges are first collected as (tail, edge) pairs, then bucketed by tail
 * (forward rows) and by head (reverse rows). */
struct edge_buf {
	uint32_t *tail;
	struct flow_edge *e;
	size_t n;
};

/* At most two edges per grant (read, write), per unprotected region (the
 * host side both ways), per call (and its return) and per realm (hostcall,
 * mmio): the buffers are sized once. */
static void edge_buf_init(struct edge_buf *b, const struct model *m)
{
	size_t max = 2 * ((size_t)m->ngrants + m->nregions + m->ncalls + m->nrealms) + 1;

	b->tail = xmalloc(max * sizeof(*b->tail));
	b->e = xmalloc(max * sizeof(*b->e));
	b->n = 0;
}

static void add_edge(struct edge_buf *b, uint32_t from, uint32_t to, uint8_t cause,
		     uint32_t index)
{
	b->tail[b->n] = from;
	b->e[b->n] = (struct flow_edge){.node = to, .cause = cause, .index = index};
	b->n++;
}

static void collect_regions(const struct model *m, uint32_t host, struct edge_buf *b)
{
	for (uint32_t r = 0; r < m->nregions; r++) {
		const struct model_region *rg = &m->regions[r];
		uint32_t hub = host + 1 + r;

		for (uint32_t i = 0; i < rg->grant_count; i++) {
			uint32_t gi = rg->grant_first + i;
			const struct model_grant *gr = &m->grants[gi];

			if (gr->perm & MICA_PERM_WRITE)
				add_edge(b, gr->realm, hub, FLOW_REGION, gi);
			if (gr->perm & MICA_PERM_READ)
				add_edge(b, hub, gr->realm, FLOW_REGION, gi);
		}
		/* The host can always read and write unprotected memory. */
		if (rg->kind == MICA_REGION_UNPROTECTED) {
			add_edge(b, host, hub, FLOW_HOSTSIDE, r);
			add_edge(b, hub, host, FLOW_HOSTSIDE, r);
		}
	}
}

static void collect_calls_and_exits(const struct model *m, uint32_t host, struct edge_buf *b)
{
	for (uint32_t c = 0; c < m->ncalls; c++) {
		const struct model_call *call = &m->calls[c];

		add_edge(b, call->caller, call->callee, FLOW_CALL, c);
		if (!(call->flags & MICA_CALL_ONEWAY))
			add_edge(b, call->callee, call->caller, FLOW_RETURN, c);
	}
	for (uint32_t i = 0; i < m->nrealms; i++) {
		if (m->realms[i].flags & MICA_REALM_HOSTCALL)
			add_edge(b, i, host, FLOW_HOSTCALL, i);
		if (m->realms[i].flags & MICA_REALM_MMIO)
			add_edge(b, i, host, FLOW_MMIO, i);
	}
}

/* Counting sort of the edges by KEY into rows; keeps collection order
 * within a row, so the graph (and every search on it) is deterministic. */
static void bucket(const struct edge_buf *b, uint32_t nnodes, bool by_head, uint32_t **first,
		   struct flow_edge **rows)
{
	uint32_t *f = xcalloc((size_t)nnodes + 1, sizeof(*f));
	uint32_t *pos = xmalloc(((size_t)nnodes + 1) * sizeof(*pos));
	struct flow_edge *out = xmalloc((b->n ? b->n : 1) * sizeof(*out));

	for (size_t i = 0; i < b->n; i++)
		f[(by_head ? b->e[i].node : b->tail[i]) + 1]++;
	for (uint32_t i = 0; i < nnodes; i++)
		f[i + 1] += f[i];
	memcpy(pos, f, ((size_t)nnodes + 1) * sizeof(*pos));
	for (size_t i = 0; i < b->n; i++) {
		uint32_t key = by_head ? b->e[i].node : b->tail[i];
		struct flow_edge e = b->e[i];

		if (by_head)
			e.node = b->tail[i];
		out[pos[key]++] = e;
	}
	free(pos);
	*first = f;
	*rows = out;
}

void flow_graph_build(struct flow_graph *g, const struct model *m)
{
	struct edge_buf b;

	memset(g, 0, sizeof(*g));
	edge_buf_init(&b, m);
	g->m = m;
	g->host = m->nrealms;
	g->nnodes = m->nrealms + 1 + m->nregions;
	collect_regions(m, g->host, &b);
	collect_calls_and_exits(m, g->host, &b);
	bucket(&b, g->nnodes, false, &g->out_first, &g->out);
	bucket(&b, g->nnodes, true, &g->in_first, &g->in);
	free(b.tail);
	free(b.e);
}

void flow_graph_free(struct flow_graph *g)
{
	free(g->out_first);
	free(g->out);
	free(g->in_first);
	free(g->in);
	memset(g, 0, sizeof(*g));
}

bool flow_is_hub(const struct flow_graph *g, uint32_t node)
{
	return node > g->host;
}

uint32_t flow_principal(const struct flow_graph *g, uint32_t node)
{
	return node == g->host ? MODEL_HOST : node;
}

uint32_t flow_node(const struct flow_graph *g, uint32_t principal)
{
	return principal == MODEL_HOST ? g->host : principal;
}

bool flow_is_sink(const struct model *m, uint32_t principal)
{
	return principal == MODEL_HOST || m->realms[principal].trust == MICA_TRUST_UNTRUSTED;
}

bool flow_is_confidential(const struct model *m, uint32_t principal)
{
	return !flow_is_sink(m, principal);
}
