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

static void diff_realms(struct diff_report *r)
{
	const struct model *o = r->old, *n = r->new;
	uint32_t i = 0, k = 0;

	while (i < o->nrealms || k < n->nrealms) {
		int c = i == o->nrealms ? 1 : k == n->nrealms ? -1
			: strcmp(o->realms[i].name, n->realms[k].name);

		if (c < 0) {
			add(r, DIFF_REALM_REMOVED, DIFF_OLD, o->realms[i].loc,
			    trust_name(o->realms[i].trust), NULL, "realm '%s' (%s) removed",
			    o->realms[i].name, trust_name(o->realms[i].trust));
			subject(r, "%s", o->realms[i++].name);
		} else if (c > 0) {
			add(r, DIFF_REALM_ADDED, DIFF_NEW, n->realms[k].loc, NULL,
			    trust_name(n->realms[k].trust), "realm '%s' (%s) added",
			    n->realms[k].name, trust_name(n->realms[k].trust));
			subject(r, "%s", n->realms[k++].name);
		} else {
			diff_realm(r, &o->realms[i++], &n->realms[k++]);
		}
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

static void diff_regions(struct diff_report *r)
{
	const struct model *o = r->old, *n = r->new;
	uint32_t i = 0, k = 0;
	char size[SPELL_MAX];

	while (i < o->nregions || k < n->nregions) {
		int c = i == o->nregions ? 1 : k == n->nregions ? -1
			: strcmp(o->regions[i].name, n->regions[k].name);
		const struct model_region *x = c < 0 ? &o->regions[i] : &n->regions[k];

		if (c == 0) {
			diff_region(r, &o->regions[i++], &n->regions[k++]);
			continue;
		}
		spell_size(x->size, size);
		if (c < 0) {
			add(r, DIFF_REGION_REMOVED, DIFF_OLD, x->loc, keyword_name(&kw_kind, x->kind), NULL,
			    "%s region '%s' (%s) removed", keyword_name(&kw_kind, x->kind), x->name, size);
			i++;
		} else {
			add(r, DIFF_REGION_ADDED, DIFF_NEW, x->loc, NULL, keyword_name(&kw_kind, x->kind),
			    "%s region '%s' (%s) added", keyword_name(&kw_kind, x->kind), x->name, size);
			k++;
		}
		subject(r, "%s", x->name);
	}
}

static int grant_cmp(const struct model *o, const struct model_grant *a, const struct model *n,
		     const struct model_grant *b)
{
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

static void diff_grants(struct diff_report *r)
{
	const struct model *o = r->old, *n = r->new;
	uint32_t i = 0, k = 0;

	while (i < o->ngrants || k < n->ngrants) {
		const struct model_grant *a = i < o->ngrants ? &o->grants[i] : NULL;
		const struct model_grant *b = k < n->ngrants ? &n->grants[k] : NULL;
		int c = !a ? 1 : !b ? -1 : grant_cmp(o, a, n, b);

		if (c < 0) {
			grant_change(r, DIFF_GRANT_REMOVED, DIFF_OLD, o, a, a->perm, 0);
			i++;
		} else if (c > 0) {
			grant_change(r, DIFF_GRANT_ADDED, DIFF_NEW, n, b, 0, b->perm);
			k++;
		} else {
			if (a->perm != b->perm)
				grant_change(r, (b->perm & ~a->perm) ? DIFF_GRANT_WIDENED : DIFF_GRANT_NARROWED,
					     DIFF_NEW, n, b, a->perm, b->perm);
			i++;
			k++;
		}
	}
}

/* ---- calls ---- */

static const char *call_word(uint8_t flags)
{
	return flags & MICA_CALL_ONEWAY ? "oneway" : "returning";
}

static void diff_calls(struct diff_report *r)
{
	const struct model *o = r->old, *n = r->new;
	uint32_t i = 0, k = 0;

	while (i < o->ncalls || k < n->ncalls) {
		const struct model_call *a = i < o->ncalls ? &o->calls[i] : NULL;
		const struct model_call *b = k < n->ncalls ? &n->calls[k] : NULL;
		int c = !a ? 1 : !b ? -1 : 0;
		const struct model *m;
		const struct model_call *x;

		if (c == 0) {
			c = strcmp(o->realms[a->caller].name, n->realms[b->caller].name);
			if (c == 0)
				c = strcmp(o->realms[a->callee].name, n->realms[b->callee].name);
		}
		m = c < 0 ? o : n;
		x = c < 0 ? a : b;
		if (c < 0) {
			add(r, DIFF_CALL_REMOVED, DIFF_OLD, a->loc, call_word(a->flags), NULL,
			    "'%s' may no longer call '%s'", o->realms[a->caller].name,
			    o->realms[a->callee].name);
			i++;
		} else if (c > 0) {
			add(r, DIFF_CALL_ADDED, DIFF_NEW, b->loc, NULL, call_word(b->flags),
			    "'%s' may now call '%s' (%s)", n->realms[b->caller].name,
			    n->realms[b->callee].name, call_word(b->flags));
			k++;
		} else {
			i++;
			k++;
			if (a->flags == b->flags)
				continue;
			add(r, b->flags & MICA_CALL_ONEWAY ? DIFF_CALL_NARROWED : DIFF_CALL_WIDENED, DIFF_NEW,
			    b->loc, call_word(a->flags), call_word(b->flags),
			    b->flags & MICA_CALL_ONEWAY
				    ? "call %s -> %s is now oneway: no results flow back"
				    : "call %s -> %s now returns results to its caller",
			    n->realms[b->caller].name, n->realms[b->callee].name);
		}
		subject(r, "%s -> %s", m->realms[x->caller].name, m->realms[x->callee].name);
	}
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

static void diff_header(struct diff_report *r)
{
	const struct model *o = r->old, *n = r->new;
	char b[SPELL_MAX], a[SPELL_MAX];

	if (strcmp(o->name, n->name)) {
		add(r, DIFF_POLICY, DIFF_NEW, n->loc, o->name, n->name, "policy renamed from '%s' to '%s'",
		    o->name, n->name);
		subject(r, "name");
	}
	if (o->version != n->version) {
		snprintf(b, sizeof(b), "%u", o->version);
		snprintf(a, sizeof(a), "%u", n->version);
		add(r, DIFF_POLICY, DIFF_NEW, n->loc, b, a, "version %s -> %s", b, a);
		subject(r, "version");
	}
	if (o->digest_alg != n->digest_alg) {
		add(r, DIFF_POLICY, DIFF_NEW, n->loc, digest_name(o->digest_alg),
		    digest_name(n->digest_alg), "digest %s -> %s", digest_name(o->digest_alg),
		    digest_name(n->digest_alg));
		subject(r, "digest");
	}
	if (o->ipa_bits != n->ipa_bits) {
		snprintf(b, sizeof(b), "%u", o->ipa_bits);
		snprintf(a, sizeof(a), "%u", n->ipa_bits);
		add(r, DIFF_POLICY, DIFF_NEW, n->loc, b, a, "ipa_bits %s -> %s", b, a);
		subject(r, "ipa_bits");
	}
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
	diff_realms(r);
	diff_regions(r);
	diff_grants(r);
	diff_calls(r);
	if (old->src && new->src) {
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
