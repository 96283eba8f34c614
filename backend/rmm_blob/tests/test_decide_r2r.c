/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The realm-to-realm decisions of mica_decide.c (sharing, release, calls,
 * unload) and mica_policy_range_perm, on a policy built for them:
 *   realms  0 a_owner, 1 b_reader, 2 c_rw, 3 d_none (no grant, no call)
 *   regions 0 pages   protected   [0x10000000, +8 KiB)  a W, b R, c RW
 *           1 ring    unprotected [NS, +4 KiB)          a RW, b RW
 *           2 scratch protected   [0x20000000, +4 KiB)  a R, c RW
 *   calls   a_owner -> b_reader (two-way), b_reader -> a_owner oneway
 * Every grant, every refusal code and the order in which the checks run.
 */

#include "expect.h"

#include <mica_decide.h>

#define KiB		1024ULL
#define NS		0x8000000000ULL
#define PAGES		0x10000000ULL
#define SCRATCH		0x20000000ULL
#define GRANULE		((uint64_t)MICA_GRANULE_SIZE)
#define REFS		MICA_SHARE_REFS_MAX

enum { A, B, C, D, NREALMS };
enum { R_PAGES, R_RING, R_SCRATCH, NREGIONS };

static const struct tb_realm realms[] = {
	{ "a_owner", MICA_TRUST_TRUSTED, 0, 0, 0 },
	{ "b_reader", MICA_TRUST_DISTRUSTFUL, 0, 0, 0 },
	{ "c_rw", MICA_TRUST_TRUSTED, 0, 0, 0 },
	{ "d_none", MICA_TRUST_DISTRUSTFUL, 0, 0, 0 },
};

static const struct tb_region regions[] = {
	{ "pages", MICA_REGION_PROTECTED, PAGES, 8 * KiB },
	{ "ring", MICA_REGION_UNPROTECTED, NS, 4 * KiB },
	{ "scratch", MICA_REGION_PROTECTED, SCRATCH, 4 * KiB },
};

static const struct tb_grant grants[] = {
	{ R_PAGES, A, MICA_PERM_WRITE }, { R_PAGES, B, MICA_PERM_READ },
	{ R_PAGES, C, MICA_PERM_READWRITE },
	{ R_RING, A, MICA_PERM_READWRITE }, { R_RING, B, MICA_PERM_READWRITE },
	{ R_SCRATCH, A, MICA_PERM_READ }, { R_SCRATCH, C, MICA_PERM_READWRITE },
};

static const struct tb_call calls[] = {
	{ A, B, 0 }, { B, A, MICA_CALL_ONEWAY },
};

static const struct tb_policy r2r = {
	"r2r", 1, MICA_DIGEST_SHA256, 40,
	realms, ARRAY_SIZE(realms), regions, ARRAY_SIZE(regions),
	grants, ARRAY_SIZE(grants), calls, ARRAY_SIZE(calls),
};

struct fix {
	uint8_t *b;
	size_t size;
	struct mica_policy pol;
	struct mica_realm st[NREALMS];	/* bound in slot 1, role = index */
	struct mica_roles taken;	/* every role bound */
};

static int setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));
	struct mica_blob_error err;

	assert_non_null(f);
	f->b = tb_build(&r2r, &f->size);
	expect_valid(f->b, f->size);
	assert_int_equal(mica_policy_init(&f->pol, f->b, f->size, &err), 0);
	for (uint32_t i = 0; i < NREALMS; i++) {
		f->st[i].slot = 1;
		assert_int_equal(mica_decide_bind(&f->pol, &f->st[i], i, 40,
						  &f->taken), 0);
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fix *f = *state;

	free(f->b);
	free(f);
	return 0;
}

/* mica_decide_share of owner's page at ipa into reader; *region set to 99
 * first, so a refusal must leave it.
 */
static int share(struct fix *f, uint32_t owner, uint32_t reader, uint64_t ipa,
		 bool write, uint32_t refs, uint32_t max, uint32_t *region)
{
	*region = 99;
	return mica_decide_share(&f->pol, &f->st[owner], &f->st[reader], ipa,
				 write, refs, max, region);
}

static void test_share_grants(void **state)
{
	struct fix *f = *state;
	uint32_t reg;

	/* a read grant maps read-only, anywhere in the region, page by page */
	assert_int_equal(share(f, A, B, PAGES, false, 0, REFS, &reg), 0);
	assert_int_equal(reg, R_PAGES);
	assert_int_equal(share(f, A, B, PAGES + GRANULE, false, 0, REFS, &reg), 0);
	assert_int_equal(reg, R_PAGES);
	/* a readwrite grant maps read-write, and read-only when asked */
	assert_int_equal(share(f, A, C, PAGES, true, 0, REFS, &reg), 0);
	assert_int_equal(share(f, A, C, PAGES, false, 0, REFS, &reg), 0);
	/* a readwrite owner owns too; region NULL is allowed */
	assert_int_equal(share(f, C, A, SCRATCH, false, 0, REFS, &reg), 0);
	assert_int_equal(reg, R_SCRATCH);
	assert_int_equal(mica_decide_share(&f->pol, &f->st[C], &f->st[A], SCRATCH,
					   false, 0, REFS, NULL), 0);
	/* any realm with write may own: c_rw beside the write-only a_owner */
	assert_int_equal(share(f, C, B, PAGES, false, 0, REFS, &reg), 0);
	assert_int_equal(reg, R_PAGES);
}

static void test_share_refused_grants(void **state)
{
	struct fix *f = *state;
	uint32_t reg;

	/* a reader maps it writable */
	assert_int_equal(share(f, A, B, PAGES, true, 0, REFS, &reg), -EACCES);
	/* a realm without a grant maps it */
	assert_int_equal(share(f, A, D, PAGES, false, 0, REFS, &reg), -EACCES);
	/* the owner has only read: readers cannot borrow from a reader */
	assert_int_equal(share(f, B, A, PAGES, false, 0, REFS, &reg), -EACCES);
	assert_int_equal(share(f, A, C, SCRATCH, false, 0, REFS, &reg), -EACCES);
	/* an owner without any grant */
	assert_int_equal(share(f, D, A, PAGES, false, 0, REFS, &reg), -EACCES);
	/* a reader with a grant, but of the wrong region */
	assert_int_equal(share(f, C, B, SCRATCH, false, 0, REFS, &reg), -EACCES);
	assert_int_equal(reg, 99);
}

static void test_share_refused_places(void **state)
{
	struct fix *f = *state;
	uint32_t reg;

	/* unprotected memory is the host's to map, both realms granted */
	assert_int_equal(share(f, A, B, NS, false, 0, REFS, &reg), -ENOENT);
	/* no region; the region's end; a page running past it */
	assert_int_equal(share(f, A, B, 0x30000000, false, 0, REFS, &reg), -ENOENT);
	assert_int_equal(share(f, A, B, PAGES + 8 * KiB, false, 0, REFS, &reg),
			 -ENOENT);
	assert_int_equal(share(f, A, B, PAGES - GRANULE, false, 0, REFS, &reg),
			 -ENOENT);
	assert_int_equal(share(f, A, B, ~(GRANULE - 1), false, 0, REFS, &reg),
			 -ENOENT);
	/* not a granule: the page is the host's X3, granule-aligned */
	assert_int_equal(share(f, A, B, PAGES + 0x800, false, 0, REFS, &reg),
			 -EINVAL);
	assert_int_equal(share(f, A, B, PAGES + 1, false, 0, REFS, &reg), -EINVAL);
	assert_int_equal(reg, 99);
}

static void test_share_refused_realms(void **state)
{
	struct fix *f = *state;
	struct mica_realm unbound = { .slot = 1 }, stock = { 0 };
	struct mica_realm other = { .role = B, .slot = 2, .bound = 1 };
	uint32_t reg = 99;

	/* no policy, an ungoverned realm on either side: no stock default */
	assert_int_equal(mica_decide_share(NULL, &f->st[A], &f->st[B], PAGES,
					   false, 0, REFS, &reg), -EPERM);
	assert_int_equal(mica_decide_share(&f->pol, &stock, &f->st[B], PAGES,
					   false, 0, REFS, &reg), -EPERM);
	assert_int_equal(mica_decide_share(&f->pol, &f->st[A], &stock, PAGES,
					   false, 0, REFS, &reg), -EPERM);
	assert_int_equal(mica_decide_share(&f->pol, &stock, &stock, PAGES,
					   false, 0, REFS, &reg), -EPERM);
	/* governed but not bound, either side */
	assert_int_equal(mica_decide_share(&f->pol, &unbound, &f->st[B], PAGES,
					   false, 0, REFS, &reg), -EPERM);
	assert_int_equal(mica_decide_share(&f->pol, &f->st[A], &unbound, PAGES,
					   false, 0, REFS, &reg), -EPERM);
	/* a reader of another policy, holding a role of the same index */
	assert_int_equal(mica_decide_share(&f->pol, &f->st[A], &other, PAGES,
					   false, 0, REFS, &reg), -EPERM);
	other.role = A;
	assert_int_equal(mica_decide_share(&f->pol, &other, &f->st[B], PAGES,
					   false, 0, REFS, &reg), -EPERM);
	/* a realm borrowing from itself */
	assert_int_equal(mica_decide_share(&f->pol, &f->st[A], &f->st[A], PAGES,
					   false, 0, REFS, &reg), -EINVAL);
	assert_int_equal(reg, 99);
}

static void test_share_reference_bound(void **state)
{
	struct fix *f = *state;
	uint32_t reg;

	assert_int_equal(share(f, A, B, PAGES, false, REFS - 1, REFS, &reg), 0);
	assert_int_equal(share(f, A, B, PAGES, false, REFS, REFS, &reg),
			 -EOVERFLOW);
	assert_int_equal(share(f, A, B, PAGES, false, UINT32_MAX, REFS, &reg),
			 -EOVERFLOW);
	/* a build with a lower bound, down to one reader per page */
	assert_int_equal(share(f, A, B, PAGES, false, 0, 1, &reg), 0);
	assert_int_equal(share(f, A, C, PAGES, false, 1, 1, &reg), -EOVERFLOW);
	assert_int_equal(share(f, A, B, PAGES, false, 0, 0, &reg), -EOVERFLOW);
	assert_int_equal(reg, 99);
	/* the grant is decided before the count: a refused map is refused
	 * for what it is, whatever the page's references
	 */
	assert_int_equal(share(f, A, B, PAGES, true, REFS, REFS, &reg), -EACCES);
	assert_int_equal(share(f, A, D, PAGES, false, REFS, REFS, &reg), -EACCES);
}

static void test_range_perm(void **state)
{
	struct fix *f = *state;
	unsigned int perm = 77;
	uint32_t reg = 99;

	assert_int_equal(mica_policy_range_perm(&f->pol, C, MICA_REGION_PROTECTED,
						PAGES, 8 * KiB, &perm, &reg), 0);
	assert_int_equal(perm, MICA_PERM_READWRITE);
	assert_int_equal(reg, R_PAGES);
	assert_int_equal(mica_policy_range_perm(&f->pol, B, MICA_REGION_UNPROTECTED,
						NS, 4 * KiB, &perm, NULL), 0);
	assert_int_equal(perm, MICA_PERM_READWRITE);
	perm = 77;
	reg = 99;
	/* a region of the other kind */
	assert_int_equal(mica_policy_range_perm(&f->pol, A, MICA_REGION_UNPROTECTED,
						PAGES, GRANULE, &perm, &reg), -ENOENT);
	assert_int_equal(mica_policy_range_perm(&f->pol, A, MICA_REGION_PROTECTED,
						NS, GRANULE, &perm, &reg), -ENOENT);
	/* past the end, below the first region */
	assert_int_equal(mica_policy_range_perm(&f->pol, A, MICA_REGION_PROTECTED,
						PAGES, 8 * KiB + 1, &perm, &reg), -ENOENT);
	assert_int_equal(mica_policy_range_perm(&f->pol, A, MICA_REGION_PROTECTED,
						0, GRANULE, &perm, &reg), -ENOENT);
	/* not granted */
	assert_int_equal(mica_policy_range_perm(&f->pol, D, MICA_REGION_PROTECTED,
						PAGES, GRANULE, &perm, &reg), -EACCES);
	/* empty, wrapping, no such realm */
	assert_int_equal(mica_policy_range_perm(&f->pol, A, MICA_REGION_PROTECTED,
						PAGES, 0, &perm, &reg), -EINVAL);
	assert_int_equal(mica_policy_range_perm(&f->pol, A, MICA_REGION_PROTECTED,
						UINT64_MAX, 2, &perm, &reg), -EINVAL);
	assert_int_equal(mica_policy_range_perm(&f->pol, NREALMS,
						MICA_REGION_PROTECTED, PAGES,
						GRANULE, &perm, &reg), -EINVAL);
	assert_int_equal(perm, 77);
	assert_int_equal(reg, 99);
}

static void test_release_and_unload(void **state)
{
	(void)state;
	assert_int_equal(mica_decide_release(0), 0);
	assert_int_equal(mica_decide_release(1), -EBUSY);
	assert_int_equal(mica_decide_release(UINT32_MAX), -EBUSY);
	assert_int_equal(mica_decide_unload(0), 0);
	assert_int_equal(mica_decide_unload(1), -EBUSY);
	assert_int_equal(mica_decide_unload(UINT32_MAX), -EBUSY);
}

/* The mailbox's whole header, compared at once. */
static void expect_box(const struct mica_call *box, uint32_t caller,
		       uint8_t state, uint8_t oneway)
{
	assert_int_equal(box->caller, caller);
	assert_int_equal(box->state, state);
	assert_int_equal(box->oneway, oneway);
}

static void test_call_two_way(void **state)
{
	struct fix *f = *state;
	struct mica_call box = { 0 };
	bool oneway = true;
	uint32_t caller = 99;

	assert_int_equal(mica_decide_call(&f->pol, &f->st[A], B, &f->taken, &box,
					  &oneway), 0);
	assert_false(oneway);
	expect_box(&box, A, MICA_CALL_SENT, 0);
	/* the callee's mailbox holds one call at a time, whoever calls */
	assert_int_equal(mica_decide_call(&f->pol, &f->st[A], B, &f->taken, &box,
					  NULL), -EBUSY);
	/* replying before taking */
	assert_int_equal(mica_decide_reply(&f->pol, &f->st[B], &box, &caller),
			 -ENOENT);
	assert_int_equal(caller, 99);
	assert_int_equal(mica_decide_take(&f->pol, &f->st[B], &box, &caller), 0);
	assert_int_equal(caller, A);
	expect_box(&box, A, MICA_CALL_TAKEN, 0);
	/* taken once: nothing more waits, and the mailbox stays busy */
	caller = 99;
	assert_int_equal(mica_decide_take(&f->pol, &f->st[B], &box, &caller),
			 -ENOENT);
	assert_int_equal(caller, 99);
	assert_int_equal(mica_decide_call(&f->pol, &f->st[A], B, &f->taken, &box,
					  NULL), -EBUSY);
	assert_int_equal(mica_decide_reply(&f->pol, &f->st[B], &box, &caller), 0);
	assert_int_equal(caller, A);
	expect_box(&box, A, MICA_CALL_IDLE, 0);
	/* one reply per call */
	caller = 99;
	assert_int_equal(mica_decide_reply(&f->pol, &f->st[B], &box, &caller),
			 -ENOENT);
	assert_int_equal(caller, 99);
	/* and the mailbox takes the next call */
	assert_int_equal(mica_decide_call(&f->pol, &f->st[A], B, &f->taken, &box,
					  NULL), 0);
}

static void test_call_one_way(void **state)
{
	struct fix *f = *state;
	struct mica_call box = { 0 };
	bool oneway = false;
	uint32_t caller = 99;

	assert_int_equal(mica_decide_call(&f->pol, &f->st[B], A, &f->taken, &box,
					  &oneway), 0);
	assert_true(oneway);
	expect_box(&box, B, MICA_CALL_SENT, 1);
	assert_int_equal(mica_decide_take(&f->pol, &f->st[A], &box, &caller), 0);
	assert_int_equal(caller, B);
	/* nothing may answer a one-way call: its mailbox frees at once */
	expect_box(&box, B, MICA_CALL_IDLE, 1);
	caller = 99;
	assert_int_equal(mica_decide_reply(&f->pol, &f->st[A], &box, &caller),
			 -ENOENT);
	assert_int_equal(caller, 99);
	expect_box(&box, B, MICA_CALL_IDLE, 1);
	assert_int_equal(mica_decide_call(&f->pol, &f->st[B], A, &f->taken, &box,
					  NULL), 0);
}

static void test_call_refused(void **state)
{
	struct fix *f = *state;
	struct mica_call box = { 0 };
	struct mica_roles none = { { 0 } };
	struct mica_realm unbound = { .slot = 1 }, stock = { 0 };
	bool oneway = true;

	/* not in the policy: no call at all, or only the other way */
	assert_int_equal(mica_decide_call(&f->pol, &f->st[A], C, &f->taken, &box,
					  &oneway), -EACCES);
	assert_int_equal(mica_decide_call(&f->pol, &f->st[D], A, &f->taken, &box,
					  &oneway), -EACCES);
	assert_int_equal(mica_decide_call(&f->pol, &f->st[A], A, &f->taken, &box,
					  &oneway), -EACCES);
	/* no such role */
	assert_int_equal(mica_decide_call(&f->pol, &f->st[A], NREALMS, &f->taken,
					  &box, &oneway), -ENOENT);
	assert_int_equal(mica_decide_call(&f->pol, &f->st[A], UINT32_MAX,
					  &f->taken, &box, &oneway), -ENOENT);
	/* no realm holds the callee's role; a forbidden call says so first */
	assert_int_equal(mica_decide_call(&f->pol, &f->st[A], B, &none, &box,
					  &oneway), -ENXIO);
	assert_int_equal(mica_decide_call(&f->pol, &f->st[A], C, &none, &box,
					  &oneway), -EACCES);
	/* ungoverned or unbound callers have no role to call from */
	assert_int_equal(mica_decide_call(NULL, &f->st[A], B, &f->taken, &box,
					  &oneway), -EPERM);
	assert_int_equal(mica_decide_call(&f->pol, &unbound, B, &f->taken, &box,
					  &oneway), -EPERM);
	assert_int_equal(mica_decide_call(NULL, &stock, B, &f->taken, &box,
					  &oneway), -EPERM);
	/* a refusal leaves the mailbox and the flag alone */
	expect_box(&box, 0, MICA_CALL_IDLE, 0);
	assert_true(oneway);
	/* the callee's side needs a bound role too */
	box.state = MICA_CALL_SENT;
	assert_int_equal(mica_decide_take(NULL, &f->st[B], &box, &(uint32_t){0}),
			 -EPERM);
	assert_int_equal(mica_decide_take(&f->pol, &unbound, &box, &(uint32_t){0}),
			 -EPERM);
	box.state = MICA_CALL_TAKEN;
	assert_int_equal(mica_decide_reply(NULL, &f->st[B], &box, &(uint32_t){0}),
			 -EPERM);
	assert_int_equal(mica_decide_reply(&f->pol, &unbound, &box,
					   &(uint32_t){0}), -EPERM);
	expect_box(&box, 0, MICA_CALL_TAKEN, 0);
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_share_grants),
		T(test_share_refused_grants),
		T(test_share_refused_places),
		T(test_share_refused_realms),
		T(test_share_reference_bound),
		T(test_range_perm),
		T(test_release_and_unload),
		T(test_call_two_way),
		T(test_call_one_way),
		T(test_call_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
