/* diag.h - diagnostics: collected by every stage, sorted, then rendered.
 *
 * Stages never print. They add diagnostics to a diag_list; the driver sorts
 * the list by location and hands it to one renderer (text, JSON, SARIF,
 * GitHub workflow commands). Codes are stable and listed with a title and a
 * help text in diag_codes.c (docs/diagnostics.md shows an example of each). */
#ifndef MICAC_DIAG_H
#define MICAC_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/source.h"

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

/* Every diagnostic, from diag_kinds.def: ERR_UNDECLARED_NAME, ... */
enum diag_kind {
#define DIAG(name, code, sev, title, help) name,
#include "diag/diag_kinds.def"
#undef DIAG
	DIAG_KIND_COUNT
};
enum diag_note_kind { NOTE_NOTE, NOTE_HELP };

struct diag_note {
	enum diag_note_kind kind;
	char *text;
	loc_t loc;		/* optional: line 0 when the note has no place */
};

/* One step of a flow witness: "camera -> detector (region 'frames': ...)". */
struct diag_step {
	char *text;
	loc_t loc;		/* the declaration behind the step */
};

struct diag {
	enum diag_kind kind;
	enum diag_severity sev;	/* the kind's, from the catalogue */
	const char *code;	/* the kind's: "E0205", "W0101"; static storage */
	const struct source *src;	/* may be NULL (no file) */
	loc_t loc;
	char *msg;
	struct diag_step *steps;	size_t nsteps;
	struct diag_note *notes;	size_t nnotes;
	size_t seq;		/* insertion order, to keep the sort stable */
};

struct diag_list {
	struct diag *v;
	size_t n, cap;
	bool werror;		/* report warnings as errors */
};

/* Adds a diagnostic; the returned pointer stays valid only until the next
 * diag_add on the same list. */
struct diag *diag_add(struct diag_list *dl, enum diag_kind kind, const struct source *src,
		      loc_t loc, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
struct diag *diag_vadd(struct diag_list *dl, enum diag_kind kind, const struct source *src,
		       loc_t loc, const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));
void diag_note(struct diag *d, loc_t loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_help(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_step(struct diag *d, loc_t loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Locations in a blob (a source whose `blob` is set) are its table
 * entries: line = the table (MICA_TABLE_* + 1), column = the entry's index
 * + 1, so diagnostics sort in table order. diag_blob_entry names one
 * ("realm[1] 'detector'") and gives its bytes in the blob; false when LOC
 * is not such an entry. Documented in docs/diagnostics.md. */
loc_t diag_blob_loc(unsigned int table, uint32_t index);
bool diag_blob_entry(const struct source *src, loc_t loc, char *buf, size_t n, uint32_t *off,
		     uint32_t *len);

void diag_list_free(struct diag_list *dl);
/* Sorts by (file, line, col, insertion order). */
void diag_sort(struct diag_list *dl);
/* Counts errors, counting warnings as errors under werror. */
size_t diag_error_count(const struct diag_list *dl);
size_t diag_warning_count(const struct diag_list *dl);
/* Is this diagnostic reported as an error (error, or warning under werror)? */
bool diag_is_error(const struct diag_list *dl, const struct diag *d);

/* The code catalogue (diag_codes.c). */
struct diag_code_info {
	const char *code;
	enum diag_severity sev;
	const char *title;	/* short name, e.g. "undeclared name" */
	const char *help;	/* one or two sentences: what it means, how to fix */
	const char *name;	/* the kind's NAME in diag_kinds.def: "ERR_LEAK" */
};
const struct diag_code_info *diag_code_lookup(const char *code);
/* Indexed by enum diag_kind. */
extern const struct diag_code_info diag_codes[];
extern const size_t diag_ncodes;

/* Renderers. MAX caps the errors shown (0: no cap; warnings fill the room left); a line
 * says how many more there were. */
void diag_render_text(FILE *out, const struct diag_list *dl, size_t max, bool color);

#endif
