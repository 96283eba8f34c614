/* flow_text.c - how a step of a flow path reads, where it was declared,
 * and the smallest change that removes it. Shared by the diagnostics,
 * `micac flows` and `micac graph`, so every output names a step alike. */
#include <stdlib.h>
#include <string.h>

#include "flow/flow.h"
#include "util/xalloc.h"

static const char *grant_holder(const struct model *m, uint32_t grant)
{
	return model_principal_name(m, grant == FLOW_NONE ? MODEL_HOST : m->grants[grant].realm);
}

static const char *region_word(const struct model *m, uint32_t region)
{
	return m->regions[region].kind == MICA_REGION_UNPROTECTED ? "unprotected region" : "region";
}

char *flow_step_cause(const struct model *m, const struct flow_step *st)
{
	const char *from = model_principal_name(m, st->from);

	switch (st->cause) {
	case FLOW_REGION:
		return xasprintf("(%s '%s': %s writes, %s reads)", region_word(m, st->index),
				 m->regions[st->index].name, grant_holder(m, st->wgrant),
				 grant_holder(m, st->rgrant));
	case FLOW_CALL:
		return xasprintf("(%scall %s -> %s)",
				 m->calls[st->index].flags & MICA_CALL_ONEWAY ? "oneway " : "",
				 from, model_principal_name(m, st->to));
	case FLOW_RETURN:
		return xasprintf("(results of call %s -> %s)", model_principal_name(m, st->to), from);
	case FLOW_HOSTCALL:
		return xasprintf("(%s may use hostcall)", from);
	default:
		return xasprintf("(%s may use mmio)", from);
	}
}

char *flow_step_fix(const struct model *m, const struct flow_step *st)
{
	const char *from = model_principal_name(m, st->from), *to = model_principal_name(m, st->to);

	switch (st->cause) {
	case FLOW_REGION:
		if (st->wgrant == FLOW_NONE)
			return xasprintf("make the grant of '%s' on %s '%s' write-only", to,
					 region_word(m, st->index), m->regions[st->index].name);
		return xasprintf("make the grant of '%s' on %s '%s' read-only", from,
				 region_word(m, st->index), m->regions[st->index].name);
	case FLOW_CALL:
		return xasprintf("remove the call %s -> %s", from, to);
	case FLOW_RETURN:
		return xasprintf("make the call %s -> %s oneway", to, from);
	case FLOW_HOSTCALL:
		return xasprintf("deny hostcall for '%s'", from);
	default:
		return xasprintf("deny mmio for '%s'", from);
	}
}

loc_t flow_step_loc(const struct model *m, const struct flow_step *st)
{
	switch (st->cause) {
	case FLOW_REGION:
		if (st->wgrant != FLOW_NONE)
			return m->grants[st->wgrant].loc;
		return st->rgrant != FLOW_NONE ? m->grants[st->rgrant].loc : m->regions[st->index].loc;
	case FLOW_CALL:
	case FLOW_RETURN:
		return m->calls[st->index].loc;
	case FLOW_HOSTCALL:
		return m->realms[st->index].hostcall_loc.line ? m->realms[st->index].hostcall_loc
							      : m->realms[st->index].loc;
	default:
		return m->realms[st->index].mmio_loc.line ? m->realms[st->index].mmio_loc
							  : m->realms[st->index].loc;
	}
}

static size_t arrow_width(const struct model *m, const struct flow_step *st)
{
	return strlen(model_principal_name(m, st->from)) + 4 + strlen(model_principal_name(m, st->to));
}

size_t flow_path_width(const struct model *m, const struct flow_path *p)
{
	size_t w = 0;

	for (uint32_t i = 0; i < p->nsteps; i++)
		if (arrow_width(m, &p->steps[i]) > w)
			w = arrow_width(m, &p->steps[i]);
	return w;
}

char *flow_step_line(const struct model *m, const struct flow_step *st, size_t width)
{
	char *cause = flow_step_cause(m, st);
	size_t pad = width > arrow_width(m, st) ? width - arrow_width(m, st) : 0;
	char *line = xasprintf("%s -> %s%*s   %s", model_principal_name(m, st->from),
			       model_principal_name(m, st->to), (int)pad, "", cause);

	free(cause);
	return line;
}

const char *flow_trust_name(uint8_t trust)
{
	switch (trust) {
	case MICA_TRUST_TRUSTED:
		return "trusted";
	case MICA_TRUST_DISTRUSTFUL:
		return "distrustful";
	case MICA_TRUST_UNTRUSTED:
		return "untrusted";
	default:
		return "unknown";
	}
}
