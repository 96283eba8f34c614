/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The realms' side of protected sharing on the emulated CCA machine
 * (nw/e2e_share.c): before trusting region frames each realm asks the RMM
 * (RSI_MICA_SHARED) what it is; camera, the owner, writes a frame; detector,
 * which borrows camera's page read-only, reads it. Any other role is told
 * frames is none of its business. Returns the number of failed
 * expectations.
 */

#include "../e2e_abi.h"
#include "realm_share.h"

#define ROLE_CAMERA	1UL
#define ROLE_DETECTOR	2UL

static unsigned long rsi_shared(unsigned long ipa, unsigned long *base,
				unsigned long *size, unsigned long *perm,
				unsigned long *who)
{
	register unsigned long x0 __asm__("x0") = RSI_MICA_SHARED;
	register unsigned long x1 __asm__("x1") = ipa;
	register unsigned long x2 __asm__("x2");
	register unsigned long x3 __asm__("x3");
	register unsigned long x4 __asm__("x4");

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "=r"(x2), "=r"(x3), "=r"(x4)
			 :
			 : "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
			   "x13", "x14", "x15", "x16", "x17", "memory");
	*base = x1;
	*size = x2;
	*perm = x3;
	*who = x4;
	return x0;
}

unsigned int realm_share(unsigned long role)
{
	unsigned long base, size, perm, who, st;
	unsigned int fails = 0;

	st = rsi_shared(E2E_FRAMES + 0x1000UL, &base, &size, &perm, &who);
	if (role == ROLE_CAMERA) {
		/* write grant, one other grantee; detector (bit 2) may read */
		fails += (st != RSI_SUCCESS) || (base != E2E_FRAMES) ||
			 (size != E2E_FRAMES_SIZE) ||
			 (perm != (MICA_PERM_WRITE | (1UL << 8))) ||
			 (who != (1UL << ROLE_DETECTOR));
		*(volatile unsigned long *)E2E_FRAMES = E2E_PIXELS;
		fails += *(volatile unsigned long *)E2E_FRAMES != E2E_PIXELS;
	} else if (role == ROLE_DETECTOR) {
		/* read grant; camera (bit 32 + 1) may write */
		fails += (st != RSI_SUCCESS) || (base != E2E_FRAMES) ||
			 (size != E2E_FRAMES_SIZE) ||
			 (perm != (MICA_PERM_READ | (1UL << 8))) ||
			 (who != (1UL << (32U + ROLE_CAMERA)));
		fails += *(volatile unsigned long *)E2E_FRAMES != E2E_PIXELS;
	} else {
		fails += st != RSI_ERROR_INPUT;
	}
	return fails;
}
