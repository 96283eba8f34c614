/* lex_queue.h - the Mica scanner on a thread of its own.
 *
 * Scanning is half of a compile's time (docs/performance.md) and needs
 * nothing from the parser, so the parser takes its tokens from a queue
 * that a second thread fills, the two running at once. What the scanner
 * hands on with each token is all the parser used to read from the shared
 * context: the token, its value and location, where its text is, and
 * whether scanning it stopped the scan or ran a string to the end of its
 * line. The scanner reports its diagnostics into a list of its own; when
 * the parse is done they are merged with the parser's in the order one
 * thread would have made them, so the result is the same byte for byte. */
#ifndef MICAC_LEX_QUEUE_H
#define MICAC_LEX_QUEUE_H

#include <stdbool.h>
#include <stddef.h>

#include "syntax/parse_ctx.h"
#include "parser.h"

struct lex_token {
	int tok;
	bool stop;		/* the scan ended here (a NUL, an endless comment) */
	bool unterminated;	/* an unterminated string */
	bool has_loc;		/* LOC is set: the scanner sets none at the end
				 * of its input, and the parser keeps the last */
	MICA_YYSTYPE val;
	MICA_YYLTYPE loc;
	size_t off, len;	/* its text in the source */
};

/* A scanner over CTX's source, in CTX; 0, or -1 when out of memory. */
int lex_open(struct parse_ctx *ctx);
void lex_close(struct parse_ctx *ctx);
/* Scans one token with CTX's scanner into T (the single-thread way, and
 * what the scanner's thread does for each token). */
void lex_scan_token(struct parse_ctx *ctx, struct lex_token *t);

/* Starts scanning AST's source on a new thread, for the parser context
 * PCTX (which must outlive the queue). NULL when no thread can be had: then
 * the parser scans for itself. */
struct lex_queue *lex_queue_start(struct parse_ctx *pctx);
/* The next token, in order; after the last (T_END) the last again. */
void lex_queue_next(struct lex_queue *q, struct lex_token *t);
/* Ends the queue: waits for the thread, frees what the parser did not
 * take, and merges the scanner's diagnostics into the parser's list. */
void lex_queue_finish(struct lex_queue *q);

#endif
