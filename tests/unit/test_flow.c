/* test_flow.c - the flow rules on hand-built models: each edge kind, each
 * corner of the built-in rule, assertions, grouping, and the exact text and
 * location of every diagnostic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "flow/flow_check.h"
#include "diag/diag.h"
#include "flow/flow.h"
#include "flow_model.h"
#include "frontend.h"

#define T MICA_TRUST_TRUSTED
#define D MICA_TRUST_DISTRUSTFUL
#define U MICA_TRUST_UNTRUSTED
#define HC MICA_REALM_HOSTCALL
#define MM MICA_REALM_MMIO
#define PROT MICA_REGION_PROTECTED
#define UNPROT MICA_REGION_UNPROTECTED
#define R MICA_PERM_READ
#define W MICA_PERM_WRITE
#define RW MICA_PERM_READWRITE

struct run {
	struct fm b;
	struct diag_list dl;
};

static void check(struct run *t)
{
	memset(&t->dl, 0, sizeof(t->dl));
	flow_check(fm_finish(&t->b), &t->dl);
}

static void done(struct run *t)
{
	diag_list_free(&t->dl);
	fm_free(&t->b);
}

static void expect_steps(const struct diag *d, size_t n, ...)
{
	va_list ap;

	assert_int_equal(d->nsteps, n);
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(d->steps[i].text, va_arg(ap, const char *));
	va_end(ap);
}

/* The design's example: camera -> detector -> host. */
static void test_leak_through_hostcall(void **state)
{
	struct run t;
	uint32_t cam, det, fr;

	(void)state;
	fm_init(&t.b);
	cam = fm_realm(&t.b, "camera", T, 0);			/* line 1 */
	det = fm_realm(&t.b, "detector", D, HC);		/* lines 2, 3 */
	fr = fm_region(&t.b, "frames", PROT);			/* line 4 */
	fm_grant(&t.b, fr, cam, W);				/* line 5 */
	fm_grant(&t.b, fr, det, R);				/* line 6 */
	check(&t);
	assert_int_equal(t.dl.n, 1);
	assert_string_equal(t.dl.v[0].code, "E0401");
	assert_string_equal(t.dl.v[0].msg, "data of 'camera' can leave through distrustful 'detector'");
	assert_int_equal(t.dl.v[0].loc.line, 3);	/* detector's hostcall */
	expect_steps(&t.dl.v[0], 2,
		     "camera -> detector   (region 'frames': camera writes, detector reads)",
		     "detector -> host     (detector may use hostcall)");
	assert_int_equal(t.dl.v[0].steps[0].loc.line, 5);
	assert_int_equal(t.dl.v[0].steps[1].loc.line, 3);
	assert_int_equal(t.dl.v[0].nnotes, 2);
	assert_int_equal(t.dl.v[0].notes[0].kind, NOTE_HELP);
	assert_string_equal(t.dl.v[0].notes[0].text,
			    "deny hostcall for 'detector', or route its output through a trusted realm");
	assert_string_equal(t.dl.v[0].notes[1].text,
			    "or, if 'camera' only ever gives 'detector' data it may publish, make "
			    "'detector' `untrusted` (a sink, like the host)");
	done(&t);
}

/* A source's own exit is its decision; distrustful realms alone are fine. */
static void test_direct_exit_is_not_a_leak(void **state)
{
	struct run t;
	uint32_t a, d, u, rg;

	(void)state;
	fm_init(&t.b);
	a = fm_realm(&t.b, "a", T, HC | MM);
	d = fm_realm(&t.b, "d", D, HC);
	u = fm_realm(&t.b, "u", U, HC);
	rg = fm_region(&t.b, "shared", UNPROT);
	fm_grant(&t.b, rg, a, W);
	fm_grant(&t.b, rg, d, RW);
	check(&t);
	/* d reads what a writes to unprotected memory the host can read anyway:
	 * still a -> d -> host, a leak through d. */
	assert_int_equal(t.dl.n, 1);
	assert_string_equal(t.dl.v[0].msg, "data of 'a' can leave through distrustful 'd'");
	expect_steps(&t.dl.v[0], 2,
		     "a -> d      (unprotected region 'shared': a writes, d reads)",
		     "d -> host   (unprotected region 'shared': d writes, host reads)");
	done(&t);

	/* Without the region: every exit is direct. */
	fm_init(&t.b);
	a = fm_realm(&t.b, "a", T, HC | MM);
	d = fm_realm(&t.b, "d", D, HC | MM);
	u = fm_realm(&t.b, "u", U, HC);
	fm_call(&t.b, a, u, 0);
	fm_call(&t.b, d, u, 0);
	rg = fm_region(&t.b, "out", UNPROT);
	fm_grant(&t.b, rg, a, W);
	fm_grant(&t.b, rg, d, W);
	check(&t);
	assert_int_equal(t.dl.n, 0);
	done(&t);
}

static void test_trusted_intermediary_stops_leak(void **state)
{
	struct run t;
	uint32_t a, b, c;

	(void)state;
	fm_init(&t.b);
	a = fm_realm(&t.b, "a", D, 0);
	b = fm_realm(&t.b, "b", T, 0);
	c = fm_realm(&t.b, "c", D, HC);
	fm_call(&t.b, a, b, MICA_CALL_ONEWAY);
	fm_call(&t.b, b, c, MICA_CALL_ONEWAY);
	check(&t);
	/* b -> c -> host leaks b's data; a's data reaches c only through the
	 * trusted b, which may declassify it. */
	assert_int_equal(t.dl.n, 1);
	assert_string_equal(t.dl.v[0].msg, "data of 'b' can leave through distrustful 'c'");
	done(&t);
}

static void test_oneway_call(void **state)
{
	struct run t;
	uint32_t cam, d;

	(void)state;
	fm_init(&t.b);
	cam = fm_realm(&t.b, "camera", T, 0);
	d = fm_realm(&t.b, "d", D, MM);
	fm_call(&t.b, d, cam, MICA_CALL_ONEWAY);	/* d signals camera: no data to d */
	check(&t);
	assert_int_equal(t.dl.n, 0);
	done(&t);

	fm_init(&t.b);
	cam = fm_realm(&t.b, "camera", T, 0);
	d = fm_realm(&t.b, "d", D, MM);
	fm_call(&t.b, d, cam, 0);			/* results flow back to d */
	check(&t);
	assert_int_equal(t.dl.n, 1);
	expect_steps(&t.dl.v[0], 2, "camera -> d   (results of call d -> camera)",
		     "d -> host     (d may use mmio)");
	assert_string_equal(t.dl.v[0].notes[0].text,
			    "deny mmio for 'd', or route its output through a trusted realm");
	done(&t);
}

static void test_return_edge_fix(void **state)
{
	struct run t;
	uint32_t cam, d, u;

	(void)state;
	fm_init(&t.b);
	cam = fm_realm(&t.b, "camera", T, 0);
	d = fm_realm(&t.b, "d", D, 0);
	u = fm_realm(&t.b, "vendor", U, 0);
	fm_call(&t.b, cam, d, MICA_CALL_ONEWAY);
	fm_call(&t.b, u, d, 0);				/* line 5: d answers vendor */
	check(&t);
	assert_int_equal(t.dl.n, 1);
	assert_int_equal(t.dl.v[0].loc.line, 5);
	expect_steps(&t.dl.v[0], 2, "camera -> d   (oneway call camera -> d)",
		     "d -> vendor   (results of call vendor -> d)");
	assert_string_equal(t.dl.v[0].notes[0].text,
			    "make the call vendor -> d oneway, or route its output through a trusted realm");
	done(&t);
}

/* readwrite grants give both directions, but never realm -> itself. */
static void test_readwrite_and_self(void **state)
{
	struct run t;
	uint32_t d, s, rg;

	(void)state;
	fm_init(&t.b);
	d = fm_realm(&t.b, "d", D, HC);
	rg = fm_region(&t.b, "scratch", PROT);
	fm_grant(&t.b, rg, d, RW);
	check(&t);
	assert_int_equal(t.dl.n, 0);
	done(&t);

	fm_init(&t.b);
	d = fm_realm(&t.b, "d", D, HC);
	s = fm_realm(&t.b, "s", T, 0);
	rg = fm_region(&t.b, "scratch", PROT);
	fm_grant(&t.b, rg, d, RW);
	fm_grant(&t.b, rg, s, RW);
	check(&t);
	assert_int_equal(t.dl.n, 1);
	assert_string_equal(t.dl.v[0].msg, "data of 's' can leave through distrustful 'd'");
	expect_steps(&t.dl.v[0], 2, "s -> d      (region 'scratch': s writes, d reads)",
		     "d -> host   (d may use hostcall)");
	done(&t);
}

/* Unprotected memory: writers reach the host, the host reaches readers. */
static void test_unprotected_host_edges(void **state)
{
	struct run t;
	uint32_t cam, d, in, out;

	(void)state;
	fm_init(&t.b);
	cam = fm_realm(&t.b, "camera", T, 0);
	d = fm_realm(&t.b, "d", D, 0);
	in = fm_region(&t.b, "in", PROT);
	out = fm_region(&t.b, "out", UNPROT);
	fm_grant(&t.b, in, cam, W);
	fm_grant(&t.b, in, d, R);
	fm_grant(&t.b, out, d, RW);			/* line 7 */
	fm_assert(&t.b, MODEL_HOST, d);			/* line 8: fails */
	fm_assert(&t.b, MODEL_HOST, cam);		/* line 9: holds */
	check(&t);
	assert_int_equal(t.dl.n, 2);
	assert_string_equal(t.dl.v[0].code, "E0401");
	assert_int_equal(t.dl.v[0].loc.line, 7);
	expect_steps(&t.dl.v[0], 2, "camera -> d   (region 'in': camera writes, d reads)",
		     "d -> host     (unprotected region 'out': d writes, host reads)");
	assert_string_equal(t.dl.v[0].notes[0].text,
			    "make the grant of 'd' on unprotected region 'out' read-only, "
			    "or route its output through a trusted realm");
	assert_string_equal(t.dl.v[1].code, "E0402");
	assert_int_equal(t.dl.v[1].loc.line, 8);
	assert_string_equal(t.dl.v[1].msg,
			    "assertion 'no flow host -> d' fails: data of 'host' can reach 'd'");
	expect_steps(&t.dl.v[1], 1, "host -> d   (unprotected region 'out': host writes, d reads)");
	assert_int_equal(t.dl.v[1].steps[0].loc.line, 7);
	assert_string_equal(t.dl.v[1].notes[0].text,
			    "make the grant of 'd' on unprotected region 'out' write-only");
	done(&t);
}

/* Untrusted realms are sinks like the host, reached through regions. */
static void test_untrusted_sink(void **state)
{
	struct run t;
	uint32_t a, d, v, rg, rg2;

	(void)state;
	fm_init(&t.b);
	a = fm_realm(&t.b, "a", T, 0);
	d = fm_realm(&t.b, "d", D, 0);
	v = fm_realm(&t.b, "vendor", U, 0);
	rg = fm_region(&t.b, "r1", PROT);
	rg2 = fm_region(&t.b, "r2", PROT);
	fm_grant(&t.b, rg, a, W);
	fm_grant(&t.b, rg, d, R);
	fm_grant(&t.b, rg2, d, W);			/* line 8 */
	fm_grant(&t.b, rg2, v, R);
	check(&t);
	assert_int_equal(t.dl.n, 1);
	assert_int_equal(t.dl.v[0].loc.line, 8);
	expect_steps(&t.dl.v[0], 2, "a -> d        (region 'r1': a writes, d reads)",
		     "d -> vendor   (region 'r2': d writes, vendor reads)");
	assert_string_equal(t.dl.v[0].notes[0].text,
			    "make the grant of 'd' on region 'r2' read-only, "
			    "or route its output through a trusted realm");
	done(&t);
}

/* Cycles among distrustful realms: data that comes back to its source and
 * leaves by the source's own exit is still a leak of that source (the rule
 * is about walks), grouped with the others under the same exit. */
static void test_cycle(void **state)
{
	struct run t;
	uint32_t a, b;

	(void)state;
	fm_init(&t.b);
	a = fm_realm(&t.b, "a", D, 0);
	b = fm_realm(&t.b, "b", D, 0);
	fm_call(&t.b, a, b, 0);
	check(&t);
	assert_int_equal(t.dl.n, 0);		/* a cycle with no way out */
	done(&t);

	fm_init(&t.b);
	a = fm_realm(&t.b, "a", D, 0);
	b = fm_realm(&t.b, "b", D, HC);
	fm_call(&t.b, a, b, 0);
	check(&t);
	assert_int_equal(t.dl.n, 1);
	assert_string_equal(t.dl.v[0].msg,
			    "data of 'a' and 1 other realm can leave through distrustful 'b'");
	expect_steps(&t.dl.v[0], 2, "a -> b      (call a -> b)", "b -> host   (b may use hostcall)");
	assert_int_equal(t.dl.v[0].nnotes, 2);
	assert_string_equal(t.dl.v[0].notes[0].text, "the data of 'b' leaves the same way");
	done(&t);
}

/* A chain of distrustful realms: named by the one whose step leaves. */
static void test_chain_and_shortest(void **state)
{
	struct run t;
	uint32_t s, d1, d2, d3;

	(void)state;
	fm_init(&t.b);
	d1 = fm_realm(&t.b, "d1", D, 0);
	d2 = fm_realm(&t.b, "d2", D, 0);
	d3 = fm_realm(&t.b, "d3", D, HC);
	s = fm_realm(&t.b, "s", T, 0);
	fm_call(&t.b, s, d1, MICA_CALL_ONEWAY);
	fm_call(&t.b, d1, d2, MICA_CALL_ONEWAY);
	fm_call(&t.b, d2, d3, MICA_CALL_ONEWAY);
	fm_call(&t.b, s, d2, MICA_CALL_ONEWAY);	/* shorter: s -> d2 -> d3 -> host */
	check(&t);
	assert_int_equal(t.dl.n, 1);
	/* d1 and d2 leak too (through d3); d2's witness is the shortest. */
	assert_string_equal(t.dl.v[0].msg,
			    "data of 'd2' and 2 other realms can leave through distrustful 'd3'");
	expect_steps(&t.dl.v[0], 2, "d2 -> d3     (oneway call d2 -> d3)",
		     "d3 -> host   (d3 may use hostcall)");
	assert_string_equal(t.dl.v[0].notes[0].text, "the data of 'd1' and 's' leaves the same way");
	done(&t);
}

/* A hundred sources behind one exit: one error, the rest in a note. */
static void test_grouping(void **state)
{
	struct run t;
	uint32_t rg, d;
	char name[16];

	(void)state;
	fm_init(&t.b);
	d = fm_realm(&t.b, "d", D, HC);
	for (int i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "s%03d", i);
		fm_realm(&t.b, name, i % 2 ? T : D, 0);
	}
	rg = fm_region(&t.b, "bus", PROT);
	fm_grant(&t.b, rg, d, R);
	for (uint32_t i = 1; i <= 100; i++)
		fm_grant(&t.b, rg, i, W);
	check(&t);
	assert_int_equal(t.dl.n, 1);
	assert_string_equal(t.dl.v[0].msg,
			    "data of 's000' and 99 other realms can leave through distrustful 'd'");
	assert_string_equal(t.dl.v[0].notes[0].text,
			    "the data of 's001', 's002', 's003', 's004', 's005', 's006', 's007', "
			    "'s008' and 91 more leaves the same way");
	done(&t);
}

/* Two exits: two errors, each source under its own shortest exit. */
static void test_two_exits(void **state)
{
	struct run t;
	uint32_t a, b, d, e;

	(void)state;
	fm_init(&t.b);
	a = fm_realm(&t.b, "a", T, 0);
	b = fm_realm(&t.b, "b", T, 0);
	d = fm_realm(&t.b, "d", D, HC);
	e = fm_realm(&t.b, "e", D, MM);
	fm_call(&t.b, a, d, MICA_CALL_ONEWAY);
	fm_call(&t.b, b, e, MICA_CALL_ONEWAY);
	check(&t);
	assert_int_equal(t.dl.n, 2);
	assert_string_equal(t.dl.v[0].msg, "data of 'a' can leave through distrustful 'd'");
	assert_string_equal(t.dl.v[1].msg, "data of 'b' can leave through distrustful 'e'");
	done(&t);
}

/* Asserts hold whatever the trust levels, through long chains. */
static void test_assert_long_chain(void **state)
{
	struct run t;
	char name[16];

	(void)state;
	fm_init(&t.b);
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof(name), "r%02d", i);
		fm_realm(&t.b, name, T, 0);
	}
	for (uint32_t i = 0; i + 1 < 50; i++)
		fm_call(&t.b, i, i + 1, MICA_CALL_ONEWAY);
	fm_assert(&t.b, 0, 49);
	fm_assert(&t.b, 49, 0);
	fm_assert(&t.b, 3, MODEL_HOST);
	check(&t);
	assert_int_equal(t.dl.n, 1);
	assert_string_equal(t.dl.v[0].code, "E0402");
	assert_string_equal(t.dl.v[0].msg,
			    "assertion 'no flow r00 -> r49' fails: data of 'r00' can reach 'r49'");
	assert_int_equal(t.dl.v[0].nsteps, 49);
	assert_string_equal(t.dl.v[0].steps[48].text, "r48 -> r49   (oneway call r48 -> r49)");
	assert_string_equal(t.dl.v[0].notes[0].text,
			    "remove any step of this path, for example: remove the call r48 -> r49");
	done(&t);
}

/* Distrustful realms with no grants, calls or exits: nothing to report. */
static void test_empty(void **state)
{
	struct run t;

	(void)state;
	fm_init(&t.b);
	check(&t);
	assert_int_equal(t.dl.n, 0);
	done(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leak_through_hostcall),
		cmocka_unit_test(test_direct_exit_is_not_a_leak),
		cmocka_unit_test(test_trusted_intermediary_stops_leak),
		cmocka_unit_test(test_oneway_call),
		cmocka_unit_test(test_return_edge_fix),
		cmocka_unit_test(test_readwrite_and_self),
		cmocka_unit_test(test_unprotected_host_edges),
		cmocka_unit_test(test_untrusted_sink),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_chain_and_shortest),
		cmocka_unit_test(test_grouping),
		cmocka_unit_test(test_two_exits),
		cmocka_unit_test(test_assert_long_chain),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
