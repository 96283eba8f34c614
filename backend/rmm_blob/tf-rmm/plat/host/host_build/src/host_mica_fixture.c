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

#define STRINGS	"mica_test\0alpha\0beta\0gamma\0ro_buf\0rw_buf"
#define STR_LEN	41U	/* sizeof(STRINGS), with the final NUL */
#define OFF_ALPHA 10U
#define OFF_BETA 16U
#define OFF_GAMMA 21U
#define OFF_RO 27U
#define OFF_RW 34U

struct fixture {
	_Alignas(8) struct mica_blob_header h;
	struct mica_blob_realm realms[MICA_FIX_REALMS];
	struct mica_blob_region regions[2];
	struct mica_blob_grant grants[3];
	uint8_t pad0[4];
	struct mica_blob_call calls[1];
	uint8_t pad1[4];
	uint32_t region_idx[2];
	uint32_t rim_idx[1];
	uint8_t pad2[4];
	char strings[STR_LEN + 7U];	/* padded to 8 */
};

#define OFF(m)	((uint32_t)offsetof(struct fixture, m))
_Static_assert(offsetof(struct fixture, realms) == 88, "realms");
_Static_assert(offsetof(struct fixture, regions) == 304, "regions");
_Static_assert(offsetof(struct fixture, grants) == 368, "grants");
_Static_assert(offsetof(struct fixture, calls) == 408, "calls");
_Static_assert(offsetof(struct fixture, region_idx) == 424, "region idx");
_Static_assert(offsetof(struct fixture, rim_idx) == 432, "rim idx");
_Static_assert(offsetof(struct fixture, strings) == 440, "strings");
_Static_assert(sizeof(struct fixture) == 488, "total");

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
			[MICA_TABLE_REGIONS] = { OFF(regions), 2U },
			[MICA_TABLE_GRANTS] = { OFF(grants), 3U },
			[MICA_TABLE_CALLS] = { OFF(calls), 1U },
			[MICA_TABLE_REGION_IDX] = { OFF(region_idx), 2U },
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
		{ .name_off = OFF_RO, .kind = MICA_REGION_UNPROTECTED,
		  .base = MICA_FIX_RO_BASE, .size = MICA_FIX_RO_SIZE,
		  .grant_first = 0U, .grant_count = 1U },
		{ .name_off = OFF_RW, .kind = MICA_REGION_UNPROTECTED,
		  .base = MICA_FIX_RW_BASE, .size = MICA_FIX_RW_SIZE,
		  .grant_first = 1U, .grant_count = 2U },
	},
	.grants = {
		{ .region = 0U, .realm = MICA_FIX_ALPHA, .perm = MICA_PERM_READ },
		{ .region = 1U, .realm = MICA_FIX_ALPHA,
		  .perm = MICA_PERM_READWRITE },
		{ .region = 1U, .realm = MICA_FIX_BETA,
		  .perm = MICA_PERM_READWRITE },
	},
	.calls = { { .caller = MICA_FIX_ALPHA, .callee = MICA_FIX_BETA } },
	.region_idx = { 0U, 1U },
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
