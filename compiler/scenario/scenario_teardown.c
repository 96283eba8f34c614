/* scenario_teardown.c - RMI_REALM_DESTROY (`destroy`) and
 * RMI_MICA_POLICY_UNLOAD (`unload`).
 *
 * The decisions are mica_decide_release (a realm's shared pages) and
 * mica_decide_unload (the slot's governed realms). Around them the pool's
 * bookkeeping, as the RMM glue's mica_rmm_pool.c keeps it: a governed realm
 * counts in its slot from REALM_CREATE to REALM_DESTROY, its role stays
 * taken until the policy is unloaded, and an unloaded slot takes the next
 * load. */
#include <stdlib.h>
#include <string.h>

#include "scenario/scenario_sim.h"

struct verdict sim_destroy(struct sim *m, const struct scn_step *st)
{
	struct sim_realm *r = &m->realms[st->realm];
	struct sim_slot *sl;
	struct verdict v;

	if (!sim_share_release(m, st->realm, &v))
		return v;
	r->destroyed = true;
	r->active = false;
	if (!r->st.slot)
		return verdict(true, "ungoverned");
	sl = &m->slots[r->st.slot - 1];
	sl->governed--;
	/* As the RMM's mica_rmm_realm_destroy: the role stays taken (and its
	 * mailbox as it is) until the policy is unloaded. */
	return verdict(true, "slot %u governs %u live realm%s", r->st.slot, sl->governed,
		       sl->governed == 1 ? "" : "s");
}

/* The slot an unload names: `slot` as given, or the one holding `file`'s
 * blob; 0 when that file is not loaded. */
static uint64_t unload_slot(const struct sim *m, const struct scn_step *st)
{
	if (!st->has_file)
		return st->slot;
	for (unsigned i = 0; i < MICA_RMM_MAX_POLICIES; i++)
		if (m->slots[i].mem && memcmp(m->slots[i].rpv, m->file_rpv[st->file], RPV_SIZE) == 0)
			return i + 1;
	return 0;
}

struct verdict sim_unload(struct sim *m, const struct scn_step *st)
{
	uint64_t n = unload_slot(m, st);
	struct sim_slot *sl = n >= 1 && n <= MICA_RMM_MAX_POLICIES ? &m->slots[n - 1] : NULL;
	const char *name;
	struct verdict v;

	if (!sl && st->has_file)
		return verdict(false, "policy '%s' is not loaded", m->s->files[st->file]);
	if (!sl || !sl->mem)
		return verdict(false, "slot %llu holds no policy", (unsigned long long)n);
	name = mica_blob_policy_name(sl->pol.blob);
	if (mica_decide_unload(sl->governed) != 0)
		return verdict(false, "policy '%s' in slot %llu governs %u live realm%s: destroy %s first",
			       name, (unsigned long long)n, sl->governed, sl->governed == 1 ? "" : "s",
			       sl->governed == 1 ? "it" : "them");
	v = verdict(true, "policy '%s' unloaded: slot %llu is free", name, (unsigned long long)n);
	/* Its realms are all destroyed; they no longer hold its roles. */
	for (size_t i = 0; i < m->s->nrealms; i++)
		if (m->realms[i].st.slot == n)
			m->realms[i].st.slot = 0;
	free(sl->mem);
	memset(sl, 0, sizeof(*sl));
	return v;
}
