/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Unit tests of the RMM enforcement decisions (backend/rmm_blob/src/mica_decide.c)
 * on the fixture policy that the TF-RMM host-build test also loads
 * (plat/host/host_build/src/host_mica_fixture.h): every grant, every denial,
 * and the ungoverned and unbound cases.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include <host_mica_fixture.h>
#include <mica_decide.h>

#define KIB	0x1000ULL
#define RO	MICA_S2AP_READ
#define WO	MICA_S2AP_WRITE
#define RW	(MICA_S2AP_READ | MICA_S2AP_WRITE)

struct ctx {
	uint64_t blob[4096 / sizeof(uint64_t)];
	struct mica_policy pol;
};

static int setup(void **state)
{
	static struct ctx c;

	(void)memset(&c, 0, sizeof(c));
	(void)mica_fixture_copy(c.blob);
	if (mica_policy_init(&c.pol, c.blob, mica_fixture_size(), NULL) != 0) {
		return -1;
	}
	*state = &c;
	return 0;
}

static const struct mica_policy *pol_of(void **state)
{
	return &((struct ctx *)*state)->pol;
}

/* A governed realm bound to role, by mica_decide_bind as the RMM binds. */
static struct mica_realm bound(void **state, uint32_t role)
{
	struct mica_realm st = { .slot = 1U };
	struct mica_roles taken = { { 0 } };

	assert_int_equal(mica_decide_bind(pol_of(state), &st, role,
					  MICA_FIX_IPA_BITS, &taken), 0);
	return st;
}

static void test_rpv_padded_digest(void **state)
{
	uint8_t digest[48], rpv[MICA_RPV_SIZE] = { 0 };

	(void)state;
	(void)memset(digest, 0x5C, sizeof(digest));
	(void)memcpy(rpv, digest, sizeof(digest));
	assert_true(mica_rpv_matches(rpv, digest, sizeof(digest)));
	rpv[47] ^= 1U;
	assert_false(mica_rpv_matches(rpv, digest, sizeof(digest)));
	rpv[47] ^= 1U;
	rpv[48] = 1U;		/* padding must be zero */
	assert_false(mica_rpv_matches(rpv, digest, sizeof(digest)));
	assert_false(mica_rpv_matches(rpv, digest, MICA_RPV_SIZE + 1U));
	(void)memset(rpv, 0x5C, sizeof(rpv));
	assert_false(mica_rpv_matches(rpv, digest, sizeof(digest)));
}

static void test_ungoverned_keeps_stock(void **state)
{
	struct mica_realm st = { 0 };
	uint8_t rim[32] = { 0 };

	(void)state;
	assert_true(mica_decide_activate(NULL, &st, rim, sizeof(rim)));
	assert_true(mica_decide_map_ns(NULL, &st, MICA_FIX_NS_OUTSIDE, KIB,
				       RW));
	assert_true(mica_decide_hostcall(NULL, &st));
	assert_true(mica_decide_ns_abort_exit(NULL, &st, MICA_FIX_NS_OUTSIDE,
					      true));
	assert_int_equal(mica_decide_bind(NULL, &st, 0U, MICA_FIX_IPA_BITS,
					  NULL), -EPERM);
	assert_int_equal(st.bound, 0U);
}

static void test_bind(void **state)
{
	struct mica_realm st = { .slot = 1U };
	struct mica_realm none = { 0 };
	struct mica_roles taken = { { 0 } };

	assert_int_equal(mica_decide_bind(pol_of(state), &none, 0U,
					  MICA_FIX_IPA_BITS, &taken), -EPERM);
	assert_int_equal(mica_decide_bind(pol_of(state), &st, MICA_FIX_REALMS,
					  MICA_FIX_IPA_BITS, &taken), -ENOENT);
	assert_int_equal(mica_decide_bind(pol_of(state), &st, MICA_FIX_BETA,
					  MICA_FIX_IPA_BITS - 1U, &taken),
			 -EINVAL);
	assert_int_equal(st.bound, 0U);
	assert_int_equal(taken.taken[0], 0U);
	assert_int_equal(mica_decide_bind(pol_of(state), &st, MICA_FIX_BETA,
					  MICA_FIX_IPA_BITS, &taken), 0);
	assert_int_equal(st.bound, 1U);
	assert_int_equal(st.role, MICA_FIX_BETA);
	assert_int_equal(st.caps, MICA_CAP_HOSTCALL | MICA_CAP_MMIO);
	assert_int_equal(taken.taken[0], 1ULL << MICA_FIX_BETA);
	assert_int_equal(mica_decide_bind(pol_of(state), &st, MICA_FIX_ALPHA,
					  MICA_FIX_IPA_BITS, &taken), -EBUSY);
	assert_int_equal(st.role, MICA_FIX_BETA);
	assert_int_equal(st.caps, MICA_CAP_HOSTCALL | MICA_CAP_MMIO);
}

/* BIND records what the role's record says, once: the decisions that need
 * only that (host calls, MMIO exits, activation without a measurement) do
 * not look the role up again.
 */
static void test_bind_caps(void **state)
{
	assert_int_equal(bound(state, MICA_FIX_ALPHA).caps, 0U);
	assert_int_equal(bound(state, MICA_FIX_BETA).caps,
			 MICA_CAP_HOSTCALL | MICA_CAP_MMIO);
	assert_int_equal(bound(state, MICA_FIX_GAMMA).caps, MICA_CAP_MEASURED);
}

/* One realm per role per loaded policy: a second realm cannot take beta,
 * whichever realm asks, and a free role is still there for it.
 */
static void test_bind_taken_role(void **state)
{
	struct mica_realm first = { .slot = 1U };
	struct mica_realm second = { .slot = 1U };
	struct mica_roles taken = { { 0 } };

	assert_int_equal(mica_decide_bind(pol_of(state), &first, MICA_FIX_BETA,
					  MICA_FIX_IPA_BITS, &taken), 0);
	assert_int_equal(mica_decide_bind(pol_of(state), &second,
					  MICA_FIX_BETA, MICA_FIX_IPA_BITS,
					  &taken), -EEXIST);
	assert_int_equal(second.bound, 0U);
	assert_int_equal(mica_decide_bind(pol_of(state), &second,
					  MICA_FIX_GAMMA, MICA_FIX_IPA_BITS,
					  &taken), 0);
	assert_int_equal(taken.taken[0],
			 (1ULL << MICA_FIX_BETA) | (1ULL << MICA_FIX_GAMMA));
}

static void test_activate(void **state)
{
	struct mica_realm unbound = { .slot = 1U };
	struct mica_realm alpha = bound(state, MICA_FIX_ALPHA);
	struct mica_realm gamma = bound(state, MICA_FIX_GAMMA);
	uint8_t rim[64];

	(void)memset(rim, MICA_FIX_MEAS_BYTE, sizeof(rim));
	assert_false(mica_decide_activate(pol_of(state), &unbound, rim, 32U));
	/* alpha has no measurement: any RIM */
	assert_true(mica_decide_activate(pol_of(state), &alpha, rim, 64U));
	assert_true(mica_decide_activate(pol_of(state), &gamma, rim, 32U));
	assert_false(mica_decide_activate(pol_of(state), &gamma, rim, 64U));
	rim[31] = 0U;
	assert_false(mica_decide_activate(pol_of(state), &gamma, rim, 32U));
}

static void test_map_read_only_grant(void **state)
{
	struct mica_realm alpha = bound(state, MICA_FIX_ALPHA);
	const struct mica_policy *pol = pol_of(state);

	assert_true(mica_decide_map_ns(pol, &alpha, MICA_FIX_RO_BASE, KIB, RO));
	assert_true(mica_decide_map_ns(pol, &alpha, MICA_FIX_RO_BASE + KIB,
				       KIB, 0UL));
	assert_false(mica_decide_map_ns(pol, &alpha, MICA_FIX_RO_BASE, KIB,
					RW));
	assert_false(mica_decide_map_ns(pol, &alpha, MICA_FIX_RO_BASE, KIB,
					WO));
	/* other descriptor bits (address, attributes) do not matter */
	assert_true(mica_decide_map_ns(pol, &alpha, MICA_FIX_RO_BASE, KIB,
				       RO | 0x8000003CUL));
}

static void test_map_bounds(void **state)
{
	struct mica_realm alpha = bound(state, MICA_FIX_ALPHA);
	struct mica_realm beta = bound(state, MICA_FIX_BETA);
	struct mica_realm unbound = { .slot = 1U };
	const struct mica_policy *pol = pol_of(state);

	assert_true(mica_decide_map_ns(pol, &alpha, MICA_FIX_RW_BASE, KIB, RW));
	assert_true(mica_decide_map_ns(pol, &beta, MICA_FIX_RW_BASE, KIB, RW));
	assert_false(mica_decide_map_ns(pol, &unbound, MICA_FIX_RW_BASE, KIB,
					RW));
	/* not granted to beta */
	assert_false(mica_decide_map_ns(pol, &beta, MICA_FIX_RO_BASE, KIB, RO));
	/* in no region, and straddling a region's end */
	assert_false(mica_decide_map_ns(pol, &alpha, MICA_FIX_NS_OUTSIDE, KIB,
					RO));
	assert_false(mica_decide_map_ns(pol, &alpha, MICA_FIX_RO_BASE + KIB,
					2U * KIB, RO));
	/* a 2 MiB block over the region is more than the region */
	assert_false(mica_decide_map_ns(pol, &alpha, MICA_FIX_NS_BASE,
					0x200000ULL, RO));
}

static void test_hostcall(void **state)
{
	struct mica_realm alpha = bound(state, MICA_FIX_ALPHA);
	struct mica_realm beta = bound(state, MICA_FIX_BETA);
	struct mica_realm unbound = { .slot = 1U };

	assert_false(mica_decide_hostcall(pol_of(state), &alpha));
	assert_true(mica_decide_hostcall(pol_of(state), &beta));
	assert_false(mica_decide_hostcall(pol_of(state), &unbound));
}

static void test_ns_abort_exit(void **state)
{
	struct mica_realm alpha = bound(state, MICA_FIX_ALPHA);
	struct mica_realm beta = bound(state, MICA_FIX_BETA);
	struct mica_realm unbound = { .slot = 1U };
	const struct mica_policy *pol = pol_of(state);

	/* beta has mmio: any unprotected fault may go to the host */
	assert_true(mica_decide_ns_abort_exit(pol, &beta, MICA_FIX_NS_OUTSIDE,
					      true));
	/* alpha: only faults on its own shared memory (mapped on demand) */
	assert_true(mica_decide_ns_abort_exit(pol, &alpha, MICA_FIX_RO_BASE,
					      false));
	assert_true(mica_decide_ns_abort_exit(pol, &alpha, MICA_FIX_RW_BASE,
					      false));
	assert_false(mica_decide_ns_abort_exit(pol, &alpha,
					       MICA_FIX_NS_OUTSIDE, false));
	assert_false(mica_decide_ns_abort_exit(pol, &alpha,
					       MICA_FIX_RO_BASE +
					       MICA_FIX_RO_SIZE, false));
	assert_false(mica_decide_ns_abort_exit(pol, &unbound,
					       MICA_FIX_RW_BASE, false));
}

/* A store's exit carries the stored value: only under a write grant. */
static void test_ns_abort_store(void **state)
{
	struct mica_realm alpha = bound(state, MICA_FIX_ALPHA);
	const struct mica_policy *pol = pol_of(state);

	assert_false(mica_decide_ns_abort_exit(pol, &alpha, MICA_FIX_RO_BASE,
					       true));
	assert_false(mica_decide_ns_abort_exit(pol, &alpha,
					       MICA_FIX_RO_BASE + KIB, true));
	assert_true(mica_decide_ns_abort_exit(pol, &alpha, MICA_FIX_RW_BASE,
					      true));
	assert_false(mica_decide_ns_abort_exit(pol, &alpha,
					       MICA_FIX_NS_OUTSIDE, true));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rpv_padded_digest),
		cmocka_unit_test(test_ungoverned_keeps_stock),
		cmocka_unit_test(test_bind),
		cmocka_unit_test(test_bind_caps),
		cmocka_unit_test(test_bind_taken_role),
		cmocka_unit_test(test_activate),
		cmocka_unit_test(test_map_read_only_grant),
		cmocka_unit_test(test_map_bounds),
		cmocka_unit_test(test_hostcall),
		cmocka_unit_test(test_ns_abort_exit),
		cmocka_unit_test(test_ns_abort_store),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
