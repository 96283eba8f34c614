/* scenario_sim.c - the simulated RMM state both kinds of step read: a
 * verdict, and which policy and role a realm has.
 *
 * Its own file so that the lifecycle steps (scenario_replay.c) and the
 * access steps (scenario_access.c) both depend on it and not on each
 * other. */
#include <stdarg.h>

#include "scenario/scenario_sim.h"
#include "util/xalloc.h"

struct verdict verdict(bool allow, const char *fmt, ...)
{
	struct verdict v = {allow, NULL};
	va_list ap;

	va_start(ap, fmt);
	v.reason = xvasprintf(fmt, ap);
	va_end(ap);
	return v;
}

const struct mica_policy *sim_policy(const struct sim *m, size_t i)
{
	unsigned slot = m->realms[i].st.slot;

	return slot ? &m->slots[slot - 1].pol : NULL;
}

const char *sim_role(const struct sim *m, size_t i)
{
	return mica_blob_realm_name(sim_policy(m, i)->blob, m->realms[i].st.role);
}
