/* scenario_share.c - protected sharing between realms: RMI_MICA_REGION_MAP
 * (`share`), RMI_MICA_REGION_UNMAP (`unshare`), RMI_DATA_DESTROY of an
 * owner's page (`data_destroy`), RSI_MICA_SHARED (`shared`), and what
 * RMI_REALM_DESTROY needs of a realm that shares.
 *
 * The decisions are mica_decide_share and mica_decide_release, the RMM's
 * own. What is simulated is the RMM state around them: which reader maps
 * which owner page (a page's reference count is the number of readers that
 * map it) and the build's reference bound. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/scenario_sim.h"
#include "util/xalloc.h"

#define PAGE_MASK ((uint64_t)MICA_GRANULE_SIZE - 1)

/* Finds region NAME in POL (if governed); true with its base in *base. */
static bool region_base(const struct mica_policy *pol, const char *name, uint64_t *base)
{
	uint32_t reg;

	if (!pol || mica_policy_find_region(pol, name, strlen(name), &reg) != 0)
		return false;
	*base = mica_blob_region(pol->blob, reg)->base;
	return true;
}

/* The IPA a step names: `ipa`, or `region` (looked up in realm A's policy,
 * then in realm B's) plus `offset`. False with the refusal in *v when
 * neither policy has the region: the host would have no IPA to pass. */
static bool step_ipa(const struct sim *m, const struct scn_step *st, size_t a, size_t b,
		     uint64_t *ipa, struct verdict *v)
{
	uint64_t base;

	if (st->has_ipa) {
		*ipa = st->ipa;
		return true;
	}
	if (region_base(sim_policy(m, a), st->name, &base) ||
	    region_base(sim_policy(m, b), st->name, &base)) {
		*ipa = base + st->offset;
		return true;
	}
	*v = verdict(false, "no policy of realm '%s'%s%s%s has a region '%s'", m->s->realms[a],
		     a != b ? " or realm '" : "", a != b ? m->s->realms[b] : "", a != b ? "'" : "",
		     st->name);
	return false;
}

/* The page's references: how many readers map OWNER's page at IPA. */
static uint32_t page_refs(const struct sim *m, size_t owner, uint64_t ipa)
{
	uint32_t n = 0;

	for (size_t i = 0; i < m->nmaps; i++)
		n += m->maps[i].owner == owner && m->maps[i].ipa == ipa;
	return n;
}

/* The mapping READER holds at IPA; NULL when none. */
static struct sim_map *reader_map(const struct sim *m, size_t reader, uint64_t ipa)
{
	for (size_t i = 0; i < m->nmaps; i++)
		if (m->maps[i].reader == reader && m->maps[i].ipa == ipa)
			return &m->maps[i];
	return NULL;
}

/* Why mica_decide_share refused with -EPERM: a realm ungoverned, unbound,
 * or the two under different policies. */
static struct verdict share_eperm(const struct sim *m, size_t reader, size_t owner)
{
	const struct mica_policy *po = sim_policy(m, owner), *pr = sim_policy(m, reader);

	if (po && pr && po != pr)
		return verdict(false, "realm '%s' is governed by policy '%s' (slot %u), realm '%s' by "
			       "policy '%s' (slot %u): sharing stays inside one policy",
			       m->s->realms[reader], mica_blob_policy_name(pr->blob),
			       m->realms[reader].st.slot, m->s->realms[owner],
			       mica_blob_policy_name(po->blob), m->realms[owner].st.slot);
	if (!po || !m->realms[owner].st.bound)
		return sim_unbound(m, owner);
	return sim_unbound(m, reader);
}

/* Why mica_decide_share refused with -EACCES or -ENOENT. */
static struct verdict share_refused(const struct sim *m, size_t reader, size_t owner, uint64_t ipa,
				    bool write, int rc)
{
	const struct mica_policy *pol = sim_policy(m, owner);
	uint32_t reg;
	const char *name;
	unsigned own, rd;

	if (!sim_region_at(pol, ipa, &reg))
		return verdict(false, "no region at 0x%llx", (unsigned long long)ipa);
	name = mica_blob_region_name(pol->blob, reg);
	if (rc == -ENOENT && mica_blob_region(pol->blob, reg)->kind != MICA_REGION_PROTECTED)
		return verdict(false, "region '%s' is unprotected: the host maps it itself", name);
	if (rc == -ENOENT)
		return verdict(false, "the page at 0x%llx leaves region '%s'", (unsigned long long)ipa,
			       name);
	own = mica_policy_region_perm(pol, reg, m->realms[owner].st.role);
	rd = mica_policy_region_perm(pol, reg, m->realms[reader].st.role);
	if (!(own & MICA_PERM_WRITE))
		return verdict(false, "role '%s' has %s on region '%s': only a writer owns its pages",
			       sim_role(m, owner), sim_perm_name(own), name);
	if (!rd)
		return verdict(false, "region '%s' is not granted to role '%s'", name, sim_role(m, reader));
	return verdict(false, "role '%s' has only %s on region '%s': mapping it %s refused",
		       sim_role(m, reader), sim_perm_name(rd), name, write ? "read-write" : "so");
}

struct verdict sim_share(struct sim *m, const struct scn_step *st)
{
	size_t reader = st->realm, owner = st->peer;
	const struct mica_policy *pol = sim_policy(m, owner);
	uint32_t refs, reg = 0;
	uint64_t ipa;
	struct verdict v;
	int rc;

	if (!step_ipa(m, st, owner, reader, &ipa, &v))
		return v;
	/* The RMM's own checks before the decision (mica_rmm_share.c): two
	 * RDs, and an owner entry that is the owner's own page. */
	if (reader == owner)
		return verdict(false, "realm '%s' is both reader and owner", m->s->realms[reader]);
	if (reader_map(m, owner, ipa))
		return verdict(false, "realm '%s' borrows the page at 0x%llx itself: a realm lends only "
			       "its own pages", m->s->realms[owner], (unsigned long long)ipa);
	refs = page_refs(m, owner, ipa);
	rc = mica_decide_share(pol, &m->realms[owner].st, &m->realms[reader].st, ipa, st->write, refs,
			       m->refs_max, &reg);
	if (rc == -EPERM)
		return share_eperm(m, reader, owner);
	/* Two realms never hold one role: -EINVAL can only be the IPA. */
	if (rc == -EINVAL)
		return verdict(false, "IPA 0x%llx is not granule-aligned", (unsigned long long)ipa);
	if (rc == -EOVERFLOW)
		return verdict(false, "the page at 0x%llx already has %u reference%s, the bound "
			       "(MICA_SHARE_REFS_MAX %u)", (unsigned long long)ipa, refs,
			       refs == 1 ? "" : "s", m->refs_max);
	if (rc != 0)
		return share_refused(m, reader, owner, ipa, st->write, rc);
	if (reader_map(m, reader, ipa))
		return verdict(false, "realm '%s' already maps a page at 0x%llx", m->s->realms[reader],
			       (unsigned long long)ipa);
	xgrow(&m->maps, &m->maps_cap, m->nmaps, sizeof(*m->maps));
	m->maps[m->nmaps++] = (struct sim_map){reader, owner, ipa, st->write};
	return verdict(true, "role '%s''s page of region '%s' mapped %s into role '%s' (%u reference%s)",
		       sim_role(m, owner), mica_blob_region_name(pol->blob, reg),
		       st->write ? "read-write" : "read-only", sim_role(m, reader), refs + 1,
		       refs ? "s" : "");
}

struct verdict sim_unshare(struct sim *m, const struct scn_step *st)
{
	struct sim_map *mp;
	uint64_t ipa;
	size_t owner;
	struct verdict v;

	if (!step_ipa(m, st, st->realm, st->realm, &ipa, &v))
		return v;
	mp = reader_map(m, st->realm, ipa & ~PAGE_MASK);
	if (!mp || (ipa & PAGE_MASK))
		return verdict(false, "realm '%s' maps no shared page at 0x%llx", m->s->realms[st->realm],
			       (unsigned long long)ipa);
	if (st->has_peer && st->peer != mp->owner)
		return verdict(false, "the page realm '%s' maps at 0x%llx is realm '%s''s, not realm '%s''s",
			       m->s->realms[st->realm], (unsigned long long)ipa, m->s->realms[mp->owner],
			       m->s->realms[st->peer]);
	owner = mp->owner;
	*mp = m->maps[--m->nmaps];
	return verdict(true, "unmapped; realm '%s''s page has %u reference%s left", m->s->realms[owner],
		       page_refs(m, owner, ipa), page_refs(m, owner, ipa) == 1 ? "" : "s");
}

struct verdict sim_data_destroy(struct sim *m, const struct scn_step *st)
{
	const struct sim_map *mp;
	uint64_t ipa;
	uint32_t refs;
	struct verdict v;

	if (!step_ipa(m, st, st->realm, st->realm, &ipa, &v))
		return v;
	/* The entry there may be a page the realm borrows: TF-RMM counts the
	 * references of the page the entry holds, the owner's (a reader's
	 * DATA_DESTROY of it is refused as the owner's is, RMI_ERROR_RTT_AUX). */
	mp = reader_map(m, st->realm, ipa & ~PAGE_MASK);
	refs = page_refs(m, mp ? mp->owner : st->realm, ipa);
	if (mica_decide_release(refs) != 0 && mp)
		return verdict(false, "the page at 0x%llx is realm '%s''s, borrowed: %u reader%s map%s "
			       "it, readers unmap first", (unsigned long long)ipa,
			       m->s->realms[mp->owner], refs, refs == 1 ? "" : "s",
			       refs == 1 ? "s" : "");
	if (mica_decide_release(refs) != 0)
		return verdict(false, "%u reader%s map%s the page at 0x%llx: readers unmap first", refs,
			       refs == 1 ? "" : "s", refs == 1 ? "s" : "", (unsigned long long)ipa);
	return verdict(true, "no reader maps the page at 0x%llx", (unsigned long long)ipa);
}

/* Appends ", NAME PERM" for every role but ROLE granted region REG. */
static char *others(const struct mica_policy *pol, uint32_t reg, uint32_t role)
{
	char *list = xstrdup("");

	for (uint32_t i = 0; i < pol->realm_count; i++) {
		unsigned perm = mica_policy_region_perm(pol, reg, i);
		char *old = list;

		if (i == role || !perm)
			continue;
		list = xasprintf("%s, role '%s' %s", old, mica_blob_realm_name(pol->blob, i),
				 sim_perm_name(perm));
		free(old);
	}
	return list;
}

struct verdict sim_shared(struct sim *m, const struct scn_step *st)
{
	const struct mica_policy *pol = sim_policy(m, st->realm);
	const struct sim_realm *r = &m->realms[st->realm];
	const struct mica_blob_region *rg;
	unsigned perm = 0;
	uint32_t reg = 0;
	uint64_t ipa;
	char *who;
	struct verdict v;

	if (!sim_running(m, st->realm, &v) || !step_ipa(m, st, st->realm, st->realm, &ipa, &v))
		return v;
	if (!pol || !r->st.bound)
		return sim_unbound(m, st->realm);
	/* The RMM's answer is this query (mica_rmm_share.c). */
	if (mica_policy_range_perm(pol, r->st.role, MICA_REGION_PROTECTED, ipa, MICA_GRANULE_SIZE,
				   &perm, &reg) != 0)
		return verdict(false, "no protected region granted to role '%s' holds the page at 0x%llx",
			       sim_role(m, st->realm), (unsigned long long)ipa);
	rg = mica_blob_region(pol->blob, reg);
	who = others(pol, reg, r->st.role);
	v = verdict(true, "region '%s' at 0x%llx+0x%llx: role '%s' %s%s",
		    mica_blob_region_name(pol->blob, reg), (unsigned long long)rg->base,
		    (unsigned long long)rg->size, sim_role(m, st->realm), sim_perm_name(perm), who);
	free(who);
	return v;
}

bool sim_share_release(const struct sim *m, size_t i, struct verdict *v)
{
	uint32_t maps = 0, refs = 0;

	for (size_t k = 0; k < m->nmaps; k++) {
		maps += m->maps[k].reader == i;
		refs += m->maps[k].owner == i;
	}
	if (maps) {
		*v = verdict(false, "realm '%s' still maps %u shared page%s: its RTTs are not empty, "
			     "unshare first", m->s->realms[i], maps, maps == 1 ? "" : "s");
		return false;
	}
	if (mica_decide_release(refs) != 0) {
		*v = verdict(false, "readers still map %u of realm '%s''s pages: readers unmap first", refs,
			     m->s->realms[i]);
		return false;
	}
	return true;
}
