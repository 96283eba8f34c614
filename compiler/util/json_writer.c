/* json_writer.c - see json_writer.h. */
#include <inttypes.h>
#include <string.h>

#include "util/json_writer.h"
#include "util/utf8.h"

void json_init(struct json *j, FILE *out)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
}

/* The open container's slot in has_items and closer. Nesting deeper than
 * JSON_MAX_DEPTH (no micac document comes close) shares the last slot,
 * which can only cost a comma's layout or json_close's bracket, never
 * memory safety. */
static int slot(const struct json *j)
{
	return (j->depth < JSON_MAX_DEPTH ? j->depth : JSON_MAX_DEPTH) - 1;
}

static bool *has_items(struct json *j)
{
	return &j->has_items[slot(j)];
}

/* Before any value: the comma and newline of the enclosing container. */
static void before_value(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth == 0)
		return;
	fputs(*has_items(j) ? ",\n" : "\n", j->out);
	*has_items(j) = true;
	fprintf(j->out, "%*s", 2 * j->depth, "");
}

static void open_container(struct json *j, char c)
{
	before_value(j);
	fputc(c, j->out);
	j->depth++;
	*has_items(j) = false;
	j->closer[slot(j)] = c == '{' ? '}' : ']';
}

static void close_container(struct json *j, char c)
{
	bool items = *has_items(j);

	j->depth--;
	if (items)
		fprintf(j->out, "\n%*s", 2 * j->depth, "");
	fputc(c, j->out);
}

void json_close(struct json *j, int n)
{
	for (; n > 0 && j->depth > 0; n--)
		close_container(j, j->closer[slot(j)]);
}

void json_begin_object(struct json *j) { open_container(j, '{'); }
void json_end_object(struct json *j) { close_container(j, '}'); }
void json_begin_array(struct json *j) { open_container(j, '['); }
void json_end_array(struct json *j) { close_container(j, ']'); }

void json_put_quoted(FILE *out, const char *s)
{
	size_t n = strlen(s);

	fputc('"', out);
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : utf8_seq_len(s + i, n - i);

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c == '\r')
			fputs("\\r", out);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\u%04x", c);
		else if (len == 0)
			fputs("\\ufffd", out);
		else
			fwrite(s + i, 1, len, out);
		i += len ? len : 1;
	}
	fputc('"', out);
}

void json_key(struct json *j, const char *key)
{
	before_value(j);
	json_put_quoted(j->out, key);
	fputs(": ", j->out);
	j->after_key = true;
}

void json_put_string(struct json *j, const char *s)
{
	before_value(j);
	json_put_quoted(j->out, s);
}

void json_uint(struct json *j, uint64_t v)
{
	before_value(j);
	fprintf(j->out, "%" PRIu64, v);
}

void json_bool(struct json *j, bool v)
{
	before_value(j);
	fputs(v ? "true" : "false", j->out);
}

void json_put_null(struct json *j)
{
	before_value(j);
	fputs("null", j->out);
}

void json_kv_string(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_put_string(j, s);
}

void json_kv_uint(struct json *j, const char *key, uint64_t v)
{
	json_key(j, key);
	json_uint(j, v);
}

void json_finish(struct json *j)
{
	fputc('\n', j->out);
}

void json_kv_header(struct json *j, uint64_t version)
{
	json_kv_uint(j, "version", version);
	json_key(j, "tool");
	json_begin_object(j);
	json_kv_string(j, "name", "micac");
	json_kv_string(j, "version", MICAC_VERSION);
	json_end_object(j);
}
