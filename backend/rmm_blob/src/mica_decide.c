/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Mica enforcement decisions (see mica_decide.h, where the predicates are,
 * inline): the RPV match, BIND, and the unprotected-memory lookup. Each
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

	return (mica_q_ns_map_perm(pol, role, ipa, size, &perm, &region) == 0) &&
	       ((want & ~perm) == 0U);
}
