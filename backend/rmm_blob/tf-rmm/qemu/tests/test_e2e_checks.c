/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Unit tests of the emulated-CCA-machine program's bookkeeping
 * (nw/e2e_checks.c) on the build host: the exact check lines and count the
 * run prints, and what the REC exit records answer.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "e2e_checks.h"
#include "../e2e_abi.h"

static char out[4096];
static size_t out_len;

void e2e_putc(char c)
{
	if (out_len + 1 < sizeof(out)) {
		out[out_len++] = c;
		out[out_len] = '\0';
	}
}

static int reset(void **state)
{
	(void)state;
	out_len = 0;
	out[0] = '\0';
	return 0;
}

static void op_lines_and_count(void **state)
{
	struct e2e_tally t = { 0, 0 };

	(void)state;
	assert_true(e2e_check_op(&t, "detector", "RSI_HOST_CALL (no hostcall)",
				 false, false));
	assert_false(e2e_check_op(&t, "second", "RMI_MICA_REALM_BIND role camera",
				  false, true));
	assert_true(e2e_check_op(&t, "camera", "MMIO exit", true, true));
	assert_false(e2e_check_op(&t, "x", "y", true, false));
	assert_string_equal(out,
		"[ 1] pass  detector: RSI_HOST_CALL (no hostcall): refused (policy: refused)\n"
		"[ 2] FAIL  second: RMI_MICA_REALM_BIND role camera: allowed (policy: refused)\n"
		"[ 3] pass  camera: MMIO exit: allowed (policy: allowed)\n"
		"[ 4] FAIL  x: y: refused (policy: allowed)\n");
	assert_int_equal(t.checks, 4);
	assert_int_equal(t.failed, 2);
}

static void facts_numbering_and_summary(void **state)
{
	struct e2e_tally t = { 8, 0 };

	(void)state;
	assert_true(e2e_check(&t, "host", "loaded", true));
	assert_false(e2e_check(&t, "camera", "token", false));
	assert_false(e2e_summary(&t));
	assert_string_equal(out,
		"[ 9] pass  host: loaded\n"
		"[10] FAIL  camera: token\n"
		"e2e: 10 checks, 9 passed, 1 failed\n");
	reset(NULL);
	t.failed = 0;
	assert_true(e2e_summary(&t));
	assert_string_equal(out, "e2e: 10 checks, 10 passed, 0 failed\n");
}

static void numbers(void **state)
{
	(void)state;
	e2e_puthex(0);
	e2e_putc(' ');
	e2e_puthex(0x5ec2e7c0ffeeUL);
	e2e_putc(' ');
	e2e_puthex(UINT64_MAX);
	e2e_putc(' ');
	e2e_putdec(0);
	e2e_putc(' ');
	e2e_putdec(UINT64_MAX);
	assert_string_equal(out,
		"0x0 0x5ec2e7c0ffee 0xffffffffffffffff 0 18446744073709551615");
}

static void hexdump_32_per_line(void **state)
{
	uint8_t b[33];

	(void)state;
	for (unsigned int i = 0; i < sizeof(b); i++) {
		b[i] = (uint8_t)(i * 7U);
	}
	e2e_hexdump("t: ", b, sizeof(b));
	assert_string_equal(out,
		"t: 00070e151c232a31383f464d545b626970777e858c939aa1a8afb6bdc4cbd2d9\n"
		"t: e0\n");
	reset(NULL);
	e2e_hexdump("t: ", b, 0);
	assert_string_equal(out, "");
}

static void hpfar_to_ipa(void **state)
{
	(void)state;
	/*
	 * HPFAR_EL2.FIPA holds IPA[51:12] at bits [43:4]; bits 3:0, 62:44
	 * and 63 (NS) are not address bits.
	 */
	assert_int_equal(e2e_hpfar_ipa((E2E_CALIB >> 12) << 4), E2E_CALIB);
	assert_int_equal(e2e_hpfar_ipa(((E2E_CALIB >> 12) << 4) | (1UL << 44)),
			 E2E_CALIB);
	assert_int_equal(e2e_hpfar_ipa(((E2E_NO_REGION >> 12) << 4) | 0xfUL |
				       (1UL << 63)), E2E_NO_REGION);
	assert_int_equal(e2e_hpfar_ipa(0), 0);
}

static void trace_queries(void **state)
{
	struct e2e_trace tr;
	struct e2e_exit load = { .reason = RMI_EXIT_SYNC, .ipa = E2E_CALIB,
				 .write = false, .value = 0 };
	struct e2e_exit store = { .reason = RMI_EXIT_SYNC, .ipa = E2E_NO_REGION,
				  .write = true, .value = 0x856 };
	struct e2e_exit hc = { .reason = RMI_EXIT_HOST_CALL, .imm = 0x1c,
			       .value = 3 };
	unsigned long v = 0;

	(void)state;
	memset(&tr, 0, sizeof(tr));
	e2e_trace_add(&tr, &load);
	assert_false(e2e_trace_store_at(&tr, E2E_CALIB, &v));	/* a load */
	assert_null(e2e_trace_find(&tr, RMI_EXIT_HOST_CALL));
	e2e_trace_add(&tr, &store);
	e2e_trace_add(&tr, &hc);
	assert_true(e2e_trace_store_at(&tr, E2E_NO_REGION + 8, &v));
	assert_int_equal(v, 0x856);
	assert_false(e2e_trace_store_at(&tr, E2E_NO_REGION + 4096, &v));
	assert_ptr_equal(e2e_trace_find(&tr, RMI_EXIT_HOST_CALL), &tr.e[2]);
	assert_int_equal(e2e_trace_find(&tr, RMI_EXIT_HOST_CALL)->imm, 0x1c);
	assert_false(tr.overflow);
	for (unsigned int i = 3; i < E2E_TRACE_MAX; i++) {
		e2e_trace_add(&tr, &load);
	}
	assert_int_equal(tr.n, E2E_TRACE_MAX);
	assert_false(tr.overflow);
	e2e_trace_add(&tr, &store);
	assert_int_equal(tr.n, E2E_TRACE_MAX);
	assert_true(tr.overflow);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(op_lines_and_count, reset),
		cmocka_unit_test_setup(facts_numbering_and_summary, reset),
		cmocka_unit_test_setup(numbers, reset),
		cmocka_unit_test_setup(hexdump_32_per_line, reset),
		cmocka_unit_test_setup(hpfar_to_ipa, reset),
		cmocka_unit_test_setup(trace_queries, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
