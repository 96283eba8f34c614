/* fuzz_scenario.c - libFuzzer target: scenario YAML -> `micac enforce`.
 *
 * The input goes through the reader, the blob checks, the replay and both
 * printers that cmd_enforce.c uses, against the example policies compiled
 * once at start-up. They are embedded at build time (fuzz/embed.sh), so
 * the target needs no files and runs from any directory. A policy file the
 * scenario names is never read: it stands for the example of the same base
 * name ("../policies/clean_room.mica"), and any other name for one of the
 * examples picked by a hash of the name, so mutated names still reach the
 * paths of several loaded policies. Output goes to /dev/null.
 *
 * Invariants (abort): a refused scenario has an error diagnostic; a replay
 * decides every step plus the boot load of the command line's policy, which
 * an empty pool always takes; printing succeeds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_compile.h"
#include "fuzz_policies.h"
#include "scenario/scenario_print.h"
#include "util/xalloc.h"

#define MAIN_POLICY "video_analytics.mica"
#define NPOLICIES (sizeof(fuzz_embedded) / sizeof(fuzz_embedded[0]))

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct scn_blob policies[NPOLICIES];
static size_t main_policy = NPOLICIES;
static FILE *sink;

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_scenario: invariant broken: %s\n", what);
	abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	for (size_t i = 0; i < NPOLICIES; i++) {
		size_t len;

		policies[i].data = fuzz_policy_blob(fuzz_embedded[i].name, fuzz_embedded[i].data,
						    fuzz_embedded[i].len, &len);
		policies[i].len = len;
		if (strcmp(fuzz_embedded[i].name, MAIN_POLICY) == 0)
			main_policy = i;
	}
	sink = fopen("/dev/null", "w");
	if (main_policy == NPOLICIES || !sink)
		fail("no " MAIN_POLICY " embedded, or no /dev/null");
	return 0;
}

/* The embedded policy a scenario's file name stands for. */
static struct scn_blob named_policy(const char *file)
{
	const char *slash = strrchr(file, '/');
	const char *base = slash ? slash + 1 : file;
	size_t hash = 0;

	for (size_t i = 0; i < NPOLICIES; i++)
		if (strcmp(fuzz_embedded[i].name, base) == 0)
			return policies[i];
	for (const char *c = file; *c; c++)
		hash = hash * 31 + (unsigned char)*c;
	return policies[hash % NPOLICIES];
}

static void replay(const struct scenario *s, const struct source *src, struct diag_list *dl)
{
	struct scn_blob *blobs = xcalloc(s->nfiles, sizeof(*blobs));
	struct scn_report r;

	for (size_t i = 0; i < s->nfiles; i++)
		blobs[i] = i == SCN_MAIN_POLICY ? policies[main_policy] : named_policy(s->files[i]);
	if (scenario_check_blobs(s, blobs, src, dl) == 0) {
		scenario_replay(s, blobs, &r);
		if (r.n != s->nsteps + 1)
			fail("a replay skipped or added a step");
		if (!r.v[0].allow)
			fail("an empty pool refused the command line's policy");
		if (scn_print_text(sink, &r) != 0 || scn_print_json(sink, &r, s->description) != 0)
			fail("a report does not print");
		scn_report_free(&r);
	} else if (diag_error_count(dl) == 0) {
		fail("blobs refused without an error diagnostic");
	}
	free(blobs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source src;
	struct diag_list dl = {0};
	struct scenario s;

	source_from_mem(&src, "fuzz.yaml", data, size);
	if (scenario_read(&s, &src, &dl) == 0)
		replay(&s, &src, &dl);
	else if (diag_error_count(&dl) == 0)
		fail("a scenario refused without an error diagnostic");
	scenario_free(&s);
	/* Rendering reads the source lines the diagnostics point into. */
	diag_sort(&dl);
	diag_render_text(sink, &dl, 0, false);
	diag_list_free(&dl);
	source_free(&src);
	return 0;
}
