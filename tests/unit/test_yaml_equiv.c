/* test_yaml_equiv.c - the YAML form means what the Mica form means: each
 * example's .yaml compiles to the same blob as its .mica, with the same
 * assertions; and every compiled example printed by `dump --format yaml`
 * or `--format json` reads back to the same blob. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "corpus_util.h"
#include "print/emit.h"

/* The model's assertions as "from>to" lines (they are not in the blob). */
static char *asserts_text(const char *name, const char *data, size_t len)
{
	struct frontend fe;
	struct frontend_opts opts = {.lang = LANG_AUTO};
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	frontend_run_mem(&fe, name, data, len, &opts);
	assert_true(fe.has_model);
	for (uint32_t i = 0; i < fe.model.nasserts; i++)
		fprintf(f, "%s>%s\n", model_principal_name(&fe.model, fe.model.asserts[i].from),
			model_principal_name(&fe.model, fe.model.asserts[i].to));
	fclose(f);
	frontend_free(&fe);
	return buf;
}

static void test_examples_yaml_equals_mica(void **state)
{
	struct corpus c;
	size_t pairs = 0;

	(void)state;
	corpus_list(&c, ".yaml");
	for (size_t i = 0; i < c.n; i++) {
		char *mica_path = xasprintf("%.*s.mica", (int)(strlen(c.paths[i]) - 5), c.paths[i]);
		size_t ylen = 0, mlen = 0, yb = 0, mb = 0;
		char *y = read_all(c.paths[i], &ylen), *m = read_all(mica_path, &mlen);
		uint8_t *yblob, *mblob;
		char *ya, *ma;

		if (!m || strncmp(c.paths[i], "examples/policies/", 18) != 0 ||
		    strchr(c.paths[i] + 18, '/')) {
			free(y);
			free(m);
			free(mica_path);
			continue;
		}
		yblob = blob_of(c.paths[i], y, ylen, &yb, LANG_YAML);
		mblob = blob_of(mica_path, m, mlen, &mb, LANG_MICA);
		if (!yblob || !mblob)
			fail_msg("%s or %s does not compile", c.paths[i], mica_path);
		assert_int_equal(yb, mb);
		assert_memory_equal(yblob, mblob, yb);
		ya = asserts_text(c.paths[i], y, ylen);
		ma = asserts_text(mica_path, m, mlen);
		assert_string_equal(ya, ma);
		pairs++;
		free(ya);
		free(ma);
		free(yblob);
		free(mblob);
		free(y);
		free(m);
		free(mica_path);
	}
	assert_true(pairs >= 5);
	corpus_free(&c);
}

/* Prints the model of DATA with EMIT and compiles that back. */
static void expect_round_trip(const char *path, const char *data, size_t len,
			      int (*emit)(FILE *, const struct model *), const char *as)
{
	struct frontend fe;
	struct frontend_opts opts = {.lang = LANG_MICA};
	char *text = NULL;
	size_t tlen = 0, a = 0, b = 0;
	FILE *f = open_memstream(&text, &tlen);
	uint8_t *orig, *back;

	assert_int_equal(frontend_run_mem(&fe, path, data, len, &opts), FRONTEND_OK);
	assert_int_equal(emit(f, &fe.model), 0);
	fclose(f);
	assert_int_equal(encode_model(&fe.model, &orig, &a), ENCODE_OK);
	back = blob_of(as, text, tlen, &b, LANG_YAML);
	if (!back)
		fail_msg("%s printed as %s does not compile back:\n%s", path, as, text);
	assert_int_equal(a, b);
	assert_memory_equal(orig, back, a);
	free(orig);
	free(back);
	free(text);
	frontend_free(&fe);
}

static void test_dump_reads_back(void **state)
{
	struct corpus c;
	size_t done = 0;

	(void)state;
	corpus_list(&c, ".mica");
	for (size_t i = 0; i < c.n; i++) {
		size_t len = 0, blen = 0;
		char *data = read_all(c.paths[i], &len);
		uint8_t *blob = blob_of(c.paths[i], data, len, &blen, LANG_MICA);

		if (blob) {
			expect_round_trip(c.paths[i], data, len, emit_yaml, "dump.yaml");
			expect_round_trip(c.paths[i], data, len, emit_json, "dump.json");
			done++;
		}
		free(blob);
		free(data);
	}
	assert_true(done >= 5);
	corpus_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples_yaml_equals_mica),
		cmocka_unit_test(test_dump_reads_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
