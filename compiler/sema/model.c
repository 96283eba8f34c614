/* model.c - lookups on, and freeing of, a resolved policy. */
#include <stdlib.h>
#include <string.h>

#include "sema/model.h"

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
