/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Mica policy library, the core the RMM compiles: the checks that make every
 * query below memory-safe, terminating and well-defined on any blob
 * (mica_blob_check), and the queries. micac's full API, with the canonical
 * validator (mica_blob_validate), is mica_policy.h, which includes this.
 *
 * Freestanding: no allocation, no floating point, no unaligned access, no
 * libc, bounded stack (see README.md). The blob is read where it lies and must
 * stay unchanged for as long as a struct mica_policy refers to it.
 *
 * Usage, e.g. in the RMM once the blob is in an RMM-owned 8-byte aligned pool:
 *
 *	struct mica_policy pol;
 *	struct mica_blob_error err;
 *	unsigned int perm;
 *	uint32_t role;
 *
 *	if (mica_policy_init(&pol, pool, size, &err) != 0) {
 *		// refuse: err.fault, err.offset, err.table, err.index say why
 *	}
 *	role = ...;	// RMI_MICA_REALM_BIND's argument (micac: find_realm)
 *	if (!mica_policy_rim_matches(&pol, role, rim, rim_len)) {
 *		// RMI_REALM_ACTIVATE: the realm's code is not the role's
 *	}
 *	if (mica_policy_ns_map_perm(&pol, role, ipa, map_size, &perm, NULL) != 0) {
 *		// RMI_RTT_MAP_UNPROTECTED: not in an unprotected region of the role
 *	} else if ((perm & MICA_PERM_WRITE) == 0U) {
 *		// read-only grant: map without write permission
 *	}
 *	if (!mica_policy_may_hostcall(&pol, role)) {
 *		// RSI_HOST_CALL: RSI_ERROR_INPUT
 *	}
 *
 * Functions that act return 0 or a negative errno value; predicates return
 * bool. Index arguments are realm and region indices in the blob's order (by
 * name); an index out of range is never an error, only a "no".
 */

#ifndef MICA_CORE_H
#define MICA_CORE_H

#include <mica_blob.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------------
 * Validation
 * ------------------------------------------------------------------------
 */

/*
 * Which rule a refused blob breaks: one stable numbering for all the
 * format's rules (docs/blob-format.md lists them, each with one fixed
 * reason), of which these are the core's, the ones mica_blob_check
 * reports. mica_policy.h numbers the canonical rules in the gaps (enum
 * mica_canon_fault); struct mica_blob_error carries either.
 */
enum mica_blob_fault {
	MICA_FAULT_NONE = 0,
	MICA_FAULT_NULL = 1,
	MICA_FAULT_ALIGN = 2,
	MICA_FAULT_TRUNCATED = 3,
	MICA_FAULT_MAGIC = 4,
	MICA_FAULT_VERSION = 5,
	MICA_FAULT_DIGEST_ALG = 9,
	MICA_FAULT_IPA_BITS = 10,
	MICA_FAULT_TABLE_OFFSET = 11,
	MICA_FAULT_REGION_IDX_COUNT = 13,
	MICA_FAULT_LAYOUT_SIZE = 15,
	MICA_FAULT_REALM_MEAS_LEN = 28,
	MICA_FAULT_GRANT_REGION = 30,
	MICA_FAULT_GRANT_REALM = 31,
	MICA_FAULT_GRANT_ORDER = 33,
	MICA_FAULT_REGION_KIND = 34,
	MICA_FAULT_REGION_SIZE = 35,
	MICA_FAULT_REGION_BASE = 36,
	MICA_FAULT_REGION_PROTECTED_IPA = 37,
	MICA_FAULT_REGION_UNPROTECTED_IPA = 38,
	MICA_FAULT_REGION_GRANT_FIRST = 39,
	MICA_FAULT_REGION_GRANT_COUNT = 40,
	MICA_FAULT_REGION_GRANT_RUN = 41,
	MICA_FAULT_CALL_REALM = 43,
	MICA_FAULT_CALL_SELF = 44,
	MICA_FAULT_CALL_ORDER = 46,
	MICA_FAULT_REGION_IDX_RANGE = 47,
	MICA_FAULT_REGION_IDX_ORDER = 48,
};

/* err.table when the fault is in the header itself. */
#define MICA_BLOB_IN_HEADER	0xFFU
/* err.index when the fault is not in one element of a table. */
#define MICA_BLOB_NO_INDEX	UINT32_MAX

/*
 * Why a blob was refused: codes, offsets and indices only. Enough for a
 * user-facing message such as "offset 0x1e8: region 1: base is not 4 KiB
 * aligned", built from mica_blob_table_name(table), index and
 * mica_blob_fault_reason(fault).
 */
struct mica_blob_error {
	unsigned int fault;	/* which rule: MICA_FAULT_* */
	uint32_t offset;	/* byte offset in the blob of the faulty field */
	uint32_t index;		/* element of `table`, or MICA_BLOB_NO_INDEX */
	uint8_t table;		/* MICA_TABLE_*, or MICA_BLOB_IN_HEADER */
};

/*
 * The core checks: every rule that a query below, or the RMM code around
 * it, relies on to stay inside the blob, terminate and answer as its
 * definition says (docs/rmm-integration.md, "Cost", lists them and the
 * rules left to mica_blob_validate). Returns 0, -ENOTSUP for a format
 * version this library does not read, -EINVAL for anything else, including
 * a blob that is not 8-byte aligned in memory. err may be NULL; otherwise
 * it is always written (fault MICA_FAULT_NONE on success). A blob it accepts
 * need not be canonical: only mica_blob_validate's are.
 */
int mica_blob_check(const void *blob, size_t size,
		    struct mica_blob_error *err);

/* The blob's header (after mica_blob_check). */
const struct mica_blob_header *mica_blob_header(const void *blob);

/* ------------------------------------------------------------------------
 * Query API: O(log n) each, after one check in mica_policy_init().
 * ------------------------------------------------------------------------
 */

struct mica_policy {
	const void *blob;	/* checked, 8-byte aligned, read in place */
	uint32_t realm_count;
	uint32_t region_count;
	/* Located once by mica_policy_init, for the region lookup the RMM
	 * makes on every mapping: the regions, their index sorted by base,
	 * and the grants, all inside blob.
	 */
	const struct mica_blob_region *regions;
	const uint32_t *regions_by_base;
	const struct mica_blob_grant *grants;
};

/* Checks the blob (mica_blob_check) and binds pol to it. On failure pol
 * refers to no blob and every query on it answers "no". micac validates
 * the blob in full (mica_blob_validate) before it reads names or the rim
 * index (mica_policy.h).
 */
int mica_policy_init(struct mica_policy *pol, const void *blob, size_t size,
		     struct mica_blob_error *err);

/* True when the realm has no measurement, or its measurement is exactly the
 * len bytes at rim (the RMI_REALM_ACTIVATE check). False for a bad index.
 */
bool mica_policy_rim_matches(const struct mica_policy *pol, uint32_t realm,
			     const uint8_t *rim, size_t len);

/*
 * policy_ns.c (micac; the RMM decides with mica_decide_ns_perm on the same
 * lookup): may the realm map the unprotected IPA range [ipa, ipa + size)? 0
 * and the granted MICA_PERM_* bits in *perm (and the region in *region, if
 * not NULL) when the range lies wholly inside one unprotected region granted
 * to the realm; -EINVAL for size 0, a range that wraps or a realm index out
 * of range; -ENOENT when no single unprotected region holds the whole range;
 * -EACCES when that region is not granted to the realm.
 */
int mica_policy_ns_map_perm(const struct mica_policy *pol, uint32_t realm,
			    uint64_t ipa, uint64_t size, unsigned int *perm,
			    uint32_t *region);

/* mica_policy_ns_map_perm for a region of any kind (MICA_REGION_*): the
 * protected range [ipa, ipa + size) a realm-to-realm share maps, say.
 */
int mica_policy_range_perm(const struct mica_policy *pol, uint32_t realm,
			   unsigned int kind, uint64_t ipa, uint64_t size,
			   unsigned int *perm, uint32_t *region);

/* The realm's MICA_PERM_* bits on the region; 0 when not granted. */
unsigned int mica_policy_region_perm(const struct mica_policy *pol,
				     uint32_t region, uint32_t realm);

/* May caller call callee (RSI_MICA_CALL)? If so
 * and oneway is not NULL, *oneway tells whether the call is a one-way signal
 * (data flows caller to callee only).
 */
bool mica_policy_may_call(const struct mica_policy *pol, uint32_t caller,
			  uint32_t callee, bool *oneway);

/* May the realm exit to the host with RSI_HOST_CALL / for emulated MMIO? */
bool mica_policy_may_hostcall(const struct mica_policy *pol, uint32_t realm);
bool mica_policy_may_mmio(const struct mica_policy *pol, uint32_t realm);

#endif /* MICA_CORE_H */
