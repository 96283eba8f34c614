/* test_intern.c - the name interner (compiler/util/intern.c): one copy per
 * distinct name, stable pointers, ranks in strcmp order; and the source
 * that owns it, so the tree and the model share names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "util/intern.h"
#include "util/source.h"
#include "frontend.h"

static void test_same_bytes_same_pointer(void **state)
{
	struct interner *in = interner_new();
	const char *a = intern(in, "alpha_beta", 5);
	const char *b = intern_cstr(in, "alpha");
	const char *c = intern_cstr(in, "alphA");
	const char *e = intern(in, "", 0);

	(void)state;
	assert_ptr_equal(a, b);
	assert_string_equal(a, "alpha");
	assert_ptr_not_equal(a, c);
	assert_string_equal(c, "alphA");
	assert_string_equal(e, "");
	assert_ptr_equal(e, intern_cstr(in, ""));
	assert_int_equal(intern_count(in), 3);
	interner_free(in);
}

/* Many names (the table grows, chunks fill) and one longer than a chunk:
 * every pointer stays valid and every name is found again. */
static void test_growth_keeps_pointers(void **state)
{
	enum { N = 20000 };
	struct interner *in = interner_new();
	static const char *first[N];
	static char big[100000];
	char buf[32];

	(void)state;
	for (unsigned i = 0; i < N; i++) {
		snprintf(buf, sizeof(buf), "realm_%u", i);
		first[i] = intern_cstr(in, buf);
	}
	memset(big, 'x', sizeof(big) - 1);
	const char *b = intern_cstr(in, big);
	assert_int_equal(strlen(b), sizeof(big) - 1);
	for (unsigned i = 0; i < N; i++) {
		snprintf(buf, sizeof(buf), "realm_%u", i);
		assert_ptr_equal(intern_cstr(in, buf), first[i]);
		assert_string_equal(first[i], buf);
	}
	assert_ptr_equal(intern_cstr(in, big), b);
	assert_int_equal(intern_count(in), N + 1);
	interner_free(in);
}

/* Ranks order names by bytes, as strcmp does (upper case before lower,
 * a prefix before its extensions); names added later are ranked again. */
static void test_ranks_follow_strcmp(void **state)
{
	struct interner *in = interner_new();
	const char *zeta = intern_cstr(in, "zeta"), *al = intern_cstr(in, "al");
	const char *alpha = intern_cstr(in, "alpha"), *big = intern_cstr(in, "Zulu");
	const char *mid;

	(void)state;
	intern_rank_all(in);
	assert_int_equal(intern_rank(big), 0);
	assert_int_equal(intern_rank(al), 1);
	assert_int_equal(intern_rank(alpha), 2);
	assert_int_equal(intern_rank(zeta), 3);
	mid = intern_cstr(in, "beta");
	intern_rank_all(in);
	assert_int_equal(intern_rank(mid), 3);
	assert_int_equal(intern_rank(zeta), 4);
	assert_int_equal(intern_rank(big), 0);
	interner_free(in);
}

/* Names that share their first 8 bytes (the radix key) are ordered by the
 * rest; a name equal to another up to an embedded NUL ranks with it. */
static void test_ranks_past_eight_bytes(void **state)
{
	static const char *const sorted[] = {
		"realm_00", "realm_000", "realm_0009", "realm_001", "realm_0010", "realm_01",
		"realm_1", "realm_10", "realm_2",
	};
	enum { N = sizeof(sorted) / sizeof(sorted[0]) };
	struct interner *in = interner_new();
	const char *p[N], *nul;

	(void)state;
	for (int i = N - 1; i >= 0; i--)
		p[i] = intern_cstr(in, sorted[i]);
	nul = intern(in, "realm_01\0x", 10);
	intern_rank_all(in);
	for (int i = 0; i < N; i++)
		assert_int_equal(intern_rank(p[i]), i);
	assert_ptr_not_equal(nul, p[5]);
	assert_int_equal(intern_rank(nul), 5);
	interner_free(in);
}

/* The tree and the model borrow the source's names: one pointer for a
 * realm's declaration, its uses and its model entry. */
static void test_tree_and_model_share_names(void **state)
{
	static const char text[] =
		"policy p { version 1; }\n"
		"realm a { trust trusted; }\n"
		"realm b { trust trusted; }\n"
		"region r { kind protected; size 4KiB; grant a read; grant b write; }\n"
		"call a -> b;\n";
	struct frontend fe;
	struct frontend_opts fo = {.lang = LANG_MICA, .keep_tree = true};

	(void)state;
	assert_int_equal(frontend_run_mem(&fe, "t.mica", text, strlen(text), &fo), FRONTEND_OK);
	assert_int_equal(fe.ast.nrealms, 2);
	assert_ptr_equal(fe.ast.realms[0].name.text, fe.ast.regions[0].grants[0].realm.text);
	assert_ptr_equal(fe.ast.realms[1].name.text, fe.ast.calls[0].to.text);
	assert_ptr_equal(fe.model.realms[0].name, fe.ast.realms[0].name.text);
	assert_ptr_equal(fe.model.regions[0].name, fe.ast.regions[0].name.text);
	assert_ptr_equal(fe.model.name, intern_cstr(fe.src.names, "p"));
	/* p, a, b, r, the keyword values trusted, protected, read, write, and
	 * `host`, which the checks intern to compare its rank */
	assert_int_equal(intern_count(fe.src.names), 9);
	frontend_free(&fe);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_bytes_same_pointer),
		cmocka_unit_test(test_growth_keeps_pointers),
		cmocka_unit_test(test_ranks_follow_strcmp),
		cmocka_unit_test(test_ranks_past_eight_bytes),
		cmocka_unit_test(test_tree_and_model_share_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
