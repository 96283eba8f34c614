/* check_props.c - every block has what it needs, and each value is in range:
 * one policy block with a version; realms with a trust level and a
 * well-formed measurement; regions with a kind, a granule-multiple size, an
 * aligned base and at least one grant; and the documented limits. */
#include <stdio.h>
#include <string.h>

#include "sema/check.h"
#include "util/utf8.h"

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static void check_policy_blocks(const struct ast *ast, bool partial, struct diag_list *dl)
{
	const struct source *src = ast->src;
	struct diag *d;

	if (ast->npolicies == 0 && !partial) {
		d = diag_add(dl, ERR_MISSING_POLICY_BLOCK, src, (loc_t){1, 1, 1, 1}, "no policy block");
		diag_help(d, ast->yaml ? "every policy has `policy: {name: NAME, version: 1}`"
				       : "every policy starts with `policy NAME { version 1; }`");
	}
	for (size_t i = 1; i < ast->npolicies; i++) {
		d = diag_add(dl, ERR_SECOND_POLICY_BLOCK, src, ast->policies[i].loc,
			       "second policy block '%s'; a file holds one policy",
			       ast->policies[i].name.text);
		diag_note(d, ast->policies[0].loc, "the first policy block is here");
	}
	for (size_t i = 0; i < ast->npolicies; i++) {
		const struct ast_policy *p = &ast->policies[i];

		if (!PROP_SET(p->version_p) && !partial) {
			d = diag_add(dl, ERR_MISSING_PROPERTY, src, p->loc, "policy '%s' has no 'version'",
				       p->name.text);
			diag_help(d, "add `%s`: the tenant's revision number of this policy",
				  ast->yaml ? "version: 1" : "version 1;");
		}
		if (PROP_SET(p->version_p) && !p->version_p.invalid && p->version > UINT32_MAX) {
			d = diag_add(dl, ERR_VALUE_OUT_OF_RANGE, src, p->version_p.loc,
				       "version %llu is out of range", (unsigned long long)p->version);
			diag_help(d, "versions are 0 to 4294967295");
		}
		if (PROP_SET(p->ipa_bits_p) && !p->ipa_bits_p.invalid &&
		    (p->ipa_bits < MICA_IPA_BITS_MIN || p->ipa_bits > MICA_IPA_BITS_MAX)) {
			d = diag_add(dl, ERR_VALUE_OUT_OF_RANGE, src, p->ipa_bits_p.loc,
				       "ipa_bits %llu is out of range", (unsigned long long)p->ipa_bits);
			diag_help(d, "realm IPA widths are %u to %u bits", MICA_IPA_BITS_MIN,
				  MICA_IPA_BITS_MAX);
		}
	}
}

static bool starts_with_quote(const struct source *src, loc_t at)
{
	size_t off;

	if (at.line == 0 || at.line > src->nlines)
		return false;
	off = src->lines[at.line - 1] + at.col - 1;
	return off < src->len && (src->data[off] == '"' || src->data[off] == '\'');
}

/* A measurement is 64, 96 or 128 hex digits (SHA-256/384/512). */
static void check_measurement(const struct ast_realm *r, const struct source *src,
			      struct diag_list *dl)
{
	const char *hex = r->measurement;
	size_t len = strlen(hex);
	struct diag *d;

	for (size_t i = 0; i < len; i++) {
		if (is_hex(hex[i]))
			continue;
		loc_t at = r->measurement_p.loc;

		/* The value starts after its opening quote, if it has one
		 * (Mica strings do; YAML scalars may not). */
		at.col += (uint32_t)i + (starts_with_quote(src, at) ? 1 : 0);
		at.end_line = at.line;
		at.end_col = at.col;
		/* A bidirectional control is reported as such (E0108). */
		if (utf8_bidi_at(hex + i, len - i, NULL))
			return;
		d = diag_add(dl, ERR_INVALID_MEASUREMENT, src, at,
			       "measurement of '%s' has a character that is not a hex digit",
			       r->name.text);
		diag_help(d, "a measurement is the realm's RIM in hex: 0-9 and a-f");
		return;
	}
	if (len != 64 && len != 96 && len != 128) {
		d = diag_add(dl, ERR_INVALID_MEASUREMENT, src, r->measurement_p.loc,
			       "measurement of '%s' has %zu hex digits", r->name.text, len);
		diag_help(d, "a RIM is 64 (SHA-256), 96 (SHA-384) or 128 (SHA-512) hex digits");
	}
}

static void check_realms(const struct ast *ast, bool partial, struct diag_list *dl)
{
	for (size_t i = 0; i < ast->nrealms; i++) {
		const struct ast_realm *r = &ast->realms[i];
		struct diag *d;

		if (!PROP_SET(r->trust_p) && !partial) {
			d = diag_add(dl, ERR_MISSING_PROPERTY, ast->src, r->name.loc, "realm '%s' has no 'trust'",
				       r->name.text);
			/* The strictest first: a tenant who takes the first choice
			 * gets the full leak check, never `trusted` by default. */
			diag_help(d, ast->yaml ? "add `trust: distrustful` (checked most strictly), "
						 "`trust: untrusted` or `trust: trusted`"
					       : "add `trust distrustful;` (checked most strictly), "
						 "`trust untrusted;` or `trust trusted;`");
		}
		if (r->measurement)
			check_measurement(r, ast->src, dl);
	}
}

static void check_size_and_base(const struct ast_region *r, const struct source *src,
				struct diag_list *dl)
{
	struct diag *d;

	if (PROP_SET(r->size_p) && !r->size_p.invalid &&
	    (r->size == 0 || r->size % MICA_GRANULE_SIZE)) {
		d = diag_add(dl, ERR_INVALID_SIZE, src, r->size_p.loc,
			       "size %llu of region '%s' is not a positive multiple of 4 KiB",
			       (unsigned long long)r->size, r->name.text);
		if (r->size > MICA_GRANULE_SIZE)
			diag_help(d, "round it to %llu KiB",
				  (unsigned long long)((r->size + MICA_GRANULE_SIZE - 1) /
						       MICA_GRANULE_SIZE * 4));
		else
			diag_help(d, "the smallest region is 4KiB (one granule)");
	}
	if (PROP_SET(r->at_p) && !r->at_p.invalid && r->at % MICA_GRANULE_SIZE) {
		uint64_t down = r->at - r->at % MICA_GRANULE_SIZE;

		d = diag_add(dl, ERR_MISALIGNED_BASE, src, r->at_p.loc,
			       "base 0x%llx of region '%s' is not 4 KiB aligned",
			       (unsigned long long)r->at, r->name.text);
		diag_help(d, "use 0x%llx or 0x%llx, or drop `at` and let micac place it",
			  (unsigned long long)down,
			  (unsigned long long)(down + MICA_GRANULE_SIZE));
	}
}

static void check_regions(const struct ast *ast, bool partial, struct diag_list *dl)
{
	for (size_t i = 0; i < ast->nregions; i++) {
		const struct ast_region *r = &ast->regions[i];
		struct diag *d;

		if (!partial && !PROP_SET(r->kind_p)) {
			d = diag_add(dl, ERR_MISSING_PROPERTY, ast->src, r->name.loc,
				       "region '%s' has no 'kind'", r->name.text);
			diag_help(d, ast->yaml ? "add `kind: protected` (realm memory) or `kind: unprotected` "
						 "(memory shared with the host)"
					       : "add `kind protected;` (realm memory) or `kind unprotected;` "
						 "(memory shared with the host)");
		}
		if (!partial && !PROP_SET(r->size_p)) {
			d = diag_add(dl, ERR_MISSING_PROPERTY, ast->src, r->name.loc,
				       "region '%s' has no 'size'", r->name.text);
			diag_help(d, "add `%s` (or any multiple of 4 KiB)",
				  ast->yaml ? "size: 4KiB" : "size 4KiB;");
		}
		if (!partial && r->ngrants == 0) {
			d = diag_add(dl, ERR_REGION_WITHOUT_GRANT, ast->src, r->name.loc,
				       "region '%s' is granted to no realm", r->name.text);
			diag_help(d, "add `%s` (or write, readwrite), or remove the region",
				  ast->yaml ? "grants: {REALM: read}" : "grant REALM read;");
		}
		check_size_and_base(r, ast->src, dl);
	}
}

/* The documented limits: each reported once, at the first item past it. */
static void check_limits(const struct ast *ast, struct diag_list *dl)
{
	size_t ngrants = 0;
	struct diag *d;

	if (ast->nrealms > MICA_MAX_REALMS) {
		d = diag_add(dl, ERR_TOO_MANY_REALMS, ast->src, ast->realms[MICA_MAX_REALMS].name.loc,
			       "too many realms: %zu (the limit is %u)", ast->nrealms,
			       MICA_MAX_REALMS);
		diag_help(d, "split the pipeline into several policies");
	}
	if (ast->nregions > MICA_MAX_REGIONS) {
		d = diag_add(dl, ERR_TOO_MANY_REGIONS, ast->src, ast->regions[MICA_MAX_REGIONS].name.loc,
			       "too many regions: %zu (the limit is %u)", ast->nregions,
			       MICA_MAX_REGIONS);
		diag_help(d, "merge regions, or split the pipeline into several policies");
	}
	for (size_t i = 0; i < ast->nregions; i++) {
		ngrants += ast->regions[i].ngrants;
		if (ngrants > MICA_MAX_GRANTS) {
			d = diag_add(dl, ERR_TOO_MANY_GRANTS, ast->src, ast->regions[i].name.loc,
				       "too many grants: more than %u", MICA_MAX_GRANTS);
			diag_help(d, "split the pipeline into several policies");
			break;
		}
	}
	if (ast->ncalls > MICA_MAX_CALLS) {
		d = diag_add(dl, ERR_TOO_MANY_CALLS, ast->src, ast->calls[MICA_MAX_CALLS].loc,
			       "too many calls: %zu (the limit is %u)", ast->ncalls, MICA_MAX_CALLS);
		diag_help(d, "split the pipeline into several policies");
	}
}

void check_ast(const struct ast *ast, bool partial, struct diag_list *dl)
{
	check_policy_blocks(ast, partial, dl);
	check_realms(ast, partial, dl);
	check_regions(ast, partial, dl);
	check_limits(ast, dl);
	check_names(ast, partial, dl);
}
