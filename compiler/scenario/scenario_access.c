/* scenario_access.c - the host-facing access steps: unprotected mappings,
 * host calls and MMIO exits.
 *
 * The decision comes from mica_decide.c, as in the RMM's hooks; the reasons
 * are worked out afterwards from the query API, to say why. */
#include <errno.h>

#include "scenario/scenario_sim.h"

/* Why no single unprotected region holds the range. */
static struct verdict no_ns_region(const struct mica_policy *pol, uint64_t ipa)
{
	uint32_t i;

	if (!sim_region_at(pol, ipa, &i))
		return verdict(false, "no region at 0x%llx", (unsigned long long)ipa);
	if (mica_blob_region(pol->blob, i)->kind == MICA_REGION_PROTECTED)
		return verdict(false, "region '%s' is protected", mica_blob_region_name(pol->blob, i));
	return verdict(false, "the range leaves region '%s'", mica_blob_region_name(pol->blob, i));
}

struct verdict sim_map_ns(struct sim *m, const struct scn_step *st)
{
	const struct mica_policy *pol = sim_policy(m, st->realm);
	const struct sim_realm *r = &m->realms[st->realm];
	unsigned long s2ap = (st->read ? MICA_S2AP_READ : 0) | (st->write ? MICA_S2AP_WRITE : 0);
	unsigned perm = 0;
	uint32_t region = 0;
	bool ok = mica_decide_map_ns(pol, &r->st, st->ipa, st->size, s2ap);
	int rc;

	if (!pol)
		return verdict(ok, "ungoverned");
	if (!r->st.bound)
		return verdict(false, "no role is bound to realm '%s'", m->s->realms[st->realm]);
	rc = mica_policy_ns_map_perm(pol, r->st.role, st->ipa, st->size, &perm, &region);
	if (ok)
		return verdict(true, "region '%s' grants %s to role '%s'",
			       mica_blob_region_name(pol->blob, region), sim_perm_name(perm),
			       sim_role(m, st->realm));
	if (rc == -EINVAL)
		return verdict(false, "the range is empty or wraps");
	if (rc == -ENOENT)
		return no_ns_region(pol, st->ipa);
	if (rc == -EACCES && sim_region_at(pol, st->ipa, &region))
		return verdict(false, "region '%s' is not granted to role '%s'",
			       mica_blob_region_name(pol->blob, region), sim_role(m, st->realm));
	return verdict(false, "role '%s' has only %s on region '%s'", sim_role(m, st->realm),
		       sim_perm_name(perm), mica_blob_region_name(pol->blob, region));
}

struct verdict sim_hostcall(struct sim *m, const struct scn_step *st)
{
	const struct mica_policy *pol = sim_policy(m, st->realm);
	struct verdict v;

	if (!sim_running(m, st->realm, &v))
		return v;
	if (mica_decide_hostcall(pol, &m->realms[st->realm].st))
		return pol ? verdict(true, "role '%s' has hostcall", sim_role(m, st->realm))
			   : verdict(true, "ungoverned");
	return verdict(false, "role '%s' has no hostcall: RSI_ERROR_INPUT", sim_role(m, st->realm));
}

struct verdict sim_mmio(struct sim *m, const struct scn_step *st)
{
	const struct mica_policy *pol = sim_policy(m, st->realm);
	const struct mica_realm *rs = &m->realms[st->realm].st;
	/* Without an IPA: one in no region (a range from UINT64_MAX wraps), so
	 * only the role's mmio right can let the exit out. */
	uint64_t ipa = st->has_ipa ? st->ipa : UINT64_MAX;
	struct verdict v;
	unsigned perm = 0;
	uint32_t region = 0;

	if (!sim_running(m, st->realm, &v))
		return v;
	if (mica_decide_ns_abort_exit(pol, rs, ipa, st->write)) {
		if (!pol)
			return verdict(true, "ungoverned");
		if (mica_policy_may_mmio(pol, rs->role))
			return verdict(true, "role '%s' has mmio", sim_role(m, st->realm));
		return verdict(true, "a fault in an unprotected region granted to role '%s'",
			       sim_role(m, st->realm));
	}
	if (mica_policy_ns_map_perm(pol, rs->role, ipa, 1, &perm, &region) == 0)
		return verdict(false, "role '%s' has no mmio and only %s on region '%s': the store's "
			       "value may not reach the host", sim_role(m, st->realm), sim_perm_name(perm),
			       mica_blob_region_name(pol->blob, region));
	return verdict(false, "role '%s' has no mmio", sim_role(m, st->realm));
}
