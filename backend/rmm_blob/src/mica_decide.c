/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Mica enforcement decisions (see mica_decide.h, where the predicates are,
 * inline): the RPV match, BIND, the unprotected-memory lookup, and the
 * realm-to-realm decisions (share, release, call, take, reply, unload). Each
 * decision is fail-closed for a governed realm: anything the policy does not
 * grant is refused, including everything before the realm's role is bound.
 */

#include <errno.h>
#include <mica_decide.h>
#include "mica_query.h"
#include "mica_read.h"

bool mica_rpv_matches(const uint8_t rpv[MICA_RPV_SIZE],
		      const uint8_t *digest, size_t digest_len)
{
	uint8_t diff = 0U;

	if (digest_len > MICA_RPV_SIZE) {
		return false;
	}
	/* Constant-time over all 64 bytes: the RPV is host-chosen input. */
	for (size_t i = 0U; i < MICA_RPV_SIZE; i++) {
		uint8_t want = (i < digest_len) ? digest[i] : 0U;

		diff |= (uint8_t)(rpv[i] ^ want);
	}
	return diff == 0U;
}

int mica_decide_bind(const struct mica_policy *pol, struct mica_realm *st,
		     uint32_t role, unsigned int ipa_bits,
		     struct mica_roles *taken)
{
	uint64_t bit = 1ULL << (role % 64U);

	if ((pol == NULL) || (st->slot == 0U)) {
		return -EPERM;
	}
	if (st->bound != 0U) {
		return -EBUSY;
	}
	if ((role >= pol->realm_count) || (role >= MICA_RMM_MAX_ROLES)) {
		return -ENOENT;
	}
	/* Region bases in the blob are IPAs of the policy's width. */
	if (ipa_bits != mica_blob_header(pol->blob)->ipa_bits) {
		return -EINVAL;
	}
	/* One realm per role: a second one would share its grants and calls. */
	if ((taken->taken[role / 64U] & bit) != 0ULL) {
		return -EEXIST;
	}
	taken->taken[role / 64U] |= bit;
	st->role = role;
	st->caps = 0U;
	if (mica_policy_may_hostcall(pol, role)) {
		st->caps |= MICA_CAP_HOSTCALL;
	}
	if (mica_policy_may_mmio(pol, role)) {
		st->caps |= MICA_CAP_MMIO;
	}
	if (mica_realm_at(pol->blob, role)->meas_len != 0U) {
		st->caps |= MICA_CAP_MEASURED;
	}
	st->bound = 1U;
	return 0;
}

bool mica_decide_ns_perm(const struct mica_policy *pol, uint32_t role,
			 uint64_t ipa, uint64_t size, unsigned int want)
{
	unsigned int perm = 0U;
	uint32_t region;

	return (mica_q_range_perm(pol, role, MICA_REGION_UNPROTECTED, ipa, size,
				  &perm, &region) == 0) &&
	       ((want & ~perm) == 0U);
}

int mica_decide_share(const struct mica_policy *pol,
		      const struct mica_realm *owner,
		      const struct mica_realm *reader,
		      uint64_t ipa, bool write, uint32_t refs, uint32_t refs_max,
		      uint32_t *region)
{
	unsigned int own = 0U;
	unsigned int perm;
	uint32_t found = 0U;
	int rc;

	/* Sharing exists only inside one policy: no stock-behaviour default. */
	if ((pol == NULL) || (owner->slot == 0U) ||
	    (owner->slot != reader->slot) || (owner->bound == 0U) ||
	    (reader->bound == 0U)) {
		return -EPERM;
	}
	/* A page is a granule: an unaligned IPA would borrow the tail of one
	 * page and the head of the next, which no grant check looked at.
	 */
	if ((owner->role == reader->role) ||
	    ((ipa & ((uint64_t)MICA_GRANULE_SIZE - 1U)) != 0U)) {
		return -EINVAL;
	}
	rc = mica_q_range_perm(pol, owner->role, MICA_REGION_PROTECTED, ipa,
			       MICA_GRANULE_SIZE, &own, &found);
	if (rc != 0) {
		/* -EACCES: the owner has no grant; else no protected region. */
		return (rc == -EACCES) ? -EACCES : -ENOENT;
	}
	perm = mica_q_region_perm(pol, &pol->regions[found], reader->role);
	/* The writer owns; a reader needs read, and write to map RW: a
	 * mapping can always be read, so a write-only grant maps nothing.
	 */
	if (((own & MICA_PERM_WRITE) == 0U) || ((perm & MICA_PERM_READ) == 0U) ||
	    (write && ((perm & MICA_PERM_WRITE) == 0U))) {
		return -EACCES;
	}
	if (refs >= refs_max) {
		return -EOVERFLOW;
	}
	if (region != NULL) {
		*region = found;
	}
	return 0;
}

int mica_decide_release(uint32_t refs)
{
	return (refs == 0U) ? 0 : -EBUSY;
}

int mica_decide_call(const struct mica_policy *pol,
		     const struct mica_realm *caller, uint32_t callee,
		     const struct mica_roles *taken, struct mica_call *box,
		     bool *oneway)
{
	bool one = false;

	/* A call names a role of a policy: an ungoverned realm has none. */
	if ((pol == NULL) || (caller->bound == 0U)) {
		return -EPERM;
	}
	if ((callee >= pol->realm_count) || (callee >= MICA_RMM_MAX_ROLES)) {
		return -ENOENT;
	}
	if (!mica_policy_may_call(pol, caller->role, callee, &one)) {
		return -EACCES;
	}
	if ((taken->taken[callee / 64U] & (1ULL << (callee % 64U))) == 0ULL) {
		return -ENXIO;
	}
	if (box->state != MICA_CALL_IDLE) {
		return -EBUSY;
	}
	box->caller = caller->role;
	box->state = MICA_CALL_SENT;
	box->oneway = one ? 1U : 0U;
	if (oneway != NULL) {
		*oneway = one;
	}
	return 0;
}

int mica_decide_take(const struct mica_policy *pol,
		     const struct mica_realm *st, struct mica_call *box,
		     uint32_t *caller)
{
	if ((pol == NULL) || (st->bound == 0U)) {
		return -EPERM;
	}
	if (box->state != MICA_CALL_SENT) {
		return -ENOENT;
	}
	*caller = box->caller;
	/* Nothing may answer a one-way call: its mailbox frees at once. */
	box->state = (box->oneway != 0U) ? MICA_CALL_IDLE : MICA_CALL_TAKEN;
	return 0;
}

int mica_decide_reply(const struct mica_policy *pol,
		      const struct mica_realm *st, struct mica_call *box,
		      uint32_t *caller)
{
	if ((pol == NULL) || (st->bound == 0U)) {
		return -EPERM;
	}
	if (box->state != MICA_CALL_TAKEN) {
		return -ENOENT;
	}
	*caller = box->caller;
	box->state = MICA_CALL_IDLE;
	return 0;
}

int mica_decide_unload(uint32_t governed)
{
	return (governed == 0U) ? 0 : -EBUSY;
}
