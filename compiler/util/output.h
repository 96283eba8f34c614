/* output.h - writing an output file atomically.
 *
 * Every command that writes a file goes through here, so a reader of the
 * output sees either the old file or the complete new one, never a part:
 * the data goes to a temporary file in the same directory (same file
 * system, so rename is atomic), is flushed and fsync'd, then renamed over
 * the target. Where the file system allows, the temporary file is created
 * unnamed (O_TMPFILE) and named only once complete, so even SIGKILL leaves
 * nothing behind. On any error, and on SIGINT, SIGTERM or SIGHUP while a
 * named temporary file exists, it is removed and the target is left
 * untouched. An existing file that this process read as an input is never
 * replaced (the output would destroy the source).
 * The path "-" means standard output, written directly. */
#ifndef MICAC_OUTPUT_H
#define MICAC_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* How many outputs may be open at once (a command writes one or two). */
#define OUTPUT_MAX_OPEN 4

struct output {
	FILE *fp;		/* write here between open and commit */
	char *path;		/* the target; NULL for stdout */
	char *tmp;		/* the temporary file; NULL when written in place */
	int slot;		/* cleanup slot of the signal handler, or -1 */
	bool unnamed;		/* FP is an O_TMPFILE file: TMP is named only at commit */
	bool linked;		/* ... and it was linked as PATH itself */
};

/* Opens PATH for writing. 0 on success; -1 with a one-line reason in ERR. */
int output_open(struct output *o, const char *path, char *err, size_t errlen);
/* Flushes, syncs and renames the temporary file over the target (or
 * flushes stdout). 0 on success; -1 with a reason in ERR, and then nothing
 * is left behind. Either way O is closed. */
int output_commit(struct output *o, char *err, size_t errlen);
/* Gives up: closes and removes the temporary file. Safe on a closed O. */
void output_abort(struct output *o);
/* Writes DATA[0..LEN) and, to a temporary file, flushes and syncs it, so
 * that output_commit is left with the rename. 0 on success; -1 with a
 * reason naming PATH in ERR, and O aborted. */
int output_put(struct output *o, const char *path, const void *data, size_t len,
	       char *err, size_t errlen);

/* Whether to try unnamed temporary files (O_TMPFILE) at all; on by
 * default. The unit tests turn it off to test the named fallback, as on a
 * file system without O_TMPFILE. */
void output_set_unnamed(bool on);

/* open + write LEN bytes + commit. */
int output_write_file(const char *path, const void *data, size_t len, char *err, size_t errlen);

/* open + PRINT(fp, ARG) + commit; PRINT returns 0, or -1 when writing failed. */
typedef int (*output_printer)(FILE *out, const void *arg);
int output_print(const char *path, output_printer print, const void *arg, char *err, size_t errlen);

#endif
