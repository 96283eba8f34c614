/* parse.c - runs the Mica scanner and parser over one source. */
#include <stdio.h>
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_actions.h"
#include "syntax/lex_queue.h"
#include "parser.h"

int parse_next_token(struct parse_ctx *ctx, MICA_YYSTYPE *val, MICA_YYLTYPE *loc)
{
	struct lex_token t;

	ctx->prev2_tok = ctx->prev_tok;
	ctx->prev_tok = ctx->cur_tok;
	ctx->prev_off = ctx->cur_off;
	ctx->prev_len = ctx->cur_len;
	ctx->prev_loc = ctx->cur_loc;
	if (ctx->queue)
		lex_queue_next(ctx->queue, &t);
	else
		lex_scan_token(ctx, &t);
	*val = t.val;
	if (t.has_loc)
		*loc = t.loc;
	ctx->stop |= t.stop;
	if (t.unterminated)
		ctx->skip_syntax_error = true;
	ctx->cur_tok = t.tok;
	if (t.tok == T_SEMI || t.tok == T_RBRACE)
		ctx->skip_syntax_error = false;
	ctx->cur_loc = *loc;
	/* Only offsets: the text is needed only for an error message. */
	ctx->cur_off = t.off;
	ctx->cur_len = t.len;
	return t.tok;
}

/* Below this, a second thread costs more than it saves (creating it, and
 * each side waiting for the other's first batch). */
#define PARSE_THREAD_MIN_BYTES ((size_t)256 * 1024)

int parse_mica(struct ast *ast, struct diag_list *dl)
{
	return parse_mica_threaded(ast, dl, ast->src->len >= PARSE_THREAD_MIN_BYTES);
}

int parse_mica_threaded(struct ast *ast, struct diag_list *dl, bool threaded)
{
	struct parse_ctx ctx;
	size_t before = diag_error_count(dl);

	memset(&ctx, 0, sizeof(ctx));
	ctx.ast = ast;
	ctx.dl = dl;
	ctx.src = ast->src;
	ctx.line = 1;
	ctx.col = 1;
	/* The scanner runs on a thread of its own when it can have one
	 * (lex_queue.h), else in the parser's. */
	ctx.queue = threaded ? lex_queue_start(&ctx) : NULL;
	if (!ctx.queue && lex_open(&ctx) != 0)
		return -1;
	mica_yyparse(&ctx);
	if (ctx.queue)
		lex_queue_finish(ctx.queue);
	else
		lex_close(&ctx);
	return diag_error_count(dl) > before ? -1 : 0;
}
