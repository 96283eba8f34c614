/* test_fmt_corpus.c - the formatter on every Mica source in the repository
 * (examples, their bad cases, the goldens): formatting is idempotent, keeps
 * every comment, changes no declaration or value, and the formatted source
 * compiles to the very same blob (so the same digest). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "syntax/parse.h"
#include "corpus_util.h"
#include "print/fmt.h"

struct parsed {
	struct source src;
	struct ast ast;
	struct diag_list dl;
	bool ok;
};

static void parse(struct parsed *p, const char *name, const char *data, size_t len)
{
	memset(p, 0, sizeof(*p));
	source_from_mem(&p->src, name, data, len);
	ast_init(&p->ast, &p->src);
	p->ok = parse_mica(&p->ast, &p->dl) == 0;
}

static void parsed_free(struct parsed *p)
{
	ast_free(&p->ast);
	diag_list_free(&p->dl);
	source_free(&p->src);
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The same comments, as a multiset (the policy block and properties move). */
static void expect_same_comments(const struct ast *a, const struct ast *b)
{
	char **x = xmalloc((a->ncomments + 1) * sizeof(*x)), **y = xmalloc((b->ncomments + 1) * sizeof(*y));

	assert_int_equal(a->ncomments, b->ncomments);
	for (size_t i = 0; i < a->ncomments; i++) {
		x[i] = a->comments[i].text;
		y[i] = b->comments[i].text;
	}
	qsort(x, a->ncomments, sizeof(*x), by_text);
	qsort(y, b->ncomments, sizeof(*y), by_text);
	for (size_t i = 0; i < a->ncomments; i++)
		assert_string_equal(x[i], y[i]);
	free(x);
	free(y);
}

static void expect_same_prop(prop_t a, prop_t b)
{
	assert_int_equal(PROP_SET(a), PROP_SET(b));
}

/* Every declaration, value and name the same, in the same order per kind. */
static void expect_same_tree(const struct ast *a, const struct ast *b)
{
	assert_int_equal(a->npolicies, b->npolicies);
	for (size_t i = 0; i < a->npolicies; i++) {
		const struct ast_policy *x = &a->policies[i], *y = &b->policies[i];

		assert_string_equal(x->name.text, y->name.text);
		assert_int_equal(x->version, y->version);
		assert_int_equal(x->digest, y->digest);
		assert_int_equal(x->ipa_bits, y->ipa_bits);
		expect_same_prop(x->version_p, y->version_p);
		expect_same_prop(x->digest_p, y->digest_p);
		expect_same_prop(x->ipa_bits_p, y->ipa_bits_p);
	}
	assert_int_equal(a->nrealms, b->nrealms);
	for (size_t i = 0; i < a->nrealms; i++) {
		const struct ast_realm *x = &a->realms[i], *y = &b->realms[i];

		assert_string_equal(x->name.text, y->name.text);
		assert_int_equal(x->trust, y->trust);
		assert_int_equal(x->hostcall, y->hostcall);
		assert_int_equal(x->mmio, y->mmio);
		assert_int_equal(!x->measurement, !y->measurement);
		if (x->measurement)
			assert_string_equal(x->measurement, y->measurement);
	}
	assert_int_equal(a->nregions, b->nregions);
	for (size_t i = 0; i < a->nregions; i++) {
		const struct ast_region *x = &a->regions[i], *y = &b->regions[i];

		assert_string_equal(x->name.text, y->name.text);
		assert_int_equal(x->kind, y->kind);
		assert_int_equal(x->size, y->size);
		assert_int_equal(x->at, y->at);
		expect_same_prop(x->at_p, y->at_p);
		assert_int_equal(x->ngrants, y->ngrants);
		for (size_t j = 0; j < x->ngrants; j++) {
			assert_string_equal(x->grants[j].realm.text, y->grants[j].realm.text);
			assert_int_equal(x->grants[j].perm, y->grants[j].perm);
		}
	}
	assert_int_equal(a->ncalls, b->ncalls);
	for (size_t i = 0; i < a->ncalls; i++) {
		assert_string_equal(a->calls[i].from.text, b->calls[i].from.text);
		assert_string_equal(a->calls[i].to.text, b->calls[i].to.text);
		assert_int_equal(a->calls[i].oneway, b->calls[i].oneway);
	}
	assert_int_equal(a->nasserts, b->nasserts);
	for (size_t i = 0; i < a->nasserts; i++) {
		assert_string_equal(a->asserts[i].from.text, b->asserts[i].from.text);
		assert_string_equal(a->asserts[i].to.text, b->asserts[i].to.text);
	}
	expect_same_comments(a, b);
}

static void expect_same_blob(const char *path, const char *data, size_t len, const char *out,
			     size_t outlen, size_t *compiled)
{
	size_t la = 0, lb = 0;
	uint8_t *a = blob_of(path, data, len, &la, LANG_MICA);
	uint8_t *b = blob_of(path, out, outlen, &lb, LANG_MICA);

	assert_int_equal(!a, !b);
	if (a) {
		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
		(*compiled)++;
	}
	free(a);
	free(b);
}

/* One file: fmt(x) parses to the same tree, fmt(fmt(x)) == fmt(x), and
 * both compile to the same blob. Returns false when x has syntax errors. */
static bool check_file(const char *path, size_t *compiled)
{
	size_t len = 0, outlen = 0, againlen = 0;
	char *data = read_all(path, &len), *out, *again;
	struct parsed x, y;

	assert_non_null(data);
	parse(&x, path, data, len);
	if (!x.ok) {
		parsed_free(&x);
		free(data);
		return false;
	}
	out = fmt_format(&x.ast, &outlen);
	parse(&y, path, out, outlen);
	if (!y.ok)
		fail_msg("%s: formatted text does not parse:\n%s", path, out);
	expect_same_tree(&x.ast, &y.ast);
	again = fmt_format(&y.ast, &againlen);
	if (againlen != outlen || memcmp(out, again, outlen) != 0)
		fail_msg("%s: not idempotent:\n--- first\n%s--- second\n%s", path, out, again);
	expect_same_blob(path, data, len, out, outlen, compiled);
	free(again);
	parsed_free(&y);
	parsed_free(&x);
	free(out);
	free(data);
	return true;
}

static void test_corpus(void **state)
{
	struct corpus c;
	size_t formatted = 0, compiled = 0;

	(void)state;
	corpus_list(&c, ".mica");
	for (size_t i = 0; i < c.n; i++)
		formatted += check_file(c.paths[i], &compiled);
	/* the examples alone give this many; a broken listing must not pass */
	assert_true(formatted >= 20);
	assert_true(compiled >= 5);
	print_message("formatted %zu of %zu sources, %zu compiled to the same blob\n", formatted,
		      c.n, compiled);
	corpus_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
