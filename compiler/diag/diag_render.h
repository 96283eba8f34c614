/* diag_render.h - the machine-readable renderers of diagnostics, for CI
 * (the text renderer, for people, is declared in diag.h).
 *
 *   json    micac's own document, schema in docs/diagnostics-json.md
 *   sarif   SARIF 2.1.0 for code scanning: one rule per code, flow
 *           witnesses as codeFlows
 *   github  GitHub Actions workflow commands (::error file=...::message)
 *
 * JSON and SARIF take every input's list, so one `micac check` run with
 * several files prints one document. Nothing is capped (--max-errors is
 * for people). Warnings count as errors under --werror, as in the text. */
#ifndef MICAC_DIAG_RENDER_H
#define MICAC_DIAG_RENDER_H

#include <stddef.h>
#include <stdio.h>

#include "diag/diag.h"

enum diag_format { DIAG_FORMAT_TEXT, DIAG_FORMAT_JSON, DIAG_FORMAT_SARIF, DIAG_FORMAT_GITHUB };

/* "text", "json", "sarif" or "github"; 0, or -1 for anything else. */
int diag_format_parse(const char *name, enum diag_format *f);

void diag_render_json(FILE *out, const struct diag_list *const *lists, size_t n);
void diag_render_sarif(FILE *out, const struct diag_list *const *lists, size_t n);
void diag_render_github(FILE *out, const struct diag_list *dl);

/* "error" or "warning", as reported (warnings are errors under werror). */
const char *diag_level(const struct diag_list *dl, const struct diag *d);

#endif
