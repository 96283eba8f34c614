/* lsp_names.c - every name in a document, and what the editor asks of them:
 * hover, go-to-definition, references, rename and the outline.
 *
 * Names come from the syntax tree, so they work on a policy with errors
 * too (as far as it parsed). Realms and regions share one namespace
 * (docs/language.md, "Names"): a name's definition is its first
 * declaration, its references every identifier spelled the same, whether
 * in a declaration, a grant, a call or an assert. Hover also reads the
 * model when the policy has one, for what only micac decides (placement). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp_int.h"
#include "syntax/keywords.h"
#include "syntax/lex.h"
#include "util/spell.h"
#include "util/xalloc.h"

enum occ_kind { OCC_USE, OCC_REALM, OCC_REGION, OCC_POLICY };

struct occ {
	const ident_t *id;
	enum occ_kind kind;
	size_t index;		/* OCC_REALM, OCC_REGION, OCC_POLICY: which */
};

struct occs {
	struct occ *v;
	size_t n, cap;
};

static void add(struct occs *o, const ident_t *id, enum occ_kind kind, size_t index)
{
	if (!id->text || id->loc.line == 0)
		return;
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 32;
		o->v = xrealloc(o->v, o->cap * sizeof(*o->v));
	}
	o->v[o->n++] = (struct occ){id, kind, index};
}

/* Every identifier of AST, in declaration order. */
static void collect(const struct ast *ast, struct occs *o)
{
	for (size_t i = 0; i < ast->npolicies; i++)
		add(o, &ast->policies[i].name, OCC_POLICY, i);
	for (size_t i = 0; i < ast->nrealms; i++)
		add(o, &ast->realms[i].name, OCC_REALM, i);
	for (size_t i = 0; i < ast->nregions; i++) {
		add(o, &ast->regions[i].name, OCC_REGION, i);
		for (size_t g = 0; g < ast->regions[i].ngrants; g++)
			add(o, &ast->regions[i].grants[g].realm, OCC_USE, 0);
	}
	for (size_t i = 0; i < ast->ncalls; i++) {
		add(o, &ast->calls[i].from, OCC_USE, 0);
		add(o, &ast->calls[i].to, OCC_USE, 0);
	}
	for (size_t i = 0; i < ast->nasserts; i++) {
		add(o, &ast->asserts[i].from, OCC_USE, 0);
		add(o, &ast->asserts[i].to, OCC_USE, 0);
	}
}

/* The span of a name's text: a quoted YAML scalar without its quotes. */
static loc_t name_loc(const struct source *src, const ident_t *id)
{
	loc_t l = id->loc;
	size_t off;

	if (l.line == 0 || l.col == 0 || l.line > src->nlines || (l.end_line && l.end_line != l.line))
		return l;
	off = src->lines[l.line - 1] + l.col - 1;
	if (off < src->len && (src->data[off] == '"' || src->data[off] == '\'') &&
	    l.end_col > l.col + 1) {
		l.col++;
		l.end_col--;
	}
	return l;
}

/* The occurrence at PARAMS.position (NULL if none, E set if malformed):
 * the name under the cursor, or the one the cursor is just after. */
static const struct occ *occ_at(struct lsp_server *s, struct lsp_doc *d, const struct occs *o,
				json_t *params, struct lsp_error *e)
{
	uint32_t line, col;
	const struct occ *after = NULL;

	if (!lsp_loc_of(s, d, json_object_get(params, "position"), &line, &col)) {
		lsp_fail(e, RPC_INVALID_PARAMS, "params.position must be {line, character}");
		return NULL;
	}
	for (size_t i = 0; i < o->n; i++) {
		loc_t l = name_loc(&d->fe.src, o->v[i].id);

		if (l.line != line || col < l.col)
			continue;
		if (col <= l.end_col)
			return &o->v[i];
		if (col == l.end_col + 1)
			after = &o->v[i];
	}
	return after;
}

/* A request about the name at PARAMS.position: the document, its names,
 * and the one under the cursor (AT, NULL if none). */
struct lookup {
	struct lsp_doc *d;
	struct occs o;
	const struct occ *at;
};

/* Fills L; false (E set) when the document or the position is bad. */
static bool lookup(struct lsp_server *s, json_t *params, struct lsp_error *e, struct lookup *l)
{
	memset(l, 0, sizeof(*l));
	l->d = lsp_doc_of(s, params, e);
	if (!l->d)
		return false;
	collect(&l->d->fe.ast, &l->o);
	l->at = occ_at(s, l->d, &l->o, params, e);
	if (!e->code)
		return true;
	free(l->o.v);
	return false;
}

/* The first declaration of NAME, or NULL. */
static const struct occ *decl_of(const struct occs *o, const char *name)
{
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i].kind != OCC_USE && o->v[i].kind != OCC_POLICY &&
		    strcmp(o->v[i].id->text, name) == 0)
			return &o->v[i];
	return NULL;
}

static json_t *location(struct lsp_server *s, const struct lsp_doc *d, const ident_t *id)
{
	return json_pack("{s:s,s:o}", "uri", d->uri, "range",
			 lsp_range(s, &d->fe.src, name_loc(&d->fe.src, id)));
}

/* A growing markdown text. */
struct md {
	char *p;
	size_t n;
};

static void md(struct md *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void md(struct md *m, const char *fmt, ...)
{
	va_list ap;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	m->p = xrealloc(m->p, m->n + (size_t)k + 1);
	va_start(ap, fmt);
	vsnprintf(m->p + m->n, (size_t)k + 1, fmt, ap);
	va_end(ap);
	m->n += (size_t)k;
}

static void hover_realm(struct md *m, const struct ast *ast, const struct ast_realm *r)
{
	const char *sep = "";
	size_t n = 0;

	md(m, "**realm %s**\n\n", r->name.text);
	md(m, "- trust: %s\n", PROP_SET(r->trust_p) ? keyword_name(&kw_trust, r->trust) : "not set");
	if (r->measurement)
		md(m, "- measurement: `%s` (%zu hex digits)\n", r->measurement, strlen(r->measurement));
	else
		md(m, "- measurement: none\n");
	md(m, "- exits to the host: %s%s%s\n", r->hostcall ? "hostcall" : "",
	   r->hostcall && r->mmio ? ", " : "", r->mmio ? "mmio" : r->hostcall ? "" : "none");
	md(m, "- grants:");
	for (size_t i = 0; i < ast->nregions; i++)
		for (size_t g = 0; g < ast->regions[i].ngrants; g++) {
			const struct ast_grant *gr = &ast->regions[i].grants[g];

			if (!gr->realm.text || strcmp(gr->realm.text, r->name.text) != 0)
				continue;
			md(m, "%s %s `%s`", sep, keyword_name(&kw_perm, gr->perm),
			   ast->regions[i].name.text ? ast->regions[i].name.text : "?");
			sep = ",";
			n++;
		}
	md(m, "%s\n- calls:", n ? "" : " none");
	sep = "";
	n = 0;
	for (size_t i = 0; i < ast->ncalls; i++) {
		const struct ast_call *c = &ast->calls[i];

		if (!c->from.text || !c->to.text)
			continue;
		if (strcmp(c->from.text, r->name.text) == 0)
			md(m, "%s → `%s`%s", sep, c->to.text, c->oneway ? " (oneway)" : "");
		else if (strcmp(c->to.text, r->name.text) == 0)
			md(m, "%s ← `%s`%s", sep, c->from.text, c->oneway ? " (oneway)" : "");
		else
			continue;
		sep = ",";
		n++;
	}
	md(m, "%s\n", n ? "" : " none");
}

static void hover_region(struct md *m, const struct lsp_doc *d, const struct ast_region *r)
{
	char buf[SPELL_MAX];
	int64_t k = d->fe.has_model ? model_find_region(&d->fe.model, r->name.text) : -1;

	md(m, "**region %s**\n\n", r->name.text);
	md(m, "- kind: %s\n", PROP_SET(r->kind_p) ? keyword_name(&kw_kind, r->kind) : "not set");
	md(m, "- size: %s\n", PROP_SET(r->size_p) ? spell_size(r->size, buf) : "not set");
	if (PROP_SET(r->at_p))
		md(m, "- placement: at %s (fixed by `at`)\n", spell_addr(r->at, buf));
	else if (k >= 0)
		md(m, "- placement: at %s (placed by micac)\n",
		   spell_addr(d->fe.model.regions[k].base, buf));
	else
		md(m, "- placement: by micac, once the policy has no errors\n");
	md(m, "- grants:");
	for (size_t g = 0; g < r->ngrants; g++)
		md(m, "%s `%s` %s", g ? "," : "", r->grants[g].realm.text ? r->grants[g].realm.text : "?",
		   keyword_name(&kw_perm, r->grants[g].perm));
	md(m, "%s\n", r->ngrants ? "" : " none");
}

static void hover_policy(struct md *m, const struct ast_policy *p)
{
	md(m, "**policy %s**\n\n", p->name.text);
	md(m, "- version: %llu\n", (unsigned long long)p->version);
	md(m, "- digest: %s\n", PROP_SET(p->digest_p) ? keyword_name(&kw_digest, p->digest) : "sha512 (default)");
	if (PROP_SET(p->ipa_bits_p))
		md(m, "- ipa_bits: %llu\n", (unsigned long long)p->ipa_bits);
	else
		md(m, "- ipa_bits: 40 (default)\n");
}

json_t *lsp_hover(struct lsp_server *s, json_t *params, struct lsp_error *e)
{
	struct lookup l;
	const struct occ *at, *decl;
	struct lsp_doc *d;
	struct md m = {0};
	json_t *out = NULL;

	if (!lookup(s, params, e, &l))
		return NULL;
	d = l.d;
	at = l.at;
	decl = at ? (at->kind == OCC_POLICY ? at : decl_of(&l.o, at->id->text)) : NULL;
	if (decl && decl->kind == OCC_REALM)
		hover_realm(&m, &d->fe.ast, &d->fe.ast.realms[decl->index]);
	else if (decl && decl->kind == OCC_REGION)
		hover_region(&m, d, &d->fe.ast.regions[decl->index]);
	else if (decl)
		hover_policy(&m, &d->fe.ast.policies[decl->index]);
	else if (at && strcmp(at->id->text, "host") == 0)
		md(&m, "**host**\n\nThe built-in principal for the normal world: the hypervisor, "
		       "the host OS and the devices.\n");
	else if (at)
		md(&m, "`%s` is not declared\n", at->id->text);
	if (m.p)
		out = json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "markdown",
				"value", lsp_string(m.p), "range",
				lsp_range(s, &d->fe.src, name_loc(&d->fe.src, at->id)));
	free(m.p);
	free(l.o.v);
	return out;
}

json_t *lsp_definition(struct lsp_server *s, json_t *params, struct lsp_error *e)
{
	struct lookup l;
	const struct occ *decl = NULL;
	json_t *out = NULL;

	if (!lookup(s, params, e, &l))
		return NULL;
	if (l.at)
		decl = l.at->kind == OCC_POLICY ? l.at : decl_of(&l.o, l.at->id->text);
	if (decl)
		out = location(s, l.d, decl->id);
	free(l.o.v);
	return out;
}

json_t *lsp_references(struct lsp_server *s, json_t *params, struct lsp_error *e)
{
	json_t *incl = json_object_get(json_object_get(params, "context"), "includeDeclaration");
	struct lookup l;
	json_t *out = NULL;

	if (!lookup(s, params, e, &l))
		return NULL;
	if (l.at && l.at->kind != OCC_POLICY) {
		out = json_array();
		for (size_t i = 0; i < l.o.n; i++)
			if (l.o.v[i].kind != OCC_POLICY && strcmp(l.o.v[i].id->text, l.at->id->text) == 0 &&
			    (l.o.v[i].kind == OCC_USE || !json_is_false(incl)))
				json_array_append_new(out, location(s, l.d, l.o.v[i].id));
	}
	free(l.o.v);
	return out;
}

/* Looks up the name at PARAMS.position, which must be a declared realm or
 * region; false with E set otherwise (L is then freed). */
static bool renamable(struct lsp_server *s, json_t *params, struct lsp_error *e, struct lookup *l)
{
	if (!lookup(s, params, e, l))
		return false;
	if (l->at && l->at->kind != OCC_POLICY && decl_of(&l->o, l->at->id->text))
		return true;
	lsp_fail(e, RPC_REQUEST_FAILED, "only a declared realm or region can be renamed here");
	free(l->o.v);
	return false;
}

json_t *lsp_prepare_rename(struct lsp_server *s, json_t *params, struct lsp_error *e)
{
	struct lookup l;
	json_t *out;

	if (!renamable(s, params, e, &l))
		return NULL;
	out = json_pack("{s:o,s:s}", "range",
			lsp_range(s, &l.d->fe.src, name_loc(&l.d->fe.src, l.at->id)),
			"placeholder", l.at->id->text);
	free(l.o.v);
	return out;
}

/* Why NAME cannot be a new name in O, or NULL when it can. */
static const char *bad_name(const struct occs *o, const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 63)
		return "a name has 1 to 63 characters";
	if (!(name[0] == '_' || ((name[0] | 32) >= 'a' && (name[0] | 32) <= 'z')))
		return "a name starts with a letter or '_'";
	for (size_t i = 1; i < n; i++)
		if (!(name[i] == '_' || (name[i] >= '0' && name[i] <= '9') ||
		      ((name[i] | 32) >= 'a' && (name[i] | 32) <= 'z')))
			return "a name has only ASCII letters, digits and '_'";
	if (lex_is_reserved(name, n))
		return "that is a keyword";
	if (strcmp(name, "host") == 0)
		return "`host` is the built-in principal";
	if (decl_of(o, name))
		return "that name is already declared";
	return NULL;
}

json_t *lsp_rename(struct lsp_server *s, json_t *params, struct lsp_error *e)
{
	const char *to = json_string_value(json_object_get(params, "newName")), *why;
	const struct occ *at;
	struct lookup l;
	json_t *edits, *out = NULL;

	if (!renamable(s, params, e, &l))
		return NULL;
	at = l.at;
	if (!to) {
		lsp_fail(e, RPC_INVALID_PARAMS, "params.newName must be a string");
		goto done;
	}
	if (strcmp(to, at->id->text) != 0 && (why = bad_name(&l.o, to)) != NULL) {
		lsp_fail(e, RPC_REQUEST_FAILED, "cannot rename '%s' to '%.80s': %s", at->id->text, to, why);
		goto done;
	}
	edits = json_array();
	for (size_t i = 0; i < l.o.n; i++)
		if (l.o.v[i].kind != OCC_POLICY && strcmp(l.o.v[i].id->text, at->id->text) == 0)
			json_array_append_new(edits, json_pack("{s:o,s:s}", "range",
				lsp_range(s, &l.d->fe.src, name_loc(&l.d->fe.src, l.o.v[i].id)),
				"newText", to));
	out = json_pack("{s:{s:o}}", "changes", l.d->uri, edits);
done:
	free(l.o.v);
	return out;
}

/* The span from A's start to the later of A's and B's ends. */
static loc_t span(loc_t a, loc_t b)
{
	uint32_t al = a.end_line ? a.end_line : a.line, ac = a.end_line ? a.end_col : a.col;
	uint32_t bl = b.end_line ? b.end_line : b.line, bc = b.end_line ? b.end_col : b.col;

	if (a.line == 0)
		return b;
	if (b.line != 0 && (bl > al || (bl == al && bc > ac))) {
		a.end_line = bl;
		a.end_col = bc;
	}
	return a;
}

static json_t *symbol(struct lsp_server *s, const struct lsp_doc *d, const char *name, int kind,
		      loc_t whole, loc_t sel, json_t *children)
{
	json_t *sym;

	if (sel.line == 0)
		sel = whole;
	sym = json_pack("{s:o,s:i,s:o,s:o}", "name", lsp_string(name && *name ? name : "?"),
			"kind", kind, "range", lsp_range(s, &d->fe.src, span(whole, sel)),
				"selectionRange", lsp_range(s, &d->fe.src, sel));

	if (children)
		json_object_set_new(sym, "children", children);
	return sym;
}

/* SymbolKind (LSP 3.17). */
enum { SK_MODULE = 2, SK_CLASS = 5, SK_FIELD = 8, SK_STRUCT = 23, SK_EVENT = 24, SK_OPERATOR = 25 };

json_t *lsp_symbols(struct lsp_server *s, json_t *params, struct lsp_error *e)
{
	struct lsp_doc *d = lsp_doc_of(s, params, e);
	const struct ast *ast;
	json_t *out;
	char text[160];

	if (!d)
		return NULL;
	ast = &d->fe.ast;
	out = json_array();
	for (size_t i = 0; i < ast->ndecls; i++) {
		size_t k = ast->decls[i].index;

		switch (ast->decls[i].kind) {
		case DECL_POLICY: {
			const struct ast_policy *p = &ast->policies[k];
			loc_t w = span(span(span(p->loc, p->version_p.loc), p->digest_p.loc), p->ipa_bits_p.loc);

			json_array_append_new(out, symbol(s, d, p->name.text, SK_MODULE, w, p->name.loc, NULL));
			break;
		}
		case DECL_REALM: {
			const struct ast_realm *r = &ast->realms[k];
			loc_t w = span(span(span(span(r->loc, r->trust_p.loc), r->measurement_p.loc),
					    r->hostcall_p.loc), r->mmio_p.loc);

			json_array_append_new(out, symbol(s, d, r->name.text, SK_CLASS, w, r->name.loc, NULL));
			break;
		}
		case DECL_REGION: {
			const struct ast_region *r = &ast->regions[k];
			loc_t w = span(span(span(r->loc, r->kind_p.loc), r->size_p.loc), r->at_p.loc);
			json_t *kids = json_array();

			for (size_t g = 0; g < r->ngrants; g++) {
				snprintf(text, sizeof(text), "grant %.63s %s",
					 r->grants[g].realm.text ? r->grants[g].realm.text : "?",
					 keyword_name(&kw_perm, r->grants[g].perm));
				json_array_append_new(kids, symbol(s, d, text, SK_FIELD, r->grants[g].loc,
								   r->grants[g].realm.loc, NULL));
				w = span(w, r->grants[g].loc);
			}
			json_array_append_new(out, symbol(s, d, r->name.text, SK_STRUCT, w, r->name.loc, kids));
			break;
		}
		case DECL_CALL: {
			const struct ast_call *c = &ast->calls[k];

			snprintf(text, sizeof(text), "call %.63s -> %.63s", c->from.text ? c->from.text : "?",
				 c->to.text ? c->to.text : "?");
			json_array_append_new(out, symbol(s, d, text, SK_EVENT, c->loc, c->loc, NULL));
			break;
		}
		case DECL_ASSERT: {
			const struct ast_assert *a = &ast->asserts[k];

			snprintf(text, sizeof(text), "assert no flow %.63s -> %.63s",
				 a->from.text ? a->from.text : "?", a->to.text ? a->to.text : "?");
			json_array_append_new(out, symbol(s, d, text, SK_OPERATOR, a->loc, a->loc, NULL));
			break;
		}
		}
	}
	return out;
}
