/* scan_only.c - the flex-only floor: runs just the Mica scanner (with its
 * actions, as micac builds it from $(BUILD)/gen/lexer.c) over a file and
 * counts tokens. No parser, no checks: micac's compile time is compared
 * with this, since no compiler can beat reading every token once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse_ctx.h"
#include "syntax/parse_actions.h"
#include "parser.h"
/* flex's header names the bison types without the api.prefix. */
#define YYSTYPE MICA_YYSTYPE
#define YYLTYPE MICA_YYLTYPE
#include "lexer.h"

static size_t scan(struct parse_ctx *ctx)
{
	yyscan_t scanner;
	YY_BUFFER_STATE buf;
	YYSTYPE val;
	YYLTYPE loc;
	size_t tokens = 0;
	int tok;

	if (mica_yylex_init_extra(ctx, &scanner))
		return 0;
	ctx->scanner = scanner;
	buf = mica_yy_scan_buffer((char *)ctx->src->data, ctx->src->len + 2, scanner);
	while ((tok = mica_scan(&val, &loc, scanner)) != T_END) {
		if (tok == T_STRING)
			free(val.str);
		tokens++;
	}
	mica_yy_delete_buffer(buf, scanner);
	mica_yylex_destroy(scanner);
	return tokens;
}

int main(int argc, char **argv)
{
	struct source src;
	struct ast ast;
	struct diag_list dl = {0};
	struct parse_ctx ctx;
	char err[512];

	if (argc != 2 || source_read(&src, argv[1], err, sizeof(err)) != 0) {
		fprintf(stderr, "usage: scan_only FILE%s%s\n", argc == 2 ? ": " : "",
			argc == 2 ? err : "");
		return 2;
	}
	ast_init(&ast, &src);
	memset(&ctx, 0, sizeof(ctx));
	ctx.ast = &ast;
	ctx.dl = &dl;
	ctx.src = &src;
	ctx.line = ctx.col = 1;
	printf("%zu tokens\n", scan(&ctx));
	ast_free(&ast);
	diag_list_free(&dl);
	source_free(&src);
	return 0;
}
