/* diff.h - what changed between two policies, in the terms a reviewer acts
 * on: realms, trust, measurements, grants, calls, exits, regions, asserts
 * and, above all, flows.
 *
 * Both sides are models (sema/model.h), so whatever they were written in
 * (Mica, YAML, a blob), two policies that compile to the same blob compare
 * equal: formatting and declaration order are no change. Realms and regions
 * are matched by name; a rename is a removal and an addition.
 *
 * Flows: for every realm whose data is confidential (trusted or
 * distrustful) and every sink (the host, untrusted realms), whether the
 * realm's data can reach the sink, found with the flow stage's searches
 * (flow/flow.h). A pair reachable on one side only is a change, with the
 * shortest path on the side where it exists as its witness, in the steps
 * E0401 shows.
 *
 * Entry point: diff_models. Renderers (text, JSON, Markdown): diff_print. */
#ifndef MICAC_DIFF_H
#define MICAC_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "flow/flow.h"
#include "sema/model.h"

/* Every kind of change, in the order a report lists them: what opens a way
 * for data first (a new flow to the host before all), then what is neutral,
 * then what closes one. NAME is the kind's stable identifier (JSON,
 * --fail-on); TITLE heads it in text and Markdown. */
#define DIFF_KINDS(X)                                                              \
	X(DIFF_FLOW_TO_HOST, "flow-to-host", "new flow to the host", '+')         \
	X(DIFF_FLOW_ADDED, "flow-added", "new flow to an untrusted realm", '+')   \
	X(DIFF_TRUST_RAISED, "trust-raised", "trust raised", '+')                 \
	X(DIFF_EXIT_ADDED, "exit-added", "exit added", '+')                       \
	X(DIFF_REGION_EXPOSED, "region-exposed", "region made unprotected", '+')  \
	X(DIFF_GRANT_ADDED, "grant-added", "grant added", '+')                    \
	X(DIFF_GRANT_WIDENED, "grant-widened", "grant widened", '+')              \
	X(DIFF_CALL_ADDED, "call-added", "call added", '+')                       \
	X(DIFF_CALL_WIDENED, "call-widened", "call now returns results", '+')     \
	X(DIFF_ASSERT_REMOVED, "assert-removed", "assert removed", '+')           \
	X(DIFF_REALM_ADDED, "realm-added", "realm added", '+')                    \
	X(DIFF_REGION_ADDED, "region-added", "region added", '+')                 \
	X(DIFF_MEASUREMENT, "measurement-changed", "measurement changed", '~')    \
	X(DIFF_REGION_MOVED, "region-moved", "region moved", '~')                 \
	X(DIFF_REGION_RESIZED, "region-resized", "region resized", '~')           \
	X(DIFF_POLICY, "policy-changed", "policy header changed", '~')            \
	X(DIFF_FLOW_REMOVED, "flow-removed", "flow removed", '-')                 \
	X(DIFF_TRUST_LOWERED, "trust-lowered", "trust lowered", '-')              \
	X(DIFF_EXIT_REMOVED, "exit-removed", "exit removed", '-')                 \
	X(DIFF_REGION_PROTECTED, "region-protected", "region made protected", '-') \
	X(DIFF_GRANT_REMOVED, "grant-removed", "grant removed", '-')              \
	X(DIFF_GRANT_NARROWED, "grant-narrowed", "grant narrowed", '-')           \
	X(DIFF_CALL_REMOVED, "call-removed", "call removed", '-')                 \
	X(DIFF_CALL_NARROWED, "call-narrowed", "call made oneway", '-')           \
	X(DIFF_ASSERT_ADDED, "assert-added", "assert added", '-')                 \
	X(DIFF_REALM_REMOVED, "realm-removed", "realm removed", '-')              \
	X(DIFF_REGION_REMOVED, "region-removed", "region removed", '-')

enum diff_kind {
#define DIFF_ENUM(id, name, title, sign) id,
	DIFF_KINDS(DIFF_ENUM)
#undef DIFF_ENUM
	DIFF_KIND_COUNT
};

struct diff_kind_info {
	const char *name;	/* "flow-to-host" */
	const char *title;	/* "new flow to the host" */
	char sign;		/* '+' opens a way for data, '-' closes one, '~' neither */
};
extern const struct diff_kind_info diff_kinds[DIFF_KIND_COUNT];
/* The kind called NAME, or -1. */
int diff_kind_find(const char *name);

enum diff_side { DIFF_OLD, DIFF_NEW };

struct diff_change {
	enum diff_kind kind;
	char *subject;		/* what changed: "camera -> host", "detector", "frames" */
	char *message;		/* one sentence, naming the subject */
	char *before, *after;	/* the values, when the change has them; else NULL */
	enum diff_side side;	/* where LOC and PATH are: the new side, or the old
				 * for what disappeared */
	loc_t loc;		/* the declaration; line 0 when none (a blob) */
	struct flow_path path;	/* flows: the witness, on SIDE */
	size_t seq;		/* order found, to keep the sort stable */
};

struct diff_report {
	const struct model *old, *new;
	struct diff_change *v;
	size_t n, cap;
};

/* Compares OLD with NEW into R (sorted by kind, then subject). Asserts are
 * compared only when both sides came from source: a blob carries none. */
void diff_models(const struct model *old, const struct model *new, struct diff_report *r);
void diff_report_free(struct diff_report *r);
/* The model a change's location and path refer to. */
const struct model *diff_change_model(const struct diff_report *r, const struct diff_change *c);

enum diff_format { DIFF_FORMAT_TEXT, DIFF_FORMAT_JSON, DIFF_FORMAT_MARKDOWN };

/* Everything a rendering shows. */
struct diff_doc {
	const struct diff_report *r;
	enum diff_format format;
	const char *old_name, *new_name;	/* as shown */
	const char *old_digest, *new_digest;	/* "sha512:<hex>" */
	bool fails;				/* did a --fail-on kind change? */
};

/* output_print's printer: ARG is a struct diff_doc. 0, or -1 when writing
 * failed. */
int diff_print(FILE *out, const void *arg);

#endif
