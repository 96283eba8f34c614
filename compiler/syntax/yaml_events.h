/* yaml_events.h - libyaml's event stream, as the YAML front end needs it.
 *
 * On top of yaml_parser_parse this adds what every rule of the mapping
 * would otherwise repeat: source locations in micac's terms (1-based line,
 * byte column, computed from the source itself so CRLF, a BOM or non-ASCII
 * text before a node cannot shift them), a nesting limit, refusal of
 * anchors, aliases and tags, syntax errors reported once as diagnostics,
 * and skipping a whole node after an error so that one run reports every
 * independent mistake. */
#ifndef MICAC_YAML_EVENTS_H
#define MICAC_YAML_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "diag/diag.h"
#include "util/source.h"

/* Deepest nesting accepted. The mapping needs 4 levels (document, regions,
 * a region, its grants); the slack lets unknown keys be reported as such
 * instead of as nesting errors, while a hostile document stays cheap. */
#define YAML_DEPTH_MAX 16u

struct yaml_events {
	yaml_parser_t parser;
	yaml_event_t ev;	/* the current event (valid when has_ev) */
	bool has_ev;
	bool stop;		/* syntax error or too deep: no more events */
	loc_t loc;		/* where the current event is, once asked */
	bool loc_known;		/* (computed on demand: most events' places are
				 * never needed, and each costs a walk) */
	yaml_mark_t last_start, last_end;	/* the last event that covered any
				 * text (when has_last), so a block collection's
				 * span can end at its last scalar rather than at
				 * the next line */
	bool has_last;
	unsigned depth;		/* open mappings and sequences */
	const struct source *src;
	struct diag_list *dl;
	/* libyaml counts characters; diagnostics count bytes. A cursor that
	 * walks the source keeps the conversion linear over a whole run. */
	size_t cur_index, cur_byte;
	size_t base;		/* bytes of a byte order mark libyaml is not given */
};

void yev_open(struct yaml_events *y, const struct source *src, struct diag_list *dl);
void yev_close(struct yaml_events *y);

/* Moves to the next event. False when there is none (end of stream, or a
 * syntax error already reported); callers' loops then unwind. */
bool yev_next(struct yaml_events *y);
/* The type of the current event (YAML_NO_EVENT once stopped). */
yaml_event_type_t yev_type(const struct yaml_events *y);
/* Where the current event is. */
loc_t yev_loc(struct yaml_events *y);
/* Where the last event that covered any text is (no location before one). */
loc_t yev_last(struct yaml_events *y);
/* The current scalar's text and length (NULL when it is not a scalar). */
const char *yev_text(const struct yaml_events *y, size_t *len);
/* Is the current scalar plain (unquoted)? */
bool yev_plain(const struct yaml_events *y);

/* The current event starts a node: moves to that node's last event. */
void yev_skip(struct yaml_events *y);
/* Is the current node of TYPE (YAML_SCALAR_EVENT, YAML_MAPPING_START_EVENT
 * or YAML_SEQUENCE_START_EVENT)? If not, reports "expected WHAT" (E0110),
 * skips the node and returns false. An alias was reported already and is
 * refused silently. */
bool yev_expect(struct yaml_events *y, yaml_event_type_t type, const char *what);

/* Adds an error at LOC. */
struct diag *yev_error(struct yaml_events *y, enum diag_kind kind, loc_t loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
