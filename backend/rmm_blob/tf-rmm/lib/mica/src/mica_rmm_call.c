/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Realm calls: RSI_MICA_CALL, RSI_MICA_CALL_TAKE, RSI_MICA_CALL_REPLY, and
 * the completion of a two-way call when the host enters the caller's REC
 * again (as TF-RMM completes RSI_HOST_CALL at the next RMI_REC_ENTER).
 *
 * The words never leave the RMM: the caller's X2..X7 go into the callee's
 * mailbox in the pool slot of their policy, the callee takes them into its
 * registers, and its reply waits in the caller's mailbox until the caller's
 * REC is entered. The exit to the host names only the role to run next.
 * Every decision is mica_decide_call(), _take() or _reply().
 */

#include <errno.h>
#include <mica_rmm.h>
#include <rec.h>
#include <rsi-handler.h>
#include <smc-rmi.h>
#include <stdint.h>

/* X0 = RSI_SUCCESS, X1 = x1, X2..X7 = w (zeros for NULL), in the REC and
 * in res (handle_realm_rsi copies res's first registers back).
 */
static void to_realm(struct rec *rec, struct rsi_result *res,
		     unsigned long x1, const uint64_t *w)
{
	unsigned long *regs = rec_active_plane(rec)->regs;

	regs[0] = RSI_SUCCESS;
	regs[1] = x1;
	for (unsigned int i = 0U; i < MICA_CALL_WORDS; i++) {
		regs[2U + i] = (w != NULL) ? w[i] : 0UL;
	}
	for (unsigned int i = 0U; i < SMC_RESULT_REGS; i++) {
		res->smc_res.x[i] = regs[i];
	}
}

/* The mailbox of role, or spare for no policy or no such role: the
 * decisions refuse those before they touch a mailbox.
 */
static struct mica_mailbox *box_of(struct mica_mailbox *boxes, uint64_t role,
				   struct mica_mailbox *spare)
{
	return ((boxes != NULL) && (role < MICA_RMM_MAX_ROLES)) ?
	       &boxes[role] : spare;
}

/* Under the pool lock: 0 with *peer the role the host runs next. */
static int call_locked(struct rec *rec, unsigned int fid, uint32_t *peer,
		       bool *oneway, struct rsi_result *res)
{
	const struct mica_realm *st = &rec->realm_info.mica;
	unsigned long *regs = rec_active_plane(rec)->regs;
	const struct mica_policy *pol;
	const struct mica_roles *taken = NULL;
	struct mica_mailbox spare = { 0 };
	struct mica_mailbox *boxes = mica_pool_mailboxes(st->slot, &pol, &taken);
	/* an unbound realm's role 0 is no role: it gets the spare */
	struct mica_mailbox *own = box_of(boxes, (st->bound != 0U) ? st->role :
					  MICA_RMM_MAX_ROLES, &spare);
	struct mica_mailbox *to = box_of(boxes, regs[1], &spare);
	int rc;

	if (fid == SMC_RSI_MICA_CALL_TAKE) {
		rc = mica_decide_take(pol, st, &own->call, peer);
		if (rc == 0) {
			to_realm(rec, res, *peer | ((own->call.oneway != 0U) ?
				 MICA_RSI_CALL_ONEWAY : 0UL), own->args);
		}
		return rc;
	}
	if (fid == SMC_RSI_MICA_CALL_REPLY) {
		rc = mica_decide_reply(pol, st, &own->call, peer);
		to = box_of(boxes, *peer, &spare);
	} else if (own->waiter != NULL) {
		rc = -EBUSY;	/* one two-way call per caller at a time */
	} else {
		*peer = (regs[1] > UINT32_MAX) ? UINT32_MAX : (uint32_t)regs[1];
		rc = mica_decide_call(pol, st, *peer, taken, &to->call, oneway);
	}
	if (rc != 0) {
		return rc;
	}
	for (unsigned int i = 0U; i < MICA_CALL_WORDS; i++) {
		if (fid == SMC_RSI_MICA_CALL) {
			to->args[i] = regs[2U + i];
		} else {
			to->reply[i] = regs[2U + i];
		}
	}
	if (fid == SMC_RSI_MICA_CALL_REPLY) {
		to->replied = true;
	} else if (!*oneway) {
		own->waiter = rec->g_rec;
	}
	return 0;
}

void handle_rsi_mica_call(struct rec *rec, struct rmi_rec_exit *rec_exit,
			  unsigned int fid, struct rsi_result *res)
{
	uint32_t peer = 0U;
	bool oneway = true;
	int rc;

	res->action = UPDATE_REC_RETURN_TO_REALM;
	spinlock_acquire(&mica_pool_lock);
	rc = call_locked(rec, fid, &peer, &oneway, res);
	spinlock_release(&mica_pool_lock);
	if (rc != 0) {
		res->smc_res.x[0] = RSI_ERROR_INPUT;
		res->smc_res.x[1] = (unsigned long)-rc;
		return;
	}
	if (fid == SMC_RSI_MICA_CALL_TAKE) {
		return;
	}
	/* A call or a reply: the host learns the role to run, nothing else. */
	rec_exit->exit_reason = RMI_EXIT_MICA_CALL;
	rec_exit->gprs[0] = peer;
	if (oneway) {	/* a reply or a one-way call: done for this REC */
		to_realm(rec, res, peer, NULL);
		res->action = UPDATE_REC_EXIT_TO_HOST;
	} else {	/* completed by mica_rmm_call_complete() */
		res->action = EXIT_TO_HOST;
	}
}

bool mica_rmm_call_complete(struct rec *rec)
{
	const struct mica_realm *st = &rec->realm_info.mica;
	const struct mica_policy *pol;
	const struct mica_roles *taken;
	struct mica_mailbox spare = { 0 };
	struct mica_mailbox *own;
	struct rsi_result res;
	bool ok;

	if (st->slot == 0U) {
		return true;	/* not governed: no call can be pending */
	}
	spinlock_acquire(&mica_pool_lock);
	own = box_of(mica_pool_mailboxes(st->slot, &pol, &taken), st->role,
		     &spare);
	ok = (own->waiter != rec->g_rec) || own->replied;
	if ((own->waiter == rec->g_rec) && own->replied) {
		to_realm(rec, &res, 0UL, own->reply);
		own->waiter = NULL;
		own->replied = false;
	}
	spinlock_release(&mica_pool_lock);
	return ok;
}
