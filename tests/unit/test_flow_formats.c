/* test_flow_formats.c - the CI renderers and the JSON writer on inputs the
 * golden files cannot produce: bytes that need escaping, messages with
 * line breaks, diagnostics with no file or no place, odd file names,
 * --werror. (The goldens and tests/check_formats.sh cover real runs.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/diag.h"
#include "diag/diag_render.h"
#include "util/json_writer.h"

/* Captures what a renderer prints. */
struct capture {
	char *buf;
	size_t len;
	FILE *f;
};

static FILE *cap_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
	return c->f;
}

static char *cap_close(struct capture *c)
{
	fclose(c->f);
	return c->buf;
}

/* OUT without spaces and newlines, to match structure, not indentation. */
static char *squeeze(const char *out)
{
	char *s = strdup(out), *w = s;

	assert_non_null(s);
	for (const char *r = out; *r; r++)
		if (*r != ' ' && *r != '\n')
			*w++ = *r;
	*w = '\0';
	return s;
}

static void test_json_escapes(void **state)
{
	struct capture c;
	struct json j;
	char *out;

	(void)state;
	json_init(&j, cap_open(&c));
	json_begin_object(&j);
	json_kv_string(&j, "s", "q\" b\\ n\n t\t c\x01 d\x7f bad\xff ok\xc3\xa9");
	json_key(&j, "empty");
	json_begin_array(&j);
	json_end_array(&j);
	json_key(&j, "list");
	json_begin_array(&j);
	json_uint(&j, 18446744073709551615u);
	json_bool(&j, false);
	json_put_null(&j);
	json_end_array(&j);
	json_end_object(&j);
	json_finish(&j);
	out = cap_close(&c);
	assert_string_equal(out,
			    "{\n"
			    "  \"s\": \"q\\\" b\\\\ n\\n t\\t c\\u0001 d\\u007f bad\\ufffd ok\xc3\xa9\",\n"
			    "  \"empty\": [],\n"
			    "  \"list\": [\n"
			    "    18446744073709551615,\n"
			    "    false,\n"
			    "    null\n"
			    "  ]\n"
			    "}\n");
	free(out);
}

/* Nesting deeper than the writer tracks stays memory-safe and balanced. */
static void test_json_deep(void **state)
{
	struct capture c;
	struct json j;
	char *out;
	int open = 0, close = 0;

	(void)state;
	json_init(&j, cap_open(&c));
	for (int i = 0; i < JSON_MAX_DEPTH + 8; i++)
		json_begin_array(&j);
	json_uint(&j, 7);
	for (int i = 0; i < JSON_MAX_DEPTH + 8; i++)
		json_end_array(&j);
	json_finish(&j);
	out = cap_close(&c);
	for (const char *p = out; *p; p++) {
		open += *p == '[';
		close += *p == ']';
	}
	assert_int_equal(open, JSON_MAX_DEPTH + 8);
	assert_int_equal(close, JSON_MAX_DEPTH + 8);
	assert_non_null(strstr(out, "7"));
	assert_int_equal(j.depth, 0);
	free(out);
}

/* json_close ends each open container with its own bracket, innermost
 * first, and no further than the outermost. */
static void test_json_close(void **state)
{
	struct capture c;
	struct json j;
	char *out, *flat;

	(void)state;
	json_init(&j, cap_open(&c));
	json_begin_array(&j);
	json_begin_object(&j);
	json_key(&j, "a");
	json_begin_array(&j);
	json_begin_object(&j);
	json_kv_uint(&j, "n", 1);
	json_close(&j, 3);
	json_begin_object(&j);
	json_close(&j, 9);
	json_finish(&j);
	out = cap_close(&c);
	flat = squeeze(out);
	assert_string_equal(flat, "[{\"a\":[{\"n\":1}]},{}]");
	assert_int_equal(j.depth, 0);
	free(flat);
	free(out);
}

/* A list with one diagnostic of each awkward kind. */
static void make_list(struct diag_list *dl, struct source *src, const char *name)
{
	loc_t at = {3, 5, 3, 9}, none = {0, 0, 0, 0};
	struct diag *d;

	memset(dl, 0, sizeof(*dl));
	source_from_mem(src, name, "a\nb\nc\n", 6);
	d = diag_add(dl, ERR_LEAK, src, at, "100%% sure,\r\nnext: line");
	diag_step(d, at, "a -> b   (call a -> b)");
	diag_note(d, (loc_t){2, 1, 2, 1}, "declared here");
	diag_help(d, "fix: it");
	diag_add(dl, WARN_NO_MEASUREMENT, src, none, "no place");
	diag_add(dl, ERR_BINARY_INPUT, NULL, none, "no file");
}

static void test_github(void **state)
{
	struct diag_list dl;
	struct source src;
	struct capture c;
	struct diag_input in = {"dir/a,b:c%d.mica", NULL, NULL};
	char *out;

	(void)state;
	make_list(&dl, &src, "dir/a,b:c%d.mica");
	in.diags = &dl;
	diag_render_github(cap_open(&c), &in);
	out = cap_close(&c);
	assert_string_equal(out,
			    "::error file=dir/a%2Cb%3Ac%25d.mica,line=3,col=5,endLine=3,endColumn=9,"
			    "title=E0401 leak through a distrustful realm::100%25 sure,%0D%0Anext: line"
			    "%0A    a -> b   (call a -> b)%0Anote: declared here%0Ahelp: fix: it\n"
			    "::warning file=dir/a%2Cb%3Ac%25d.mica,title=W0101 realm without measurement"
			    "::no place\n"
			    "::error title=E0107 binary input::no file\n");
	free(out);
	dl.werror = true;
	diag_render_github(cap_open(&c), &in);
	out = cap_close(&c);
	assert_non_null(strstr(out, "::error file=dir/a%2Cb%3Ac%25d.mica,title=W0101"));
	free(out);
	/* An input that could not be read: an annotation on the file. */
	in.name = "gone,1.mica";
	in.io_error = "cannot open 'gone,1.mica': No such file or directory";
	diag_render_github(cap_open(&c), &in);
	out = cap_close(&c);
	assert_string_equal(out, "::error file=gone%2C1.mica,title=micac%3A input not read::"
				 "cannot open 'gone,1.mica': No such file or directory\n");
	free(out);
	diag_list_free(&dl);
	source_free(&src);
}

static void test_json_levels_and_places(void **state)
{
	struct diag_list dl;
	struct source src;
	struct capture c;
	const struct diag_list *lists[1] = {&dl};
	char *out;

	(void)state;
	make_list(&dl, &src, "p.mica");
	dl.werror = true;
	diag_render_json(cap_open(&c), lists, 1);
	out = cap_close(&c);
	/* Under --werror the warning is an error, and counted as one. */
	assert_non_null(strstr(out, "\"severity\": \"error\",\n      \"code\": \"W0101\""));
	assert_non_null(strstr(out, "\"errors\": 3,\n  \"warnings\": 0\n}\n"));
	assert_non_null(strstr(out, "\"message\": \"100% sure,\\r\\nnext: line\""));
	assert_non_null(strstr(out, "\"file\": null"));
	assert_non_null(strstr(out, "\"kind\": \"note\",\n          \"text\": \"declared here\","
				    "\n          \"location\": {\n            \"line\": 2,"));
	free(out);
	diag_list_free(&dl);
	source_free(&src);
}

static void test_sarif_uris_and_regions(void **state)
{
	struct diag_list dl;
	struct source src;
	struct capture c;
	struct diag_input in = {"", &dl, NULL};
	struct diag_run run = {&in, 1, 1};
	char *out, *sq;

	(void)state;
	make_list(&dl, &src, "my dir/\xc3\xa9t\xc3\xa9.mica");
	in.name = src.name;
	diag_render_sarif(cap_open(&c), &run);
	out = cap_close(&c);
	sq = squeeze(out);
	assert_non_null(strstr(sq, "\"uri\":\"my%20dir/%C3%A9t%C3%A9.mica\",\"uriBaseId\":\"%SRCROOT%\""));
	/* SARIF's endColumn is one past the last character. */
	assert_non_null(strstr(sq, "\"startLine\":3,\"startColumn\":5,\"endLine\":3,\"endColumn\":10"));
	assert_non_null(strstr(sq, "\"relatedLocations\":[{\"id\":0,"));
	assert_non_null(strstr(sq, "\"codeFlows\":[{\"threadFlows\":[{\"locations\":[{\"location\":{"));
	assert_non_null(strstr(sq, "\"text\":\"a->b(calla->b)\""));
	/* A place-less warning has a file but no region; no file, no locations. */
	assert_non_null(strstr(sq, "\"ruleId\":\"W0101\""));
	assert_null(strstr(strstr(sq, "\"ruleId\":\"W0101\""), "\"region\""));
	assert_non_null(strstr(sq, "\"ruleId\":\"E0107\",\"ruleIndex\":"));
	assert_null(strstr(strstr(sq, "\"ruleId\":\"E0107\""), "\"locations\""));
	free(sq);
	free(out);
	diag_list_free(&dl);
	source_free(&src);

	make_list(&dl, &src, "/abs/p.mica");
	in.name = src.name;
	diag_render_sarif(cap_open(&c), &run);
	out = cap_close(&c);
	assert_non_null(strstr(out, "\"uri\": \"file:///abs/p.mica\"\n"));
	assert_null(strstr(out, "uriBaseId"));
	free(out);
	diag_list_free(&dl);
	source_free(&src);
}

static void test_format_names(void **state)
{
	enum diag_format f = DIAG_FORMAT_TEXT;

	(void)state;
	assert_int_equal(diag_format_parse("sarif", &f), 0);
	assert_int_equal(f, DIAG_FORMAT_SARIF);
	assert_int_equal(diag_format_parse("junit", &f), 0);
	assert_int_equal(f, DIAG_FORMAT_JUNIT);
	assert_int_equal(diag_format_parse("gitlab", &f), 0);
	assert_int_equal(f, DIAG_FORMAT_GITLAB);
	assert_int_equal(diag_format_parse("github", &f), 0);
	assert_int_equal(f, DIAG_FORMAT_GITHUB);
	assert_int_equal(diag_format_parse("SARIF", &f), -1);
	assert_int_equal(diag_format_parse("", &f), -1);
	assert_int_equal(f, DIAG_FORMAT_GITHUB);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_escapes),
		cmocka_unit_test(test_json_deep),
		cmocka_unit_test(test_json_close),
		cmocka_unit_test(test_github),
		cmocka_unit_test(test_json_levels_and_places),
		cmocka_unit_test(test_sarif_uris_and_regions),
		cmocka_unit_test(test_format_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
