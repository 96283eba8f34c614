/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * A small valid Mica policy blob, laid out field by field, for the TF-RMM
 * host-build test (host_mica.c) and micac's unit test of the decisions:
 *
 *   policy mica_test { version 1; digest sha256; ipa_bits 48; }
 *   realm alpha { trust trusted; }
 *   realm beta  { trust trusted; hostcall; mmio; }
 *   realm gamma { trust trusted; measurement "aa" x 32; }
 *   region frames { kind protected; size 8KiB; at MICA_FIX_FRAMES_BASE;
 *                   grant alpha write; grant beta read; }
 *   region ro_buf { kind unprotected; size 8KiB; at MICA_FIX_RO_BASE;
 *                   grant alpha read; }
 *   region rw_buf { kind unprotected; size 4KiB; at MICA_FIX_RW_BASE;
 *                   grant alpha readwrite; grant beta readwrite; }
 *   region scratch { kind protected; size 4KiB; at MICA_FIX_SCRATCH_BASE;
 *                    grant alpha readwrite; grant beta readwrite; }
 *   call alpha -> beta;
 *   call beta -> alpha oneway;
 *
 * gamma has no grant and no call: the attacker of the sharing and call
 * checks.
 */

#ifndef HOST_MICA_FIXTURE_H
#define HOST_MICA_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#define MICA_FIX_IPA_BITS	48U
#define MICA_FIX_NS_BASE	(1ULL << (MICA_FIX_IPA_BITS - 1U))
#define MICA_FIX_RO_BASE	(MICA_FIX_NS_BASE + 0x100000ULL)
#define MICA_FIX_RO_SIZE	0x2000ULL
#define MICA_FIX_RW_BASE	(MICA_FIX_NS_BASE + 0x180000ULL)
#define MICA_FIX_RW_SIZE	0x1000ULL
/* The protected regions: in the level-3 table the host test's realms have
 * at IPA 0 (host_mica_realm.c), above REALM_BUFFER_IPA.
 */
#define MICA_FIX_FRAMES_BASE	0x10000ULL
#define MICA_FIX_FRAMES_SIZE	0x2000ULL
#define MICA_FIX_SCRATCH_BASE	(MICA_FIX_FRAMES_BASE + MICA_FIX_FRAMES_SIZE)
#define MICA_FIX_SCRATCH_SIZE	0x1000ULL
/* An unprotected IPA in no region. */
#define MICA_FIX_NS_OUTSIDE	(MICA_FIX_NS_BASE + 0x1C0000ULL)

/* Realm indices (name order). */
#define MICA_FIX_ALPHA		0U
#define MICA_FIX_BETA		1U
#define MICA_FIX_GAMMA		2U
#define MICA_FIX_REALMS		3U
#define MICA_FIX_MEAS_BYTE	0xAAU

/* Region indices (name order). */
#define MICA_FIX_FRAMES		0U
#define MICA_FIX_RO		1U
#define MICA_FIX_RW		2U
#define MICA_FIX_SCRATCH	3U
#define MICA_FIX_REGIONS	4U

/* The blob's size in bytes. */
size_t mica_fixture_size(void);

/* Copies the blob into dst (8-byte aligned, at least mica_fixture_size()
 * bytes) and returns dst.
 */
void *mica_fixture_copy(void *dst);

#endif /* HOST_MICA_FIXTURE_H */
