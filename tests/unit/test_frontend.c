/* test_frontend.c - parser, checks, resolve and placement through the
 * frontend pipeline: what the tree and model hold, and which diagnostic
 * (code and position) each mistake gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "cmd/cli.h"
#include "frontend.h"

#define P "policy p { version 1; }\n"
#define MEAS "\"abababababababababababababababababababababababababababababababab\""

/* The tests look at the tree too: keep it (the commands let resolve free it). */
static int run(struct frontend *fe, const char *text)
{
	struct frontend_opts o = {.lang = LANG_MICA, .keep_tree = true};

	return frontend_run_mem(fe, "t.mica", text, strlen(text), &o);
}

static void test_tree_contents(void **state)
{
	struct frontend fe;
	const char *text =
		"// leading comment\n"
		"policy video { version 7; digest sha384; ipa_bits 44; }\n"
		"realm cam { trust trusted; measurement " MEAS "; hostcall; mmio; }\n"
		"region buf { kind unprotected; size 0x2000; at 0xC0000000000; grant cam readwrite; }\n"
		"call cam -> cam2 oneway; /* trailing */\n"
		"realm cam2 { trust untrusted; }\n"
		"assert no flow cam2 -> cam;\n";

	(void)state;
	assert_int_equal(run(&fe, text), FRONTEND_OK);
	assert_int_equal(fe.ast.npolicies, 1);
	assert_string_equal(fe.ast.policies[0].name.text, "video");
	assert_int_equal(fe.ast.policies[0].version, 7);
	assert_int_equal(fe.ast.policies[0].digest, MICA_DIGEST_SHA384);
	assert_int_equal(fe.ast.policies[0].ipa_bits, 44);
	assert_int_equal(fe.ast.nrealms, 2);
	assert_true(fe.ast.realms[0].hostcall && fe.ast.realms[0].mmio);
	assert_int_equal(fe.ast.realms[0].name.loc.line, 3);
	assert_int_equal(fe.ast.realms[0].name.loc.col, 7);
	assert_int_equal(fe.ast.realms[0].name.loc.end_col, 9);
	assert_int_equal(fe.ast.regions[0].size, 0x2000);
	assert_int_equal(fe.ast.regions[0].at, 0xC0000000000ull);
	assert_int_equal(fe.ast.regions[0].grants[0].perm, MICA_PERM_READWRITE);
	assert_true(fe.ast.calls[0].oneway);
	assert_int_equal(fe.ast.ncomments, 2);
	assert_string_equal(fe.ast.comments[0].text, "// leading comment");
	assert_string_equal(fe.ast.comments[1].text, "/* trailing */");
	assert_int_equal(fe.ast.ndecls, 6);
	assert_int_equal(fe.ast.decls[3].kind, DECL_CALL);
	/* The model: sorted, resolved, defaults applied. */
	assert_true(fe.has_model);
	assert_string_equal(fe.model.realms[0].name, "cam");
	assert_string_equal(fe.model.realms[1].name, "cam2");
	assert_int_equal(fe.model.realms[0].flags, MICA_REALM_HOSTCALL | MICA_REALM_MMIO);
	assert_int_equal(fe.model.realms[0].meas_len, 32);
	assert_int_equal(fe.model.realms[0].measurement[0], 0xab);
	assert_int_equal(fe.model.calls[0].caller, 0);
	assert_int_equal(fe.model.calls[0].callee, 1);
	assert_int_equal(fe.model.calls[0].flags, MICA_CALL_ONEWAY);
	assert_int_equal(fe.model.asserts[0].from, 1);
	assert_int_equal(fe.model.asserts[0].to, 0);
	frontend_free(&fe);
}

static void test_order_does_not_matter(void **state)
{
	struct frontend a, b;
	const char *t1 = P "realm z { trust trusted; }\nrealm a { trust trusted; }\n"
			 "region r2 { kind protected; size 4KiB; grant z read; grant a write; }\n"
			 "region r1 { kind protected; size 8KiB; grant a readwrite; }\n"
			 "call z -> a;\ncall a -> z;\n";
	const char *t2 = "call a -> z;\nregion r1 { size 0x2000; kind protected; grant a readwrite; }\n"
			 "realm a { trust trusted; }\ncall z -> a;\n" P
			 "region r2 { grant a write; grant z read; size 4096; kind protected; }\n"
			 "realm z { trust trusted; }\n";

	(void)state;
	assert_int_equal(run(&a, t1), FRONTEND_OK);
	assert_int_equal(run(&b, t2), FRONTEND_OK);
	assert_int_equal(a.model.nrealms, b.model.nrealms);
	for (uint32_t i = 0; i < a.model.nregions; i++) {
		assert_string_equal(a.model.regions[i].name, b.model.regions[i].name);
		assert_int_equal(a.model.regions[i].base, b.model.regions[i].base);
		assert_int_equal(a.model.regions[i].grant_first, b.model.regions[i].grant_first);
	}
	for (uint32_t i = 0; i < a.model.ngrants; i++) {
		assert_int_equal(a.model.grants[i].realm, b.model.grants[i].realm);
		assert_int_equal(a.model.grants[i].perm, b.model.grants[i].perm);
	}
	for (uint32_t i = 0; i < a.model.ncalls; i++)
		assert_int_equal(a.model.calls[i].caller, b.model.calls[i].caller);
	frontend_free(&a);
	frontend_free(&b);
}

/* Placement: next-fit from the middle of each half, name order, aligned to
 * min(size, 2 MiB) rounded down to a power of two, around fixed regions. */
static void test_placement(void **state)
{
	struct frontend fe;
	const char *text =
		"policy p { version 1; ipa_bits 32; }\n"
		"realm a { trust trusted; }\n"
		"region a1 { kind protected; size 12KiB; grant a readwrite; }\n"
		"region a2 { kind protected; size 4KiB; grant a readwrite; }\n"
		"region fix { kind protected; size 4KiB; at 0x40003000; grant a readwrite; }\n"
		"region a3 { kind protected; size 4MiB; grant a readwrite; }\n"
		"region u1 { kind unprotected; size 4KiB; grant a read; }\n"
		"region ufix { kind unprotected; size 4KiB; at 0x80000000; grant a read; }\n";
	static const struct { const char *name; uint64_t base; } want[] = {
		{"a1", 0x40000000}, {"a2", 0x40004000}, {"a3", 0x40200000},
		{"fix", 0x40003000}, {"u1", 0xC0000000}, {"ufix", 0x80000000},
	};

	(void)state;
	assert_int_equal(run(&fe, text), FRONTEND_OK);
	assert_int_equal(fe.model.nregions, 6);
	for (size_t i = 0; i < 6; i++) {
		assert_string_equal(fe.model.regions[i].name, want[i].name);
		assert_int_equal(fe.model.regions[i].base, want[i].base);
	}
	frontend_free(&fe);
}

struct error_case {
	const char *text;
	const char *code;
	uint32_t line, col;
};

/* Each mistake gives exactly one diagnostic: this code at this place. */
static void test_single_errors(void **state)
{
	static const struct error_case cases[] = {
		{"", "E0201", 1, 1},
		{P "policy q { version 1; }\n", "E0202", 2, 1},
		{P "realm a { trust trusted; }\nrealm a { trust trusted; }\n", "E0203", 3, 7},
		{P "realm host { trust trusted; }\n", "E0204", 2, 7},
		{P "realm a { trust trusted; }\ncall a -> b;\n", "E0205", 3, 11},
		{P "realm a { trust trusted; }\nregion r { kind protected; size 4KiB; grant a read; }\n"
		   "assert no flow r -> a;\n", "E0206", 4, 16},
		{P "realm a { trust trusted; }\nregion r { kind protected; size 4KiB; grant a read; "
		   "grant a write; }\n", "E0207", 3, 53},
		{P "realm a { trust trusted; }\ncall a -> a;\n", "E0208", 3, 1},
		{P "realm a { trust trusted; }\nrealm b { trust trusted; }\ncall a -> b;\ncall a -> b;\n",
		 "E0209", 5, 1},
		{P "realm a { trust trusted; trust trusted; }\n", "E0210", 2, 26},
		{P "realm a { }\n", "E0211", 2, 7},
		{P "region r { kind protected; size 4KiB; }\n", "E0212", 2, 8},
		{P "realm a { trust trusted; measurement \"ab\"; }\n", "E0213", 2, 38},
		{"policy p { version 99999999999; }\n", "E0214", 1, 20},
		{P "realm a { trust trusted; }\ncall host -> a;\n", "E0215", 3, 6},
		{P "assert no flow host -> host;\n", "E0216", 2, 1},
		{P "realm a { trust high; }\n", "E0217", 2, 17},
		{P "realm a { trust trusted; }\nregion r { kind protected; size 0; grant a read; }\n",
		 "E0301", 3, 33},
		{P "realm a { trust trusted; }\nregion r { kind protected; size 4KiB; at 4097; grant a "
		   "read; }\n", "E0302", 3, 42},
		{P "realm a { trust trusted; }\nregion r { kind unprotected; size 4KiB; at 0; grant a "
		   "read; }\n", "E0303", 3, 44},
		{P "realm a { trust trusted; }\n"
		   "region r { kind protected; size 8KiB; at 0x2000; grant a readwrite; }\n"
		   "region s { kind protected; size 4KiB; at 0x3000; grant a readwrite; }\n",
		 "E0304", 4, 42},
		{"policy p { version 1; ipa_bits 32; }\nrealm a { trust trusted; }\n"
		 "region r { kind protected; size 2GiB; grant a readwrite; }\n", "E0305", 3, 8},
		{P "realm a { trust trusted }\n", "E0110", 2, 24},
		{P "\x01 realm a { trust trusted; }\n", "E0101", 2, 1},
		{"// \xc3\x28\n" P, "E0102", 1, 4},
		{P "/* open", "E0103", 2, 1},
		{P "realm a { trust trusted; measurement \"ab; }\n", "E0104", 2, 38},
		{"policy p { version 0x; }\n", "E0105", 1, 20},
		{"policy p0123456789012345678901234567890123456789012345678901234567890123 "
		 "{ version 1; }\n", "E0106", 1, 8},
		{P "\0", "E0107", 2, 1},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct frontend fe;
		struct frontend_opts o = {.lang = LANG_MICA};
		size_t len = strlen(cases[i].text);

		/* the NUL case: one byte past the C string */
		if (strcmp(cases[i].code, "E0107") == 0)
			len++;
		assert_int_equal(frontend_run_mem(&fe, "t.mica", cases[i].text, len, &o), FRONTEND_ERRORS);
		if (fe.diags.n != 1 || strcmp(fe.diags.v[0].code, cases[i].code) != 0)
			fail_msg("case %zu (%s): got %zu diagnostics, first %s", i, cases[i].code,
				 fe.diags.n, fe.diags.n ? fe.diags.v[0].code : "-");
		assert_int_equal(fe.diags.v[0].loc.line, cases[i].line);
		assert_int_equal(fe.diags.v[0].loc.col, cases[i].col);
		assert_false(fe.has_model);
		frontend_free(&fe);
	}
}

/* Syntax errors do not stop the run: later independent errors are found. */
static void test_recovery_reports_many(void **state)
{
	struct frontend fe;
	const char *text = P "realm a { trust trusted; bogus; }\n"
			   "realm b { trust nope; }\n"
			   "region r { kind protected size 4KiB; }\n"
			   "realm c { trust trusted; trust trusted; }\n";
	static const char *const want[] = {"E0110", "E0217", "E0110", "E0210"};

	(void)state;
	assert_int_equal(run(&fe, text), FRONTEND_ERRORS);
	assert_int_equal(fe.diags.n, 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(fe.diags.v[i].code, want[i]);
	/* sorted by line */
	assert_int_equal(fe.diags.v[0].loc.line, 2);
	assert_int_equal(fe.diags.v[3].loc.line, 5);
	frontend_free(&fe);
}

static void test_warnings_and_werror(void **state)
{
	struct frontend fe;
	struct frontend_opts o = {.lang = LANG_MICA, .werror = true};
	const char *text = P "realm a { trust trusted; }\n"
			   "region r { kind protected; size 4KiB; grant a read; }\n";

	(void)state;
	assert_int_equal(run(&fe, text), FRONTEND_OK);
	assert_int_equal(fe.diags.n, 2);
	assert_string_equal(fe.diags.v[0].code, "W0101");
	assert_string_equal(fe.diags.v[1].code, "W0102");
	assert_int_equal(diag_error_count(&fe.diags), 0);
	frontend_free(&fe);
	assert_int_equal(frontend_run_mem(&fe, "t.mica", text, strlen(text), &o), FRONTEND_ERRORS);
	assert_int_equal(diag_error_count(&fe.diags), 2);
	frontend_free(&fe);
}

/* Realms that expect the same measurement are warned about pair by pair,
 * each with the one before it (W0106); a different measurement, or the same
 * bytes at another length, is not part of the group. */
#define MEAS2 "\"cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd\""
static void test_shared_measurements(void **state)
{
	struct frontend fe;
	const char *text = P "realm e { trust trusted; measurement " MEAS "; hostcall; }\n"
			   "realm b { trust trusted; measurement " MEAS2 "; hostcall; }\n"
			   "realm a { trust trusted; measurement " MEAS "; hostcall; }\n"
			   "realm d { trust trusted; measurement \"" "abababababababababababababababab"
			   "abababababababababababababababababababababababababababababababab\"; hostcall; }\n"
			   "realm c { trust trusted; measurement " MEAS "; hostcall; }\n";
	size_t n = 0;

	(void)state;
	assert_int_equal(run(&fe, text), FRONTEND_OK);
	for (size_t i = 0; i < fe.diags.n; i++) {
		const struct diag *d = &fe.diags.v[i];

		if (strcmp(d->code, "W0106") != 0)
			continue;
		/* model order is by name: a, c, e share MEAS; the list is sorted
		 * by place, and e is declared first */
		assert_string_equal(d->msg, n == 0 ? "realms 'c' and 'e' expect the same measurement"
						   : "realms 'a' and 'c' expect the same measurement");
		n++;
	}
	assert_int_equal(n, 2);
	frontend_free(&fe);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_contents),
		cmocka_unit_test(test_order_does_not_matter),
		cmocka_unit_test(test_placement),
		cmocka_unit_test(test_single_errors),
		cmocka_unit_test(test_recovery_reports_many),
		cmocka_unit_test(test_warnings_and_werror),
		cmocka_unit_test(test_shared_measurements),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
