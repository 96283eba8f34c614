/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Private: where the tables of a blob lie. The public read API
 * (blob_read.c, for micac) is built on these; the queries use them directly
 * so that a binary search step costs a few loads instead of calls, and the
 * compiler can keep a table's base in a register for the whole search. They
 * only compute addresses: the queries use them on a checked blob, the
 * checks only on tables whose layout they have already proved.
 */

#ifndef MICA_READ_H
#define MICA_READ_H

#include <mica_blob.h>
#include <stdint.h>

static inline const uint8_t *mica_table(const void *blob, unsigned int table)
{
	return (const uint8_t *)blob +
	       ((const struct mica_blob_header *)blob)->tables[table].offset;
}

static inline uint32_t mica_table_count(const void *blob, unsigned int table)
{
	return ((const struct mica_blob_header *)blob)->tables[table].count;
}

static inline const struct mica_blob_realm *mica_realm_at(const void *blob,
							  uint32_t i)
{
	return (const struct mica_blob_realm *)(const void *)
	       mica_table(blob, MICA_TABLE_REALMS) + i;
}

static inline const struct mica_blob_region *mica_region_at(const void *blob,
							    uint32_t i)
{
	return (const struct mica_blob_region *)(const void *)
	       mica_table(blob, MICA_TABLE_REGIONS) + i;
}

static inline const struct mica_blob_grant *mica_grant_at(const void *blob,
							  uint32_t i)
{
	return (const struct mica_blob_grant *)(const void *)
	       mica_table(blob, MICA_TABLE_GRANTS) + i;
}

static inline const struct mica_blob_call *mica_call_at(const void *blob,
							uint32_t i)
{
	return (const struct mica_blob_call *)(const void *)
	       mica_table(blob, MICA_TABLE_CALLS) + i;
}

/* Entry k of an index table (MICA_TABLE_REGION_IDX or MICA_TABLE_RIM_IDX). */
static inline uint32_t mica_index_at(const void *blob, unsigned int table,
				     uint32_t k)
{
	return ((const uint32_t *)(const void *)mica_table(blob, table))[k];
}

#endif /* MICA_READ_H */
