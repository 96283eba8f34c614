/* diag_text.c - the human-readable renderer:
 *
 *   file:line:col: error[E0205]: undeclared realm 'detectr'
 *      12 |     grant detectr read;
 *         |           ^^^^^^^
 *       camera -> detector   (witness steps, for flow errors)
 *     help: did you mean 'detector'?
 */
#include <string.h>

#include "diag/diag.h"
#include "util/utf8.h"

/* Prints one source line, replacing bytes a terminal would misrender. */
static void put_source_line(FILE *out, const char *line, size_t len)
{
	bool utf8_ok = utf8_valid(line, len);

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)line[i];
		size_t bidi = utf8_ok ? utf8_bidi_at(line + i, len - i, NULL) : 0;

		/* A bidirectional control would reorder the line on screen
		 * (E0108): one '?', like any other byte we cannot show. */
		if (bidi) {
			fputc('?', out);
			i += bidi - 1;
		} else if (c == '\t' || (c >= 0x20 && c < 0x7f) || (c >= 0x80 && utf8_ok))
			fputc(c, out);
		else
			fputc('?', out);
	}
}

/* A line longer than SNIPPET_MAX bytes is shown as a window around the
 * span, as rustc does: SNIPPET_CONTEXT bytes before it, at most SNIPPET_SPAN
 * carets, "..." where the line goes on. So a 20 MB one-line policy prints a
 * short line per diagnostic, not the whole file. */
#define SNIPPET_MAX 300
#define SNIPPET_CONTEXT 120
#define SNIPPET_SPAN 160

static bool is_continuation(const char *line, size_t i)
{
	return ((unsigned char)line[i] & 0xC0) == 0x80;
}

static void put_snippet(FILE *out, const struct source *src, loc_t loc)
{
	size_t len, from = 0, to;
	const char *line;
	uint32_t first, last;
	int width;
	bool utf8_ok;

	if (src && src->blob) {
		char entry[128];
		uint32_t off, n;

		if (diag_blob_entry(src, loc, entry, sizeof(entry), &off, &n))
			fprintf(out, "      = %s: blob bytes %u..%u\n", entry, off, off + n - 1);
		return;
	}
	if (!src || loc.line == 0 || loc.line > src->nlines)
		return;
	line = source_line(src, loc.line, &len);
	first = loc.col ? loc.col : 1;
	last = (loc.end_line == loc.line && loc.end_col >= first) ? loc.end_col : first;
	if (loc.end_line > loc.line)
		last = len >= first ? (uint32_t)len : first;
	to = len;
	if (len > SNIPPET_MAX) {
		if (last - first >= SNIPPET_SPAN)
			last = first + SNIPPET_SPAN - 1;
		from = first - 1 > SNIPPET_CONTEXT ? first - 1 - SNIPPET_CONTEXT : 0;
		to = from + SNIPPET_MAX < len ? from + SNIPPET_MAX : len;
		if (to < last && last <= len)
			to = last;
		while (from > 0 && is_continuation(line, from))
			from--;
		while (to < len && is_continuation(line, to))
			to++;
	}
	width = fprintf(out, "%5u", loc.line);
	fputs(from ? " | ..." : " | ", out);
	put_source_line(out, line + from, to - from);
	fputs(to < len ? "...\n" : "\n", out);
	fprintf(out, "%*s | %s", width, "", from ? "   " : "");
	/* Columns count bytes; a UTF-8 continuation byte takes no room on
	 * screen, so it gets no space or caret of its own. */
	utf8_ok = utf8_valid(line + from, to - from);
	for (uint32_t c = (uint32_t)from + 1; c <= last; c++) {
		unsigned char ch = c - 1 < len ? (unsigned char)line[c - 1] : ' ';

		if (ch >= 0x80 && ch < 0xC0 && utf8_ok && c - 1 < to)
			continue;
		if (c < first)
			fputc(ch == '\t' ? '\t' : ' ', out);
		else
			fputc('^', out);
	}
	fputc('\n', out);
}

/* FILE:realm[1]: in a blob. */
static bool put_blob_entry(FILE *out, const struct source *src, loc_t loc, const char *sep)
{
	char entry[128];
	uint32_t off, n;
	char *quote;

	if (!diag_blob_entry(src, loc, entry, sizeof(entry), &off, &n))
		return false;
	quote = strchr(entry, ' ');
	if (quote)
		*quote = '\0';
	fprintf(out, "%s:%s%s", src->name, entry, sep);
	return true;
}

static void put_location(FILE *out, const struct source *src, loc_t loc)
{
	if (src && src->blob && put_blob_entry(out, src, loc, ": "))
		return;
	if (src && loc.line && !src->blob)
		fprintf(out, "%s:%u:%u: ", src->name, loc.line, loc.col);
	else if (src)
		fprintf(out, "%s: ", src->name);
	else
		fputs("micac: ", out);
}

static void put_one(FILE *out, const struct diag_list *dl, const struct diag *d, bool color)
{
	bool err = diag_is_error(dl, d);
	const char *on = !color ? "" : err ? "\033[1;31m" : "\033[1;35m";
	const char *off = color ? "\033[0m" : "";

	put_location(out, d->src, d->loc);
	fprintf(out, "%s%s[%s]%s: %s\n", on, err ? "error" : "warning", d->code, off, d->msg);
	put_snippet(out, d->src, d->loc);
	for (size_t i = 0; i < d->nsteps; i++)
		fprintf(out, "    %s\n", d->steps[i].text);
	for (size_t i = 0; i < d->nnotes; i++) {
		const struct diag_note *n = &d->notes[i];

		fprintf(out, "  %s: %s\n", n->kind == NOTE_HELP ? "help" : "note", n->text);
		if (n->loc.line && d->src && d->src->blob) {
			fputs("  --> ", out);
			if (put_blob_entry(out, d->src, n->loc, "\n"))
				put_snippet(out, d->src, n->loc);
			else
				fputc('\n', out);
		} else if (n->loc.line) {
			fprintf(out, "  --> %s:%u:%u\n", d->src ? d->src->name : "", n->loc.line,
				n->loc.col);
			put_snippet(out, d->src, n->loc);
		}
	}
	if (d->sev == DIAG_WARNING && err)
		fputs("  note: treated as an error because of --werror\n", out);
}

static void put_count(FILE *out, size_t n, const char *what)
{
	fprintf(out, "%zu more %s%s", n, what, n == 1 ? "" : "s");
}

/* "micac: 3 more errors and 23 more warnings not shown (...)". */
static void put_not_shown(FILE *out, size_t errors, size_t warnings, size_t max)
{
	fputs("micac: ", out);
	if (errors)
		put_count(out, errors, "error");
	if (errors && warnings)
		fputs(" and ", out);
	if (warnings)
		put_count(out, warnings, "warning");
	fprintf(out, " not shown (--max-errors %zu counts errors only); "
		"use --max-errors 0 to see them all\n", max);
}

/* MAX caps the errors shown, as GCC's -fmax-errors: warnings never push an
 * error out. Errors are shown up to MAX; warnings fill the room MAX leaves
 * beside the errors shown, in location order. */
void diag_render_text(FILE *out, const struct diag_list *dl, size_t max, bool color)
{
	size_t errors = diag_error_count(dl), warnings = dl->n - errors;
	size_t err_room = max && errors > max ? max : errors;
	size_t warn_room = !max ? warnings : max - err_room < warnings ? max - err_room : warnings;
	size_t err_seen = 0, warn_seen = 0;

	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *d = &dl->v[i];
		bool show = diag_is_error(dl, d) ? err_seen++ < err_room : warn_seen++ < warn_room;

		if (show)
			put_one(out, dl, d, color);
	}
	if (err_room < errors || warn_room < warnings)
		put_not_shown(out, errors - err_room, warnings - warn_room, max);
}
