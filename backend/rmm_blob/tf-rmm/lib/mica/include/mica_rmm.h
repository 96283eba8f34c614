/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Mica policy enforcement in TF-RMM: the two new RMI commands and the hooks
 * that the patched RMM code (0001-mica-enforcement.patch) calls.
 * docs/rmm-integration.md describes the ABI and the state kept.
 */

#ifndef MICA_RMM_H
#define MICA_RMM_H

#include <assert.h>	/* s2tt.h uses assert() without it */
#include <memory.h>
#include <mica_decide.h>
#include <s2tt.h>
#include <smc-rmi.h>
#include <smc-rsi.h>
#include <smc.h>
#include <spinlock.h>
#include <stdbool.h>
#include <stddef.h>
#include <utils_def.h>

/*
 * FIDs: two slots of the RMI range that EL3 (TF-A rmmd) forwards to the RMM
 * (0xC4000150..0xC400018F) and that no RMI command of this TF-RMM uses.
 * Re-check both against the RMM specification when rebasing.
 */
#define SMC_RMI_MICA_POLICY_LOAD	SMC64_RMI_FID(U(0x20))	/* 0xC4000170 */
#define SMC_RMI_MICA_REALM_BIND		SMC64_RMI_FID(U(0x21))	/* 0xC4000171 */

/*
 * Realm-to-realm sharing and policy unload: free offsets of TF-RMM's RMI
 * range that TF-A's rmmd also forwards (its second RMI range,
 * 0xC40001D0..0xC40002CF; 0xC4000190..0xC40001CF is not forwarded).
 */
#define SMC_RMI_MICA_REGION_MAP		SMC64_RMI_FID(U(0x84))	/* 0xC40001D4 */
#define SMC_RMI_MICA_REGION_UNMAP	SMC64_RMI_FID(U(0x85))	/* 0xC40001D5 */
#define SMC_RMI_MICA_POLICY_UNLOAD	SMC64_RMI_FID(U(0x86))	/* 0xC40001D6 */
#define MICA_MAP_WRITE			(1UL << 0)	/* REGION_MAP X4 */

/*
 * RSI_MICA_REALM_INFO: lets realm code check, before it trusts its RPV,
 * that the RMM really governs it by that policy and in which role. An RPV
 * equal to a policy digest proves nothing by itself: a host that never
 * loads the policy gets a stock realm with the same RPV. Unused slot of the
 * RSI range (0xC4000190..0xC40001AF).
 */
#define SMC_RSI_MICA_REALM_INFO		SMC64_RSI_FID(U(0x1D))	/* 0xC40001AD */
#define MICA_RSI_INFO_GOVERNED		(1UL << 0)	/* X1 bit 0 */
#define MICA_RSI_INFO_BOUND		(1UL << 1)	/* X1 bit 1 */

/*
 * Realm calls (mica_rmm_call.c; docs/rmm-integration.md, "ABI"): three more
 * unused slots of the RSI range, and the REC exit that names, in its
 * gprs[0], only the role the host should run next. A refused call answers
 * RSI_ERROR_INPUT with the decision's errno in X1.
 */
#define SMC_RSI_MICA_CALL		SMC64_RSI_FID(U(0x1B))	/* 0xC40001AB */
#define SMC_RSI_MICA_CALL_TAKE		SMC64_RSI_FID(U(0x1A))	/* 0xC40001AA */
#define SMC_RSI_MICA_CALL_REPLY		SMC64_RSI_FID(U(0x19))	/* 0xC40001A9 */
#define RMI_EXIT_MICA_CALL		U(0x40)
#define MICA_RSI_CALL_ONEWAY		(1UL << 32)	/* TAKE: X1 bit 32 */
#define MICA_CALL_WORDS			6U		/* X2..X7 */

/* One per role of a loaded policy, in its pool slot, under mica_pool_lock. */
struct mica_mailbox {
	struct mica_call call;			/* a call to this role */
	uint64_t args[MICA_CALL_WORDS];		/* its X2..X7 */
	uint64_t reply[MICA_CALL_WORDS];	/* the reply to this role's call */
	const void *waiter;	/* g_rec of this role's REC awaiting it */
	bool replied;
};

/*
 * RSI_MICA_SHARED(X1 = IPA): the protected region of the caller's policy
 * that holds IPA and is granted to the caller. X1 base, X2 size, X3 bits
 * 0-7 the caller's MICA_PERM_*, bits 8-31 how many other roles have a grant;
 * X4 bit r: role r (below 32) may read, bit 32 + r: role r may write.
 */
#define SMC_RSI_MICA_SHARED		SMC64_RSI_FID(U(0x1C))	/* 0xC40001AC */

/*
 * RMI_MICA_POLICY_LOAD parameters: one NS granule, read by the RMM, with the
 * RMM's digest written back so the host can set each realm's RPV to it. The
 * blob is at most one granule (MICA_RMM_MAX_BLOB), at granules[0]; the
 * array keeps room for larger blobs in a later version of the ABI.
 */
#define MICA_LOAD_PARAMS_MAX_GRANULES	16U
struct mica_rmi_load_params {
	uint64_t size;				/* in: blob bytes */
	uint64_t granules[MICA_LOAD_PARAMS_MAX_GRANULES]; /* in: NS PAs */
	uint8_t rpv[MICA_RPV_SIZE];		/* out: digest, zero-padded */
};

/* The ABI (docs/rmm-integration.md), and the 8 bytes struct rd and
 * rec->realm_info each grow by.
 */
COMPILER_ASSERT(offsetof(struct mica_rmi_load_params, rpv) == 136U);
COMPILER_ASSERT(sizeof(struct mica_rmi_load_params) == 200U);
COMPILER_ASSERT(sizeof(struct mica_realm) == 8U);

/* ---- RMI handlers (registered in runtime/core/handler.c) ---- */

/* X1: PA of the NS params granule. Returns X1 = pool slot. */
void smc_mica_policy_load(unsigned long params_addr, struct smc_result *res);

/* X1: RD address, X2: role (realm index in the policy's realm table). */
unsigned long smc_mica_realm_bind(unsigned long rd_addr, unsigned long role);

/* X0 = RSI_SUCCESS, X1 = MICA_RSI_INFO_* bits, X2 = role once bound. */
struct rec;
struct rsi_result;
void handle_rsi_mica_realm_info(struct rec *rec, struct rsi_result *res);

/* ---- Sharing (mica_rmm_share.c) ---- */

/* Maps the owner's DATA page at ipa into the reader at ipa, read-only
 * unless flags has MICA_MAP_WRITE, and takes a reference on it.
 */
unsigned long smc_mica_region_map(unsigned long reader_rd,
				  unsigned long owner_rd, unsigned long ipa,
				  unsigned long flags);

/* Unmaps the owner's page at ipa from the reader: invalid entry, TLBI by
 * the reader's VMID, then the reference goes.
 */
unsigned long smc_mica_region_unmap(unsigned long reader_rd,
				    unsigned long owner_rd, unsigned long ipa);

void handle_rsi_mica_shared(struct rec *rec, struct rsi_result *res);

/* May the assigned entry s2tte at level leave its realm's stage 2 (a RIPAS
 * change, an RTT fold)? false while a page it maps is shared.
 */
struct s2tt_context;
bool mica_rmm_unshared(const struct s2tt_context *s2, unsigned long s2tte,
		       long level);

/* ---- Policy pool (mica_rmm_pool.c) ---- */

#define MICA_SLOT_FREE		0UL
#define MICA_SLOT_LOADING	1UL
#define MICA_SLOT_LOADED	2UL

/* What a slot holds; wiped when a failed load frees the slot. */
struct mica_pool_data {
	uint64_t blob[MICA_RMM_MAX_BLOB / sizeof(uint64_t)]; /* 8-aligned */
	struct mica_policy pol;
	uint8_t rpv[MICA_RPV_SIZE];	/* digest, zero-padded */
	struct mica_roles roles;	/* bound roles, under the pool lock */
	struct mica_mailbox boxes[MICA_RMM_MAX_ROLES];	/* realm calls */
	uint32_t governed;		/* live realms, under the pool lock */
};

struct mica_pool_slot {
	struct mica_pool_data d;
	uint64_t state;			/* MICA_SLOT_*, only through SCA_* */
};

/*
 * The pool. Only mica_rmm_pool.c writes it; it is visible here so that the
 * hooks below look a realm's policy up inline, without a call.
 */
extern struct mica_pool_slot mica_pool[MICA_RMM_MAX_POLICIES];

/* The slot of the loaded policy whose digest is rpv, counted as governing
 * one more realm; 0 if none (RMI_REALM_CREATE).
 */
unsigned int mica_pool_govern(const unsigned char rpv[MICA_RPV_SIZE]);

/* RMI_REALM_DESTROY of a realm governed from st->slot. */
void mica_rmm_realm_destroy(const struct mica_realm *st);

/* X1: 1-based slot. Frees it if no live realm is governed by it. */
unsigned long smc_mica_policy_unload(unsigned long slot);

/* Held while bound roles or mailboxes are read or changed. */
extern spinlock_t mica_pool_lock;

/* The mailboxes of 1-based slot's policy (*pol, its bound roles in
 * *taken); NULL, and *pol NULL, for 0 or a slot with no loaded policy. The
 * caller holds the lock.
 */
struct mica_mailbox *mica_pool_mailboxes(unsigned int slot,
					 const struct mica_policy **pol,
					 const struct mica_roles **taken);

/* mica_decide_bind() on the roles of st's slot, under the pool lock. */
int mica_pool_bind(struct mica_realm *st, uint32_t role,
		   unsigned int ipa_bits);

/*
 * The policy that governs a realm, from its Mica state; NULL when it is not
 * governed (slot 0). For the hooks and the sharing and call glue:
 * mica_rmm_realm_create() records a slot only after seeing it loaded (under
 * the pool lock, in mica_pool_govern), a loaded slot's policy never
 * changes, and RMI_MICA_POLICY_UNLOAD frees a slot only when no live realm
 * is governed by it, so the slot is resolved once, at REALM_CREATE, and
 * each use just indexes the pool.
 */
COMPILER_ASSERT(MICA_RMM_MAX_POLICIES <= 255U);	/* a slot fits st->slot */
static inline const struct mica_policy *mica_rmm_policy(
					const struct mica_realm *st)
{
	return (st->slot == 0U) ? NULL : &mica_pool[st->slot - 1U].d.pol;
}

/* ---- Hooks called from the patched RMM ---- */

/*
 * Each hook resolves the realm's policy from its Mica state (no policy for
 * an ungoverned realm, slot 0) and asks mica_decide.c; the RMM code around
 * the hook turns "no" into the command's error. Inline, so that a hook
 * costs its handler one call, into the decision.
 */

/* RMI_REALM_CREATE, after the RPV is stored: governed or not. */
void mica_rmm_realm_create(struct mica_realm *st,
			   const unsigned char rpv[MICA_RPV_SIZE]);

/* RMI_REALM_ACTIVATE. */
static inline bool mica_rmm_may_activate(const struct mica_realm *st,
					 const unsigned char *rim,
					 size_t rim_len)
{
	return mica_decide_activate(mica_rmm_policy(st), st, rim, rim_len);
}

/*
 * RMI_RTT_MAP_UNPROTECTED of host_s2tte at ipa, level. indirect: the realm
 * uses indirect S2AP encoding (RMM v1.1 planes), where the permission is an
 * index, not S2AP bits: it counts as read-write, so only read-write grants
 * can be mapped (fail closed).
 */
static inline bool mica_rmm_may_map_ns(const struct mica_realm *st,
				       unsigned long ipa, long level,
				       unsigned long host_s2tte, bool indirect)
{
	unsigned long s2ap = indirect ? (MICA_S2AP_READ | MICA_S2AP_WRITE) :
					host_s2tte;

	return mica_decide_map_ns(mica_rmm_policy(st), st, ipa,
				  s2tte_map_size(level), s2ap);
}

/* RSI_HOST_CALL. */
static inline bool mica_rmm_may_hostcall(const struct mica_realm *st)
{
	return mica_decide_hostcall(mica_rmm_policy(st), st);
}

/* A data abort on unprotected IPA fipa, about to be reported to the host;
 * write: a store, whose value the exit would carry.
 */
static inline bool mica_rmm_may_exit_ns_abort(const struct mica_realm *st,
					      unsigned long fipa, bool write)
{
	return mica_decide_ns_abort_exit(mica_rmm_policy(st), st, fipa, write);
}

/* RSI_MICA_CALL, _TAKE, _REPLY (fid), from the RSI dispatch. */
struct rmi_rec_exit;
void handle_rsi_mica_call(struct rec *rec, struct rmi_rec_exit *rec_exit,
			  unsigned int fid, struct rsi_result *res);

/* RMI_REC_ENTER: completes the REC's two-way call with the reply; false
 * while the reply has not come (the host must run the callee first).
 */
bool mica_rmm_call_complete(struct rec *rec);

#endif /* MICA_RMM_H */
