/* flow_dot.h - a policy's flow graph in Graphviz DOT: realms coloured by
 * trust level, the host, regions as nodes between their writers and
 * readers, calls and exits as labelled edges, and every step of a flow
 * error's witness in red. */
#ifndef MICAC_FLOW_DOT_H
#define MICAC_FLOW_DOT_H

#include <stdio.h>

#include "flow/flow.h"

struct flow_dot {
	const struct model *m;
	const struct flow_report *r;	/* witnesses to highlight; may be empty */
};

/* output_print's printer: ARG is a struct flow_dot. */
int flow_dot_print(FILE *out, const void *arg);

#endif
