/* keywords.c - property value spellings (see keywords.h). */
#include <string.h>

#include "syntax/keywords.h"
#include "util/suggest.h"

#define SET(var, what, prop, ...)                                                   \
	static const struct keyword var##_words[] = {__VA_ARGS__};                  \
	const struct keyword_set var = {what, prop, var##_words,                    \
					sizeof(var##_words) / sizeof(var##_words[0])}

SET(kw_trust, "trust level", "trust", {"trusted", MICA_TRUST_TRUSTED},
    {"distrustful", MICA_TRUST_DISTRUSTFUL}, {"untrusted", MICA_TRUST_UNTRUSTED});
SET(kw_kind, "region kind", "kind", {"protected", MICA_REGION_PROTECTED},
    {"unprotected", MICA_REGION_UNPROTECTED});
SET(kw_perm, "permission", "grant", {"read", MICA_PERM_READ}, {"write", MICA_PERM_WRITE},
    {"readwrite", MICA_PERM_READWRITE});
SET(kw_digest, "digest algorithm", "digest", {"sha256", MICA_DIGEST_SHA256},
    {"sha384", MICA_DIGEST_SHA384}, {"sha512", MICA_DIGEST_SHA512});

uint8_t keyword_value(const struct keyword_set *set, const char *name)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->words[i].name, name) == 0)
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

uint8_t keyword_lookup(const struct keyword_set *set, const char *name, struct diag_list *dl,
		       const struct source *src, loc_t loc)
{
	const char *names[8];
	char choices[128] = "";
	uint8_t v = keyword_value(set, name);
	struct diag *d;
	const char *best;

	if (v)
		return v;
	for (size_t i = 0; i < set->n; i++) {
		names[i] = set->words[i].name;
		strcat(choices, i == 0 ? "" : i + 1 == set->n ? " or " : ", ");
		strcat(choices, names[i]);
	}
	d = diag_add(dl, ERR_UNKNOWN_VALUE, src, loc, "unknown %s '%s'", set->what, name);
	best = suggest_name(name, names, set->n);
	if (best)
		diag_help(d, "did you mean '%s'? `%s` takes %s", best, set->property, choices);
	else
		diag_help(d, "`%s` takes %s", set->property, choices);
	return 0;
}
