/* scenario_read.c - a scenario file (YAML) into a struct scenario.
 *
 *   description: "what the scenario shows"       (optional)
 *   limits: {share_refs: 2}                        (optional: the RMM's build limits)
 *   steps:
 *     - create: {realm: cam, rpv: policy}
 *       expect: allow
 *     - map_unprotected: {realm: cam, ipa: 0x8000000000, size: 4KiB, write: true}
 *       expect: deny
 *       reason: not granted                        (optional: words of the reason)
 *
 * Each step is one event plus its expectation. An event's value is a mapping
 * of scalars; they are collected first and then interpreted against the
 * event's field table, so every event shares one way of reporting unknown,
 * repeated, missing and malformed keys. Messages follow the YAML policy
 * front end's (same codes, same wording). */
#include <stdlib.h>
#include <string.h>

#include "mica_decide.h"

#include "scenario/scenario.h"
#include "scenario/scenario_fields.h"
#include "util/suggest.h"
#include "util/xalloc.h"
#include "syntax/yaml_events.h"

struct step_keys {
	loc_t event_at, expect_at, reason_at;	/* line 0: not given */
	bool has_event;
};

static void step_init(struct scn_step *st)
{
	memset(st, 0, sizeof(*st));
	st->size = 4096;	/* map_unprotected: one granule, readable, unless said */
	st->read = true;
}

/* Finds an event kind by name; SCN_KIND_COUNT when there is none. */
static enum scn_kind kind_lookup(const char *name)
{
	for (int k = 0; k < SCN_KIND_COUNT; k++)
		if (strcmp(scn_kind_names[k], name) == 0)
			return (enum scn_kind)k;
	return SCN_KIND_COUNT;
}

/* "load, create, ...": every event, for help lines. */
static const char *event_list(void)
{
	static char list[256];

	if (!list[0])
		for (int k = 0; k < SCN_KIND_COUNT; k++) {
			strcat(list, k ? ", " : "");
			strcat(list, scn_kind_names[k]);
		}
	return list;
}

/* Events of earlier versions of the format, and what replaced them. */
static const struct {
	const char *old, *now;
} renamed[] = {
	{"share_protected", "`share: {realm: READER, owner: WRITER, region: NAME}` (the reader "
			    "first: the host maps the owner's page into it)"},
	{"realm_call", "`call: {realm: CALLER, callee: ROLE}` (the callee is a role of the policy, "
		       "as RSI_MICA_CALL names it)"},
};

static void unknown_step_key(struct scn_reader *r, const char *key, loc_t loc)
{
	const char *names[SCN_KIND_COUNT + 2];
	const char *best;
	struct diag *d;

	for (int k = 0; k < SCN_KIND_COUNT; k++)
		names[k] = scn_kind_names[k];
	names[SCN_KIND_COUNT] = "expect";
	names[SCN_KIND_COUNT + 1] = "reason";
	d = yev_error(&r->y, ERR_SYNTAX, loc, "unknown event '%s'", key);
	for (size_t i = 0; i < sizeof(renamed) / sizeof(renamed[0]); i++)
		if (strcmp(key, renamed[i].old) == 0) {
			diag_help(d, "'%s' is now %s", key, renamed[i].now);
			return;
		}
	best = suggest_name(key, names, SCN_KIND_COUNT + 2);
	if (best)
		diag_help(d, "did you mean '%s'?", best);
	diag_help(d, "events: %s", event_list());
}

static void read_expect(struct scn_reader *r, struct scn_step *st)
{
	size_t len;
	const char *s;
	struct diag *d;

	if (!scn_scalar(r, "allow or deny"))
		return;
	s = yev_text(&r->y, &len);
	if (strcmp(s, "allow") == 0 || strcmp(s, "deny") == 0) {
		st->expect_allow = s[0] == 'a';
		return;
	}
	d = yev_error(&r->y, ERR_UNKNOWN_VALUE, yev_loc(&r->y), "unknown expectation '%.*s'", (int)len, s);
	diag_help(d, "`expect` takes allow or deny");
}

static void read_reason(struct scn_reader *r, struct scn_step *st)
{
	size_t len;
	const char *s;

	if (!scn_scalar(r, "the words the reason must contain"))
		return;
	s = yev_text(&r->y, &len);
	free(st->reason);
	st->reason = xstrndup(s, len);
}

static void repeated(struct scn_reader *r, const char *what, loc_t loc, loc_t first)
{
	struct diag *d = yev_error(&r->y, ERR_PROPERTY_SET_TWICE, loc, "%s is given twice in one step", what);

	diag_note(d, first, "first given here");
	diag_help(d, "one step holds one event, one `expect` and at most one `reason`");
}

/* One key of a step and its value; the current event is the key. */
static void read_step_key(struct scn_reader *r, struct scn_step *st, struct step_keys *k)
{
	loc_t at = yev_loc(&r->y);
	const char *key;
	enum scn_kind kind;

	if (!scn_scalar(r, "an event, expect or reason")) {
		if (yev_next(&r->y))
			yev_skip(&r->y);
		return;
	}
	key = yev_text(&r->y, &(size_t){0});
	kind = kind_lookup(key);
	if (strcmp(key, "expect") == 0 || strcmp(key, "reason") == 0) {
		/* The key's text goes with its event: decide before moving on. */
		bool expect = key[0] == 'e';
		loc_t *seen = expect ? &k->expect_at : &k->reason_at;
		bool again = seen->line != 0;

		if (again)
			repeated(r, expect ? "`expect`" : "`reason`", at, *seen);
		*seen = at;
		if (!yev_next(&r->y))
			return;
		if (!again)
			(expect ? read_expect : read_reason)(r, st);
	} else if (kind == SCN_KIND_COUNT) {
		unknown_step_key(r, key, at);
		k->has_event = true;	/* reported: "no event" would repeat it */
		k->event_at = at;
		if (yev_next(&r->y))
			yev_skip(&r->y);
		return;
	} else if (k->has_event) {
		repeated(r, "an event", at, k->event_at);
		if (yev_next(&r->y))
			yev_skip(&r->y);
		return;
	} else {
		k->has_event = true;
		k->event_at = at;
		st->kind = kind;
		st->loc = at;
		if (!yev_next(&r->y))
			return;
		scn_read_event(r, st);
	}
	yev_skip(&r->y);
}

static void read_step(struct scn_reader *r)
{
	struct scn_step st;
	struct step_keys k;
	loc_t at = yev_loc(&r->y);
	size_t before = diag_error_count(r->y.dl);

	step_init(&st);
	memset(&k, 0, sizeof(k));
	if (!yev_expect(&r->y, YAML_MAPPING_START_EVENT, "a step: an event and its `expect`"))
		return;
	while (yev_next(&r->y) && yev_type(&r->y) != YAML_MAPPING_END_EVENT)
		read_step_key(r, &st, &k);
	if (!r->y.stop && !k.has_event)
		diag_help(yev_error(&r->y, ERR_SYNTAX, at, "step has no event"), "add one of %s",
			  event_list());
	if (!r->y.stop && !k.expect_at.line)
		diag_help(yev_error(&r->y, ERR_SYNTAX, at, "step has no 'expect'"),
			  "say what the RMM should decide: `expect: allow` or `expect: deny`");
	if (diag_error_count(r->y.dl) != before) {
		free(st.reason);
		free(st.name);
		return;
	}
	xgrow(&r->s->steps, &r->s->cap, r->s->nsteps, sizeof(st));
	r->s->steps[r->s->nsteps++] = st;
}

static void read_steps(struct scn_reader *r)
{
	if (!yev_expect(&r->y, YAML_SEQUENCE_START_EVENT, "a sequence of steps"))
		return;
	while (yev_next(&r->y) && yev_type(&r->y) != YAML_SEQUENCE_END_EVENT)
		read_step(r);
}

static void read_share_refs(struct scn_reader *r)
{
	size_t len;
	const char *v = yev_text(&r->y, &len);
	uint64_t n;

	if (!scn_number(r, v, len, &n))
		return;
	if (n >= 1 && n <= MICA_SHARE_REFS_MAX) {
		r->s->share_refs = (uint32_t)n;
		return;
	}
	diag_help(yev_error(&r->y, ERR_VALUE_OUT_OF_RANGE, yev_loc(&r->y), "share_refs %.*s is outside 1..%u",
			    (int)len, v, MICA_SHARE_REFS_MAX),
		  "a build may only lower the RMM's bound, MICA_SHARE_REFS_MAX in mica_decide.h");
}

/* The RMM's build limits a scenario stands for: `limits: {share_refs: N}`
 * is an RMM built with -DMICA_SHARE_REFS_MAX=N, N at most the default. */
static void read_limits(struct scn_reader *r)
{
	if (!yev_expect(&r->y, YAML_MAPPING_START_EVENT, "a mapping of limits"))
		return;
	while (yev_next(&r->y) && yev_type(&r->y) != YAML_MAPPING_END_EVENT) {
		loc_t at = yev_loc(&r->y);
		const char *key = scn_scalar(r, "a key") ? yev_text(&r->y, &(size_t){0}) : NULL;
		bool refs = key && strcmp(key, "share_refs") == 0;

		if (key && !refs)
			diag_help(yev_error(&r->y, ERR_SYNTAX, at, "unknown limit '%s'", key),
				  "limits: share_refs (the RMM's MICA_SHARE_REFS_MAX)");
		if (!yev_next(&r->y))
			return;
		if (refs && r->s->share_refs)
			yev_error(&r->y, ERR_PROPERTY_SET_TWICE, at, "'share_refs' is set twice in limits");
		else if (refs && scn_scalar(r, "a number"))
			read_share_refs(r);
		yev_skip(&r->y);
	}
}

/* The document's root mapping: description, limits and steps. */
static void read_root(struct scn_reader *r, bool *has_steps)
{
	if (!yev_expect(&r->y, YAML_MAPPING_START_EVENT, "a mapping with description and steps"))
		return;
	while (yev_next(&r->y) && yev_type(&r->y) != YAML_MAPPING_END_EVENT) {
		loc_t at = yev_loc(&r->y);
		const char *key = scn_scalar(r, "a key") ? yev_text(&r->y, &(size_t){0}) : NULL;
		bool steps = key && strcmp(key, "steps") == 0;
		bool desc = key && strcmp(key, "description") == 0;
		bool limits = key && strcmp(key, "limits") == 0;

		if (key && !steps && !desc && !limits)
			diag_help(yev_error(&r->y, ERR_SYNTAX, at, "unknown key '%s' in the scenario", key),
				  "scenario keys: description, limits, steps");
		if (!yev_next(&r->y))
			return;
		if (limits) {
			read_limits(r);
		} else if (steps) {
			*has_steps = true;
			read_steps(r);
		} else if (desc && scn_scalar(r, "a description")) {
			free(r->s->description);
			r->s->description = xstrdup(yev_text(&r->y, &(size_t){0}));
		}
		yev_skip(&r->y);
	}
}

static void read_stream(struct scn_reader *r)
{
	bool has_steps = false;
	loc_t top = {1, 1, 1, 1};

	if (yev_next(&r->y) && yev_next(&r->y) &&
	    yev_type(&r->y) == YAML_DOCUMENT_START_EVENT && yev_next(&r->y)) {
		read_root(r, &has_steps);
		yev_skip(&r->y);
		if (yev_next(&r->y) && yev_next(&r->y) && yev_type(&r->y) == YAML_DOCUMENT_START_EVENT)
			diag_help(yev_error(&r->y, ERR_SYNTAX, yev_loc(&r->y),
					    "a scenario file holds one YAML document"),
				  "remove the second '---' and what follows, or split the file");
	}
	if (!has_steps && diag_error_count(r->y.dl) == 0)
		diag_help(yev_error(&r->y, ERR_SYNTAX, top, "the scenario has no 'steps'"),
			  "add `steps:` with a sequence of events (docs/scenarios.md)");
}

int scenario_read(struct scenario *s, const struct source *src, struct diag_list *dl)
{
	struct scn_reader r;
	size_t before = diag_error_count(dl);

	memset(s, 0, sizeof(*s));
	memset(&r, 0, sizeof(r));
	r.s = s;
	scn_add_file(s, "policy");
	yev_open(&r.y, src, dl);
	read_stream(&r);
	yev_close(&r.y);
	return diag_error_count(dl) > before ? -1 : 0;
}

void scenario_free(struct scenario *s)
{
	for (size_t i = 0; i < s->nsteps; i++) {
		free(s->steps[i].reason);
		free(s->steps[i].name);
	}
	for (size_t i = 0; i < s->nrealms; i++)
		free(s->realms[i]);
	for (size_t i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	free(s->steps);
	free(s->realms);
	free(s->files);
	free(s->description);
	memset(s, 0, sizeof(*s));
}
