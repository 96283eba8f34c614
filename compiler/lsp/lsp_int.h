/* lsp_int.h - what the files of the language server share; not for use
 * outside compiler/lsp/ (lsp.h is the entry point).
 *
 * Lowest first; each file uses only those above it (no cycles, as
 * tests/check_deps.py requires):
 *
 *   lsp_json.c    messages out (framed), error answers
 *   lsp_text.c    open documents, incremental edits, LSP positions
 *   lsp_diag.c    analysis through the front end, publishDiagnostics
 *   lsp_names.c   name occurrences: hover, definition, references, rename,
 *                 document symbols
 *   lsp_edit.c    completion and formatting
 *   lsp_server.c  lifecycle (initialize, shutdown, exit) and dispatch
 *   lsp_io.c      framing (Content-Length), the batch loop, cancellation */
#ifndef MICAC_LSP_INT_H
#define MICAC_LSP_INT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "frontend.h"
#include "lsp/lsp.h"

/* JSON-RPC and LSP error codes. */
enum {
	RPC_PARSE_ERROR = -32700,
	RPC_INVALID_REQUEST = -32600,
	RPC_METHOD_NOT_FOUND = -32601,
	RPC_INVALID_PARAMS = -32602,
	RPC_SERVER_NOT_INITIALIZED = -32002,
	RPC_REQUEST_FAILED = -32803,
	RPC_REQUEST_CANCELLED = -32800,
};

/* An error answer a handler gives instead of a result. */
struct lsp_error {
	int code;		/* 0: no error */
	char msg[256];
};
void lsp_fail(struct lsp_error *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

struct lsp_doc {
	char *uri;
	char *name;		/* the path in the URI: diagnostics and language */
	enum input_lang lang;	/* from languageId, or LANG_AUTO */
	char *text;		/* NUL-terminated */
	size_t len, cap;
	struct frontend fe;	/* valid when analysed */
	bool analysed;
	bool publish;		/* diagnostics to send at the end of the batch */
};

struct lsp_server {
	lsp_write_fn write;
	void *ctx;
	char *in;		/* bytes not yet framed */
	size_t inlen, incap;
	size_t skip;		/* bytes of an oversized body still to drop */
	bool initialized, shutdown, exited;
	bool utf8;		/* positions count bytes, not UTF-16 units */
	struct lsp_doc **docs;
	size_t ndocs, docs_cap;
	json_t *cancelled;	/* ids cancelled in the current batch */
};

/* lsp_json.c: sends a message (takes the reference to MSG). */
void lsp_send(struct lsp_server *s, json_t *msg);
void lsp_send_error(struct lsp_server *s, json_t *id, int code, const char *msg);
void lsp_notify(struct lsp_server *s, const char *method, json_t *params);
/* A JSON string of TEXT with each byte that is not UTF-8 replaced by U+FFFD
 * (messages can quote a byte of the source). */
json_t *lsp_string(const char *text);

/* lsp_server.c: one decoded message. */
void lsp_handle(struct lsp_server *s, json_t *msg);

/* lsp_text.c */
struct lsp_doc *lsp_doc_find(struct lsp_server *s, const char *uri);
/* PARAMS.textDocument.uri, or NULL. */
const char *lsp_uri_of(json_t *params);
void lsp_did_open(struct lsp_server *s, json_t *params);
void lsp_did_change(struct lsp_server *s, json_t *params);
void lsp_doc_close(struct lsp_server *s, const char *uri);
void lsp_docs_free(struct lsp_server *s);
/* Byte offset in TEXT of the LSP position POS ({line, character}), clamped
 * to the document and to character boundaries; -1 when POS is malformed. */
long long lsp_offset(const struct lsp_server *s, const char *text, size_t len, json_t *pos);
/* The LSP position of byte OFF of line LINE (1-based) of SRC. */
json_t *lsp_position(const struct lsp_server *s, const struct source *src, uint32_t line,
		     size_t off_in_line);
/* The LSP range of LOC in SRC (loc_t's end is the last character). A
 * location-less LOC gives the empty range at 0:0. */
json_t *lsp_range(const struct lsp_server *s, const struct source *src, loc_t loc);
/* The LSP position of the end of TEXT. */
json_t *lsp_end_position(const struct lsp_server *s, const char *text, size_t len);
/* The 1-based line and byte column of an LSP position; false if malformed. */
bool lsp_loc_of(const struct lsp_server *s, const struct lsp_doc *d, json_t *pos,
		uint32_t *line, uint32_t *col);

/* lsp_diag.c: the document PARAMS.textDocument.uri names, analysed, or
 * NULL with E set. */
struct lsp_doc *lsp_doc_of(struct lsp_server *s, json_t *params, struct lsp_error *e);
void lsp_analyse(struct lsp_doc *d);
void lsp_publish(struct lsp_server *s, struct lsp_doc *d);
void lsp_publish_empty(struct lsp_server *s, const char *uri);

/* lsp_names.c */
json_t *lsp_hover(struct lsp_server *s, json_t *params, struct lsp_error *e);
json_t *lsp_definition(struct lsp_server *s, json_t *params, struct lsp_error *e);
json_t *lsp_references(struct lsp_server *s, json_t *params, struct lsp_error *e);
json_t *lsp_prepare_rename(struct lsp_server *s, json_t *params, struct lsp_error *e);
json_t *lsp_rename(struct lsp_server *s, json_t *params, struct lsp_error *e);
json_t *lsp_symbols(struct lsp_server *s, json_t *params, struct lsp_error *e);

/* lsp_edit.c */
json_t *lsp_completion(struct lsp_server *s, json_t *params, struct lsp_error *e);
json_t *lsp_formatting(struct lsp_server *s, json_t *params, struct lsp_error *e);

#endif
