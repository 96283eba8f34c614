/* test_rmm_flow.c - the RMM's decisions and micac's flow graph agree.
 *
 * docs/rmm-integration.md ("Decisions and flow edges") maps each decision
 * the patched RMM makes (backend/rmm_blob/src/mica_decide.c) to the
 * flow-graph edge it lets data take. For every example policy, every role
 * and every unprotected region, this walks both: each decision is made on
 * the compiled blob exactly as the RMM makes it, and must allow exactly
 * when the flow graph built from the same policy has the edge. A decision
 * that let data out where the graph has no edge would make `micac check`
 * call a leaky policy clean (the read-only-store leak was one). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <mica_decide.h>

#include "blob/encode.h"
#include "flow/flow.h"
#include "frontend.h"

static const char *const examples[] = {
	"examples/policies/clean_room.mica",
	"examples/policies/federated_learning.mica",
	"examples/policies/key_management.mica",
	"examples/policies/llm_inference.mica",
	"examples/policies/video_analytics.mica",
	"examples/policies/bad/clean_room_leaky.mica",
};

struct both {
	struct frontend fe;
	struct flow_graph g;
	uint8_t *blob;
	size_t len;
	uint64_t *mem;		/* the blob, 8-aligned as the RMM's pool keeps it */
	struct mica_policy pol;
};

static void load(struct both *b, const char *path)
{
	struct frontend_opts fo = {.lang = LANG_AUTO};

	frontend_run(&b->fe, path, &fo);
	assert_true(b->fe.has_model);
	assert_int_equal(encode_model(&b->fe.model, &b->blob, &b->len), ENCODE_OK);
	b->mem = calloc((b->len + 7) / 8, 8);
	assert_non_null(b->mem);
	memcpy(b->mem, b->blob, b->len);
	assert_int_equal(mica_policy_init(&b->pol, b->mem, b->len, NULL), 0);
	flow_graph_build(&b->g, &b->fe.model);
}

static void unload(struct both *b)
{
	flow_graph_free(&b->g);
	free(b->mem);
	free(b->blob);
	frontend_free(&b->fe);
}

/* Does the graph have an edge FROM -> TO with CAUSE? */
static bool edge(const struct flow_graph *g, uint32_t from, uint32_t to, uint8_t cause)
{
	for (uint32_t e = g->out_first[from]; e < g->out_first[from + 1]; e++)
		if (g->out[e].node == to && g->out[e].cause == cause)
			return true;
	return false;
}

static uint32_t hub(const struct flow_graph *g, uint32_t region)
{
	return g->host + 1 + region;
}

/* RSI_HOST_CALL exits <=> realm -> host (hostcall). */
static void check_hostcall(const struct both *b, uint32_t r, const struct mica_realm *st)
{
	assert_int_equal(mica_decide_hostcall(&b->pol, st),
			 edge(&b->g, r, b->g.host, FLOW_HOSTCALL));
}

/* An unprotected data abort exits with a store's value <=> realm -> host
 * (mmio), or realm -> hub -> host through the region (a write grant on an
 * unprotected region). A load's exit carries no data of the realm: it is
 * allowed where mmio is, or where the region is granted to the role at all
 * (the graph has an edge between the realm and the region's hub). */
static void check_abort(const struct both *b, uint32_t r, const struct mica_realm *st,
			uint32_t g, uint64_t ipa)
{
	const struct flow_graph *fg = &b->g;
	bool mmio = edge(fg, r, fg->host, FLOW_MMIO);
	bool in_g = g != FLOW_NONE && b->fe.model.regions[g].kind == MICA_REGION_UNPROTECTED;
	bool out = in_g && edge(fg, r, hub(fg, g), FLOW_REGION) &&
		   edge(fg, hub(fg, g), fg->host, FLOW_HOSTSIDE);
	bool in = in_g && edge(fg, hub(fg, g), r, FLOW_REGION);

	assert_int_equal(mica_decide_ns_abort_exit(&b->pol, st, ipa, true), mmio || out);
	assert_int_equal(mica_decide_ns_abort_exit(&b->pol, st, ipa, false), mmio || out || in);
}

/* MAP_UNPROTECTED with S2AP read needs hub -> realm, with write realm ->
 * hub; only unprotected regions (the hub's edges to the host) map. */
static void check_map(const struct both *b, uint32_t r, const struct mica_realm *st, uint32_t g)
{
	const struct flow_graph *fg = &b->g;
	const struct model_region *rg = &b->fe.model.regions[g];
	bool unprot = edge(fg, hub(fg, g), fg->host, FLOW_HOSTSIDE);
	bool rd = unprot && edge(fg, hub(fg, g), r, FLOW_REGION);
	bool wr = unprot && edge(fg, r, hub(fg, g), FLOW_REGION);

	assert_int_equal(unprot, rg->kind == MICA_REGION_UNPROTECTED);
	assert_int_equal(mica_decide_map_ns(&b->pol, st, rg->base, rg->size, MICA_S2AP_READ), rd);
	assert_int_equal(mica_decide_map_ns(&b->pol, st, rg->base, rg->size, MICA_S2AP_WRITE), wr);
	assert_int_equal(mica_decide_map_ns(&b->pol, st, rg->base, rg->size,
					    MICA_S2AP_READ | MICA_S2AP_WRITE), rd && wr);
}

/* BIND: one realm per role, so each role is one node of the graph. */
static void check_bind(const struct both *b)
{
	struct mica_roles taken = {{0}};
	unsigned bits = mica_blob_header(b->mem)->ipa_bits;

	for (uint32_t r = 0; r < b->fe.model.nrealms; r++) {
		struct mica_realm first = {.slot = 1}, second = {.slot = 1};

		assert_int_equal(mica_decide_bind(&b->pol, &first, r, bits, &taken), 0);
		assert_int_equal(mica_decide_bind(&b->pol, &second, r, bits, &taken), -EEXIST);
	}
}

static void test_decisions_match_flow_edges(void **state)
{
	size_t checked = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		struct both b = {0};

		load(&b, examples[i]);
		check_bind(&b);
		for (uint32_t r = 0; r < b.fe.model.nrealms; r++) {
			struct mica_realm st = {.slot = 1};
			struct mica_roles taken = {{0}};

			assert_int_equal(mica_decide_bind(&b.pol, &st, r,
							  mica_blob_header(b.mem)->ipa_bits, &taken), 0);

			check_hostcall(&b, r, &st);
			/* outside every region: only mmio lets it out */
			check_abort(&b, r, &st, FLOW_NONE, UINT64_MAX - 0xfff);
			for (uint32_t g = 0; g < b.fe.model.nregions; g++) {
				const struct model_region *rg = &b.fe.model.regions[g];

				check_map(&b, r, &st, g);
				check_abort(&b, r, &st, g, rg->base);
				check_abort(&b, r, &st, g, rg->base + rg->size - 1);
				checked++;
			}
		}
		unload(&b);
	}
	/* every example has realms and regions: the walk did walk */
	assert_true(checked > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decisions_match_flow_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
