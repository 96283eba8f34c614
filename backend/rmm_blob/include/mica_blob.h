/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Mica policy blob, format version 1: the on-disk / in-memory layout.
 *
 * This header is the contract between the writer (micac's encoder) and every
 * reader (the validator in this library, used by micac and by the RMM).
 * docs/blob-format.md describes the same layout in prose; the two must agree.
 *
 * Layout (all fields little-endian, every table 8-byte aligned, every padding
 * byte zero, tables in exactly this order with no gaps other than padding):
 *
 *   header                      struct mica_blob_header (88 bytes)
 *   realms        [realm_cnt]   struct mica_blob_realm, sorted by name (bytes)
 *   regions       [region_cnt]  struct mica_blob_region, sorted by name (bytes)
 *   grants        [grant_cnt]   struct mica_blob_grant, sorted by (region, realm)
 *   calls         [call_cnt]    struct mica_blob_call, sorted by (caller, callee)
 *   region index  [region_cnt]  uint32_t region indices, sorted by base
 *   rim index     [measured]    uint32_t realm indices of measured realms,
 *                               sorted by (meas_len, measurement, realm index)
 *   strings       [bytes]       NUL-terminated names: policy name, then realm
 *                               names in realm order, then region names in
 *                               region order
 *
 * The header's table descriptors give each table's offset and element count
 * (byte count for the string table). A valid blob has each offset equal to the
 * end of the previous table rounded up to MICA_BLOB_ALIGN, and total_size
 * equal to the end of the string table rounded up likewise. Because order,
 * offsets and padding are all fixed, a blob that validates is canonical:
 * decoding and re-encoding it gives the same bytes.
 */

#ifndef MICA_BLOB_H
#define MICA_BLOB_H

#include <stdint.h>

#if defined(__BYTE_ORDER__) && (__BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__)
#error "mica_blob: the blob layout is little-endian and read in place"
#endif

#define MICA_BLOB_MAGIC		"MICAPOL"	/* 7 chars + NUL = 8 bytes */
#define MICA_BLOB_MAGIC_SIZE	8U
#define MICA_BLOB_FORMAT_VERSION	1U
#define MICA_BLOB_ALIGN		8U

#define MICA_GRANULE_SIZE	4096U
#define MICA_NAME_MAX		63U	/* bytes, excluding the NUL */
#define MICA_MEAS_MAX		64U	/* bytes of the longest measurement */
#define MICA_IPA_BITS_MIN	32U
#define MICA_IPA_BITS_MAX	52U

/* Table limits: what the language allows, the encoder writes, and the
 * validator accepts. Large enough for the benchmark's million-realm
 * platforms; small enough that every offset fits in 32 bits.
 */
#define MICA_MAX_REALMS		(1U << 21)
#define MICA_MAX_REGIONS	(1U << 21)
#define MICA_MAX_GRANTS		(1U << 23)
#define MICA_MAX_CALLS		(1U << 23)

/* Digest algorithms (header.digest_alg). */
#define MICA_DIGEST_SHA256	1U
#define MICA_DIGEST_SHA384	2U
#define MICA_DIGEST_SHA512	3U

/* Trust levels (realm.trust). */
#define MICA_TRUST_TRUSTED	1U
#define MICA_TRUST_DISTRUSTFUL	2U
#define MICA_TRUST_UNTRUSTED	3U

/* Realm flags (realm.flags). */
#define MICA_REALM_HOSTCALL	(1U << 0)
#define MICA_REALM_MMIO		(1U << 1)
#define MICA_REALM_FLAGS_ALL	(MICA_REALM_HOSTCALL | MICA_REALM_MMIO)

/* Region kinds (region.kind). */
#define MICA_REGION_PROTECTED	1U
#define MICA_REGION_UNPROTECTED	2U

/* Grant permissions (grant.perm): a bit set. */
#define MICA_PERM_READ		(1U << 0)
#define MICA_PERM_WRITE		(1U << 1)
#define MICA_PERM_READWRITE	(MICA_PERM_READ | MICA_PERM_WRITE)

/* Call flags (call.flags). */
#define MICA_CALL_ONEWAY	(1U << 0)
#define MICA_CALL_FLAGS_ALL	MICA_CALL_ONEWAY

/* Table numbers, in file order. */
#define MICA_TABLE_REALMS	0U
#define MICA_TABLE_REGIONS	1U
#define MICA_TABLE_GRANTS	2U
#define MICA_TABLE_CALLS	3U
#define MICA_TABLE_REGION_IDX	4U
#define MICA_TABLE_RIM_IDX	5U
#define MICA_TABLE_STRINGS	6U
#define MICA_TABLE_COUNT	7U

struct mica_blob_table {
	uint32_t offset;	/* from the start of the blob */
	uint32_t count;		/* elements; bytes for the string table */
};

struct mica_blob_header {
	uint8_t magic[MICA_BLOB_MAGIC_SIZE];	/* "MICAPOL\0" */
	uint16_t format_version;		/* MICA_BLOB_FORMAT_VERSION */
	uint16_t header_size;			/* sizeof(struct mica_blob_header) */
	uint32_t total_size;			/* bytes, including final padding */
	uint32_t policy_version;		/* the tenant's `version` */
	uint8_t digest_alg;			/* MICA_DIGEST_* */
	uint8_t ipa_bits;			/* 32 .. 52 */
	uint16_t reserved0;			/* zero */
	uint32_t name_off;			/* policy name, offset in strings */
	uint32_t reserved1;			/* zero */
	struct mica_blob_table tables[MICA_TABLE_COUNT];
};

struct mica_blob_realm {
	uint32_t name_off;			/* offset in the string table */
	uint8_t trust;				/* MICA_TRUST_* */
	uint8_t flags;				/* MICA_REALM_* */
	uint8_t meas_len;			/* 0 (none), 32, 48 or 64 */
	uint8_t reserved;			/* zero */
	uint8_t measurement[MICA_MEAS_MAX];	/* zero beyond meas_len */
};

struct mica_blob_region {
	uint32_t name_off;			/* offset in the string table */
	uint8_t kind;				/* MICA_REGION_* */
	uint8_t reserved[3];			/* zero */
	uint64_t base;				/* IPA, granule aligned */
	uint64_t size;				/* bytes, granule multiple, > 0 */
	uint32_t grant_first;			/* first grant of this region */
	uint32_t grant_count;			/* >= 1 */
};

struct mica_blob_grant {
	uint32_t region;			/* region index */
	uint32_t realm;				/* realm index */
	uint8_t perm;				/* MICA_PERM_*, non-zero */
	uint8_t reserved[3];			/* zero */
};

struct mica_blob_call {
	uint32_t caller;			/* realm index */
	uint32_t callee;			/* realm index, != caller */
	uint8_t flags;				/* MICA_CALL_* */
	uint8_t reserved[3];			/* zero */
};

/* Compile-time checks that the layout is what docs/blob-format.md says. */
_Static_assert(sizeof(struct mica_blob_table) == 8, "table descriptor");
_Static_assert(sizeof(struct mica_blob_header) == 88, "header size");
_Static_assert(sizeof(struct mica_blob_realm) == 72, "realm record");
_Static_assert(sizeof(struct mica_blob_region) == 32, "region record");
_Static_assert(sizeof(struct mica_blob_grant) == 12, "grant record");
_Static_assert(sizeof(struct mica_blob_call) == 12, "call record");
_Static_assert(__builtin_offsetof(struct mica_blob_header, tables) == 32,
	       "header tables");
_Static_assert(__builtin_offsetof(struct mica_blob_region, base) == 8,
	       "region base");

#endif /* MICA_BLOB_H */
