/* scenario_replay.c - the replay loop and the realm lifecycle steps: policy
 * load, realm create, role bind, activate (see scenario_replay.h); tear-down,
 * sharing and calls have their own files (scenario_sim.h).
 *
 * Each step does what the RMM glue does around mica_decide.c: the pool
 * refuses what mica_rmm_pool.c refuses, REALM_CREATE looks the RPV up among
 * the loaded policies, MICA_REALM_BIND needs a realm that is still new. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "blob/blob_check.h"
#include "scenario/scenario_sim.h"
#include "util/xalloc.h"

/* "sha512:0123456789abcdef...": enough of a digest to tell policies apart. */
static char *short_digest(const struct sim_slot *sl)
{
	char *hex = hex_encode(sl->rpv, 8);
	char *s = xasprintf("%s:%s...", digest_name(mica_blob_header(sl->pol.blob)->digest_alg), hex);

	free(hex);
	return s;
}

/* The pool takes the blob into its first free slot, SL, as
 * RMI_MICA_POLICY_LOAD does. */
static struct verdict pool_take(struct sim *m, struct sim_slot *sl, uint64_t *mem, size_t len)
{
	unsigned n = (unsigned)(sl - m->slots) + 1;
	struct mica_blob_error err;
	uint8_t digest[DIGEST_MAX_SIZE];
	char why[256], *d;
	struct verdict v;

	if (mica_policy_init(&sl->pol, mem, len, &err) != 0) {
		blob_check(mem, len, why, sizeof(why));
		free(mem);
		return verdict(false, "invalid blob: %s", why);
	}
	sl->digest_len = digest_compute(mica_blob_header(mem)->digest_alg, mem, len, digest);
	digest_rpv(digest, sl->digest_len, sl->rpv);
	for (unsigned i = 0; i < MICA_RMM_MAX_POLICIES; i++)
		if (m->slots[i].mem && mica_rpv_matches(m->slots[i].rpv, digest, sl->digest_len)) {
			free(mem);
			memset(sl, 0, sizeof(*sl));
			return verdict(true, "already loaded in slot %u", i + 1);
		}
	sl->mem = mem;
	sl->canonical = blob_check(mem, len, why, sizeof(why)) == BLOB_OK;
	/* The RMM's core takes what only micac's canonical rules refuse; its
	 * names and rim index are unchecked, so the replay governs no realm
	 * by it (docs/scenarios.md). */
	if (!sl->canonical)
		return verdict(true, "loaded in slot %u, but not micac's canonical output (%s): "
			       "no verifier accepts its digest", n, why);
	d = short_digest(sl);
	v = verdict(true, "policy '%s' v%u in slot %u, %s", mica_blob_policy_name(mem),
		    (unsigned)mica_blob_header(mem)->policy_version, n, d);
	free(d);
	return v;
}

static struct verdict do_load(struct sim *m, const struct scn_step *st)
{
	const struct scn_blob *b = &m->files[st->file];
	size_t len = st->truncate ? (size_t)st->truncate_to : b->len;
	unsigned free_slot = 0;
	uint64_t *mem;

	if (len == 0)
		return verdict(false, "empty blob");
	if (len > MICA_RMM_MAX_BLOB)
		return verdict(false, "%zu bytes: the RMM takes blobs of at most %u bytes", len,
			       MICA_RMM_MAX_BLOB);
	while (free_slot < MICA_RMM_MAX_POLICIES && m->slots[free_slot].mem)
		free_slot++;
	if (free_slot == MICA_RMM_MAX_POLICIES)
		return verdict(false, "the policy pool is full (%u slots)", MICA_RMM_MAX_POLICIES);
	mem = xcalloc((len + 7) / 8, 8);
	memcpy(mem, b->data, len);
	if (st->corrupt)
		((uint8_t *)mem)[st->corrupt_at] ^= 0xff;
	return pool_take(m, &m->slots[free_slot], mem, len);
}

static struct verdict do_create(struct sim *m, const struct scn_step *st)
{
	struct sim_realm *r = &m->realms[st->realm];
	uint8_t rpv[RPV_SIZE] = {0};
	const struct mica_policy *pol;

	if (st->rpv_from == RPV_POLICY)
		memcpy(rpv, m->file_rpv[st->file], RPV_SIZE);
	else
		memcpy(rpv, st->bytes.v, st->bytes.n);
	/* mica_pool_govern: the first loaded slot whose padded digest it is. */
	for (unsigned i = 0; i < MICA_RMM_MAX_POLICIES && !r->st.slot; i++)
		if (m->slots[i].mem && m->slots[i].canonical &&
		    mica_rpv_matches(rpv, m->slots[i].rpv, m->slots[i].digest_len))
			r->st.slot = (uint8_t)(i + 1);
	pol = sim_policy(m, st->realm);
	r->ipa_bits = st->ipa_bits;
	if (!pol)
		return verdict(true, "ungoverned: the RPV matches no loaded policy");
	m->slots[r->st.slot - 1].governed++;
	if (!r->ipa_bits)
		r->ipa_bits = mica_blob_header(pol->blob)->ipa_bits;
	return verdict(true, "governed by policy '%s' (slot %u)", mica_blob_policy_name(pol->blob),
		       r->st.slot);
}

/* The instance that holds ROLE under realm I's policy; *gone when it was
 * destroyed. */
static const char *role_holder(const struct sim *m, size_t i, uint32_t role, bool *gone)
{
	for (size_t j = 0; j < m->s->nrealms; j++)
		if (j != i && m->realms[j].st.slot == m->realms[i].st.slot && m->realms[j].st.bound &&
		    m->realms[j].st.role == role) {
			*gone = m->realms[j].destroyed;
			return m->s->realms[j];
		}
	return "?";
}

static struct verdict do_bind(struct sim *m, const struct scn_step *st)
{
	struct sim_realm *r = &m->realms[st->realm];
	const struct mica_policy *pol = sim_policy(m, st->realm);
	const char *name = m->s->realms[st->realm];
	uint32_t role = UINT32_MAX;
	bool gone = false;
	const char *holder;

	if (r->active)
		return verdict(false, "realm '%s' is already active: roles are bound while it is new",
			       name);
	if (pol && mica_policy_find_realm(pol, st->name, strlen(st->name), &role) != 0)
		role = pol->realm_count;	/* the index the host would pass: none */
	switch (mica_decide_bind(pol, &r->st, role, r->ipa_bits,
				 pol ? &m->slots[r->st.slot - 1].roles : NULL)) {
	case 0:
		return verdict(true, "role '%s' bound", st->name);
	case -EPERM:
		return verdict(false, "realm '%s' is not governed by a policy", name);
	case -EBUSY:
		return verdict(false, "realm '%s' is already bound to role '%s'", name,
			       sim_role(m, st->realm));
	case -ENOENT:
		return verdict(false, "policy '%s' has no role '%s'", mica_blob_policy_name(pol->blob),
			       st->name);
	case -EEXIST:
		holder = role_holder(m, st->realm, role, &gone);
		return verdict(false, "role '%s' is already bound to realm '%s'%s", st->name, holder,
			       gone ? " (destroyed: the role stays taken until the policy is unloaded)" : "");
	default:
		return verdict(false, "the realm's IPA width is %u bits, the policy's %u", r->ipa_bits,
			       (unsigned)mica_blob_header(pol->blob)->ipa_bits);
	}
}

/* The RIM a step activates with: the one given, else the image the bound
 * role expects (an honest host), else 32 zero bytes. */
static size_t activation_rim(const struct sim *m, const struct scn_step *st, const uint8_t **rim)
{
	static const uint8_t zero[32];
	const struct mica_policy *pol = sim_policy(m, st->realm);
	const struct sim_realm *r = &m->realms[st->realm];

	if (st->bytes.n) {
		*rim = st->bytes.v;
		return st->bytes.n;
	}
	if (pol && r->st.bound && mica_blob_realm(pol->blob, r->st.role)->meas_len) {
		*rim = mica_blob_realm(pol->blob, r->st.role)->measurement;
		return mica_blob_realm(pol->blob, r->st.role)->meas_len;
	}
	*rim = zero;
	return sizeof(zero);
}

/* Why a RIM is not the role's, naming the role whose RIM it is, if any. */
static struct verdict wrong_rim(const struct sim *m, size_t i, const uint8_t *rim, size_t n)
{
	const struct mica_policy *pol = sim_policy(m, i);
	uint32_t pos;

	if (mica_policy_role_by_rim(pol, rim, n, &pos) > 0)
		return verdict(false, "the RIM is role '%s''s, not role '%s''s",
			       mica_blob_realm_name(pol->blob, mica_blob_rim_realm(pol->blob, pos)),
			       sim_role(m, i));
	return verdict(false, "the RIM is not role '%s''s measurement", sim_role(m, i));
}

static struct verdict do_activate(struct sim *m, const struct scn_step *st)
{
	struct sim_realm *r = &m->realms[st->realm];
	const struct mica_policy *pol = sim_policy(m, st->realm);
	const uint8_t *rim;
	size_t n = activation_rim(m, st, &rim);

	if (r->active)
		return verdict(false, "realm '%s' is already active", m->s->realms[st->realm]);
	if (!mica_decide_activate(pol, &r->st, rim, n)) {
		if (!r->st.bound)
			return verdict(false, "no role is bound to realm '%s'", m->s->realms[st->realm]);
		return wrong_rim(m, st->realm, rim, n);
	}
	r->active = true;
	if (!pol)
		return verdict(true, "ungoverned");
	if (!mica_blob_realm(pol->blob, r->st.role)->meas_len)
		return verdict(true, "role '%s' has no measurement", sim_role(m, st->realm));
	return verdict(true, "the RIM is role '%s''s measurement", sim_role(m, st->realm));
}

/* A destroyed realm's RD is no longer a realm: every later command naming
 * it is refused. */
static bool destroyed(const struct sim *m, const struct scn_step *st, struct verdict *v)
{
	size_t i = st->realm;

	if (st->kind == SCN_LOAD || st->kind == SCN_UNLOAD || st->kind == SCN_CREATE)
		return false;
	if (!m->realms[i].destroyed && st->kind == SCN_SHARE)
		i = st->peer;
	if (!m->realms[i].destroyed)
		return false;
	*v = verdict(false, "realm '%s' was destroyed", m->s->realms[i]);
	return true;
}

static struct verdict decide(struct sim *m, const struct scn_step *st)
{
	struct verdict v;

	if (destroyed(m, st, &v))
		return v;
	switch (st->kind) {
	case SCN_LOAD: return do_load(m, st);
	case SCN_CREATE: return do_create(m, st);
	case SCN_BIND: return do_bind(m, st);
	case SCN_ACTIVATE: return do_activate(m, st);
	case SCN_MAP_NS: return sim_map_ns(m, st);
	case SCN_SHARE: return sim_share(m, st);
	case SCN_UNSHARE: return sim_unshare(m, st);
	case SCN_DATA_DESTROY: return sim_data_destroy(m, st);
	case SCN_SHARED: return sim_shared(m, st);
	case SCN_HOSTCALL: return sim_hostcall(m, st);
	case SCN_MMIO: return sim_mmio(m, st);
	case SCN_CALL: return sim_call(m, st);
	case SCN_TAKE: return sim_take(m, st);
	case SCN_REPLY: return sim_reply(m, st);
	case SCN_DESTROY: return sim_destroy(m, st);
	case SCN_UNLOAD: return sim_unload(m, st);
	case SCN_KIND_COUNT: break;
	}
	return verdict(false, "?");
}

static void record(struct scn_report *out, size_t n, const struct scn_step *st, char *action,
		   struct verdict v)
{
	struct scn_outcome *o;

	xgrow(&out->v, &out->cap, out->n, sizeof(*out->v));
	o = &out->v[out->n++];
	o->step = n;
	o->kind = st->kind;
	o->action = action;
	o->allow = v.allow;
	o->reason = v.reason;
	o->expect_allow = st->expect_allow;
	o->expect_reason = st->reason;
	o->as_expected = v.allow == st->expect_allow &&
			 (!st->reason || strstr(v.reason, st->reason) != NULL);
	out->unexpected += !o->as_expected;
}

void scenario_replay(const struct scenario *s, const struct scn_blob *files, struct scn_report *out)
{
	struct sim m;
	struct scn_step boot = {.kind = SCN_LOAD, .file = SCN_MAIN_POLICY, .expect_allow = true};

	memset(out, 0, sizeof(*out));
	memset(&m, 0, sizeof(m));
	m.s = s;
	m.files = files;
	m.refs_max = s->share_refs ? s->share_refs : MICA_SHARE_REFS_MAX;
	m.realms = xcalloc(s->nrealms + 1, sizeof(*m.realms));
	m.file_rpv = xcalloc(s->nfiles, sizeof(*m.file_rpv));
	for (size_t i = 0; i < s->nfiles; i++) {
		uint8_t digest[DIGEST_MAX_SIZE];
		size_t n = digest_compute(mica_blob_header(files[i].data)->digest_alg, files[i].data,
					  files[i].len, digest);

		digest_rpv(digest, n, m.file_rpv[i]);
	}
	record(out, 0, &boot, scn_action(s, &boot), decide(&m, &boot));
	for (size_t i = 0; i < s->nsteps; i++)
		record(out, i + 1, &s->steps[i], scn_action(s, &s->steps[i]), decide(&m, &s->steps[i]));
	for (unsigned i = 0; i < MICA_RMM_MAX_POLICIES; i++)
		free(m.slots[i].mem);
	free(m.maps);
	free(m.realms);
	free(m.file_rpv);
}

void scn_report_free(struct scn_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].action);
		free(r->v[i].reason);
	}
	free(r->v);
	memset(r, 0, sizeof(*r));
}

int scenario_check_blobs(const struct scenario *s, const struct scn_blob *files,
			 const struct source *src, struct diag_list *dl)
{
	size_t before = diag_error_count(dl);

	for (size_t i = 0; i < s->nsteps; i++) {
		const struct scn_step *st = &s->steps[i];
		size_t len = files[st->file].len;

		if (st->kind != SCN_LOAD)
			continue;
		if (st->corrupt && st->corrupt_at >= (st->truncate ? st->truncate_to : len))
			diag_add(dl, ERR_LOAD_PAST_BLOB_END, src, st->loc,
				   "corrupt_byte %llu is past the end of the %zu-byte blob '%s'",
				   (unsigned long long)st->corrupt_at,
				   st->truncate ? (size_t)st->truncate_to : len, s->files[st->file]);
		if (st->truncate && st->truncate_to >= len)
			diag_add(dl, ERR_LOAD_PAST_BLOB_END, src, st->loc,
				   "truncate %llu does not shorten the %zu-byte blob '%s'",
				   (unsigned long long)st->truncate_to, len, s->files[st->file]);
	}
	return diag_error_count(dl) > before ? -1 : 0;
}
