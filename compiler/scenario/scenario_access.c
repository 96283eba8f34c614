/* scenario_access.c - the access steps: unprotected mappings, protected
 * sharing, host calls, MMIO exits and realm-to-realm calls.
 *
 * The decision comes from mica_decide.c where the RMM has a hook for it
 * (map, host call, MMIO exit). Sharing and calls are new RMM commands
 * checked against the grants and the call table; both realms must be
 * governed by the same policy, or both be ungoverned (stock behaviour). The
 * reasons are worked out afterwards from the query API, to say why. */
#include <errno.h>
#include <string.h>

#include "scenario/scenario_sim.h"

/* Realm-initiated events need a running REC, so an active realm. */
static bool running(const struct sim *m, size_t i, struct verdict *v)
{
	if (m->realms[i].active)
		return true;
	*v = verdict(false, "realm '%s' is not active: its RECs cannot run", m->s->realms[i]);
	return false;
}

/* The region holding IPA; false when none does. */
static bool region_at(const struct mica_policy *pol, uint64_t ipa, uint32_t *idx)
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

/* Why no single unprotected region holds the range. */
static struct verdict no_ns_region(const struct mica_policy *pol, uint64_t ipa)
{
	uint32_t i;

	if (!region_at(pol, ipa, &i))
		return verdict(false, "no region at 0x%llx", (unsigned long long)ipa);
	if (mica_blob_region(pol->blob, i)->kind == MICA_REGION_PROTECTED)
		return verdict(false, "region '%s' is protected", mica_blob_region_name(pol->blob, i));
	return verdict(false, "the range leaves region '%s'", mica_blob_region_name(pol->blob, i));
}

static const char *perm_name(unsigned p)
{
	static const char *const names[] = {"no access", "read", "write", "readwrite"};

	return names[p & MICA_PERM_READWRITE];
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
			       mica_blob_region_name(pol->blob, region), perm_name(perm),
			       sim_role(m, st->realm));
	if (rc == -EINVAL)
		return verdict(false, "the range is empty or wraps");
	if (rc == -ENOENT)
		return no_ns_region(pol, st->ipa);
	if (rc == -EACCES && region_at(pol, st->ipa, &region))
		return verdict(false, "region '%s' is not granted to role '%s'",
			       mica_blob_region_name(pol->blob, region), sim_role(m, st->realm));
	return verdict(false, "role '%s' has only %s on region '%s'", sim_role(m, st->realm),
		       perm_name(perm), mica_blob_region_name(pol->blob, region));
}

/* Both realms under one policy, bound, or both ungoverned (*pol NULL).
 * False with the refusal in *v otherwise. */
static bool same_policy(const struct sim *m, size_t a, size_t b, const struct mica_policy **pol,
			struct verdict *v)
{
	const struct mica_policy *pa = sim_policy(m, a), *pb = sim_policy(m, b);

	*pol = pa;
	if (pa != pb) {
		*v = verdict(false, "realms '%s' and '%s' are not governed by the same policy",
			     m->s->realms[a], m->s->realms[b]);
		return false;
	}
	if (pa && (!m->realms[a].st.bound || !m->realms[b].st.bound)) {
		*v = verdict(false, "no role is bound to realm '%s'",
			     m->s->realms[m->realms[a].st.bound ? b : a]);
		return false;
	}
	return true;
}

struct verdict sim_share(struct sim *m, const struct scn_step *st)
{
	const struct mica_policy *pol;
	uint32_t reg, w = m->realms[st->realm].st.role, rd = m->realms[st->peer].st.role;
	struct verdict v;

	if (!same_policy(m, st->realm, st->peer, &pol, &v))
		return v;
	if (!pol)
		return verdict(true, "ungoverned");
	if (mica_policy_find_region(pol, st->name, strlen(st->name), &reg) != 0)
		return verdict(false, "policy '%s' has no region '%s'", mica_blob_policy_name(pol->blob),
			       st->name);
	if (mica_blob_region(pol->blob, reg)->kind != MICA_REGION_PROTECTED)
		return verdict(false, "region '%s' is unprotected", st->name);
	if (mica_policy_may_share(pol, reg, w, rd))
		return verdict(true, "role '%s' writes and role '%s' reads region '%s'",
			       sim_role(m, st->realm), sim_role(m, st->peer), st->name);
	if (w == rd)
		return verdict(false, "both realms have role '%s'", sim_role(m, st->realm));
	if (!(mica_policy_region_perm(pol, reg, w) & MICA_PERM_WRITE))
		return verdict(false, "role '%s' may not write region '%s'", sim_role(m, st->realm),
			       st->name);
	return verdict(false, "role '%s' may not read region '%s'", sim_role(m, st->peer), st->name);
}

struct verdict sim_hostcall(struct sim *m, const struct scn_step *st)
{
	const struct mica_policy *pol = sim_policy(m, st->realm);
	struct verdict v;

	if (!running(m, st->realm, &v))
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

	if (!running(m, st->realm, &v))
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
			       "value may not reach the host", sim_role(m, st->realm), perm_name(perm),
			       mica_blob_region_name(pol->blob, region));
	return verdict(false, "role '%s' has no mmio", sim_role(m, st->realm));
}

struct verdict sim_call(struct sim *m, const struct scn_step *st)
{
	const struct mica_policy *pol;
	bool oneway = false;
	struct verdict v;

	if (!running(m, st->realm, &v) || !running(m, st->peer, &v) ||
	    !same_policy(m, st->realm, st->peer, &pol, &v))
		return v;
	if (!pol)
		return verdict(true, "ungoverned");
	if (mica_policy_may_call(pol, m->realms[st->realm].st.role, m->realms[st->peer].st.role,
				 &oneway))
		return verdict(true, "the policy has the call %s -> %s%s", sim_role(m, st->realm),
			       sim_role(m, st->peer), oneway ? " (oneway)" : "");
	return verdict(false, "the policy has no call %s -> %s", sim_role(m, st->realm),
		       sim_role(m, st->peer));
}
