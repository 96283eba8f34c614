/* scenario_call.c - realm calls: RSI_MICA_CALL (`call`), RSI_MICA_CALL_TAKE
 * (`take`) and RSI_MICA_CALL_REPLY (`reply`).
 *
 * The decisions and the mailbox state machine are mica_decide_call, _take
 * and _reply, the RMM's own; the mailboxes (one per role of each loaded
 * policy) are kept here as the RMM keeps them with its pool, and so is the
 * glue's one rule of its own (mica_rmm_call.c): a role whose two-way call
 * is not answered yet cannot call again. */
#include <errno.h>
#include <string.h>

#include "scenario/scenario_sim.h"

/* Realm I's own mailbox, or SPARE (all IDLE) when it has none: an
 * ungoverned or unbound realm, which the decisions refuse before looking. */
static struct mica_call *own_box(struct sim *m, size_t i, struct mica_call *spare)
{
	const struct sim_realm *r = &m->realms[i];

	if (!r->st.slot || !r->st.bound)
		return spare;
	return &m->slots[r->st.slot - 1].boxes[r->st.role];
}

/* Realm I's "waits for a reply" flag; only for a bound governed realm. */
static bool *caller_wait(struct sim *m, size_t i)
{
	const struct sim_realm *r = &m->realms[i];

	return &m->slots[r->st.slot - 1].waits[r->st.role];
}

static bool caller_waits(struct sim *m, size_t i)
{
	const struct sim_realm *r = &m->realms[i];

	return r->st.slot && r->st.bound && *caller_wait(m, i);
}

static const char *role_name(const struct mica_policy *pol, uint32_t role)
{
	return mica_blob_realm_name(pol->blob, role);
}

struct verdict sim_call(struct sim *m, const struct scn_step *st)
{
	const struct mica_policy *pol = sim_policy(m, st->realm);
	const struct sim_realm *r = &m->realms[st->realm];
	struct mica_call spare = {0}, *box = &spare;
	uint32_t callee = UINT32_MAX;
	bool oneway = false;
	struct verdict v;
	int rc;

	if (!sim_running(m, st->realm, &v))
		return v;
	if (caller_waits(m, st->realm))
		return verdict(false, "role '%s' waits for the reply to its two-way call",
			       sim_role(m, st->realm));
	if (pol && mica_policy_find_realm(pol, st->name, strlen(st->name), &callee) != 0)
		callee = pol->realm_count;	/* the index the realm would pass: none */
	if (pol && callee < pol->realm_count)
		box = &m->slots[r->st.slot - 1].boxes[callee];
	rc = mica_decide_call(pol, &r->st, callee, pol ? &m->slots[r->st.slot - 1].roles : NULL, box,
			      &oneway);
	if (rc == 0 && !oneway)
		*caller_wait(m, st->realm) = true;
	switch (rc) {
	case 0:
		return verdict(true, "the policy has the call %s -> %s%s: the host enters role '%s''s realm",
			       sim_role(m, st->realm), st->name, oneway ? " (oneway)" : "", st->name);
	case -EPERM:
		return sim_unbound(m, st->realm);
	case -ENOENT:
		return verdict(false, "policy '%s' has no role '%s'", mica_blob_policy_name(pol->blob),
			       st->name);
	case -EACCES:
		return verdict(false, "the policy has no call %s -> %s", sim_role(m, st->realm), st->name);
	case -ENXIO:
		return verdict(false, "no realm holds role '%s'", st->name);
	default:
		return verdict(false, "role '%s''s mailbox holds a call from role '%s'", st->name,
			       role_name(pol, box->caller));
	}
}

/* A callee's step (take, reply): its mailbox and what the decision said. */
struct callee_step {
	const struct mica_policy *pol;
	struct mica_call spare, *box;
	uint32_t caller;
	int rc;
};

/* Runs DECIDE (mica_decide_take or _reply) for realm st->realm on its own
 * mailbox. False with the refusal in *v when the realm cannot run or has
 * no role; else c->rc is the decision's answer. */
static bool callee_decide(struct sim *m, const struct scn_step *st,
			  int (*decide)(const struct mica_policy *, const struct mica_realm *,
					struct mica_call *, uint32_t *),
			  struct callee_step *c, struct verdict *v)
{
	c->pol = sim_policy(m, st->realm);
	c->box = own_box(m, st->realm, &c->spare);
	if (!sim_running(m, st->realm, v))
		return false;
	c->rc = decide(c->pol, &m->realms[st->realm].st, c->box, &c->caller);
	if (c->rc != -EPERM)
		return true;
	*v = sim_unbound(m, st->realm);
	return false;
}

struct verdict sim_take(struct sim *m, const struct scn_step *st)
{
	struct callee_step c = {0};
	struct verdict v;

	if (!callee_decide(m, st, mica_decide_take, &c, &v))
		return v;
	if (c.rc == 0 && c.box->state == MICA_CALL_IDLE)
		return verdict(true, "took the call from role '%s' (oneway: nothing answers it)",
			       role_name(c.pol, c.caller));
	if (c.rc == 0)
		return verdict(true, "took the call from role '%s': a reply is due",
			       role_name(c.pol, c.caller));
	if (c.box->state == MICA_CALL_TAKEN)
		return verdict(false, "no call waits for role '%s': it holds the call from role '%s', "
			       "not yet answered", sim_role(m, st->realm), role_name(c.pol, c.box->caller));
	return verdict(false, "no call waits for role '%s'", sim_role(m, st->realm));
}

struct verdict sim_reply(struct sim *m, const struct scn_step *st)
{
	struct callee_step c = {0};
	struct verdict v;

	if (!callee_decide(m, st, mica_decide_reply, &c, &v))
		return v;
	if (c.rc == 0) {
		/* The caller's next REC entry takes the reply: it may call again. */
		m->slots[m->realms[st->realm].st.slot - 1].waits[c.caller] = false;
		return verdict(true, "the reply goes to role '%s'", role_name(c.pol, c.caller));
	}
	if (c.box->state == MICA_CALL_SENT)
		return verdict(false, "role '%s' has not taken the call from role '%s'",
			       sim_role(m, st->realm), role_name(c.pol, c.box->caller));
	/* A one-way call, once taken, leaves its caller and flag behind. */
	if (c.box->oneway)
		return verdict(false, "the call from role '%s' was one-way: nothing answers it",
			       role_name(c.pol, c.box->caller));
	return verdict(false, "role '%s' holds no call to answer", sim_role(m, st->realm));
}
