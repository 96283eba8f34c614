/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * RMI_REALM_CREATE's hook, RMI_MICA_REALM_BIND and RSI_MICA_REALM_INFO; the
 * other hooks are inline in mica_rmm.h.
 */

#include <buffer.h>
#include <errno.h>
#include <granule.h>
#include <mica_rmm.h>
#include <realm.h>
#include <rsi-handler.h>
#include <string.h>

void mica_rmm_realm_create(struct mica_realm *st,
			   const unsigned char rpv[MICA_RPV_SIZE])
{
	(void)memset(st, 0, sizeof(*st));
	st->slot = (uint8_t)mica_pool_govern(rpv);
}

void handle_rsi_mica_realm_info(struct rec *rec, struct rsi_result *res)
{
	const struct mica_realm *st = &rec->realm_info.mica;
	unsigned long info = 0UL;

	if (mica_rmm_policy(st) != NULL) {
		info |= MICA_RSI_INFO_GOVERNED;
		if (st->bound != 0U) {
			info |= MICA_RSI_INFO_BOUND;
		}
	}
	res->action = UPDATE_REC_RETURN_TO_REALM;
	res->smc_res.x[0] = RSI_SUCCESS;
	res->smc_res.x[1] = info;
	res->smc_res.x[2] = ((info & MICA_RSI_INFO_BOUND) != 0UL) ?
			    st->role : 0UL;
}

unsigned long smc_mica_realm_bind(unsigned long rd_addr, unsigned long role)
{
	struct granule *g_rd;
	struct rd *rd;
	unsigned long ret;
	int rc;

	if (role > UINT32_MAX) {
		return RMI_ERROR_INPUT;
	}
	g_rd = find_lock_granule(rd_addr, GRANULE_STATE_RD);
	if (g_rd == NULL) {
		return RMI_ERROR_INPUT;
	}
	rd = buffer_granule_map(g_rd, SLOT_RD);
	assert(rd != NULL);

	/* RECs copy the Mica state when created: bind before any. */
	if ((get_rd_state_locked(rd) != REALM_NEW) ||
	    (get_rd_rec_count_locked(rd) != 0UL)) {
		ret = RMI_ERROR_REALM;
	} else {
		rc = mica_pool_bind(&rd->mica, (uint32_t)role,
				    (unsigned int)realm_ipa_bits(rd));
		/* -ENOENT: no such role, -EINVAL: another IPA width; -EPERM:
		 * not governed, -EBUSY: bound, -EEXIST: the role is taken.
		 */
		ret = (rc == 0) ? RMI_SUCCESS :
		      (((rc == -ENOENT) || (rc == -EINVAL)) ? RMI_ERROR_INPUT :
							    RMI_ERROR_REALM);
	}
	buffer_unmap(rd);
	granule_unlock(g_rd);
	return ret;
}
