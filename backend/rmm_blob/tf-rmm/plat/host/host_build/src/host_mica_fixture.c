/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The fixture blob of host_mica_fixture.h as one C object whose members are
 * the blob's tables in file order; the static assertions pin every table
 * offset, so the layout is checked by the compiler, not computed.
 */

#include <host_mica_fixture.h>
#include <mica_blob.h>
#include <string.h>

#define STRINGS	"mica_test\0alpha\0beta\0gamma\0frames\0ro_buf\0rw_buf\0scratch"
#define STR_LEN	56U	/* sizeof(STRINGS), with the final NUL */
#define OFF_ALPHA 10U
#define OFF_BETA 16U
#define OFF_GAMMA 21U
#define OFF_FRAMES 27U
#define OFF_RO 34U
#define OFF_RW 41U
#define OFF_SCRATCH 48U

struct fixture {
	_Alignas(8) struct mica_blob_header h;
	struct mica_blob_realm realms[MICA_FIX_REALMS];
	struct mica_blob_region regions[MICA_FIX_REGIONS];
	struct mica_blob_grant grants[7];
	uint8_t pad0[4];
	struct mica_blob_call calls[2];
	uint32_t region_idx[MICA_FIX_REGIONS];
	uint32_t rim_idx[1];
	uint8_t pad1[4];
	char strings[STR_LEN];	/* a multiple of 8 */
};

#define OFF(m)	((uint32_t)offsetof(struct fixture, m))
_Static_assert(offsetof(struct fixture, realms) == 88, "realms");
_Static_assert(offsetof(struct fixture, regions) == 304, "regions");
_Static_assert(offsetof(struct fixture, grants) == 432, "grants");
_Static_assert(offsetof(struct fixture, calls) == 520, "calls");
_Static_assert(offsetof(struct fixture, region_idx) == 544, "region idx");
_Static_assert(offsetof(struct fixture, rim_idx) == 560, "rim idx");
_Static_assert(offsetof(struct fixture, strings) == 568, "strings");
_Static_assert(sizeof(struct fixture) == 624, "total");

#define M4	MICA_FIX_MEAS_BYTE, MICA_FIX_MEAS_BYTE, MICA_FIX_MEAS_BYTE, \
	MICA_FIX_MEAS_BYTE
#define MEAS32	{ M4, M4, M4, M4, M4, M4, M4, M4 }

static const struct fixture fixture = {
	.h = {
		.magic = MICA_BLOB_MAGIC,
		.format_version = MICA_BLOB_FORMAT_VERSION,
		.header_size = sizeof(struct mica_blob_header),
		.total_size = sizeof(struct fixture),
		.policy_version = 1U,
		.digest_alg = MICA_DIGEST_SHA256,
		.ipa_bits = MICA_FIX_IPA_BITS,
		.name_off = 0U,
		.tables = {
			[MICA_TABLE_REALMS] = { OFF(realms), MICA_FIX_REALMS },
			[MICA_TABLE_REGIONS] = { OFF(regions), MICA_FIX_REGIONS },
			[MICA_TABLE_GRANTS] = { OFF(grants), 7U },
			[MICA_TABLE_CALLS] = { OFF(calls), 2U },
			[MICA_TABLE_REGION_IDX] = { OFF(region_idx),
						    MICA_FIX_REGIONS },
			[MICA_TABLE_RIM_IDX] = { OFF(rim_idx), 1U },
			[MICA_TABLE_STRINGS] = { OFF(strings), STR_LEN },
		},
	},
	.realms = {
		{ .name_off = OFF_ALPHA, .trust = MICA_TRUST_TRUSTED },
		{ .name_off = OFF_BETA, .trust = MICA_TRUST_TRUSTED,
		  .flags = MICA_REALM_HOSTCALL | MICA_REALM_MMIO },
		{ .name_off = OFF_GAMMA, .trust = MICA_TRUST_TRUSTED,
		  .meas_len = 32U, .measurement = MEAS32 },
	},
	.regions = {
		[MICA_FIX_FRAMES] = {
		  .name_off = OFF_FRAMES, .kind = MICA_REGION_PROTECTED,
		  .base = MICA_FIX_FRAMES_BASE, .size = MICA_FIX_FRAMES_SIZE,
		  .grant_first = 0U, .grant_count = 2U },
		[MICA_FIX_RO] = {
		  .name_off = OFF_RO, .kind = MICA_REGION_UNPROTECTED,
		  .base = MICA_FIX_RO_BASE, .size = MICA_FIX_RO_SIZE,
		  .grant_first = 2U, .grant_count = 1U },
		[MICA_FIX_RW] = {
		  .name_off = OFF_RW, .kind = MICA_REGION_UNPROTECTED,
		  .base = MICA_FIX_RW_BASE, .size = MICA_FIX_RW_SIZE,
		  .grant_first = 3U, .grant_count = 2U },
		[MICA_FIX_SCRATCH] = {
		  .name_off = OFF_SCRATCH, .kind = MICA_REGION_PROTECTED,
		  .base = MICA_FIX_SCRATCH_BASE, .size = MICA_FIX_SCRATCH_SIZE,
		  .grant_first = 5U, .grant_count = 2U },
	},
	.grants = {
		{ .region = MICA_FIX_FRAMES, .realm = MICA_FIX_ALPHA,
		  .perm = MICA_PERM_WRITE },
		{ .region = MICA_FIX_FRAMES, .realm = MICA_FIX_BETA,
		  .perm = MICA_PERM_READ },
		{ .region = MICA_FIX_RO, .realm = MICA_FIX_ALPHA,
		  .perm = MICA_PERM_READ },
		{ .region = MICA_FIX_RW, .realm = MICA_FIX_ALPHA,
		  .perm = MICA_PERM_READWRITE },
		{ .region = MICA_FIX_RW, .realm = MICA_FIX_BETA,
		  .perm = MICA_PERM_READWRITE },
		{ .region = MICA_FIX_SCRATCH, .realm = MICA_FIX_ALPHA,
		  .perm = MICA_PERM_READWRITE },
		{ .region = MICA_FIX_SCRATCH, .realm = MICA_FIX_BETA,
		  .perm = MICA_PERM_READWRITE },
	},
	.calls = {
		{ .caller = MICA_FIX_ALPHA, .callee = MICA_FIX_BETA },
		{ .caller = MICA_FIX_BETA, .callee = MICA_FIX_ALPHA,
		  .flags = MICA_CALL_ONEWAY },
	},
	/* by base: the protected regions, then the unprotected ones */
	.region_idx = { MICA_FIX_FRAMES, MICA_FIX_SCRATCH, MICA_FIX_RO,
			MICA_FIX_RW },
	.rim_idx = { MICA_FIX_GAMMA },
	.strings = STRINGS,
};

size_t mica_fixture_size(void)
{
	return sizeof(fixture);
}

void *mica_fixture_copy(void *dst)
{
	return memcpy(dst, &fixture, sizeof(fixture));
}
