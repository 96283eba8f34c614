/* test_suggest.c - "did you mean" never weakens a policy (util/suggest.c,
 * syntax/keywords.c): over every value word of every keyword set, and every
 * misspelling one edit away plus the common words built on it
 * ('distrusted', 'mistrusted', 'nottrusted', ...), the suggestion grants
 * at most what the word meant grants. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "syntax/keywords.h"
#include "util/suggest.h"

static const struct keyword_set *const sets[] = {&kw_trust, &kw_kind, &kw_perm, &kw_digest};
#define NSETS (sizeof(sets) / sizeof(sets[0]))

static const struct keyword *find(const struct keyword_set *set, const char *name)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->words[i].name, name) == 0)
			return &set->words[i];
	return NULL;
}

static size_t checked;

/* MEANT is what the user meant by WORD: the suggestion may not grant more. */
static void check_word(const struct keyword_set *set, const struct keyword *meant, const char *word)
{
	const char *s;
	const struct keyword *k;

	if (find(set, word))
		return;		/* another valid word, not a misspelling */
	s = keyword_suggest(set, word);
	checked++;
	if (!s)
		return;
	k = find(set, s);
	assert_non_null(k);
	if ((k->grants & ~meant->grants) != 0)
		fail_msg("'%s' (meant '%s') gets '%s', which grants more", word, meant->name, s);
}

/* Every word one edit from W: deletions, swaps, substitutions, insertions
 * of a lower-case letter, digit or '_'. */
static void one_edit(const struct keyword_set *set, const struct keyword *meant)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789_";
	const char *w = meant->name;
	size_t n = strlen(w);
	char buf[80];

	for (size_t i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "%.*s%s", (int)i, w, w + i + 1);
		check_word(set, meant, buf);
		if (i + 1 < n) {
			snprintf(buf, sizeof(buf), "%s", w);
			buf[i] = w[i + 1];
			buf[i + 1] = w[i];
			check_word(set, meant, buf);
		}
		for (const char *c = alphabet; *c; c++) {
			snprintf(buf, sizeof(buf), "%s", w);
			buf[i] = *c;
			check_word(set, meant, buf);
		}
	}
	for (size_t i = 0; i <= n; i++)
		for (const char *c = alphabet; *c; c++) {
			snprintf(buf, sizeof(buf), "%.*s%c%s", (int)i, w, *c, w + i);
			check_word(set, meant, buf);
		}
}

/* Is WORD one slip from a value of SET? Then it is that value misspelt
 * ('intrusted' for 'untrusted'), which one_edit covers. */
static bool one_slip_from_value(const struct keyword_set *set, const char *word)
{
	for (size_t i = 0; i < set->n; i++)
		if (suggest_distance(word, set->words[i].name) <= 1)
			return true;
	return false;
}

/* Words built on W that mean something else: negations and inflections.
 * A negation of W ('distrusted', 'nottrusted') was meant as a weaker value
 * than W, so its suggestion may grant only what every value of the set
 * grants;
 * an inflection of W was meant as W. */
static void derived(const struct keyword_set *set, const struct keyword *w)
{
	static const char *const prefixes[] = {"dis", "mis", "not", "not_", "non", "non_", "un",
					       "in", "no", "de", "semi", "half", "partly", "un_"};
	static const char *const suffixes[] = {"ed", "d", "s", "ful", "less", "_only", "only", "able"};
	char buf[80];

	struct keyword least = {"(the weakest value)", 0, ~0u};

	for (size_t j = 0; j < set->n; j++)
		least.grants &= set->words[j].grants;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		snprintf(buf, sizeof(buf), "%s%s", prefixes[i], w->name);
		if (!one_slip_from_value(set, buf))
			check_word(set, &least, buf);
		snprintf(buf, sizeof(buf), "%s%sed", prefixes[i], w->name);
		if (!one_slip_from_value(set, buf))
			check_word(set, &least, buf);
	}
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(buf, sizeof(buf), "%s%s", w->name, suffixes[i]);
		check_word(set, w, buf);
	}
}

static void test_no_suggestion_grants_more(void **state)
{
	(void)state;
	checked = 0;
	for (size_t s = 0; s < NSETS; s++)
		for (size_t i = 0; i < sets[s]->n; i++) {
			one_edit(sets[s], &sets[s]->words[i]);
			derived(sets[s], &sets[s]->words[i]);
		}
	/* Thousands of words were tried, not a handful. */
	assert_true(checked > 5000);
}

/* The reports of issue 13, and the typos that must still get help. */
static void test_known_words(void **state)
{
	static const struct { const struct keyword_set *set; const char *word, *want; } cases[] = {
		{&kw_trust, "distrusted", "distrustful"},
		{&kw_trust, "mistrusted", NULL},
		{&kw_trust, "nottrusted", NULL},
		{&kw_trust, "not_trusted", NULL},
		{&kw_trust, "untrused", "untrusted"},
		{&kw_trust, "trustd", "trusted"},
		{&kw_trust, "ntrusted", "untrusted"},	/* one slip from both: the weaker */
		{&kw_trust, "distrustfull", "distrustful"},
		{&kw_perm, "wirte", "write"},
		{&kw_perm, "raed", "read"},
		{&kw_perm, "readwirte", "readwrite"},
		{&kw_perm, "rw", NULL},
		{&kw_perm, "writeread", NULL},
		{&kw_kind, "unprotectd", "unprotected"},
		{&kw_kind, "notprotected", "protected"},
		{&kw_digest, "sha257", "sha256"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = keyword_suggest(cases[i].set, cases[i].word);

		if (cases[i].want == NULL ? got != NULL : got == NULL || strcmp(got, cases[i].want))
			fail_msg("'%s': got '%s', want '%s'", cases[i].word, got ? got : "(none)",
				 cases[i].want ? cases[i].want : "(none)");
	}
}

/* Exits in YAML keys: 'nohostcall' is not answered with 'hostcall'. */
static void test_exit_keys(void **state)
{
	static const char *const keys[] = {"trust", "measurement", "hostcall", "mmio"};
	static const unsigned grants[] = {0, 0, GRANTS_HOST, GRANTS_HOST};
	(void)state;
	assert_string_equal(suggest_value("hostcal", keys, grants, 4), "hostcall");
	assert_null(suggest_value("nohostcall", keys, grants, 4));
	assert_null(suggest_value("no_mmio", keys, grants, 4));
	assert_string_equal(suggest_value("trsut", keys, grants, 4), "trust");
}

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(suggest_distance("wirte", "write"), 1);
	assert_int_equal(suggest_distance("distrusted", "trusted"), 3);
	assert_int_equal(suggest_distance("abc", "abc"), 0);
	assert_int_equal(suggest_distance("", "read"), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_suggestion_grants_more),
		cmocka_unit_test(test_known_words),
		cmocka_unit_test(test_exit_keys),
		cmocka_unit_test(test_distance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
