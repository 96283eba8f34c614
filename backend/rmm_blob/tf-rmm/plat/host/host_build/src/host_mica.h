/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * What the Mica host-build test (host_mica.c) uses from the fake host
 * beyond its headers.
 */

#ifndef HOST_MICA_H
#define HOST_MICA_H

#include <host_realm.h>
#include <host_utils.h>
#include <smc.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A zeroed NS granule of the fake host (host_setup.c). */
void *allocate_granule(void);

/*
 * The RMM's RMI entry point (runtime/core/handler.c), as the harness's
 * host_rmi_wrappers.c declares it.
 */
void handle_ns_smc(unsigned int function_id, unsigned long arg0,
		   unsigned long arg1, unsigned long arg2, unsigned long arg3,
		   unsigned long arg4, unsigned long arg5,
		   struct smc_result *res);

/* S2AP of an unprotected RTT entry: bit 6 read, bit 7 write (MICA_S2AP_* of
 * mica_decide.h, which a stock tree has not got; host_mica.c checks they
 * agree).
 */
#define S2AP_RO		(1UL << 6)
#define S2AP_RW		(3UL << 6)
/* A value a realm stores to unprotected memory, to find in an exit. */
#define STORE_VALUE	0x5EC2E7C0FFEEUL
/* ESR of a data abort the RMM treats as emulated MMIO: ISV, 64-bit access
 * (SAS 3), source register x0, translation fault level 3; WnR for a store.
 */
#define DABT_ESR	(ESR_EL2_EC_DATA_ABORT | ESR_EL2_ABORT_ISV_BIT | \
			 (3UL << 22) | 0x7UL)
#define DABT_WNR	(1UL << 6)

/* A test realm: the harness's, plus RTTs for the unprotected window. */
#define NS_RTT_LEVELS	3U	/* RTTs for levels 1..3 at MICA_FIX_NS_BASE */
struct mica_test_realm {
	struct host_realm h;
	void *ns_rtts[NS_RTT_LEVELS];
	void *data;	/* the granule at REALM_BUFFER_IPA */
};

/* ---- host_mica_realm.c: realms through the stock RMI ---- */

/* A delegated granule in *g; the RMI status. */
unsigned long host_mica_delegated(void **g);

/* REALM_CREATE with the given RPV, plus RTTs for IPA 0 and the NS window. */
int host_mica_realm_create(struct mica_test_realm *r, const uint8_t *rpv);

/* A data granule at REALM_BUFFER_IPA and one REC starting at entry. */
int host_mica_realm_add_rec(struct mica_test_realm *r,
			    realm_entrypoint_t entry);
/* The same, with the REC's pc (which the RIM measures) given as a number. */
int host_mica_realm_add_rec_pc(struct mica_test_realm *r, unsigned long pc);

/* RMI_RTT_MAP_UNPROTECTED of a fresh NS granule at ipa, level 3. */
unsigned long host_mica_map_ns(struct mica_test_realm *r, unsigned long ipa,
			       unsigned long s2ap);

unsigned long host_mica_activate(struct mica_test_realm *r);

/* REC_ENTER, logging what the exit hands the host. */
unsigned long host_mica_rec_enter(struct mica_test_realm *r);

/* Realm code: back to the host with an FIQ. */
int host_mica_realm_done(unsigned long *regs, unsigned long *sp);

/* Realm code: faults on unprotected ipa with x0 = STORE_VALUE, a store
 * (wnr = DABT_WNR) or a load (0). If the RMM reports it to the host, the
 * realm resumes at next.
 */
int host_mica_ns_fault(unsigned long *regs, unsigned long ipa,
		       unsigned long wnr, realm_entrypoint_t next);

/* Gives the fake host the system registers the abort path reads. */
int host_mica_model_abort_sysregs(void);

/* ---- host_mica_call.c: realm calls ---- */

/* What host_mica.c lends the tests in other files. */
struct host_mica_ops {
	void (*check)(bool ok, const char *what);	/* one MICA line */
	unsigned long (*load)(const void *blob, size_t size, uint8_t rpv[64],
			      unsigned long *slot);	/* POLICY_LOAD */
	unsigned long (*bind)(struct mica_test_realm *r, unsigned long role);
};

void host_mica_call_run(const struct host_mica_ops *ops);

/* ---- host_mica_share.c ---- */

/* The MECID host_mica_realm_create() gives the next realm (default 0). */
extern unsigned long host_mica_mecid;

typedef void (*host_mica_check_fn)(bool ok, const char *what);
/* RMI_MICA_POLICY_LOAD of blob from NS granules: the status, the RPV and
 * the slot.
 */
typedef unsigned long (*host_mica_load_fn)(const void *blob, size_t size,
					   uint8_t rpv[64],
					   unsigned long *slot);

/* Sharing and unload, with host_mica.c's check and loader. */
void host_mica_share_run(host_mica_check_fn check, host_mica_load_fn load);

/* ---- host_mica_cost.c ---- */

/* How the cost driver governs its realms: load the fixture policy (its RPV
 * in rpv) and bind a realm to a role. host_mica.c has the Mica ones.
 */
struct host_mica_cost_ops {
	void (*load)(uint8_t rpv[64]);
	void (*bind)(struct mica_test_realm *r, unsigned long role);
};

/* MICA_COST=1 rmm_core.elf: the calls docs/performance.md measures; ops
 * NULL in a stock tree.
 */
int host_mica_cost_run(const struct host_mica_cost_ops *ops);

#endif /* HOST_MICA_H */
