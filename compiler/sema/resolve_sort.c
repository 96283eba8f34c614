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

uint32_t *order_by_name(const void *base, uint32_t n, size_t size, size_t name_off, size_t nranks)
{
	uint32_t *start = xcalloc(nranks + 1, sizeof(*start));	/* rank -> first slot */
	uint32_t *order = xmalloc(((size_t)n + 1) * sizeof(*order));
	const char *b = base;

#define RANK_OF(i) intern_rank(*(const char *const *)(const void *)(b + (size_t)(i) * size + name_off))
	for (uint32_t i = 0; i < n; i++)
		start[RANK_OF(i) + 1]++;
	for (size_t r = 0; r < nranks; r++)
		start[r + 1] += start[r];
	for (uint32_t i = 0; i < n; i++)
		order[start[RANK_OF(i)]++] = i;
#undef RANK_OF
	free(start);
	return order;
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
