/* scenario_replay.h - replaying a scenario through the enforcement library
 * as the patched TF-RMM does (docs/scenarios.md, docs/rmm-integration.md).
 *
 * The replay is a pure function of the scenario and the policy blobs its
 * steps name: reading files, compiling sources and printing are the
 * caller's (cmd_enforce.c, scenario_print.c). */
#ifndef MICAC_SCENARIO_REPLAY_H
#define MICAC_SCENARIO_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scenario/scenario.h"

/* A valid, canonical policy blob, one per scenario file (files[i]). */
struct scn_blob {
	const uint8_t *data;
	size_t len;
};

/* The decision on one step. Step 0 is the RMM loading the command line's
 * policy, expected to succeed; steps 1.. are the scenario's. */
struct scn_outcome {
	size_t step;
	enum scn_kind kind;
	char *action;		/* "map_unprotected r1 0x8000001000+0x1000 rw" */
	bool allow;
	char *reason;		/* why, in words */
	bool expect_allow;
	const char *expect_reason;	/* borrowed from the scenario; NULL: any */
	bool as_expected;	/* decision matches, and the reason has the words */
};

struct scn_report {
	struct scn_outcome *v;
	size_t n, cap;
	size_t unexpected;
};

/* Checks what only the blobs can tell about the scenario: a corrupt_byte or
 * truncate past a blob's end. Reports at the step; 0, or -1 when reported. */
int scenario_check_blobs(const struct scenario *s, const struct scn_blob *files,
			 const struct source *src, struct diag_list *dl);

/* Replays S with FILES (S->nfiles of them) into OUT; free OUT with
 * scn_report_free. */
void scenario_replay(const struct scenario *s, const struct scn_blob *files, struct scn_report *out);
void scn_report_free(struct scn_report *r);

#endif
