/* scenario_fields.h - reading one event's fields (scenario_fields.c), shared
 * with the step reader (scenario_read.c). Internal to scenario reading. */
#ifndef MICAC_SCENARIO_FIELDS_H
#define MICAC_SCENARIO_FIELDS_H

#include <stdbool.h>

#include "scenario/scenario.h"
#include "syntax/yaml_events.h"

struct scn_reader {
	struct yaml_events y;
	struct scenario *s;
};

/* Is the current node a non-empty scalar? Else reports "expected WHAT". */
bool scn_scalar(struct scn_reader *r, const char *what);
/* A number in Mica's spellings (4096, 0x1000, 4KiB); else reports it. */
bool scn_number(struct scn_reader *r, const char *s, size_t len, uint64_t *out);
/* Reads the mapping of the event ST->kind into ST; the current event is the
 * value's first. Errors are reported; the step is then dropped. */
void scn_read_event(struct scn_reader *r, struct scn_step *st);
/* The index of NAME in S->files, added if new. */
size_t scn_add_file(struct scenario *s, const char *name);

#endif
