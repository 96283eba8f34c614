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

#include "ast.h"
#include "diag.h"
#include "model.h"
#include "source.h"

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

/* Stages, each in its own file. */
int parse_mica(struct ast *ast, struct diag_list *dl);		/* parse.c + grammar/ */
int parse_yaml(struct ast *ast, struct diag_list *dl);		/* yaml_front.c */
void check_ast(const struct ast *ast, struct diag_list *dl);	/* check_*.c */
/* Builds the sorted, placed model from a checked tree; 0 on success. */
int resolve(const struct ast *ast, struct model *m, struct diag_list *dl);	/* resolve.c */
void flow_check(const struct model *m, struct diag_list *dl);	/* flow.c */
/* Validates and decodes a blob; on failure adds an error diagnostic. */
int decode_blob(const struct source *src, struct model *m, struct diag_list *dl);	/* decode.c */

#endif
