/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Mica enforcement decisions: what each patched RMM point may do for one
 * realm, given the policy that governs it (or none).
 *
 * Pure functions over the mica_policy query API, a realm's small Mica state
 * and the roles bound under its policy. They touch no RMM object, lock or NS
 * memory, so the same code is compiled into the RMM (lib/mica of the TF-RMM
 * integration) and into micac (`micac enforce`, the unit tests); the RMM glue
 * (mica_rmm_*.c) resolves the policy and calls them.
 *
 * A NULL policy means "not governed": every predicate then allows, because
 * realms whose RPV matches no loaded policy keep stock RMM behaviour.
 */

#ifndef MICA_DECIDE_H
#define MICA_DECIDE_H

#include <mica_core.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes of the RMM's Realm Personalization Value. */
#define MICA_RPV_SIZE		64U

/*
 * The RMM's policy pool, for the RMM and for micac's replay of it: policies
 * held at once, and the largest blob one slot takes: one granule, what
 * TF-RMM's one-shot attest_do_hash() digests (a larger blob is refused).
 */
#ifndef MICA_RMM_MAX_POLICIES
#define MICA_RMM_MAX_POLICIES	8U
#endif
#define MICA_RMM_MAX_BLOB	MICA_GRANULE_SIZE

/* Roles a slot's blob can have (each has a realm record), and the words of
 * a bitmap with one bit per role.
 */
#define MICA_RMM_MAX_ROLES	\
	(MICA_RMM_MAX_BLOB / sizeof(struct mica_blob_realm))
#define MICA_ROLE_WORDS		((MICA_RMM_MAX_ROLES + 63U) / 64U)

/* The roles bound under one loaded policy: bit i set once a realm holds
 * role i. Kept with the policy; the caller serialises updates.
 */
struct mica_roles {
	uint64_t taken[MICA_ROLE_WORDS];
};

/* Stage 2 access permission bits of an unprotected RTT entry the host
 * passes to RMI_RTT_MAP_UNPROTECTED (direct encoding): S2AP[0] at bit 6
 * grants read, S2AP[1] at bit 7 grants write (Arm ARM, stage 2 S2AP).
 */
#define MICA_S2AP_READ		(1UL << 6)
#define MICA_S2AP_WRITE		(1UL << 7)
_Static_assert((MICA_S2AP_READ >> 6) == MICA_PERM_READ, "S2AP read bit");
_Static_assert((MICA_S2AP_WRITE >> 6) == MICA_PERM_WRITE, "S2AP write bit");

/*
 * Per-realm Mica state. The RMM keeps one in its realm descriptor (struct rd)
 * and a copy in each REC (rec->realm_info), so exits are decided without
 * mapping the rd. 8 bytes; all zero means "not governed".
 *
 * caps is what the role's record says, read once by mica_decide_bind: a
 * loaded policy never changes, so the decisions that need only these bits
 * (host calls, MMIO exits, activation of a role without a measurement) do
 * not look the role up again on every call.
 */
struct mica_realm {
	uint32_t role;		/* realm index in the policy, once bound */
	uint8_t slot;		/* 1 + policy pool slot; 0: not governed */
	uint8_t bound;		/* 1 once RMI_MICA_REALM_BIND succeeded */
	uint8_t caps;		/* MICA_CAP_* of the role, set with bound */
	uint8_t reserved;
};

#define MICA_CAP_HOSTCALL	(1U << 0)	/* the role has hostcall */
#define MICA_CAP_MMIO		(1U << 1)	/* the role has mmio */
#define MICA_CAP_MEASURED	(1U << 2)	/* the role has a measurement */

/* Does the RPV equal the digest zero-padded on the right to 64 bytes? */
bool mica_rpv_matches(const uint8_t rpv[MICA_RPV_SIZE],
		      const uint8_t *digest, size_t digest_len);

/*
 * RMI_MICA_REALM_BIND: binds role to a governed, still unbound realm whose
 * IPA width is the policy's, if no other realm holds the role (one realm per
 * role per loaded policy). 0 with st->role/bound/caps set and the role
 * marked in taken; -EPERM when not governed, -EBUSY when already bound,
 * -ENOENT for no such role, -EINVAL for an IPA width other than the
 * policy's, -EEXIST when another realm holds the role.
 */
int mica_decide_bind(const struct mica_policy *pol, struct mica_realm *st,
		     uint32_t role, unsigned int ipa_bits,
		     struct mica_roles *taken);

/*
 * The decisions below are inline: most are a test or two of the realm's
 * state, and an RMM hook then costs its handler those tests instead of a
 * call (docs/performance.md, "The RMM hooks"). Only the lookups that read
 * the policy are calls: the RIM compare and mica_decide_ns_perm().
 */

/*
 * Does the role have the permissions want (MICA_PERM_*, 0 for none) on the
 * whole of [ipa, ipa + size), inside one unprotected region granted to it?
 * The policy lookup behind RMI_RTT_MAP_UNPROTECTED and MMIO exits, for a
 * bound role.
 */
bool mica_decide_ns_perm(const struct mica_policy *pol, uint32_t role,
			 uint64_t ipa, uint64_t size, unsigned int want);

/* RMI_REALM_ACTIVATE: a governed realm must be bound, and its RIM must be
 * the role's measurement when the role has one.
 */
static inline bool mica_decide_activate(const struct mica_policy *pol,
					const struct mica_realm *st,
					const uint8_t *rim, size_t rim_len)
{
	if (pol == NULL) {
		return true;
	}
	if (st->bound == 0U) {
		return false;
	}
	/* A role without a measurement admits any RIM (BIND looked). */
	return ((st->caps & MICA_CAP_MEASURED) == 0U) ||
	       mica_policy_rim_matches(pol, st->role, rim, rim_len);
}

/*
 * RMI_RTT_MAP_UNPROTECTED of [ipa, ipa + size) with the S2AP bits in s2ap
 * (MICA_S2AP_*): the whole range must lie in one unprotected region granted
 * to the role, and every permission asked for must be granted.
 */
static inline bool mica_decide_map_ns(const struct mica_policy *pol,
				      const struct mica_realm *st,
				      uint64_t ipa, uint64_t size,
				      unsigned long s2ap)
{
	if (pol == NULL) {
		return true;
	}
	if (st->bound == 0U) {
		return false;
	}
	/* S2AP read, write (bits 6, 7) are MICA_PERM_READ, _WRITE shifted. */
	return mica_decide_ns_perm(pol, st->role, ipa, size,
				   (unsigned int)((s2ap >> 6) & 3UL));
}

/* RSI_HOST_CALL: only for roles with hostcall. */
static inline bool mica_decide_hostcall(const struct mica_policy *pol,
					const struct mica_realm *st)
{
	return (pol == NULL) ||
	       ((st->bound != 0U) && ((st->caps & MICA_CAP_HOSTCALL) != 0U));
}

/*
 * A data abort on the unprotected IPA fipa that the RMM would report to the
 * host (emulated MMIO); write: the access was a store, whose value the exit
 * carries to the host. Allowed for roles with mmio. Otherwise a load may
 * exit when fipa lies in an unprotected region granted to the role (the
 * host maps shared memory on demand), and a store only when that grant
 * includes write: a store under a read-only grant must not leave the realm.
 */
static inline bool mica_decide_ns_abort_exit(const struct mica_policy *pol,
					     const struct mica_realm *st,
					     uint64_t fipa, bool write)
{
	if (pol == NULL) {
		return true;
	}
	if (st->bound == 0U) {
		return false;
	}
	if ((st->caps & MICA_CAP_MMIO) != 0U) {
		return true;
	}
	return mica_decide_ns_perm(pol, st->role, fipa, 1U,
				   write ? MICA_PERM_WRITE : 0U);
}

/*
 * Realm-to-realm sharing (RMI_MICA_REGION_MAP / _UNMAP). The writer owns a
 * protected region's pages (ordinary DATA granules of the owner realm, at
 * the region's IPAs); a reader borrows one: the RMM maps the owner's page
 * into the reader's stage 2 at the same IPA and takes a reference on it.
 * MICA_SHARE_REFS_MAX bounds the references one page may carry at once
 * (the RMM refuses at the bound instead of letting its granule counter
 * carry into the state bits); a build may lower it with -D.
 */
#ifndef MICA_SHARE_REFS_MAX
/* TF-RMM keeps a DATA granule's count below MAX_TOTAL_PLANES (4): 3 readers. */
#define MICA_SHARE_REFS_MAX	3U
#endif

/*
 * May the host map the owner's protected page at ipa into reader, read-write
 * when write? Both realms governed by the same loaded policy (same slot, pol
 * its policy) and bound, to different roles; ipa in a protected region; the
 * owner's grant includes write; the reader's includes read (a mapping can
 * always be read), and write when write is asked; refs, the page's current
 * references, below refs_max (the RMM passes MICA_SHARE_REFS_MAX). 0 with
 * the region in *region (if not NULL); -EPERM when a realm is not governed,
 * not bound or governed by another policy; -EINVAL when both are the same
 * role or ipa is not granule-aligned; -ENOENT when ipa is in no protected
 * region; -EACCES when a grant is missing; -EOVERFLOW at the reference
 * bound.
 */
int mica_decide_share(const struct mica_policy *pol,
		      const struct mica_realm *owner,
		      const struct mica_realm *reader,
		      uint64_t ipa, bool write, uint32_t refs, uint32_t refs_max,
		      uint32_t *region);

/*
 * May a page with refs references leave its owner (RMI_DATA_DESTROY, a RIPAS
 * change, an RTT fold or destroy over it, the owner's RMI_REALM_DESTROY)?
 * 0, or -EBUSY while any reader still maps it: readers unmap first.
 */
int mica_decide_release(uint32_t refs);

/*
 * Realm calls (RSI_MICA_CALL). Each bound role has one mailbox, held by the
 * RMM with the loaded policy; this is its header (the RMM keeps the
 * argument words beside it). A call moves the callee's mailbox from IDLE to
 * SENT; the callee taking the arguments moves it to TAKEN (a one-way call
 * straight back to IDLE, as nothing can answer it); the reply to IDLE.
 */
#define MICA_CALL_IDLE		0U
#define MICA_CALL_SENT		1U
#define MICA_CALL_TAKEN		2U

struct mica_call {
	uint32_t caller;	/* role of the caller, while not IDLE */
	uint8_t state;		/* MICA_CALL_* */
	uint8_t oneway;		/* 1 for a one-way call */
	uint8_t reserved[2];
};

/*
 * RSI_MICA_CALL by caller to role callee, whose mailbox is box: caller
 * governed and bound; callee a role of the policy, bound to a realm (taken),
 * and the call in the policy; the mailbox IDLE. 0 with box SENT and
 * *oneway set (if not NULL); -EPERM when the caller is not governed or not
 * bound, -ENOENT for no such role, -EACCES for a call the policy lacks,
 * -ENXIO when no realm holds the callee role, -EBUSY while the callee's
 * mailbox holds another call.
 */
int mica_decide_call(const struct mica_policy *pol,
		     const struct mica_realm *caller, uint32_t callee,
		     const struct mica_roles *taken, struct mica_call *box,
		     bool *oneway);

/*
 * The callee (st) takes the call waiting in its own mailbox box. 0 with
 * *caller the calling role and box TAKEN, or IDLE for a one-way call;
 * -EPERM when st is not governed or not bound, -ENOENT when nothing waits.
 */
int mica_decide_take(const struct mica_policy *pol,
		     const struct mica_realm *st, struct mica_call *box,
		     uint32_t *caller);

/*
 * The callee (st) replies to the call it took from its mailbox box. 0 with
 * *caller the role the reply goes to and box IDLE; -EPERM when st is not
 * governed or not bound, -ENOENT when it holds no taken call (a one-way
 * call, once taken, leaves nothing to reply to).
 */
int mica_decide_reply(const struct mica_policy *pol,
		      const struct mica_realm *st, struct mica_call *box,
		      uint32_t *caller);

/*
 * RMI_MICA_POLICY_UNLOAD of a policy that governs governed live realms
 * (counted from RMI_REALM_CREATE to RMI_REALM_DESTROY): 0, or -EBUSY while
 * any governed realm lives.
 */
int mica_decide_unload(uint32_t governed);

#endif /* MICA_DECIDE_H */
