/* model.c - lookups on, and freeing of, a resolved policy. */
#include <stdlib.h>
#include <string.h>

#include "sema/model.h"
#include "util/radix.h"
#include "util/xalloc.h"

void model_free(struct model *m)
{
	/* names are borrowed from the source's interner */
	free(m->realms);
	free(m->regions);
	free(m->grants);
	free(m->calls);
	free(m->asserts);
	memset(m, 0, sizeof(*m));
}

/* Binary search over names sorted by bytes (strcmp order), STRIDE apart. */
static int64_t find_sorted(const void *base, uint32_t n, size_t stride, const char *name)
{
	uint32_t lo = 0, hi = n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const char *s = *(char *const *)((const char *)base + (size_t)mid * stride);
		int c = strcmp(s, name);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int64_t model_find_realm(const struct model *m, const char *name)
{
	return find_sorted(m->realms, m->nrealms, sizeof(*m->realms), name);
}

int64_t model_find_region(const struct model *m, const char *name)
{
	return find_sorted(m->regions, m->nregions, sizeof(*m->regions), name);
}

const char *model_principal_name(const struct model *m, uint32_t idx)
{
	return idx == MODEL_HOST ? "host" : m->realms[idx].name;
}

/* Realms with the same length and first 8 bytes: by the rest of the bytes,
 * then by position (the pointers are into one array). */
static int rim_tie_cmp(const void *a, const void *b)
{
	const struct model_realm *x = ((const struct radix_item *)a)->ptr;
	const struct model_realm *y = ((const struct radix_item *)b)->ptr;
	int c = memcmp(x->measurement, y->measurement, x->meas_len);

	return c ? c : (x > y) - (x < y);
}

/* A radix sort by the first 8 bytes, then a stable counting sort by length
 * (so length first, then bytes): only realms alike in both are compared. */
uint32_t *model_rim_order(const struct model *m, uint32_t *n)
{
	struct radix_item *buf = xmalloc(2 * ((size_t)m->nrealms + 1) * sizeof(*buf)), *v, *out;
	uint32_t *order, k = 0;
	size_t count[257] = {0};

	for (uint32_t i = 0; i < m->nrealms; i++)
		if (m->realms[i].meas_len)
			buf[k++] = (struct radix_item){radix_key_be(m->realms[i].measurement),
						       &m->realms[i]};
	v = radix_sort(buf, buf + k, k);
	out = v == buf ? buf + k : buf;
	for (uint32_t i = 0; i < k; i++)
		count[((const struct model_realm *)v[i].ptr)->meas_len + 1]++;
	for (int b = 1; b <= 256; b++)
		count[b] += count[b - 1];
	for (uint32_t i = 0; i < k; i++)
		out[count[((const struct model_realm *)v[i].ptr)->meas_len]++] = v[i];
	for (uint32_t i = 0, j; i < k; i = j) {
		const struct model_realm *r = out[i].ptr;

		for (j = i + 1; j < k && out[j].key == out[i].key &&
				((const struct model_realm *)out[j].ptr)->meas_len == r->meas_len;
		     j++)
			;
		if (j - i > 1 && r->meas_len > 8)
			qsort(out + i, j - i, sizeof(*out), rim_tie_cmp);
	}
	order = xmalloc(((size_t)k + 1) * sizeof(*order));
	for (uint32_t i = 0; i < k; i++)
		order[i] = (uint32_t)((const struct model_realm *)out[i].ptr - m->realms);
	free(buf);
	*n = k;
	return order;
}
