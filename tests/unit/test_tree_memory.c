/* test_tree_memory.c - what keeps a large compile's memory down
 * (docs/performance.md, "Memory"): every region's grants in one array of
 * the tree, resolve freeing the tree part by part unless asked to keep it,
 * the model built in name order without moving it, and xgrow zeroing only
 * the element asked for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "frontend.h"
#include "sema/resolve_sort.h"
#include "syntax/ast.h"
#include "util/xalloc.h"

static void add_grant(struct ast *ast, struct ast_region *r, const char *realm)
{
	ast_add_grant(ast, r)->realm.text = intern_cstr(ast->src->names, realm);
}

static void expect_grants(const struct ast *ast, const struct ast_region *r, const char *const *want,
			  size_t n)
{
	assert_int_equal(r->ngrants, n);
	assert_ptr_equal(r->grants, ast->grants + r->grant_first);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(r->grants[i].realm.text, want[i]);
}

/* Each region's grants stay contiguous and in order in the tree's one
 * array, and every region's pointer follows the array when it moves. */
static void test_grants_share_one_array(void **state)
{
	enum { NREG = 300 };
	struct source src;
	struct ast ast;
	char name[40];

	(void)state;
	source_from_mem(&src, "t.mica", "", 0);
	ast_init(&ast, &src);
	for (int i = 0; i < NREG; i++) {
		struct ast_region *r = ast_add_region(&ast);

		for (int j = 0; j <= i % 4; j++) {
			snprintf(name, sizeof(name), "r%d_%d", i, j);
			add_grant(&ast, r, name);
		}
	}
	assert_true(ast.grants_cap > 8);	/* the array moved several times */
	for (int i = 0; i < NREG; i++) {
		const struct ast_region *r = &ast.regions[i];

		assert_int_equal(r->ngrants, (size_t)(i % 4 + 1));
		assert_ptr_equal(r->grants, ast.grants + r->grant_first);
		for (size_t j = 0; j < r->ngrants; j++) {
			snprintf(name, sizeof(name), "r%d_%zu", i, j);
			assert_string_equal(r->grants[j].realm.text, name);
			assert_int_equal(r->grants[j].perm, 0);	/* zeroed */
		}
	}
	ast_free(&ast);
	assert_null(ast.grants);
	assert_int_equal(ast.ngrants, 0);
	source_free(&src);
}

/* A region that gets a grant after another region did (neither front end
 * does it) has its grants copied to the end: still contiguous, in order,
 * and the other region's untouched. */
static void test_grants_of_an_earlier_region(void **state)
{
	static const char *const a_want[] = {"x", "y", "z"}, *const b_want[] = {"w"};
	struct source src;
	struct ast ast;
	struct ast_region *a, *b;

	(void)state;
	source_from_mem(&src, "t.mica", "", 0);
	ast_init(&ast, &src);
	a = ast_add_region(&ast);
	b = ast_add_region(&ast);
	add_grant(&ast, a, "x");
	add_grant(&ast, a, "y");
	add_grant(&ast, b, "w");
	add_grant(&ast, a, "z");
	expect_grants(&ast, a, a_want, 3);
	expect_grants(&ast, b, b_want, 1);
	ast_free(&ast);
	source_free(&src);
}

static const char policy[] =
	"policy p { version 1; }\n"
	"realm b { trust trusted; }\n"
	"realm a { trust trusted; }\n"
	"region r { kind protected; size 4KiB; grant a read; grant b write; }\n"
	"call a -> b;\n";

/* By default the tree is gone once the model is built; keep_tree keeps
 * it; the model is the same either way. */
static void test_resolve_frees_the_tree(void **state)
{
	struct frontend fe, kept;
	struct frontend_opts fo = {.lang = LANG_MICA};

	(void)state;
	assert_int_equal(frontend_run_mem(&fe, "t.mica", policy, strlen(policy), &fo), FRONTEND_OK);
	fo.keep_tree = true;
	assert_int_equal(frontend_run_mem(&kept, "t.mica", policy, strlen(policy), &fo), FRONTEND_OK);
	assert_true(fe.has_model && kept.has_model);
	assert_int_equal(fe.ast.nrealms + fe.ast.nregions + fe.ast.ngrants + fe.ast.ncalls + fe.ast.ndecls +
				 fe.ast.npolicies, 0);
	assert_null(fe.ast.realms);
	assert_null(fe.ast.grants);
	assert_int_equal(kept.ast.nrealms, 2);
	assert_int_equal(kept.ast.ngrants, 2);
	assert_int_equal(kept.ast.ndecls, 5);
	assert_int_equal(fe.model.nrealms, 2);
	assert_string_equal(fe.model.realms[0].name, "a");
	assert_string_equal(fe.model.realms[1].name, "b");
	assert_int_equal(fe.model.ngrants, 2);
	assert_int_equal(fe.model.grants[0].realm, 0);
	assert_int_equal(fe.model.grants[1].realm, 1);
	assert_int_equal(fe.model.ncalls, 1);
	assert_int_equal(fe.model.calls[0].caller, 0);
	assert_int_equal(fe.model.calls[0].callee, 1);
	assert_string_equal(kept.model.realms[0].name, "a");
	frontend_free(&fe);
	frontend_free(&kept);
}

/* Names ordered by rank without moving anything; equal names keep their
 * order (a stable counting sort). */
static void test_order_by_name(void **state)
{
	struct elem {
		int tag;
		const char *name;
	} v[6];
	static const char *const names[] = {"m", "b", "zz", "b", "a", "m"};
	static const uint32_t want[] = {4, 1, 3, 0, 5, 2};
	struct interner *in = interner_new();
	uint32_t *order;

	(void)state;
	for (int i = 0; i < 6; i++) {
		v[i].tag = i;
		v[i].name = intern_cstr(in, names[i]);
	}
	intern_rank_all(in);
	order = order_by_name(v, 6, sizeof(v[0]), offsetof(struct elem, name), intern_count(in));
	for (int i = 0; i < 6; i++)
		assert_int_equal(order[i], want[i]);
	for (int i = 0; i < 6; i++)
		assert_int_equal(v[i].tag, i);	/* not moved */
	free(order);
	free(order_by_name(v, 0, sizeof(v[0]), offsetof(struct elem, name), intern_count(in)));
	interner_free(in);
}

/* xgrow zeroes the element asked for, also when nothing had to grow, and
 * keeps what is before it. */
static void test_xgrow_zeroes_the_element(void **state)
{
	int *v = NULL;
	size_t cap = 0;

	(void)state;
	for (size_t i = 0; i < 100; i++) {
		xgrow(&v, &cap, i, sizeof(*v));
		assert_int_equal(v[i], 0);
		v[i] = (int)i + 1;
	}
	assert_true(cap >= 100);
	v[50] = -1;
	xgrow(&v, &cap, 50, sizeof(*v));	/* no growth */
	assert_int_equal(v[50], 0);
	assert_int_equal(v[49], 50);
	assert_int_equal(v[51], 52);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grants_share_one_array),
		cmocka_unit_test(test_grants_of_an_earlier_region),
		cmocka_unit_test(test_resolve_frees_the_tree),
		cmocka_unit_test(test_order_by_name),
		cmocka_unit_test(test_xgrow_zeroes_the_element),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
