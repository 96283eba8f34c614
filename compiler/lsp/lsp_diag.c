/* lsp_diag.c - a document's diagnostics, from the pipeline of `micac check`.
 *
 * The document's text goes through frontend_run_mem as it is, so the codes,
 * messages and ranges are those `check` prints. A witness's steps and the
 * notes that point somewhere ("first declared here") become
 * relatedInformation; steps and notes without a place, and the help line,
 * are appended to the message as `check` prints them under it. */
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp_int.h"

struct lsp_doc *lsp_doc_of(struct lsp_server *s, json_t *params, struct lsp_error *e)
{
	const char *uri = lsp_uri_of(params);
	struct lsp_doc *d;

	if (!uri) {
		lsp_fail(e, RPC_INVALID_PARAMS, "params.textDocument.uri is missing");
		return NULL;
	}
	d = lsp_doc_find(s, uri);
	if (!d)
		lsp_fail(e, RPC_INVALID_PARAMS, "the document is not open: %.200s", uri);
	else
		lsp_analyse(d);
	return d;
}

void lsp_analyse(struct lsp_doc *d)
{
	struct frontend_opts fo = {.lang = d->lang, .keep_tree = true};	/* names, hover, fmt */

	if (d->analysed)
		return;
	frontend_run_mem(&d->fe, d->name, d->text, d->len, &fo);
	d->analysed = true;
}

static json_t *related(struct lsp_server *s, const struct lsp_doc *d, loc_t loc, const char *text)
{
	return json_pack("{s:{s:s,s:o},s:o}", "location", "uri", d->uri,
			 "range", lsp_range(s, &d->fe.src, loc), "message", lsp_string(text));
}

/* MSG, then each line of TEXT prefixed with WHAT ("help: ", "note: ", "  "). */
static void append(char **msg, size_t *len, const char *what, const char *text)
{
	size_t n = strlen(what) + strlen(text) + 2;

	*msg = realloc(*msg, *len + n);
	if (!*msg)
		abort();
	*len += (size_t)sprintf(*msg + *len, "\n%s%s", what, text);
}

static json_t *diagnostic(struct lsp_server *s, const struct lsp_doc *d, const struct diag *g)
{
	json_t *rel = json_array(), *out;
	size_t len = strlen(g->msg);
	char *msg = malloc(len + 1);

	if (!msg)
		abort();
	memcpy(msg, g->msg, len + 1);
	for (size_t i = 0; i < g->nsteps; i++) {
		if (g->steps[i].loc.line)
			json_array_append_new(rel, related(s, d, g->steps[i].loc, g->steps[i].text));
		append(&msg, &len, "  ", g->steps[i].text);
	}
	for (size_t i = 0; i < g->nnotes; i++) {
		const struct diag_note *n = &g->notes[i];

		if (n->kind == NOTE_NOTE && n->loc.line)
			json_array_append_new(rel, related(s, d, n->loc, n->text));
		else
			append(&msg, &len, n->kind == NOTE_HELP ? "help: " : "note: ", n->text);
	}
	out = json_pack("{s:o,s:i,s:s,s:s,s:o}", "range", lsp_range(s, g->src, g->loc),
			"severity", diag_is_error(&d->fe.diags, g) ? 1 : 2, "code", g->code,
			"source", "micac", "message", lsp_string(msg));
	free(msg);
	if (json_array_size(rel))
		json_object_set(out, "relatedInformation", rel);
	json_decref(rel);
	return out;
}

void lsp_publish(struct lsp_server *s, struct lsp_doc *d)
{
	json_t *list = json_array();

	lsp_analyse(d);
	d->publish = false;
	for (size_t i = 0; i < d->fe.diags.n; i++)
		json_array_append_new(list, diagnostic(s, d, &d->fe.diags.v[i]));
	lsp_notify(s, "textDocument/publishDiagnostics",
		   json_pack("{s:s,s:o}", "uri", d->uri, "diagnostics", list));
}

void lsp_publish_empty(struct lsp_server *s, const char *uri)
{
	lsp_notify(s, "textDocument/publishDiagnostics",
		   json_pack("{s:s,s:[]}", "uri", uri, "diagnostics"));
}
