/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * A multi-part hash in the attestation app, for Mica policy digests.
 *
 * The app's one-shot ATTESTATION_APP_FUNC_ID_DO_HASH takes at most one
 * granule and only SHA-256/512; a policy blob may be longer and may use
 * SHA-384. These three calls run the same mbedTLS PSA hash over any number
 * of shared-page chunks: START(cpu, alg), UPDATE(cpu, bytes) per chunk in
 * the shared page, FINISH(cpu) leaving the digest in the shared page. The
 * operation lives in the app's .bss, which is common to the app's instances
 * and a fixed reservation of the RMM: there is one operation, the RMM holds
 * a lock from START to FINISH, and the app refuses UPDATE and FINISH from a
 * CPU other than the one that started it.
 */

#ifndef ATTEST_MICA_HASH_H
#define ATTEST_MICA_HASH_H

#include <stdint.h>

#define ATTESTATION_APP_FUNC_ID_MICA_HASH_START		200
#define ATTESTATION_APP_FUNC_ID_MICA_HASH_UPDATE	201
#define ATTESTATION_APP_FUNC_ID_MICA_HASH_FINISH	202

/* START's algorithm argument: the Mica blob's digest_alg values. */
#define ATTEST_MICA_HASH_SHA256		1UL
#define ATTEST_MICA_HASH_SHA384		2UL
#define ATTEST_MICA_HASH_SHA512		3UL

/* What every call returns on failure; FINISH otherwise returns the digest
 * length, START and UPDATE 0.
 */
#define ATTEST_MICA_HASH_ERROR		(~0UL)

/* App side (el0_app/src/attest_mica_hash.c). */
unsigned long app_mica_hash(unsigned long func_id, unsigned long cpu,
			    unsigned long arg, uint8_t *shared);

/* RMM side: the calling CPU's attestation app instance (rmm_stub attest.c),
 * as struct app_data_cfg *.
 */
void *attest_cpu_app_data(void);

#endif /* ATTEST_MICA_HASH_H */
