/* test_radix.c - sorting by keys without comparing (util/radix.c) and the
 * orders built on it: the model's rim order (sema/model.c), which the blob's
 * rim index and the shared-measurement warning both read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sema/model.h"
#include "util/radix.h"

/* Keys that differ in one byte anywhere are ordered; equal keys keep
 * their order. */
static void test_radix_sort_is_stable(void **state)
{
	static const uint64_t keys[] = {
		0x0100000000000000ull, 5, 0xff, 5, 0x100, 0, 0x00ff000000000000ull, 5,
	};
	static const int want[] = {5, 1, 3, 7, 2, 4, 6, 0};
	enum { N = sizeof(keys) / sizeof(keys[0]) };
	struct radix_item v[N], tmp[N], *out;
	int tag[N];

	(void)state;
	for (int i = 0; i < N; i++) {
		tag[i] = i;
		v[i] = (struct radix_item){keys[i], &tag[i]};
	}
	out = radix_sort(v, tmp, N);
	for (int i = 0; i < N; i++)
		assert_int_equal(*(const int *)out[i].ptr, want[i]);
	assert_ptr_equal(radix_sort(v, tmp, 0), v);
}

static void test_key_is_memcmp_order(void **state)
{
	static const uint8_t a[8] = {0, 0, 0, 0, 0, 0, 0, 0xff}, b[8] = {0, 0, 0, 0, 0, 0, 1, 0};

	(void)state;
	assert_true(radix_key_be(a) < radix_key_be(b));
	assert_int_equal(radix_key_be(b), 0x100);
}

/* Length first, then bytes (also past the first 8), then index; realms
 * without a measurement are left out. */
static void test_rim_order(void **state)
{
	struct model_realm r[7];
	struct model m = {.realms = r, .nrealms = 7};
	uint32_t n, *order;

	(void)state;
	memset(r, 0, sizeof(r));
	for (int i = 0; i < 7; i++)
		r[i].meas_len = 32;
	memset(r[0].measurement, 0x11, 32);
	r[0].measurement[20] = 0x22;		/* ties with 3 and 6 on 8 bytes */
	memset(r[1].measurement, 0x99, 32);
	r[2].meas_len = 0;			/* unmeasured */
	memset(r[3].measurement, 0x11, 32);	/* below 0 from byte 20 on */
	r[4].meas_len = 48;			/* longer: after every 32-byte one */
	memset(r[5].measurement, 0x05, 32);
	memcpy(r[6].measurement, r[0].measurement, 32);	/* same as 0: after it */
	order = model_rim_order(&m, &n);
	assert_int_equal(n, 6);
	assert_int_equal(order[0], 5);
	assert_int_equal(order[1], 3);
	assert_int_equal(order[2], 0);
	assert_int_equal(order[3], 6);
	assert_int_equal(order[4], 1);
	assert_int_equal(order[5], 4);
	free(order);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_radix_sort_is_stable),
		cmocka_unit_test(test_key_is_memcmp_order),
		cmocka_unit_test(test_rim_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
