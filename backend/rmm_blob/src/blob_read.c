/*
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Read accessors on a validated blob. Validation proved every table in
 * bounds and 8-byte aligned, so these only compute addresses.
 */

#include <mica_policy.h>

static const uint8_t *table_base(const void *blob, unsigned int table)
{
	return (const uint8_t *)blob + mica_blob_header(blob)->tables[table].offset;
}

static const char *string_at(const void *blob, uint32_t off)
{
	return (const char *)table_base(blob, MICA_TABLE_STRINGS) + off;
}

const struct mica_blob_header *mica_blob_header(const void *blob)
{
	return (const struct mica_blob_header *)blob;
}

uint32_t mica_blob_count(const void *blob, unsigned int table)
{
	return mica_blob_header(blob)->tables[table].count;
}

const struct mica_blob_realm *mica_blob_realm(const void *blob, uint32_t i)
{
	return (const struct mica_blob_realm *)(const void *)
	       table_base(blob, MICA_TABLE_REALMS) + i;
}

const struct mica_blob_region *mica_blob_region(const void *blob, uint32_t i)
{
	return (const struct mica_blob_region *)(const void *)
	       table_base(blob, MICA_TABLE_REGIONS) + i;
}

const struct mica_blob_grant *mica_blob_grant(const void *blob, uint32_t i)
{
	return (const struct mica_blob_grant *)(const void *)
	       table_base(blob, MICA_TABLE_GRANTS) + i;
}

const struct mica_blob_call *mica_blob_call(const void *blob, uint32_t i)
{
	return (const struct mica_blob_call *)(const void *)
	       table_base(blob, MICA_TABLE_CALLS) + i;
}

uint32_t mica_blob_region_by_base(const void *blob, uint32_t k)
{
	return ((const uint32_t *)(const void *)
		table_base(blob, MICA_TABLE_REGION_IDX))[k];
}

uint32_t mica_blob_rim_realm(const void *blob, uint32_t k)
{
	return ((const uint32_t *)(const void *)
		table_base(blob, MICA_TABLE_RIM_IDX))[k];
}

const char *mica_blob_policy_name(const void *blob)
{
	return string_at(blob, mica_blob_header(blob)->name_off);
}

const char *mica_blob_realm_name(const void *blob, uint32_t i)
{
	return string_at(blob, mica_blob_realm(blob, i)->name_off);
}

const char *mica_blob_region_name(const void *blob, uint32_t i)
{
	return string_at(blob, mica_blob_region(blob, i)->name_off);
}
