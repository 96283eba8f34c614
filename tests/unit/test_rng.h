/* test_rng.h - a small, seeded xorshift generator for the randomised unit
 * tests: the same seed always gives the same cases, on every platform. */
#ifndef MICAC_TEST_RNG_H
#define MICAC_TEST_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s;		/* never 0 */
};

/* A number in [0, n). */
static inline uint32_t rnd(struct rng *r, uint32_t n)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return (uint32_t)(r->s % n);
}

#endif
