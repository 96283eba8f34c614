/* diff_print.c - a diff report as text (for a terminal), JSON (schema in
 * docs/diff.schema.json) or Markdown (for a pull-request comment).
 *
 * All three list the changes in the report's order, new flows to the host
 * first; flows carry their witness in the form of E0401's (the flow
 * stage's own step lines). */
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "flow/flows_report.h"
#include "util/json_writer.h"

struct tally {
	size_t opens, closes, neither, to_host;
};

static struct tally count(const struct diff_report *r)
{
	struct tally t = {0};

	for (size_t i = 0; i < r->n; i++) {
		char sign = diff_kinds[r->v[i].kind].sign;

		t.opens += sign == '+';
		t.closes += sign == '-';
		t.neither += sign == '~';
		t.to_host += r->v[i].kind == DIFF_FLOW_TO_HOST;
	}
	return t;
}

static const char *side_name(const struct diff_doc *d, const struct diff_change *c)
{
	return c->side == DIFF_NEW ? d->new_name : d->old_name;
}

static bool is_flow(const struct diff_change *c)
{
	return c->path.nsteps > 0;
}

/* ---- text ---- */

static void print_text(FILE *out, const struct diff_doc *d)
{
	const struct diff_report *r = d->r;
	struct tally t = count(r);

	fprintf(out, "--- %s  %s\n+++ %s  %s\n", d->old_name, d->old_digest, d->new_name, d->new_digest);
	if (r->n == 0) {
		fputs("no semantic change\n", out);
		return;
	}
	fprintf(out, "%zu change%s: %zu open%s a way for data, %zu close%s one, %zu neither\n", r->n,
		r->n == 1 ? "" : "s", t.opens, t.opens == 1 ? "s" : "", t.closes,
		t.closes == 1 ? "s" : "", t.neither);
	for (size_t i = 0; i < r->n; i++) {
		const struct diff_change *c = &r->v[i];

		fprintf(out, "\n%c [%s] %s", diff_kinds[c->kind].sign, diff_kinds[c->kind].name, c->message);
		if (c->loc.line)
			fprintf(out, "   (%s:%u:%u)", side_name(d, c), c->loc.line, c->loc.col);
		fputc('\n', out);
		if (is_flow(c))
			flows_text_path(out, diff_change_model(r, c), &c->path, "      ");
	}
}

/* ---- JSON ---- */

static void json_side(struct json *j, const char *key, const char *name, const char *digest)
{
	json_key(j, key);
	json_begin_object(j);
	json_kv_string(j, "file", name);
	json_kv_string(j, "digest", digest);
	json_end_object(j);
}

static void json_opt_string(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	if (s)
		json_put_string(j, s);
	else
		json_put_null(j);
}

static void json_change(struct json *j, const struct diff_doc *d, const struct diff_change *c)
{
	char sign = diff_kinds[c->kind].sign;

	json_begin_object(j);
	json_kv_string(j, "kind", diff_kinds[c->kind].name);
	json_kv_string(j, "effect", sign == '+' ? "opens" : sign == '-' ? "closes" : "neutral");
	json_kv_string(j, "subject", c->subject);
	json_kv_string(j, "message", c->message);
	json_opt_string(j, "before", c->before);
	json_opt_string(j, "after", c->after);
	json_kv_string(j, "side", c->side == DIFF_NEW ? "new" : "old");
	json_key(j, "location");
	if (c->loc.line) {
		json_begin_object(j);
		json_kv_string(j, "file", side_name(d, c));
		json_kv_uint(j, "line", c->loc.line);
		json_kv_uint(j, "column", c->loc.col);
		json_end_object(j);
	} else {
		json_put_null(j);
	}
	json_key(j, "path");
	flows_json_path(j, diff_change_model(d->r, c), &c->path);
	json_end_object(j);
}

static void print_json(FILE *out, const struct diff_doc *d)
{
	const struct diff_report *r = d->r;
	struct tally t = count(r);
	struct json j;

	json_init(&j, out);
	json_begin_object(&j);
	json_kv_header(&j, 1);
	json_side(&j, "old", d->old_name, d->old_digest);
	json_side(&j, "new", d->new_name, d->new_digest);
	json_key(&j, "changed");
	json_bool(&j, r->n > 0);
	json_key(&j, "fails");
	json_bool(&j, d->fails);
	json_key(&j, "summary");
	json_begin_object(&j);
	json_kv_uint(&j, "changes", r->n);
	json_kv_uint(&j, "opens", t.opens);
	json_kv_uint(&j, "closes", t.closes);
	json_kv_uint(&j, "neutral", t.neither);
	json_kv_uint(&j, "flows_to_host", t.to_host);
	json_end_object(&j);
	json_key(&j, "changes");
	json_begin_array(&j);
	for (size_t i = 0; i < r->n; i++)
		json_change(&j, d, &r->v[i]);
	json_close(&j, 2);
	json_finish(&j);
}

/* ---- Markdown ---- */

/* Text in a table cell or heading: '|' and the characters Markdown would
 * read as markup are escaped, so a name cannot break the table. */
static void md_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\`*_[]<>|#", *s))
			fputc('\\', out);
		fputc(*s, out);
	}
}

static void md_flow(FILE *out, const struct diff_doc *d, const struct diff_change *c)
{
	fprintf(out, "\n#### %s %s: ", c->kind == DIFF_FLOW_TO_HOST ? ":warning:" :
		     diff_kinds[c->kind].sign == '+' ? ":heavy_plus_sign:" : ":heavy_minus_sign:",
		diff_kinds[c->kind].title);
	md_text(out, c->subject);
	fputs("\n\n", out);
	md_text(out, c->message);
	if (c->loc.line) {
		fputs(" (", out);
		md_text(out, side_name(d, c));
		fprintf(out, ":%u:%u)", c->loc.line, c->loc.col);
	}
	fputs(":\n\n```text\n", out);
	flows_text_path(out, diff_change_model(d->r, c), &c->path, "");
	fputs("```\n", out);
}

static void md_row(FILE *out, const struct diff_doc *d, const struct diff_change *c)
{
	fprintf(out, "| %c | %s | ", diff_kinds[c->kind].sign, diff_kinds[c->kind].name);
	md_text(out, c->message);
	fputs(" | ", out);
	if (c->loc.line) {
		md_text(out, side_name(d, c));
		fprintf(out, ":%u:%u", c->loc.line, c->loc.col);
	}
	fputs(" |\n", out);
}

static void md_summary(FILE *out, const struct diff_doc *d, const struct tally *t)
{
	const struct diff_report *r = d->r;

	if (t->to_host)
		fprintf(out, "**:warning: %zu new flow%s to the host.** ", t->to_host,
			t->to_host == 1 ? "" : "s");
	fprintf(out, "%zu change%s: %zu open%s a way for data, %zu close%s one, %zu neither.", r->n,
		r->n == 1 ? "" : "s", t->opens, t->opens == 1 ? "s" : "", t->closes,
		t->closes == 1 ? "s" : "", t->neither);
	if (strcmp(d->old_digest, d->new_digest))
		fputs(" The policy digest changes, so every realm's RPV changes.", out);
	else
		fputs(" The policy digest is unchanged.", out);
	if (d->fails)
		fputs(" **This change fails the review gate (`--fail-on`).**", out);
	fputs("\n", out);
}

static void print_markdown(FILE *out, const struct diff_doc *d)
{
	const struct diff_report *r = d->r;
	struct tally t = count(r);
	bool table = false;

	fputs("### micac diff: `", out);
	fputs(d->new_name, out);
	fputs("`\n\n", out);
	if (r->n == 0) {
		fprintf(out, "No semantic change: both sides compile to the same policy (`%s`).\n",
			d->new_digest);
		return;
	}
	md_summary(out, d, &t);
	/* New flows first (to the host before the others), in the report's
	 * order; then every other change in one table; flows that disappear
	 * last. */
	for (size_t i = 0; i < r->n; i++)
		if (is_flow(&r->v[i]) && r->v[i].side == DIFF_NEW)
			md_flow(out, d, &r->v[i]);
	for (size_t i = 0; i < r->n; i++) {
		if (is_flow(&r->v[i]))
			continue;
		if (!table)
			fputs("\n#### Other changes\n\n|  | kind | change | where |\n|---|---|---|---|\n", out);
		table = true;
		md_row(out, d, &r->v[i]);
	}
	for (size_t i = 0; i < r->n; i++)
		if (is_flow(&r->v[i]) && r->v[i].side == DIFF_OLD)
			md_flow(out, d, &r->v[i]);
	fputs("\n<sub>`", out);
	fputs(d->old_name, out);
	fprintf(out, "` `%s` &rarr; `", d->old_digest);
	fputs(d->new_name, out);
	fprintf(out, "` `%s`</sub>\n", d->new_digest);
}

int diff_print(FILE *out, const void *arg)
{
	const struct diff_doc *d = arg;

	if (d->format == DIFF_FORMAT_JSON)
		print_json(out, d);
	else if (d->format == DIFF_FORMAT_MARKDOWN)
		print_markdown(out, d);
	else
		print_text(out, d);
	return ferror(out) ? -1 : 0;
}
