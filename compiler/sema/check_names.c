/* check_names.c - one namespace for realms and regions, `host` reserved,
 * and every name used in a grant, call or assert declared and of the right
 * kind; no realm granted twice in a region, no self or duplicate calls.
 *
 * The declared names are sorted once and looked up by binary search, so the
 * check is O(n log n) however large the policy. */
#include <stdlib.h>
#include <string.h>

#include "sema/check.h"
#include "util/suggest.h"
#include "util/xalloc.h"

enum name_kind { NAME_REALM, NAME_REGION };

struct name_entry {
	const char *name;
	enum name_kind kind;
	size_t index;		/* into ast->realms or ast->regions */
	loc_t loc;
	size_t seq;		/* declaration order, to find the first of duplicates */
};

struct names {
	struct name_entry *v;
	size_t n;
	const char **realm_names;	/* for suggestions */
	size_t nrealm_names;
};

static int entry_cmp(const void *a, const void *b)
{
	const struct name_entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static void add_entry(struct names *ns, const ident_t *id, enum name_kind kind, size_t index)
{
	struct name_entry *e = &ns->v[ns->n];

	e->name = id->text;
	e->kind = kind;
	e->index = index;
	e->loc = id->loc;
	e->seq = ns->n++;
}

static void report_reserved(const struct ast *ast, const ident_t *id, const char *what,
			    struct diag_list *dl)
{
	struct diag *d = diag_add(dl, ERR_RESERVED_NAME, ast->src, id->loc,
				    "'host' cannot be declared as a %s", what);

	diag_help(d, "`host` is the built-in untrusted normal world; choose another name");
}

/* Builds the sorted table and reports duplicates and `host`. */
static void build_names(const struct ast *ast, struct names *ns, struct diag_list *dl)
{
	ns->v = xmalloc((ast->nrealms + ast->nregions + 1) * sizeof(*ns->v));
	ns->n = 0;
	for (size_t i = 0; i < ast->ndecls; i++) {
		const struct ast_decl *decl = &ast->decls[i];

		if (decl->kind == DECL_REALM)
			add_entry(ns, &ast->realms[decl->index].name, NAME_REALM, decl->index);
		else if (decl->kind == DECL_REGION)
			add_entry(ns, &ast->regions[decl->index].name, NAME_REGION, decl->index);
	}
	qsort(ns->v, ns->n, sizeof(*ns->v), entry_cmp);
	for (size_t i = 0; i < ns->n; i++) {
		const struct name_entry *e = &ns->v[i];

		if (strcmp(e->name, "host") == 0) {
			ident_t id = {(char *)e->name, e->loc};

			report_reserved(ast, &id, e->kind == NAME_REALM ? "realm" : "region", dl);
		} else if (i > 0 && strcmp(e->name, ns->v[i - 1].name) == 0) {
			size_t first = i;

			while (first > 0 && strcmp(ns->v[first - 1].name, e->name) == 0)
				first--;
			struct diag *d = diag_add(dl, ERR_DUPLICATE_NAME, ast->src, e->loc,
						    "'%s' is declared twice", e->name);
			diag_note(d, ns->v[first].loc, "first declared here");
			diag_help(d, "realms and regions share one namespace: rename one of them");
		}
	}
	ns->realm_names = xmalloc((ast->nrealms + 1) * sizeof(*ns->realm_names));
	ns->nrealm_names = ast->nrealms;
	for (size_t i = 0; i < ast->nrealms; i++)
		ns->realm_names[i] = ast->realms[i].name.text;
}

static const struct name_entry *lookup(const struct names *ns, const char *name)
{
	size_t lo = 0, hi = ns->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ns->v[mid].name, name);

		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ns->n && strcmp(ns->v[lo].name, name) == 0 ? &ns->v[lo] : NULL;
}

/* Suggestions scan every realm name: only worth it for human-sized policies. */
#define SUGGEST_MAX_NAMES 100000

/* Resolves a use of a realm name (or `host`, when HOST_OK). ROLE says what
 * the name is used as, for messages ("a grant", "a call", "an assertion"). Returns
 * false when the use is wrong (and reported). */
static bool check_realm_use(const struct ast *ast, const struct names *ns, const ident_t *id,
			    bool host_ok, bool partial, const char *role, struct diag_list *dl)
{
	const struct name_entry *e;
	struct diag *d;

	if (strcmp(id->text, "host") == 0) {
		if (host_ok)
			return true;
		d = diag_add(dl, ERR_HOST_NOT_ALLOWED, ast->src, id->loc, "'host' cannot be used in %s",
			       role);
		if (strcmp(role, "a grant") == 0)
			diag_help(d, "the host can always access unprotected regions and never "
				  "protected ones; grant realms only");
		else
			diag_help(d, "to let a realm exit to the host, give it %s",
				  ast->yaml ? "`hostcall: true` or `mmio: true`" : "`hostcall;` or `mmio;`");
		return false;
	}
	e = lookup(ns, id->text);
	if (!e) {
		const char *best;

		if (partial)
			return false;
		d = diag_add(dl, ERR_UNDECLARED_NAME, ast->src, id->loc, "undeclared realm '%s'", id->text);
		best = ns->nrealm_names <= SUGGEST_MAX_NAMES ?
			       suggest_name(id->text, ns->realm_names, ns->nrealm_names) : NULL;
		if (best)
			diag_help(d, "did you mean '%s'?", best);
		else if (ast->yaml)
			diag_help(d, "declare it under `realms:` as `%s: {trust: ...}`", id->text);
		else
			diag_help(d, "declare it with `realm %s { trust ...; }`", id->text);
		return false;
	}
	if (e->kind != NAME_REALM) {
		d = diag_add(dl, ERR_WRONG_KIND_OF_NAME, ast->src, id->loc,
			       "'%s' is a region, but %s names realms", id->text, role);
		diag_note(d, e->loc, "'%s' is declared here", id->text);
		return false;
	}
	return true;
}

/* Grants by realm name, then source order (grants are stored in it). */
static int grant_cmp(const void *a, const void *b)
{
	const struct ast_grant *x = *(const struct ast_grant *const *)a;
	const struct ast_grant *y = *(const struct ast_grant *const *)b;
	int c = strcmp(x->realm.text, y->realm.text);

	return c ? c : (x > y) - (x < y);
}

/* Within one region, a realm is granted at most once. */
static void check_grants(const struct ast *ast, const struct names *ns, bool partial,
			 struct diag_list *dl)
{
	for (size_t i = 0; i < ast->nregions; i++) {
		const struct ast_region *r = &ast->regions[i];
		const struct ast_grant **sorted;

		for (size_t j = 0; j < r->ngrants; j++)
			check_realm_use(ast, ns, &r->grants[j].realm, false, partial, "a grant", dl);
		if (r->ngrants < 2)
			continue;
		sorted = xmalloc(r->ngrants * sizeof(*sorted));
		for (size_t j = 0; j < r->ngrants; j++)
			sorted[j] = &r->grants[j];
		qsort(sorted, r->ngrants, sizeof(*sorted), grant_cmp);
		for (size_t j = 1; j < r->ngrants; j++) {
			const struct ast_grant *a = sorted[j - 1], *b = sorted[j];

			if (strcmp(a->realm.text, b->realm.text) != 0)
				continue;
			struct diag *d = diag_add(dl, ERR_DUPLICATE_GRANT, ast->src, b->loc,
						    "'%s' is granted region '%s' twice",
						    b->realm.text, r->name.text);
			diag_note(d, a->loc, "first granted here");
			/* Offer readwrite only when the two grants together mean it:
			 * never more than what was written. */
			if (a->perm && b->perm && a->perm != b->perm)
				diag_help(d, "keep one grant; `readwrite` gives both directions");
			else
				diag_help(d, "remove one of the two grants");
		}
		free(sorted);
	}
}

static int call_cmp(const void *a, const void *b)
{
	const struct ast_call *x = *(const struct ast_call *const *)a;
	const struct ast_call *y = *(const struct ast_call *const *)b;
	int c = strcmp(x->from.text, y->from.text);

	if (!c)
		c = strcmp(x->to.text, y->to.text);
	if (!c)
		c = (x > y) - (x < y);	/* source order: calls are stored in it */
	return c;
}

static void check_calls(const struct ast *ast, const struct names *ns, bool partial,
			struct diag_list *dl)
{
	const struct ast_call **sorted = xmalloc((ast->ncalls + 1) * sizeof(*sorted));

	for (size_t i = 0; i < ast->ncalls; i++) {
		const struct ast_call *c = &ast->calls[i];
		bool ok = check_realm_use(ast, ns, &c->from, false, partial, "a call", dl);

		ok &= check_realm_use(ast, ns, &c->to, false, partial, "a call", dl);
		if (ok && strcmp(c->from.text, c->to.text) == 0) {
			struct diag *d = diag_add(dl, ERR_CALL_TO_ITSELF, ast->src, c->loc,
						    "realm '%s' calls itself", c->from.text);
			diag_help(d, "remove this call; a realm needs no permission to run its "
				  "own code");
		}
		sorted[i] = c;
	}
	qsort(sorted, ast->ncalls, sizeof(*sorted), call_cmp);
	for (size_t i = 1; i < ast->ncalls; i++) {
		const struct ast_call *a = sorted[i - 1], *b = sorted[i];

		if (strcmp(a->from.text, b->from.text) || strcmp(a->to.text, b->to.text))
			continue;
		struct diag *d = diag_add(dl, ERR_DUPLICATE_CALL, ast->src, b->loc,
					    "call %s -> %s is declared twice", b->from.text,
					    b->to.text);
		diag_note(d, a->loc, "first declared here");
		diag_help(d, "remove one; keep `oneway` if data must only flow from caller to "
			  "callee");
	}
	free(sorted);
}

static void check_asserts(const struct ast *ast, const struct names *ns, bool partial,
			  struct diag_list *dl)
{
	for (size_t i = 0; i < ast->nasserts; i++) {
		const struct ast_assert *a = &ast->asserts[i];
		bool ok = check_realm_use(ast, ns, &a->from, true, partial, "an assertion", dl);

		ok &= check_realm_use(ast, ns, &a->to, true, partial, "an assertion", dl);
		if (ok && strcmp(a->from.text, a->to.text) == 0) {
			struct diag *d = diag_add(dl, ERR_ASSERT_ON_ONE_PRINCIPAL, ast->src, a->loc,
						    "assertion from '%s' to itself", a->from.text);
			diag_help(d, "name two different realms (or a realm and host)");
		}
	}
}

void check_names(const struct ast *ast, bool partial, struct diag_list *dl)
{
	struct names ns;

	build_names(ast, &ns, dl);
	check_grants(ast, &ns, partial, dl);
	check_calls(ast, &ns, partial, dl);
	check_asserts(ast, &ns, partial, dl);
	free(ns.v);
	free(ns.realm_names);
}
