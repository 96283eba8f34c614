/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * A policy blob's digest, computed by the attestation app: the hash engine
 * that measures realms, driven through its multi-part Mica entry points
 * (attest_mica_hash.h) one shared-page chunk at a time. The app keeps one
 * hash operation for all CPUs (its .bss is a fixed reservation), so a lock
 * is held from START to FINISH: concurrent loads hash one after the other.
 */

#include <app.h>
#include <assert.h>
#include <attest_mica_hash.h>
#include <cpuid.h>
#include <errno.h>
#include <mica_rmm.h>
#include <simd.h>
#include <spinlock.h>
#include <string.h>

/* The app takes the blob's digest_alg values as they are. */
_Static_assert((ATTEST_MICA_HASH_SHA256 == MICA_DIGEST_SHA256) &&
	       (ATTEST_MICA_HASH_SHA384 == MICA_DIGEST_SHA384) &&
	       (ATTEST_MICA_HASH_SHA512 == MICA_DIGEST_SHA512), "digest ids");

static unsigned long app_step(struct app_data_cfg *app, unsigned long func_id,
			      unsigned long arg)
{
	unsigned long ret;

	SIMD_FPU_ALLOW(
		ret = app_run(app, func_id, my_cpuid(), arg, 0UL, 0UL));
	assert(app->exit_flag != APP_EXIT_SVC_YIELD_FLAG);
	return ret;
}

static spinlock_t mica_digest_lock;

int mica_rmm_digest(unsigned int alg, const void *blob, size_t size,
		    uint8_t out[MICA_RPV_SIZE], size_t *len)
{
	struct app_data_cfg *app = attest_cpu_app_data();
	unsigned long ret;

	spinlock_acquire(&mica_digest_lock);
	app_map_shared_page(app);
	ret = app_step(app, ATTESTATION_APP_FUNC_ID_MICA_HASH_START, alg);
	for (size_t done = 0U; (ret == 0UL) && (done < size);) {
		size_t chunk = size - done;

		if (chunk > GRANULE_SIZE) {
			chunk = GRANULE_SIZE;
		}
		(void)memcpy(app->el2_shared_page,
			     (const uint8_t *)blob + done, chunk);
		ret = app_step(app, ATTESTATION_APP_FUNC_ID_MICA_HASH_UPDATE,
			       chunk);
		done += chunk;
	}
	if (ret == 0UL) {
		ret = app_step(app, ATTESTATION_APP_FUNC_ID_MICA_HASH_FINISH,
			       0UL);
	}
	if ((ret != ATTEST_MICA_HASH_ERROR) && (ret != 0UL) &&
	    (ret <= MICA_RPV_SIZE)) {
		(void)memset(out, 0, MICA_RPV_SIZE);
		(void)memcpy(out, app->el2_shared_page, ret);
		*len = ret;
		ret = 0UL;
	} else {
		ret = ATTEST_MICA_HASH_ERROR;
	}
	app_unmap_shared_page(app);
	spinlock_release(&mica_digest_lock);
	return (ret == 0UL) ? 0 : -EINVAL;
}
