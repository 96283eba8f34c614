/* diag_gitlab.c - diagnostics as GitLab Code Quality JSON
 * (artifacts:reports:codequality): an array of issues, each
 *
 *   {"description", "check_name", "fingerprint", "severity",
 *    "location": {"path", "lines": {"begin"}}}
 *
 * GitLab compares a merge request's issues with its target's by
 * fingerprint, so the fingerprint is a hash of what identifies the
 * finding (file, code, place, message), stable from run to run. Errors are
 * "major", warnings "minor"; an input that could not be read is a
 * "blocker" at its line 1. tests/gitlab-codequality.schema.json is the
 * schema tests/check_review.sh validates against. */
#include <stdlib.h>

#include "diag/diag_render.h"
#include "util/json_writer.h"
#include "util/xalloc.h"

/* 64-bit FNV-1a of S, continuing from H. */
static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void put_issue(struct json *j, const char *path, const char *check, const char *severity,
		      uint32_t line, const char *description, const char *where)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	char fp[17];

	h = fnv1a(fnv1a(fnv1a(fnv1a(h, path), check), where), description);
	snprintf(fp, sizeof(fp), "%016llx", (unsigned long long)h);
	json_begin_object(j);
	json_kv_string(j, "description", description);
	json_kv_string(j, "check_name", check);
	json_kv_string(j, "fingerprint", fp);
	json_kv_string(j, "severity", severity);
	json_key(j, "location");
	json_begin_object(j);
	json_kv_string(j, "path", path);
	json_key(j, "lines");
	json_begin_object(j);
	json_kv_uint(j, "begin", line ? line : 1);
	json_close(j, 3);
}

void diag_render_gitlab(FILE *out, const struct diag_run *run)
{
	struct json j;

	json_init(&j, out);
	json_begin_array(&j);
	for (size_t i = 0; i < run->n; i++) {
		const struct diag_input *in = &run->inputs[i];

		if (in->io_error) {
			put_issue(&j, in->name, "micac-input", "blocker", 1, in->io_error, "");
			continue;
		}
		for (size_t k = 0; k < in->diags->n; k++) {
			const struct diag *d = &in->diags->v[k];
			char *where = xasprintf("%u:%u", d->loc.line, d->loc.col);

			put_issue(&j, in->name, d->code, diag_is_error(in->diags, d) ? "major" : "minor",
				  d->loc.line, d->msg, where);
			free(where);
		}
	}
	json_end_array(&j);
	json_finish(&j);
}
