/* flows_report.h - the answer of `micac flows`: which principals a
 * realm's data reaches, or which realms' data reaches it, or whether one
 * reaches another, each answer with one shortest path; as text or JSON. */
#ifndef MICAC_FLOWS_REPORT_H
#define MICAC_FLOWS_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "flow/flow.h"

struct flows_query {
	const struct flow_graph *g;
	uint32_t from, to;	/* principals; FLOW_NONE when not asked */
	bool json;
	bool all;		/* neither asked: every principal's FROM answer */
};

/* A path's steps, one "a -> b   (cause)" line each after INDENT, in the
 * form E0401's witness takes. Shared with `micac diff`. */
void flows_text_path(FILE *out, const struct model *m, const struct flow_path *p, const char *indent);
/* A path as a JSON array of {from, to, kind, text, line, column}. */
struct json;
void flows_json_path(struct json *j, const struct model *m, const struct flow_path *p);

/* output_print's printer: ARG is a struct flows_query. With ALL, every
 * principal's FROM answer in turn (JSON: an array of the documents). */
int flows_report_print(FILE *out, const void *arg);

#endif
