/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Realm calls on the emulated CCA machine (docs/rmm-integration.md). The
 * policy has `call camera -> detector oneway` and (added by e2e_policy.sh)
 * `call camera -> uploader`, and no other call from these roles; aggregator
 * is bound to no realm in the run. camera calls detector one-way with six
 * words, then uploader two-way with six others and waits for the reply;
 * detector, run after it, takes its words, and its reply (to a one-way
 * call), its call to uploader (not in the policy) and to aggregator (no
 * realm holds it) are refused; uploader takes camera's words and replies
 * with six of its own; the stock realm's call is refused. Each realm checks
 * what it sees; what reaches the host is checked by nw/e2e_call.c.
 */

#include "../e2e_abi.h"
#include "realm_call.h"

#define ROLE_AGGREGATOR	0UL
#define ROLE_CAMERA	1UL
#define ROLE_DETECTOR	2UL
#define ROLE_UPLOADER	4UL

/* X0..X7 of an RSI call that takes X1..X7. */
struct regs8 {
	unsigned long x[8];
};

static struct regs8 rsi(unsigned long fid, unsigned long x1,
			const unsigned long w[6])
{
	register unsigned long x0 __asm__("x0") = fid;
	register unsigned long r1 __asm__("x1") = x1;
	register unsigned long r2 __asm__("x2") = w[0];
	register unsigned long r3 __asm__("x3") = w[1];
	register unsigned long r4 __asm__("x4") = w[2];
	register unsigned long r5 __asm__("x5") = w[3];
	register unsigned long r6 __asm__("x6") = w[4];
	register unsigned long r7 __asm__("x7") = w[5];

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4),
			   "+r"(r5), "+r"(r6), "+r"(r7)
			 :
			 : "x8", "x9", "x10", "x11", "x12", "x13", "x14",
			   "x15", "x16", "x17", "memory");
	return (struct regs8){ { x0, r1, r2, r3, r4, r5, r6, r7 } };
}

static const unsigned long zeros[6];

/* E2E_CALL_WORD(first .. first + 5) */
static void words(unsigned long w[6], unsigned long first)
{
	for (unsigned int i = 0; i < 6U; i++) {
		w[i] = E2E_CALL_WORD(first + i);
	}
}

/* X0 RSI_SUCCESS, X1 x1, X2..X7 E2E_CALL_WORD(first ..)? */
static int answered(struct regs8 r, unsigned long x1, unsigned long first)
{
	int ok = (r.x[0] == RSI_SUCCESS) && (r.x[1] == x1);

	for (unsigned int i = 0; i < 6U; i++) {
		ok &= (r.x[2U + i] == E2E_CALL_WORD(first + i));
	}
	return ok;
}

/* Refused with the decision's errno err? */
static int refused(struct regs8 r, unsigned long err)
{
	return (r.x[0] == RSI_ERROR_INPUT) && (r.x[1] == err);
}

int realm_call(unsigned long role, int governed)
{
	unsigned long w[6];
	struct regs8 r;
	int ok = 1;

	if (!governed) {	/* no role, so no call */
		words(w, 0);
		return refused(rsi(RSI_MICA_CALL, ROLE_DETECTOR, w), MICA_EPERM);
	}
	if (role == ROLE_CAMERA) {
		words(w, 0);
		r = rsi(RSI_MICA_CALL, ROLE_DETECTOR, w);
		ok &= (r.x[0] == RSI_SUCCESS) && (r.x[1] == ROLE_DETECTOR);
		/* returns once the host entered uploader and it replied */
		words(w, 6);
		return ok & answered(rsi(RSI_MICA_CALL, ROLE_UPLOADER, w), 0, 12);
	}
	if (role == ROLE_UPLOADER) {
		ok &= answered(rsi(RSI_MICA_CALL_TAKE, 0, zeros), ROLE_CAMERA, 6);
		words(w, 12);
		r = rsi(RSI_MICA_CALL_REPLY, 0, w);
		return ok & (r.x[0] == RSI_SUCCESS) & (r.x[1] == ROLE_CAMERA);
	}
	if (role != ROLE_DETECTOR) {
		return 1;
	}
	ok &= answered(rsi(RSI_MICA_CALL_TAKE, 0, zeros),
		       ROLE_CAMERA | MICA_CALL_ONEWAY, 0);
	ok &= refused(rsi(RSI_MICA_CALL_REPLY, 0, zeros), MICA_ENOENT);
	ok &= refused(rsi(RSI_MICA_CALL, ROLE_UPLOADER, zeros), MICA_EACCES);
	ok &= refused(rsi(RSI_MICA_CALL, ROLE_AGGREGATOR, zeros), MICA_ENXIO);
	return ok;
}
