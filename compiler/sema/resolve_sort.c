/* resolve_sort.c - the blob's total order (docs/blob-format.md): realms and
 * regions by name bytes, grants by (region, realm), calls by (caller,
 * callee). Names and pairs are unique once checked, so the order is total
 * and the sort's stability does not matter. */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sema/resolve_sort.h"
#include "util/xalloc.h"

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

/* Orders N elements of SIZE bytes at BASE by the rank of the name at
 * NAME_OFF, without comparing: each element goes to its rank's slot and the
 * slots are read in order. Checked names are unique; should two share a
 * rank anyway, returns false and leaves BASE as it was. */
static bool place_by_rank(void *base, uint32_t n, size_t size, size_t name_off, size_t nranks)
{
	uint32_t *at = xcalloc(nranks + 1, sizeof(*at));	/* rank -> index + 1 */
	char *b = base, *tmp;
	uint32_t k = 0;

	for (uint32_t i = 0; i < n; i++) {
		uint32_t r = intern_rank(*(const char *const *)(const void *)(b + i * size + name_off));

		if (at[r]) {
			free(at);
			return false;
		}
		at[r] = i + 1;
	}
	tmp = xmalloc((size_t)n * size + 1);
	for (size_t r = 0; r < nranks; r++)
		if (at[r])
			memcpy(tmp + (size_t)k++ * size, b + (size_t)(at[r] - 1) * size, size);
	memcpy(b, tmp, (size_t)n * size);
	free(tmp);
	free(at);
	return true;
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
	if (!place_by_rank(m->realms, m->nrealms, sizeof(*m->realms),
			   offsetof(struct model_realm, name), intern_count(m->src->names)))
		qsort(m->realms, m->nrealms, sizeof(*m->realms), realm_cmp);
}

void sort_regions(struct model *m, struct place_input *in, const struct ast *ast)
{
	if (!place_by_rank(m->regions, m->nregions, sizeof(*m->regions),
			   offsetof(struct model_region, name), intern_count(m->src->names)))
		qsort(m->regions, m->nregions, sizeof(*m->regions), region_cmp);
	for (uint32_t i = 0; i < m->nregions; i++) {
		const struct ast_region *a = &ast->regions[m->regions[i].grant_first];

		in->fixed[i] = PROP_SET(a->at_p);
		in->at_loc[i] = a->at_p.loc;
	}
}

/* Sorts one group (a region's grants, a caller's calls): a few elements,
 * so by insertion unless there are many. */
#define GROUP_MAX_BYTES 64
static void sort_group(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	char *b = base, t[GROUP_MAX_BYTES];

	if (n > 16 || size > sizeof(t)) {
		qsort(base, n, size, cmp);
		return;
	}
	for (size_t j = 1; j < n; j++) {
		size_t k = j;

		memcpy(t, b + j * size, size);
		for (; k > 0 && cmp(b + (k - 1) * size, t) > 0; k--)
			memcpy(b + k * size, b + (k - 1) * size, size);
		memcpy(b + k * size, t, size);
	}
}

/* Grants arrive grouped by region, in region order (resolve adds them region
 * by region), so only each region's grants are sorted, by realm. */
void sort_grants(struct model *m)
{
	for (uint32_t i = 0; i < m->nregions; i++)
		sort_group(m->grants + m->regions[i].grant_first, m->regions[i].grant_count,
			   sizeof(*m->grants), grant_cmp);
}

/* Calls grouped by caller (a counting sort), then each group by callee. */
void sort_calls(struct model *m)
{
	uint32_t *end = xcalloc((size_t)m->nrealms + 1, sizeof(*end));
	struct model_call *tmp;

	for (uint32_t i = 0; i < m->ncalls; i++) {
		if (m->calls[i].caller >= m->nrealms) {	/* not a realm: unchecked input */
			free(end);
			qsort(m->calls, m->ncalls, sizeof(*m->calls), call_cmp);
			return;
		}
		end[m->calls[i].caller + 1]++;
	}
	for (uint32_t r = 1; r <= m->nrealms; r++)
		end[r] += end[r - 1];
	tmp = xmalloc(((size_t)m->ncalls + 1) * sizeof(*tmp));
	for (uint32_t i = 0; i < m->ncalls; i++)
		tmp[end[m->calls[i].caller]++] = m->calls[i];
	memcpy(m->calls, tmp, (size_t)m->ncalls * sizeof(*tmp));
	for (uint32_t r = 0, begin = 0; r < m->nrealms; begin = end[r++])
		sort_group(m->calls + begin, end[r] - begin, sizeof(*m->calls), call_cmp);
	free(tmp);
	free(end);
}
