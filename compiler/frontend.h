/* frontend.h - the pipeline every command runs on its input:
 *
 *   read -> (parse Mica | parse YAML) -> check -> resolve -> flow analysis
 *     or
 *   read -> validate blob -> decode
 *
 * and the model plus every diagnostic found on the way. */
#ifndef MICAC_FRONTEND_H
#define MICAC_FRONTEND_H

#include <stdbool.h>

#include "syntax/ast.h"
#include "diag/diag.h"
#include "sema/model.h"
#include "util/source.h"

enum input_lang { LANG_AUTO, LANG_MICA, LANG_YAML, LANG_BLOB };

struct frontend_opts {
	enum input_lang lang;	/* LANG_AUTO: by extension, then by content */
	bool werror;
	bool no_flow;		/* skip the flow analysis (micac flows does its own) */
};

struct frontend {
	struct source src;
	struct ast ast;		/* empty for blobs */
	struct model model;	/* valid when has_model */
	bool has_model;
	enum input_lang lang;	/* what the input turned out to be */
	struct diag_list diags;
	char io_error[512];	/* set when the input could not be read */
};

/* Runs the pipeline on PATH ("-": stdin). Returns EXIT_CLEAN when the model
 * is built and no error was found, EXIT_POLICY when diagnostics include
 * errors (the model may still be built, e.g. for a flow error), EXIT_USAGE
 * when the input could not be read (io_error says why). */
int frontend_run(struct frontend *fe, const char *path, const struct frontend_opts *opts);
/* Same on a buffer already in memory (fuzzers, tests). */
int frontend_run_mem(struct frontend *fe, const char *name, const void *data, size_t len,
		     const struct frontend_opts *opts);
void frontend_free(struct frontend *fe);
/* Which language SRC is in: a blob by its magic, then by extension
 * (.yaml/.yml/.json: YAML, .pol: blob), else Mica. */
enum input_lang frontend_detect_lang(const struct source *src);
/* Parses a --lang value (mica, yaml, json, blob); 0 or -1. */
int cli_parse_lang(const char *s, enum input_lang *out);

/* Stages, each in its own file. */
int parse_mica(struct ast *ast, struct diag_list *dl);		/* parse.c + grammar/ */
int parse_yaml(struct ast *ast, struct diag_list *dl);		/* yaml_front.c */
/* Names, properties, values (check_names.c, check_props.c). PARTIAL: the
 * tree is incomplete after syntax errors, so skip the checks whose errors
 * would only echo them (undeclared names, missing properties). */
void check_ast(const struct ast *ast, bool partial, struct diag_list *dl);
/* Warnings about a built model (check_warnings.c). */
void check_warnings(const struct model *m, struct diag_list *dl);
/* Builds the sorted, placed model from a checked tree, with the layout
 * checks (place.c); 0 on success. */
int resolve(const struct ast *ast, struct model *m, struct diag_list *dl);	/* resolve.c */
void flow_check(const struct model *m, struct diag_list *dl);	/* flow.c */
/* Validates and decodes a blob; on failure adds an error diagnostic. */
int decode_blob(const struct source *src, struct model *m, struct diag_list *dl);	/* decode.c */

#endif
