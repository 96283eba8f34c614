/* test_blob_mutation.c - the validator as the only gate to the decoder.
 *
 * For the blob of every example policy: every single-byte change (all 255
 * other values at every offset) and every truncation is either refused by
 * the validator, or accepted and then decodes and re-encodes to exactly the
 * mutated bytes (accepted means canonical), and whose source form (printed
 * as Mica, compiled again) gives exactly those bytes too: every blob the
 * validator accepts is one some source compiles to. Names replaced by each
 * Mica keyword of their length must be refused, since no source can spell
 * them. Nothing may crash; the sanitizer and valgrind runs make "crash"
 * include any bad read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blob/decode.h"
#include "blob/blob_check.h"
#include "blob/encode.h"
#include "frontend.h"
#include "mica_policy.h"

/* An accepted blob must decode and re-encode to itself. */
static void assert_round_trips(const uint8_t *blob, size_t len)
{
	struct source src;
	struct diag_list dl = {0};
	struct model m;
	uint8_t *again;
	size_t len2;

	source_from_mem(&src, "mutant.pol", blob, len);
	assert_int_equal(decode_blob(&src, &m, &dl), 0);
	assert_int_equal(encode_model(&m, &again, &len2), ENCODE_OK);
	assert_int_equal(len2, len);
	assert_memory_equal(again, blob, len);
	free(again);
	again = NULL;
	if (!frontend_source_roundtrip(&m, blob, len, (char **)&again))
		fail_msg("an accepted blob has no source form; printed as:\n%s", (char *)again);
	free(again);
	model_free(&m);
	diag_list_free(&dl);
	source_free(&src);
}

struct tally {
	size_t accepted, refused;
};

static void try_mutant(const uint8_t *mutant, size_t len, struct tally *t)
{
	if (blob_check(mutant, len, NULL, 0) == BLOB_OK) {
		t->accepted++;
		assert_round_trips(mutant, len);
	} else {
		t->refused++;
	}
}

static const char *const keywords[] = {
#define MICA_KEYWORD(word, token) #word,
#include "mica_keywords.def"
#undef MICA_KEYWORD
};
#define NKEYWORDS (sizeof(keywords) / sizeof(keywords[0]))

/* Every name of the string table replaced by every keyword of its length. */
static void keyword_mutants(const uint8_t *blob, size_t len, uint8_t *work, struct tally *t)
{
	const struct mica_blob_table *st = &mica_blob_header(blob)->tables[MICA_TABLE_STRINGS];
	size_t pos = st->offset, end = st->offset + st->count;

	while (pos < end) {
		size_t n = strlen((const char *)blob + pos);

		for (size_t k = 0; k < NKEYWORDS; k++) {
			if (strlen(keywords[k]) != n)
				continue;
			memcpy(work, blob, len);
			memcpy(work + pos, keywords[k], n);
			try_mutant(work, len, t);
		}
		pos += n + 1;
	}
}

/* Returns false for an example that does not compile (a deliberately
 * leaky one): it has no blob to mutate. */
static bool mutate_all(const char *path)
{
	struct frontend fe;
	struct frontend_opts fo = {0};
	struct tally t = {0};
	uint8_t *blob, *work;
	size_t len;

	if (frontend_run(&fe, path, &fo) != 0) {
		frontend_free(&fe);
		return false;
	}
	assert_int_equal(encode_model(&fe.model, &blob, &len), ENCODE_OK);
	work = malloc(len);	/* malloc'd: 8-byte aligned, as the validator requires */
	assert_non_null(work);
	for (size_t i = 0; i < len; i++) {
		memcpy(work, blob, len);
		for (unsigned v = 0; v < 256; v++) {
			if (v == blob[i])
				continue;
			work[i] = (uint8_t)v;
			try_mutant(work, len, &t);
		}
	}
	memcpy(work, blob, len);
	for (size_t n = 0; n < len; n++)
		try_mutant(work, n, &t);
	keyword_mutants(blob, len, work, &t);
	/* the unmutated blob is the one mutant every blob must accept */
	try_mutant(blob, len, &t);
	printf("%s: %zu bytes, %zu mutants accepted (round trip), %zu refused\n", path, len,
	       t.accepted, t.refused);
	assert_true(t.refused > 0 && t.accepted >= 1);
	free(work);
	free(blob);
	frontend_free(&fe);
	return true;
}

static void test_examples(void **state)
{
	glob_t g;
	size_t done = 0;

	(void)state;
	assert_int_equal(glob("examples/policies/*.mica", 0, NULL, &g), 0);
	for (size_t i = 0; i < g.gl_pathc; i++)
		done += mutate_all(g.gl_pathv[i]);
	assert_true(done >= 3);
	globfree(&g);
}

/* A name one byte from a keyword, in an order the keyword keeps: before the
 * keyword check the validator took "trust" as a realm name and "realm" as
 * the policy's, and no source could spell that blob. */
static void test_keyword_names(void **state)
{
	static const char text[] = "policy realn {\n    version 1;\n}\n"
				   "realm a { trust trusted; }\nrealm trusz { trust trusted; }\n";
	static const struct {
		const char *from, *to;
	} renames[] = {{"trusz", "trust"}, {"realn", "realm"}};
	struct frontend fe;
	struct frontend_opts fo = { .lang = LANG_MICA, .no_flow = true };
	char err[256];
	uint8_t *blob;
	size_t len;

	(void)state;
	assert_int_equal(frontend_run_mem(&fe, "kw.mica", text, strlen(text), &fo), FRONTEND_OK);
	assert_int_equal(encode_model(&fe.model, &blob, &len), ENCODE_OK);
	for (size_t i = 0; i < sizeof(renames) / sizeof(renames[0]); i++) {
		uint8_t *copy = malloc(len);
		size_t n = strlen(renames[i].from), at = 0;

		memcpy(copy, blob, len);
		while (at + n <= len && memcmp(copy + at, renames[i].from, n) != 0)
			at++;
		assert_true(at + n <= len);
		memcpy(copy + at, renames[i].to, n);
		assert_int_equal(blob_check(copy, len, err, sizeof(err)), BLOB_INVALID);
		assert_non_null(strstr(err, "name is a Mica keyword"));
		free(copy);
	}
	free(blob);
	frontend_free(&fe);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_keyword_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
