/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Realm-to-realm sharing: RMI_MICA_REGION_MAP / _UNMAP, RSI_MICA_SHARED
 * and the check that keeps a shared page in place.
 *
 * The writer owns a protected region's pages: ordinary DATA granules of the
 * owner realm. A reader borrows one: its stage 2 maps the owner's page at
 * the same IPA, marked borrowed in a bit the MMU ignores, and the page's
 * granule reference count (the one RMM 1.1 auxiliary mappings use) counts
 * the readers. TF-RMM then refuses
 * DATA_DESTROY of the page (RMI_ERROR_RTT_AUX) and RTT_DESTROY of the
 * reader's table (non-zero table count) by itself; mica_rmm_unshared()
 * refuses the RIPAS changes and folds it would allow.
 *
 * Locks: both RDs (address order), then one realm's RTT walk at a time,
 * then the DATA granule, as TF-RMM's own aux mappings do. Every command
 * that changes a realm's RTT holds its RD lock, so the owner's entry read
 * under the owner's RD stays as read.
 */

#include <buffer.h>
#include <errno.h>
#include <granule.h>
#include "mica_read.h"
#include <mica_rmm.h>
#include <realm.h>
#include <rec.h>
#include <rsi-handler.h>
#include <s2tt.h>

/*
 * A reader's reference is the DATA granule's count, which TF-RMM keeps
 * below MAX_TOTAL_PLANES (granule.h checks it at every unlock), far from
 * the state bits it would carry into.
 */
COMPILER_ASSERT(MICA_SHARE_REFS_MAX < MAX_TOTAL_PLANES);

/*
 * Bit 56 of a valid stage 2 descriptor is reserved for software (TF-RMM uses
 * bit 55 for NS): set on a borrowed page, so that only the owner's own page
 * is ever shared, and so only a borrowed one unmapped (a page is owned by
 * one realm; any other entry with its PA is borrowed).
 */
#define BORROWED	(1UL << 56)

/* What a share needs of one RD, copied so that one buffer slot does. */
struct share_rd {
	struct granule *g;
	struct mica_realm mica;
	struct s2tt_context s2;
};

/*
 * Sharing needs realms of one shape: no planes or DA (one VMID, one stage 2
 * to invalidate), direct S2AP (a read grant maps read-only) and an IPA
 * inside the realm.
 */
static bool share_rd_read(struct share_rd *r, unsigned long ipa)
{
	struct rd *rd = buffer_granule_map(r->g, SLOT_RD);
	bool plain;

	assert(rd != NULL);
	r->mica = rd->mica;
	r->s2 = rd->s2_ctx[PRIMARY_S2_CTX_ID];
	plain = (rd->num_aux_planes == 0U) && !rd->da_enabled &&
		!r->s2.indirect_s2ap && addr_in_par(rd, ipa);
	buffer_unmap(rd);
	return plain;
}

/* The level-3 table that maps ipa, locked and mapped; NULL if none. */
static unsigned long *walk_page(const struct s2tt_context *s2,
				unsigned long ipa, struct s2tt_walk *wi)
{
	granule_lock(s2->g_rtt, GRANULE_STATE_RTT);
	s2tt_walk_lock_unlock(s2, ipa, S2TT_PAGE_LEVEL, wi);
	if (wi->last_level != S2TT_PAGE_LEVEL) {
		granule_unlock(wi->g_llt);
		return NULL;
	}
	return buffer_granule_mecid_map(wi->g_llt, SLOT_RTT, s2->mecid);
}

/*
 * Maps (map) or unmaps the owner's own page at ipa in the reader, with the
 * reader's level-3 table and the page locked.
 */
static unsigned long share_page(struct share_rd *r, struct share_rd *o,
				unsigned long ipa, unsigned long flags, bool map)
{
	struct s2tt_walk wi;
	struct granule *g_data;
	unsigned long *tbl = walk_page(&o->s2, ipa, &wi);
	unsigned long e = (tbl != NULL) ? s2tte_read(&tbl[wi.index]) : 0UL;
	unsigned long pa, ret = RMI_ERROR_RTT;
	int rc;

	if (tbl != NULL) {
		buffer_unmap(tbl);
		granule_unlock(wi.g_llt);
	}
	tbl = (s2tte_is_assigned_ram(&o->s2, e, S2TT_PAGE_LEVEL) && ((e & BORROWED) == 0UL)) ?
	      walk_page(&r->s2, ipa, &wi) : NULL;
	if (tbl == NULL) {
		return RMI_ERROR_RTT;
	}
	pa = s2tte_pa(&o->s2, e, S2TT_PAGE_LEVEL);
	e = s2tte_read(&tbl[wi.index]);
	g_data = find_lock_granule(pa, GRANULE_STATE_DATA);
	assert(g_data != NULL);
	if (map) {
		rc = mica_decide_share(mica_rmm_policy(&o->mica), &o->mica, &r->mica, ipa,
				       (flags != 0UL), granule_refcount_read(g_data),
				       MICA_SHARE_REFS_MAX, NULL);
		ret = (rc == -EPERM) ? RMI_ERROR_REALM :
		      ((rc == -EOVERFLOW) ? RMI_ERROR_NOT_SUPPORTED :
		       ((rc != 0) ? RMI_ERROR_INPUT : RMI_ERROR_RTT));
		if ((rc == 0) && (s2tte_is_unassigned_empty(&r->s2, e) ||
				  s2tte_is_unassigned_ram(&r->s2, e))) {
			atomic_granule_get(g_data);
			atomic_granule_get(wi.g_llt);
			e = (flags != 0UL) ? e : (e & ~MICA_S2AP_WRITE);
			s2tte_write(&tbl[wi.index], BORROWED |
				    s2tte_create_assigned_ram(&r->s2, pa, S2TT_PAGE_LEVEL, e));
			ret = RMI_SUCCESS;
		}
	} else if (s2tte_is_assigned_ram(&r->s2, e, S2TT_PAGE_LEVEL) &&
		   (s2tte_pa(&r->s2, e, S2TT_PAGE_LEVEL) == pa)) {
		/* The owner's own page elsewhere than in the owner: borrowed. */
		/* Break, TLBI by the reader's VMID, then unpin. */
		s2tte_write(&tbl[wi.index], s2tte_create_unassigned_empty(&r->s2, e));
		s2tt_invalidate_page_block(&r->s2, ipa, S2TT_PAGE_LEVEL);
		atomic_granule_put(g_data);
		atomic_granule_put(wi.g_llt);
		ret = RMI_SUCCESS;
	}
	granule_unlock(g_data);
	buffer_unmap(tbl);
	granule_unlock(wi.g_llt);
	return ret;
}

/*
 * Locks and reads both RDs. Both must use one MECID, the shared MECID under
 * FEAT_MEC: a page encrypted under the owner's private MECID reads as noise
 * in the reader.
 */
static unsigned long share(unsigned long reader_rd, unsigned long owner_rd,
			   unsigned long ipa, unsigned long flags, bool map)
{
	struct share_rd r, o;
	unsigned long ret = RMI_ERROR_REALM;

	if ((reader_rd == owner_rd) || !GRANULE_ALIGNED(ipa) ||
	    ((flags & ~MICA_MAP_WRITE) != 0UL) ||
	    !find_lock_two_granules(reader_rd, GRANULE_STATE_RD, &r.g,
				    owner_rd, GRANULE_STATE_RD, &o.g)) {
		return RMI_ERROR_INPUT;
	}
	if (share_rd_read(&r, ipa) && share_rd_read(&o, ipa) && (r.s2.mecid == o.s2.mecid)) {
		ret = share_page(&r, &o, ipa, flags, map);
	}
	granule_unlock(r.g);
	granule_unlock(o.g);
	return ret;
}

unsigned long smc_mica_region_map(unsigned long reader_rd,
				  unsigned long owner_rd, unsigned long ipa,
				  unsigned long flags)
{
	return share(reader_rd, owner_rd, ipa, flags, true);
}

unsigned long smc_mica_region_unmap(unsigned long reader_rd,
				    unsigned long owner_rd, unsigned long ipa)
{
	return share(reader_rd, owner_rd, ipa, 0UL, false);
}

bool mica_rmm_unshared(const struct s2tt_context *s2, unsigned long s2tte,
		       long level)
{
	/* The caller holds the RTT lock: the count is read as in TF-RMM's
	 * own not_aux_mappings().
	 */
	for (unsigned long off = 0UL; s2tte_is_assigned_ram(s2, s2tte, level) &&
	     (off < s2tte_map_size(level)); off += GRANULE_SIZE) {
		if (mica_decide_release(granule_refcount_read(
				find_granule(s2tte_pa(s2, s2tte, level) + off))) != 0) {
			return false;
		}
	}
	return true;
}

void handle_rsi_mica_shared(struct rec *rec, struct rsi_result *res)
{
	const struct mica_realm *st = &rec->realm_info.mica;
	const struct mica_policy *pol = mica_rmm_policy(st);
	const struct mica_blob_region *reg;
	unsigned long who = 0UL;
	unsigned int perm;
	uint32_t region;

	res->action = UPDATE_REC_RETURN_TO_REALM;
	res->smc_res.x[0] = RSI_ERROR_INPUT;
	if ((pol == NULL) || (st->bound == 0U) ||
	    (mica_policy_range_perm(pol, st->role, MICA_REGION_PROTECTED,
				    rec_active_plane(rec)->regs[1], GRANULE_SIZE,
				    &perm, &region) != 0)) {
		return;
	}
	reg = mica_region_at(pol->blob, region);
	for (uint32_t i = 0U; i < reg->grant_count; i++) {
		const struct mica_blob_grant *g = mica_grant_at(pol->blob, reg->grant_first + i);

		/* MICA_PERM_READ is bit 0, MICA_PERM_WRITE bit 1 */
		if ((g->realm != st->role) && (g->realm < 32U)) {
			who |= ((g->perm & 1UL) << g->realm) |
			       ((g->perm & 2UL) << (g->realm + 31U));
		}
	}
	res->smc_res.x[0] = RSI_SUCCESS;
	res->smc_res.x[1] = reg->base;
	res->smc_res.x[2] = reg->size;
	res->smc_res.x[3] = perm | ((reg->grant_count - 1UL) << 8);
	res->smc_res.x[4] = who;
}
