/* query_bench.c - the backend's costs on a real blob.
 *
 *   query_bench BLOB KIND K   K queries of one KIND (find_realm, ns_map,
 *                             region_perm, may_share, may_call, hostcall,
 *                             rim): run under callgrind with
 *                             --toggle-collect=run_queries so that only the
 *                             loop counts; instructions / K is the cost.
 *   query_bench BLOB validate R   validates the blob R times; prints the
 *                             blob's size and the seconds per validation.
 *
 * Queries visit realms and regions in a scattered order so that no single
 * path stays cached; answers are summed so nothing is optimised away. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mica_policy.h"

static void *load(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	void *p = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
		/* The library reads in place and wants 8-byte alignment. */
		p = aligned_alloc(8, ((size_t)n + 7) & ~(size_t)7);
		if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
			free(p);
			p = NULL;
		}
		*len = (size_t)n;
	}
	fclose(f);
	return p;
}

typedef unsigned long (*query_fn)(const struct mica_policy *pol, uint32_t r, uint32_t g);

static uint32_t next_realm(const struct mica_policy *pol, uint32_t r)
{
	return (r + 1) % pol->realm_count;
}

static unsigned long q_find_realm(const struct mica_policy *pol, uint32_t r, uint32_t g)
{
	const char *name = mica_blob_realm_name(pol->blob, r);
	uint32_t out = 0;

	(void)g;
	return (unsigned long)mica_policy_find_realm(pol, name, strlen(name), &out) + out;
}

static unsigned long q_ns_map(const struct mica_policy *pol, uint32_t r, uint32_t g)
{
	unsigned int perm = 0;

	return (unsigned long)mica_policy_ns_map_perm(pol, r, mica_blob_region(pol->blob, g)->base,
						      4096, &perm, NULL) + perm;
}

static unsigned long q_region_perm(const struct mica_policy *pol, uint32_t r, uint32_t g)
{
	return mica_policy_region_perm(pol, g, r);
}

static unsigned long q_may_share(const struct mica_policy *pol, uint32_t r, uint32_t g)
{
	return mica_policy_may_share(pol, g, r, next_realm(pol, r));
}

static unsigned long q_may_call(const struct mica_policy *pol, uint32_t r, uint32_t g)
{
	bool oneway;

	(void)g;
	return mica_policy_may_call(pol, r, next_realm(pol, r), &oneway);
}

static unsigned long q_hostcall(const struct mica_policy *pol, uint32_t r, uint32_t g)
{
	(void)g;
	return mica_policy_may_hostcall(pol, r);
}

static unsigned long q_rim(const struct mica_policy *pol, uint32_t r, uint32_t g)
{
	uint32_t pos;

	(void)g;
	return mica_policy_role_by_rim(pol, mica_blob_realm(pol->blob, r)->measurement, 32, &pos);
}

static const struct {
	const char *name;
	query_fn fn;
} kinds[] = {
	{"find_realm", q_find_realm}, {"ns_map", q_ns_map}, {"region_perm", q_region_perm},
	{"may_share", q_may_share}, {"may_call", q_may_call}, {"hostcall", q_hostcall},
	{"rim", q_rim},
};

/* The measured loop; callgrind counts only inside it (--toggle-collect).
 * The query kind is resolved before, so only the query and the few
 * instructions that pick the next realm and region count. */
static __attribute__((noinline)) unsigned long run_queries(const struct mica_policy *pol, query_fn fn,
						    uint32_t k)
{
	unsigned long sum = 0;

	for (uint32_t i = 0; i < k; i++) {
		uint32_t x = i * 2654435761u;

		sum += fn(pol, x % pol->realm_count, x % pol->region_count);
	}
	return sum;
}

static query_fn find_kind(const char *name)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].fn;
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	struct mica_policy pol;
	size_t len = 0;
	void *blob;
	uint32_t k;

	if (argc != 4 || !(blob = load(argv[1], &len))) {
		fprintf(stderr, "usage: query_bench BLOB KIND K | BLOB validate R\n");
		return 2;
	}
	if (mica_policy_init(&pol, blob, len, NULL) != 0 || pol.realm_count == 0 ||
	    pol.region_count == 0) {
		fprintf(stderr, "query_bench: %s: not a valid blob with realms and regions\n", argv[1]);
		return 1;
	}
	k = (uint32_t)strtoul(argv[3], NULL, 10);
	if (strcmp(argv[2], "validate") == 0) {
		double t0 = now();

		for (uint32_t i = 0; i < k; i++)
			if (mica_blob_validate(blob, len, NULL) != 0)
				return 1;
		printf("%zu bytes %.9f s\n", len, (now() - t0) / k);
	} else if (find_kind(argv[2])) {
		printf("%lu\n", run_queries(&pol, find_kind(argv[2]), k));
	} else {
		fprintf(stderr, "query_bench: unknown query kind '%s'\n", argv[2]);
		return 2;
	}
	free(blob);
	return 0;
}
