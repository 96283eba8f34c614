/* parse.c - runs the Mica scanner and parser over one source. */
#include <stdio.h>
#include <string.h>

#include "syntax/parse.h"
#include "syntax/parse_actions.h"
#include "parser.h"
/* flex's header names the bison types without the api.prefix. */
#define YYSTYPE MICA_YYSTYPE
#define YYLTYPE MICA_YYLTYPE
#include "lexer.h"

int parse_next_token(struct parse_ctx *ctx, MICA_YYSTYPE *val, MICA_YYLTYPE *loc)
{
	int tok;

	ctx->prev2_tok = ctx->prev_tok;
	ctx->prev_tok = ctx->cur_tok;
	ctx->prev_off = ctx->cur_off;
	ctx->prev_len = ctx->cur_len;
	ctx->prev_loc = ctx->cur_loc;
	tok = ctx->stop ? T_END : mica_scan(val, loc, ctx->scanner);
	ctx->cur_tok = tok;
	if (tok == T_SEMI || tok == T_RBRACE)
		ctx->skip_syntax_error = false;
	ctx->cur_loc = *loc;
	/* Only offsets: the text is needed only for an error message. */
	ctx->cur_off = ctx->tok_start;
	ctx->cur_len = tok == T_END ? 0 : ctx->offset - ctx->tok_start;
	return tok;
}

int parse_mica(struct ast *ast, struct diag_list *dl)
{
	struct parse_ctx ctx;
	yyscan_t scanner;
	YY_BUFFER_STATE buf;
	size_t before = diag_error_count(dl);

	memset(&ctx, 0, sizeof(ctx));
	ctx.ast = ast;
	ctx.dl = dl;
	ctx.src = ast->src;
	ctx.line = 1;
	ctx.col = 1;
	if (mica_yylex_init_extra(&ctx, &scanner))
		return -1;
	ctx.scanner = scanner;
	/* The source keeps two NULs after its end, so flex scans it in place. */
	buf = mica_yy_scan_buffer(ast->src->data, ast->src->len + 2, scanner);
	mica_yyparse(&ctx);
	mica_yy_delete_buffer(buf, scanner);
	mica_yylex_destroy(scanner);
	return diag_error_count(dl) > before ? -1 : 0;
}
