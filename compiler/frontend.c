/* frontend.c - the pipeline from an input file to a checked model.
 *
 * Each stage adds diagnostics. Every stage whose input is intact runs, so
 * one run reports every independent error; a stage is skipped only where
 * its findings could merely echo an error already reported (see
 * run_source). */
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
#include "syntax/bidi.h"
#include "syntax/parse.h"
#include "syntax/yaml_front.h"
#include "util/xalloc.h"

/* Does the text start as YAML (or JSON) rather than Mica? Mica starts with
 * a keyword and a name (`policy p {`), or a comment (// or slash-star); YAML
 * with `key:`, `---`, a `#` comment, or, as JSON, `{`. A `#` line cannot
 * start Mica, and a name followed by ':' cannot either. */
static bool looks_like_yaml(const char *p, const char *end)
{
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	if (p == end)
		return false;
	if (*p == '#' || *p == '{' || *p == '[' || (end - p >= 3 && memcmp(p, "---", 3) == 0))
		return true;
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' || *p == '"'))
		return false;
	if (*p == '"') {
		for (p++; p < end && *p != '"' && *p != '\n'; p++)
			;
		p++;
	} else {
		while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				   (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			p++;
	}
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p < end && *p == ':';
}

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
	if (dot && strcmp(dot, ".mica") == 0)
		return LANG_MICA;
	/* Standard input, or a name that does not say: by content. */
	return looks_like_yaml(src->data, src->data + src->len) ? LANG_YAML : LANG_MICA;
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
static void model_built(struct frontend *fe, const struct frontend_opts *opts)
{
	if (opts->model_built && !has_errors(&fe->diags))
		opts->model_built(&fe->model, opts->model_built_arg);
}

static void analyse_model(struct frontend *fe, const struct frontend_opts *opts)
{
	fe->has_model = true;
	check_warnings(&fe->model, &fe->diags);
	model_built(fe, opts);
	if (!opts->no_flow)
		flow_check(&fe->model, &fe->diags);
}

/* How far an error reaches, for deciding what may still run after it. */
enum reach {
	REACH_VALUE,	/* one value in the tree: the scanner or parser reported
			 * it, marked it invalid (or read what was meant) and
			 * went on, so no declaration or statement was lost */
	REACH_MODEL,	/* one value the model can be built around (marked
			 * invalid; nothing else depends on its spelling) */
	REACH_TREE,	/* possibly the tree itself: a syntax error, an
			 * unterminated string or comment, a NUL byte, anything
			 * the YAML parser stopped on, or a bad character (a
			 * name declared with a look-alike letter) may have
			 * lost or misspelt a declaration, so its uses would
			 * look undeclared */
};

static enum reach reach_of(enum diag_kind k)
{
	switch (k) {
	case ERR_INVALID_NUMBER:
	case ERR_UNKNOWN_VALUE:
	case ERR_PROPERTY_SET_TWICE:
		return REACH_VALUE;
	case ERR_INVALID_MEASUREMENT:
	case ERR_VALUE_OUT_OF_RANGE:
	case ERR_INVALID_SIZE:
	case ERR_MISALIGNED_BASE:
		return REACH_MODEL;
	default:
		return REACH_TREE;
	}
}

/* Do the errors from FROM on reach no further than MAX? */
static bool reach_at_most(const struct diag_list *dl, size_t from, enum reach max)
{
	for (size_t i = from; i < dl->n; i++)
		if (dl->v[i].sev == DIAG_ERROR && reach_of(dl->v[i].kind) > max)
			return false;
	return true;
}

/* The flow analysis reads trust levels, region kinds and permissions only:
 * with all of them valid, a leak is independent of any other bad value. */
static bool flow_values_valid(const struct ast *ast)
{
	for (size_t i = 0; i < ast->nrealms; i++)
		if (!ast->realms[i].trust)
			return false;
	for (size_t i = 0; i < ast->nregions; i++) {
		const struct ast_region *r = &ast->regions[i];

		if (!r->kind)
			return false;
		for (size_t j = 0; j < r->ngrants; j++)
			if (!r->grants[j].perm)
				return false;
	}
	return true;
}

/* Placement reads ipa_bits, sizes and addresses. */
static bool layout_values_valid(const struct ast *ast, const struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++)
		if (dl->v[i].kind == ERR_VALUE_OUT_OF_RANGE || dl->v[i].kind == ERR_INVALID_SIZE ||
		    dl->v[i].kind == ERR_MISALIGNED_BASE)
			return false;
	if (ast->npolicies && ast->policies[0].ipa_bits_p.invalid)
		return false;
	for (size_t i = 0; i < ast->nregions; i++)
		if (ast->regions[i].size_p.invalid || ast->regions[i].at_p.invalid)
			return false;
	return true;
}

/*
 * What runs after which errors (docs/diagnostics.md, "What one run
 * reports"): every check whose input is intact runs, so one run shows every
 * independent error; a check is skipped only where its findings could echo
 * an error already reported.
 *
 *   parse      always.
 *   check      always; name and missing-property checks only when the tree
 *              is whole (errors of REACH_VALUE only), since a lost
 *              declaration would make its uses look undeclared.
 *   resolve    when the only errors are in single values (REACH_MODEL):
 *              the model is built around them; regions are placed only when
 *              the layout values are valid.
 *   flows      on that model when trust, kinds and permissions are valid,
 *              and also after layout errors (E03xx), which flows never read.
 *   warnings   and the blob: only on an error-free policy.
 */
static void run_source(struct frontend *fe, const struct frontend_opts *opts)
{
	struct diag_list *dl = &fe->diags;
	size_t before = dl->n;
	unsigned free_tree;
	bool whole;

	ast_init(&fe->ast, &fe->src);
	check_bidi(&fe->src, dl);
	if (fe->lang == LANG_YAML)
		parse_yaml(&fe->ast, dl);
	else
		parse_mica(&fe->ast, dl);
	whole = reach_at_most(dl, before, REACH_VALUE);
	check_ast(&fe->ast, !whole, dl);
	/* Nothing after resolve reads the tree (the model's names live in the
	 * source), so resolve frees it part by part as the model takes it over,
	 * unless the caller asked to keep it. */
	free_tree = opts->keep_tree ? 0 : RESOLVE_FREE_TREE;
	if (!has_errors(dl)) {
		if (resolve(&fe->ast, &fe->model, RESOLVE_PLACE | free_tree, dl) == 0) {
			fe->has_model = true;
			check_warnings(&fe->model, dl);
			model_built(fe, opts);
		}
	} else if (whole && reach_at_most(dl, before, REACH_MODEL) &&
		   flow_values_valid(&fe->ast)) {
		resolve(&fe->ast, &fe->model,
			(layout_values_valid(&fe->ast, dl) ? RESOLVE_PLACE : 0) | free_tree, dl);
	} else {
		return;
	}
	if (!opts->no_flow)
		flow_check(&fe->model, dl);
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

/* A limit of the language, not an I/O failure: a policy error. */
static enum frontend_status too_large(struct frontend *fe, const char *name)
{
	fe->src.name = xstrdup(name);
	diag_help(diag_add(&fe->diags, ERR_INPUT_TOO_LARGE, &fe->src, (loc_t){0, 0, 0, 0},
			     "input is larger than the %u MiB limit", SOURCE_MAX_BYTES >> 20),
		  "split the pipeline into several policies");
	return FRONTEND_ERRORS;
}

enum frontend_status frontend_run(struct frontend *fe, const char *path, const struct frontend_opts *opts)
{
	int rc;

	memset(fe, 0, sizeof(*fe));
	rc = source_read(&fe->src, path, fe->io_error, sizeof(fe->io_error));
	if (rc == SOURCE_TOO_LARGE)
		return too_large(fe, strcmp(path, "-") ? path : SOURCE_STDIN_NAME);
	if (rc != 0)
		return FRONTEND_UNREADABLE;
	return run(fe, opts);
}

enum frontend_status frontend_run_mem(struct frontend *fe, const char *name, const void *data, size_t len,
		     const struct frontend_opts *opts)
{
	memset(fe, 0, sizeof(*fe));
	if (len > SOURCE_MAX_BYTES)	/* line offsets are 32-bit (util/source.h) */
		return too_large(fe, name);
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
