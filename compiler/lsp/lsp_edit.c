/* lsp_edit.c - completion and formatting.
 *
 * Completion offers what may stand where the cursor is, from the word
 * before it on the line: after `trust`, `kind`, `digest` or a grant's realm
 * the property's values (keywords.h); after `grant`, `call`, `->` or `flow`
 * the declared realms (and `host` in an assert); elsewhere the keywords,
 * the value words and every declared name. YAML keys end in ':', which is
 * ignored, so `trust: ` completes the same way.
 *
 * Formatting is `micac fmt` (print/fmt.h): one edit replacing the whole
 * document, none when it is already formatted. YAML is not formatted (no
 * edits); a Mica document with syntax errors is refused, as fmt refuses it. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp_int.h"
#include "print/fmt.h"
#include "syntax/keywords.h"
#include "syntax/lex.h"
#include "syntax/parse.h"

/* CompletionItemKind (LSP 3.17). */
enum { CK_CLASS = 7, CK_MODULE = 9, CK_KEYWORD = 14, CK_STRUCT = 22, CK_ENUM_MEMBER = 20 };

static void item(json_t *list, const char *label, int kind, const char *detail)
{
	size_t i;
	json_t *v;

	json_array_foreach(list, i, v)
		if (strcmp(json_string_value(json_object_get(v, "label")), label) == 0)
			return;
	json_array_append_new(list, json_pack("{s:o,s:i,s:s}", "label", lsp_string(label),
					      "kind", kind, "detail", detail));
}

static void values(json_t *list, const struct keyword_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		item(list, set->words[i].name, CK_ENUM_MEMBER, set->what);
}

static void realms(json_t *list, const struct ast *ast, bool host)
{
	for (size_t i = 0; i < ast->nrealms; i++)
		if (ast->realms[i].name.text)
			item(list, ast->realms[i].name.text, CK_CLASS, "realm");
	if (host)
		item(list, "host", CK_CLASS, "the normal world");
}

/* The word before the one being typed, at most 31 bytes, ':' dropped. */
static void previous_word(const char *text, size_t off, char word[32], bool *after_arrow)
{
	size_t end = off, start;

	while (end > 0 && (isalnum((unsigned char)text[end - 1]) || text[end - 1] == '_'))
		end--;		/* the word being typed */
	while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == ':'))
		end--;
	*after_arrow = end >= 2 && text[end - 2] == '-' && text[end - 1] == '>';
	start = end;
	while (start > 0 && (isalnum((unsigned char)text[start - 1]) || text[start - 1] == '_'))
		start--;
	word[0] = 0;
	if (end - start < 32) {
		memcpy(word, text + start, end - start);
		word[end - start] = 0;
	}
}

/* Does the line of OFF start with `assert` (where `host` may be named)? */
static bool in_assert(const char *text, size_t off)
{
	size_t b = off;

	while (b > 0 && text[b - 1] != '\n')
		b--;
	while (text[b] == ' ' || text[b] == '\t')
		b++;
	return strncmp(text + b, "assert", 6) == 0;
}

/* The word two before the cursor: is it `grant` (so the previous one is a
 * realm, and a permission comes next)? */
static bool after_grant_realm(const char *text, size_t off)
{
	size_t end = off;

	for (int w = 0; w < 2; w++) {
		while (end > 0 && (isalnum((unsigned char)text[end - 1]) || text[end - 1] == '_'))
			end--;
		while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
			end--;
	}
	return end >= 5 && strncmp(text + end - 5, "grant", 5) == 0 &&
	       (end == 5 || !isalnum((unsigned char)text[end - 6]));
}

json_t *lsp_completion(struct lsp_server *s, json_t *params, struct lsp_error *e)
{
	struct lsp_doc *d = lsp_doc_of(s, params, e);
	long long off;
	char word[32];
	bool arrow;
	json_t *list;
	const struct ast *ast;
	const char *kw;

	if (!d)
		return NULL;
	off = lsp_offset(s, d->text, d->len, json_object_get(params, "position"));
	if (off < 0) {
		lsp_fail(e, RPC_INVALID_PARAMS, "params.position must be {line, character}");
		return NULL;
	}
	ast = &d->fe.ast;
	list = json_array();
	previous_word(d->text, (size_t)off, word, &arrow);
	if (strcmp(word, "trust") == 0) {
		values(list, &kw_trust);
	} else if (strcmp(word, "kind") == 0) {
		values(list, &kw_kind);
	} else if (strcmp(word, "digest") == 0) {
		values(list, &kw_digest);
	} else if (strcmp(word, "grant") == 0 || strcmp(word, "call") == 0 ||
		   strcmp(word, "flow") == 0 || arrow) {
		realms(list, ast, in_assert(d->text, (size_t)off));
	} else if (after_grant_realm(d->text, (size_t)off)) {
		values(list, &kw_perm);
	} else {
		for (size_t i = 0; (kw = lex_reserved_word(i)) != NULL; i++)
			item(list, kw, CK_KEYWORD, "keyword");
		values(list, &kw_trust);
		values(list, &kw_kind);
		values(list, &kw_perm);
		values(list, &kw_digest);
		realms(list, ast, true);
		for (size_t i = 0; i < ast->nregions; i++)
			if (ast->regions[i].name.text)
				item(list, ast->regions[i].name.text, CK_STRUCT, "region");
	}
	return list;
}

json_t *lsp_formatting(struct lsp_server *s, json_t *params, struct lsp_error *e)
{
	struct lsp_doc *d = lsp_doc_of(s, params, e);
	struct diag_list dl = {0};
	struct ast ast;
	json_t *out = NULL;
	char *text;
	size_t len;

	if (!d)
		return NULL;
	if (d->fe.lang != LANG_MICA)
		return json_array();
	/* fmt's own check: the tree must have parsed without errors. */
	ast_init(&ast, &d->fe.src);
	if (parse_mica(&ast, &dl) != 0) {
		lsp_fail(e, RPC_REQUEST_FAILED, "the document has syntax errors; fix them to format it");
	} else {
		text = fmt_format(&ast, &len);
		out = json_array();
		if (len != d->len || memcmp(text, d->text, len) != 0) {
			json_t *range = json_pack("{s:{s:i,s:i},s:o}", "start", "line", 0, "character", 0,
						  "end", lsp_end_position(s, d->text, d->len));

			json_array_append_new(out, json_pack("{s:o,s:o}", "range", range,
							     "newText", json_stringn(text, len)));
		}
		free(text);
	}
	ast_free(&ast);
	diag_list_free(&dl);
	return out;
}
