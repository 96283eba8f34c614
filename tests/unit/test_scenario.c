/* test_scenario.c - the scenario replayer's decisions on hand-built
 * policies, and the reader's diagnostics on bad scenario files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "blob/encode.h"
#include "frontend.h"
#include "scenario/scenario_replay.h"

/* Three realms, one unprotected read-only grant, one protected region, two
 * calls; `a` is measured (all 0x11), `b` has hostcall and no measurement,
 * `c` is measured (all 0x33), reads buf and takes b's two-way call. */
static const char policy_src[] =
	"policy p { version 1; digest sha256; ipa_bits 40; }\n"
	"realm a { trust trusted; measurement "
	"\"1111111111111111111111111111111111111111111111111111111111111111\"; }\n"
	"realm b { trust trusted; hostcall; }\n"
	"realm c { trust trusted; measurement "
	"\"3333333333333333333333333333333333333333333333333333333333333333\"; }\n"
	"region ring { kind unprotected; size 8KiB; at 0x8000000000; grant a read; }\n"
	"region buf { kind protected; size 4KiB; at 0x1000; grant a write; grant b read; grant c read; }\n"
	"call a -> b oneway;\n"
	"call b -> c;\n";

struct fixture {
	uint8_t *blob;
	size_t len;
	struct scenario s;
	struct scn_report rep;
	struct source src;
	struct diag_list dl;
};

static uint8_t *build_policy(size_t *len)
{
	struct frontend fe;
	struct frontend_opts fo = {0};
	uint8_t *blob = NULL;

	assert_int_equal(frontend_run_mem(&fe, "p.mica", policy_src, strlen(policy_src), &fo), 0);
	assert_int_equal(encode_model(&fe.model, &blob, len), ENCODE_OK);
	frontend_free(&fe);
	return blob;
}

/* Reads TEXT as a scenario; returns scenario_read's result. */
static int read_text(struct fixture *f, const char *text)
{
	source_from_mem(&f->src, "s.yaml", text, strlen(text));
	return scenario_read(&f->s, &f->src, &f->dl);
}

/* Reads and replays TEXT; every file the scenario names is the policy. */
static void replay(struct fixture *f, const char *text)
{
	struct scn_blob files[4];

	assert_int_equal(read_text(f, text), 0);
	assert_true(f->s.nfiles <= 4);
	for (size_t i = 0; i < f->s.nfiles; i++)
		files[i] = (struct scn_blob){f->blob, f->len};
	scenario_replay(&f->s, files, &f->rep);
	assert_int_equal(f->rep.n, f->s.nsteps + 1);
}

static void expect_step(const struct fixture *f, size_t step, bool allow, const char *reason)
{
	const struct scn_outcome *o = &f->rep.v[step];

	if (o->allow != allow || strcmp(o->reason, reason) != 0)
		fail_msg("step %zu: %s (%s), want %s (%s)", step, o->allow ? "allow" : "deny",
			 o->reason, allow ? "allow" : "deny", reason);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->blob = build_policy(&f->len);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	scn_report_free(&f->rep);
	scenario_free(&f->s);
	diag_list_free(&f->dl);
	source_free(&f->src);
	free(f->blob);
	free(f);
	return 0;
}

#define BOOT_AB                                                                        \
	"steps:\n"                                                                     \
	"  - {create: {realm: x, rpv: policy}, expect: allow}\n"                       \
	"  - {bind: {realm: x, role: a}, expect: allow}\n"                             \
	"  - {activate: {realm: x}, expect: allow}\n"                                  \
	"  - {create: {realm: y, rpv: policy}, expect: allow}\n"                       \
	"  - {bind: {realm: y, role: b}, expect: allow}\n"                             \
	"  - {activate: {realm: y}, expect: allow}\n"

static void test_lifecycle(void **state)
{
	struct fixture *f = *state;

	replay(f, BOOT_AB
	       "  - {bind: {realm: x, role: b}, expect: deny}\n"
	       "  - {activate: {realm: x}, expect: deny}\n"
	       "  - {create: {realm: z, rpv: policy}, expect: allow}\n"
	       "  - {activate: {realm: z}, expect: deny}\n"
	       "  - {bind: {realm: z, role: nobody}, expect: deny}\n"
	       "  - {bind: {realm: z, role: a}, expect: deny}\n"
	       "  - {bind: {realm: z, role: c}, expect: allow}\n"
	       "  - {activate: {realm: z, rim: " "2222222222222222222222222222222222222222222222222222222222222222" "}, expect: deny}\n"
	       "  - {create: {realm: w, rpv: policy, ipa_bits: 44}, expect: allow}\n"
	       "  - {bind: {realm: w, role: b}, expect: deny}\n");
	assert_non_null(strstr(f->rep.v[0].reason, "policy 'p' v1 in slot 1, sha256:"));
	expect_step(f, 3, true, "the RIM is role 'a''s measurement");
	expect_step(f, 6, true, "role 'b' has no measurement");
	expect_step(f, 7, false, "realm 'x' is already active: roles are bound while it is new");
	expect_step(f, 8, false, "realm 'x' is already active");
	expect_step(f, 10, false, "no role is bound to realm 'z'");
	expect_step(f, 11, false, "policy 'p' has no role 'nobody'");
	expect_step(f, 12, false, "role 'a' is already bound to realm 'x'");
	expect_step(f, 14, false, "the RIM is not role 'c''s measurement");
	expect_step(f, 16, false, "the realm's IPA width is 44 bits, the policy's 40");
	assert_int_equal(f->rep.unexpected, 0);
}

static void test_map_unprotected(void **state)
{
	struct fixture *f = *state;

	replay(f, BOOT_AB
	       "  - {map_unprotected: {realm: x, ipa: 0x8000000000, size: 8KiB}, expect: allow}\n"
	       "  - {map_unprotected: {realm: x, ipa: 0x8000000000, write: true}, expect: deny}\n"
	       "  - {map_unprotected: {realm: y, ipa: 0x8000001000}, expect: deny}\n"
	       "  - {map_unprotected: {realm: x, ipa: 0x8000001000, size: 8KiB}, expect: deny}\n"
	       "  - {map_unprotected: {realm: x, ipa: 0x1000}, expect: deny}\n"
	       "  - {map_unprotected: {realm: x, ipa: 0x9000000000}, expect: deny}\n"
	       "  - {map_unprotected: {realm: x, ipa: 0x8000000000, size: 0}, expect: deny}\n");
	expect_step(f, 7, true, "region 'ring' grants read to role 'a'");
	expect_step(f, 8, false, "role 'a' has only read on region 'ring'");
	expect_step(f, 9, false, "region 'ring' is not granted to role 'b'");
	expect_step(f, 10, false, "the range leaves region 'ring'");
	expect_step(f, 11, false, "region 'buf' is protected");
	expect_step(f, 12, false, "no region at 0x9000000000");
	expect_step(f, 13, false, "the range is empty or wraps");
}

static void test_exits_and_sharing(void **state)
{
	struct fixture *f = *state;

	replay(f, BOOT_AB
	       "  - {host_call: {realm: y}, expect: allow}\n"
	       "  - {host_call: {realm: x}, expect: deny}\n"
	       "  - {mmio: {realm: x}, expect: deny}\n"
	       "  - {mmio: {realm: x, ipa: 0x8000001000}, expect: allow}\n"
	       "  - {call: {realm: x, callee: b}, expect: allow}\n"
	       "  - {call: {realm: y, callee: a}, expect: deny}\n"
	       "  - {share: {realm: x, owner: y, region: buf}, expect: deny}\n"
	       "  - {share: {realm: y, owner: x, region: buf}, expect: allow}\n"
	       "  - {share: {realm: y, owner: x, region: ring}, expect: deny}\n");
	expect_step(f, 7, true, "role 'b' has hostcall");
	expect_step(f, 8, false, "role 'a' has no hostcall: RSI_ERROR_INPUT");
	expect_step(f, 9, false, "role 'a' has no mmio");
	expect_step(f, 10, true, "a fault in an unprotected region granted to role 'a'");
	expect_step(f, 11, true, "the policy has the call a -> b (oneway): the host enters role 'b''s realm");
	expect_step(f, 12, false, "the policy has no call b -> a");
	expect_step(f, 13, false, "role 'b' has read on region 'buf': only a writer owns its pages");
	expect_step(f, 14, true, "role 'a''s page of region 'buf' mapped read-only into role 'b' (1 reference)");
	expect_step(f, 15, false, "region 'ring' is unprotected: the host maps it itself");
	assert_int_equal(f->rep.unexpected, 0);
}

static void test_ungoverned_and_pool(void **state)
{
	struct fixture *f = *state;

	replay(f, "steps:\n"
		  "  - {create: {realm: u, rpv: 00ff}, expect: allow}\n"
		  "  - {bind: {realm: u, role: a}, expect: deny}\n"
		  "  - {host_call: {realm: u}, expect: deny}\n"
		  "  - {activate: {realm: u}, expect: allow}\n"
		  "  - {host_call: {realm: u}, expect: allow}\n"
		  "  - {map_unprotected: {realm: u, ipa: 0x1000, write: true}, expect: allow}\n"
		  "  - {load: {file: other.pol}, expect: allow}\n"
		  "  - {load: {file: other.pol, corrupt_byte: 0}, expect: deny}\n"
		  "  - {load: {file: other.pol, truncate: 8}, expect: deny}\n"
		  "  - {create: {realm: g, rpv: policy}, expect: allow}\n"
		  "  - {call: {realm: u, callee: a}, expect: allow, reason: governed}\n");
	expect_step(f, 1, true, "ungoverned: the RPV matches no loaded policy");
	expect_step(f, 2, false, "realm 'u' is not governed by a policy");
	expect_step(f, 3, false, "realm 'u' is not active: its RECs cannot run");
	expect_step(f, 5, true, "ungoverned");
	expect_step(f, 6, true, "ungoverned");
	expect_step(f, 7, true, "already loaded in slot 1");
	assert_non_null(strstr(f->rep.v[8].reason, "invalid blob: offset 0x0: header: magic"));
	expect_step(f, 9, false, "invalid blob: offset 0x8: header: blob is shorter than the header");
	/* calls name roles: the last expectation is wrong on purpose */
	expect_step(f, 11, false, "realm 'u' is not governed by a policy");
	assert_int_equal(f->rep.unexpected, 1);
	assert_false(f->rep.v[11].as_expected);
}

static void test_sharing(void **state)
{
	struct fixture *f = *state;

	replay(f, BOOT_AB
	       "  - {share: {realm: y, owner: x, region: buf}, expect: allow}\n"
	       "  - {share: {realm: y, owner: x, region: buf}, expect: deny}\n"
	       "  - {share: {realm: y, owner: x, ipa: 0x1001}, expect: deny}\n"
	       "  - {share: {realm: y, owner: x, ipa: 0x2000}, expect: deny}\n"
	       "  - {share: {realm: y, owner: x, region: nothere}, expect: deny}\n"
	       "  - {shared: {realm: y, region: buf}, expect: allow}\n"
	       "  - {data_destroy: {realm: x, region: buf}, expect: deny}\n"
	       "  - {destroy: {realm: y}, expect: deny}\n"
	       "  - {destroy: {realm: x}, expect: deny}\n"
	       "  - {unshare: {realm: x, region: buf}, expect: deny}\n"
	       "  - {unshare: {realm: y, ipa: 0x1000}, expect: allow}\n"
	       "  - {data_destroy: {realm: x, region: buf}, expect: allow}\n"
	       "  - {destroy: {realm: x}, expect: allow}\n"
	       "  - {create: {realm: z, rpv: policy}, expect: allow}\n"
	       "  - {bind: {realm: z, role: a}, expect: deny}\n"
	       "  - {unload: {slot: 1}, expect: deny}\n"
	       "  - {destroy: {realm: y}, expect: allow}\n"
	       "  - {destroy: {realm: z}, expect: allow}\n"
	       "  - {unload: {slot: 0}, expect: deny}\n"
	       "  - {unload: {slot: 9}, expect: deny}\n"
	       "  - {unload: {file: policy}, expect: allow}\n"
	       "  - {unload: {file: policy}, expect: deny}\n"
	       "  - {create: {realm: w, rpv: policy}, expect: allow}\n"
	       "  - {load: {file: other.pol}, expect: allow}\n"
	       "  - {host_call: {realm: y}, expect: deny}\n");
	expect_step(f, 7, true, "role 'a''s page of region 'buf' mapped read-only into role 'b' (1 reference)");
	expect_step(f, 8, false, "realm 'y' already maps a page at 0x1000");
	expect_step(f, 9, false, "IPA 0x1001 is not granule-aligned");
	expect_step(f, 10, false, "no region at 0x2000");
	expect_step(f, 11, false, "no policy of realm 'x' or realm 'y' has a region 'nothere'");
	expect_step(f, 12, true, "region 'buf' at 0x1000+0x1000: role 'b' read, role 'a' write, role 'c' read");
	expect_step(f, 13, false, "1 reader maps the page at 0x1000: readers unmap first");
	expect_step(f, 14, false, "realm 'y' still maps 1 shared page: its RTTs are not empty, unshare first");
	expect_step(f, 15, false, "readers still map 1 of realm 'x''s pages: readers unmap first");
	expect_step(f, 16, false, "realm 'x' maps no shared page at 0x1000");
	expect_step(f, 17, true, "unmapped; realm 'x''s page has 0 references left");
	expect_step(f, 18, true, "no reader maps the page at 0x1000");
	expect_step(f, 19, true, "slot 1 governs 1 live realm");
	/* a destroyed realm's role stays taken, as in the RMM */
	expect_step(f, 21, false, "role 'a' is already bound to realm 'x' (destroyed: the role stays taken until the policy is unloaded)");
	expect_step(f, 22, false, "policy 'p' in slot 1 governs 2 live realms: destroy them first");
	expect_step(f, 24, true, "slot 1 governs 0 live realms");
	expect_step(f, 25, false, "slot 0 holds no policy");
	expect_step(f, 26, false, "slot 9 holds no policy");
	expect_step(f, 27, true, "policy 'p' unloaded: slot 1 is free");
	expect_step(f, 28, false, "policy 'policy' is not loaded");
	expect_step(f, 29, true, "ungoverned: the RPV matches no loaded policy");
	assert_non_null(strstr(f->rep.v[30].reason, "policy 'p' v1 in slot 1, sha256:"));
	expect_step(f, 31, false, "realm 'y' was destroyed");
	assert_int_equal(f->rep.unexpected, 0);
}

static void test_share_bound_and_policies(void **state)
{
	struct fixture *f = *state;

	replay(f, "limits: {share_refs: 1}\n" BOOT_AB
	       "  - {share: {realm: y, owner: x, region: buf}, expect: allow}\n"
	       "  - {create: {realm: z, rpv: policy}, expect: allow}\n"
	       "  - {bind: {realm: z, role: c}, expect: allow}\n"
	       "  - {share: {realm: z, owner: x, region: buf}, expect: deny}\n"
	       "  - {create: {realm: u, rpv: 00ff}, expect: allow}\n"
	       "  - {share: {realm: u, owner: x, region: buf}, expect: deny}\n"
	       "  - {share: {realm: y, owner: u, ipa: 0x1000}, expect: deny}\n"
	       "  - {create: {realm: n, rpv: policy}, expect: allow}\n"
	       "  - {share: {realm: n, owner: x, region: buf}, expect: deny}\n"
	       "  - {share: {realm: y, owner: x, region: ring, write: true}, expect: deny}\n"
	       "  - {share: {realm: x, owner: x, region: buf}, expect: deny}\n"
	       "  - {share: {realm: z, owner: y, region: buf}, expect: deny}\n"
	       "  - {unshare: {realm: y, owner: z, region: buf}, expect: deny}\n"
	       "  - {unshare: {realm: y, owner: x, region: buf}, expect: allow}\n"
	       "  - {shared: {realm: y, ipa: 0x8000000000}, expect: deny}\n"
	       "  - {activate: {realm: u}, expect: allow}\n"
	       "  - {shared: {realm: u, ipa: 0x1000}, expect: deny}\n");
	expect_step(f, 10, false, "the page at 0x1000 already has 1 reference, the bound (MICA_SHARE_REFS_MAX 1)");
	expect_step(f, 12, false, "realm 'u' is not governed by a policy");
	expect_step(f, 13, false, "realm 'u' is not governed by a policy");
	expect_step(f, 15, false, "no role is bound to realm 'n'");
	expect_step(f, 16, false, "region 'ring' is unprotected: the host maps it itself");
	expect_step(f, 17, false, "realm 'x' is both reader and owner");
	expect_step(f, 18, false, "realm 'y' borrows the page at 0x1000 itself: a realm lends only its own pages");
	expect_step(f, 19, false, "the page realm 'y' maps at 0x1000 is realm 'x''s, not realm 'z''s");
	expect_step(f, 20, true, "unmapped; realm 'x''s page has 0 references left");
	expect_step(f, 21, false, "no protected region granted to role 'b' holds the page at 0x8000000000");
	expect_step(f, 23, false, "realm 'u' is not governed by a policy");
	assert_int_equal(f->rep.unexpected, 0);
}

static void test_calls(void **state)
{
	struct fixture *f = *state;

	replay(f, BOOT_AB
	       "  - {call: {realm: x, callee: b}, expect: allow}\n"
	       "  - {call: {realm: x, callee: b}, expect: deny}\n"
	       "  - {reply: {realm: y}, expect: deny}\n"
	       "  - {take: {realm: y}, expect: allow}\n"
	       "  - {reply: {realm: y}, expect: deny}\n"
	       "  - {take: {realm: y}, expect: deny}\n"
	       "  - {call: {realm: y, callee: a}, expect: deny}\n"
	       "  - {call: {realm: x, callee: zz}, expect: deny}\n"
	       "  - {call: {realm: y, callee: c}, expect: deny}\n"
	       "  - {create: {realm: z, rpv: policy}, expect: allow}\n"
	       "  - {bind: {realm: z, role: c}, expect: allow}\n"
	       "  - {take: {realm: z}, expect: deny}\n"
	       "  - {activate: {realm: z}, expect: allow}\n"
	       "  - {call: {realm: y, callee: c}, expect: allow}\n"
	       "  - {take: {realm: z}, expect: allow}\n"
	       "  - {take: {realm: z}, expect: deny}\n"
	       "  - {reply: {realm: z}, expect: allow}\n"
	       "  - {reply: {realm: z}, expect: deny}\n"
	       "  - {create: {realm: u, rpv: 00ff}, expect: allow}\n"
	       "  - {activate: {realm: u}, expect: allow}\n"
	       "  - {call: {realm: u, callee: b}, expect: deny}\n"
	       "  - {take: {realm: u}, expect: deny}\n"
	       "  - {reply: {realm: u}, expect: deny}\n"
	       "  - {call: {realm: y, callee: c}, expect: allow}\n"
	       "  - {call: {realm: y, callee: c}, expect: deny}\n"
	       "  - {take: {realm: z}, expect: allow}\n"
	       "  - {reply: {realm: z}, expect: allow}\n"
	       "  - {call: {realm: y, callee: c}, expect: allow}\n");
	expect_step(f, 7, true, "the policy has the call a -> b (oneway): the host enters role 'b''s realm");
	expect_step(f, 8, false, "role 'b''s mailbox holds a call from role 'a'");
	expect_step(f, 9, false, "role 'b' has not taken the call from role 'a'");
	expect_step(f, 10, true, "took the call from role 'a' (oneway: nothing answers it)");
	expect_step(f, 11, false, "the call from role 'a' was one-way: nothing answers it");
	expect_step(f, 12, false, "no call waits for role 'b'");
	expect_step(f, 13, false, "the policy has no call b -> a");
	expect_step(f, 14, false, "policy 'p' has no role 'zz'");
	expect_step(f, 15, false, "no realm holds role 'c'");
	expect_step(f, 18, false, "realm 'z' is not active: its RECs cannot run");
	expect_step(f, 20, true, "the policy has the call b -> c: the host enters role 'c''s realm");
	expect_step(f, 21, true, "took the call from role 'b': a reply is due");
	expect_step(f, 22, false, "no call waits for role 'c': it holds the call from role 'b', not yet answered");
	expect_step(f, 23, true, "the reply goes to role 'b'");
	expect_step(f, 24, false, "role 'c' holds no call to answer");
	expect_step(f, 27, false, "realm 'u' is not governed by a policy");
	expect_step(f, 28, false, "realm 'u' is not governed by a policy");
	expect_step(f, 29, false, "realm 'u' is not governed by a policy");
	/* a two-way caller waits for its reply before it calls again */
	expect_step(f, 31, false, "role 'b' waits for the reply to its two-way call");
	expect_step(f, 34, true, "the policy has the call b -> c: the host enters role 'c''s realm");
	assert_int_equal(f->rep.unexpected, 0);
}

/* The codes of the diagnostics, in order, joined by spaces. */
static void expect_codes(struct fixture *f, const char *text, const char *want)
{
	char got[256] = "";

	assert_int_equal(read_text(f, text), -1);
	diag_sort(&f->dl);
	for (size_t i = 0; i < f->dl.n; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%u:%u:%s", i ? " " : "",
			 f->dl.v[i].loc.line, f->dl.v[i].loc.col, f->dl.v[i].code);
	assert_string_equal(got, want);
}

static void test_bad_event(void **state)
{
	expect_codes(*state, "steps:\n  - {mmoi: {realm: r}, expect: deny}\n", "2:6:E0110");
}

static void test_bad_realm(void **state)
{
	expect_codes(*state,
		     "steps:\n  - {host_call: {realm: r}, expect: deny}\n"
		     "  - {create: {realm: r, rpv: policy}, expect: allow}\n"
		     "  - {create: {realm: r, rpv: policy}, expect: allow}\n",
		     "2:25:E0701 4:22:E0702");
}

static void test_bad_values(void **state)
{
	expect_codes(*state,
		     "steps:\n"
		     "  - {create: {realm: r, rpv: 0x12}, expect: allow}\n"
		     "  - {activate: {realm: r, rim: ab}, expect: allow}\n"
		     "  - {map_unprotected: {realm: r, ipa: 1x, write: 1}, expect: deny}\n"
		     "  - {host_call: {realm: r}, expect: yes}\n",
		     "2:30:E0703 3:32:E0213 4:39:E0105 4:50:E0217 5:37:E0217");
}

static void test_bad_shape(void **state)
{
	expect_codes(*state,
		     "steps:\n"
		     "  - {create: {realm: r, rpv: policy}}\n"
		     "  - {expect: allow}\n"
		     "  - {host_call: {}, expect: deny}\n"
		     "  - {host_call: [r], expect: deny}\n"
		     "other: 1\n",
		     "2:5:E0110 3:5:E0110 4:6:E0110 5:17:E0110 6:1:E0110");
}

static void test_bad_sharing(void **state)
{
	expect_codes(*state,
		     "limits: {share_refs: 0, refs: 1}\n"
		     "steps:\n"
		     "  - {create: {realm: r, rpv: policy}, expect: allow}\n"
		     "  - {share: {realm: r, owner: r}, expect: deny}\n"
		     "  - {share: {realm: r, owner: r, ipa: 0, region: b}, expect: deny}\n"
		     "  - {unshare: {realm: r, ipa: 0, offset: 1}, expect: deny}\n"
		     "  - {unload: {}, expect: deny}\n"
		     "  - {realm_call: {realm: r, callee: r}, expect: deny}\n",
		     "1:22:E0214 1:25:E0110 4:6:E0110 5:42:E0110 6:34:E0110 7:6:E0110 "
		     "8:6:E0110");
}

static void test_empty_file(void **state)
{
	expect_codes(*state, "", "1:1:E0110");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lifecycle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_unprotected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exits_and_sharing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ungoverned_and_pool, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_event, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_realm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_shape, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sharing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_share_bound_and_policies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_calls, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_sharing, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
