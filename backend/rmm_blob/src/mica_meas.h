/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The measurement order, micac's only: the rim index's sort order (checked
 * by the canonical layer) and role_by_rim's search of it. The RMM compares
 * a RIM with one realm's measurement for equality only
 * (mica_policy_rim_matches), which needs no order.
 */

#ifndef MICA_MEAS_H
#define MICA_MEAS_H

#include "mica_bytes.h"
#include <stddef.h>
#include <stdint.h>

/*
 * A measurement to look up, loaded once per query so that every comparison
 * of the search reads it, and the realm's measurement, 8 bytes at a time.
 * word[i] holds bytes 8i..8i+7 as a little-endian load (the blob's order).
 * Only the first len / 8 words are set, and none when len is not a multiple
 * of 8 or is above MICA_MEAS_MAX: no valid realm has such a length, so
 * mica_meas_cmp never reaches the words.
 */
struct mica_meas_key {
	size_t len;
	uint64_t word[MICA_MEAS_MAX / 8U];
};

/* Loads the len bytes at meas (any alignment) into key. */
void mica_meas_key_init(struct mica_meas_key *key, const uint8_t *meas,
			size_t len);

/*
 * The realm's measurement is 8-byte aligned in a valid blob: records of a
 * multiple of 8 bytes in an 8-byte aligned table, the measurement at a
 * multiple of 8 in the record. So it can be read in aligned mica_word_t
 * words.
 */
_Static_assert((sizeof(struct mica_blob_realm) % 8U) == 0U, "realm size");
_Static_assert((__builtin_offsetof(struct mica_blob_realm, measurement) %
		8U) == 0U, "measurement alignment");

/*
 * Orders a realm's measurement against key: by length, then by bytes as
 * memcmp would; the rim index's order without its realm index tie-break.
 * r must be in a blob whose realms passed validation (8-byte aligned,
 * meas_len 0, 32, 48 or 64). Inline: it is the step of the rim search.
 */
static inline int mica_meas_cmp(const struct mica_blob_realm *r,
				const struct mica_meas_key *key)
{
	const mica_word_t *w = (const mica_word_t *)(const void *)r->measurement;
	size_t i;

	if ((size_t)r->meas_len != key->len) {
		return ((size_t)r->meas_len < key->len) ? -1 : 1;
	}
	/* Equal lengths: a multiple of 8, at most MICA_MEAS_MAX. */
	for (i = 0U; i < (key->len / 8U); i++) {
		if (w[i] != key->word[i]) {
			/* The blob is little-endian (mica_blob.h): swapped, the
			 * first byte is the most significant, as memcmp orders.
			 */
			return (__builtin_bswap64(w[i]) <
				__builtin_bswap64(key->word[i])) ? -1 : 1;
		}
	}
	return 0;
}

#endif /* MICA_MEAS_H */
