/* test_yaml_errors.c - every error path of the YAML front end, each with its
 * exact code, position (line:col-line:col, bytes, 1-based), message, notes
 * and help; then hostile input: deep nesting, alias bombs, truncation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "syntax/parse.h"
#include "yaml_test_util.h"

struct error_case {
	const char *name;
	const char *doc;
	const char *diags;
};

static const struct error_case cases[] = {
	{"syntax",
	 "policy: [\n",
	 "1:9-1:9 E0110 expected a mapping of policy properties, found a sequence\n"
	 "2:1-2:1 E0110 YAML: did not find expected node content\n"
	 "  note 2:1 while parsing a flow node\n"},
	{"tab_error",
	 "policy:\n"
	 "\tname: p\n",
	 "2:1-2:1 E0110 YAML: found character that cannot start any token\n"
	 "  note 2:1 while scanning for the next token\n"},
	{"utf8",
	 "policy:\n"
	 "  name: \xff""\n",
	 "2:9-2:9 E0102 YAML: invalid leading UTF-8 octet\n"},
	{"utf16",
	 "\xff""\xfe""p",
	 "1:1-1:1 E0102 YAML: invalid leading UTF-8 octet\n"},
	{"root_seq",
	 "- a\n"
	 "- b\n",
	 "1:1-1:1 E0110 expected a mapping with the keys policy, realms, regions, calls and asserts, found a sequence\n"},
	{"root_scalar",
	 "hello\n",
	 "1:1-1:5 E0110 expected a mapping with the keys policy, realms, regions, calls and asserts, found a scalar\n"},
	{"two_docs",
	 "policy: {name: p}\n"
	 "---\n"
	 "policy: {name: q}\n",
	 "2:1-2:3 E0110 a policy file holds one YAML document\n"
	 "  help: remove the second '---' and what follows, or split the file\n"},
	{"unknown_top",
	 "realm:\n"
	 "  a: {trust: trusted}\n"
	 "foo: 1\n",
	 "1:1-1:5 E0110 unknown key 'realm' in the document\n"
	 "  help: did you mean 'realms'? top-level keys: policy, realms, regions, calls, asserts\n"
	 "3:1-3:3 E0110 unknown key 'foo' in the document\n"
	 "  help: top-level keys: policy, realms, regions, calls, asserts\n"},
	{"dup_top",
	 "realms: {}\n"
	 "realms: {}\n",
	 "2:1-2:6 E0210 'realms' is set twice in the document\n"
	 "  note 1:1 first set here\n"
	 "  help: remove one of the two keys\n"},
	{"dup_policy",
	 "policy: {name: p}\n"
	 "policy: {name: q}\n",
	 "2:1-2:6 E0210 'policy' is set twice in the document\n"
	 "  note 1:1 first set here\n"
	 "  help: remove one of the two keys\n"},
	{"policy_not_map",
	 "policy: video\n",
	 "1:9-1:13 E0110 expected a mapping of policy properties, found a scalar\n"},
	{"policy_no_name",
	 "policy:\n"
	 "  version: 1\n",
	 "1:1-1:6 E0110 the policy has no 'name'\n"},
	{"dup_name_field",
	 "policy: {name: p, name: q}\n",
	 "1:19-1:22 E0210 'name' is set twice in the policy\n"
	 "  note 1:10 first set here\n"
	 "  help: remove one of the two keys\n"},
	{"empty_value",
	 "policy:\n"
	 "  name:\n"
	 "  version:\n",
	 "2:8-2:8 E0110 expected a name, found nothing\n"
	 "3:11-3:11 E0110 expected a value, found nothing\n"},
	{"unknown_realm_key",
	 "realms:\n"
	 "  cam:\n"
	 "    trsut: trusted\n"
	 "    colour: red\n",
	 "3:5-3:9 E0110 unknown key 'trsut' in realm 'cam'\n"
	 "  help: did you mean 'trust'? realm keys: trust, measurement, hostcall, mmio\n"
	 "4:5-4:10 E0110 unknown key 'colour' in realm 'cam'\n"
	 "  help: realm keys: trust, measurement, hostcall, mmio\n"},
	{"bad_trust",
	 "realms:\n"
	 "  cam: {trust: trustd}\n"
	 "  b: {trust: \"maybe\"}\n",
	 "2:16-2:21 E0217 unknown trust level 'trustd'\n"
	 "  help: did you mean 'trusted'? `trust` takes trusted, distrustful or untrusted\n"
	 "3:14-3:20 E0217 unknown trust level 'maybe'\n"
	 "  help: `trust` takes trusted, distrustful or untrusted\n"},
	{"dup_prop",
	 "realms:\n"
	 "  cam:\n"
	 "    trust: trusted\n"
	 "    trust: untrusted\n",
	 "4:5-4:9 E0210 'trust' is set twice in realm 'cam'\n"
	 "  note 3:5 first set here\n"
	 "  help: remove one of the two keys\n"},
	{"bad_number",
	 "policy: {name: p, version: 12x, ipa_bits: 0x}\n"
	 "regions:\n"
	 "  r: {size: 99999999999999999999, at: 4TiB}\n",
	 "1:28-1:30 E0105 invalid number '12x'\n"
	 "  help: numbers are decimal (4096) or hex (0x1000), optionally followed by KiB, MiB or GiB (4KiB)\n"
	 "1:43-1:44 E0105 invalid number '0x'\n"
	 "  help: numbers are decimal (4096) or hex (0x1000), optionally followed by KiB, MiB or GiB (4KiB)\n"
	 "3:13-3:32 E0105 number '99999999999999999999' does not fit in 64 bits\n"
	 "  help: the largest number is 18446744073709551615 (0xffffffffffffffff)\n"
	 "3:39-3:42 E0105 invalid number '4TiB'\n"
	 "  help: numbers are decimal (4096) or hex (0x1000), optionally followed by KiB, MiB or GiB (4KiB)\n"},
	{"bad_bool",
	 "realms:\n"
	 "  a: {hostcall: yes, mmio: \"true\"}\n"
	 "  b: {mmio: 1}\n",
	 "2:17-2:19 E0217 unknown boolean 'yes'\n"
	 "  help: `hostcall` takes true or false (unquoted)\n"
	 "2:28-2:33 E0217 unknown boolean 'true'\n"
	 "  help: `mmio` takes true or false (unquoted)\n"
	 "3:13-3:13 E0217 unknown boolean '1'\n"
	 "  help: `mmio` takes true or false (unquoted)\n"},
	{"bad_names",
	 "realms:\n"
	 "  9cam: {}\n"
	 "  cam-era: {}\n"
	 "  realm: {}\n"
	 "  \"\": {}\n"
	 "  \"a b\": {}\n"
	 "  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: {}\n",
	 "2:3-2:6 E0110 name '9cam' starts with a digit\n"
	 "  help: names start with a letter or '_'\n"
	 "3:3-3:9 E0101 '-' is not allowed in names: 'cam-era'\n"
	 "  help: write 'cam_era'\n"
	 "4:3-4:7 E0110 'realm' is a keyword and cannot be a name\n"
	 "  help: choose another name\n"
	 "5:3-5:4 E0110 expected a name, found an empty string\n"
	 "6:3-6:7 E0101 ' ' is not allowed in names: 'a b'\n"
	 "  help: names are ASCII letters, digits and '_'\n"
	 "7:3-7:66 E0106 name is 64 bytes long; names are at most 63 bytes\n"
	 "  help: choose a shorter name\n"},
	{"control",
	 "policy: {name: \"a\\x01b\"}\n",
	 "1:16-1:23 E0101 byte 0x01 is not allowed in names\n"
	 "  help: names are ASCII letters, digits and '_'\n"},
	{"realms_seq",
	 "realms:\n"
	 "  - cam\n",
	 "2:3-2:3 E0110 expected a mapping of realm names, found a sequence\n"},
	{"realm_scalar",
	 "realms:\n"
	 "  cam: trusted\n"
	 "  ok: {trust: trusted}\n",
	 "2:8-2:14 E0110 expected a mapping of realm properties, found a scalar\n"},
	{"grants_bad",
	 "regions:\n"
	 "  r:\n"
	 "    grants: [a]\n"
	 "  s:\n"
	 "    grants:\n"
	 "      a: rw\n"
	 "      b: {x: 1}\n"
	 "      [c]: read\n",
	 "3:13-3:13 E0110 expected a mapping of realm names to permissions, found a sequence\n"
	 "6:10-6:11 E0217 unknown permission 'rw'\n"
	 "  help: `grant` takes read, write or readwrite\n"
	 "7:10-7:10 E0110 expected a permission, found a mapping\n"
	 "8:7-8:7 E0110 expected a realm name, found a sequence\n"},
	{"bad_grant_perm_dup_region",
	 "regions:\n"
	 "  r: {kind: protected, kind: unprotected, grants: {a: reed}}\n",
	 "2:24-2:27 E0210 'kind' is set twice in region 'r'\n"
	 "  note 2:7 first set here\n"
	 "  help: remove one of the two keys\n"
	 "2:55-2:58 E0217 unknown permission 'reed'\n"
	 "  help: did you mean 'read'? `grant` takes read, write or readwrite\n"},
	{"calls_bad",
	 "calls:\n"
	 "  - {from: a}\n"
	 "  - [a, b]\n"
	 "  - {from: a, to: b, oneway: maybe, via: c}\n"
	 "  - {to: b, from: a, to: c}\n"
	 "calls2: 1\n",
	 "2:5-2:5 E0110 a call has no 'to'\n"
	 "3:5-3:5 E0110 expected a mapping with from, to and optionally oneway, found a sequence\n"
	 "4:30-4:34 E0217 unknown boolean 'maybe'\n"
	 "  help: `oneway` takes true or false (unquoted)\n"
	 "4:37-4:39 E0110 unknown key 'via' in a call\n"
	 "  help: call keys: from, to, oneway\n"
	 "5:22-5:23 E0210 'to' is set twice in a call\n"
	 "  note 5:6 first set here\n"
	 "  help: remove one of the two keys\n"
	 "6:1-6:6 E0110 unknown key 'calls2' in the document\n"
	 "  help: did you mean 'calls'? top-level keys: policy, realms, regions, calls, asserts\n"},
	{"asserts_bad",
	 "asserts: {from: a, to: b}\n",
	 "1:10-1:10 E0110 expected a sequence of asserts, found a mapping\n"},
	{"asserts_missing",
	 "asserts:\n"
	 "  - {from: a}\n"
	 "  - {}\n",
	 "2:5-2:5 E0110 an assert has no 'to'\n"
	 "3:5-3:5 E0110 an assert has no 'from'\n"
	 "3:5-3:5 E0110 an assert has no 'to'\n"},
	{"anchors",
	 "realms:\n"
	 "  a: &x {trust: trusted}\n"
	 "  b: *x\n",
	 "2:6-2:9 E0110 YAML anchors and aliases are not allowed in a policy\n"
	 "  help: write the value out in full\n"
	 "3:6-3:7 E0110 YAML anchors and aliases are not allowed in a policy\n"
	 "  help: write the value out in full\n"},
	{"tags",
	 "policy: {name: !!str p, version: !!int 3}\n",
	 "1:16-1:22 E0110 YAML tags are not allowed in a policy (found '!!str')\n"
	 "1:34-1:40 E0110 YAML tags are not allowed in a policy (found '!!int')\n"},
	{"tag2",
	 "a: !foo 1\n",
	 "1:1-1:1 E0110 unknown key 'a' in the document\n"
	 "  help: top-level keys: policy, realms, regions, calls, asserts\n"
	 "1:4-1:9 E0110 YAML tags are not allowed in a policy (found '!foo')\n"},
	{"key_mapping",
	 "{a: 1}: 2\n"
	 "policy: {name: p}\n",
	 "1:1-1:1 E0110 expected a key, found a mapping\n"},
	{"measurement_kinds",
	 "realms:\n"
	 "  a: {measurement: 0123}\n"
	 "  b: {measurement: [1]}\n",
	 "3:20-3:20 E0110 expected a value, found a sequence\n"},
	{"deep_ok",
	 "foo: [[[[1]]]]\n",
	 "1:1-1:3 E0110 unknown key 'foo' in the document\n"
	 "  help: top-level keys: policy, realms, regions, calls, asserts\n"},
	{"deep",
	 "x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
	 "1:1-1:1 E0110 unknown key 'x' in the document\n"
	 "  help: top-level keys: policy, realms, regions, calls, asserts\n"
	 "1:19-1:19 E0506 YAML nesting deeper than 16 levels\n"},
};

static void test_error_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct yparsed p;

		yt_parse(&p, cases[i].doc);
		if (strcmp(p.diags, cases[i].diags) != 0)
			fail_msg("case %s:\n--- want\n%s--- got\n%s", cases[i].name, cases[i].diags,
				 p.diags);
		/* any error makes the front end fail, as parse_mica does */
		assert_int_equal(p.rc, cases[i].diags[0] ? -1 : 0);
		yt_free(&p);
	}
}

/* A bad value does not hide the rest of the document: the block goes on,
 * and the property is marked as already reported so checks skip it. */
static void test_recovery(void **state)
{
	struct yparsed p;

	(void)state;
	yt_parse(&p, "policy: {name: p, version: x1, ipa_bits: 40}\n"
		     "realms: {a: {trust: nope, hostcall: true}}\n");
	assert_int_equal(p.ast.npolicies, 1);
	assert_true(PROP_SET(p.ast.policies[0].version_p));
	assert_true(p.ast.policies[0].version_p.invalid);
	assert_int_equal(p.ast.policies[0].ipa_bits, 40);
	assert_false(p.ast.policies[0].ipa_bits_p.invalid);
	assert_int_equal(p.ast.nrealms, 1);
	assert_true(p.ast.realms[0].trust_p.invalid);
	assert_true(p.ast.realms[0].hostcall);
	yt_free(&p);
}

/* Nesting far beyond the limit is one error, not a deep recursion. */
static void test_very_deep(void **state)
{
	enum { DEPTH = 200000 };
	char *doc = malloc(2 * DEPTH + 8);
	struct yparsed p;

	(void)state;
	memcpy(doc, "x: ", 3);
	memset(doc + 3, '[', DEPTH);
	memset(doc + 3 + DEPTH, ']', DEPTH);
	strcpy(doc + 3 + 2 * DEPTH, "\n");
	yt_parse(&p, doc);
	assert_string_equal(p.diags,
			    "1:1-1:1 E0110 unknown key 'x' in the document\n"
			    "  help: top-level keys: policy, realms, regions, calls, asserts\n"
			    "1:19-1:19 E0506 YAML nesting deeper than 16 levels\n");
	yt_free(&p);
	free(doc);
}

/* "Billion laughs": aliases are refused where they appear, never expanded. */
static void test_alias_bomb(void **state)
{
	struct yparsed p;
	size_t refused = 0;

	(void)state;
	yt_parse(&p, "a: &a [x, x]\n"
		     "b: &b [*a, *a]\n"
		     "c: [*b, *b]\n");
	/* three unknown keys; two anchors and four aliases, each refused */
	assert_int_equal(p.dl.n, 9);
	for (size_t i = 0; i < p.dl.n; i++)
		refused += strcmp(p.dl.v[i].msg,
				  "YAML anchors and aliases are not allowed in a policy") == 0;
	assert_int_equal(refused, 6);
	assert_int_equal(p.rc, -1);
	yt_free(&p);
}

/* Every prefix of a valid document parses without a crash or a leak, and
 * every diagnostic points inside the text. */
static void test_truncations(void **state)
{
	static const char doc[] =
		"policy:\n  name: p\n  version: 3\n"
		"realms:\n  a: {trust: trusted, measurement: \"ab\"}\n"
		"regions:\n  r:\n    kind: protected\n    size: 4KiB\n    grants: {a: read}\n"
		"calls:\n  - {from: a, to: b}\nasserts:\n  - {from: a, to: host}\n";

	(void)state;
	for (size_t len = 0; len <= sizeof(doc) - 1; len++) {
		char *cut = strndup(doc, len);
		struct yparsed p;

		yt_parse(&p, cut);
		for (size_t i = 0; i < p.dl.n; i++) {
			assert_true(p.dl.v[i].loc.line >= 1);
			assert_true(p.dl.v[i].loc.line <= p.src.nlines);
		}
		yt_free(&p);
		free(cut);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_cases),
		cmocka_unit_test(test_recovery),
		cmocka_unit_test(test_very_deep),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_truncations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
