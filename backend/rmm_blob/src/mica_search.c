/*
 * SPDX-License-Identifier: BSD-3-Clause
 */

#include "mica_search.h"

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
