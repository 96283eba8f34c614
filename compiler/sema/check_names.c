/* check_names.c - one namespace for realms and regions, `host` reserved,
 * and every name used in a grant, call or assert declared and of the right
 * kind; no realm granted twice in a region, no self or duplicate calls.
 *
 * Names are interned and ranked once (util/intern.h); declarations and
 * uses are found through tables indexed by rank, so no string is compared
 * or sorted here. Equal ranks mean equal names. */
#include <stdlib.h>
#include <string.h>

#include "sema/check.h"
#include "util/suggest.h"
#include "util/xalloc.h"

enum name_kind { NAME_REALM, NAME_REGION };

/* A declaration: its name in the tree (16 bytes, one per realm and region). */
struct name_entry {
	const ident_t *id;
	enum name_kind kind;
};

struct names {
	struct name_entry *v;
	size_t n;
	const struct name_entry **by_rank;	/* first declaration, or NULL */
	uint32_t host_rank;			/* of `host` */
	const char **realm_names;	/* for suggestions */
	size_t nrealm_names;
};

static void add_entry(struct names *ns, const ident_t *id, enum name_kind kind)
{
	ns->v[ns->n].id = id;
	ns->v[ns->n].kind = kind;
	ns->n++;
}

static void report_reserved(const struct ast *ast, const ident_t *id, const char *what,
			    struct diag_list *dl)
{
	struct diag *d = diag_add(dl, ERR_RESERVED_NAME, ast->src, id->loc,
				    "'host' cannot be declared as a %s", what);

	diag_help(d, "`host` is the built-in untrusted normal world; choose another name");
}

/* Builds the tables (in declaration order, so the first declaration of a
 * name is the one kept) and reports duplicates and `host`. */
static void build_names(const struct ast *ast, struct names *ns, struct diag_list *dl)
{
	/* `host` is interned before ranking, so every use compares ranks */
	const char *host = intern_cstr(ast->src->names, "host");

	intern_rank_all(ast->src->names);
	ns->host_rank = intern_rank(host);
	ns->v = xmalloc((ast->nrealms + ast->nregions + 1) * sizeof(*ns->v));
	ns->by_rank = xcalloc(intern_count(ast->src->names) + 1, sizeof(*ns->by_rank));
	ns->n = 0;
	for (size_t i = 0; i < ast->ndecls; i++) {
		const struct ast_decl *decl = &ast->decls[i];

		if (decl->kind == DECL_REALM)
			add_entry(ns, &ast->realms[decl->index].name, NAME_REALM);
		else if (decl->kind == DECL_REGION)
			add_entry(ns, &ast->regions[decl->index].name, NAME_REGION);
	}
	for (size_t i = 0; i < ns->n; i++) {
		const struct name_entry *e = &ns->v[i];
		uint32_t rank = intern_rank(e->id->text);

		if (rank == ns->host_rank) {
			report_reserved(ast, e->id, e->kind == NAME_REALM ? "realm" : "region", dl);
		} else if (ns->by_rank[rank]) {
			struct diag *d = diag_add(dl, ERR_DUPLICATE_NAME, ast->src, e->id->loc,
						    "'%s' is declared twice", e->id->text);
			diag_note(d, ns->by_rank[rank]->id->loc, "first declared here");
			diag_help(d, "realms and regions share one namespace: rename one of them");
		}
		if (!ns->by_rank[rank])
			ns->by_rank[rank] = e;
	}
	ns->realm_names = xmalloc((ast->nrealms + 1) * sizeof(*ns->realm_names));
	ns->nrealm_names = ast->nrealms;
	for (size_t i = 0; i < ast->nrealms; i++)
		ns->realm_names[i] = ast->realms[i].name.text;
}

static const struct name_entry *lookup(const struct names *ns, const char *name)
{
	return ns->by_rank[intern_rank(name)];
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

	if (intern_rank(id->text) == ns->host_rank) {
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
		diag_note(d, e->id->loc, "'%s' is declared here", id->text);
		return false;
	}
	return true;
}

/* Within one region, a realm is granted at most once. SEEN[rank] is the
 * region (index + 1) that last granted that realm, PREV the grant, so a
 * repeat is found without sorting and points at the grant before it. */
static void check_grants(const struct ast *ast, const struct names *ns, bool partial,
			 struct diag_list *dl)
{
	size_t nranks = intern_count(ast->src->names) + 1;
	size_t *seen = xcalloc(nranks, sizeof(*seen));
	const struct ast_grant **prev = xmalloc(nranks * sizeof(*prev));

	for (size_t i = 0; i < ast->nregions; i++) {
		const struct ast_region *r = &ast->regions[i];

		for (size_t j = 0; j < r->ngrants; j++) {
			const struct ast_grant *b = &r->grants[j];
			uint32_t rank = intern_rank(b->realm.text);

			check_realm_use(ast, ns, &b->realm, false, partial, "a grant", dl);
			if (seen[rank] == i + 1) {
				struct diag *d = diag_add(dl, ERR_DUPLICATE_GRANT, ast->src, b->loc,
							    "'%s' is granted region '%s' twice",
							    b->realm.text, r->name.text);
				diag_note(d, prev[rank]->loc, "first granted here");
				/* Offer readwrite only when the two grants together
				 * mean it: never more than what was written. */
				if (prev[rank]->perm && b->perm && prev[rank]->perm != b->perm)
					diag_help(d, "keep one grant; `readwrite` gives both directions");
				else
					diag_help(d, "remove one of the two grants");
			}
			seen[rank] = i + 1;
			prev[rank] = b;
		}
	}
	free(seen);
	free(prev);
}

/* Equal ranks: the same name (they are interned). */
static bool same_name(const char *a, const char *b)
{
	return intern_rank(a) == intern_rank(b);
}

/* Calls are grouped by caller rank (a counting sort, so each group keeps
 * source order); within a group a repeated callee is found as for grants. */
static void check_calls(const struct ast *ast, const struct names *ns, bool partial,
			struct diag_list *dl)
{
	size_t nranks = intern_count(ast->src->names) + 1;
	size_t *start = xcalloc(nranks + 1, sizeof(*start));
	size_t *seen = xcalloc(nranks, sizeof(*seen));
	const struct ast_call **prev = xmalloc(nranks * sizeof(*prev));
	const struct ast_call **sorted = xmalloc((ast->ncalls + 1) * sizeof(*sorted));

	for (size_t i = 0; i < ast->ncalls; i++) {
		const struct ast_call *c = &ast->calls[i];
		bool ok = check_realm_use(ast, ns, &c->from, false, partial, "a call", dl);

		ok &= check_realm_use(ast, ns, &c->to, false, partial, "a call", dl);
		if (ok && same_name(c->from.text, c->to.text)) {
			struct diag *d = diag_add(dl, ERR_CALL_TO_ITSELF, ast->src, c->loc,
						    "realm '%s' calls itself", c->from.text);
			diag_help(d, "remove this call; a realm needs no permission to run its "
				  "own code");
		}
		start[intern_rank(c->from.text) + 1]++;
	}
	for (size_t r = 1; r <= nranks; r++)
		start[r] += start[r - 1];
	for (size_t i = 0; i < ast->ncalls; i++)
		sorted[start[intern_rank(ast->calls[i].from.text)]++] = &ast->calls[i];
	for (size_t i = 0; i < ast->ncalls; i++) {
		const struct ast_call *b = sorted[i];
		uint32_t from = intern_rank(b->from.text), to = intern_rank(b->to.text);

		if (seen[to] == (size_t)from + 1) {
			struct diag *d = diag_add(dl, ERR_DUPLICATE_CALL, ast->src, b->loc,
						    "call %s -> %s is declared twice", b->from.text,
						    b->to.text);
			diag_note(d, prev[to]->loc, "first declared here");
			diag_help(d, "remove one; keep `oneway` if data must only flow from caller "
				  "to callee");
		}
		seen[to] = (size_t)from + 1;
		prev[to] = b;
	}
	free(start);
	free(seen);
	free(prev);
	free(sorted);
}

static void check_asserts(const struct ast *ast, const struct names *ns, bool partial,
			  struct diag_list *dl)
{
	for (size_t i = 0; i < ast->nasserts; i++) {
		const struct ast_assert *a = &ast->asserts[i];
		bool ok = check_realm_use(ast, ns, &a->from, true, partial, "an assertion", dl);

		ok &= check_realm_use(ast, ns, &a->to, true, partial, "an assertion", dl);
		if (ok && same_name(a->from.text, a->to.text)) {
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
	free(ns.by_rank);
	free(ns.realm_names);
}
