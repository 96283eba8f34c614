/* flow.h - the flow graph of a policy, the searches on it, and the flow
 * rules (built-in confidentiality rule, `assert no flow`).
 *
 * A region with k grants means O(k^2) realm-to-realm edges, so the graph
 * never materialises them: each region is an intermediate "hub" node, with
 * an edge from every writer into the hub and from the hub to every reader.
 * The graph is then linear in the size of the policy. Searches count steps
 * between principals (realms and host) only, so a path through a hub is one
 * step, and every path they return is a list of realm-level steps, each
 * with the region, call or exit behind it.
 *
 * Used by flow_check (frontend), `micac flows` and `micac graph`. */
#ifndef MICAC_FLOW_H
#define MICAC_FLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag/diag.h"
#include "sema/model.h"

#define FLOW_NONE UINT32_MAX

/* What lies behind an edge, and behind a realm-level step. */
enum flow_cause {
	FLOW_REGION,	/* a grant: writer -> hub or hub -> reader; index: grant */
	FLOW_HOSTSIDE,	/* host -> hub or hub -> host (unprotected); index: region */
	FLOW_CALL,	/* caller -> callee; index: call */
	FLOW_RETURN,	/* callee -> caller, call not oneway; index: call */
	FLOW_HOSTCALL,	/* realm -> host; index: realm */
	FLOW_MMIO,	/* realm -> host; index: realm */
};

struct flow_edge {
	uint32_t node;		/* the other end */
	uint8_t cause;		/* enum flow_cause */
	uint32_t index;
};

/* Nodes: realm i is node i, host is node nrealms, region r's hub is node
 * nrealms + 1 + r. Edges in compressed rows, forward and reversed. */
struct flow_graph {
	const struct model *m;
	uint32_t nnodes, host;
	uint32_t *out_first;	struct flow_edge *out;	/* out_first[nnodes + 1] */
	uint32_t *in_first;	struct flow_edge *in;	/* .node is the tail */
};

void flow_graph_build(struct flow_graph *g, const struct model *m);
void flow_graph_free(struct flow_graph *g);
bool flow_is_hub(const struct flow_graph *g, uint32_t node);
/* Principal (realm index or MODEL_HOST) <-> node. */
uint32_t flow_principal(const struct flow_graph *g, uint32_t node);
uint32_t flow_node(const struct flow_graph *g, uint32_t principal);
/* Is the principal a sink (host or untrusted realm)? Confidential? */
bool flow_is_sink(const struct model *m, uint32_t principal);
bool flow_is_confidential(const struct model *m, uint32_t principal);

/* One realm-level step. Region steps name the writer's and the reader's
 * grant (FLOW_NONE on the host's side of an unprotected region). */
struct flow_step {
	uint32_t from, to;	/* principals */
	uint8_t cause;		/* FLOW_REGION (also for the host's side), CALL, RETURN, HOSTCALL, MMIO */
	uint32_t index;		/* region, call, or realm */
	uint32_t wgrant, rgrant;
};

struct flow_path {
	struct flow_step *steps;
	uint32_t nsteps;
};

/* Shortest paths (in realm-level steps) from a set of start nodes, along
 * edges (FLOW_FORWARD) or against them (FLOW_REVERSE: paths *to* the
 * starts). A principal other than a start is entered only when ACCEPT says
 * so (NULL: all). Linear in the size of the graph. */
enum flow_dir { FLOW_FORWARD, FLOW_REVERSE };
typedef bool (*flow_accept_fn)(const struct model *m, uint32_t principal);

struct flow_search {
	const struct flow_graph *g;
	enum flow_dir dir;
	uint32_t *dist;		/* per node; FLOW_NONE when not reached */
	uint32_t *link;		/* previous (forward) / next (reverse) node */
	uint32_t *edge;		/* the edge taken, index into out[] / in[] */
	uint32_t *order;	/* principals in the order reached (starts first) */
	uint32_t norder;
};

void flow_search_run(struct flow_search *s, const struct flow_graph *g, enum flow_dir dir,
		     const uint32_t *starts, uint32_t nstarts, flow_accept_fn accept);
void flow_search_free(struct flow_search *s);
/* The shortest path between a start and principal P (reached): forward,
 * start -> ... -> P; reverse, P -> ... -> start. Appended to PATH. */
void flow_search_path(const struct flow_search *s, uint32_t principal, struct flow_path *path);
void flow_path_push(struct flow_path *path, const struct flow_step *step);
void flow_path_free(struct flow_path *path);

/* A rule violation: a leak (E0401) or a failed assertion (E0402). */
struct flow_violation {
	enum diag_kind kind;	/* ERR_LEAK or ERR_ASSERTION_FAILED */
	const char *code;	/* its code, "E0401" or "E0402" */
	struct flow_path path;	/* the witness, for sources[0] */
	uint32_t exit_realm;	/* E0401: the distrustful realm whose step leaves */
	uint32_t assert_index;	/* E0402 */
	uint32_t *sources;	/* E0401: every source leaking through exit_realm */
	uint32_t nsources;
};

struct flow_report {
	struct flow_violation *v;
	size_t n, cap;
};

/* Both rules, in a deterministic order: leaks by exit realm, then asserts. */
void flow_analyse(const struct flow_graph *g, struct flow_report *r);
void flow_find_leaks(const struct flow_graph *g, struct flow_report *r);
void flow_check_asserts(const struct flow_graph *g, struct flow_report *r);
struct flow_violation *flow_report_add(struct flow_report *r, enum diag_kind kind);
void flow_report_free(struct flow_report *r);

/* Texts shared by diagnostics, `micac flows` and `micac graph`. */
/* "(region 'frames': camera writes, detector reads)"; caller frees. */
char *flow_step_cause(const struct model *m, const struct flow_step *st);
/* The smallest change that removes this step; caller frees. */
char *flow_step_fix(const struct model *m, const struct flow_step *st);
/* The declaration behind a step. */
loc_t flow_step_loc(const struct model *m, const struct flow_step *st);
/* "camera -> detector" padded to WIDTH, then the cause; caller frees. */
char *flow_step_line(const struct model *m, const struct flow_step *st, size_t width);
/* Width of the widest "a -> b" of a path. */
size_t flow_path_width(const struct model *m, const struct flow_path *p);
const char *flow_trust_name(uint8_t trust);

#endif
