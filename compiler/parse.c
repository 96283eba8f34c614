/* parse.c - runs the Mica scanner and parser over one source. */
#include <stdio.h>
#include <string.h>

#include "frontend.h"
#include "parse_actions.h"
#include "parser.h"
#include "lexer.h"

/* Copies a token's text for messages, shortened when long. */
static void save_text(char *dst, size_t len, const char *src, size_t n)
{
	if (n < len) {
		memcpy(dst, src, n);
		dst[n] = '\0';
	} else {
		memcpy(dst, src, len - 4);
		memcpy(dst + len - 4, "...", 4);
	}
}

int parse_next_token(struct parse_ctx *ctx, YYSTYPE *val, YYLTYPE *loc)
{
	int tok;

	ctx->prev2_tok = ctx->prev_tok;
	ctx->prev_tok = ctx->cur_tok;
	memcpy(ctx->prev_text, ctx->cur_text, sizeof(ctx->prev_text));
	ctx->prev_loc = ctx->cur_loc;
	tok = ctx->stop ? T_END : mica_scan(val, loc, ctx->scanner);
	ctx->cur_tok = tok;
	if (tok == T_SEMI || tok == T_RBRACE)
		ctx->skip_syntax_error = false;
	ctx->cur_loc = *loc;
	if (tok == T_END)
		snprintf(ctx->cur_text, sizeof(ctx->cur_text), "end of file");
	else
		save_text(ctx->cur_text, sizeof(ctx->cur_text), ctx->src->data + ctx->tok_start,
			  ctx->offset - ctx->tok_start);
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
	if (yylex_init_extra(&ctx, &scanner))
		return -1;
	ctx.scanner = scanner;
	/* The source keeps two NULs after its end, so flex scans it in place. */
	buf = yy_scan_buffer(ast->src->data, ast->src->len + 2, scanner);
	yyparse(&ctx);
	yy_delete_buffer(buf, scanner);
	yylex_destroy(scanner);
	return diag_error_count(dl) > before ? -1 : 0;
}
