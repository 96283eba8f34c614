/* lsp_text.c - open documents, their incremental edits, and positions.
 *
 * An LSP position is (line, character): lines split at "\n" (a "\r" before
 * it belongs to the line end), characters counted in UTF-16 code units by
 * default, in bytes when the client chose "utf-8". micac's locations are
 * 1-based lines and byte columns, the last character inclusive. Positions
 * past a line's end mean its end, past the last line the document's end,
 * and one inside a character (between the two halves of a surrogate pair)
 * its start, so no position an editor sends is refused or misread. Bytes
 * that are not UTF-8 count one unit each. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp_int.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The bytes and the UTF-16 units of the character at P (N bytes left). */
static size_t char_len(const char *p, size_t n, unsigned *units)
{
	size_t k = utf8_seq_len(p, n);

	if (k == 0)
		k = 1;		/* not UTF-8: one byte, one unit */
	*units = k == 4 ? 2 : 1;
	return k;
}

static unsigned units_of(const struct lsp_server *s, const char *p, size_t n, size_t *bytes)
{
	unsigned u;

	*bytes = char_len(p, n, &u);
	return s->utf8 ? (unsigned)*bytes : u;
}

/* Length of the line at TEXT (N bytes left) without its "\n" or "\r\n". */
static size_t line_len(const char *text, size_t n)
{
	const char *nl = memchr(text, '\n', n);
	size_t k = nl ? (size_t)(nl - text) : n;

	if (nl && k > 0 && text[k - 1] == '\r')
		k--;
	return k;
}

static bool get_uint(json_t *obj, const char *key, size_t *out)
{
	json_t *v = json_object_get(obj, key);

	if (!json_is_integer(v) || json_integer_value(v) < 0)
		return false;
	*out = (size_t)json_integer_value(v);
	return true;
}

long long lsp_offset(const struct lsp_server *s, const char *text, size_t len, json_t *pos)
{
	size_t line, ch, off = 0, n, units = 0, k;

	if (!get_uint(pos, "line", &line) || !get_uint(pos, "character", &ch))
		return -1;
	for (size_t l = 0; l < line; l++) {
		const char *nl = memchr(text + off, '\n', len - off);

		if (!nl)
			return (long long)len;
		off = (size_t)(nl - text) + 1;
	}
	n = line_len(text + off, len - off);
	for (size_t i = 0; i < n; i += k) {
		unsigned u = units_of(s, text + off + i, n - i, &k);

		if (units + u > ch)
			return (long long)(off + i);
		units += u;
	}
	return (long long)(off + n);
}

json_t *lsp_position(const struct lsp_server *s, const struct source *src, uint32_t line,
		     size_t off_in_line)
{
	size_t start, n, units = 0, k;

	if (line == 0 || line > src->nlines)
		return json_pack("{s:i,s:i}", "line", 0, "character", 0);
	start = src->lines[line - 1];
	n = line_len(src->data + start, src->len - start);
	if (off_in_line > n)
		off_in_line = n;
	for (size_t i = 0; i < off_in_line; i += k)
		units += units_of(s, src->data + start + i, off_in_line - i, &k);
	return json_pack("{s:i,s:I}", "line", (int)(line - 1), "character", (json_int_t)units);
}

json_t *lsp_end_position(const struct lsp_server *s, const char *text, size_t len)
{
	size_t line = 0, last = 0, units = 0, k;

	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n') {
			line++;
			last = i + 1;
		}
	for (size_t i = last; i < len; i += k)
		units += units_of(s, text + i, len - i, &k);
	return json_pack("{s:I,s:I}", "line", (json_int_t)line, "character", (json_int_t)units);
}

json_t *lsp_range(const struct lsp_server *s, const struct source *src, loc_t loc)
{
	uint32_t el, ec;
	size_t start, n, eoff;
	unsigned u;

	if (!src || loc.line == 0 || loc.line > src->nlines)
		return json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line", 0, "character", 0,
				 "end", "line", 0, "character", 0);
	el = loc.end_line ? loc.end_line : loc.line;
	ec = loc.end_line ? loc.end_col : loc.col;
	if (el < loc.line || (el == loc.line && ec < loc.col)) {
		el = loc.line;
		ec = loc.col;
	}
	if (el > src->nlines)
		el = (uint32_t)src->nlines;
	/* The end is exclusive on the wire: just past the last character. */
	start = src->lines[el - 1];
	n = line_len(src->data + start, src->len - start);
	eoff = ec ? ec - 1 : 0;
	if (eoff < n)
		eoff += char_len(src->data + start + eoff, n - eoff, &u);
	return json_pack("{s:o,s:o}", "start", lsp_position(s, src, loc.line, loc.col ? loc.col - 1 : 0),
			 "end", lsp_position(s, src, el, eoff));
}

bool lsp_loc_of(const struct lsp_server *s, const struct lsp_doc *d, json_t *pos,
		uint32_t *line, uint32_t *col)
{
	long long off = lsp_offset(s, d->text, d->len, pos);

	if (off < 0)
		return false;
	source_pos(&d->fe.src, (size_t)off, line, col);
	return true;
}

struct lsp_doc *lsp_doc_find(struct lsp_server *s, const char *uri)
{
	for (size_t i = 0; i < s->ndocs; i++)
		if (strcmp(s->docs[i]->uri, uri) == 0)
			return s->docs[i];
	return NULL;
}

const char *lsp_uri_of(json_t *params)
{
	return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

/* The path of a file: URI, percent-decoded; other URIs as they are. */
static char *name_of_uri(const char *uri)
{
	char *out, *o;

	if (strncmp(uri, "file://", 7) != 0)
		return xstrdup(uri);
	out = o = xstrdup(uri + 7);
	for (const char *p = uri + 7; *p; p++) {
		char hex[3] = {p[0] ? p[1] : 0, p[0] && p[1] ? p[2] : 0, 0};
		long v;

		if (p[0] == '%' && isxdigit((unsigned char)hex[0]) && isxdigit((unsigned char)hex[1]) &&
		    (v = strtol(hex, NULL, 16)) != 0) {
			*o++ = (char)v;	/* %00 stays as it is: names hold no NUL */
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = 0;
	return out;
}

static void set_text(struct lsp_doc *d, const char *text, size_t len)
{
	if (len + 1 > d->cap) {
		d->cap = len + 1;
		d->text = xrealloc(d->text, d->cap);
	}
	memcpy(d->text, text, len);
	d->text[len] = 0;
	d->len = len;
}

static void invalidate(struct lsp_doc *d)
{
	if (d->analysed)
		frontend_free(&d->fe);
	d->analysed = false;
	d->publish = true;
}

static void doc_free(struct lsp_doc *d)
{
	if (d->analysed)
		frontend_free(&d->fe);
	free(d->uri);
	free(d->name);
	free(d->text);
	free(d);
}

void lsp_did_open(struct lsp_server *s, json_t *params)
{
	json_t *td = json_object_get(params, "textDocument"), *text = json_object_get(td, "text");
	const char *uri = lsp_uri_of(params), *lang = json_string_value(json_object_get(td, "languageId"));
	struct lsp_doc *d;

	if (!uri || !json_is_string(text))
		return;
	d = lsp_doc_find(s, uri);
	if (!d) {
		if (s->ndocs == s->docs_cap) {
			s->docs_cap = s->docs_cap ? s->docs_cap * 2 : 8;
			s->docs = xrealloc(s->docs, s->docs_cap * sizeof(*s->docs));
		}
		d = s->docs[s->ndocs++] = xcalloc(1, sizeof(*d));
		d->uri = xstrdup(uri);
		d->name = name_of_uri(uri);
	}
	d->lang = LANG_AUTO;
	if (lang && strcmp(lang, "mica") == 0)
		d->lang = LANG_MICA;
	else if (lang && (strcmp(lang, "yaml") == 0 || strcmp(lang, "json") == 0))
		d->lang = LANG_YAML;
	set_text(d, json_string_value(text), json_string_length(text));
	invalidate(d);
}

/* Applies one element of contentChanges; false if it is malformed. */
static bool apply_change(struct lsp_server *s, struct lsp_doc *d, json_t *c)
{
	json_t *range = json_object_get(c, "range"), *text = json_object_get(c, "text");
	long long a, b, t;
	size_t tl, newlen;

	if (!json_is_string(text))
		return false;
	tl = json_string_length(text);
	if (!range) {
		set_text(d, json_string_value(text), tl);
		return true;
	}
	a = lsp_offset(s, d->text, d->len, json_object_get(range, "start"));
	b = lsp_offset(s, d->text, d->len, json_object_get(range, "end"));
	if (a < 0 || b < 0)
		return false;
	if (a > b) {
		t = a;
		a = b;
		b = t;
	}
	newlen = d->len - (size_t)(b - a) + tl;
	if (newlen + 1 > d->cap) {
		d->cap = (newlen + 1) * 2;
		d->text = xrealloc(d->text, d->cap);
	}
	memmove(d->text + a + tl, d->text + b, d->len - (size_t)b + 1);
	memcpy(d->text + a, json_string_value(text), tl);
	d->len = newlen;
	return true;
}

void lsp_did_change(struct lsp_server *s, json_t *params)
{
	const char *uri = lsp_uri_of(params);
	struct lsp_doc *d = uri ? lsp_doc_find(s, uri) : NULL;
	json_t *c;
	size_t i;

	if (!d)
		return;
	json_array_foreach(json_object_get(params, "contentChanges"), i, c) {
		if (apply_change(s, d, c))
			continue;
		lsp_notify(s, "window/logMessage",
			   json_pack("{s:i,s:s}", "type", 1,
				     "message", "micac: a malformed content change was ignored"));
	}
	if (d->len > LSP_MAX_MESSAGE) {
		/* Edits can grow a document past what one message may carry. */
		set_text(d, "", 0);
		lsp_notify(s, "window/showMessage",
			   json_pack("{s:i,s:s}", "type", 1,
				     "message", "micac: the document grew past 64 MiB; reopen it"));
	}
	invalidate(d);
}

void lsp_doc_close(struct lsp_server *s, const char *uri)
{
	for (size_t i = 0; i < s->ndocs; i++) {
		if (strcmp(s->docs[i]->uri, uri) != 0)
			continue;
		doc_free(s->docs[i]);
		s->docs[i] = s->docs[--s->ndocs];
		return;
	}
}

void lsp_docs_free(struct lsp_server *s)
{
	for (size_t i = 0; i < s->ndocs; i++)
		doc_free(s->docs[i]);
	free(s->docs);
	s->docs = NULL;
	s->ndocs = s->docs_cap = 0;
}
