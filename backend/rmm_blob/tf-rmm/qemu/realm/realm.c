/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * A realm payload for the emulated CCA machine (docs/rmm-integration.md,
 * "An emulated CCA machine"). One source, one image per role, chosen with
 * -DE2E_ROLE_<name>; the images differ in bytes, so in RIM.
 *
 * Each realm asks RSI_MICA_REALM_INFO, requests an attestation token, and
 * then tries what its role may and may not do. It checks every answer it
 * can see itself (RSI status codes, whether the RMM injected an abort) and
 * ends with PSCI SYSTEM_OFF when all were as its role predicts, SYSTEM_RESET
 * otherwise. What reaches the host (exits, their values) is checked by the
 * normal-world driver, nw/e2e_main.c.
 */

#include "../e2e_abi.h"
#include "realm_call.h"
#include "realm_share.h"
#include <stdint.h>

#if defined(E2E_ROLE_CAMERA)		/* mmio, sensor_dma rw */
#define GOVERNED 1
#define ROLE	 1
#define HOSTCALL 0
#define MMIO	 1
#elif defined(E2E_ROLE_DETECTOR)	/* calib read (the added region) */
#define GOVERNED 1
#define ROLE	 2
#define HOSTCALL 0
#define MMIO	 0
#elif defined(E2E_ROLE_MODEL_VAULT)	/* hostcall */
#define GOVERNED 1
#define ROLE	 3
#define HOSTCALL 1
#define MMIO	 0
#elif defined(E2E_ROLE_UPLOADER)	/* hostcall */
#define GOVERNED 1
#define ROLE	 4
#define HOSTCALL 1
#define MMIO	 0
#elif defined(E2E_ROLE_STOCK)		/* not governed: stock RMM behaviour */
#define GOVERNED 0
#define ROLE	 0
#define HOSTCALL 1
#define MMIO	 1
#else
#error "define E2E_ROLE_CAMERA, _DETECTOR, _MODEL_VAULT, _UPLOADER or _STOCK"
#endif

extern volatile uint64_t e2e_aborts;	/* start.S: injected aborts taken */
extern uint8_t token_buf[];		/* realm.ld: two granules */

struct ret {
	unsigned long x0, x1, x2, x3;
};

static struct ret smc(unsigned long fid, unsigned long a1, unsigned long a2,
		      unsigned long a3)
{
	register unsigned long x0 __asm__("x0") = fid;
	register unsigned long x1 __asm__("x1") = a1;
	register unsigned long x2 __asm__("x2") = a2;
	register unsigned long x3 __asm__("x3") = a3;

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
			 :
			 : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
			   "x12", "x13", "x14", "x15", "x16", "x17", "memory");
	return (struct ret){ x0, x1, x2, x3 };
}

/* RSI_ATTEST_TOKEN_INIT: the 64-byte challenge in X1..X8. */
static struct ret token_init(void)
{
	register unsigned long x0 __asm__("x0") = RSI_ATTEST_TOKEN_INIT;
	register unsigned long x1 __asm__("x1") = 0x3265652d6163696dUL;
	register unsigned long x2 __asm__("x2") = ROLE;
	register unsigned long x3 __asm__("x3") = 3;
	register unsigned long x4 __asm__("x4") = 4;
	register unsigned long x5 __asm__("x5") = 5;
	register unsigned long x6 __asm__("x6") = 6;
	register unsigned long x7 __asm__("x7") = 7;
	register unsigned long x8 __asm__("x8") = 8;

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
			   "+r"(x5), "+r"(x6), "+r"(x7), "+r"(x8)
			 :
			 : "x9", "x10", "x11", "x12", "x13", "x14", "x15",
			   "x16", "x17", "memory");
	return (struct ret){ x0, x1, 0, 0 };
}

/* Single-register accesses, so that a trapped one has a valid syndrome. */
static void store64(unsigned long ipa, unsigned long v)
{
	__asm__ volatile("str %0, [%1]" : : "r"(v), "r"(ipa) : "memory");
}

static __attribute__((unused)) unsigned long load64(unsigned long ipa)
{
	unsigned long v;

	__asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(ipa) : "memory");
	return v;
}

static unsigned int fails;

static void expect(int ok)
{
	if (!ok) {
		fails++;
	}
}

/* A store the role may or may not get out: refused means the RMM injected
 * an abort into the realm instead of exiting to the host. */
static void try_store(unsigned long ipa, unsigned long v, int may_exit)
{
	uint64_t before = e2e_aborts;

	store64(ipa, v);
	expect((e2e_aborts == before) == (may_exit != 0));
}

/* The CCA token into token_buf; its length, 0 on failure. */
static unsigned long get_token(void)
{
	const unsigned long cap = 2UL * 4096UL;
	unsigned long len = 0;
	struct ret r = token_init();

	if (r.x0 != RSI_SUCCESS) {
		return 0;
	}
	do {
		unsigned long page = ((unsigned long)token_buf + len) & ~0xfffUL;
		unsigned long off = len & 0xfffUL;

		r = smc(RSI_ATTEST_TOKEN_CONTINUE, page, off, 4096UL - off);
		if ((r.x0 == RSI_SUCCESS) || (r.x0 == RSI_INCOMPLETE)) {
			len += r.x1;
		}
	} while ((r.x0 == RSI_INCOMPLETE) && (len < cap));
	return (r.x0 == RSI_SUCCESS) ? len : 0;
}

void realm_main(void);

void realm_main(void)
{
	static uint64_t hc[32] __attribute__((aligned(256)));
	struct ret info = smc(RSI_MICA_REALM_INFO, 0, 0, 0);
	unsigned long token_len;

	expect(info.x0 == RSI_SUCCESS);
	expect(info.x1 == (GOVERNED ? (MICA_INFO_GOVERNED | MICA_INFO_BOUND) : 0UL));
	expect(info.x2 == ROLE);

	token_len = get_token();
	expect(token_len > 0);

#if defined(E2E_ROLE_CAMERA)
	/*
	 * The token out through the granted read-write region (mapped by the
	 * host: no exit), its length through an MMIO exit (mmio).
	 */
	for (unsigned long i = 0; i < token_len; i += 8) {
		store64(E2E_SENSOR_DMA + i, load64((unsigned long)token_buf + i));
	}
	try_store(E2E_NO_REGION, token_len, MMIO);
#elif defined(E2E_ROLE_DETECTOR)
	/*
	 * calib is mapped read-only: reading it works, storing to it must not
	 * carry the value to the host; a device outside every region neither.
	 */
	{
		uint64_t before = e2e_aborts;

		expect(load64(E2E_CALIB) == E2E_CALIB_MAGIC);
		expect(e2e_aborts == before);
	}
	try_store(E2E_CALIB + 8, E2E_STORE_VALUE, 0);
	try_store(E2E_NO_REGION, E2E_STORE_VALUE, MMIO);
#else
	try_store(E2E_NO_REGION, E2E_STORE_VALUE, MMIO);
#endif

	/*
	 * Sharing before calls: camera's two-way call holds it until
	 * uploader replies, and the host runs detector meanwhile, which reads
	 * the frame camera must have written by then.
	 */
	fails += realm_share(ROLE);
	expect(realm_call(ROLE, GOVERNED));

	/* A host call: the report of a role with hostcall, refused otherwise. */
	hc[0] = E2E_HC_REPORT;
	hc[1] = info.x1;
	hc[2] = info.x2;
	hc[3] = token_len;
	hc[4] = e2e_aborts;
	{
		struct ret r = smc(RSI_HOST_CALL, (unsigned long)hc, 0, 0);

		expect(r.x0 == (HOSTCALL ? RSI_SUCCESS : RSI_ERROR_INPUT));
	}

	smc((fails == 0U) ? PSCI_SYSTEM_OFF : PSCI_SYSTEM_RESET, 0, 0, 0);
	for (;;) {
	}
}
