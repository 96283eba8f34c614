/* diag_render.h - the machine-readable renderers of diagnostics, for CI
 * (the text renderer, for people, is declared in diag.h).
 *
 *   json    micac's own document, schema in docs/diagnostics-json.md
 *   sarif   SARIF 2.1.0 for code scanning: one rule per code, flow
 *           witnesses as codeFlows
 *   github  GitHub Actions workflow commands (::error file=...::message)
 *   junit   JUnit XML test reports (GitLab, Jenkins): a suite per input
 *   gitlab  GitLab Code Quality JSON (an array of issues)
 *
 * JSON, SARIF, JUnit and GitLab take every input, so one `micac check` run
 * with several files prints one document; SARIF, JUnit, GitLab and GitHub
 * also report the inputs that could not be read. Nothing is capped (--max-errors is
 * for people). Warnings count as errors under --werror, as in the text. */
#ifndef MICAC_DIAG_RENDER_H
#define MICAC_DIAG_RENDER_H

#include <stddef.h>
#include <stdio.h>

#include "diag/diag.h"

enum diag_format {
	DIAG_FORMAT_TEXT, DIAG_FORMAT_JSON, DIAG_FORMAT_SARIF, DIAG_FORMAT_GITHUB,
	DIAG_FORMAT_JUNIT, DIAG_FORMAT_GITLAB,
};

/* "text", "json", "sarif", "github", "junit" or "gitlab"; 0, or -1 for
 * anything else. */
int diag_format_parse(const char *name, enum diag_format *f);

/* One input of a run: its name, its diagnostics, and why it could not be
 * read (NULL when it was). */
struct diag_input {
	const char *name;
	const struct diag_list *diags;
	const char *io_error;
};

/* A whole run, for the reports that describe it (SARIF's invocation). */
struct diag_run {
	const struct diag_input *inputs;
	size_t n;
	int exit_code;		/* the exit status the command returns */
};

void diag_render_json(FILE *out, const struct diag_list *const *lists, size_t n);
void diag_render_sarif(FILE *out, const struct diag_run *run);
void diag_render_junit(FILE *out, const struct diag_run *run);
void diag_render_gitlab(FILE *out, const struct diag_run *run);
void diag_render_github(FILE *out, const struct diag_input *in);

/* Where the reports point people (SARIF's informationUri and helpUri):
 * $MICAC_REPOSITORY_URL, else the URL micac was built with; the docs are
 * $MICAC_DOCS_URL, else <repository>/blob/main/docs. */
const char *diag_repository_url(void);
/* The URL of CODE's section of docs/diagnostics.md; free it. */
char *diag_help_url(const struct diag_code_info *info);
/* "LeakThroughDistrustfulRealm"-style rule name from the kind's NAME
 * ("ERR_LOAD_PAST_BLOB_END" -> "LoadPastBlobEnd"); free it. */
char *diag_rule_name(const struct diag_code_info *info);

/* The message, then the witness and the notes, one per line; free it. */
char *diag_full_message(const struct diag *d);

/* "error" or "warning", as reported (warnings are errors under werror). */
const char *diag_level(const struct diag_list *dl, const struct diag *d);

#endif
