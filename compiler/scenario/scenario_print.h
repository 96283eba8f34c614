/* scenario_print.h - printing a replay's report (scenario_print.c). */
#ifndef MICAC_SCENARIO_PRINT_H
#define MICAC_SCENARIO_PRINT_H

#include <stdio.h>

#include "scenario/scenario_replay.h"

/* "step 3: map_unprotected r1 0x8000001000+0x1000 rw -> deny (region
 * 'frames' is protected)  [expected deny: ok]" per step, then "N steps: A as
 * expected, U unexpected". 0, or -1 when writing failed. */
int scn_print_text(FILE *out, const struct scn_report *r);
/* {description?, steps: [{step, event, action, decision, reason, expect,
 * expect_reason?, as_expected}], summary: {steps, as_expected, unexpected}} */
int scn_print_json(FILE *out, const struct scn_report *r, const char *description);

#endif
