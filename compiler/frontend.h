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
#include <stddef.h>
#include <stdint.h>

#include "syntax/ast.h"
#include "diag/diag.h"
#include "sema/model.h"
#include "util/source.h"

enum input_lang { LANG_AUTO, LANG_MICA, LANG_YAML, LANG_BLOB };

struct frontend_opts {
	enum input_lang lang;	/* LANG_AUTO: by extension, then by content */
	bool werror;
	bool no_flow;		/* skip the flow analysis (micac flows does its own) */
	bool keep_tree;		/* keep the syntax tree after the model is built
				 * (the language server's names); otherwise it is
				 * freed then, before the flow analysis */
	/* If set, called once the model is built with no error so far, just
	 * before the flow analysis. Both only read the model from then on, so
	 * the caller may start its own reading of it on another thread
	 * (policy_build encodes it meanwhile); the model stays as it is until
	 * frontend_free. */
	void (*model_built)(const struct model *m, void *arg);
	void *model_built_arg;
};

struct frontend {
	struct source src;
	struct ast ast;		/* empty for blobs, and once the model is built
				 * unless opts.keep_tree */
	struct model model;	/* valid when has_model */
	bool has_model;
	enum input_lang lang;	/* what the input turned out to be */
	struct diag_list diags;
	char io_error[512];	/* set when the input could not be read */
};

/* What a run found. The commands turn it into an exit status (cmd/cli.h);
 * the library itself knows nothing of exit codes. */
enum frontend_status {
	FRONTEND_OK,		/* the model is built and no error was found */
	FRONTEND_ERRORS,	/* diagnostics include errors (the model may still
				 * be built, e.g. for a flow error) */
	FRONTEND_UNREADABLE,	/* the input could not be read (io_error says why) */
};

/* Runs the pipeline on PATH ("-": stdin). */
enum frontend_status frontend_run(struct frontend *fe, const char *path, const struct frontend_opts *opts);
/* Same on a buffer already in memory (fuzzers, tests). */
enum frontend_status frontend_run_mem(struct frontend *fe, const char *name, const void *data, size_t len,
		     const struct frontend_opts *opts);
void frontend_free(struct frontend *fe);
/* The source form of a blob: prints M (decoded from BLOB, LEN bytes) as
 * Mica, compiles that text (flow rules aside: a leaking blob has a leaking
 * source) and tells whether it gives BLOB again, byte for byte. *TEXT gets
 * the source (free it), whatever the answer. The round-trip rule of
 * docs/blob-format.md, checked by the fuzzers and the mutation test. */
bool frontend_source_roundtrip(const struct model *m, const uint8_t *blob, size_t len, char **text);
/* Which language SRC is in: a blob by its magic, then by extension
 * (.yaml/.yml/.json: YAML, .pol: blob, .mica: Mica), else (standard input,
 * another extension) by content: YAML when it starts like YAML or JSON
 * (`key:`, `---`, `#`, `{`), else Mica. */
enum input_lang frontend_detect_lang(const struct source *src);

#endif
