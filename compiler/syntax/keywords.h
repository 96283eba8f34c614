/* keywords.h - the keyword values of properties (trust levels, region kinds,
 * permissions, digest algorithms) and their blob encodings, in one table per
 * property. The Mica parser, the YAML front end and every printer use these
 * tables, so a spelling is defined once. */
#ifndef MICAC_KEYWORDS_H
#define MICAC_KEYWORDS_H

#include <stddef.h>
#include <stdint.h>

#include "diag/diag.h"
#include "mica_blob.h"

/* What a value lets through, so that no suggestion can weaken a policy
 * (suggest_value): a value grants more than another when its bits are a
 * strict superset of the other's. */
enum keyword_grant {
	GRANTS_NOTHING = 0,
	GRANTS_READ = 1u << 0,		/* permission: read the region */
	GRANTS_WRITE = 1u << 1,		/* permission: write the region */
	GRANTS_HOST = 1u << 2,		/* region kind: the host can read and write it */
	GRANTS_RECEIVE = 1u << 3,	/* trust: may take data directly, as a sink */
	GRANTS_PASS_ON = 1u << 4,	/* trust: data may leave through it */
};

struct keyword {
	const char *name;
	uint8_t value;
	unsigned grants;	/* enum keyword_grant bits */
};

struct keyword_set {
	const char *what;		/* "trust level" */
	const char *property;		/* "trust" */
	const char *hint;		/* said when no value is suggested for a word
					 * with PROPERTY inside ('mistrusted'); may be NULL */
	const struct keyword *words;
	size_t n;
};

extern const struct keyword_set kw_trust, kw_kind, kw_perm, kw_digest;

/* The value of NAME in SET, or 0 when it is not one. */
uint8_t keyword_value(const struct keyword_set *set, const char *name);
/* The spelling of VALUE in SET, or "?" when it is not one. */
const char *keyword_name(const struct keyword_set *set, uint8_t value);
/* The value of SET to suggest for the misspelling NAME, or NULL; never one
 * that grants more than the value meant (suggest_value). */
const char *keyword_suggest(const struct keyword_set *set, const char *name);
/* Looks NAME up; when it is not a value of SET, reports E0217 at LOC (with
 * the choices and a suggestion) and returns 0. */
uint8_t keyword_lookup(const struct keyword_set *set, const char *name, struct diag_list *dl,
		       const struct source *src, loc_t loc);

#endif
