/* json_writer.h - a small streaming JSON writer: pretty-printed, commas and
 * indentation handled, strings escaped (invalid UTF-8 becomes U+FFFD, so
 * the output is always valid JSON whatever bytes a message carries).
 * Used by the JSON and SARIF diagnostics and by `micac flows --format json`. */
#ifndef MICAC_JSON_WRITER_H
#define MICAC_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json {
	FILE *out;
	int depth;
	bool has_items[JSON_MAX_DEPTH];	/* per open container: needs a comma */
	char closer[JSON_MAX_DEPTH];	/* per open container: '}' or ']' */
	bool after_key;			/* the next value follows "key": */
};

void json_init(struct json *j, FILE *out);
void json_begin_object(struct json *j);
void json_end_object(struct json *j);
void json_begin_array(struct json *j);
void json_end_array(struct json *j);
/* Closes the N innermost open containers, each with its own bracket: the
 * end of a nested document part in one call. */
void json_close(struct json *j, int n);
void json_key(struct json *j, const char *key);
void json_put_string(struct json *j, const char *s);
void json_uint(struct json *j, uint64_t v);
void json_bool(struct json *j, bool v);
void json_put_null(struct json *j);
/* "key": value shorthands. */
void json_kv_string(struct json *j, const char *key, const char *s);
void json_kv_uint(struct json *j, const char *key, uint64_t v);
/* Writes S as a quoted, escaped JSON string (no comma or layout handling),
 * for printers that lay out their own documents. */
void json_put_quoted(FILE *out, const char *s);
/* "version": VERSION, "tool": {"name": "micac", "version": <micac's>}: how
 * every JSON document of micac's starts. */
void json_kv_header(struct json *j, uint64_t version);
/* Ends the document with a newline. */
void json_finish(struct json *j);

#endif
