/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Private: the one binary search behind every query.
 */

#ifndef MICA_SEARCH_H
#define MICA_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

/* Orders element i of some sorted sequence in blob against key. */
typedef int (*mica_key_cmp_fn)(const void *blob, uint32_t i, const void *key);

/*
 * The first i in [lo, hi) whose element orders after the key (after == true)
 * or not before it (after == false), or hi if none: C++'s upper_bound and
 * lower_bound. Elements in [lo, hi) must be sorted by cmp.
 *
 * Inlined: where cmp and after are constants, as in every query, the
 * comparator is then inlined too and the search compiles to a loop of a few
 * loads and one compare, instead of an indirect call per step (which cost
 * the region and rim searches about 50 instructions a step). GCC 12 at -O2
 * inlines it into every RMM query unforced: policy_enforce.o has the same
 * code size with the always_inline attribute, which TF-RMM's checkpatch
 * does not accept.
 */
static inline
uint32_t mica_search(const void *blob, uint32_t lo, uint32_t hi,
		     mica_key_cmp_fn cmp, const void *key, bool after)
{
	while (lo < hi) {
		/* no overflow: lo < hi <= UINT32_MAX */
		uint32_t mid = lo + ((hi - lo) / 2U);
		int c = cmp(blob, mid, key);

		if ((c < 0) || (after && (c == 0))) {
			lo = mid + 1U;
		} else {
			hi = mid;
		}
	}
	return lo;
}

#endif /* MICA_SEARCH_H */
