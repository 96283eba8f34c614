/* resolve_sort.c - the blob's total order (docs/blob-format.md): realms and
 * regions by name bytes, grants by (region, realm), calls by (caller,
 * callee). Names and pairs are unique once checked, so the order is total
 * and the sort's stability does not matter. */
#include <stdlib.h>
#include <string.h>

#include "sema/resolve_sort.h"

static int rank_cmp(uint32_t a, uint32_t b)
{
	return (a > b) - (a < b);
}

/* Names are interned and ranked (resolve calls intern_rank_all): integer
 * compares give the strcmp order. */
static int realm_cmp(const void *a, const void *b)
{
	return rank_cmp(intern_rank(((const struct model_realm *)a)->name),
			intern_rank(((const struct model_realm *)b)->name));
}

static int region_cmp(const void *a, const void *b)
{
	return rank_cmp(intern_rank(((const struct model_region *)a)->name),
			intern_rank(((const struct model_region *)b)->name));
}

static int pair_cmp(uint32_t a1, uint32_t a2, uint32_t b1, uint32_t b2)
{
	if (a1 != b1)
		return a1 < b1 ? -1 : 1;
	if (a2 != b2)
		return a2 < b2 ? -1 : 1;
	return 0;
}

static int grant_cmp(const void *a, const void *b)
{
	const struct model_grant *x = a, *y = b;

	return pair_cmp(x->region, x->realm, y->region, y->realm);
}

static int call_cmp(const void *a, const void *b)
{
	const struct model_call *x = a, *y = b;

	return pair_cmp(x->caller, x->callee, y->caller, y->callee);
}

void sort_realms(struct model *m)
{
	qsort(m->realms, m->nrealms, sizeof(*m->realms), realm_cmp);
}

void sort_regions(struct model *m, struct place_input *in, const struct ast *ast)
{
	qsort(m->regions, m->nregions, sizeof(*m->regions), region_cmp);
	for (uint32_t i = 0; i < m->nregions; i++) {
		const struct ast_region *a = &ast->regions[m->regions[i].grant_first];

		in->fixed[i] = PROP_SET(a->at_p);
		in->at_loc[i] = a->at_p.loc;
	}
}

void sort_grants(struct model *m)
{
	qsort(m->grants, m->ngrants, sizeof(*m->grants), grant_cmp);
}

void sort_calls(struct model *m)
{
	qsort(m->calls, m->ncalls, sizeof(*m->calls), call_cmp);
}
