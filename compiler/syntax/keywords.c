/* keywords.c - property value spellings (see keywords.h). */
#include <string.h>

#include "syntax/keywords.h"
#include "util/suggest.h"

#define SET(var, what, prop, hint, ...)                                             \
	static const struct keyword var##_words[] = {__VA_ARGS__};                  \
	const struct keyword_set var = {what, prop, hint, var##_words,              \
					sizeof(var##_words) / sizeof(var##_words[0])}

/* A trusted realm may receive anything and pass it on; an untrusted one
 * may receive data directly (it is a sink, like the host); a distrustful
 * one neither, so it is checked most strictly. */
SET(kw_trust, "trust level", "trust",
    "a realm not trusted with others' data is `distrustful` (confidential) or `untrusted` "
    "(a sink, like the host)",
    {"trusted", MICA_TRUST_TRUSTED, GRANTS_RECEIVE | GRANTS_PASS_ON},
    {"distrustful", MICA_TRUST_DISTRUSTFUL, GRANTS_NOTHING},
    {"untrusted", MICA_TRUST_UNTRUSTED, GRANTS_RECEIVE});
SET(kw_kind, "region kind", "kind", NULL, {"protected", MICA_REGION_PROTECTED, GRANTS_NOTHING},
    {"unprotected", MICA_REGION_UNPROTECTED, GRANTS_HOST});
SET(kw_perm, "permission", "grant", NULL, {"read", MICA_PERM_READ, GRANTS_READ},
    {"write", MICA_PERM_WRITE, GRANTS_WRITE},
    {"readwrite", MICA_PERM_READWRITE, GRANTS_READ | GRANTS_WRITE});
SET(kw_digest, "digest algorithm", "digest", NULL, {"sha256", MICA_DIGEST_SHA256, GRANTS_NOTHING},
    {"sha384", MICA_DIGEST_SHA384, GRANTS_NOTHING}, {"sha512", MICA_DIGEST_SHA512, GRANTS_NOTHING});

uint8_t keyword_value(const struct keyword_set *set, const char *name)
{
	/* the first byte inline: a call only for the word that may match */
	for (size_t i = 0; i < set->n; i++)
		if (set->words[i].name[0] == name[0] && strcmp(set->words[i].name, name) == 0)
			return set->words[i].value;
	return 0;
}

const char *keyword_name(const struct keyword_set *set, uint8_t value)
{
	for (size_t i = 0; i < set->n; i++)
		if (set->words[i].value == value)
			return set->words[i].name;
	return "?";
}

const char *keyword_suggest(const struct keyword_set *set, const char *name)
{
	const char *names[SUGGEST_MAX_VALUES];
	unsigned grants[SUGGEST_MAX_VALUES];

	for (size_t i = 0; i < set->n && i < SUGGEST_MAX_VALUES; i++) {
		names[i] = set->words[i].name;
		grants[i] = set->words[i].grants;
	}
	return suggest_value(name, names, grants, set->n);
}

uint8_t keyword_lookup(const struct keyword_set *set, const char *name, struct diag_list *dl,
		       const struct source *src, loc_t loc)
{
	char choices[128] = "";
	uint8_t v = keyword_value(set, name);
	struct diag *d;
	const char *best;

	if (v)
		return v;
	for (size_t i = 0; i < set->n; i++) {
		strcat(choices, i == 0 ? "" : i + 1 == set->n ? " or " : ", ");
		strcat(choices, set->words[i].name);
	}
	d = diag_add(dl, ERR_UNKNOWN_VALUE, src, loc, "unknown %s '%s'", set->what, name);
	best = keyword_suggest(set, name);
	if (best)
		diag_help(d, "did you mean '%s'? `%s` takes %s", best, set->property, choices);
	else
		diag_help(d, "`%s` takes %s", set->property, choices);
	/* 'mistrusted', 'nottrusted': a negation of a value, not a typo. */
	if (!best && set->hint && strstr(name, set->property) > name)
		diag_help(d, "%s", set->hint);
	return 0;
}
