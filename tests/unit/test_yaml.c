/* test_yaml.c - the YAML front end on valid input: every key of the mapping
 * lands in the right field of the syntax tree, at the right YAML position,
 * in block style, flow style and JSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sema/check.h"
#include "yaml_test_util.h"

static const char full_doc[] =
	"# a comment\n"
	"policy:\n"
	"  name: video_analytics\n"
	"  version: 3\n"
	"  digest: sha384\n"
	"  ipa_bits: 44\n"
	"realms:\n"
	"  camera:\n"
	"    trust: trusted\n"
	"    measurement: \"9f86\"\n"
	"    hostcall: true\n"
	"    mmio: false\n"
	"  detector: {trust: distrustful, mmio: true}\n"
	"regions:\n"
	"  frames:\n"
	"    kind: protected\n"
	"    size: 2MiB\n"
	"    at: 0x10000000\n"
	"    grants:\n"
	"      camera: write\n"
	"      detector: readwrite\n"
	"  dma: {kind: unprotected, size: \"4096\", grants: {camera: read}}\n"
	"calls:\n"
	"  - {from: camera, to: detector}\n"
	"  - from: detector\n"
	"    to: camera\n"
	"    oneway: true\n"
	"asserts:\n"
	"  - {from: camera, to: host}\n";

static void expect_loc(loc_t l, uint32_t line, uint32_t col, uint32_t end_line, uint32_t end_col)
{
	assert_int_equal(l.line, line);
	assert_int_equal(l.col, col);
	assert_int_equal(l.end_line, end_line);
	assert_int_equal(l.end_col, end_col);
}

static void test_policy(void **state)
{
	struct yparsed p;
	const struct ast_policy *pol;

	(void)state;
	yt_parse(&p, full_doc);
	assert_string_equal(p.diags, "");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.ast.npolicies, 1);
	pol = &p.ast.policies[0];
	assert_string_equal(pol->name.text, "video_analytics");
	expect_loc(pol->name.loc, 3, 9, 3, 23);
	expect_loc(pol->loc, 2, 1, 2, 6);
	assert_int_equal(pol->version, 3);
	expect_loc(pol->version_p.loc, 4, 12, 4, 12);
	assert_false(pol->version_p.invalid);
	assert_int_equal(pol->digest, MICA_DIGEST_SHA384);
	assert_int_equal(pol->ipa_bits, 44);
	expect_loc(pol->ipa_bits_p.loc, 6, 13, 6, 14);
	yt_free(&p);
}

static void test_realms(void **state)
{
	struct yparsed p;
	const struct ast_realm *cam, *det;

	(void)state;
	yt_parse(&p, full_doc);
	assert_int_equal(p.ast.nrealms, 2);
	cam = &p.ast.realms[0];
	det = &p.ast.realms[1];
	assert_string_equal(cam->name.text, "camera");
	expect_loc(cam->name.loc, 8, 3, 8, 8);
	expect_loc(cam->loc, 8, 3, 8, 8);
	assert_int_equal(cam->trust, MICA_TRUST_TRUSTED);
	expect_loc(cam->trust_p.loc, 9, 5, 9, 18);
	assert_string_equal(cam->measurement, "9f86");
	/* at the value, quotes included, as the Mica form locates it */
	expect_loc(cam->measurement_p.loc, 10, 18, 10, 23);
	assert_true(cam->hostcall);
	assert_true(PROP_SET(cam->hostcall_p));
	/* `mmio: false` is the default: as if the key were absent */
	assert_false(cam->mmio);
	assert_false(PROP_SET(cam->mmio_p));
	assert_string_equal(det->name.text, "detector");
	assert_int_equal(det->trust, MICA_TRUST_DISTRUSTFUL);
	assert_true(det->mmio);
	expect_loc(det->mmio_p.loc, 13, 34, 13, 43);
	yt_free(&p);
}

static void test_regions(void **state)
{
	struct yparsed p;
	const struct ast_region *fr, *dma;

	(void)state;
	yt_parse(&p, full_doc);
	assert_int_equal(p.ast.nregions, 2);
	fr = &p.ast.regions[0];
	dma = &p.ast.regions[1];
	assert_string_equal(fr->name.text, "frames");
	assert_int_equal(fr->kind, MICA_REGION_PROTECTED);
	assert_int_equal(fr->size, 2u << 20);
	expect_loc(fr->size_p.loc, 17, 11, 17, 14);
	assert_int_equal(fr->at, 0x10000000u);
	assert_true(PROP_SET(fr->at_p));
	assert_int_equal(fr->ngrants, 2);
	assert_string_equal(fr->grants[0].realm.text, "camera");
	assert_int_equal(fr->grants[0].perm, MICA_PERM_WRITE);
	expect_loc(fr->grants[0].realm.loc, 20, 7, 20, 12);
	expect_loc(fr->grants[0].loc, 20, 7, 20, 19);
	assert_int_equal(fr->grants[1].perm, MICA_PERM_READWRITE);
	assert_int_equal(dma->kind, MICA_REGION_UNPROTECTED);
	/* a quoted number has the same spellings as a plain one */
	assert_int_equal(dma->size, 4096);
	assert_false(PROP_SET(dma->at_p));
	assert_int_equal(dma->ngrants, 1);
	assert_int_equal(dma->grants[0].perm, MICA_PERM_READ);
	yt_free(&p);
}

static void test_calls_and_asserts(void **state)
{
	struct yparsed p;
	const struct ast_call *c;

	(void)state;
	yt_parse(&p, full_doc);
	assert_int_equal(p.ast.ncalls, 2);
	c = &p.ast.calls[0];
	assert_string_equal(c->from.text, "camera");
	assert_string_equal(c->to.text, "detector");
	assert_false(c->oneway);
	/* a flow mapping: from '{' to '}' */
	expect_loc(c->loc, 24, 5, 24, 32);
	expect_loc(c->to.loc, 24, 24, 24, 31);
	c = &p.ast.calls[1];
	assert_true(c->oneway);
	/* a block mapping: from its first key to its last value */
	expect_loc(c->loc, 25, 5, 27, 16);
	assert_int_equal(p.ast.nasserts, 1);
	assert_string_equal(p.ast.asserts[0].from.text, "camera");
	assert_string_equal(p.ast.asserts[0].to.text, "host");
	expect_loc(p.ast.asserts[0].loc, 29, 5, 29, 28);
	yt_free(&p);
}

/* Declarations are recorded in document order, for the printers. */
static void test_decl_order(void **state)
{
	struct yparsed p;
	static const enum ast_decl_kind want[] = {
		DECL_POLICY, DECL_REALM, DECL_REALM, DECL_REGION, DECL_REGION,
		DECL_CALL, DECL_CALL, DECL_ASSERT,
	};

	(void)state;
	yt_parse(&p, full_doc);
	assert_int_equal(p.ast.ndecls, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < p.ast.ndecls; i++)
		assert_int_equal(p.ast.decls[i].kind, want[i]);
	yt_free(&p);
}

/* JSON is YAML too: `micac dump --format json` output reads back. */
static void test_json(void **state)
{
	struct yparsed p;

	(void)state;
	yt_parse(&p, "{\n"
		     "  \"policy\": {\"name\": \"p\", \"version\": 7, \"digest\": \"sha256\"},\n"
		     "  \"realms\": {\"a\": {\"trust\": \"trusted\", \"hostcall\": false},\n"
		     "             \"b\": {\"trust\": \"untrusted\", \"mmio\": true}},\n"
		     "  \"regions\": {\"r\": {\"kind\": \"protected\", \"size\": 8192,\n"
		     "               \"at\": \"0x2000\", \"grants\": {\"a\": \"write\", \"b\": \"read\"}}},\n"
		     "  \"calls\": [{\"from\": \"a\", \"to\": \"b\", \"oneway\": false}],\n"
		     "  \"asserts\": []\n"
		     "}\n");
	assert_string_equal(p.diags, "");
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.ast.policies[0].name.text, "p");
	expect_loc(p.ast.policies[0].name.loc, 2, 22, 2, 24);
	assert_int_equal(p.ast.policies[0].version, 7);
	assert_int_equal(p.ast.policies[0].digest, MICA_DIGEST_SHA256);
	assert_int_equal(p.ast.nrealms, 2);
	assert_false(p.ast.realms[0].hostcall);
	assert_true(p.ast.realms[1].mmio);
	assert_int_equal(p.ast.regions[0].size, 8192);
	assert_int_equal(p.ast.regions[0].at, 0x2000);
	assert_int_equal(p.ast.regions[0].ngrants, 2);
	assert_int_equal(p.ast.ncalls, 1);
	assert_false(p.ast.calls[0].oneway);
	assert_int_equal(p.ast.nasserts, 0);
	yt_free(&p);
}

/* Every number spelling of the Mica form, plain or quoted. */
static void test_number_spellings(void **state)
{
	static const struct { const char *text; uint64_t value; } cases[] = {
		{"4096", 4096}, {"0x1000", 4096}, {"0X1000", 4096}, {"4KiB", 4096},
		{"\"4KiB\"", 4096}, {"'0x2MiB'", 2u << 20}, {"1GiB", 1u << 30},
		{"18446744073709551615", UINT64_MAX},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct yparsed p;
		char doc[128];

		snprintf(doc, sizeof(doc), "regions: {r: {size: %s}}\n", cases[i].text);
		yt_parse(&p, doc);
		assert_string_equal(p.diags, "");
		assert_int_equal(p.ast.regions[0].size, cases[i].value);
		yt_free(&p);
	}
}

/* Repeated names and grants pass through: check_ast reports them exactly as
 * for the Mica form (E0203, E0207). */
static void test_duplicates_left_to_checks(void **state)
{
	struct yparsed p;

	(void)state;
	yt_parse(&p, "realms:\n  a: {trust: trusted}\n  a: {trust: untrusted}\n"
		     "regions:\n  r: {grants: {a: read, a: write}}\n");
	assert_string_equal(p.diags, "");
	assert_int_equal(p.ast.nrealms, 2);
	assert_int_equal(p.ast.realms[1].trust, MICA_TRUST_UNTRUSTED);
	expect_loc(p.ast.realms[1].name.loc, 3, 3, 3, 3);
	assert_int_equal(p.ast.regions[0].ngrants, 2);
	yt_free(&p);
}

/* No document, or one of only comments: an empty tree (check_ast then says
 * the policy block is missing, as for an empty Mica file). */
static void test_empty(void **state)
{
	static const char *const docs[] = {"", "# nothing\n", "---\n{}\n"};

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		struct yparsed p;

		yt_parse(&p, docs[i]);
		assert_string_equal(p.diags, "");
		assert_int_equal(p.rc, 0);
		assert_int_equal(p.ast.ndecls, 0);
		yt_free(&p);
	}
}

/* Columns are bytes, whatever comes before on the line; a BOM and CRLF line
 * ends do not shift positions. */
static void test_positions_bytes(void **state)
{
	struct yparsed p;

	(void)state;
	yt_parse(&p, "\xef\xbb\xbfpolicy: {name: p}\r\n"
		     "realms: {\"\xc3\xa9t\xc3\xa9\": {}, b: {trust: trusted}}\r\n");
	assert_int_equal(p.ast.npolicies, 1);
	expect_loc(p.ast.policies[0].loc, 1, 4, 1, 9);
	assert_int_equal(p.ast.nrealms, 2);
	/* "été" is 3 characters but 5 bytes, 7 with its quotes */
	expect_loc(p.ast.realms[0].name.loc, 2, 10, 2, 16);
	expect_loc(p.ast.realms[1].name.loc, 2, 23, 2, 23);
	expect_loc(p.ast.realms[1].trust_p.loc, 2, 27, 2, 40);
	assert_string_equal(p.diags,
			    "2:10-2:16 E0101 non-ASCII character in name '\xc3\xa9t\xc3\xa9'\n"
			    "  help: names are ASCII letters, digits and '_': names end up in an "
			    "attested blob, where look-alike letters would be confusing\n");
	yt_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy),
		cmocka_unit_test(test_realms),
		cmocka_unit_test(test_regions),
		cmocka_unit_test(test_calls_and_asserts),
		cmocka_unit_test(test_decl_order),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_number_spellings),
		cmocka_unit_test(test_duplicates_left_to_checks),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_positions_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
