/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Mica policy library: validates a policy blob (mica_blob.h, format version 1)
 * once, then answers enforcement queries on it in place.
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
 *
 * The RMM compiles only what it calls (tf-rmm/lib/mica/CMakeLists.txt); the
 * functions marked "micac" below live in files that list leaves out.
 */

#ifndef MICA_POLICY_H
#define MICA_POLICY_H

#include <mica_blob.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------------
 * Validation
 * ------------------------------------------------------------------------
 */

/*
 * Which rule a refused blob breaks. The values are stable (docs/blob-format.md
 * lists them); each has one fixed reason string.
 */
enum mica_blob_fault {
	MICA_FAULT_NONE = 0,
	/* the buffer and the header */
	MICA_FAULT_NULL = 1,
	MICA_FAULT_ALIGN = 2,
	MICA_FAULT_TRUNCATED = 3,
	MICA_FAULT_MAGIC = 4,
	MICA_FAULT_VERSION = 5,
	MICA_FAULT_HEADER_SIZE = 6,
	MICA_FAULT_TOTAL_SIZE = 7,
	MICA_FAULT_RESERVED = 8,
	MICA_FAULT_DIGEST_ALG = 9,
	MICA_FAULT_IPA_BITS = 10,
	/* the table layout */
	MICA_FAULT_TABLE_OFFSET = 11,
	MICA_FAULT_TABLE_COUNT = 12,
	MICA_FAULT_REGION_IDX_COUNT = 13,
	MICA_FAULT_RIM_IDX_COUNT = 14,
	MICA_FAULT_LAYOUT_SIZE = 15,
	MICA_FAULT_PADDING = 16,
	/* names and the string table */
	MICA_FAULT_NAME_OFF = 17,
	MICA_FAULT_NAME_UNTERMINATED = 18,
	MICA_FAULT_NAME_EMPTY = 19,
	MICA_FAULT_NAME_LONG = 20,
	MICA_FAULT_NAME_CHAR = 21,
	MICA_FAULT_NAME_HOST = 22,
	MICA_FAULT_NAME_ORDER = 23,
	MICA_FAULT_NAME_CLASH = 24,
	MICA_FAULT_STRINGS_TRAILING = 25,
	/* realms */
	MICA_FAULT_REALM_TRUST = 26,
	MICA_FAULT_REALM_FLAGS = 27,
	MICA_FAULT_REALM_MEAS_LEN = 28,
	MICA_FAULT_REALM_MEAS_PAD = 29,
	/* grants */
	MICA_FAULT_GRANT_REGION = 30,
	MICA_FAULT_GRANT_REALM = 31,
	MICA_FAULT_GRANT_PERM = 32,
	MICA_FAULT_GRANT_ORDER = 33,
	/* regions */
	MICA_FAULT_REGION_KIND = 34,
	MICA_FAULT_REGION_SIZE = 35,
	MICA_FAULT_REGION_BASE = 36,
	MICA_FAULT_REGION_PROTECTED_IPA = 37,
	MICA_FAULT_REGION_UNPROTECTED_IPA = 38,
	MICA_FAULT_REGION_GRANT_FIRST = 39,
	MICA_FAULT_REGION_GRANT_COUNT = 40,
	MICA_FAULT_REGION_GRANT_RUN = 41,
	MICA_FAULT_GRANTS_UNCLAIMED = 42,
	/* calls */
	MICA_FAULT_CALL_REALM = 43,
	MICA_FAULT_CALL_SELF = 44,
	MICA_FAULT_CALL_FLAGS = 45,
	MICA_FAULT_CALL_ORDER = 46,
	/* the two indices */
	MICA_FAULT_REGION_IDX_RANGE = 47,
	MICA_FAULT_REGION_IDX_ORDER = 48,
	MICA_FAULT_RIM_IDX_RANGE = 49,
	MICA_FAULT_RIM_IDX_UNMEASURED = 50,
	MICA_FAULT_RIM_IDX_ORDER = 51,
	/* names, continued */
	MICA_FAULT_NAME_KEYWORD = 52,
	MICA_FAULT_COUNT = 53
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
	enum mica_blob_fault fault;	/* which rule */
	uint32_t offset;	/* byte offset in the blob of the faulty field */
	uint32_t index;		/* element of `table`, or MICA_BLOB_NO_INDEX */
	uint8_t table;		/* MICA_TABLE_*, or MICA_BLOB_IN_HEADER */
};

/*
 * Bytes per element of table TABLE (MICA_TABLE_*; the string table counts
 * bytes). Writers lay tables out with these, as the validator checks them.
 */
uint32_t mica_blob_elem_size(unsigned int table);

/*
 * Checks every rule of format version 1 in one linear pass without
 * allocating. Returns 0 if the blob is valid (and so canonical), -ENOTSUP
 * for a format version this library does not read, -EINVAL for anything
 * else wrong, including a blob that is not 8-byte aligned in memory. err may
 * be NULL; otherwise it is always written (fault MICA_FAULT_NONE on success).
 */
int mica_blob_validate(const void *blob, size_t size,
		       struct mica_blob_error *err);

/* micac (blob_text.c): "header", "realm", "region", "grant", "call",
 * "region index", "rim index", "string table"; "?" for anything else.
 */
const char *mica_blob_table_name(unsigned int table);

/* micac (blob_text.c): the fixed reason string of a fault; "?" for an
 * unknown value.
 */
const char *mica_blob_fault_reason(enum mica_blob_fault fault);

/* ------------------------------------------------------------------------
 * Read API: only on a blob that mica_blob_validate() accepted. Nothing is
 * re-checked; indices must be below the table's count. All micac
 * (blob_read.c) but mica_blob_header (policy_enforce.c).
 * ------------------------------------------------------------------------
 */

const struct mica_blob_header *mica_blob_header(const void *blob);
/* Element count of table MICA_TABLE_* (bytes for the string table). */
uint32_t mica_blob_count(const void *blob, unsigned int table);
const struct mica_blob_realm *mica_blob_realm(const void *blob, uint32_t i);
const struct mica_blob_region *mica_blob_region(const void *blob, uint32_t i);
const struct mica_blob_grant *mica_blob_grant(const void *blob, uint32_t i);
const struct mica_blob_call *mica_blob_call(const void *blob, uint32_t i);
/* The k-th region index by base, and the k-th realm of the rim index. */
uint32_t mica_blob_region_by_base(const void *blob, uint32_t k);
uint32_t mica_blob_rim_realm(const void *blob, uint32_t k);
/* NUL-terminated names, inside the blob. */
const char *mica_blob_policy_name(const void *blob);
const char *mica_blob_realm_name(const void *blob, uint32_t i);
const char *mica_blob_region_name(const void *blob, uint32_t i);

/* ------------------------------------------------------------------------
 * Query API: O(log n) each, after one validation in mica_policy_init().
 * ------------------------------------------------------------------------
 */

struct mica_policy {
	const void *blob;	/* validated, 8-byte aligned, read in place */
	uint32_t realm_count;
	uint32_t region_count;
	/* Located once by mica_policy_init, for the unprotected-memory
	 * lookup the RMM makes on every mapping: the regions, their index
	 * sorted by base, and the grants, all inside blob.
	 */
	const struct mica_blob_region *regions;
	const uint32_t *regions_by_base;
	const struct mica_blob_grant *grants;
};

/* Validates the blob (see mica_blob_validate) and binds pol to it. On
 * failure pol refers to no blob and every query on it answers "no".
 */
int mica_policy_init(struct mica_policy *pol, const void *blob, size_t size,
		     struct mica_blob_error *err);

/* micac (policy_lookup.c): realm / region index by name (len bytes, no NUL
 * needed): 0, or -ENOENT.
 */
int mica_policy_find_realm(const struct mica_policy *pol, const char *name,
			   size_t len, uint32_t *realm);
int mica_policy_find_region(const struct mica_policy *pol, const char *name,
			    size_t len, uint32_t *region);

/*
 * micac (policy_lookup.c): the roles whose measurement is rim (len bytes:
 * 32, 48 or 64). Returns how many realms have it (0: none) and sets *pos to
 * the rim index position of the first; mica_blob_rim_realm(pol->blob,
 * *pos + k) for k < count are those realms, in increasing realm index.
 */
uint32_t mica_policy_role_by_rim(const struct mica_policy *pol,
				 const uint8_t *rim, size_t len, uint32_t *pos);

/* True when the realm has no measurement, or its measurement is exactly the
 * len bytes at rim (the RMI_REALM_ACTIVATE check). False for a bad index.
 */
bool mica_policy_rim_matches(const struct mica_policy *pol, uint32_t realm,
			     const uint8_t *rim, size_t len);

/*
 * May the realm map the unprotected IPA range [ipa, ipa + size)? Returns 0
 * and the granted MICA_PERM_* bits in *perm (and the region in *region, if
 * not NULL) when the range lies wholly inside one unprotected region granted
 * to the realm; -EINVAL for size 0, a range that wraps or a realm index out
 * of range; -ENOENT when no single unprotected region holds the whole range;
 * -EACCES when that region is not granted to the realm.
 */
int mica_policy_ns_map_perm(const struct mica_policy *pol, uint32_t realm,
			    uint64_t ipa, uint64_t size, unsigned int *perm,
			    uint32_t *region);

/* The realm's MICA_PERM_* bits on the region; 0 when not granted. */
unsigned int mica_policy_region_perm(const struct mica_policy *pol,
				     uint32_t region, uint32_t realm);

/* micac (policy_flows.c; no RMM hook yet): may writer pass data to a
 * different realm, reader, through the region: writer's grant includes write
 * and reader's includes read?
 */
bool mica_policy_may_share(const struct mica_policy *pol, uint32_t region,
			   uint32_t writer, uint32_t reader);

/* micac (policy_flows.c; no RMM hook yet): may caller call callee? If so
 * and oneway is not NULL, *oneway tells whether the call is a one-way signal
 * (data flows caller to callee only).
 */
bool mica_policy_may_call(const struct mica_policy *pol, uint32_t caller,
			  uint32_t callee, bool *oneway);

/* May the realm exit to the host with RSI_HOST_CALL / for emulated MMIO? */
bool mica_policy_may_hostcall(const struct mica_policy *pol, uint32_t realm);
bool mica_policy_may_mmio(const struct mica_policy *pol, uint32_t realm);

#endif /* MICA_POLICY_H */
