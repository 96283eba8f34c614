/* diff.c - diff_models: two models compared field by field, and their
 * flows compared pair by pair (see diff.h).
 *
 * Realms, regions, grants and calls are in the blob's order on both sides
 * (by name, grants by region then realm, calls by caller then callee), so
 * each table is compared in one merge walk on names. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "blob/digest.h"
#include "diff/diff.h"
#include "syntax/keywords.h"
#include "util/spell.h"
#include "util/xalloc.h"

const struct diff_kind_info diff_kinds[DIFF_KIND_COUNT] = {
#define DIFF_INFO(id, name, title, sign) {name, title, sign},
	DIFF_KINDS(DIFF_INFO)
#undef DIFF_INFO
};

int diff_kind_find(const char *name)
{
	for (int i = 0; i < DIFF_KIND_COUNT; i++)
		if (strcmp(diff_kinds[i].name, name) == 0)
			return i;
	return -1;
}

const struct model *diff_change_model(const struct diff_report *r, const struct diff_change *c)
{
	return c->side == DIFF_NEW ? r->new : r->old;
}

/* Adds a change; BEFORE and AFTER are copied (NULL: none). */
__attribute__((format(printf, 7, 8)))
static struct diff_change *add(struct diff_report *r, enum diff_kind kind, enum diff_side side,
			       loc_t loc, const char *before, const char *after, const char *fmt, ...)
{
	struct diff_change *c;
	va_list ap;

	xgrow(&r->v, &r->cap, r->n, sizeof(*r->v));
	c = &r->v[r->n];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->side = side;
	c->loc = loc;
	c->before = before ? xstrdup(before) : NULL;
	c->after = after ? xstrdup(after) : NULL;
	va_start(ap, fmt);
	c->message = xvasprintf(fmt, ap);
	va_end(ap);
	c->seq = r->n++;
	return c;
}

/* The subject of the change just added. */
__attribute__((format(printf, 2, 3)))
static void subject(struct diff_report *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	r->v[r->n - 1].subject = xvasprintf(fmt, ap);
	va_end(ap);
}

static const char *trust_name(uint8_t t)
{
	return keyword_name(&kw_trust, t);
}

/* ---- one merge walk for every table ---- */

#define NONE UINT32_MAX

/* Compares entry I of the old table with entry K of the new one, by name. */
typedef int (*entry_cmp)(const struct diff_report *r, uint32_t i, uint32_t k);
/* Entry I (old) and K (new) match; or one is NONE: removed, or added. */
typedef void (*entry_visit)(struct diff_report *r, uint32_t i, uint32_t k);

static void merge_walk(struct diff_report *r, uint32_t nold, uint32_t nnew, entry_cmp cmp,
		       entry_visit visit)
{
	uint32_t i = 0, k = 0;

	while (i < nold || k < nnew) {
		int c = i == nold ? 1 : k == nnew ? -1 : cmp(r, i, k);

		if (c < 0)
			visit(r, i++, NONE);
		else if (c > 0)
			visit(r, NONE, k++);
		else
			visit(r, i++, k++);
	}
}

/* ---- realms ---- */

static char *measurement_text(const struct model_realm *x)
{
	return x->meas_len ? hex_encode(x->measurement, x->meas_len) : xstrdup("none");
}

static void diff_exit(struct diff_report *r, const struct model_realm *o, const struct model_realm *n,
		      uint8_t flag, const char *what, loc_t nloc, loc_t oloc)
{
	if ((o->flags & flag) == (n->flags & flag))
		return;
	if (n->flags & flag)
		add(r, DIFF_EXIT_ADDED, DIFF_NEW, nloc.line ? nloc : n->loc, NULL, what,
		    "'%s' may now use %s", n->name, what);
	else
		add(r, DIFF_EXIT_REMOVED, DIFF_OLD, oloc.line ? oloc : o->loc, what, NULL,
		    "'%s' may no longer use %s", n->name, what);
	subject(r, "%s", n->name);
}

static void diff_realm(struct diff_report *r, const struct model_realm *o, const struct model_realm *n)
{
	if (o->trust != n->trust) {
		/* MICA_TRUST_TRUSTED is the smallest value: more trust. */
		bool raised = n->trust < o->trust;

		add(r, raised ? DIFF_TRUST_RAISED : DIFF_TRUST_LOWERED, DIFF_NEW, n->loc,
		    trust_name(o->trust), trust_name(n->trust), "realm '%s' is now %s (was %s)",
		    n->name, trust_name(n->trust), trust_name(o->trust));
		subject(r, "%s", n->name);
	}
	if (o->meas_len != n->meas_len || memcmp(o->measurement, n->measurement, o->meas_len)) {
		char *before = measurement_text(o), *after = measurement_text(n);

		add(r, DIFF_MEASUREMENT, DIFF_NEW, n->loc, before, after,
		    n->meas_len ? "realm '%s' now expects another image (%u-byte measurement)"
				: "realm '%s' no longer names its image (%u-byte measurement removed)",
		    n->name, n->meas_len ? n->meas_len : o->meas_len);
		subject(r, "%s", n->name);
		free(before);
		free(after);
	}
	diff_exit(r, o, n, MICA_REALM_HOSTCALL, "hostcall", n->hostcall_loc, o->hostcall_loc);
	diff_exit(r, o, n, MICA_REALM_MMIO, "mmio", n->mmio_loc, o->mmio_loc);
}

static int realm_cmp(const struct diff_report *r, uint32_t i, uint32_t k)
{
	return strcmp(r->old->realms[i].name, r->new->realms[k].name);
}

static void realm_visit(struct diff_report *r, uint32_t i, uint32_t k)
{
	const struct model_realm *o = i != NONE ? &r->old->realms[i] : NULL;
	const struct model_realm *n = k != NONE ? &r->new->realms[k] : NULL;

	if (o && n) {
		diff_realm(r, o, n);
	} else if (o) {
		add(r, DIFF_REALM_REMOVED, DIFF_OLD, o->loc, trust_name(o->trust), NULL,
		    "realm '%s' (%s) removed", o->name, trust_name(o->trust));
		subject(r, "%s", o->name);
	} else {
		add(r, DIFF_REALM_ADDED, DIFF_NEW, n->loc, NULL, trust_name(n->trust),
		    "realm '%s' (%s) added", n->name, trust_name(n->trust));
		subject(r, "%s", n->name);
	}
}

/* ---- regions and grants ---- */

static void diff_region(struct diff_report *r, const struct model_region *o, const struct model_region *n)
{
	char b[SPELL_MAX], a[SPELL_MAX];

	if (o->kind != n->kind) {
		bool exposed = n->kind == MICA_REGION_UNPROTECTED;

		add(r, exposed ? DIFF_REGION_EXPOSED : DIFF_REGION_PROTECTED, DIFF_NEW, n->loc,
		    keyword_name(&kw_kind, o->kind), keyword_name(&kw_kind, n->kind),
		    exposed ? "region '%s' is now unprotected: the host can read and write it"
			    : "region '%s' is now protected: the host can no longer reach it", n->name);
		subject(r, "%s", n->name);
	}
	if (o->base != n->base) {
		add(r, DIFF_REGION_MOVED, DIFF_NEW, n->loc, spell_addr(o->base, b), spell_addr(n->base, a),
		    "region '%s' moved from %s to %s", n->name, b, a);
		subject(r, "%s", n->name);
	}
	if (o->size != n->size) {
		add(r, DIFF_REGION_RESIZED, DIFF_NEW, n->loc, spell_size(o->size, b), spell_size(n->size, a),
		    "region '%s' resized from %s to %s", n->name, b, a);
		subject(r, "%s", n->name);
	}
}

static int region_cmp(const struct diff_report *r, uint32_t i, uint32_t k)
{
	return strcmp(r->old->regions[i].name, r->new->regions[k].name);
}

static void region_visit(struct diff_report *r, uint32_t i, uint32_t k)
{
	const struct model_region *x = k != NONE ? &r->new->regions[k] : &r->old->regions[i];
	char size[SPELL_MAX];

	if (i != NONE && k != NONE) {
		diff_region(r, &r->old->regions[i], x);
		return;
	}
	spell_size(x->size, size);
	if (k == NONE)
		add(r, DIFF_REGION_REMOVED, DIFF_OLD, x->loc, keyword_name(&kw_kind, x->kind), NULL,
		    "%s region '%s' (%s) removed", keyword_name(&kw_kind, x->kind), x->name, size);
	else
		add(r, DIFF_REGION_ADDED, DIFF_NEW, x->loc, NULL, keyword_name(&kw_kind, x->kind),
		    "%s region '%s' (%s) added", keyword_name(&kw_kind, x->kind), x->name, size);
	subject(r, "%s", x->name);
}

static int grant_cmp(const struct diff_report *r, uint32_t i, uint32_t k)
{
	const struct model *o = r->old, *n = r->new;
	const struct model_grant *a = &o->grants[i], *b = &n->grants[k];
	int c = strcmp(o->regions[a->region].name, n->regions[b->region].name);

	return c ? c : strcmp(o->realms[a->realm].name, n->realms[b->realm].name);
}

static const char *perm_verb(uint8_t perm)
{
	return perm == MICA_PERM_READWRITE ? "read and write" : keyword_name(&kw_perm, perm);
}

static void grant_change(struct diff_report *r, enum diff_kind kind, enum diff_side side,
			 const struct model *m, const struct model_grant *g, uint8_t before,
			 uint8_t after)
{
	const char *region = m->regions[g->region].name, *realm = m->realms[g->realm].name;
	const char *b = before ? keyword_name(&kw_perm, before) : NULL;
	const char *a = after ? keyword_name(&kw_perm, after) : NULL;

	if (!before)
		add(r, kind, side, g->loc, b, a, "'%s' may now %s region '%s'", realm,
		    perm_verb(after), region);
	else if (!after)
		add(r, kind, side, g->loc, b, a, "'%s' may no longer %s region '%s'", realm,
		    perm_verb(before), region);
	else
		add(r, kind, side, g->loc, b, a, "grant of '%s' on region '%s' is now %s (was %s)",
		    realm, region, a, b);
	subject(r, "%s: %s", region, realm);
}

static void grant_visit(struct diff_report *r, uint32_t i, uint32_t k)
{
	const struct model_grant *a = i != NONE ? &r->old->grants[i] : NULL;
	const struct model_grant *b = k != NONE ? &r->new->grants[k] : NULL;

	if (!b)
		grant_change(r, DIFF_GRANT_REMOVED, DIFF_OLD, r->old, a, a->perm, 0);
	else if (!a)
		grant_change(r, DIFF_GRANT_ADDED, DIFF_NEW, r->new, b, 0, b->perm);
	else if (a->perm != b->perm)
		grant_change(r, (b->perm & ~a->perm) ? DIFF_GRANT_WIDENED : DIFF_GRANT_NARROWED,
			     DIFF_NEW, r->new, b, a->perm, b->perm);
}

/* ---- calls ---- */

static const char *call_word(uint8_t flags)
{
	return flags & MICA_CALL_ONEWAY ? "oneway" : "returning";
}

static int call_cmp(const struct diff_report *r, uint32_t i, uint32_t k)
{
	const struct model *o = r->old, *n = r->new;
	const struct model_call *a = &o->calls[i], *b = &n->calls[k];
	int c = strcmp(o->realms[a->caller].name, n->realms[b->caller].name);

	return c ? c : strcmp(o->realms[a->callee].name, n->realms[b->callee].name);
}

static void call_visit(struct diff_report *r, uint32_t i, uint32_t k)
{
	const struct model *o = r->old, *n = r->new, *m = k != NONE ? n : o;
	const struct model_call *a = i != NONE ? &o->calls[i] : NULL;
	const struct model_call *b = k != NONE ? &n->calls[k] : NULL, *x = b ? b : a;

	if (!b) {
		add(r, DIFF_CALL_REMOVED, DIFF_OLD, a->loc, call_word(a->flags), NULL,
		    "'%s' may no longer call '%s'", o->realms[a->caller].name, o->realms[a->callee].name);
	} else if (!a) {
		add(r, DIFF_CALL_ADDED, DIFF_NEW, b->loc, NULL, call_word(b->flags),
		    "'%s' may now call '%s' (%s)", n->realms[b->caller].name, n->realms[b->callee].name,
		    call_word(b->flags));
	} else if (a->flags != b->flags) {
		add(r, b->flags & MICA_CALL_ONEWAY ? DIFF_CALL_NARROWED : DIFF_CALL_WIDENED, DIFF_NEW, b->loc,
		    call_word(a->flags), call_word(b->flags),
		    b->flags & MICA_CALL_ONEWAY ? "call %s -> %s is now oneway: no results flow back"
						: "call %s -> %s now returns results to its caller",
		    n->realms[b->caller].name, n->realms[b->callee].name);
	} else {
		return;
	}
	subject(r, "%s -> %s", m->realms[x->caller].name, m->realms[x->callee].name);
}

/* ---- asserts and the header ---- */

static bool has_assert(const struct model *m, const char *from, const char *to)
{
	for (uint32_t i = 0; i < m->nasserts; i++)
		if (!strcmp(model_principal_name(m, m->asserts[i].from), from) &&
		    !strcmp(model_principal_name(m, m->asserts[i].to), to))
			return true;
	return false;
}

static void asserts_only_in(struct diff_report *r, enum diff_side side)
{
	const struct model *m = side == DIFF_NEW ? r->new : r->old;
	const struct model *other = side == DIFF_NEW ? r->old : r->new;

	for (uint32_t i = 0; i < m->nasserts; i++) {
		const char *from = model_principal_name(m, m->asserts[i].from);
		const char *to = model_principal_name(m, m->asserts[i].to);

		if (has_assert(other, from, to))
			continue;
		add(r, side == DIFF_NEW ? DIFF_ASSERT_ADDED : DIFF_ASSERT_REMOVED, side,
		    m->asserts[i].loc, NULL, NULL, "assert no flow %s -> %s %s", from, to,
		    side == DIFF_NEW ? "added" : "removed: nothing guards that flow any more");
		subject(r, "no flow %s -> %s", from, to);
	}
}

/* One field of the policy block, as text on both sides. */
static void header_field(struct diff_report *r, const char *field, const char *before,
			 const char *after)
{
	if (strcmp(before, after) == 0)
		return;
	add(r, DIFF_POLICY, DIFF_NEW, r->new->loc, before, after, "%s %s -> %s", field, before, after);
	subject(r, "%s", field);
}

static void diff_header(struct diff_report *r)
{
	const struct model *o = r->old, *n = r->new;
	char b[SPELL_MAX], a[SPELL_MAX];

	header_field(r, "name", o->name, n->name);
	snprintf(b, sizeof(b), "%u", o->version);
	snprintf(a, sizeof(a), "%u", n->version);
	header_field(r, "version", b, a);
	header_field(r, "digest", digest_name(o->digest_alg), digest_name(n->digest_alg));
	snprintf(b, sizeof(b), "%u", o->ipa_bits);
	snprintf(a, sizeof(a), "%u", n->ipa_bits);
	header_field(r, "ipa_bits", b, a);
}

/* ---- flows ---- */

/* Is NAME a sink of M? Its principal in *P. (MODEL_HOST and FLOW_NONE are
 * the same number, so the answer cannot be folded into P.) */
static bool sink_named(const struct model *m, const char *name, uint32_t *p)
{
	int64_t i;

	if (strcmp(name, "host") == 0) {
		*p = MODEL_HOST;
		return true;
	}
	i = model_find_realm(m, name);
	*p = (uint32_t)i;
	return i >= 0 && flow_is_sink(m, (uint32_t)i);
}

/* Every (source, sink) pair of THIS's graph that OTHER's lacks, as a change
 * on SIDE with THIS's shortest path. One forward search per confidential
 * source on each side. */
static void flows_only_in(struct diff_report *r, const struct flow_graph *this,
			  const struct flow_graph *other, enum diff_side side)
{
	const struct model *m = this->m, *om = other->m;

	for (uint32_t s = 0; s < m->nrealms; s++) {
		struct flow_search here, there;
		int64_t os;
		bool searched_there = false;

		if (!flow_is_confidential(m, s))
			continue;
		flow_search_run(&here, this, FLOW_FORWARD, &s, 1, NULL);
		os = model_find_realm(om, m->realms[s].name);
		if (os >= 0 && flow_is_confidential(om, (uint32_t)os)) {
			uint32_t start = (uint32_t)os;

			flow_search_run(&there, other, FLOW_FORWARD, &start, 1, NULL);
			searched_there = true;
		}
		for (uint32_t i = 1; i < here.norder; i++) {
			uint32_t p = flow_principal(this, here.order[i]), op;
			const char *pname = model_principal_name(m, p);
			struct diff_change *c;

			if (p == s || (p != MODEL_HOST && !flow_is_sink(m, p)))
				continue;
			if (searched_there && sink_named(om, pname, &op) &&
			    there.dist[flow_node(other, op)] != FLOW_NONE)
				continue;
			if (side == DIFF_NEW)
				c = add(r, p == MODEL_HOST ? DIFF_FLOW_TO_HOST : DIFF_FLOW_ADDED, side,
					(loc_t){0}, NULL, NULL, "data of '%s' can now reach '%s'",
					m->realms[s].name, pname);
			else
				c = add(r, DIFF_FLOW_REMOVED, side, (loc_t){0}, NULL, NULL,
					"data of '%s' can no longer reach '%s'", m->realms[s].name, pname);
			flow_search_path(&here, p, &c->path);
			c->loc = flow_step_loc(m, &c->path.steps[c->path.nsteps - 1]);
			subject(r, "%s -> %s", m->realms[s].name, pname);
		}
		flow_search_free(&here);
		if (searched_there)
			flow_search_free(&there);
	}
}

static void diff_flows(struct diff_report *r)
{
	struct flow_graph go, gn;

	flow_graph_build(&go, r->old);
	flow_graph_build(&gn, r->new);
	flows_only_in(r, &gn, &go, DIFF_NEW);
	flows_only_in(r, &go, &gn, DIFF_OLD);
	flow_graph_free(&go);
	flow_graph_free(&gn);
}

static int change_cmp(const void *a, const void *b)
{
	const struct diff_change *x = a, *y = b;
	int c;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	c = strcmp(x->subject, y->subject);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

void diff_models(const struct model *old, const struct model *new, struct diff_report *r)
{
	memset(r, 0, sizeof(*r));
	r->old = old;
	r->new = new;
	diff_header(r);
	merge_walk(r, old->nrealms, new->nrealms, realm_cmp, realm_visit);
	merge_walk(r, old->nregions, new->nregions, region_cmp, region_visit);
	merge_walk(r, old->ngrants, new->ngrants, grant_cmp, grant_visit);
	merge_walk(r, old->ncalls, new->ncalls, call_cmp, call_visit);
	/* A blob carries no asserts: compare them only between two sources. */
	if (old->src && !old->src->blob && new->src && !new->src->blob) {
		asserts_only_in(r, DIFF_NEW);
		asserts_only_in(r, DIFF_OLD);
	}
	diff_flows(r);
	if (r->n > 1)
		qsort(r->v, r->n, sizeof(*r->v), change_cmp);
}

void diff_report_free(struct diff_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].subject);
		free(r->v[i].message);
		free(r->v[i].before);
		free(r->v[i].after);
		flow_path_free(&r->v[i].path);
	}
	free(r->v);
	memset(r, 0, sizeof(*r));
}
