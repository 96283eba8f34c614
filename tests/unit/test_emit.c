/* test_emit.c - the document-tree printers (YAML and JSON), byte for byte,
 * on the cases the model printers never produce from valid policies but a
 * printer must still get right: strings needing escapes, YAML words that
 * would read back as booleans or null, empty and nested containers, flow
 * and block styles; and the Named Information ids endorse uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/doctree.h"
#include "print/endorse.h"
#include "util/xalloc.h"

typedef int (*printer)(FILE *, const struct dnode *);

/* Prints T with P into a string (free it). */
static char *print_to_string(printer p, const struct dnode *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(p(f, t), 0);
	fclose(f);
	return buf;
}

static struct dnode *sample(void)
{
	struct dnode *root = dtree_root(), *m, *l, *f;

	m = dt_map(root, "policy", false);
	dt_word(m, "name", "on");		/* a YAML 1.1 boolean */
	dt_num(m, "size", 2097152, "2MiB");
	dt_num(m, "version", 3, NULL);
	dt_str(m, "quote", "a \"b\" \\ c\n");
	dt_bool(m, "flag", false);
	l = dt_list(root, "calls", false);
	f = dt_map(l, NULL, true);
	dt_word(f, "from", "Null");
	dt_bool(f, "oneway", true);
	f = dt_list(l, NULL, true);
	dt_num(f, NULL, 7, NULL);
	dt_str_owned(f, NULL, xstrdup("x"));
	dt_map(root, "empty", false);
	dt_list(root, "none", false);
	return root;
}

static void test_yaml(void **state)
{
	struct dnode *t = sample();
	char *s = print_to_string(dtree_print_yaml, t);

	(void)state;
	assert_string_equal(s,
		"policy:\n"
		"  name: \"on\"\n"
		"  size: 2MiB\n"
		"  version: 3\n"
		"  quote: \"a \\\"b\\\" \\\\ c\\x0a\"\n"
		"  flag: false\n"
		"\n"
		"calls:\n"
		"  - {from: \"Null\", oneway: true}\n"
		"  - [7, \"x\"]\n"
		"\n"
		"empty: {}\n"
		"\n"
		"none: []\n");
	free(s);
	dtree_free(t);
}

static void test_json(void **state)
{
	struct dnode *t = sample();
	char *s = print_to_string(dtree_print_json, t);

	(void)state;
	assert_string_equal(s,
		"{\n"
		"  \"policy\": {\n"
		"    \"name\": \"on\",\n"
		"    \"size\": 2097152,\n"
		"    \"version\": 3,\n"
		"    \"quote\": \"a \\\"b\\\" \\\\ c\\n\",\n"
		"    \"flag\": false\n"
		"  },\n"
		"  \"calls\": [\n"
		"    {\"from\": \"Null\", \"oneway\": true},\n"
		"    [7, \"x\"]\n"
		"  ],\n"
		"  \"empty\": {},\n"
		"  \"none\": []\n"
		"}\n");
	free(s);
	dtree_free(t);
}

/* A block map inside a list: "-" on its own line, the map indented. */
static void test_yaml_block_in_list(void **state)
{
	struct dnode *root = dtree_root(), *l = dt_list(root, "items", false);
	struct dnode *m = dt_map(l, NULL, false);
	char *s;

	(void)state;
	dt_word(m, "a", "b");
	dt_word(dt_map(m, "inner", false), "c", "d");
	s = print_to_string(dtree_print_yaml, root);
	assert_string_equal(s, "items:\n  -\n    a: b\n    inner:\n      c: d\n");
	free(s);
	dtree_free(root);
}

static void test_ni_alg_ids(void **state)
{
	(void)state;
	assert_int_equal(ni_alg_id(32), 1);
	assert_int_equal(ni_alg_id(48), 7);
	assert_int_equal(ni_alg_id(64), 8);
	assert_int_equal(ni_alg_id(0), 0);
	assert_int_equal(ni_alg_id(20), 0);
}

static void test_corim_template(void **state)
{
	struct dnode *t = endorse_corim("mica:p:sha256:00");
	char *s = print_to_string(dtree_print_json, t);

	(void)state;
	/* corim since 5985ee8: the profile is a typed value, not a string. */
	assert_string_equal(s, "{\n  \"corim-id\": \"mica:p:sha256:00\",\n"
			       "  \"profile\": {\n    \"type\": \"uri\",\n"
			       "    \"value\": \"tag:arm.com,2025:cca_realm#1.0.0\"\n  }\n}\n");
	free(s);
	dtree_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_yaml_block_in_list),
		cmocka_unit_test(test_ni_alg_ids),
		cmocka_unit_test(test_corim_template),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
