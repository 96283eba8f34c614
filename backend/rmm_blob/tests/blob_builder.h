/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Test-only blob builder: lays out records given in arrays by the rules of
 * mica_blob.h (offsets, padding, string table, grant runs, both indices). It
 * keeps the records in the order given, so a test can build a blob that
 * breaks a sort order on purpose; everything else it derives is canonical.
 */

#ifndef BLOB_BUILDER_H
#define BLOB_BUILDER_H

#include <mica_blob.h>
#include <stddef.h>
#include <stdint.h>

/* Elements of an array (the tests are hosted C, without TF-RMM's headers). */
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct tb_realm {
	const char *name;
	uint8_t trust;
	uint8_t flags;
	uint8_t meas_len;
	uint8_t meas_fill;	/* every measurement byte, when meas_len > 0 */
};

struct tb_region {
	const char *name;
	uint8_t kind;
	uint64_t base;
	uint64_t size;
};

struct tb_grant {
	uint32_t region;
	uint32_t realm;
	uint8_t perm;
};

struct tb_call {
	uint32_t caller;
	uint32_t callee;
	uint8_t flags;
};

struct tb_policy {
	const char *name;
	uint32_t version;
	uint8_t digest_alg;
	uint8_t ipa_bits;
	const struct tb_realm *realms;
	uint32_t nrealms;
	const struct tb_region *regions;
	uint32_t nregions;
	const struct tb_grant *grants;
	uint32_t ngrants;
	const struct tb_call *calls;
	uint32_t ncalls;
};

/* Builds the blob into a new 8-byte aligned buffer (free() it); sets *size. */
uint8_t *tb_build(const struct tb_policy *p, size_t *size);

/* The sample pipeline most tests start from: 5 realms (two sharing one
 * measurement), 4 regions of both kinds, 9 grants, 4 calls; 848 bytes.
 */
const struct tb_policy *tb_sample(void);
uint8_t *tb_build_sample(size_t *size);

/* Writable views of a built blob's records. */
struct mica_blob_header *tb_header(uint8_t *blob);
struct mica_blob_realm *tb_realm_at(uint8_t *blob, uint32_t i);
struct mica_blob_region *tb_region_at(uint8_t *blob, uint32_t i);
struct mica_blob_grant *tb_grant_at(uint8_t *blob, uint32_t i);
struct mica_blob_call *tb_call_at(uint8_t *blob, uint32_t i);
uint32_t *tb_index_at(uint8_t *blob, unsigned int table, uint32_t k);
/* Blob offset of element i of a table, and of a table's first byte. */
uint32_t tb_offset(const uint8_t *blob, unsigned int table, uint32_t i);

#endif /* BLOB_BUILDER_H */
