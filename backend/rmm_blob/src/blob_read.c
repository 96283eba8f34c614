/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Read accessors on a validated blob: the public face of mica_read.h, for
 * micac (the RMM build leaves this file out).
 */

#include <mica_policy.h>
#include "mica_read.h"

uint32_t mica_blob_count(const void *blob, unsigned int table)
{
	return mica_table_count(blob, table);
}

const struct mica_blob_realm *mica_blob_realm(const void *blob, uint32_t i)
{
	return mica_realm_at(blob, i);
}

const struct mica_blob_region *mica_blob_region(const void *blob, uint32_t i)
{
	return mica_region_at(blob, i);
}

const struct mica_blob_grant *mica_blob_grant(const void *blob, uint32_t i)
{
	return mica_grant_at(blob, i);
}

const struct mica_blob_call *mica_blob_call(const void *blob, uint32_t i)
{
	return mica_call_at(blob, i);
}

uint32_t mica_blob_region_by_base(const void *blob, uint32_t k)
{
	return mica_index_at(blob, MICA_TABLE_REGION_IDX, k);
}

uint32_t mica_blob_rim_realm(const void *blob, uint32_t k)
{
	return mica_index_at(blob, MICA_TABLE_RIM_IDX, k);
}

/* The NUL-terminated name at offset off of the string table. */
static const char *mica_name_at(const void *blob, uint32_t off)
{
	return (const char *)mica_table(blob, MICA_TABLE_STRINGS) + off;
}

const char *mica_blob_policy_name(const void *blob)
{
	return mica_name_at(blob, mica_blob_header(blob)->name_off);
}

const char *mica_blob_realm_name(const void *blob, uint32_t i)
{
	return mica_name_at(blob, mica_realm_at(blob, i)->name_off);
}

const char *mica_blob_region_name(const void *blob, uint32_t i)
{
	return mica_name_at(blob, mica_region_at(blob, i)->name_off);
}
