/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The attestation app's multi-part hash for Mica policy digests (see
 * attest_mica_hash.h). Any failure aborts the operation, so a later START
 * always begins clean.
 *
 * One operation, not one per CPU: the app's .bss is a fixed reservation the
 * RMM makes (3 granules in rmm_stub attest.c, whatever MAX_CPUS is) and the
 * stock app leaves about 2 KB of it free, so per-CPU state (232 bytes per
 * CPU) overflowed it on FVP (16 CPUs) and qemu_virt (32). The RMM side holds
 * a lock from START to FINISH (mica_rmm_digest.c); the app also refuses an
 * UPDATE or FINISH from a CPU other than the one that started.
 */

#include <attest_mica_hash.h>
#include <psa/crypto.h>
#include <stddef.h>
#include <utils_def.h>

static psa_hash_operation_t mica_hash_op;
static unsigned long mica_hash_cpu = ~0UL;	/* the CPU that last STARTed */

static psa_algorithm_t psa_alg(unsigned long alg)
{
	switch (alg) {
	case ATTEST_MICA_HASH_SHA256:
		return PSA_ALG_SHA_256;
	case ATTEST_MICA_HASH_SHA384:
		return PSA_ALG_SHA_384;
	case ATTEST_MICA_HASH_SHA512:
		return PSA_ALG_SHA_512;
	default:
		return PSA_ALG_NONE;
	}
}

static unsigned long step(psa_hash_operation_t *op, unsigned long func_id,
			  unsigned long arg, uint8_t *shared)
{
	size_t len = 0U;

	switch (func_id) {
	case ATTESTATION_APP_FUNC_ID_MICA_HASH_START:
		*op = psa_hash_operation_init();
		return (psa_hash_setup(op, psa_alg(arg)) == PSA_SUCCESS) ?
		       0UL : ATTEST_MICA_HASH_ERROR;
	case ATTESTATION_APP_FUNC_ID_MICA_HASH_UPDATE:
		if (arg > GRANULE_SIZE) {
			return ATTEST_MICA_HASH_ERROR;
		}
		return (psa_hash_update(op, shared, arg) == PSA_SUCCESS) ?
		       0UL : ATTEST_MICA_HASH_ERROR;
	case ATTESTATION_APP_FUNC_ID_MICA_HASH_FINISH:
		return (psa_hash_finish(op, shared, PSA_HASH_MAX_SIZE, &len) ==
			PSA_SUCCESS) ? (unsigned long)len : ATTEST_MICA_HASH_ERROR;
	default:
		return ATTEST_MICA_HASH_ERROR;
	}
}

unsigned long app_mica_hash(unsigned long func_id, unsigned long cpu,
			    unsigned long arg, uint8_t *shared)
{
	unsigned long ret;

	if (func_id == ATTESTATION_APP_FUNC_ID_MICA_HASH_START) {
		mica_hash_cpu = cpu;
	} else if (cpu != mica_hash_cpu) {
		return ATTEST_MICA_HASH_ERROR;
	}
	ret = step(&mica_hash_op, func_id, arg, shared);
	if (ret == ATTEST_MICA_HASH_ERROR) {
		(void)psa_hash_abort(&mica_hash_op);
	}
	return ret;
}
