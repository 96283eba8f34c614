/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The sample pipeline the tests share. Indices, by name:
 *   realms  0 camera, 1 detector, 2 logger, 3 sink, 4 store
 *   regions 0 frames, 1 log_buf, 2 results, 3 shared_ns
 * ipa_bits 40: protected IPAs below 0x8000000000, unprotected from there up
 * to 0x10000000000.
 */

#include "blob_builder.h"

#define KiB	1024ULL
#define MiB	(1024ULL * KiB)
#define NS	0x8000000000ULL

static const struct tb_realm realms[] = {
	{ "camera", MICA_TRUST_TRUSTED, 0, 32, 0x11 },
	{ "detector", MICA_TRUST_DISTRUSTFUL, MICA_REALM_HOSTCALL, 48, 0x22 },
	{ "logger", MICA_TRUST_UNTRUSTED, MICA_REALM_FLAGS_ALL, 0, 0 },
	{ "sink", MICA_TRUST_TRUSTED, 0, 32, 0x11 },
	{ "store", MICA_TRUST_TRUSTED, MICA_REALM_MMIO, 64, 0x05 },
};

static const struct tb_region regions[] = {
	{ "frames", MICA_REGION_PROTECTED, 0x10000000, 2 * MiB },
	{ "log_buf", MICA_REGION_UNPROTECTED, NS, 64 * KiB },
	{ "results", MICA_REGION_PROTECTED, 0x1000, 4 * KiB },
	{ "shared_ns", MICA_REGION_UNPROTECTED, NS + 64 * KiB, 8 * KiB },
};

static const struct tb_grant grants[] = {
	{ 0, 0, MICA_PERM_WRITE }, { 0, 1, MICA_PERM_READ },
	{ 1, 1, MICA_PERM_READWRITE }, { 1, 2, MICA_PERM_READ },
	{ 2, 1, MICA_PERM_WRITE }, { 2, 3, MICA_PERM_READ },
	{ 3, 0, MICA_PERM_READ }, { 3, 3, MICA_PERM_READWRITE },
	{ 3, 4, MICA_PERM_READWRITE },
};

static const struct tb_call calls[] = {
	{ 0, 1, 0 }, { 1, 3, MICA_CALL_ONEWAY }, { 3, 0, 0 }, { 3, 4, 0 },
};

static const struct tb_policy sample = {
	"pipeline", 7, MICA_DIGEST_SHA512, 40,
	realms, ARRAY_SIZE(realms),
	regions, ARRAY_SIZE(regions),
	grants, ARRAY_SIZE(grants),
	calls, ARRAY_SIZE(calls),
};

const struct tb_policy *tb_sample(void)
{
	return &sample;
}

uint8_t *tb_build_sample(size_t *size)
{
	return tb_build(&sample, size);
}
