/* radix.h - sorting by 64-bit keys without comparing: a stable
 * least-significant-byte-first radix sort. The interner orders names by
 * their first 8 bytes with it, the encoder regions by base, the model
 * realms by measurement (sema/model.h, model_rim_order). */
#ifndef MICAC_RADIX_H
#define MICAC_RADIX_H

#include <stddef.h>
#include <stdint.h>

/* What is sorted: a key, and the thing it orders. */
struct radix_item {
	uint64_t key;
	const void *ptr;
};

/* Sorts V (N items) by key through TMP (N items); equal keys keep their
 * order. Returns whichever of V and TMP holds the result. */
struct radix_item *radix_sort(struct radix_item *v, struct radix_item *tmp, size_t n);

/* BYTES[0..8) as a big-endian number: ordering these keys orders the byte
 * strings as memcmp does over their first 8 bytes. */
uint64_t radix_key_be(const uint8_t bytes[8]);

#endif
