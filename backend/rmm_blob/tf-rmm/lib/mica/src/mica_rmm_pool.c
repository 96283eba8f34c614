/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The RMM's Mica policy pool, RMI_MICA_POLICY_LOAD and _UNLOAD.
 *
 * TF-RMM has no heap, so policies live in a static pool of fixed slots of
 * one granule each: the RMM digests a blob with TF-RMM's own one-shot hash
 * (attest_do_hash(), the attestation app's ATTESTATION_APP_FUNC_ID_DO_HASH),
 * which takes one granule, so a larger blob is refused up front with
 * RMI_ERROR_NOT_SUPPORTED. A slot is written once: reserved under the pool
 * lock, filled (copy from NS, validate, digest) without it, then published
 * with a release store. A published slot's policy never changes, and goes
 * away only when no realm refers to it (below), so readers (REALM_CREATE,
 * exits) need no lock, only an acquire load of the slot state; its
 * bound-role bitmap (RMI_MICA_REALM_BIND) and its call mailboxes
 * (mica_rmm_call.c) change only under the pool lock. The state word is only
 * read and written through SCA_* accessors.
 *
 * A slot counts the live realms it governs (REALM_CREATE to REALM_DESTROY,
 * under the pool lock); RMI_MICA_POLICY_UNLOAD frees it only at zero, so no
 * realm ever refers to a freed slot.
 */

#include <attest_app.h>
#include <attest_mica_hash.h>
#include <buffer.h>
#include <errno.h>
#include <granule.h>
#include <memory.h>
#include <mica_rmm.h>
#include <spinlock.h>
#include <string.h>
#include <utils_def.h>

/* A slot is one granule of the RMM's size: what attest_do_hash() hashes
 * (it panics above) and what one NS granule holds; the blob's regions are
 * granules of that size too.
 */
COMPILER_ASSERT(MICA_RMM_MAX_BLOB == GRANULE_SIZE);
COMPILER_ASSERT((ATTEST_MICA_HASH_SHA384 != RMI_HASH_SHA_256) &&
		(ATTEST_MICA_HASH_SHA384 != RMI_HASH_SHA_512));

/* attest_do_hash()'s algorithm for each MICA_DIGEST_* (the core checks
 * that digest_alg is one of them).
 */
static const unsigned int attest_algo[] = {
	[MICA_DIGEST_SHA256] = RMI_HASH_SHA_256,
	[MICA_DIGEST_SHA384] = (unsigned int)ATTEST_MICA_HASH_SHA384,
	[MICA_DIGEST_SHA512] = RMI_HASH_SHA_512,
};

struct mica_pool_slot mica_pool[MICA_RMM_MAX_POLICIES];
spinlock_t mica_pool_lock;

/*
 * 1 + the loaded slot whose RPV is rpv, or 0. The acquire pairs with the
 * load's release store, which is not under the pool lock: the hooks then
 * read the slot without one.
 */
static unsigned int slot_by_rpv(const unsigned char rpv[MICA_RPV_SIZE])
{
	for (unsigned int i = 0U; i < MICA_RMM_MAX_POLICIES; i++) {
		struct mica_pool_slot *s = &mica_pool[i];

		if ((SCA_READ64_ACQUIRE(&s->state) == MICA_SLOT_LOADED) &&
		    mica_rpv_matches(rpv, s->d.rpv, MICA_RPV_SIZE)) {
			return i + 1U;
		}
	}
	return 0U;
}

unsigned int mica_pool_govern(const unsigned char rpv[MICA_RPV_SIZE])
{
	unsigned int found;

	spinlock_acquire(&mica_pool_lock);
	found = slot_by_rpv(rpv);
	/* At most one realm per granule of memory: no wrap. */
	if (found != 0U) {
		mica_pool[found - 1U].d.governed++;
	}
	spinlock_release(&mica_pool_lock);
	return found;
}

void mica_rmm_realm_destroy(const struct mica_realm *st)
{
	if (mica_rmm_policy(st) != NULL) {
		spinlock_acquire(&mica_pool_lock);
		mica_pool[st->slot - 1U].d.governed--;
		spinlock_release(&mica_pool_lock);
	}
}

struct mica_mailbox *mica_pool_mailboxes(unsigned int slot,
					 const struct mica_policy **pol,
					 const struct mica_roles **taken)
{
	*pol = NULL;
	if ((slot == 0U) || (slot > MICA_RMM_MAX_POLICIES) ||
	    (SCA_READ64_ACQUIRE(&mica_pool[slot - 1U].state) !=
	     MICA_SLOT_LOADED)) {
		return NULL;
	}
	*pol = &mica_pool[slot - 1U].d.pol;
	*taken = &mica_pool[slot - 1U].d.roles;
	return mica_pool[slot - 1U].d.boxes;
}

int mica_pool_bind(struct mica_realm *st, uint32_t role,
		   unsigned int ipa_bits)
{
	const struct mica_policy *pol = mica_rmm_policy(st);
	int rc;

	spinlock_acquire(&mica_pool_lock);
	rc = mica_decide_bind(pol, st, role, ipa_bits,
			      (pol != NULL) ? &mica_pool[st->slot - 1U].d.roles :
					      NULL);
	spinlock_release(&mica_pool_lock);
	return rc;
}

/* Reserves a free slot; NULL when the pool is full. */
static struct mica_pool_slot *slot_reserve(void)
{
	struct mica_pool_slot *found = NULL;

	spinlock_acquire(&mica_pool_lock);
	for (unsigned int i = 0U; i < MICA_RMM_MAX_POLICIES; i++) {
		if (SCA_READ64(&mica_pool[i].state) == MICA_SLOT_FREE) {
			found = &mica_pool[i];
			SCA_WRITE64(&found->state, MICA_SLOT_LOADING);
			break;
		}
	}
	spinlock_release(&mica_pool_lock);
	return found;
}

/*
 * Wipes a reserved slot and frees it. The state stays LOADING until the
 * wipe is done: only then may slot_reserve() hand the slot out again.
 */
static void slot_release(struct mica_pool_slot *s)
{
	(void)memset(&s->d, 0, sizeof(s->d));
	SCA_WRITE64_RELEASE(&s->state, MICA_SLOT_FREE);
}

/* The NS granule at addr, or NULL when addr is not one. */
static struct granule *ns_granule(unsigned long addr)
{
	struct granule *g = find_granule(addr);

	if ((g == NULL) || (granule_unlocked_state(g) != GRANULE_STATE_NS)) {
		return NULL;
	}
	return g;
}

/*
 * Copy, validate and digest the blob (p->size bytes, at most one granule,
 * at granules[0]) into a reserved slot. ns_buffer_read moves 8-byte words;
 * the slot is zeroed, so a rounded-up tail only copies bytes past size, and
 * the digest lands zero-padded in the RPV.
 */
static unsigned long slot_fill(struct mica_pool_slot *s,
			       const struct mica_rmi_load_params *p)
{
	struct granule *g = ns_granule(p->granules[0]);
	int rc;

	if ((g == NULL) || !ns_buffer_read(SLOT_NS, g, 0U,
					   round_up(p->size, 8U), s->d.blob)) {
		return RMI_ERROR_INPUT;
	}
	rc = mica_policy_init(&s->d.pol, s->d.blob, (size_t)p->size, NULL);
	if (rc != 0) {
		return (rc == -ENOTSUP) ? RMI_ERROR_NOT_SUPPORTED :
					  RMI_ERROR_INPUT;
	}
	attest_do_hash(attest_algo[mica_blob_header(s->d.blob)->digest_alg],
		       s->d.blob, (size_t)p->size, s->d.rpv);
	return RMI_SUCCESS;
}

void smc_mica_policy_load(unsigned long params_addr, struct smc_result *res)
{
	struct mica_rmi_load_params p;
	struct granule *g_params = ns_granule(params_addr);
	struct mica_pool_slot *s;
	unsigned int dup = 0U;
	unsigned long ret;

	res->x[0] = RMI_ERROR_INPUT;
	res->x[1] = 0UL;
	if ((g_params == NULL) ||
	    !ns_buffer_read(SLOT_NS, g_params, 0U, sizeof(p), &p)) {
		return;
	}
	if ((p.size == 0U) || (p.size > MICA_RMM_MAX_BLOB)) {
		res->x[0] = (p.size == 0U) ? RMI_ERROR_INPUT :
					     RMI_ERROR_NOT_SUPPORTED;
		return;
	}
	s = slot_reserve();
	if (s == NULL) {
		res->x[0] = RMI_ERROR_NOT_SUPPORTED;
		return;
	}
	ret = slot_fill(s, &p);
	if ((ret == RMI_SUCCESS) &&
	    !ns_buffer_write(SLOT_NS, g_params,
			     (unsigned int)offsetof(struct mica_rmi_load_params,
						    rpv),
			     MICA_RPV_SIZE, s->d.rpv)) {
		ret = RMI_ERROR_INPUT;
	}
	/* Loading the same policy twice answers with the first slot: the
	 * loaded one whose RPV is this digest (s is not LOADED yet).
	 */
	if (ret == RMI_SUCCESS) {
		dup = slot_by_rpv(s->d.rpv);
	}
	if ((ret != RMI_SUCCESS) || (dup != 0U)) {
		slot_release(s);
		s = (dup != 0U) ? &mica_pool[dup - 1U] : NULL;
	} else {
		SCA_WRITE64_RELEASE(&s->state, MICA_SLOT_LOADED);
	}
	res->x[0] = ret;
	res->x[1] = (s != NULL) ? (unsigned long)(s - mica_pool) + 1UL : 0UL;
}

unsigned long smc_mica_policy_unload(unsigned long slot)
{
	struct mica_pool_slot *s;
	int rc = -ENOENT;

	if ((slot == 0UL) || (slot > MICA_RMM_MAX_POLICIES)) {
		return RMI_ERROR_INPUT;
	}
	s = &mica_pool[slot - 1UL];
	spinlock_acquire(&mica_pool_lock);
	if (SCA_READ64(&s->state) == MICA_SLOT_LOADED) {
		rc = mica_decide_unload(s->d.governed);
	}
	if (rc == 0) {
		SCA_WRITE64(&s->state, MICA_SLOT_LOADING);
	}
	spinlock_release(&mica_pool_lock);
	if (rc == 0) {
		slot_release(s);
	}
	return (rc == 0) ? RMI_SUCCESS :
	       ((rc == -EBUSY) ? RMI_ERROR_REALM : RMI_ERROR_INPUT);
}
