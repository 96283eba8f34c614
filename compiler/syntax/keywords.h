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

struct keyword {
	const char *name;
	uint8_t value;
};

struct keyword_set {
	const char *what;		/* "trust level" */
	const char *property;		/* "trust" */
	const struct keyword *words;
	size_t n;
};

extern const struct keyword_set kw_trust, kw_kind, kw_perm, kw_digest;

/* The value of NAME in SET, or 0 when it is not one. */
uint8_t keyword_value(const struct keyword_set *set, const char *name);
/* The spelling of VALUE in SET, or "?" when it is not one. */
const char *keyword_name(const struct keyword_set *set, uint8_t value);
/* Looks NAME up; when it is not a value of SET, reports E0217 at LOC (with
 * the choices and a suggestion) and returns 0. */
uint8_t keyword_lookup(const struct keyword_set *set, const char *name, struct diag_list *dl,
		       const struct source *src, loc_t loc);

#endif
