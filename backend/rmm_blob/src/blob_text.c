/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The fault catalogue: one fixed reason per rule, so that every caller that
 * reports a refused blob (micac; the tests assert them) uses the same words.
 * The validator itself records only codes, offsets and indices, so a build
 * that never prints a reason (the RMM) leaves this file out.
 */

#include <mica_policy.h>

static const char *const fault_reason[MICA_FAULT_COUNT] = {
	[MICA_FAULT_NONE] = "valid",
	[MICA_FAULT_NULL] = "blob pointer is NULL",
	[MICA_FAULT_ALIGN] = "blob is not 8-byte aligned in memory",
	[MICA_FAULT_TRUNCATED] = "blob is shorter than the header",
	[MICA_FAULT_MAGIC] = "magic is not \"MICAPOL\": not a Mica policy blob",
	[MICA_FAULT_VERSION] =
		"unsupported format version (this reader knows version 1 only)",
	[MICA_FAULT_HEADER_SIZE] = "header_size is not 88",
	[MICA_FAULT_TOTAL_SIZE] = "total_size is not the size of the blob",
	[MICA_FAULT_RESERVED] = "reserved field is not zero",
	[MICA_FAULT_DIGEST_ALG] =
		"digest_alg is not 1 (sha256), 2 (sha384) or 3 (sha512)",
	[MICA_FAULT_IPA_BITS] = "ipa_bits is not in 32..52",
	[MICA_FAULT_TABLE_OFFSET] =
		"offset is not the end of the previous table rounded up to 8",
	[MICA_FAULT_TABLE_COUNT] = "count exceeds the format's limit",
	[MICA_FAULT_REGION_IDX_COUNT] = "count is not the number of regions",
	[MICA_FAULT_RIM_IDX_COUNT] =
		"count is not the number of realms with a measurement",
	[MICA_FAULT_LAYOUT_SIZE] =
		"total_size is not the end of the string table rounded up to 8",
	[MICA_FAULT_PADDING] = "padding byte is not zero",
	[MICA_FAULT_NAME_OFF] =
		"name_off is not the offset of the next name in the string table",
	[MICA_FAULT_NAME_UNTERMINATED] =
		"name runs past the end of the string table",
	[MICA_FAULT_NAME_EMPTY] = "name is empty",
	[MICA_FAULT_NAME_LONG] = "name is longer than 63 bytes",
	[MICA_FAULT_NAME_CHAR] =
		"name is not an identifier [A-Za-z_][A-Za-z0-9_]*",
	[MICA_FAULT_NAME_HOST] = "name \"host\" is reserved",
	[MICA_FAULT_NAME_KEYWORD] = "name is a Mica keyword",
	[MICA_FAULT_NAME_ORDER] =
		"name does not sort strictly after the previous one (by bytes)",
	[MICA_FAULT_NAME_CLASH] = "name is both a realm's and a region's",
	[MICA_FAULT_STRINGS_TRAILING] = "bytes after the last name",
	[MICA_FAULT_REALM_TRUST] =
		"trust is not 1 (trusted), 2 (distrustful) or 3 (untrusted)",
	[MICA_FAULT_REALM_FLAGS] =
		"flags has bits other than hostcall (0x1) and mmio (0x2)",
	[MICA_FAULT_REALM_MEAS_LEN] = "meas_len is not 0, 32, 48 or 64",
	[MICA_FAULT_REALM_MEAS_PAD] =
		"measurement byte beyond meas_len is not zero",
	[MICA_FAULT_GRANT_REGION] = "region is not a region index",
	[MICA_FAULT_GRANT_REALM] = "realm is not a realm index",
	[MICA_FAULT_GRANT_PERM] = "perm is not read (0x1), write (0x2) or both",
	[MICA_FAULT_GRANT_ORDER] =
		"grant does not sort strictly after the previous one by (region, realm)",
	[MICA_FAULT_REGION_KIND] = "kind is not 1 (protected) or 2 (unprotected)",
	[MICA_FAULT_REGION_SIZE] = "size is zero or not a multiple of 4 KiB",
	[MICA_FAULT_REGION_BASE] = "base is not 4 KiB aligned",
	[MICA_FAULT_REGION_PROTECTED_IPA] =
		"protected region is not wholly in the lower half of the IPA space",
	[MICA_FAULT_REGION_UNPROTECTED_IPA] =
		"unprotected region is not wholly in the upper half of the IPA space",
	[MICA_FAULT_REGION_GRANT_FIRST] =
		"grant_first is not where the previous region's grants end",
	[MICA_FAULT_REGION_GRANT_COUNT] =
		"grant_count is zero or runs past the grant table",
	[MICA_FAULT_REGION_GRANT_RUN] =
		"grant_first/grant_count do not cover exactly this region's grants",
	[MICA_FAULT_GRANTS_UNCLAIMED] = "grant lies outside every region's run",
	[MICA_FAULT_CALL_REALM] = "caller or callee is not a realm index",
	[MICA_FAULT_CALL_SELF] = "caller and callee are the same realm",
	[MICA_FAULT_CALL_FLAGS] = "flags has bits other than oneway (0x1)",
	[MICA_FAULT_CALL_ORDER] =
		"call does not sort strictly after the previous one by (caller, callee)",
	[MICA_FAULT_REGION_IDX_RANGE] = "entry is not a region index",
	[MICA_FAULT_REGION_IDX_ORDER] =
		"region does not start at or after the end of the previous one by base",
	[MICA_FAULT_RIM_IDX_RANGE] = "entry is not a realm index",
	[MICA_FAULT_RIM_IDX_UNMEASURED] =
		"entry is a realm without a measurement",
	[MICA_FAULT_RIM_IDX_ORDER] =
		"entry does not sort strictly after the previous one by (meas_len, measurement, realm)",
};

static const char *const table_name[MICA_TABLE_COUNT] = {
	[MICA_TABLE_REALMS] = "realm",
	[MICA_TABLE_REGIONS] = "region",
	[MICA_TABLE_GRANTS] = "grant",
	[MICA_TABLE_CALLS] = "call",
	[MICA_TABLE_REGION_IDX] = "region index",
	[MICA_TABLE_RIM_IDX] = "rim index",
	[MICA_TABLE_STRINGS] = "string table",
};

const char *mica_blob_fault_reason(unsigned int fault)
{
	unsigned int f = (unsigned int)fault;

	return (f < (unsigned int)MICA_FAULT_COUNT) ? fault_reason[f] : "?";
}

const char *mica_blob_table_name(unsigned int table)
{
	if (table == MICA_BLOB_IN_HEADER) {
		return "header";
	}
	return (table < MICA_TABLE_COUNT) ? table_name[table] : "?";
}
