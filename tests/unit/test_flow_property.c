/* test_flow_property.c - the flow rules against a brute force, on thousands
 * of random pipelines.
 *
 * The brute force here is written independently of compiler/flow*.c: it
 * builds the realm-to-realm edge relation straight from the design's
 * definition (an adjacency matrix, every writer/reader pair of a region
 * spelled out), and searches it exhaustively. For every pipeline:
 *
 *  - the sources reported as leaking are exactly those with a leak walk;
 *  - every witness is a real path of the graph, each step backed by the
 *    grant, call or exit it names, and it really violates the rule;
 *  - the witness shown is a shortest leak for its source;
 *  - an assertion fails exactly when a path exists, with a shortest one;
 *  - flow_check reports a pipeline clean exactly when nothing is found.
 *
 * MICAC_FLOW_SEED and MICAC_FLOW_COUNT override the seed and count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "flow/flow_check.h"
#include "diag/diag.h"
#include "flow/flow.h"
#include "flow_model.h"
#include "frontend.h"
#include "test_rng.h"

#define MAXP 48		/* principals: realms + host */

static void random_model(struct fm *b, struct rng *r, uint32_t maxrealms, uint32_t maxregions)
{
	uint32_t nr = 1 + rnd(r, maxrealms), ng = rnd(r, maxregions + 1), nc = rnd(r, 2 * nr + 1);
	char name[16];
	static const uint8_t perms[] = {MICA_PERM_READ, MICA_PERM_WRITE, MICA_PERM_READWRITE};
	bool called[MAXP][MAXP] = {{false}};

	fm_init(b);
	for (uint32_t i = 0; i < nr; i++) {
		snprintf(name, sizeof(name), "r%02u", i);
		/* exits are rarer than not, so that many pipelines are clean */
		fm_realm(b, name, (uint8_t)(1 + rnd(r, 3)),
			 (uint8_t)((rnd(r, 4) == 0 ? MICA_REALM_HOSTCALL : 0) |
				   (rnd(r, 5) == 0 ? MICA_REALM_MMIO : 0)));
	}
	for (uint32_t g = 0; g < ng; g++) {
		snprintf(name, sizeof(name), "g%02u", g);
		fm_region(b, name, rnd(r, 3) ? MICA_REGION_PROTECTED : MICA_REGION_UNPROTECTED);
		for (uint32_t i = 0; i < nr; i++)
			if (rnd(r, 3) == 0)
				fm_grant(b, g, i, perms[rnd(r, 3)]);
	}
	for (uint32_t c = 0; c < nc && nr > 1; c++) {
		uint32_t a = rnd(r, nr), z = rnd(r, nr);

		if (a == z || called[a][z])
			continue;
		called[a][z] = true;
		fm_call(b, a, z, rnd(r, 2) ? MICA_CALL_ONEWAY : 0);
	}
	for (uint32_t k = rnd(r, 4); k > 0; k--) {
		uint32_t a = rnd(r, nr + 1), z = rnd(r, nr + 1);

		if (a != z)
			fm_assert(b, a == nr ? MODEL_HOST : a, z == nr ? MODEL_HOST : z);
	}
	fm_finish(b);
}

/* The brute force's view: principals 0..n-1 realms, n the host. */
struct brute {
	const struct model *m;
	uint32_t n, host;
	bool adj[MAXP][MAXP];
};

static uint32_t pidx(const struct brute *bf, uint32_t principal)
{
	return principal == MODEL_HOST ? bf->host : principal;
}

static void brute_build(struct brute *bf, const struct model *m)
{
	memset(bf, 0, sizeof(*bf));
	bf->m = m;
	bf->host = m->nrealms;
	bf->n = m->nrealms + 1;
	for (uint32_t w = 0; w < m->ngrants; w++) {
		const struct model_grant *gw = &m->grants[w];
		bool unprot = m->regions[gw->region].kind == MICA_REGION_UNPROTECTED;

		if (unprot && (gw->perm & MICA_PERM_WRITE))
			bf->adj[gw->realm][bf->host] = true;
		if (unprot && (gw->perm & MICA_PERM_READ))
			bf->adj[bf->host][gw->realm] = true;
		for (uint32_t r = 0; r < m->ngrants; r++) {
			const struct model_grant *gr = &m->grants[r];

			if (gr->region == gw->region && gr->realm != gw->realm &&
			    (gw->perm & MICA_PERM_WRITE) && (gr->perm & MICA_PERM_READ))
				bf->adj[gw->realm][gr->realm] = true;
		}
	}
	for (uint32_t c = 0; c < m->ncalls; c++) {
		bf->adj[m->calls[c].caller][m->calls[c].callee] = true;
		if (!(m->calls[c].flags & MICA_CALL_ONEWAY))
			bf->adj[m->calls[c].callee][m->calls[c].caller] = true;
	}
	for (uint32_t i = 0; i < m->nrealms; i++)
		if (m->realms[i].flags & (MICA_REALM_HOSTCALL | MICA_REALM_MMIO))
			bf->adj[i][bf->host] = true;
}

static bool bf_sink(const struct brute *bf, uint32_t p)
{
	return p == bf->host || bf->m->realms[p].trust == MICA_TRUST_UNTRUSTED;
}

static bool bf_distrustful(const struct brute *bf, uint32_t p)
{
	return p != bf->host && bf->m->realms[p].trust == MICA_TRUST_DISTRUSTFUL;
}

/* Fewest steps from distrustful D to a sink, every node before the sink
 * distrustful; 0 when there is none. Plain BFS over the matrix. */
static uint32_t bf_exit_steps(const struct brute *bf, uint32_t d)
{
	uint32_t dist[MAXP], queue[MAXP], head = 0, tail = 0;

	for (uint32_t i = 0; i < bf->n; i++)
		dist[i] = 0;
	dist[d] = 1;
	queue[tail++] = d;
	while (head < tail) {
		uint32_t x = queue[head++];

		for (uint32_t y = 0; y < bf->n; y++) {
			if (!bf->adj[x][y])
				continue;
			if (bf_sink(bf, y))
				return dist[x];
			if (bf_distrustful(bf, y) && !dist[y]) {
				dist[y] = dist[x] + 1;
				queue[tail++] = y;
			}
		}
	}
	return 0;
}

/* Length of the shortest leak of source S, 0 when S does not leak. */
static uint32_t bf_leak_len(const struct brute *bf, uint32_t s)
{
	uint32_t best = 0;

	if (bf_sink(bf, s))
		return 0;
	for (uint32_t d = 0; d < bf->n; d++) {
		uint32_t k;

		if (!bf->adj[s][d] || !bf_distrustful(bf, d) || !(k = bf_exit_steps(bf, d)))
			continue;
		if (!best || 1 + k < best)
			best = 1 + k;
	}
	return best;
}

/* Fewest steps from A to B, 0 when unreachable. */
static uint32_t bf_path_len(const struct brute *bf, uint32_t a, uint32_t b)
{
	uint32_t dist[MAXP], queue[MAXP], head = 0, tail = 0;

	for (uint32_t i = 0; i < bf->n; i++)
		dist[i] = UINT32_MAX;
	dist[a] = 0;
	queue[tail++] = a;
	while (head < tail) {
		uint32_t x = queue[head++];

		for (uint32_t y = 0; y < bf->n; y++) {
			if (bf->adj[x][y] && dist[y] == UINT32_MAX) {
				dist[y] = dist[x] + 1;
				queue[tail++] = y;
			}
		}
	}
	return dist[b] == UINT32_MAX ? 0 : dist[b];
}

static bool grant_ok(const struct model *m, uint32_t grant, uint32_t region, uint32_t who,
		     uint8_t perm)
{
	if (grant == FLOW_NONE)
		return who == MODEL_HOST && m->regions[region].kind == MICA_REGION_UNPROTECTED;
	return m->grants[grant].region == region && m->grants[grant].realm == who &&
	       (m->grants[grant].perm & perm);
}

/* A step is backed by exactly what it names. */
static void check_step(const struct brute *bf, const struct flow_step *st)
{
	const struct model *m = bf->m;

	assert_true(bf->adj[pidx(bf, st->from)][pidx(bf, st->to)]);
	assert_true(st->from != st->to);
	switch (st->cause) {
	case FLOW_REGION:
		assert_true(st->index < m->nregions);
		assert_true(grant_ok(m, st->wgrant, st->index, st->from, MICA_PERM_WRITE));
		assert_true(grant_ok(m, st->rgrant, st->index, st->to, MICA_PERM_READ));
		break;
	case FLOW_CALL:
		assert_int_equal(m->calls[st->index].caller, st->from);
		assert_int_equal(m->calls[st->index].callee, st->to);
		break;
	case FLOW_RETURN:
		assert_int_equal(m->calls[st->index].callee, st->from);
		assert_int_equal(m->calls[st->index].caller, st->to);
		assert_false(m->calls[st->index].flags & MICA_CALL_ONEWAY);
		break;
	case FLOW_HOSTCALL:
	case FLOW_MMIO:
		assert_int_equal(st->from, st->index);
		assert_int_equal(st->to, MODEL_HOST);
		assert_true(m->realms[st->index].flags &
			    (st->cause == FLOW_HOSTCALL ? MICA_REALM_HOSTCALL : MICA_REALM_MMIO));
		break;
	default:
		fail_msg("unknown cause %u", st->cause);
	}
}

static void check_path(const struct brute *bf, const struct flow_path *p, uint32_t from,
		       uint32_t to)
{
	assert_true(p->nsteps > 0);
	assert_int_equal(p->steps[0].from, from);
	assert_int_equal(p->steps[p->nsteps - 1].to, to);
	for (uint32_t i = 0; i < p->nsteps; i++) {
		check_step(bf, &p->steps[i]);
		if (i + 1 < p->nsteps)
			assert_int_equal(p->steps[i].to, p->steps[i + 1].from);
	}
}

static void check_leak(const struct brute *bf, const struct flow_violation *v, bool *seen)
{
	const struct flow_path *p = &v->path;
	uint32_t src = v->sources[0], sink = p->steps[p->nsteps - 1].to;

	assert_true(v->nsources >= 1);
	assert_true(p->nsteps >= 2);
	check_path(bf, p, src, sink);
	assert_false(bf_sink(bf, src));
	assert_true(bf_sink(bf, pidx(bf, sink)));
	for (uint32_t i = 1; i < p->nsteps; i++)
		assert_true(bf_distrustful(bf, p->steps[i].from));
	assert_int_equal(p->steps[p->nsteps - 1].from, v->exit_realm);
	/* A source is listed under every exit it reaches, so the witness is
	 * the shortest through this exit: never shorter than its shortest. */
	assert_true(p->nsteps >= bf_leak_len(bf, src));
	for (uint32_t i = 0; i < v->nsources; i++) {
		for (uint32_t j = 0; j < i; j++)
			assert_int_not_equal(v->sources[i], v->sources[j]);	/* once per exit */
		seen[v->sources[i]] = true;
	}
}

static void check_one(const struct model *m)
{
	struct brute bf;
	struct flow_graph g;
	struct flow_report r = {0};
	struct diag_list dl = {0};
	bool seen[MAXP] = {false};
	uint32_t nleaks = 0, nfailed = 0, bf_fails = 0;

	brute_build(&bf, m);
	flow_graph_build(&g, m);
	flow_analyse(&g, &r);
	for (size_t i = 0; i < r.n; i++) {
		const struct flow_violation *v = &r.v[i];

		if (strcmp(v->code, "E0401") == 0) {
			check_leak(&bf, v, seen);
			for (size_t j = 0; j < i; j++)	/* one violation per exit */
				assert_int_not_equal(r.v[j].exit_realm, v->exit_realm);
			nleaks++;
			continue;
		}
		const struct model_assert *a = &m->asserts[v->assert_index];

		check_path(&bf, &v->path, a->from, a->to);
		assert_int_equal(v->path.nsteps, bf_path_len(&bf, pidx(&bf, a->from), pidx(&bf, a->to)));
		nfailed++;
	}
	for (uint32_t s = 0; s < m->nrealms; s++)
		assert_int_equal(seen[s], bf_leak_len(&bf, s) != 0);
	for (uint32_t i = 0; i < m->nasserts; i++)
		bf_fails += bf_path_len(&bf, pidx(&bf, m->asserts[i].from),
					pidx(&bf, m->asserts[i].to)) != 0;
	assert_int_equal(nfailed, bf_fails);
	flow_check(m, &dl);
	assert_int_equal(dl.n, nleaks + nfailed);
	flow_report_free(&r);
	flow_graph_free(&g);
	diag_list_free(&dl);
}

static uint64_t env_or(const char *name, uint64_t dflt)
{
	const char *v = getenv(name);

	return v && *v ? strtoull(v, NULL, 0) : dflt;
}

static void run_many(uint32_t maxrealms, uint32_t maxregions, uint64_t count, uint64_t seed)
{
	struct rng r = {seed ? seed : 1};
	uint32_t clean = 0;

	for (uint64_t i = 0; i < count; i++) {
		struct fm b;
		struct diag_list dl = {0};

		random_model(&b, &r, maxrealms, maxregions);
		check_one(&b.m);
		flow_check(&b.m, &dl);
		clean += dl.n == 0;
		diag_list_free(&dl);
		fm_free(&b);
	}
	/* The generator must produce both kinds, or the test proves little. */
	assert_true(clean > count / 100);
	assert_true(clean < count - count / 10);
}

static void test_small_pipelines(void **state)
{
	(void)state;
	run_many(6, 3, env_or("MICAC_FLOW_COUNT", 10000), env_or("MICAC_FLOW_SEED", 0x5eed));
}

static void test_larger_pipelines(void **state)
{
	(void)state;
	run_many(MAXP - 1, 12, env_or("MICAC_FLOW_COUNT", 10000) / 5,
		 env_or("MICAC_FLOW_SEED", 0x5eed) * 31 + 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_pipelines),
		cmocka_unit_test(test_larger_pipelines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
