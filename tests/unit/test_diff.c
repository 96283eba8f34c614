/* test_diff.c - micac diff's comparison (compiler/diff/) on policies built
 * by the front end from source text, and the names and links the CI
 * reports give each diagnostic (diag/diag_render.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diag/diag_render.h"
#include "diff/diff.h"
#include "frontend.h"

#define MEAS(c) "    measurement \"" c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c \
	c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c "\";\n"

/* A pipeline a -> b -> c that never reaches the host, and an exporter e
 * that does. */
#define CHAIN                                                                 \
	"policy chain { version 1; }\n"                                       \
	"realm a { trust trusted;\n" MEAS("a") "}\n"                          \
	"realm b { trust trusted;\n" MEAS("b") "}\n"                          \
	"realm c { trust trusted;\n" MEAS("c") "}\n"                          \
	"realm e { trust trusted;\n" MEAS("e") "    hostcall;\n}\n"          \
	"region ab { kind protected; size 4KiB; grant a write; grant b read; }\n" \
	"call b -> c oneway;\n"

static const char chain_old[] =
	CHAIN "region outbox { kind protected; size 4KiB; grant e readwrite; }\n";

/* The same policy, reordered and laid out otherwise. */
static const char chain_reordered[] =
	"region outbox { grant e readwrite; size 4096; kind protected; }\n"
	"call b -> c oneway;\n"
	"realm e { hostcall;\n" MEAS("e") " trust trusted; }\n"
	"region ab { grant b read; grant a write; kind protected; size 4KiB; }\n"
	"realm c { trust trusted;\n" MEAS("c") "}\n"
	"realm b { trust trusted;\n" MEAS("b") "}\n"
	"realm a { trust trusted;\n" MEAS("a") "}\n"
	"policy chain {\n  version 1;\n}\n";

/* One grant more, far from a: c may write e's outbox. */
static const char chain_new[] =
	CHAIN "region outbox { kind protected; size 4KiB; grant c write; grant e readwrite; }\n";

struct pair {
	struct frontend old, new;
	struct diff_report r;
};

static void run_pair(struct pair *p, const char *old, const char *new)
{
	struct frontend_opts fo = {.no_flow = true};

	assert_int_equal(frontend_run_mem(&p->old, "old.mica", old, strlen(old), &fo), FRONTEND_OK);
	assert_int_equal(frontend_run_mem(&p->new, "new.mica", new, strlen(new), &fo), FRONTEND_OK);
	diff_models(&p->old.model, &p->new.model, &p->r);
}

static void free_pair(struct pair *p)
{
	diff_report_free(&p->r);
	frontend_free(&p->old);
	frontend_free(&p->new);
}

static void test_same_policy_is_no_change(void **state)
{
	struct pair p;

	(void)state;
	run_pair(&p, chain_old, chain_reordered);
	assert_int_equal(p.r.n, 0);
	free_pair(&p);
}

/* The transitive case: one grant opens three flows to the host, a's the
 * longest, and every one comes before the grant that opened them. */
static void test_transitive_flow(void **state)
{
	struct pair p;
	const struct diff_change *a;
	const struct model *m;

	(void)state;
	run_pair(&p, chain_old, chain_new);
	assert_int_equal(p.r.n, 4);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(p.r.v[i].kind, DIFF_FLOW_TO_HOST);
	assert_string_equal(p.r.v[0].subject, "a -> host");
	assert_string_equal(p.r.v[1].subject, "b -> host");
	assert_string_equal(p.r.v[2].subject, "c -> host");
	assert_int_equal(p.r.v[3].kind, DIFF_GRANT_ADDED);
	assert_string_equal(p.r.v[3].subject, "outbox: c");
	assert_string_equal(p.r.v[3].message, "'c' may now write region 'outbox'");
	a = &p.r.v[0];
	m = diff_change_model(&p.r, a);
	assert_ptr_equal(m, &p.new.model);
	assert_int_equal(a->path.nsteps, 4);
	assert_int_equal(a->path.steps[2].cause, FLOW_REGION);
	assert_string_equal(m->regions[a->path.steps[2].index].name, "outbox");
	assert_int_equal(a->path.steps[3].cause, FLOW_HOSTCALL);
	free_pair(&p);
}

/* The reverse change: the same flows disappear, with the old side's path,
 * and come first among the changes that close a way. */
static void test_flows_removed(void **state)
{
	struct pair p;

	(void)state;
	run_pair(&p, chain_new, chain_old);
	assert_int_equal(p.r.n, 4);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(p.r.v[i].kind, DIFF_FLOW_REMOVED);
		assert_int_equal(p.r.v[i].side, DIFF_OLD);
	}
	assert_string_equal(p.r.v[0].message, "data of 'a' can no longer reach 'host'");
	assert_int_equal(p.r.v[0].path.nsteps, 4);
	assert_int_equal(p.r.v[3].kind, DIFF_GRANT_REMOVED);
	assert_int_equal(p.r.v[3].side, DIFF_OLD);
	free_pair(&p);
}

static void test_kinds(void **state)
{
	(void)state;
	assert_int_equal(diff_kind_find("flow-to-host"), DIFF_FLOW_TO_HOST);
	assert_int_equal(diff_kind_find("region-removed"), DIFF_REGION_REMOVED);
	assert_int_equal(diff_kind_find("flow"), -1);
	/* Every kind that opens comes before every kind that does not. */
	for (int i = 1; i < DIFF_KIND_COUNT; i++)
		assert_true(diff_kinds[i - 1].sign == '+' || diff_kinds[i].sign != '+');
}

static void test_rule_names_and_links(void **state)
{
	const struct diag_code_info *info = &diag_codes[ERR_LOAD_PAST_BLOB_END];
	char *name = diag_rule_name(info), *url;

	(void)state;
	assert_string_equal(name, "LoadPastBlobEnd");
	free(name);
	name = diag_rule_name(&diag_codes[WARN_NO_MEASUREMENT]);
	assert_string_equal(name, "NoMeasurement");
	free(name);
	unsetenv("MICAC_DOCS_URL");
	setenv("MICAC_REPOSITORY_URL", "https://example.org/m", 1);
	url = diag_help_url(info);
	assert_string_equal(url, "https://example.org/m/blob/main/docs/diagnostics.md#e0704-load-past-the-blobs-end");
	free(url);
	setenv("MICAC_DOCS_URL", "https://example.org/m/tree/v2/docs", 1);
	url = diag_help_url(&diag_codes[ERR_INVALID_UTF8]);
	assert_string_equal(url, "https://example.org/m/tree/v2/docs/diagnostics.md#e0102-invalid-utf-8");
	free(url);
	assert_string_equal(diag_repository_url(), "https://example.org/m");
	unsetenv("MICAC_DOCS_URL");
	unsetenv("MICAC_REPOSITORY_URL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_policy_is_no_change),
		cmocka_unit_test(test_transitive_flow),
		cmocka_unit_test(test_flows_removed),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_rule_names_and_links),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
