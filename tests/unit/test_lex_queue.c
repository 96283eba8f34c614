/* test_lex_queue.c - the scanner on its own thread gives what the scanner
 * on the parser's thread gives: the same tree and the same diagnostics, in
 * the same order, byte for byte, on sources long enough to wrap the token
 * ring many times, with the scanner's and the parser's errors interleaved. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diag/diag.h"
#include "syntax/ast.h"
#include "syntax/parse.h"
#include "util/source.h"

/* Appends to a growing string. */
struct buf {
	char *p;
	size_t n, cap;
};

static void put(struct buf *b, const char *s)
{
	size_t l = strlen(s);

	if (b->n + l + 1 > b->cap) {
		b->cap = (b->n + l + 1) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->n, s, l + 1);
	b->n += l;
}

/* N realms; every K-th carries one of the mistakes, scanner's or parser's. */
static char *source_with_mistakes(size_t n, size_t k)
{
	static const char *const mistakes[] = {
		"    trust trusted @;\n",		/* scanner: stray character */
		"    measurement \"ab;\n",		/* scanner: unterminated string */
		"    # a hash comment\n",		/* scanner: '#' */
		"    trust trusted\n",		/* parser: missing ';' */
		"    trust ;\n",			/* parser: missing value */
		"    trust \xe2\x80\x9ctrusted\xe2\x80\x9d;\n",	/* scanner: curly quotes */
		"    hostcall; hostcall;\n",	/* parser: given twice */
		"    trust 'trusted';\n",		/* scanner: single quotes */
	};
	struct buf b = {0};
	char line[128];

	put(&b, "policy p { version 1; }\n// a comment\n");
	for (size_t i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "realm r%zu {\n", i);
		put(&b, line);
		if (i % k == 0)
			put(&b, mistakes[(i / k) % (sizeof(mistakes) / sizeof(mistakes[0]))]);
		else
			put(&b, "    trust trusted; /* fine */\n");
		put(&b, "}\n");
	}
	put(&b, "region g { kind protected; size 4KiB; grant r0 read => ; }\n");
	return b.p;
}

/* Everything the parse produced, as text. */
static char *render(const struct ast *ast, const struct diag_list *dl)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	fprintf(f, "realms %zu regions %zu comments %zu decls %zu\n", ast->nrealms,
		ast->nregions, ast->ncomments, ast->ndecls);
	for (size_t i = 0; i < ast->nrealms; i++)
		fprintf(f, "%s %u:%u\n", ast->realms[i].name.text, ast->realms[i].loc.line,
			ast->realms[i].loc.col);
	for (size_t i = 0; i < dl->n; i++)
		fprintf(f, "#%zu %u:%u-%u:%u %d\n", (size_t)dl->v[i].seq, dl->v[i].loc.line,
			dl->v[i].loc.col, dl->v[i].loc.end_line, dl->v[i].loc.end_col,
			(int)dl->v[i].kind);
	diag_render_text(f, dl, 0, false);
	fclose(f);
	return text;
}

static char *parse_rendered(const char *text, bool threaded, int *rc, size_t *ndiags)
{
	struct source src;
	struct ast ast;
	struct diag_list dl = {0};
	char *out;

	source_from_mem(&src, "t.mica", text, strlen(text));
	ast_init(&ast, &src);
	*rc = parse_mica_threaded(&ast, &dl, threaded);
	*ndiags = dl.n;
	out = render(&ast, &dl);
	ast_free(&ast);
	diag_list_free(&dl);
	source_free(&src);
	return out;
}

static void same_both_ways(const char *text, size_t min_diags)
{
	int rc1, rc2;
	size_t n1, n2;
	char *one = parse_rendered(text, false, &rc1, &n1);
	char *two = parse_rendered(text, true, &rc2, &n2);

	assert_int_equal(rc1, rc2);
	assert_int_equal(n1, n2);
	assert_true(n1 >= min_diags);
	assert_string_equal(one, two);
	free(one);
	free(two);
}

/* 30,000 realms (about 150,000 tokens: the ring of 16,384 wraps nine
 * times), a mistake in every 7th. */
static void test_many_mistakes(void **state)
{
	char *text = source_with_mistakes(30000, 7);

	(void)state;
	same_both_ways(text, 30000 / 7);
	free(text);
}

/* No mistake at all, and the smallest inputs. */
static void test_clean_and_small(void **state)
{
	char *text = source_with_mistakes(20000, 1000000);

	(void)state;
	same_both_ways(text, 1);	/* the region's '=>' */
	free(text);
	same_both_ways("", 0);
	same_both_ways("realm", 1);
	same_both_ways("realm r { measurement \"ab", 1);	/* its syntax error is an echo */
}

/* The scan stops early: a NUL byte, an endless comment. */
static void test_stops(void **state)
{
	static const char nul[] = "realm a { trust trusted; }\nrealm b {\0 trust x; }\nrealm c";
	struct source src;
	struct ast ast;
	struct diag_list dl = {0};
	char *text = source_with_mistakes(5000, 3);
	size_t len = strlen(text);

	(void)state;
	text = realloc(text, len + 32);
	assert_non_null(text);
	strcpy(text + len, "/* never closed\nrealm z {");
	same_both_ways(text, 5000 / 3);
	free(text);
	/* With a NUL inside: parse the bytes, not a C string. */
	for (int threaded = 0; threaded < 2; threaded++) {
		source_from_mem(&src, "t.mica", nul, sizeof(nul) - 1);
		ast_init(&ast, &src);
		assert_int_equal(parse_mica_threaded(&ast, &dl, threaded), -1);
		assert_int_equal(ast.nrealms, 2);
		assert_int_equal(dl.n, 1);
		assert_int_equal(dl.v[0].loc.line, 2);
		assert_int_equal(dl.v[0].loc.col, 10);
		ast_free(&ast);
		diag_list_free(&dl);
		memset(&dl, 0, sizeof(dl));
		source_free(&src);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_mistakes),
		cmocka_unit_test(test_clean_and_small),
		cmocka_unit_test(test_stops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
