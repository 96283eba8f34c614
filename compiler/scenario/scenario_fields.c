/* scenario_fields.c - one event's mapping of fields (see scenario_fields.h).
 *
 * A table says which fields each event takes; every value is a scalar, read
 * by what it fills in (its target). Realm instances are resolved here, in
 * file order, so a step can only name a realm an earlier step created. */
#include <stdlib.h>
#include <string.h>

#include "blob/digest.h"
#include "util/number.h"
#include "scenario/scenario_fields.h"
#include "util/suggest.h"
#include "util/xalloc.h"

/* The events by name: the reader looks keys up here, the printer and the
 * field checks name events with it. */
const char *const scn_kind_names[SCN_KIND_COUNT] = {
	[SCN_LOAD] = "load", [SCN_CREATE] = "create", [SCN_BIND] = "bind",
	[SCN_ACTIVATE] = "activate", [SCN_MAP_NS] = "map_unprotected",
	[SCN_SHARE] = "share", [SCN_UNSHARE] = "unshare", [SCN_DATA_DESTROY] = "data_destroy",
	[SCN_SHARED] = "shared",
	[SCN_HOSTCALL] = "host_call", [SCN_MMIO] = "mmio", [SCN_CALL] = "call", [SCN_TAKE] = "take",
	[SCN_REPLY] = "reply", [SCN_DESTROY] = "destroy", [SCN_UNLOAD] = "unload",
};

enum target {
	T_REALM, T_NEW_REALM, T_PEER, T_FILE, T_NAME, T_RPV, T_RIM, T_IPA, T_SIZE, T_WRITE,
	T_CORRUPT, T_TRUNCATE, T_IPA_BITS, T_READ, T_OFFSET, T_SLOT, T_UNLOAD_FILE,
};

/* How a field is required: always, or as one of the fields marked ONE_OF
 * (exactly one of them), or only beside another field (`offset` names a
 * place in a `region`). */
enum need { OPTIONAL, REQUIRED, ONE_OF };

struct field {
	const char *key;	/* NULL ends a list */
	enum target t;
	enum need need;
	const char *beside;	/* NULL, or the field it only goes with */
};

/* A field that goes with any other. */
#define F(key, t, need) {(key), (t), (need), NULL}

/* A page of a protected region: by IPA, or by region name and offset. */
#define PAGE_FIELDS F("ipa", T_IPA, ONE_OF), F("region", T_NAME, ONE_OF), \
	{"offset", T_OFFSET, OPTIONAL, "region"}

#define MAX_FIELDS 6
static const struct field event_fields[SCN_KIND_COUNT][MAX_FIELDS + 1] = {
	[SCN_LOAD] = {F("file", T_FILE, REQUIRED), F("corrupt_byte", T_CORRUPT, OPTIONAL),
		      F("truncate", T_TRUNCATE, OPTIONAL)},
	[SCN_CREATE] = {F("realm", T_NEW_REALM, REQUIRED), F("rpv", T_RPV, REQUIRED),
			F("ipa_bits", T_IPA_BITS, OPTIONAL)},
	[SCN_BIND] = {F("realm", T_REALM, REQUIRED), F("role", T_NAME, REQUIRED)},
	[SCN_ACTIVATE] = {F("realm", T_REALM, REQUIRED), F("rim", T_RIM, OPTIONAL)},
	[SCN_MAP_NS] = {F("realm", T_REALM, REQUIRED), F("ipa", T_IPA, REQUIRED), F("size", T_SIZE, OPTIONAL),
			F("write", T_WRITE, OPTIONAL), F("read", T_READ, OPTIONAL)},
	[SCN_SHARE] = {F("realm", T_REALM, REQUIRED), F("owner", T_PEER, REQUIRED), PAGE_FIELDS,
		       F("write", T_WRITE, OPTIONAL)},
	[SCN_UNSHARE] = {F("realm", T_REALM, REQUIRED), F("owner", T_PEER, OPTIONAL), PAGE_FIELDS},
	[SCN_DATA_DESTROY] = {F("realm", T_REALM, REQUIRED), PAGE_FIELDS},
	[SCN_SHARED] = {F("realm", T_REALM, REQUIRED), PAGE_FIELDS},
	[SCN_HOSTCALL] = {F("realm", T_REALM, REQUIRED)},
	[SCN_MMIO] = {F("realm", T_REALM, REQUIRED), F("ipa", T_IPA, OPTIONAL), F("write", T_WRITE, OPTIONAL)},
	[SCN_CALL] = {F("realm", T_REALM, REQUIRED), F("callee", T_NAME, REQUIRED)},
	[SCN_TAKE] = {F("realm", T_REALM, REQUIRED)},
	[SCN_REPLY] = {F("realm", T_REALM, REQUIRED)},
	[SCN_DESTROY] = {F("realm", T_REALM, REQUIRED)},
	[SCN_UNLOAD] = {F("slot", T_SLOT, ONE_OF), F("file", T_UNLOAD_FILE, ONE_OF)},
};

bool scn_scalar(struct scn_reader *r, const char *what)
{
	size_t len;

	if (!yev_expect(&r->y, YAML_SCALAR_EVENT, what))
		return false;
	if (yev_text(&r->y, &len) && len == 0) {
		yev_error(&r->y, ERR_SYNTAX, yev_loc(&r->y), "expected %s, found nothing", what);
		return false;
	}
	return true;
}

size_t scn_add_file(struct scenario *s, const char *name)
{
	for (size_t i = 0; i < s->nfiles; i++)
		if (strcmp(s->files[i], name) == 0)
			return i;
	xgrow(&s->files, &s->files_cap, s->nfiles, sizeof(*s->files));
	s->files[s->nfiles] = xstrdup(name);
	return s->nfiles++;
}

static bool find_realm(const struct scenario *s, const char *name, size_t *idx)
{
	for (size_t i = 0; i < s->nrealms; i++)
		if (strcmp(s->realms[i], name) == 0) {
			*idx = i;
			return true;
		}
	return false;
}

static bool realm_ref(struct scn_reader *r, const char *name, size_t *idx)
{
	struct diag *d;
	const char *best;

	if (find_realm(r->s, name, idx))
		return true;
	d = yev_error(&r->y, ERR_UNKNOWN_INSTANCE, yev_loc(&r->y), "unknown realm '%s'", name);
	best = suggest_name(name, (const char *const *)r->s->realms, r->s->nrealms);
	if (best)
		diag_help(d, "did you mean '%s'?", best);
	else
		diag_help(d, "an earlier step must create it: `create: {realm: %s, rpv: policy}`",
			  name);
	return false;
}

static bool realm_new(struct scn_reader *r, const char *name, size_t *idx)
{
	if (find_realm(r->s, name, idx)) {
		diag_help(yev_error(&r->y, ERR_INSTANCE_CREATED_TWICE, yev_loc(&r->y), "realm '%s' is created twice",
				    name),
			  "give each realm instance its own name");
		return false;
	}
	xgrow(&r->s->realms, &r->s->realms_cap, r->s->nrealms, sizeof(*r->s->realms));
	r->s->realms[r->s->nrealms] = xstrdup(name);
	*idx = r->s->nrealms++;
	return true;
}

bool scn_number(struct scn_reader *r, const char *s, size_t len, uint64_t *out)
{
	enum number_status ns = parse_number(s, len, out);

	if (ns == NUMBER_OK)
		return true;
	diag_help(yev_error(&r->y, ERR_INVALID_NUMBER, yev_loc(&r->y),
			    ns == NUMBER_OVERFLOW ? "number '%.*s' does not fit in 64 bits"
						  : "invalid number '%.*s'",
			    (int)len, s),
		  "numbers are decimal (4096) or hex (0x1000), optionally followed by KiB, MiB "
		  "or GiB (4KiB)");
	return false;
}

static bool boolean(struct scn_reader *r, const char *key, const char *s, size_t len, bool *out)
{
	if (yev_plain(&r->y) && (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)) {
		*out = s[0] == 't';
		return true;
	}
	diag_help(yev_error(&r->y, ERR_UNKNOWN_VALUE, yev_loc(&r->y), "unknown boolean '%.*s'", (int)len, s),
		  "`%s` takes true or false (unquoted)", key);
	return false;
}

/* A RIM: exactly a SHA-256, SHA-384 or SHA-512 digest in hex. */
static bool rim(struct scn_reader *r, const char *s, size_t len, struct scn_bytes *b)
{
	if ((len == 64 || len == 96 || len == 128) && hex_decode(s, b->v, len / 2) == 0) {
		b->n = len / 2;
		return true;
	}
	diag_help(yev_error(&r->y, ERR_INVALID_MEASUREMENT, yev_loc(&r->y), "invalid RIM '%.*s'", (int)len, s),
		  "a RIM is 64, 96 or 128 hex digits (SHA-256, SHA-384 or SHA-512)");
	return false;
}

/* An RPV: `policy`, `policy:FILE`, or up to 64 bytes in hex. */
static bool rpv(struct scn_reader *r, const char *s, size_t len, struct scn_step *st)
{
	if (strcmp(s, "policy") == 0 || (strncmp(s, "policy:", 7) == 0 && len > 7)) {
		st->rpv_from = RPV_POLICY;
		st->file = len == 6 ? SCN_MAIN_POLICY : scn_add_file(r->s, s + 7);
		return true;
	}
	st->rpv_from = RPV_HEX;
	if (len > 0 && len % 2 == 0 && len <= 2 * RPV_SIZE && hex_decode(s, st->bytes.v, len / 2) == 0) {
		st->bytes.n = len / 2;
		return true;
	}
	diag_help(yev_error(&r->y, ERR_INVALID_RPV, yev_loc(&r->y), "invalid RPV '%.*s'", (int)len, s),
		  "an RPV is `policy` (the loaded policy's digest), `policy:FILE`, or an even "
		  "number of hex digits, at most 128 (zero-padded on the right to 64 bytes)");
	return false;
}

static bool ipa_bits(struct scn_reader *r, const char *s, size_t len, unsigned *out)
{
	uint64_t v;

	if (!scn_number(r, s, len, &v))
		return false;
	if (v >= 32 && v <= 52) {
		*out = (unsigned)v;
		return true;
	}
	yev_error(&r->y, ERR_VALUE_OUT_OF_RANGE, yev_loc(&r->y), "ipa_bits %.*s is outside 32..52", (int)len, s);
	return false;
}

/* Fills the target of F from the current scalar. */
static void apply(struct scn_reader *r, const struct field *f, struct scn_step *st)
{
	size_t len;
	const char *s = yev_text(&r->y, &len);

	switch (f->t) {
	case T_REALM: realm_ref(r, s, &st->realm); break;
	case T_PEER: st->has_peer = realm_ref(r, s, &st->peer); break;
	case T_NEW_REALM: realm_new(r, s, &st->realm); break;
	case T_FILE: st->file = scn_add_file(r->s, s); break;
	case T_NAME: free(st->name); st->name = xstrndup(s, len); break;
	case T_RPV: rpv(r, s, len, st); break;
	case T_RIM: rim(r, s, len, &st->bytes); break;
	case T_IPA: st->has_ipa = scn_number(r, s, len, &st->ipa); break;
	case T_SIZE: scn_number(r, s, len, &st->size); break;
	case T_WRITE: boolean(r, f->key, s, len, &st->write); break;
	case T_READ: boolean(r, f->key, s, len, &st->read); break;
	case T_CORRUPT: st->corrupt = scn_number(r, s, len, &st->corrupt_at); break;
	case T_TRUNCATE: st->truncate = scn_number(r, s, len, &st->truncate_to); break;
	case T_IPA_BITS: ipa_bits(r, s, len, &st->ipa_bits); break;
	case T_OFFSET: scn_number(r, s, len, &st->offset); break;
	case T_SLOT: scn_number(r, s, len, &st->slot); break;	/* any: the RMM refuses a bad one */
	case T_UNLOAD_FILE: st->has_file = true; st->file = scn_add_file(r->s, s); break;
	}
}

static void unknown_field(struct scn_reader *r, const struct field *fs, const char *event,
			  const char *key, loc_t loc)
{
	const char *names[MAX_FIELDS];
	char list[96] = "";
	size_t n = 0;
	const char *best;
	struct diag *d;

	for (; n < MAX_FIELDS && fs[n].key; n++) {
		names[n] = fs[n].key;
		strcat(list, n ? ", " : "");
		strcat(list, names[n]);
	}
	d = yev_error(&r->y, ERR_SYNTAX, loc, "unknown key '%s' in %s", key, event);
	best = suggest_name(key, names, n);
	if (best)
		diag_help(d, "did you mean '%s'? %s keys: %s", best, event, list);
	else
		diag_help(d, "%s keys: %s", event, list);
}

/* One key and its value; SEEN records where each field was given. */
static void read_field(struct scn_reader *r, struct scn_step *st, loc_t *seen)
{
	const struct field *fs = event_fields[st->kind];
	const char *event = scn_kind_names[st->kind];
	const struct field *f = NULL;
	loc_t at = yev_loc(&r->y);
	size_t i = 0;

	if (scn_scalar(r, "a key")) {
		const char *key = yev_text(&r->y, &(size_t){0});

		while (i < MAX_FIELDS && fs[i].key && strcmp(fs[i].key, key) != 0)
			i++;
		f = i < MAX_FIELDS && fs[i].key ? &fs[i] : NULL;
		if (!f)
			unknown_field(r, fs, event, key, at);
		else if (seen[i].line) {
			diag_note(yev_error(&r->y, ERR_PROPERTY_SET_TWICE, at, "'%s' is set twice in %s", key, event),
				  seen[i], "first set here");
			f = NULL;
		}
	}
	if (!yev_next(&r->y))
		return;
	if (f) {
		seen[i] = at;
		if (scn_scalar(r, "a value"))
			apply(r, f, st);
	}
	yev_skip(&r->y);
}

/* The fields marked ONE_OF: exactly one of them must be given. */
static void check_one_of(struct scn_reader *r, const struct scn_step *st, const struct field *fs,
			 const loc_t *seen)
{
	const char *event = scn_kind_names[st->kind];
	const char *keys[MAX_FIELDS];
	size_t n = 0, given = 0, first = 0, second = 0;
	struct diag *d;

	for (size_t i = 0; i < MAX_FIELDS && fs[i].key; i++) {
		if (fs[i].need != ONE_OF)
			continue;
		keys[n++] = fs[i].key;
		if (!seen[i].line)
			continue;
		if (given++ == 0)
			first = i;
		else if (given == 2)
			second = i;
	}
	if (n == 0 || given == 1)
		return;
	if (given == 0) {
		diag_help(yev_error(&r->y, ERR_SYNTAX, st->loc, "%s has neither '%s' nor '%s'", event,
				    keys[0], keys[1]),
			  "add `%s:` or `%s:` (docs/scenarios.md)", keys[0], keys[1]);
		return;
	}
	d = yev_error(&r->y, ERR_SYNTAX, seen[second], "%s takes '%s' or '%s', not both", event,
		      fs[first].key, fs[second].key);
	diag_note(d, seen[first], "'%s' given here", fs[first].key);
	diag_help(d, "remove one of them");
}

/* A field that only goes beside another (`offset` into a `region`). */
static void check_beside(struct scn_reader *r, const struct scn_step *st, const struct field *fs,
			 const loc_t *seen)
{
	for (size_t i = 0; i < MAX_FIELDS && fs[i].key; i++) {
		size_t j = 0;

		if (!fs[i].beside || !seen[i].line)
			continue;
		while (j < MAX_FIELDS && fs[j].key && strcmp(fs[j].key, fs[i].beside) != 0)
			j++;
		if (!seen[j].line)
			diag_help(yev_error(&r->y, ERR_SYNTAX, seen[i], "'%s' in %s goes only with '%s'",
					    fs[i].key, scn_kind_names[st->kind], fs[i].beside),
				  "give the page as `%s: NAME, %s: N`, or by `ipa` alone", fs[i].beside,
				  fs[i].key);
	}
}

void scn_read_event(struct scn_reader *r, struct scn_step *st)
{
	const struct field *fs = event_fields[st->kind];
	loc_t seen[MAX_FIELDS];
	char what[64];

	snprintf(what, sizeof(what), "a mapping of %s's fields", scn_kind_names[st->kind]);
	if (!yev_expect(&r->y, YAML_MAPPING_START_EVENT, what))
		return;
	memset(seen, 0, sizeof(seen));
	while (yev_next(&r->y) && yev_type(&r->y) != YAML_MAPPING_END_EVENT)
		read_field(r, st, seen);
	if (r->y.stop)
		return;
	for (size_t i = 0; i < MAX_FIELDS && fs[i].key; i++)
		if (fs[i].need == REQUIRED && !seen[i].line)
			yev_error(&r->y, ERR_SYNTAX, st->loc, "%s has no '%s'", scn_kind_names[st->kind],
				  fs[i].key);
	check_one_of(r, st, fs, seen);
	check_beside(r, st, fs, seen);
}
