/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Mica policy library, micac's whole API: the core (mica_core.h: the
 * checks the RMM runs, and the queries) plus the canonical validator, the
 * fault and table words, the read API and the lookups by name and by
 * measurement. The RMM compiles none of what this header adds
 * (tf-rmm/lib/mica/CMakeLists.txt).
 */

#ifndef MICA_POLICY_H
#define MICA_POLICY_H

#include <mica_core.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------------
 * Validation (canon_*.c)
 * ------------------------------------------------------------------------
 */

/*
 * The canonical rules' faults, numbered in the gaps of the core's (enum
 * mica_blob_fault in mica_core.h): mica_blob_validate reports these and
 * the core's.
 */
enum mica_canon_fault {
	MICA_FAULT_HEADER_SIZE = 6,
	MICA_FAULT_TOTAL_SIZE = 7,
	MICA_FAULT_RESERVED = 8,
	MICA_FAULT_TABLE_COUNT = 12,
	MICA_FAULT_RIM_IDX_COUNT = 14,
	MICA_FAULT_PADDING = 16,
	MICA_FAULT_NAME_OFF = 17,
	MICA_FAULT_NAME_UNTERMINATED = 18,
	MICA_FAULT_NAME_EMPTY = 19,
	MICA_FAULT_NAME_LONG = 20,
	MICA_FAULT_NAME_CHAR = 21,
	MICA_FAULT_NAME_HOST = 22,
	MICA_FAULT_NAME_ORDER = 23,
	MICA_FAULT_NAME_CLASH = 24,
	MICA_FAULT_STRINGS_TRAILING = 25,
	MICA_FAULT_REALM_TRUST = 26,
	MICA_FAULT_REALM_FLAGS = 27,
	MICA_FAULT_REALM_MEAS_PAD = 29,
	MICA_FAULT_GRANT_PERM = 32,
	MICA_FAULT_GRANTS_UNCLAIMED = 42,
	MICA_FAULT_CALL_FLAGS = 45,
	MICA_FAULT_RIM_IDX_RANGE = 49,
	MICA_FAULT_RIM_IDX_UNMEASURED = 50,
	MICA_FAULT_RIM_IDX_ORDER = 51,
	MICA_FAULT_NAME_KEYWORD = 52,
	MICA_FAULT_COUNT = 53
};

/*
 * Bytes per element of table TABLE (MICA_TABLE_*; the string table counts
 * bytes). Writers lay tables out with these, as the validator checks them.
 */
uint32_t mica_blob_elem_size(unsigned int table);

/*
 * Checks every rule of format version 1 without allocating: the core's
 * (mica_blob_check) and those that only make the blob canonical (names,
 * reserved and padding bytes, the rim index, value sets the RMM never
 * reads...). Returns 0 if the blob is valid (and so canonical), -ENOTSUP
 * for a format version this library does not read, -EINVAL for anything
 * else wrong, including a blob that is not 8-byte aligned in memory. err may
 * be NULL; otherwise it is always written (fault MICA_FAULT_NONE on
 * success).
 */
int mica_blob_validate(const void *blob, size_t size,
		       struct mica_blob_error *err);

/* blob_text.c: "header", "realm", "region", "grant", "call", "region
 * index", "rim index", "string table"; "?" for anything else.
 */
const char *mica_blob_table_name(unsigned int table);

/* blob_text.c: the fixed reason string of a fault; "?" for an unknown
 * value.
 */
const char *mica_blob_fault_reason(unsigned int fault);

/* ------------------------------------------------------------------------
 * Read API (blob_read.c): only on a blob that mica_blob_validate()
 * accepted. Nothing is re-checked; indices must be below the table's count.
 * ------------------------------------------------------------------------
 */

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
 * Lookups (policy_lookup.c): only on a policy whose blob
 * mica_blob_validate() accepted (they read names and the rim index).
 * ------------------------------------------------------------------------
 */

/* Realm / region index by name (len bytes, no NUL needed): 0, or -ENOENT. */
int mica_policy_find_realm(const struct mica_policy *pol, const char *name,
			   size_t len, uint32_t *realm);
int mica_policy_find_region(const struct mica_policy *pol, const char *name,
			    size_t len, uint32_t *region);

/*
 * The roles whose measurement is rim (len bytes: 32, 48 or 64). Returns how
 * many realms have it (0: none) and sets *pos to the rim index position of
 * the first; mica_blob_rim_realm(pol->blob, *pos + k) for k < count are
 * those realms, in increasing realm index.
 */
uint32_t mica_policy_role_by_rim(const struct mica_policy *pol,
				 const uint8_t *rim, size_t len, uint32_t *pos);

/* policy_flows.c: may writer pass data to a different realm, reader,
 * through the region: writer's grant includes write and reader's includes
 * read? micac's flow checks and scenarios ask it; the RMM decides a share
 * with mica_decide_share(), which reads the two grants itself.
 */
bool mica_policy_may_share(const struct mica_policy *pol, uint32_t region,
			   uint32_t writer, uint32_t reader);

#endif /* MICA_POLICY_H */
