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
 * held at once, and the largest blob one slot takes (the build may raise it
 * with -DMICA_MAX_BLOB_GRANULES=N, N up to 16).
 */
#ifndef MICA_RMM_MAX_POLICIES
#define MICA_RMM_MAX_POLICIES	8U
#endif
#ifndef MICA_MAX_BLOB_GRANULES
#define MICA_MAX_BLOB_GRANULES	1U
#endif
#define MICA_RMM_MAX_BLOB	(MICA_MAX_BLOB_GRANULES * MICA_GRANULE_SIZE)

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

/*
 * Per-realm Mica state. The RMM keeps one in its realm descriptor (struct rd)
 * and a copy in each REC (rec->realm_info), so exits are decided without
 * mapping the rd. 8 bytes; all zero means "not governed".
 */
struct mica_realm {
	uint32_t role;		/* realm index in the policy, once bound */
	uint8_t slot;		/* 1 + policy pool slot; 0: not governed */
	uint8_t bound;		/* 1 once RMI_MICA_REALM_BIND succeeded */
	uint8_t reserved[2];
};

/* Does the RPV equal the digest zero-padded on the right to 64 bytes? */
bool mica_rpv_matches(const uint8_t rpv[MICA_RPV_SIZE],
		      const uint8_t *digest, size_t digest_len);

/*
 * RMI_MICA_REALM_BIND: binds role to a governed, still unbound realm whose
 * IPA width is the policy's, if no other realm holds the role (one realm per
 * role per loaded policy). 0 with st->role/bound set and the role marked in
 * taken; -EPERM when not governed, -EBUSY when already bound, -ENOENT for no
 * such role, -EINVAL for an IPA width other than the policy's, -EEXIST when
 * another realm holds the role.
 */
int mica_decide_bind(const struct mica_policy *pol, struct mica_realm *st,
		     uint32_t role, unsigned int ipa_bits,
		     struct mica_roles *taken);

/* RMI_REALM_ACTIVATE: a governed realm must be bound, and its RIM must be
 * the role's measurement when the role has one.
 */
bool mica_decide_activate(const struct mica_policy *pol,
			  const struct mica_realm *st,
			  const uint8_t *rim, size_t rim_len);

/*
 * RMI_RTT_MAP_UNPROTECTED of [ipa, ipa + size) with the S2AP bits in s2ap
 * (MICA_S2AP_*): the whole range must lie in one unprotected region granted
 * to the role, and every permission asked for must be granted.
 */
bool mica_decide_map_ns(const struct mica_policy *pol,
			const struct mica_realm *st,
			uint64_t ipa, uint64_t size, unsigned long s2ap);

/* RSI_HOST_CALL: only for roles with hostcall. */
bool mica_decide_hostcall(const struct mica_policy *pol,
			  const struct mica_realm *st);

/*
 * A data abort on the unprotected IPA fipa that the RMM would report to the
 * host (emulated MMIO); write: the access was a store, whose value the exit
 * carries to the host. Allowed for roles with mmio. Otherwise a load may
 * exit when fipa lies in an unprotected region granted to the role (the
 * host maps shared memory on demand), and a store only when that grant
 * includes write: a store under a read-only grant must not leave the realm.
 */
bool mica_decide_ns_abort_exit(const struct mica_policy *pol,
			       const struct mica_realm *st, uint64_t fipa,
			       bool write);

#endif /* MICA_DECIDE_H */
