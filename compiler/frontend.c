/* frontend.c - the pipeline from an input file to a checked model.
 *
 * Each stage adds diagnostics. The name and property checks run even after
 * syntax errors (on what was parsed), so one run reports as much as it
 * can; the model is built, and flows analysed, only from an error-free tree,
 * so a user never sees an error that merely echoes another one. */
#include <string.h>

#include <stdio.h>
#include <stdlib.h>

#include "blob/decode.h"
#include "blob/encode.h"
#include "print/emit.h"
#include "flow/flow_check.h"
#include "frontend.h"
#include "sema/check.h"
#include "sema/resolve.h"
#include "syntax/parse.h"
#include "syntax/yaml_front.h"
#include "util/xalloc.h"

enum input_lang frontend_detect_lang(const struct source *src)
{
	const char *dot = strrchr(src->name, '.');

	if (src->len >= MICA_BLOB_MAGIC_SIZE &&
	    memcmp(src->data, MICA_BLOB_MAGIC, MICA_BLOB_MAGIC_SIZE) == 0)
		return LANG_BLOB;
	if (dot && (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0 ||
		    strcmp(dot, ".json") == 0))
		return LANG_YAML;
	if (dot && strcmp(dot, ".pol") == 0)
		return LANG_BLOB;
	return LANG_MICA;
}

/* Errors proper, not warnings promoted by --werror. */
static bool has_errors(const struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++)
		if (dl->v[i].sev == DIAG_ERROR)
			return true;
	return false;
}

/* The checks on a built model, whether it came from source or from a
 * blob: the model is the same, so a blob gets every warning and flow error
 * its source would (located at its table entries). */
static void analyse_model(struct frontend *fe, const struct frontend_opts *opts)
{
	fe->has_model = true;
	check_warnings(&fe->model, &fe->diags);
	if (!opts->no_flow)
		flow_check(&fe->model, &fe->diags);
}

static void run_source(struct frontend *fe, const struct frontend_opts *opts)
{
	struct diag_list *dl = &fe->diags;
	int rc;

	ast_init(&fe->ast, &fe->src);
	rc = fe->lang == LANG_YAML ? parse_yaml(&fe->ast, dl) : parse_mica(&fe->ast, dl);
	check_ast(&fe->ast, rc != 0 || has_errors(dl), dl);
	if (has_errors(dl))
		return;
	if (resolve(&fe->ast, &fe->model, dl) != 0)
		return;
	analyse_model(fe, opts);
}

static enum frontend_status run(struct frontend *fe, const struct frontend_opts *opts)
{
	fe->diags.werror = opts->werror;
	fe->lang = opts->lang == LANG_AUTO ? frontend_detect_lang(&fe->src) : opts->lang;
	if (fe->lang == LANG_BLOB) {
		fe->src.blob = true;
		if (decode_blob(&fe->src, &fe->model, &fe->diags) == 0)
			analyse_model(fe, opts);
	} else {
		run_source(fe, opts);
	}
	diag_sort(&fe->diags);
	return diag_error_count(&fe->diags) ? FRONTEND_ERRORS : FRONTEND_OK;
}

enum frontend_status frontend_run(struct frontend *fe, const char *path, const struct frontend_opts *opts)
{
	int rc;

	memset(fe, 0, sizeof(*fe));
	rc = source_read(&fe->src, path, fe->io_error, sizeof(fe->io_error));
	if (rc == SOURCE_TOO_LARGE) {
		/* A limit of the language, not an I/O failure: a policy error. */
		fe->src.name = xstrdup(strcmp(path, "-") ? path : "<stdin>");
		diag_help(diag_add(&fe->diags, ERR_INPUT_TOO_LARGE, &fe->src, (loc_t){0, 0, 0, 0},
				     "input is larger than the %u MiB limit", SOURCE_MAX_BYTES >> 20),
			  "split the pipeline into several policies");
		return FRONTEND_ERRORS;
	}
	if (rc != 0)
		return FRONTEND_UNREADABLE;
	return run(fe, opts);
}

enum frontend_status frontend_run_mem(struct frontend *fe, const char *name, const void *data, size_t len,
		     const struct frontend_opts *opts)
{
	memset(fe, 0, sizeof(*fe));
	source_from_mem(&fe->src, name, data, len);
	return run(fe, opts);
}

void frontend_free(struct frontend *fe)
{
	ast_free(&fe->ast);
	model_free(&fe->model);
	diag_list_free(&fe->diags);
	source_free(&fe->src);
}

bool frontend_source_roundtrip(const struct model *m, const uint8_t *blob, size_t len, char **text)
{
	struct frontend fe;
	struct frontend_opts opts = { .lang = LANG_MICA, .no_flow = true };
	size_t text_len = 0;
	FILE *out = open_memstream(text, &text_len);
	uint8_t *again = NULL;
	size_t again_len = 0;
	bool same;

	if (!out)
		return false;
	if (emit_mica(out, m) != 0) {
		fclose(out);
		return false;
	}
	if (fclose(out) != 0)
		return false;
	same = frontend_run_mem(&fe, "source-form.mica", *text, text_len, &opts) == FRONTEND_OK &&
	       fe.has_model && encode_model(&fe.model, &again, &again_len) == ENCODE_OK &&
	       again_len == len && memcmp(again, blob, len) == 0;
	free(again);
	frontend_free(&fe);
	return same;
}
