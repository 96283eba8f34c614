/* diag_json.c - diagnostics as micac's own JSON document. The schema is
 * stable and documented in docs/diagnostics-json.md; fields are only ever
 * added, never renamed or removed, within "version": 1. */
#include "diag/diag_render.h"
#include "util/json_writer.h"

static void put_location(struct json *j, const struct diag *d, loc_t loc)
{
	char entry[128];
	uint32_t off, n;

	json_key(j, "location");
	if (d->src && d->src->blob && diag_blob_entry(d->src, loc, entry, sizeof(entry), &off, &n)) {
		json_begin_object(j);
		json_kv_string(j, "entry", entry);
		json_kv_uint(j, "byte_offset", off);
		json_kv_uint(j, "byte_length", n);
		json_end_object(j);
		return;
	}
	if (!d->src || loc.line == 0 || d->src->blob) {
		json_put_null(j);
		return;
	}
	json_begin_object(j);
	json_kv_uint(j, "line", loc.line);
	json_kv_uint(j, "column", loc.col);
	json_kv_uint(j, "end_line", loc.end_line ? loc.end_line : loc.line);
	json_kv_uint(j, "end_column", loc.end_col ? loc.end_col : loc.col);
	json_end_object(j);
}

static void put_steps_and_notes(struct json *j, const struct diag *d)
{
	json_key(j, "steps");
	json_begin_array(j);
	for (size_t i = 0; i < d->nsteps; i++) {
		json_begin_object(j);
		json_kv_string(j, "text", d->steps[i].text);
		put_location(j, d, d->steps[i].loc);
		json_end_object(j);
	}
	json_end_array(j);
	json_key(j, "notes");
	json_begin_array(j);
	for (size_t i = 0; i < d->nnotes; i++) {
		json_begin_object(j);
		json_kv_string(j, "kind", d->notes[i].kind == NOTE_HELP ? "help" : "note");
		json_kv_string(j, "text", d->notes[i].text);
		put_location(j, d, d->notes[i].loc);
		json_end_object(j);
	}
	json_end_array(j);
}

static void put_diag(struct json *j, const struct diag_list *dl, const struct diag *d)
{
	const struct diag_code_info *info = diag_code_lookup(d->code);

	json_begin_object(j);
	json_key(j, "file");
	if (d->src)
		json_put_string(j, d->src->name);
	else
		json_put_null(j);
	json_kv_string(j, "severity", diag_level(dl, d));
	json_kv_string(j, "code", d->code);
	json_kv_string(j, "title", info ? info->title : "");
	json_kv_string(j, "message", d->msg);
	put_location(j, d, d->loc);
	put_steps_and_notes(j, d);
	json_end_object(j);
}

void diag_render_json(FILE *out, const struct diag_list *const *lists, size_t n)
{
	struct json j;
	size_t errors = 0, warnings = 0;

	json_init(&j, out);
	json_begin_object(&j);
	json_kv_header(&j, 1);
	json_key(&j, "diagnostics");
	json_begin_array(&j);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < lists[i]->n; k++)
			put_diag(&j, lists[i], &lists[i]->v[k]);
		errors += diag_error_count(lists[i]);
		warnings += diag_warning_count(lists[i]);
	}
	json_end_array(&j);
	json_kv_uint(&j, "errors", errors);
	json_kv_uint(&j, "warnings", warnings);
	json_end_object(&j);
	json_finish(&j);
}
