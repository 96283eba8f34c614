/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The normal-world side of the emulated CCA machine run: a bare-metal
 * program at NS-EL2 (TF-A's BL33) that drives the patched TF-RMM through a
 * governed pipeline with RMI SMCs, the way a host's KVM would, and checks
 * every row of the enforcement table both where the policy allows and where
 * it does not (docs/rmm-integration.md, "An emulated CCA machine").
 *
 * The policy is examples/policies/video_analytics.mica with our realm
 * images' RIMs as its measurements and one unprotected region added (calib,
 * read by detector); qemu-e2e.mk compiles it with micac and links the blob,
 * its RPV as micac printed it, and the realm images into this program.
 * Roles (the policy's realm table, sorted by name): aggregator 0, camera 1,
 * detector 2, model_vault 3, uploader 4.
 */

#include "../e2e_abi.h"
#include "e2e_call.h"
#include "e2e_checks.h"
#include "e2e_share.h"
#include <stdbool.h>
#include <stdint.h>

#define UART0		0x09000000UL	/* PL011 of QEMU's virt board */
#define NS_POOL		0x68000000UL	/* our NS scratch granules */
#define REALM_POOL	0x70000000UL	/* granules we delegate */
#define GRANULE		4096UL

enum { ROLE_AGGREGATOR, ROLE_CAMERA, ROLE_DETECTOR, ROLE_MODEL_VAULT,
       ROLE_UPLOADER };

extern const uint8_t e2e_img_camera[], e2e_img_detector[], e2e_img_uploader[],
	e2e_img_stock[], e2e_policy[], e2e_policy_end[], e2e_rpv[],
	e2e_rpv_end[], e2e_rim_camera[], e2e_rim_camera_end[];

void e2e_main(void);

void e2e_putc(char c)
{
	volatile uint32_t *uart = (volatile uint32_t *)UART0;

	if (c == '\n') {
		e2e_putc('\r');
	}
	while ((uart[0x18 / 4] & (1U << 5)) != 0U) {	/* FR.TXFF */
	}
	uart[0] = (uint32_t)(unsigned char)c;
}

struct smc_ret {
	unsigned long x0, x1, x2, x3;
};

static struct smc_ret smc(unsigned long fid, unsigned long a1, unsigned long a2,
			  unsigned long a3, unsigned long a4, unsigned long a5)
{
	register unsigned long x0 __asm__("x0") = fid;
	register unsigned long x1 __asm__("x1") = a1;
	register unsigned long x2 __asm__("x2") = a2;
	register unsigned long x3 __asm__("x3") = a3;
	register unsigned long x4 __asm__("x4") = a4;
	register unsigned long x5 __asm__("x5") = a5;

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
			   "+r"(x5)
			 :
			 : "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13",
			   "x14", "x15", "x16", "x17", "memory");
	return (struct smc_ret){ x0, x1, x2, x3 };
}

static unsigned long rmi(unsigned long fid, unsigned long a1, unsigned long a2,
			 unsigned long a3, unsigned long a4, unsigned long a5)
{
	return smc(fid, a1, a2, a3, a4, a5).x0;
}

/* ---- memory: MMU off, so byte-wise copies (no unaligned accesses) ---------- */
static void put64(unsigned long pa, uint64_t v)
{
	*(volatile uint64_t *)pa = v;
}

static uint64_t get64(unsigned long pa)
{
	return *(volatile uint64_t *)pa;
}

static void copy(unsigned long dst, const uint8_t *src, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		((volatile uint8_t *)dst)[i] = src[i];
	}
}

static bool equal(const uint8_t *a, const uint8_t *b, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		if (a[i] != b[i]) {
			return false;
		}
	}
	return true;
}

/* Does p[0..len) contain needle[0..n)? */
static bool contains(const uint8_t *p, unsigned long len, const uint8_t *needle,
		     unsigned long n)
{
	for (unsigned long i = 0; i + n <= len; i++) {
		if (equal(p + i, needle, n)) {
			return true;
		}
	}
	return false;
}

static bool fatal_seen;

static void fatal(const char *what, unsigned long status)
{
	e2e_puts("FATAL: ");
	e2e_puts(what);
	e2e_puts(" -> ");
	e2e_puthex(status);
	e2e_putc('\n');
	fatal_seen = true;
}

static unsigned long ns_next = NS_POOL, realm_next = REALM_POOL;

static unsigned long ns_granule(void)
{
	unsigned long pa = ns_next;

	ns_next += GRANULE;
	for (unsigned long i = 0; i < GRANULE; i += 8) {
		put64(pa + i, 0);
	}
	return pa;
}

/* n delegated granules, aligned to n granules (root RTTs need it). */
static unsigned long delegated(unsigned long n)
{
	unsigned long pa = (realm_next + n * GRANULE - 1U) & ~(n * GRANULE - 1U);

	realm_next = pa + n * GRANULE;
	for (unsigned long i = 0; i < n; i++) {
		unsigned long st = rmi(RMI_GRANULE_DELEGATE, pa + i * GRANULE,
				       0, 0, 0, 0);
		if (st != RMI_SUCCESS) {
			fatal("RMI_GRANULE_DELEGATE", st);
		}
	}
	return pa;
}

/* ---- realms ------------------------------------------------------------------ */
struct realm {
	const char *name;
	unsigned long rd, rec, run;
	struct e2e_trace trace;
	unsigned long end_fid;		/* PSCI call that ended it, or 0 */
};

static struct e2e_tally tally;

static void realm_create(struct realm *r, const char *name,
			 const uint8_t *rpv, unsigned short vmid)
{
	unsigned long params = ns_granule();
	unsigned long rtt = delegated(2);
	unsigned long st;

	r->name = name;
	r->rd = delegated(1);
	put64(params + REALM_PARAMS_FLAGS0, 0);
	put64(params + REALM_PARAMS_S2SZ, E2E_IPA_BITS);
	put64(params + REALM_PARAMS_NUM_BPS, 1);
	put64(params + REALM_PARAMS_NUM_WPS, 1);
	put64(params + REALM_PARAMS_ALGORITHM, RMI_HASH_SHA_256);
	if (rpv != (const uint8_t *)0) {
		copy(params + REALM_PARAMS_RPV, rpv, 64);
	}
	put64(params + REALM_PARAMS_VMID, vmid);
	put64(params + REALM_PARAMS_RTT_BASE, rtt);
	put64(params + REALM_PARAMS_RTT_LEVEL, 1);
	put64(params + REALM_PARAMS_RTT_NUM, 2);
	st = rmi(RMI_REALM_CREATE, r->rd, params, 0, 0, 0);
	if (st != RMI_SUCCESS) {
		fatal("RMI_REALM_CREATE", st);
		return;
	}
	/* Tables down to pages for the image and for every unprotected page
	 * the run maps or touches. */
	static const struct { unsigned long ipa; long level; } tables[] = {
		{ 0, 2 }, { 0, 3 },
		{ E2E_SENSOR_DMA, 2 }, { E2E_SENSOR_DMA, 3 },
		{ E2E_CALIB, 3 }, { E2E_NO_REGION, 3 },
	};
	for (unsigned int i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		st = rmi(RMI_RTT_CREATE, r->rd, delegated(1), tables[i].ipa,
			 (unsigned long)tables[i].level, 0);
		if (st != RMI_SUCCESS) {
			fatal("RMI_RTT_CREATE", st);
		}
	}
}

static void realm_populate(struct realm *r, const uint8_t *image)
{
	for (unsigned long i = 0; i < E2E_IMAGE_PAGES; i++) {
		unsigned long st = rmi(RMI_DATA_CREATE, r->rd, delegated(1),
				       i * GRANULE,
				       (unsigned long)image + i * GRANULE,
				       1 /* RMI_MEASURE_CONTENT */);
		if (st != RMI_SUCCESS) {
			fatal("RMI_DATA_CREATE", st);
		}
	}
}

static void rec_create(struct realm *r)
{
	unsigned long params = ns_granule();
	struct smc_ret aux = smc(RMI_REC_AUX_COUNT, r->rd, 0, 0, 0, 0);
	unsigned long st;

	r->rec = delegated(1);
	r->run = ns_granule();
	put64(params + REC_PARAMS_FLAGS, REC_PARAMS_FLAG_RUNNABLE);
	put64(params + REC_PARAMS_MPIDR, 0);
	put64(params + REC_PARAMS_PC, 0);
	put64(params + REC_PARAMS_NUM_AUX, aux.x1);
	for (unsigned long i = 0; i < aux.x1; i++) {
		put64(params + REC_PARAMS_AUX + 8 * i, delegated(1));
	}
	st = rmi(RMI_REC_CREATE, r->rd, r->rec, params, 0, 0);
	if (st != RMI_SUCCESS) {
		fatal("RMI_REC_CREATE", st);
	}
}

static bool map_ns(struct realm *r, unsigned long ipa, unsigned long pa,
		   unsigned long s2ap)
{
	return rmi(RMI_RTT_MAP_UNPROTECTED, r->rd, ipa, 3,
		   pa | S2TTE_NS_NORMAL_WB | s2ap, 0) == RMI_SUCCESS;
}

static bool bind(struct realm *r, unsigned long role)
{
	return rmi(RMI_MICA_REALM_BIND, r->rd, role, 0, 0, 0) == RMI_SUCCESS;
}

static bool activate(struct realm *r)
{
	return rmi(RMI_REALM_ACTIVATE, r->rd, 0, 0, 0, 0) == RMI_SUCCESS;
}

/* Enter the REC until the realm ends (PSCI), recording what each exit
 * carried; stores and loads on unprotected IPAs are emulated (loads read
 * 0), host calls answered with their own registers. */
static void realm_run(struct realm *r)
{
	for (unsigned int i = 0; i < 64U; i++) {
		unsigned long st = rmi(RMI_REC_ENTER, r->rec, r->run, 0, 0, 0);
		unsigned long reason = get64(r->run + REC_RUN_EXIT_REASON);
		struct e2e_exit x = { .reason = reason };

		put64(r->run + REC_RUN_ENTER_FLAGS, 0);
		if (e2e_call_waits(st, &r->trace)) {
			return;	/* until its callee replied: e2e_main resumes it */
		}
		if (st != RMI_SUCCESS) {
			fatal("RMI_REC_ENTER", st);
			return;
		}
		if (reason == RMI_EXIT_SYNC) {
			unsigned long esr = get64(r->run + REC_RUN_EXIT_ESR);

			if ((ESR_EC(esr) != ESR_EC_DABT_LOWER) ||
			    ((esr & ESR_ISV) == 0U)) {
				fatal("unexpected synchronous exit, ESR", esr);
				return;
			}
			x.ipa = e2e_hpfar_ipa(get64(r->run + REC_RUN_EXIT_HPFAR));
			x.write = (esr & ESR_WNR) != 0U;
			x.value = x.write ? get64(r->run + REC_RUN_EXIT_GPRS) : 0;
			put64(r->run + REC_RUN_ENTER_GPRS, 0);
			put64(r->run + REC_RUN_ENTER_FLAGS,
			      REC_ENTRY_FLAG_EMUL_MMIO);
		} else if (reason == RMI_EXIT_HOST_CALL) {
			x.imm = get64(r->run + REC_RUN_EXIT_IMM) & 0xffffffffUL;
			x.value = get64(r->run + REC_RUN_EXIT_GPRS);
			for (unsigned int g = 0; g < 31U; g++) {
				put64(r->run + REC_RUN_ENTER_GPRS + 8 * g,
				      get64(r->run + REC_RUN_EXIT_GPRS + 8 * g));
			}
		} else if (reason == RMI_EXIT_PSCI) {
			r->end_fid = get64(r->run + REC_RUN_EXIT_GPRS);
			return;
		} else if (e2e_call_exit(r->name, r->run, reason, &r->trace)) {
		} else if ((reason != RMI_EXIT_IRQ) && (reason != RMI_EXIT_FIQ)) {
			fatal("unexpected REC exit", reason);
			return;
		}
		if ((reason == RMI_EXIT_SYNC) || (reason == RMI_EXIT_HOST_CALL)) {
			e2e_puts("  exit: ");
			e2e_puts(r->name);
			e2e_puts(reason == RMI_EXIT_SYNC ?
				 (x.write ? " store to IPA " : " load from IPA ") :
				 " host call, imm ");
			e2e_puthex(reason == RMI_EXIT_SYNC ? x.ipa : x.imm);
			e2e_puts(", value ");
			e2e_puthex(x.value);
			e2e_putc('\n');
			e2e_trace_add(&r->trace, &x);
		}
	}
	fatal("realm did not end", 0);
}

/* The realm's own checks (REALM_INFO, token, the RSI answers and injected
 * aborts it saw) all held: it ended with SYSTEM_OFF. */
static void check_realm_verdict(struct realm *r, const char *what)
{
	e2e_check(&tally, r->name, what, r->end_fid == PSCI_SYSTEM_OFF);
}

/* After a fatal error the run cannot go on: the count so far, and stop. */
static bool stopped(void)
{
	if (fatal_seen) {
		(void)e2e_summary(&tally);
	}
	return fatal_seen;
}

static bool stored(struct realm *r, unsigned long ipa)
{
	unsigned long v;

	return e2e_trace_store_at(&r->trace, ipa, &v);
}

void e2e_main(void)
{
	static struct realm camera, second, detector, uploader, impostor,
		unbound, stock;
	static const uint8_t no_rpv[64];
	uint8_t rpv[64];
	struct smc_ret ret;
	unsigned long params, blob_len = (unsigned long)(e2e_policy_end - e2e_policy);
	unsigned long dma0, dma1, calib, det_dev;
	bool ok;

	e2e_puts("\ne2e: Mica on TF-RMM, emulated CCA machine\n");
	{
		unsigned long dfr0;

		/* TF-RMM's Debug build asserts PMUv3p7 (PMUVer 7) or later */
		__asm__ volatile("mrs %0, id_aa64dfr0_el1" : "=r"(dfr0));
		e2e_puts("e2e: ID_AA64DFR0_EL1.PMUVer ");
		e2e_puthex((dfr0 >> 8) & 0xfUL);
		e2e_putc('\n');
	}
	ret = smc(RMI_VERSION, 0x10000UL, 0, 0, 0, 0);
	e2e_puts("e2e: RMI_VERSION status ");
	e2e_puthex(ret.x0);
	e2e_puts(" lower ");
	e2e_puthex(ret.x1);
	e2e_puts(" higher ");
	e2e_puthex(ret.x2);
	e2e_putc('\n');

	/* ---- RMI_MICA_POLICY_LOAD: the RMM's RPV must be micac's ---- */
	params = ns_granule();
	put64(params + LOAD_PARAMS_SIZE, blob_len);
	for (unsigned long off = 0, i = 0; off < blob_len; off += GRANULE, i++) {
		unsigned long g = ns_granule();
		unsigned long n = (blob_len - off < GRANULE) ? blob_len - off : GRANULE;

		copy(g, e2e_policy + off, n);
		put64(params + LOAD_PARAMS_GRANULES + 8 * i, g);
	}
	ret = smc(RMI_MICA_POLICY_LOAD, params, 0, 0, 0, 0);
	for (unsigned int i = 0; i < 64U; i++) {
		rpv[i] = *(volatile uint8_t *)(params + LOAD_PARAMS_RPV + i);
	}
	e2e_puts("e2e: policy blob ");
	e2e_putdec(blob_len);
	e2e_puts(" bytes, RMI_MICA_POLICY_LOAD status ");
	e2e_puthex(ret.x0);
	e2e_puts(", slot ");
	e2e_putdec(ret.x1);
	e2e_putc('\n');
	e2e_hexdump("e2e: RPV (RMM)   ", rpv, 64);
	e2e_hexdump("e2e: RPV (micac) ", e2e_rpv, 64);
	ok = (ret.x0 == RMI_SUCCESS) && (ret.x1 != 0U) &&
	     (e2e_rpv_end - e2e_rpv == 64) && equal(rpv, e2e_rpv, 64);
	e2e_check(&tally, "host", "RMI_MICA_POLICY_LOAD: loaded, RPV == micac hash --rpv", ok);
	/* Go on without a policy too: an RMM without the integration then
	 * shows, row by row, what it lets through. */

	/* ---- realms: create, bind, populate ---- */
	realm_create(&camera, "camera", e2e_rpv, 1);
	realm_create(&second, "second", e2e_rpv, 2);
	realm_create(&detector, "detector", e2e_rpv, 3);
	realm_create(&uploader, "uploader", e2e_rpv, 4);
	realm_create(&impostor, "impostor", e2e_rpv, 5);
	realm_create(&unbound, "unbound", e2e_rpv, 6);
	realm_create(&stock, "stock", no_rpv, 7);
	if (stopped()) {
		return;
	}

	e2e_check_op(&tally, "camera", "RMI_MICA_REALM_BIND role camera",
		     true, bind(&camera, ROLE_CAMERA));
	e2e_check_op(&tally, "second", "RMI_MICA_REALM_BIND role camera, already bound to another realm",
		     false, bind(&second, ROLE_CAMERA));
	e2e_check_op(&tally, "detector", "RMI_MICA_REALM_BIND role detector",
		     true, bind(&detector, ROLE_DETECTOR));
	e2e_check_op(&tally, "uploader", "RMI_MICA_REALM_BIND role uploader",
		     true, bind(&uploader, ROLE_UPLOADER));
	e2e_check_op(&tally, "impostor", "RMI_MICA_REALM_BIND role model_vault",
		     true, bind(&impostor, ROLE_MODEL_VAULT));
	e2e_check_op(&tally, "stock", "RMI_MICA_REALM_BIND (realm not governed)",
		     false, bind(&stock, ROLE_AGGREGATOR));

	realm_populate(&camera, e2e_img_camera);
	realm_populate(&detector, e2e_img_detector);
	realm_populate(&uploader, e2e_img_uploader);
	realm_populate(&impostor, e2e_img_uploader);	/* not model_vault's code */
	realm_populate(&unbound, e2e_img_uploader);
	realm_populate(&stock, e2e_img_stock);

	/* ---- unprotected mappings ---- */
	dma0 = ns_granule();
	dma1 = ns_granule();
	calib = ns_granule();
	det_dev = ns_granule();
	put64(calib, E2E_CALIB_MAGIC);
	e2e_check_op(&tally, "camera", "RMI_RTT_MAP_UNPROTECTED sensor_dma read-write (readwrite grant)",
		     true, map_ns(&camera, E2E_SENSOR_DMA, dma0, S2TTE_S2AP_R | S2TTE_S2AP_W) &&
			   map_ns(&camera, E2E_SENSOR_DMA + GRANULE, dma1, S2TTE_S2AP_R | S2TTE_S2AP_W));
	e2e_check_op(&tally, "camera", "RMI_RTT_MAP_UNPROTECTED calib read-only (no grant to camera)",
		     false, map_ns(&camera, E2E_CALIB, calib, S2TTE_S2AP_R));
	/* calib's second page, so that a read-write mapping wrongly allowed
	 * cannot stand in the way of the read-only one of the first */
	e2e_check_op(&tally, "detector", "RMI_RTT_MAP_UNPROTECTED calib read-write (read grant)",
		     false, map_ns(&detector, E2E_CALIB + GRANULE, ns_granule(),
				   S2TTE_S2AP_R | S2TTE_S2AP_W));
	e2e_check_op(&tally, "detector", "RMI_RTT_MAP_UNPROTECTED calib read-only (read grant)",
		     true, map_ns(&detector, E2E_CALIB, calib, S2TTE_S2AP_R));
	e2e_check_op(&tally, "detector", "RMI_RTT_MAP_UNPROTECTED outside every region",
		     false, map_ns(&detector, E2E_NO_REGION, det_dev, S2TTE_S2AP_R | S2TTE_S2AP_W));
	e2e_check_op(&tally, "unbound", "RMI_RTT_MAP_UNPROTECTED calib read-only (role not bound)",
		     false, map_ns(&unbound, E2E_CALIB, calib, S2TTE_S2AP_R));
	e2e_check_op(&tally, "stock", "RMI_RTT_MAP_UNPROTECTED outside every region (not governed)",
		     true, map_ns(&stock, E2E_NO_REGION + GRANULE, ns_granule(), S2TTE_S2AP_R | S2TTE_S2AP_W));

	e2e_share_setup(&(const struct e2e_host){ rmi, delegated, ns_granule, &tally },
			&(const struct e2e_share_realms){ camera.rd, detector.rd, uploader.rd, stock.rd, ret.x1, 0, 0 });

	/* ---- RECs and activation ---- */
	rec_create(&camera);
	rec_create(&detector);
	rec_create(&uploader);
	rec_create(&impostor);
	rec_create(&unbound);
	rec_create(&stock);
	if (stopped()) {
		return;
	}
	e2e_check_op(&tally, "camera", "RMI_REALM_ACTIVATE, RIM == camera's measurement",
		     true, activate(&camera));
	e2e_check_op(&tally, "detector", "RMI_REALM_ACTIVATE, RIM == detector's measurement",
		     true, activate(&detector));
	e2e_check_op(&tally, "uploader", "RMI_REALM_ACTIVATE (role without measurement)",
		     true, activate(&uploader));
	e2e_check_op(&tally, "impostor", "RMI_REALM_ACTIVATE, uploader's image bound as model_vault (wrong RIM)",
		     false, activate(&impostor));
	e2e_check_op(&tally, "unbound", "RMI_REALM_ACTIVATE, governed but never bound",
		     false, activate(&unbound));
	e2e_check_op(&tally, "stock", "RMI_REALM_ACTIVATE (not governed)",
		     true, activate(&stock));

	/* ---- run the realms ---- */
	realm_run(&camera);
	realm_run(&detector);
	realm_run(&uploader);
	if (camera.end_fid == 0) {
		realm_run(&camera);	/* uploader replied to its call */
	}
	realm_run(&stock);
	if (stopped()) {
		return;
	}

	{
		unsigned long len = 0;
		bool got = e2e_trace_store_at(&camera.trace, E2E_NO_REGION, &len);

		e2e_check_op(&tally, "camera", "MMIO exit carrying a stored value (mmio)",
			     true, got);
		e2e_check(&tally, "camera", "token in sensor_dma, length from the MMIO exit, CBOR tag 399 (CCA token)",
			  got && (len > 3U) && (len <= 2U * GRANULE) &&
			  (*(volatile uint8_t *)dma0 == 0xd9) &&
			  (*(volatile uint8_t *)(dma0 + 1) == 0x01) &&
			  (*(volatile uint8_t *)(dma0 + 2) == 0x8f));
		/* The realm token's claims are a CBOR map in a byte string:
		 * the RPV and RIM appear as they are. */
		e2e_check(&tally, "camera", "token carries the policy's RPV and the RIM rim.py computed for camera's image",
			  got && (len <= 2U * GRANULE) &&
			  contains((const uint8_t *)dma0, len, e2e_rpv, 64) &&
			  (e2e_rim_camera_end - e2e_rim_camera == 32) &&
			  contains((const uint8_t *)dma0, len, e2e_rim_camera, 32));
		if (got && (len <= 2U * GRANULE)) {
			e2e_puts("token: camera ");
			e2e_putdec(len);
			e2e_puts(" bytes\n");
			e2e_hexdump("token: ", (const uint8_t *)dma0, len);
		}
	}
	e2e_check_op(&tally, "camera", "RSI_HOST_CALL (no hostcall)", false,
		     e2e_trace_find(&camera.trace, RMI_EXIT_HOST_CALL) != 0);
	check_realm_verdict(&camera, "in realm: REALM_INFO governed+bound role 1, token, RSI_HOST_CALL -> RSI_ERROR_INPUT");

	/* A stored value reaches the host in an exit, or, had a mapping been
	 * wrongly allowed, in the NS page behind it. */
	e2e_check_op(&tally, "detector", "store to calib, mapped read-only (read grant)", false,
		     stored(&detector, E2E_CALIB) || (get64(calib + 8) == E2E_STORE_VALUE));
	e2e_check_op(&tally, "detector", "MMIO exit carrying a stored value (no mmio)", false,
		     stored(&detector, E2E_NO_REGION) || (get64(det_dev) == E2E_STORE_VALUE));
	e2e_check_op(&tally, "detector", "RSI_HOST_CALL (no hostcall)", false,
		     e2e_trace_find(&detector.trace, RMI_EXIT_HOST_CALL) != 0);
	check_realm_verdict(&detector, "in realm: REALM_INFO governed+bound role 2, token, calib reads the host's value, both stores aborted, RSI_HOST_CALL -> RSI_ERROR_INPUT");

	{
		const struct e2e_exit *hc = e2e_trace_find(&uploader.trace, RMI_EXIT_HOST_CALL);

		e2e_check_op(&tally, "uploader", "RSI_HOST_CALL (hostcall)", true, hc != 0);
		e2e_check(&tally, "uploader", "host call reports REALM_INFO governed+bound, role 4",
			  (hc != 0) && (hc->imm == E2E_HC_REPORT) &&
			  (hc->value == (MICA_INFO_GOVERNED | MICA_INFO_BOUND)));
	}
	e2e_check_op(&tally, "uploader", "MMIO exit carrying a stored value (no mmio)", false,
		     stored(&uploader, E2E_NO_REGION));
	check_realm_verdict(&uploader, "in realm: REALM_INFO governed+bound role 4, token, store aborted, RSI_HOST_CALL -> RSI_SUCCESS");

	e2e_check_op(&tally, "stock", "RSI_HOST_CALL (not governed)", true,
		     e2e_trace_find(&stock.trace, RMI_EXIT_HOST_CALL) != 0);
	e2e_check_op(&tally, "stock", "MMIO exit carrying a stored value (not governed)", true,
		     stored(&stock, E2E_NO_REGION));
	check_realm_verdict(&stock, "in realm: REALM_INFO not governed, token, RSI_HOST_CALL -> RSI_SUCCESS");
	{
		const struct e2e_trace *const tr[E2E_CALL_REALMS] = {
			&camera.trace, &detector.trace, &uploader.trace, &stock.trace };
		const bool off[E2E_CALL_REALMS] = {
			camera.end_fid == PSCI_SYSTEM_OFF, detector.end_fid == PSCI_SYSTEM_OFF,
			uploader.end_fid == PSCI_SYSTEM_OFF, stock.end_fid == PSCI_SYSTEM_OFF };

		e2e_call_checks(&tally, tr, off);
	}
	e2e_share_end(&(const struct e2e_host){ rmi, delegated, ns_granule, &tally },
		      &(const struct e2e_share_realms){ camera.rd, detector.rd, uploader.rd, stock.rd, 0, camera.end_fid, detector.end_fid });

	(void)e2e_summary(&tally);
}
