/* test_blob_mutation.c - the validator as the only gate to the decoder.
 *
 * For the blob of every example policy: every single-byte change (all 255
 * other values at every offset) and every truncation is either refused by
 * the validator, or accepted and then decodes and re-encodes to exactly the
 * mutated bytes (accepted means canonical). Nothing may crash; the
 * sanitizer and valgrind runs make "crash" include any bad read. */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
