/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Validation of realm, region, grant and call records, one broken field at
 * a time in the sample blob: realms at 88 (72 bytes each), regions at 448
 * (32 each), grants at 576 (12 each), calls at 688 (12 each).
 */

#include "expect.h"

#include <string.h>

#define REALM(i)	(88U + 72U * (i))
#define REGION(i)	(448U + 32U * (i))
#define GRANT(i)	(576U + 12U * (i))
#define CALL(i)		(688U + 12U * (i))
#define NS		0x8000000000ULL	/* 2^(ipa_bits - 1), ipa_bits 40 */

static void test_realm_fields(void **state)
{
	struct sample *f = *state;
	struct mica_blob_realm *r = tb_realm_at(f->b, 1);

	r->trust = 0;
	expect_fault(f->b, f->size, MICA_FAULT_REALM_TRUST, MICA_TABLE_REALMS,
		     1, REALM(1) + 4);
	r->trust = 4;
	expect_fault(f->b, f->size, MICA_FAULT_REALM_TRUST, MICA_TABLE_REALMS,
		     1, REALM(1) + 4);
	r->trust = MICA_TRUST_UNTRUSTED;	/* untrusted and measured: fine */
	expect_valid(f->b, f->size);
	r->flags = 4;
	expect_fault(f->b, f->size, MICA_FAULT_REALM_FLAGS, MICA_TABLE_REALMS,
		     1, REALM(1) + 5);
	r->flags = MICA_REALM_FLAGS_ALL;
	expect_valid(f->b, f->size);
	r->reserved = 1;
	expect_fault(f->b, f->size, MICA_FAULT_RESERVED, MICA_TABLE_REALMS, 1,
		     REALM(1) + 7);
}

static void test_realm_measurement(void **state)
{
	static const uint8_t bad_len[] = { 1, 16, 31, 33, 47, 65, 255 };
	struct sample *f = *state;
	struct mica_blob_realm *r = tb_realm_at(f->b, 1);	/* 48 bytes */
	size_t i;

	for (i = 0; i < sizeof(bad_len); i++) {
		r->meas_len = bad_len[i];
		expect_fault(f->b, f->size, MICA_FAULT_REALM_MEAS_LEN,
			     MICA_TABLE_REALMS, 1, REALM(1) + 6);
	}
	/* bytes 32..47 of the measurement are now beyond meas_len */
	r->meas_len = 32;
	expect_fault(f->b, f->size, MICA_FAULT_REALM_MEAS_PAD,
		     MICA_TABLE_REALMS, 1, REALM(1) + 8 + 32);
	r->meas_len = 48;
	tb_realm_at(f->b, 0)->measurement[63] = 1;	/* camera: 32 bytes */
	expect_fault(f->b, f->size, MICA_FAULT_REALM_MEAS_PAD,
		     MICA_TABLE_REALMS, 0, REALM(0) + 8 + 63);
}

static void test_grant_fields(void **state)
{
	struct sample *f = *state;
	struct mica_blob_grant *g = tb_grant_at(f->b, 4);
	struct mica_blob_grant keep = *g;

	g->region = 4;
	expect_fault(f->b, f->size, MICA_FAULT_GRANT_REGION, MICA_TABLE_GRANTS,
		     4, GRANT(4));
	g->region = UINT32_MAX;
	expect_fault(f->b, f->size, MICA_FAULT_GRANT_REGION, MICA_TABLE_GRANTS,
		     4, GRANT(4));
	*g = keep;
	g->realm = 5;
	expect_fault(f->b, f->size, MICA_FAULT_GRANT_REALM, MICA_TABLE_GRANTS,
		     4, GRANT(4) + 4);
	*g = keep;
	g->perm = 0;
	expect_fault(f->b, f->size, MICA_FAULT_GRANT_PERM, MICA_TABLE_GRANTS,
		     4, GRANT(4) + 8);
	g->perm = 4;
	expect_fault(f->b, f->size, MICA_FAULT_GRANT_PERM, MICA_TABLE_GRANTS,
		     4, GRANT(4) + 8);
	g->perm = 7;
	expect_fault(f->b, f->size, MICA_FAULT_GRANT_PERM, MICA_TABLE_GRANTS,
		     4, GRANT(4) + 8);
	*g = keep;
	g->reserved[2] = 0x40;
	expect_fault(f->b, f->size, MICA_FAULT_RESERVED, MICA_TABLE_GRANTS, 4,
		     GRANT(4) + 11);
}

static void test_grant_order(void **state)
{
	struct sample *f = *state;
	struct mica_blob_grant g0 = *tb_grant_at(f->b, 0);
	struct mica_blob_grant g1 = *tb_grant_at(f->b, 1);

	/* same region, realms descending */
	*tb_grant_at(f->b, 0) = g1;
	*tb_grant_at(f->b, 1) = g0;
	expect_fault(f->b, f->size, MICA_FAULT_GRANT_ORDER, MICA_TABLE_GRANTS,
		     1, GRANT(1));
	/* a realm granted twice on one region */
	*tb_grant_at(f->b, 0) = g0;
	expect_fault(f->b, f->size, MICA_FAULT_GRANT_ORDER, MICA_TABLE_GRANTS,
		     1, GRANT(1));
	*tb_grant_at(f->b, 1) = g1;
	/* region descending: (1, 2) then (0, 3) */
	tb_grant_at(f->b, 3)->region = 0;
	tb_grant_at(f->b, 3)->realm = 3;
	expect_fault(f->b, f->size, MICA_FAULT_GRANT_ORDER, MICA_TABLE_GRANTS,
		     3, GRANT(3));
}

static void test_region_fields(void **state)
{
	struct sample *f = *state;
	struct mica_blob_region *r = tb_region_at(f->b, 1);	/* log_buf */

	r->kind = 0;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_KIND, MICA_TABLE_REGIONS,
		     1, REGION(1) + 4);
	r->kind = 3;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_KIND, MICA_TABLE_REGIONS,
		     1, REGION(1) + 4);
	r->kind = MICA_REGION_UNPROTECTED;
	r->reserved[1] = 9;
	expect_fault(f->b, f->size, MICA_FAULT_RESERVED, MICA_TABLE_REGIONS, 1,
		     REGION(1) + 6);
	r->reserved[1] = 0;
	r->size = 0;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_SIZE, MICA_TABLE_REGIONS,
		     1, REGION(1) + 16);
	r->size = 0x1001;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_SIZE, MICA_TABLE_REGIONS,
		     1, REGION(1) + 16);
	r->size = 0x10000;
	r->base = NS + 0x800;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_BASE, MICA_TABLE_REGIONS,
		     1, REGION(1) + 8);
}

static void test_region_halves(void **state)
{
	struct sample *f = *state;
	struct mica_blob_region *frames = tb_region_at(f->b, 0);
	struct mica_blob_region *log_buf = tb_region_at(f->b, 1);
	struct mica_blob_region *shared = tb_region_at(f->b, 3);

	/* protected: must end at or below 2^39 */
	frames->base = NS - 0x100000;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_PROTECTED_IPA,
		     MICA_TABLE_REGIONS, 0, REGION(0) + 8);
	frames->base = 0xFFFFFFFFFFE00000ULL;	/* base + size wraps */
	expect_fault(f->b, f->size, MICA_FAULT_REGION_PROTECTED_IPA,
		     MICA_TABLE_REGIONS, 0, REGION(0) + 8);
	frames->base = NS - 0x200000;		/* ends exactly at 2^39 */
	expect_valid(f->b, f->size);
	/* unprotected: must start at or above 2^39 and end by 2^40 */
	log_buf->base = NS - 0x10000;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_UNPROTECTED_IPA,
		     MICA_TABLE_REGIONS, 1, REGION(1) + 8);
	log_buf->base = NS;
	shared->base = 2 * NS - 0x1000;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_UNPROTECTED_IPA,
		     MICA_TABLE_REGIONS, 3, REGION(3) + 8);
	shared->base = 0xFFFFFFFFFFFFF000ULL;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_UNPROTECTED_IPA,
		     MICA_TABLE_REGIONS, 3, REGION(3) + 8);
	shared->base = 2 * NS - 0x2000;		/* ends exactly at 2^40 */
	expect_valid(f->b, f->size);
}

static void test_region_grant_runs(void **state)
{
	struct sample *f = *state;
	struct mica_blob_region *r0 = tb_region_at(f->b, 0);
	struct mica_blob_region *r1 = tb_region_at(f->b, 1);
	struct mica_blob_region *r3 = tb_region_at(f->b, 3);

	r1->grant_first = 3;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_GRANT_FIRST,
		     MICA_TABLE_REGIONS, 1, REGION(1) + 24);
	r1->grant_first = 2;
	r0->grant_count = 0;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_GRANT_COUNT,
		     MICA_TABLE_REGIONS, 0, REGION(0) + 28);
	/* frames' run would take log_buf's first grant */
	r0->grant_count = 3;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_GRANT_RUN,
		     MICA_TABLE_REGIONS, 0, REGION(0) + 24);
	/* frames' run too short: log_buf's run starts on a frames grant */
	r0->grant_count = 1;
	r1->grant_first = 1;
	r1->grant_count = 3;
	expect_fault(f->b, f->size, MICA_FAULT_REGION_GRANT_RUN,
		     MICA_TABLE_REGIONS, 1, REGION(1) + 24);
	r0->grant_count = 2;
	r1->grant_first = 2;
	r1->grant_count = 2;
	r3->grant_count = 4;	/* past the 9 grants */
	expect_fault(f->b, f->size, MICA_FAULT_REGION_GRANT_COUNT,
		     MICA_TABLE_REGIONS, 3, REGION(3) + 28);
	r3->grant_count = 2;	/* grant 8 then belongs to no run */
	expect_fault(f->b, f->size, MICA_FAULT_GRANTS_UNCLAIMED,
		     MICA_TABLE_GRANTS, 8, GRANT(8));
}

static void test_region_without_grant(void **state)
{
	struct tb_policy p = *tb_sample();
	size_t size;
	uint8_t *b;

	(void)state;
	p.ngrants = 8;	/* drop store's grant on shared_ns */
	b = tb_build(&p, &size);
	expect_valid(b, size);
	free(b);
	p.ngrants = 6;	/* shared_ns loses every grant */
	b = tb_build(&p, &size);
	expect_fault(b, size, MICA_FAULT_REGION_GRANT_COUNT, MICA_TABLE_REGIONS,
		     3, REGION(3) + 28);
	free(b);
}

static void test_call_fields(void **state)
{
	struct sample *f = *state;
	struct mica_blob_call *c = tb_call_at(f->b, 1);	/* detector -> sink */
	struct mica_blob_call keep = *c;

	c->caller = 5;
	expect_fault(f->b, f->size, MICA_FAULT_CALL_REALM, MICA_TABLE_CALLS, 1,
		     CALL(1));
	*c = keep;
	c->callee = 5;
	expect_fault(f->b, f->size, MICA_FAULT_CALL_REALM, MICA_TABLE_CALLS, 1,
		     CALL(1) + 4);
	c->callee = 1;
	expect_fault(f->b, f->size, MICA_FAULT_CALL_SELF, MICA_TABLE_CALLS, 1,
		     CALL(1) + 4);
	*c = keep;
	c->flags = 2;
	expect_fault(f->b, f->size, MICA_FAULT_CALL_FLAGS, MICA_TABLE_CALLS, 1,
		     CALL(1) + 8);
	*c = keep;
	c->reserved[0] = 1;
	expect_fault(f->b, f->size, MICA_FAULT_RESERVED, MICA_TABLE_CALLS, 1,
		     CALL(1) + 9);
}

static void test_call_order(void **state)
{
	struct sample *f = *state;
	struct mica_blob_call c0 = *tb_call_at(f->b, 0);
	struct mica_blob_call c1 = *tb_call_at(f->b, 1);

	*tb_call_at(f->b, 0) = c1;
	*tb_call_at(f->b, 1) = c0;
	expect_fault(f->b, f->size, MICA_FAULT_CALL_ORDER, MICA_TABLE_CALLS, 1,
		     CALL(1));
	*tb_call_at(f->b, 0) = c0;
	*tb_call_at(f->b, 1) = c1;
	/* the same call twice, even with different flags */
	*tb_call_at(f->b, 3) = *tb_call_at(f->b, 2);
	tb_call_at(f->b, 3)->flags = MICA_CALL_ONEWAY;
	expect_fault(f->b, f->size, MICA_FAULT_CALL_ORDER, MICA_TABLE_CALLS, 3,
		     CALL(3));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, sample_setup, sample_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_realm_fields),
		T(test_realm_measurement),
		T(test_grant_fields),
		T(test_grant_order),
		T(test_region_fields),
		T(test_region_halves),
		T(test_region_grant_runs),
		cmocka_unit_test(test_region_without_grant),
		T(test_call_fields),
		T(test_call_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
