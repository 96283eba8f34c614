/* yaml_front.c - the YAML form of a policy, read into the same syntax tree
 * the Mica parser builds (docs/language.md, "YAML form"):
 *
 *   policy:  {name, version, digest, ipa_bits}
 *   realms:  {NAME: {trust, measurement, hostcall, mmio}, ...}
 *   regions: {NAME: {kind, size, at, grants: {REALM: PERM, ...}}, ...}
 *   calls:   [{from, to, oneway}, ...]
 *   asserts: [{from, to}, ...]
 *
 * Every mapping of properties is described by a table of fields (key, how
 * its value is read, where it goes), so one loop reads them all and reports
 * unknown, repeated and missing keys the same way. Checks that do not depend
 * on the notation (duplicate names, duplicate grants, ranges) are left to
 * check_ast, which then reports them exactly as for the Mica form. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/yaml_front.h"
#include "syntax/keywords.h"
#include "syntax/lex.h"
#include "util/number.h"
#include "util/suggest.h"
#include "util/xalloc.h"
#include "syntax/yaml_events.h"

struct yfront {
	struct yaml_events y;
	struct ast *ast;
};

enum yfield_type {
	F_NAME,		/* ident_t */
	F_NUMBER,	/* uint64_t, Mica number spellings */
	F_KEYWORD,	/* uint8_t, from a keyword_set */
	F_BOOL,		/* bool; the property counts as set only when true */
	F_STRING,	/* char * */
	F_CUSTOM,	/* read by a function */
};

#define NO_PROP SIZE_MAX

struct yfield {
	const char *key;
	enum yfield_type type;
	size_t value_off;		/* offset of the value in the item */
	size_t prop_off;		/* offset of its prop_t, or NO_PROP */
	bool required;			/* a syntax element in the Mica form */
	bool loc_at_value;		/* the Mica form locates it at the value */
	const struct keyword_set *kw;	/* F_KEYWORD */
	void (*read)(struct yfront *f, loc_t key);	/* F_CUSTOM */
};

/* A mapping of properties: its kind ("realm", for "realm keys: ..."), what
 * messages call it when it has no name of its own ("the policy"; NULL for
 * realms and regions, named by their key), and its fields. */
struct yblock {
	const char *what;
	const char *where;
	const struct yfield *fields;
	size_t n;
};

#define YBLOCK(what, where, fields) {what, where, fields, sizeof(fields) / sizeof(fields[0])}
#define MAX_FIELDS 8

static bool is_name_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	       (!first && c >= '0' && c <= '9');
}

/* Reports the character at S[I] that has no place in the name S[0..LEN),
 * with the code and advice the Mica lexer gives for the same mistake. */
static void bad_name_char(struct yfront *f, const char *s, size_t len, size_t i, loc_t loc)
{
	unsigned char c = (unsigned char)s[i];
	struct diag *d;

	if (c >= 0x80) {
		d = yev_error(&f->y, ERR_INVALID_CHARACTER, loc, "non-ASCII character in name '%.*s'", (int)len, s);
		diag_help(d, "names are ASCII letters, digits and '_': names end up in an attested "
			  "blob, where look-alike letters would be confusing");
	} else if (c == '-') {
		char *fixed = xstrndup(s, len);

		for (char *p = fixed; *p; p++)
			if (*p == '-')
				*p = '_';
		d = yev_error(&f->y, ERR_INVALID_CHARACTER, loc, "'-' is not allowed in names: '%.*s'", (int)len, s);
		diag_help(d, "write '%s'", fixed);
		free(fixed);
	} else if (c < 0x20 || c == 0x7f) {
		d = yev_error(&f->y, ERR_INVALID_CHARACTER, loc, "byte 0x%02x is not allowed in names", c);
		diag_help(d, "names are ASCII letters, digits and '_'");
	} else {
		d = yev_error(&f->y, ERR_INVALID_CHARACTER, loc, "'%c' is not allowed in names: '%.*s'", c, (int)len,
			      s);
		diag_help(d, "names are ASCII letters, digits and '_'");
	}
}

/* Reports what makes S (a YAML scalar at LOC) unusable as a Mica name. */
static void check_name(struct yfront *f, const char *s, size_t len, loc_t loc)
{
	struct diag *d;
	size_t i = 0;

	while (i < len && is_name_char(s[i], i == 0))
		i++;
	if (len == 0) {
		yev_error(&f->y, ERR_SYNTAX, loc, "expected a name, found an empty string");
	} else if (i == 0 && s[0] >= '0' && s[0] <= '9') {
		d = yev_error(&f->y, ERR_SYNTAX, loc, "name '%.*s' starts with a digit", (int)len, s);
		diag_help(d, "names start with a letter or '_'");
	} else if (i < len) {
		bad_name_char(f, s, len, i, loc);
	} else if (len > MICA_NAME_MAX) {
		d = yev_error(&f->y, ERR_IDENTIFIER_TOO_LONG, loc, "name is %zu bytes long; names are at most %u bytes",
			      len, MICA_NAME_MAX);
		diag_help(d, "choose a shorter name");
	} else if (lex_is_reserved(s, len)) {
		d = yev_error(&f->y, ERR_SYNTAX, loc, "'%.*s' is a keyword and cannot be a name",
			      (int)len, s);
		diag_help(d, "choose another name");
	}
}

/* The current scalar as a name (reported when malformed, kept anyway so
 * that its uses do not cascade into "undeclared" errors). */
static void take_name(struct yfront *f, ident_t *id)
{
	size_t len;
	const char *s = yev_text(&f->y, &len);

	id->loc = yev_loc(&f->y);
	check_name(f, s, len, id->loc);
	id->text = intern(f->y.src->names, s, len);
}

/* Is the current node a non-empty scalar? Else reports "expected WHAT". */
static bool scalar_value(struct yfront *f, const char *what)
{
	size_t len;

	if (!yev_expect(&f->y, YAML_SCALAR_EVENT, what))
		return false;
	if (yev_text(&f->y, &len) && len == 0 && yev_plain(&f->y)) {
		yev_error(&f->y, ERR_SYNTAX, yev_loc(&f->y), "expected %s, found nothing", what);
		return false;
	}
	return true;
}

static loc_t span(loc_t from, loc_t to)
{
	from.end_line = to.end_line;
	from.end_col = to.end_col;
	return from;
}

/* Reads a number with the Mica spellings; false (reported) when malformed. */
static bool read_number(struct yfront *f, uint64_t *out)
{
	size_t len;
	const char *s = yev_text(&f->y, &len);
	struct diag *d;

	switch (parse_number(s, len, out)) {
	case NUMBER_OK:
		return true;
	case NUMBER_OVERFLOW:
		d = yev_error(&f->y, ERR_INVALID_NUMBER, yev_loc(&f->y), "number '%.*s' does not fit in 64 bits",
			      (int)len, s);
		diag_help(d, "the largest number is 18446744073709551615 (0xffffffffffffffff)");
		break;
	default:
		d = yev_error(&f->y, ERR_INVALID_NUMBER, yev_loc(&f->y), "invalid number '%.*s'", (int)len, s);
		diag_help(d, "numbers are decimal (4096) or hex (0x1000), optionally followed by "
			  "KiB, MiB or GiB (4KiB)");
		break;
	}
	*out = 0;
	return false;
}

/* Booleans are exactly `true` and `false`, unquoted: YAML 1.1's yes/no/on/off
 * are refused rather than guessed at. */
static bool read_bool(struct yfront *f, const char *key, bool *out)
{
	size_t len;
	const char *s = yev_text(&f->y, &len);
	struct diag *d;

	if (yev_plain(&f->y) && (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)) {
		*out = s[0] == 't';
		return true;
	}
	d = yev_error(&f->y, ERR_UNKNOWN_VALUE, yev_loc(&f->y), "unknown boolean '%.*s'", (int)len, s);
	diag_help(d, "`%s` takes true or false (unquoted)", key);
	return false;
}

/* Reads the value of field FD into ITEM; the current event is the value's
 * first. Returns false when the value was refused (already reported). */
static bool read_field(struct yfront *f, const struct yfield *fd, void *item, loc_t key)
{
	char *at;
	prop_t *p;
	bool ok = true;
	loc_t where;

	if (fd->type == F_CUSTOM) {
		fd->read(f, key);
		return true;
	}
	at = (char *)item + fd->value_off;
	p = fd->prop_off == NO_PROP ? NULL : (prop_t *)((char *)item + fd->prop_off);
	if (!scalar_value(f, fd->type == F_NAME ? "a name" : "a value"))
		return false;
	where = fd->loc_at_value ? yev_loc(&f->y) : span(key, yev_loc(&f->y));
	switch (fd->type) {
	case F_NAME:
		take_name(f, (ident_t *)at);
		break;
	case F_NUMBER:
		ok = read_number(f, (uint64_t *)at);
		break;
	case F_KEYWORD:
		*(uint8_t *)at = keyword_lookup(fd->kw, yev_text(&f->y, &(size_t){0}), f->y.dl,
						f->y.src, yev_loc(&f->y));
		ok = *(uint8_t *)at != 0;
		break;
	case F_BOOL:
		ok = read_bool(f, fd->key, (bool *)at);
		/* `hostcall: false` is the default, as if the line were absent. */
		if (ok && !*(bool *)at)
			p = NULL;
		break;
	case F_STRING: {
		size_t len;
		const char *s = yev_text(&f->y, &len);

		free(*(char **)at);
		*(char **)at = xstrndup(s, len);
		break;
	}
	case F_CUSTOM:
		break;
	}
	if (p) {
		p->loc = where;
		p->invalid = !ok;
	}
	return ok;
}

static const struct yfield *find_field(const struct yblock *b, const char *key, size_t *idx)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->fields[i].key, key) == 0) {
			*idx = i;
			return &b->fields[i];
		}
	return NULL;
}

/* The mapping of B called NAME (NULL: B's only one), as messages name it
 * ("realm 'camera'", "the policy"); built only for a message. The caller
 * frees it. */
static char *where_of(const struct yblock *b, const char *name)
{
	return name ? xasprintf("%s '%s'", b->what, name) : xstrdup(b->where);
}

static void unknown_key(struct yfront *f, const struct yblock *b, const char *name,
			const char *key, loc_t loc)
{
	char *where = where_of(b, name);

	const char *names[MAX_FIELDS];
	unsigned grants[MAX_FIELDS];
	char list[160] = "";
	const char *best;
	struct diag *d;

	for (size_t i = 0; i < b->n; i++) {
		names[i] = b->fields[i].key;
		/* A realm's flags are its exits to the host: 'nohostcall' must
		 * not be answered with 'hostcall'. */
		grants[i] = strcmp(b->what, "realm") == 0 && b->fields[i].type == F_BOOL ? GRANTS_HOST : 0;
		strcat(list, i == 0 ? "" : ", ");
		strcat(list, names[i]);
	}
	d = yev_error(&f->y, ERR_SYNTAX, loc, "unknown key '%s' in %s", key, where);
	free(where);
	best = suggest_value(key, names, grants, b->n);
	if (best)
		diag_help(d, "did you mean '%s'? %s keys: %s", best, b->what, list);
	else
		diag_help(d, "%s keys: %s", b->what, list);
}

static void repeated_key(struct yfront *f, const struct yblock *b, const char *name, const char *key,
			 loc_t loc, loc_t first)
{
	char *where = where_of(b, name);
	struct diag *d = yev_error(&f->y, ERR_PROPERTY_SET_TWICE, loc, "'%s' is set twice in %s", key, where);

	free(where);

	diag_note(d, first, "first set here");
	diag_help(d, "remove one of the two keys");
}

/* Reads one key of a property mapping and its value. SEEN records where each
 * field was given, to report repeats; the first value is kept. */
static void read_key(struct yfront *f, const struct yblock *b, const char *bname, void *item,
		     loc_t *seen)
{
	const struct yfield *fd = NULL;
	size_t idx = 0;
	loc_t key = yev_loc(&f->y);

	if (scalar_value(f, "a key")) {
		const char *name = yev_text(&f->y, &(size_t){0});

		fd = find_field(b, name, &idx);
		if (!fd)
			unknown_key(f, b, bname, name, key);
		else if (seen[idx].line) {
			repeated_key(f, b, bname, name, key, seen[idx]);
			fd = NULL;
		}
	}
	if (!yev_next(&f->y))
		return;
	if (fd) {
		seen[idx] = span(key, yev_loc(&f->y));
		read_field(f, fd, item, key);
	}
	yev_skip(&f->y);
}

/* Reads a mapping of B's properties into ITEM; the current event is the
 * node's first. NAME is the realm's or region's (NULL for the other
 * blocks), for messages (where_of); required fields that are missing are
 * reported at AT. */
static void read_block(struct yfront *f, const struct yblock *b, void *item, loc_t at,
		       const char *expected, const char *name)
{
	loc_t seen[MAX_FIELDS];

	if (!yev_expect(&f->y, YAML_MAPPING_START_EVENT, expected))
		return;
	memset(seen, 0, sizeof(seen));
	while (yev_next(&f->y) && yev_type(&f->y) != YAML_MAPPING_END_EVENT)
		read_key(f, b, name, item, seen);
	if (f->y.stop)
		return;
	for (size_t i = 0; i < b->n; i++)
		if (b->fields[i].required && !seen[i].line) {
			char *where = where_of(b, name);

			yev_error(&f->y, ERR_SYNTAX, at, "%s has no '%s'", where, b->fields[i].key);
			free(where);
		}
}

#define FIELD(st, key, type, val, prop, at_value, kw)                                  \
	{key, type, offsetof(st, val), offsetof(st, prop), false, at_value, kw, NULL}
#define PLAIN(st, key, type, val, required)                                            \
	{key, type, offsetof(st, val), NO_PROP, required, false, NULL, NULL}

static const struct yfield policy_fields[] = {
	PLAIN(struct ast_policy, "name", F_NAME, name, true),
	FIELD(struct ast_policy, "version", F_NUMBER, version, version_p, true, NULL),
	FIELD(struct ast_policy, "digest", F_KEYWORD, digest, digest_p, false, &kw_digest),
	FIELD(struct ast_policy, "ipa_bits", F_NUMBER, ipa_bits, ipa_bits_p, true, NULL),
};
static const struct yblock policy_block = YBLOCK("policy", "the policy", policy_fields);

static const struct yfield realm_fields[] = {
	FIELD(struct ast_realm, "trust", F_KEYWORD, trust, trust_p, false, &kw_trust),
	FIELD(struct ast_realm, "measurement", F_STRING, measurement, measurement_p, true, NULL),
	FIELD(struct ast_realm, "hostcall", F_BOOL, hostcall, hostcall_p, false, NULL),
	FIELD(struct ast_realm, "mmio", F_BOOL, mmio, mmio_p, false, NULL),
};
static const struct yblock realm_block = YBLOCK("realm", NULL, realm_fields);

static void read_grants(struct yfront *f, loc_t key);

static const struct yfield region_fields[] = {
	FIELD(struct ast_region, "kind", F_KEYWORD, kind, kind_p, false, &kw_kind),
	FIELD(struct ast_region, "size", F_NUMBER, size, size_p, true, NULL),
	FIELD(struct ast_region, "at", F_NUMBER, at, at_p, true, NULL),
	{"grants", F_CUSTOM, 0, NO_PROP, false, false, NULL, read_grants},
};
static const struct yblock region_block = YBLOCK("region", NULL, region_fields);

static const struct yfield call_fields[] = {
	PLAIN(struct ast_call, "from", F_NAME, from, true),
	PLAIN(struct ast_call, "to", F_NAME, to, true),
	PLAIN(struct ast_call, "oneway", F_BOOL, oneway, false),
};
static const struct yblock call_block = YBLOCK("call", "a call", call_fields);

static const struct yfield assert_fields[] = {
	PLAIN(struct ast_assert, "from", F_NAME, from, true),
	PLAIN(struct ast_assert, "to", F_NAME, to, true),
};
static const struct yblock assert_block = YBLOCK("assert", "an assert", assert_fields);

/* The region whose properties are being read: the last one added. */
static struct ast_region *cur_region(struct yfront *f)
{
	return &f->ast->regions[f->ast->nregions - 1];
}

/* grants: {REALM: PERM, ...}. A repeated realm becomes a second grant, which
 * check_ast reports as E0207, as it does for the Mica form. */
static void read_grants(struct yfront *f, loc_t key)
{
	(void)key;
	if (!yev_expect(&f->y, YAML_MAPPING_START_EVENT, "a mapping of realm names to permissions"))
		return;
	while (yev_next(&f->y) && yev_type(&f->y) != YAML_MAPPING_END_EVENT) {
		ident_t realm = {NULL, {0, 0, 0, 0}};
		struct ast_grant *g;

		if (!scalar_value(f, "a realm name")) {
			if (yev_next(&f->y))
				yev_skip(&f->y);
			continue;
		}
		take_name(f, &realm);
		if (!yev_next(&f->y) || !scalar_value(f, "a permission"))
			continue;
		g = ast_add_grant(f->ast, cur_region(f));
		g->realm = realm;
		g->perm = keyword_lookup(&kw_perm, yev_text(&f->y, &(size_t){0}), f->y.dl, f->y.src,
					 yev_loc(&f->y));
		g->loc = span(realm.loc, yev_loc(&f->y));
	}
}

/* Adds a realm or region named by the current key. */
typedef void (*add_named_fn)(struct yfront *f, ident_t name, loc_t key);

static void add_realm(struct yfront *f, ident_t name, loc_t key)
{
	struct ast_realm *r = ast_add_realm(f->ast);

	r->name = name;
	r->loc = key;
	read_block(f, &realm_block, r, key, "a mapping of realm properties", name.text);
}

static void add_region(struct yfront *f, ident_t name, loc_t key)
{
	struct ast_region *r = ast_add_region(f->ast);

	r->name = name;
	r->loc = key;
	read_block(f, &region_block, r, key, "a mapping of region properties", name.text);
}

/* realms: / regions: a mapping from names to property mappings. Repeated
 * names are all added, so check_ast reports them (E0203) as for Mica. */
static void read_named(struct yfront *f, const char *expected, add_named_fn add)
{
	if (!yev_expect(&f->y, YAML_MAPPING_START_EVENT, expected))
		return;
	while (yev_next(&f->y) && yev_type(&f->y) != YAML_MAPPING_END_EVENT) {
		ident_t name = {NULL, {0, 0, 0, 0}};
		loc_t key = yev_loc(&f->y);

		if (!scalar_value(f, "a name")) {
			if (yev_next(&f->y))
				yev_skip(&f->y);
			continue;
		}
		take_name(f, &name);
		if (!yev_next(&f->y))
			return;
		add(f, name, key);
		yev_skip(&f->y);
	}
}

static void read_realms(struct yfront *f, loc_t key)
{
	(void)key;
	read_named(f, "a mapping of realm names", add_realm);
}

static void read_regions(struct yfront *f, loc_t key)
{
	(void)key;
	read_named(f, "a mapping of region names", add_region);
}

static void read_policy(struct yfront *f, loc_t key)
{
	struct ast_policy *p = ast_add_policy(f->ast);

	p->loc = key;
	read_block(f, &policy_block, p, key, "a mapping of policy properties", NULL);
	/* Every policy has a name in the tree, as the Mica grammar ensures. */
	if (!p->name.text) {
		p->name.text = intern(f->y.src->names, "", 0);
		p->name.loc = key;
	}
}

/* The span of the mapping that started at START, up to the last thing in it. */
static loc_t mapping_span(struct yfront *f, loc_t start)
{
	return span(start, yev_last(&f->y));
}

/* calls: / asserts: a sequence of {from, to, ...} mappings; an entry that
 * lacks from or to is reported and dropped. */
static void read_call(struct yfront *f)
{
	struct ast_call c;
	loc_t at = yev_loc(&f->y);

	memset(&c, 0, sizeof(c));
	read_block(f, &call_block, &c, at, "a mapping with from, to and optionally oneway", NULL);
	if (c.from.text && c.to.text) {
		c.loc = mapping_span(f, at);
		*ast_add_call(f->ast) = c;
	}
}

static void read_assert(struct yfront *f)
{
	struct ast_assert a;
	loc_t at = yev_loc(&f->y);

	memset(&a, 0, sizeof(a));
	read_block(f, &assert_block, &a, at, "a mapping with from and to", NULL);
	if (a.from.text && a.to.text) {
		a.loc = mapping_span(f, at);
		*ast_add_assert(f->ast) = a;
	}
}

static void read_sequence(struct yfront *f, const char *expected, void (*entry)(struct yfront *))
{
	if (!yev_expect(&f->y, YAML_SEQUENCE_START_EVENT, expected))
		return;
	while (yev_next(&f->y) && yev_type(&f->y) != YAML_SEQUENCE_END_EVENT)
		entry(f);
}

static void read_calls(struct yfront *f, loc_t key)
{
	(void)key;
	read_sequence(f, "a sequence of calls", read_call);
}

static void read_asserts(struct yfront *f, loc_t key)
{
	(void)key;
	read_sequence(f, "a sequence of asserts", read_assert);
}

#define SECTION(key, fn) {key, F_CUSTOM, 0, NO_PROP, false, false, NULL, fn}
static const struct yfield top_fields[] = {
	SECTION("policy", read_policy),   SECTION("realms", read_realms),
	SECTION("regions", read_regions), SECTION("calls", read_calls),
	SECTION("asserts", read_asserts),
};
static const struct yblock top_block = YBLOCK("top-level", "the document", top_fields);

/* The stream: at most one document, whose root is the top-level mapping. */
static void read_stream(struct yfront *f)
{
	size_t docs = 0;

	if (!yev_next(&f->y))	/* stream start */
		return;
	while (yev_next(&f->y) && yev_type(&f->y) == YAML_DOCUMENT_START_EVENT) {
		if (docs++) {
			struct diag *d = yev_error(&f->y, ERR_SYNTAX, yev_loc(&f->y),
						   "a policy file holds one YAML document");
			diag_help(d, "remove the second '---' and what follows, or split the file");
			return;
		}
		if (!yev_next(&f->y))
			return;
		read_block(f, &top_block, NULL, yev_loc(&f->y),
			   "a mapping with the keys policy, realms, regions, calls and asserts", NULL);
		yev_skip(&f->y);
		if (!yev_next(&f->y))	/* document end */
			return;
	}
}

int parse_yaml(struct ast *ast, struct diag_list *dl)
{
	struct yfront f;
	size_t before = diag_error_count(dl);

	memset(&f, 0, sizeof(f));
	f.ast = ast;
	ast->yaml = true;
	yev_open(&f.y, ast->src, dl);
	read_stream(&f);
	yev_close(&f.y);
	return diag_error_count(dl) > before ? -1 : 0;
}
