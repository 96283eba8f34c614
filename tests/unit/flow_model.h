/* flow_model.h - builds models by hand for the flow tests, the way resolve
 * leaves them: realms added in name order, grants sorted by (region, realm)
 * and calls by (caller, callee) when the model is finished. Every item gets
 * its own source line (in the order added), so tests can check where a
 * diagnostic points. */
#ifndef MICAC_TEST_FLOW_MODEL_H
#define MICAC_TEST_FLOW_MODEL_H

#include <stdlib.h>
#include <string.h>

#include "sema/model.h"
#include "util/xalloc.h"

struct fm {
	struct model m;
	struct interner *names;	/* the model's names, as a source owns them */
	uint32_t line;		/* next source line handed out */
};

static inline loc_t fm_loc(struct fm *b)
{
	loc_t l = {++b->line, 5, b->line, 9};
	return l;
}

static inline void fm_init(struct fm *b)
{
	memset(b, 0, sizeof(*b));
	b->names = interner_new();
	b->m.name = intern_cstr(b->names, "test");
	b->m.digest_alg = MICA_DIGEST_SHA512;
	b->m.ipa_bits = 40;
}

static inline void fm_free(struct fm *b)
{
	model_free(&b->m);
	interner_free(b->names);
}

/* Realms must be added in name order (the model's order). */
static inline uint32_t fm_realm(struct fm *b, const char *name, uint8_t trust, uint8_t flags)
{
	struct model *m = &b->m;
	struct model_realm *r;

	m->realms = xrealloc(m->realms, (m->nrealms + 1) * sizeof(*m->realms));
	r = &m->realms[m->nrealms];
	memset(r, 0, sizeof(*r));
	r->name = intern_cstr(b->names, name);
	r->trust = trust;
	r->flags = flags;
	r->loc = fm_loc(b);
	if (flags & MICA_REALM_HOSTCALL)
		r->hostcall_loc = fm_loc(b);
	if (flags & MICA_REALM_MMIO)
		r->mmio_loc = fm_loc(b);
	return m->nrealms++;
}

/* Regions must be added in name order too. */
static inline uint32_t fm_region(struct fm *b, const char *name, uint8_t kind)
{
	struct model *m = &b->m;
	struct model_region *r;

	m->regions = xrealloc(m->regions, (m->nregions + 1) * sizeof(*m->regions));
	r = &m->regions[m->nregions];
	memset(r, 0, sizeof(*r));
	r->name = intern_cstr(b->names, name);
	r->kind = kind;
	r->size = 4096;
	r->base = (uint64_t)m->nregions * 4096;
	r->loc = fm_loc(b);
	return m->nregions++;
}

static inline void fm_grant(struct fm *b, uint32_t region, uint32_t realm, uint8_t perm)
{
	struct model *m = &b->m;

	m->grants = xrealloc(m->grants, (m->ngrants + 1) * sizeof(*m->grants));
	m->grants[m->ngrants++] = (struct model_grant){region, realm, perm, fm_loc(b)};
}

static inline void fm_call(struct fm *b, uint32_t caller, uint32_t callee, uint8_t flags)
{
	struct model *m = &b->m;

	m->calls = xrealloc(m->calls, (m->ncalls + 1) * sizeof(*m->calls));
	m->calls[m->ncalls++] = (struct model_call){caller, callee, flags, fm_loc(b)};
}

static inline void fm_assert(struct fm *b, uint32_t from, uint32_t to)
{
	struct model *m = &b->m;

	m->asserts = xrealloc(m->asserts, (m->nasserts + 1) * sizeof(*m->asserts));
	m->asserts[m->nasserts++] = (struct model_assert){from, to, fm_loc(b)};
}

static inline int fm_grant_cmp(const void *a, const void *b)
{
	const struct model_grant *x = a, *y = b;

	if (x->region != y->region)
		return x->region < y->region ? -1 : 1;
	return x->realm < y->realm ? -1 : (x->realm > y->realm);
}

static inline int fm_call_cmp(const void *a, const void *b)
{
	const struct model_call *x = a, *y = b;

	if (x->caller != y->caller)
		return x->caller < y->caller ? -1 : 1;
	return x->callee < y->callee ? -1 : (x->callee > y->callee);
}

/* Sorts grants and calls and fills each region's grant range. */
static inline struct model *fm_finish(struct fm *b)
{
	struct model *m = &b->m;

	if (m->ngrants)
		qsort(m->grants, m->ngrants, sizeof(*m->grants), fm_grant_cmp);
	if (m->ncalls)
		qsort(m->calls, m->ncalls, sizeof(*m->calls), fm_call_cmp);
	for (uint32_t r = 0; r < m->nregions; r++) {
		m->regions[r].grant_first = 0;
		m->regions[r].grant_count = 0;
	}
	for (uint32_t i = m->ngrants; i-- > 0;) {
		m->regions[m->grants[i].region].grant_first = i;
		m->regions[m->grants[i].region].grant_count++;
	}
	return m;
}

#endif
