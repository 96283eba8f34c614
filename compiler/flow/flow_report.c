/* flow_report.c - the container the flow rules fill with violations.
 *
 * Its own file so that the rules (flow_leak.c, the asserts in flow.c) and
 * the diagnostics built from them (flow.c) both depend on it and not on
 * each other. */
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "util/xalloc.h"

struct flow_violation *flow_report_add(struct flow_report *r, enum diag_kind kind)
{
	struct flow_violation *v;

	xgrow(&r->v, &r->cap, r->n, sizeof(*r->v));
	v = &r->v[r->n++];
	memset(v, 0, sizeof(*v));
	v->kind = kind;
	v->code = diag_codes[kind].code;
	v->exit_realm = FLOW_NONE;
	v->assert_index = FLOW_NONE;
	return v;
}

void flow_report_free(struct flow_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		flow_path_free(&r->v[i].path);
		free(r->v[i].sources);
	}
	free(r->v);
	memset(r, 0, sizeof(*r));
}
