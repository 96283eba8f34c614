/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 */

#include "mica_meas.h"

/* The 8 bytes at p (any alignment) as a little-endian word: what an aligned
 * load of them from the blob gives. Spelled out byte by byte so that where
 * unaligned loads are allowed (not under -mstrict-align) the compiler makes
 * it one load.
 */
static uint64_t load_le64(const uint8_t *p)
{
	return (uint64_t)p[0] | ((uint64_t)p[1] << 8) |
	       ((uint64_t)p[2] << 16) | ((uint64_t)p[3] << 24) |
	       ((uint64_t)p[4] << 32) | ((uint64_t)p[5] << 40) |
	       ((uint64_t)p[6] << 48) | ((uint64_t)p[7] << 56);
}

void mica_meas_key_init(struct mica_meas_key *key, const uint8_t *meas,
			size_t len)
{
	size_t i;

	key->len = len;
	/* Other lengths are no realm's: the words would never be read. */
	if (((len % 8U) != 0U) || (len > MICA_MEAS_MAX)) {
		return;
	}
	for (i = 0U; i < (len / 8U); i++) {
		key->word[i] = load_le64(&meas[8U * i]);
	}
}
