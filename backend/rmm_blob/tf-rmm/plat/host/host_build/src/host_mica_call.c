/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Host-build test of realm calls (RSI_MICA_CALL, _TAKE, _REPLY), run from
 * host_mica.c. The fixture policy is loaded once more under another version
 * (a slot of its own, every role free): alpha -> beta is a two-way call,
 * beta -> alpha one-way, gamma neither. alpha calls beta before beta is
 * bound (refused), gamma (not in the policy: refused), takes from an empty
 * mailbox (refused), then calls beta for real; beta takes alpha's words and
 * replies; alpha receives the reply when the host enters it again; beta
 * calls alpha one-way and alpha's reply to that is refused; a stock realm's
 * call is refused. No argument or reply word may appear in any REC exit.
 */

#include <arch_helpers.h>
#include <debug.h>
#include <errno.h>
#include <host_mica.h>
#include <host_mica_fixture.h>
#include <host_realm.h>
#include <host_utils.h>
#include <mica_blob.h>
#include <mica_rmm.h>
#include <smc-rmi.h>
#include <smc-rsi.h>
#include <stddef.h>
#include <string.h>

#define CALL_VERSION	0xCA11U	/* the fixture under a version of its own */

/* What each realm step saw: X0, X1, X2..X7 after an RSI call. */
enum {
	A_UNBOUND, A_FORBIDDEN, A_TAKE_NONE, A_REPLY, A_TAKE_ONEWAY,
	A_REPLY_ONEWAY, B_TAKE, B_REPLIED, B_ONEWAY, B_FORBIDDEN, S_CALL,
	STEPS
};
static unsigned long seen[STEPS][2U + MICA_CALL_WORDS];

static const uint64_t args[MICA_CALL_WORDS] = {	/* alpha -> beta */
	0xA1A1000000000001UL, 0xA1A1000000000002UL, 0xA1A1000000000003UL,
	0xA1A1000000000004UL, 0xA1A1000000000005UL, 0xA1A1000000000006UL };
static const uint64_t reply[MICA_CALL_WORDS] = {	/* beta's reply */
	0xBEBE000000000001UL, 0xBEBE000000000002UL, 0xBEBE000000000003UL,
	0xBEBE000000000004UL, 0xBEBE000000000005UL, 0xBEBE000000000006UL };
static const uint64_t signal[MICA_CALL_WORDS] = {	/* beta -> alpha */
	0xC0C0000000000001UL, 0xC0C0000000000002UL, 0xC0C0000000000003UL,
	0xC0C0000000000004UL, 0xC0C0000000000005UL, 0xC0C0000000000006UL };

static const uint64_t zeros[MICA_CALL_WORDS];

static void log_step(unsigned int step, const unsigned long *regs)
{
	(void)memcpy(seen[step], regs, sizeof(seen[step]));
}

/* An RSI call with X1 and X2..X7 (w, or zeros); the realm resumes at next. */
static int rsi(unsigned long *regs, unsigned long fid, unsigned long x1,
	       const uint64_t *w, realm_entrypoint_t next)
{
	regs[0] = fid;
	regs[1] = x1;
	for (unsigned int i = 0U; i < MICA_CALL_WORDS; i++) {
		regs[2U + i] = (w != NULL) ? w[i] : 0UL;
	}
	return host_util_rsi_helper(next);
}

/* Back to the host (an FIQ); the realm resumes at next. */
static int yield(realm_entrypoint_t next)
{
	write_elr_el2((uintptr_t)next);
	return ARM_EXCEPTION_FIQ_LEL;
}

/*
 * A realm's code as a script: each step logs what the previous RSI call
 * answered (unless NOLOG), then makes the next call, yields to the host
 * (YIELD: the next step runs when the host enters the REC again) or ends.
 */
#define NOLOG	STEPS
#define YIELD	0UL
#define END	1UL

struct step {
	unsigned int log;
	unsigned long fid;
	unsigned long x1;
	const uint64_t *w;
};

struct script {
	const struct step *steps;
	unsigned int next;
	realm_entrypoint_t self;
};

static int run(struct script *sc, unsigned long *regs)
{
	const struct step *st = &sc->steps[sc->next++];

	if (st->log != NOLOG) {
		log_step(st->log, regs);
	}
	if (st->fid == YIELD) {
		return yield(sc->self);
	}
	if (st->fid == END) {
		return yield(host_mica_realm_done);
	}
	return rsi(regs, st->fid, st->x1, st->w, sc->self);
}

static const struct step alpha_steps[] = {
	{ NOLOG, SMC_RSI_MICA_CALL, MICA_FIX_BETA, args },	/* unbound */
	{ A_UNBOUND, SMC_RSI_MICA_CALL, MICA_FIX_GAMMA, args },
	{ A_FORBIDDEN, SMC_RSI_MICA_CALL_TAKE, 0UL, NULL },
	{ A_TAKE_NONE, YIELD, 0UL, NULL },
	{ NOLOG, SMC_RSI_MICA_CALL, MICA_FIX_BETA, args },	/* two-way */
	{ A_REPLY, YIELD, 0UL, NULL },
	{ NOLOG, SMC_RSI_MICA_CALL_TAKE, 0UL, NULL },
	{ A_TAKE_ONEWAY, SMC_RSI_MICA_CALL_REPLY, 0UL, reply },
	{ A_REPLY_ONEWAY, END, 0UL, NULL },
};
static const struct step beta_steps[] = {
	{ NOLOG, SMC_RSI_MICA_CALL_TAKE, 0UL, NULL },
	{ B_TAKE, SMC_RSI_MICA_CALL_REPLY, 0UL, reply },
	{ B_REPLIED, SMC_RSI_MICA_CALL, MICA_FIX_ALPHA, signal },
	{ B_ONEWAY, SMC_RSI_MICA_CALL, MICA_FIX_GAMMA, signal },
	{ B_FORBIDDEN, END, 0UL, NULL },
};
static const struct step stock_steps[] = {
	{ NOLOG, SMC_RSI_MICA_CALL, MICA_FIX_BETA, args },
	{ S_CALL, END, 0UL, NULL },
};

static int alpha_code(unsigned long *regs, unsigned long *sp);
static int beta_code(unsigned long *regs, unsigned long *sp);
static int stock_code(unsigned long *regs, unsigned long *sp);

static struct script alpha = { alpha_steps, 0U, alpha_code };
static struct script beta = { beta_steps, 0U, beta_code };
static struct script stock = { stock_steps, 0U, stock_code };

static int alpha_code(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	return run(&alpha, regs);
}

static int beta_code(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	return run(&beta, regs);
}

static int stock_code(unsigned long *regs, unsigned long *sp)
{
	(void)sp;
	return run(&stock, regs);
}

/* ---- the host ---- */

/* Did step answer RSI_ERROR_INPUT with errno err in X1? */
static bool refused(unsigned int step, int err)
{
	return (seen[step][0] == RSI_ERROR_INPUT) &&
	       (seen[step][1] == (unsigned long)err);
}

/* Did step answer RSI_SUCCESS, X1 x1 and the words w? */
static bool answered(unsigned int step, unsigned long x1, const uint64_t *w)
{
	return (seen[step][0] == RSI_SUCCESS) && (seen[step][1] == x1) &&
	       (memcmp(&seen[step][2], w, sizeof(args)) == 0);
}

/* Was the last exit of r RMI_EXIT_MICA_CALL naming role, with none of the
 * words w anywhere in it?
 */
static bool exit_names(const struct mica_test_realm *r, unsigned long role,
		       const uint64_t *w)
{
	const struct rmi_rec_exit *e = &r->h.rec_run->exit;
	const uint8_t *p = (const uint8_t *)e;

	for (size_t off = 0U; off + sizeof(uint64_t) <= sizeof(*e); off++) {
		for (unsigned int i = 0U; i < MICA_CALL_WORDS; i++) {
			if (memcmp(p + off, &w[i], sizeof(uint64_t)) == 0) {
				return false;
			}
		}
	}
	return (e->exit_reason == RMI_EXIT_MICA_CALL) && (e->gprs[0] == role);
}

/* REC_ENTER; its exit is an FIQ (the realm yielded). */
static bool enter_fiq(struct mica_test_realm *r)
{
	return (host_mica_rec_enter(r) == RMI_SUCCESS) &&
	       (r->h.rec_run->exit.exit_reason == RMI_EXIT_FIQ);
}

/* A realm governed by rpv (bound to role unless it is ~0UL) or stock. */
static bool realm_up(struct mica_test_realm *r, const uint8_t *rpv,
		     unsigned long role, realm_entrypoint_t entry,
		     const struct host_mica_ops *ops)
{
	return (host_mica_realm_create(r, rpv) == 0) &&
	       ((role == ~0UL) || (ops->bind(r, role) == RMI_SUCCESS)) &&
	       (host_mica_realm_add_rec(r, entry) == 0) &&
	       (host_mica_activate(r) == RMI_SUCCESS);
}

void host_mica_call_run(const struct host_mica_ops *ops)
{
	static uint64_t blob[GRANULE_SIZE / sizeof(uint64_t)];
	static const uint8_t zero_rpv[MICA_RPV_SIZE];
	const uint32_t version = CALL_VERSION;
	struct mica_test_realm a, b, s;
	uint8_t rpv[MICA_RPV_SIZE];
	unsigned long slot = 0UL;
	bool ok;

	(void)mica_fixture_copy(blob);
	(void)memcpy((uint8_t *)blob + offsetof(struct mica_blob_header,
						policy_version),
		     &version, sizeof(version));
	ok = ops->load(blob, mica_fixture_size(), rpv, &slot) == RMI_SUCCESS;
	ops->check(ok && realm_up(&a, rpv, MICA_FIX_ALPHA, alpha_code, ops),
		   "calls: the fixture loaded again (version 0xCA11), alpha running");

	ops->check(enter_fiq(&a) && refused(A_UNBOUND, ENXIO),
		   "calls: alpha -> beta while no realm holds beta refused (ENXIO), no exit");
	ops->check(refused(A_FORBIDDEN, EACCES),
		   "calls: alpha -> gamma, not in the policy, refused (EACCES), no exit");
	ops->check(refused(A_TAKE_NONE, ENOENT),
		   "calls: alpha takes from an empty mailbox: refused (ENOENT)");

	ops->check(realm_up(&b, rpv, MICA_FIX_BETA, beta_code, ops), "calls: beta running");
	ops->check(host_mica_rec_enter(&a) == RMI_SUCCESS &&
		   exit_names(&a, MICA_FIX_BETA, args),
		   "calls: alpha -> beta exits naming only beta, no argument word in the exit");
	ops->check(host_mica_rec_enter(&a) == RMI_ERROR_REC,
		   "calls: alpha cannot be entered before beta replies");
	ops->check(host_mica_rec_enter(&b) == RMI_SUCCESS &&
		   answered(B_TAKE, MICA_FIX_ALPHA, args),
		   "calls: beta takes the call: caller alpha, alpha's six words");
	ops->check(exit_names(&b, MICA_FIX_ALPHA, reply),
		   "calls: beta's reply exits naming only alpha, no reply word in the exit");
	ops->check(enter_fiq(&a) && answered(A_REPLY, 0UL, reply),
		   "calls: alpha, entered again, receives beta's six reply words");

	ops->check(host_mica_rec_enter(&b) == RMI_SUCCESS &&
		   answered(B_REPLIED, MICA_FIX_ALPHA, zeros) &&
		   exit_names(&b, MICA_FIX_ALPHA, signal),
		   "calls: beta -> alpha one-way exits naming only alpha, no argument word");
	ops->check(enter_fiq(&b) && answered(B_ONEWAY, MICA_FIX_ALPHA,
					     zeros) &&
		   refused(B_FORBIDDEN, EACCES),
		   "calls: beta's one-way call returns at once; beta -> gamma refused (EACCES)");
	ops->check(enter_fiq(&a) &&
		   answered(A_TAKE_ONEWAY, MICA_FIX_BETA | MICA_RSI_CALL_ONEWAY, signal),
		   "calls: alpha takes beta's one-way call: caller beta, one-way, its words");
	ops->check(refused(A_REPLY_ONEWAY, ENOENT),
		   "calls: alpha's reply to the one-way call refused (ENOENT), no exit");

	ops->check(realm_up(&s, zero_rpv, ~0UL, stock_code, ops) && enter_fiq(&s) &&
		   refused(S_CALL, EPERM),
		   "calls: a stock realm's RSI_MICA_CALL refused (EPERM), no exit");
}
