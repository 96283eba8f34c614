/* flow_dot.c - see flow_dot.h.
 *
 * Regions are drawn as nodes, writers -> region -> readers, like the
 * analysis's hubs: a region shared by k realms is k edges, not k^2, and the
 * picture shows which memory each flow goes through. A readwrite grant is
 * one edge with arrows both ways. Everything is printed in the model's
 * order, so the same policy always gives the same DOT text. */
#include <stdlib.h>
#include <string.h>

#include "print/flow_dot.h"
#include "util/xalloc.h"

#define HL_ATTRS "color=\"#d62728\", fontcolor=\"#d62728\", penwidth=2.5"

/* Which edges of the drawing lie on a witness. */
struct highlight {
	bool *grant, *hostside_w, *hostside_r, *call, *hostcall, *mmio, *node;
};

static void mark_step(const struct model *m, struct highlight *h, const struct flow_step *st)
{
	h->node[st->from == MODEL_HOST ? m->nrealms : st->from] = true;
	h->node[st->to == MODEL_HOST ? m->nrealms : st->to] = true;
	switch (st->cause) {
	case FLOW_REGION:
		if (st->wgrant != FLOW_NONE)
			h->grant[st->wgrant] = true;
		else
			h->hostside_w[st->index] = true;
		if (st->rgrant != FLOW_NONE)
			h->grant[st->rgrant] = true;
		else
			h->hostside_r[st->index] = true;
		break;
	case FLOW_CALL:
	case FLOW_RETURN:
		h->call[st->index] = true;
		break;
	case FLOW_HOSTCALL:
		h->hostcall[st->index] = true;
		break;
	default:
		h->mmio[st->index] = true;
	}
}

static void highlight_init(struct highlight *h, const struct model *m, const struct flow_report *r)
{
	h->grant = xcalloc((size_t)m->ngrants + 1, sizeof(bool));
	h->hostside_w = xcalloc((size_t)m->nregions + 1, sizeof(bool));
	h->hostside_r = xcalloc((size_t)m->nregions + 1, sizeof(bool));
	h->call = xcalloc((size_t)m->ncalls + 1, sizeof(bool));
	h->hostcall = xcalloc((size_t)m->nrealms + 1, sizeof(bool));
	h->mmio = xcalloc((size_t)m->nrealms + 1, sizeof(bool));
	h->node = xcalloc((size_t)m->nrealms + 1, sizeof(bool));
	for (size_t i = 0; r && i < r->n; i++)
		for (uint32_t k = 0; k < r->v[i].path.nsteps; k++)
			mark_step(m, h, &r->v[i].path.steps[k]);
}

static void highlight_free(struct highlight *h)
{
	free(h->grant);
	free(h->hostside_w);
	free(h->hostside_r);
	free(h->call);
	free(h->hostcall);
	free(h->mmio);
	free(h->node);
}

static const char *trust_colour(uint8_t trust)
{
	switch (trust) {
	case MICA_TRUST_TRUSTED: return "#b7e1a1";
	case MICA_TRUST_DISTRUSTFUL: return "#fdd49e";
	default: return "#f4a6a6";
	}
}

static void put_nodes(FILE *out, const struct model *m, const struct highlight *h)
{
	fprintf(out, "  \"host\" [shape=box, fillcolor=\"#d9d9d9\", label=\"host\\n(untrusted)\"%s];\n",
		h->node[m->nrealms] ? ", color=\"#d62728\", penwidth=2.5" : "");
	for (uint32_t i = 0; i < m->nrealms; i++)
		fprintf(out, "  \"%s\" [fillcolor=\"%s\", label=\"%s\\n(%s)\"%s];\n", m->realms[i].name,
			trust_colour(m->realms[i].trust), m->realms[i].name,
			flow_trust_name(m->realms[i].trust),
			h->node[i] ? ", color=\"#d62728\", penwidth=2.5" : "");
	for (uint32_t r = 0; r < m->nregions; r++) {
		bool unprot = m->regions[r].kind == MICA_REGION_UNPROTECTED;

		fprintf(out, "  \"%s\" [shape=note, fillcolor=\"%s\", style=\"filled%s\", "
			"label=\"%s\\n%s\"];\n", m->regions[r].name, unprot ? "#fff7bc" : "#ffffff",
			unprot ? ",dashed" : "", m->regions[r].name, unprot ? "unprotected" : "protected");
	}
}

static void put_grants(FILE *out, const struct model *m, const struct highlight *h)
{
	for (uint32_t g = 0; g < m->ngrants; g++) {
		const struct model_grant *gr = &m->grants[g];
		const char *realm = m->realms[gr->realm].name, *region = m->regions[gr->region].name;
		const char *hl = h->grant[g] ? ", " HL_ATTRS : "";

		if (gr->perm == MICA_PERM_READWRITE)
			fprintf(out, "  \"%s\" -> \"%s\" [dir=both, label=\"readwrite\"%s];\n", realm,
				region, hl);
		else if (gr->perm & MICA_PERM_WRITE)
			fprintf(out, "  \"%s\" -> \"%s\" [label=\"write\"%s];\n", realm, region, hl);
		else
			fprintf(out, "  \"%s\" -> \"%s\" [label=\"read\"%s];\n", region, realm, hl);
	}
	for (uint32_t r = 0; r < m->nregions; r++) {
		if (m->regions[r].kind != MICA_REGION_UNPROTECTED)
			continue;
		fprintf(out, "  \"%s\" -> \"host\" [style=dashed, dir=both, label=\"host\"%s];\n",
			m->regions[r].name,
			h->hostside_r[r] || h->hostside_w[r] ? ", " HL_ATTRS : "");
	}
}

static void put_calls_and_exits(FILE *out, const struct model *m, const struct highlight *h)
{
	for (uint32_t c = 0; c < m->ncalls; c++) {
		bool oneway = m->calls[c].flags & MICA_CALL_ONEWAY;

		fprintf(out, "  \"%s\" -> \"%s\" [style=bold, %slabel=\"%s\"%s];\n",
			m->realms[m->calls[c].caller].name, m->realms[m->calls[c].callee].name,
			oneway ? "" : "dir=both, ", oneway ? "oneway call" : "call",
			h->call[c] ? ", " HL_ATTRS : "");
	}
	for (uint32_t i = 0; i < m->nrealms; i++) {
		if (m->realms[i].flags & MICA_REALM_HOSTCALL)
			fprintf(out, "  \"%s\" -> \"host\" [style=dotted, label=\"hostcall\"%s];\n",
				m->realms[i].name, h->hostcall[i] ? ", " HL_ATTRS : "");
		if (m->realms[i].flags & MICA_REALM_MMIO)
			fprintf(out, "  \"%s\" -> \"host\" [style=dotted, label=\"mmio\"%s];\n",
				m->realms[i].name, h->mmio[i] ? ", " HL_ATTRS : "");
	}
}

int flow_dot_print(FILE *out, const void *arg)
{
	const struct flow_dot *d = arg;
	const struct model *m = d->m;
	struct highlight h;
	size_t nerr = d->r ? d->r->n : 0;

	highlight_init(&h, m, d->r);
	fprintf(out, "digraph \"%s\" {\n", m->name);
	fprintf(out, "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, "
		"label=\"policy %s: %zu flow error%s%s\"];\n", m->name, nerr, nerr == 1 ? "" : "s",
		nerr ? " (red)" : "");
	fputs("  node [shape=ellipse, style=filled, fontname=\"Helvetica\"];\n"
	      "  edge [fontname=\"Helvetica\", fontsize=10];\n", out);
	put_nodes(out, m, &h);
	put_grants(out, m, &h);
	put_calls_and_exits(out, m, &h);
	fputs("}\n", out);
	highlight_free(&h);
	return ferror(out) ? -1 : 0;
}
