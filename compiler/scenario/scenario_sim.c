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

bool sim_running(const struct sim *m, size_t i, struct verdict *v)
{
	if (m->realms[i].active)
		return true;
	*v = verdict(false, "realm '%s' is not active: its RECs cannot run", m->s->realms[i]);
	return false;
}

struct verdict sim_unbound(const struct sim *m, size_t i)
{
	if (!sim_policy(m, i))
		return verdict(false, "realm '%s' is not governed by a policy", m->s->realms[i]);
	return verdict(false, "no role is bound to realm '%s'", m->s->realms[i]);
}

/* The region holding IPA; false when none does. */
bool sim_region_at(const struct mica_policy *pol, uint64_t ipa, uint32_t *idx)
{
	for (uint32_t i = 0; i < pol->region_count; i++) {
		const struct mica_blob_region *rg = mica_blob_region(pol->blob, i);

		if (ipa - rg->base < rg->size) {
			*idx = i;
			return true;
		}
	}
	return false;
}

const char *sim_perm_name(unsigned p)
{
	static const char *const names[] = {"no access", "read", "write", "readwrite"};

	return names[p & MICA_PERM_READWRITE];
}
