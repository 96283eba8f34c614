/* verify_print.c - the report of `micac verify` (see verify_print.h). */
#include <stdlib.h>

#include "blob/digest.h"
#include "util/json_writer.h"
#include "verify/verify_print.h"

static const char *const state_names[] = {"pass", "FAIL", "skip"};
static const char *const state_keys[] = {"pass", "fail", "skip"};
static const char *const status_keys[] = {"appraised", "failed", "bad-input"};

static size_t missing_count(const struct verify_report *v)
{
	size_t k = 0;

	for (uint32_t i = 0; i < v->policy->m->nrealms; i++)
		k += appraise_missing(v->policy->m, v->r, v->n, i);
	return k;
}

enum token_status verify_outcome(const struct verify_report *v)
{
	enum token_status worst = TOKEN_APPRAISED;

	for (size_t i = 0; i < v->n; i++)
		if (v->r[i].status > worst)
			worst = v->r[i].status;
	if (worst == TOKEN_APPRAISED && v->require_all && missing_count(v) > 0)
		worst = TOKEN_FAILED;
	return worst;
}

static const char *role_name(const struct verify_report *v, const struct token_result *r)
{
	return r->role >= 0 ? v->policy->m->realms[r->role].name : NULL;
}

void verify_print_text(FILE *out, const struct verify_report *v)
{
	const struct model *m = v->policy->m;
	size_t count[3] = {0};

	for (size_t i = 0; i < v->n; i++) {
		const struct token_result *r = &v->r[i];

		count[r->status]++;
		if (r->status == TOKEN_BAD_INPUT) {
			fprintf(out, "%s: bad input: %s\n", r->input, r->error);
			continue;
		}
		fprintf(out, "%s: %s", r->input, r->status == TOKEN_APPRAISED ? "appraised" : "FAILED");
		if (role_name(v, r))
			fprintf(out, ", role '%s'", role_name(v, r));
		fputc('\n', out);
		for (int c = 0; c < CHECK_COUNT; c++)
			fprintf(out, "  %s  %-19s %s\n", state_names[r->checks[c].state],
				check_name(c), r->checks[c].detail);
	}
	for (uint32_t i = 0; i < m->nrealms; i++)
		if (appraise_missing(m, v->r, v->n, i))
			fprintf(out, "missing: role '%s' (measured; no token appraised it)%s\n",
				m->realms[i].name, v->require_all ? " FAIL" : "");
	fprintf(out, "result: %zu appraised, %zu failed, %zu bad input\n", count[TOKEN_APPRAISED],
		count[TOKEN_FAILED], count[TOKEN_BAD_INPUT]);
}

void verify_print_json(FILE *out, const struct verify_report *v)
{
	const struct model *m = v->policy->m;
	struct json j;
	char *rpv = hex_encode(v->policy->rpv, RPV_SIZE);

	json_init(&j, out);
	json_begin_object(&j);
	json_kv_string(&j, "policy", m->name);
	json_kv_uint(&j, "version", m->version);
	json_kv_string(&j, "rpv", rpv);
	json_kv_string(&j, "result", status_keys[verify_outcome(v)]);
	json_key(&j, "tokens");
	json_begin_array(&j);
	for (size_t i = 0; i < v->n; i++) {
		const struct token_result *r = &v->r[i];

		json_begin_object(&j);
		json_kv_string(&j, "file", r->input);
		json_kv_string(&j, "status", status_keys[r->status]);
		json_key(&j, "role");
		if (role_name(v, r))
			json_put_string(&j, role_name(v, r));
		else
			json_put_null(&j);
		if (r->status == TOKEN_BAD_INPUT) {
			json_kv_string(&j, "error", r->error);
		} else {
			json_key(&j, "checks");
			json_begin_object(&j);
			for (int c = 0; c < CHECK_COUNT; c++) {
				json_key(&j, check_key(c));
				json_begin_object(&j);
				json_kv_string(&j, "result", state_keys[r->checks[c].state]);
				json_kv_string(&j, "detail", r->checks[c].detail);
				json_end_object(&j);
			}
			json_end_object(&j);
		}
		json_end_object(&j);
	}
	json_end_array(&j);
	json_key(&j, "missing_roles");
	json_begin_array(&j);
	for (uint32_t i = 0; i < m->nrealms; i++)
		if (appraise_missing(m, v->r, v->n, i))
			json_put_string(&j, m->realms[i].name);
	json_close(&j, 2);
	json_finish(&j);
	free(rpv);
}
