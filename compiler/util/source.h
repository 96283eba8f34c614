/* source.h - a source file read into memory, and positions within it.
 *
 * Every stage that reports a diagnostic points into a struct source; the
 * renderer uses it to print the offending line with a caret. Reading is the
 * only place that touches the file system for input, so size limits,
 * directories, unreadable files and stdin are all handled here once. */
#ifndef MICAC_SOURCE_H
#define MICAC_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/intern.h"

/* Largest source micac reads (bytes). Documented in docs/language.md. */
#define SOURCE_MAX_BYTES (512u * 1024u * 1024u)

/* A span: 1-based line and column (in bytes) of the first character and of
 * the last character, inclusive. line == 0 means "no location". */
typedef struct loc {
	uint32_t line, col;
	uint32_t end_line, end_col;
} loc_t;

/* The name of standard input ("-") in diagnostics. */
#define SOURCE_STDIN_NAME "<stdin>"

struct source {
	char *name;		/* as shown in diagnostics (SOURCE_STDIN_NAME for -) */
	char *data;		/* contents, then two NULs (data[len], data[len+1]) */
	size_t len;
	uint32_t *lines;	/* byte offset of each line start (SOURCE_MAX_BYTES fits) */
	size_t nlines;
	unsigned long long dev, ino;	/* the file read, when regular (else 0) */
	bool blob;		/* a compiled blob: its locations are table entries
				 * (diag_blob_loc in diag/diag.h), not lines */
	/* The names read from it (util/intern.h): the syntax tree and the
	 * model borrow them, so they live as long as the source. */
	struct interner *names;
};

/* Reads PATH ("-" for stdin) into SRC. Every regular file read (stdin too,
 * when it is one) is remembered, so that no output can replace an input of
 * the same run (output.c asks source_is_input). On failure returns -1 (cannot read)
 * or SOURCE_TOO_LARGE, and writes a one-line reason (no trailing newline)
 * into ERR. */
#define SOURCE_TOO_LARGE (-2)
int source_read(struct source *src, const char *path, char *err, size_t errlen);
/* Makes a source from memory (copies DATA); used by tests and fuzzers. */
void source_from_mem(struct source *src, const char *name, const void *data, size_t len);
void source_free(struct source *src);
/* Was the file DEV:INO read as an input by this process? */
bool source_is_input(unsigned long long dev, unsigned long long ino);
/* SRC's file may be replaced after all (`micac fmt -w` rewrites its input). */
void source_allow_overwrite(const struct source *src);
/* Forgets every input (frees the list; for the end of the program). */
void source_forget_inputs(void);
/* Line and byte column (1-based) of byte offset OFF (a binary search of the
 * line starts). */
void source_pos(const struct source *src, size_t off, uint32_t *line, uint32_t *col);
/* The text of line LINE (1-based) without its newline; *len gets its length. */
const char *source_line(const struct source *src, uint32_t line, size_t *len);

#endif
