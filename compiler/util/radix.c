/* radix.c - a stable radix sort by 64-bit keys (see radix.h). */
#include "util/radix.h"

/* Passes where every key has the same byte are skipped, so small keys
 * (bases below 2^48, say) cost only the passes they need. */
struct radix_item *radix_sort(struct radix_item *v, struct radix_item *tmp, size_t n)
{
	for (unsigned shift = 0; n && shift < 64; shift += 8) {
		size_t count[257] = {0};
		struct radix_item *t;

		for (size_t i = 0; i < n; i++)
			count[((v[i].key >> shift) & 0xff) + 1]++;
		if (count[((v[0].key >> shift) & 0xff) + 1] == n)
			continue;
		for (int b = 1; b <= 256; b++)
			count[b] += count[b - 1];
		for (size_t i = 0; i < n; i++)
			tmp[count[(v[i].key >> shift) & 0xff]++] = v[i];
		t = v;
		v = tmp;
		tmp = t;
	}
	return v;
}

uint64_t radix_key_be(const uint8_t bytes[8])
{
	uint64_t k = 0;

	for (int i = 0; i < 8; i++)
		k = k << 8 | bytes[i];
	return k;
}
