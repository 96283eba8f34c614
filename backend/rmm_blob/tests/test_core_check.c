/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The RMM's core checks (mica_blob_check) against the full validator: a
 * blob that breaks every canonical rule at once, and nothing else, is one
 * the core takes, the full validator (and so micac) refuses, and on which
 * every RMM query answers as its definition does and every decision as on
 * the canonical blob; the same blob with any one core rule broken as well
 * is refused by the core, which does not rely on canonical form.
 */

#include "core_oracle.h"
#include "expect.h"

#include <mica_decide.h>
#include <string.h>

/* Sets every byte of n from off. */
static void smear(uint8_t *b, uint32_t off, uint32_t n, uint8_t v)
{
	memset(b + off, v, n);
}

/*
 * The sample with every byte that only canonical form constrains changed:
 * header_size, total_size and the reserved fields; every name and name_off;
 * trust, the unknown flag, permission and call-flag bits; reserved bytes,
 * the measurements' tails and the padding; the rim index (out of range).
 */
static uint8_t *noncanonical(size_t *size)
{
	uint8_t *b = tb_build_sample(size);
	struct mica_blob_header *h = tb_header(b);
	uint32_t i, strings = tb_offset(b, MICA_TABLE_STRINGS, 0);

	h->header_size = 0;
	h->total_size = 0;
	h->reserved0 = 0xffff;
	h->reserved1 = 1;
	h->name_off = 0xffffffffU;
	for (i = 0; i < 5; i++) {
		struct mica_blob_realm *r = tb_realm_at(b, i);

		r->name_off = 0xdeadbeefU;
		r->trust = 0;
		r->flags |= 0xfc;
		r->reserved = 0xff;
		memset(r->measurement + r->meas_len, 0xee,
		       MICA_MEAS_MAX - r->meas_len);
	}
	for (i = 0; i < 4; i++) {
		tb_region_at(b, i)->name_off = 0xffffffffU;
		memset(tb_region_at(b, i)->reserved, 0xff, 3);
		*tb_index_at(b, MICA_TABLE_RIM_IDX, i) = 0xffffffffU;
	}
	for (i = 0; i < 9; i++) {
		tb_grant_at(b, i)->perm |= 0xfc;
		memset(tb_grant_at(b, i)->reserved, 0xff, 3);
	}
	for (i = 0; i < 4; i++) {
		tb_call_at(b, i)->flags |= 0xfe;
		memset(tb_call_at(b, i)->reserved, 0xff, 3);
	}
	/* the string table, and the padding after the calls and the end */
	smear(b, strings, (uint32_t)*size - strings, 0xff);
	smear(b, tb_offset(b, MICA_TABLE_CALLS, 4),
	      tb_offset(b, MICA_TABLE_REGION_IDX, 0) -
	      tb_offset(b, MICA_TABLE_CALLS, 4), 0xff);
	return b;
}

static void test_core_takes_noncanonical(void **state)
{
	size_t size;
	uint8_t *b = noncanonical(&size);
	struct mica_blob_error err;
	struct mica_policy pol;
	char why[160] = "";

	(void)state;
	/* micac refuses it: the first canonical rule of the header */
	assert_int_equal(mica_blob_validate(b, size, &err), -EINVAL);
	assert_int_equal(err.fault, MICA_FAULT_HEADER_SIZE);
	assert_int_equal(err.offset, 10);
	/* the RMM takes it, and answers every query as defined */
	assert_int_equal(mica_blob_check(b, size, &err), 0);
	assert_int_equal(err.fault, MICA_FAULT_NONE);
	assert_int_equal(mica_policy_init(&pol, b, size, NULL), 0);
	assert_int_equal(core_oracle(&pol, UINT32_MAX, why, sizeof(why)), 0);
	free(b);
}

/* Every decision of mica_decide.c is the canonical sample's: nothing the
 * core leaves unchecked changes what the RMM allows.
 */
static void test_decisions_unchanged(void **state)
{
	static const uint64_t ipas[] = {
		0x1000, 0x10000000, 0x8000000000ULL, 0x800000f000ULL,
		0x8000010000ULL, 0x8000011000ULL, 0x8000012000ULL,
	};
	size_t size, i;
	uint8_t *canon = tb_build_sample(&size);
	uint8_t *b = noncanonical(&size);
	struct mica_policy p, q;
	uint32_t role;

	(void)state;
	assert_int_equal(mica_policy_init(&p, canon, size, NULL), 0);
	assert_int_equal(mica_policy_init(&q, b, size, NULL), 0);
	for (role = 0; role < 6; role++) {
		/* each bound on its own blob, as the RMM would: caps from it */
		struct mica_realm st = core_oracle_bound(&p, role);
		struct mica_realm sq = core_oracle_bound(&q, role);
		const struct mica_blob_realm *r = mica_blob_realm(canon,
								  role % 5);

		assert_int_equal(mica_decide_hostcall(&p, &st),
				 mica_decide_hostcall(&q, &sq));
		assert_int_equal(mica_decide_activate(&p, &st, r->measurement,
						      r->meas_len),
				 mica_decide_activate(&q, &sq, r->measurement,
						      r->meas_len));
		for (i = 0; i < ARRAY_SIZE(ipas); i++) {
			unsigned long s2ap;

			for (s2ap = 0; s2ap <= 0xc0; s2ap += 0x40) {
				assert_int_equal(
					mica_decide_map_ns(&p, &st, ipas[i],
							   0x1000, s2ap),
					mica_decide_map_ns(&q, &sq, ipas[i],
							   0x1000, s2ap));
			}
			assert_int_equal(
				mica_decide_ns_abort_exit(&p, &st, ipas[i], true),
				mica_decide_ns_abort_exit(&q, &sq, ipas[i], true));
			assert_int_equal(
				mica_decide_ns_abort_exit(&p, &st, ipas[i], false),
				mica_decide_ns_abort_exit(&q, &sq, ipas[i], false));
		}
	}
	free(canon);
	free(b);
}

/* Breaks one core rule of the non-canonical blob; the core must say so. */
static void expect_core_refuses(uint8_t *b, size_t size, unsigned int fault,
				unsigned int table, uint32_t index,
				uint32_t offset)
{
	struct mica_blob_error err;
	struct mica_policy pol;

	assert_int_equal(mica_policy_init(&pol, b, size, &err), -EINVAL);
	assert_null(pol.blob);
	assert_int_equal(err.fault, fault);
	assert_int_equal(err.table, table);
	assert_int_equal(err.index, index);
	assert_int_equal(err.offset, offset);
}

static void test_core_rules_hold_without_canonical_form(void **state)
{
	size_t size;
	uint8_t *b = noncanonical(&size);
	uint32_t keep, at;

	(void)state;
	/* a measurement longer than the compare may read */
	tb_realm_at(b, 1)->meas_len = 72;
	at = tb_offset(b, MICA_TABLE_REALMS, 1) + 6;
	expect_core_refuses(b, size, MICA_FAULT_REALM_MEAS_LEN,
			    MICA_TABLE_REALMS, 1, at);
	tb_realm_at(b, 1)->meas_len = 48;
	/* a grant naming no realm */
	keep = tb_grant_at(b, 3)->realm;
	tb_grant_at(b, 3)->realm = 5;
	expect_core_refuses(b, size, MICA_FAULT_GRANT_REALM, MICA_TABLE_GRANTS,
			    3, tb_offset(b, MICA_TABLE_GRANTS, 3) + 4);
	tb_grant_at(b, 3)->realm = keep;
	/* a run past the grant table */
	tb_region_at(b, 3)->grant_count = 4;
	expect_core_refuses(b, size, MICA_FAULT_REGION_GRANT_COUNT,
			    MICA_TABLE_REGIONS, 3,
			    tb_offset(b, MICA_TABLE_REGIONS, 3) + 28);
	tb_region_at(b, 3)->grant_count = 3;
	/* the region index out of order: the search would miss regions */
	keep = *tb_index_at(b, MICA_TABLE_REGION_IDX, 2);
	*tb_index_at(b, MICA_TABLE_REGION_IDX, 2) =
		*tb_index_at(b, MICA_TABLE_REGION_IDX, 3);
	*tb_index_at(b, MICA_TABLE_REGION_IDX, 3) = keep;
	expect_core_refuses(b, size, MICA_FAULT_REGION_IDX_ORDER,
			    MICA_TABLE_REGION_IDX, 3,
			    tb_offset(b, MICA_TABLE_REGION_IDX, 3));
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_core_takes_noncanonical),
		cmocka_unit_test(test_decisions_unchanged),
		cmocka_unit_test(test_core_rules_hold_without_canonical_form),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
