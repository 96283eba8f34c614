/* parser.y - the Mica grammar.
 *
 * A pure (reentrant) parser that builds the syntax tree (compiler/ast.h) and
 * nothing else: names are not resolved and values are not range-checked
 * here; that is the checks' job, so the YAML front end gets the same checks.
 * What the parser does check is what only it can see: which keyword values
 * are spelled right, and properties given twice in one block.
 *
 * Error recovery: a broken statement is skipped up to its ';', a broken
 * declaration up to its '}' or ';', and a block left open ends where the
 * next declaration starts, so one run reports many errors. Error
 * messages name tokens as users write them ("expected ';' after '2MiB'"),
 * built in parse_error.c. */

%code requires {
#include <stdint.h>

#include "syntax/ast.h"
#include "syntax/parse_ctx.h"

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                        \
	do {                                                               \
		if (N) {                                                   \
			(Cur).line = YYRHSLOC(Rhs, 1).line;                \
			(Cur).col = YYRHSLOC(Rhs, 1).col;                  \
			(Cur).end_line = YYRHSLOC(Rhs, N).end_line;        \
			(Cur).end_col = YYRHSLOC(Rhs, N).end_col;          \
		} else {                                                   \
			(Cur).line = (Cur).end_line = YYRHSLOC(Rhs, 0).end_line; \
			(Cur).col = (Cur).end_col = YYRHSLOC(Rhs, 0).end_col; \
		}                                                          \
	} while (0)
#define YYLOCATION_PRINT(File, Loc) ((void)0)
}

%code {
#include <stdlib.h>

#include "syntax/parse_actions.h"

static int yylex(YYSTYPE *val, YYLTYPE *loc, struct parse_ctx *ctx)
{
	return parse_next_token(ctx, val, loc);
}

/* Only bison's own "memory exhausted" comes here; syntax errors go through
 * yyreport_syntax_error below. */
static void yyerror(YYLTYPE *loc, struct parse_ctx *ctx, const char *msg)
{
	diag_add(ctx->dl, ERR_SYNTAX, ctx->src, *loc, "%s", msg);
}
}

%define api.prefix {mica_yy}
%define api.pure full
%define api.location.type {loc_t}
%define api.token.prefix {T_}
%define parse.error custom
%locations
%param {struct parse_ctx *ctx}

%union {
	char *str;
	const char *name;	/* interned in the source: borrowed */
	num_t num;
	ident_t id;
}

%token END 0 "end of file"
%token POLICY "policy" REALM "realm" REGION "region" CALL "call" ASSERT "assert"
%token NO "no" FLOW "flow"
%token VERSION "version" DIGEST "digest" IPA_BITS "ipa_bits"
%token TRUST "trust" MEASUREMENT "measurement" HOSTCALL "hostcall" MMIO "mmio"
%token KIND "kind" SIZE "size" AT "at" GRANT "grant" ONEWAY "oneway"
%token LBRACE "{" RBRACE "}" SEMI ";" ARROW "->"
%token <name> IDENT "name"
%token <str> STRING "string"
%token <num> NUMBER "number"

%type <id> name

%destructor { free($$); } <str>

%%

file
	: %empty
	| file decl
	;

decl
	: policy_decl
	| realm_decl
	| region_decl
	| call_decl
	| assert_decl
	| error RBRACE		{ parse_close_block(ctx); }
	| error SEMI		{ parse_close_block(ctx); }
	;

name
	: IDENT			{ $$.text = $1; $$.loc = @1; }
	;

/* policy NAME { version N; digest ALG; ipa_bits N; } */
policy_decl
	: policy_head policy_stmts RBRACE		{ parse_close_block(ctx); }
	| policy_head policy_stmts error RBRACE	{ parse_close_block(ctx); }
	| policy_head policy_stmts error		{ parse_close_block(ctx); }
	;

policy_head
	: POLICY name LBRACE	{ parse_open_policy(ctx, &$2, @1, @3); }
	;

policy_stmts
	: %empty
	| policy_stmts policy_stmt
	;

policy_stmt
	: VERSION NUMBER SEMI	{ parse_policy_version(ctx, $2, @2); }
	| DIGEST IDENT SEMI	{ parse_policy_digest(ctx, $2, @2, @$); }
	| IPA_BITS NUMBER SEMI	{ parse_policy_ipa_bits(ctx, $2, @2); }
	| error SEMI		{ yyerrok; }
	;

/* realm NAME { trust LEVEL; measurement "HEX"; hostcall; mmio; } */
realm_decl
	: realm_head realm_stmts RBRACE		{ parse_close_block(ctx); }
	| realm_head realm_stmts error RBRACE	{ parse_close_block(ctx); }
	| realm_head realm_stmts error		{ parse_close_block(ctx); }
	;

realm_head
	: REALM name LBRACE	{ parse_open_realm(ctx, &$2, @1, @3); }
	;

realm_stmts
	: %empty
	| realm_stmts realm_stmt
	;

realm_stmt
	: TRUST IDENT SEMI		{ parse_realm_trust(ctx, $2, @2, @$); }
	| MEASUREMENT STRING SEMI	{ parse_realm_measurement(ctx, $2, @2, @$); }
	| HOSTCALL SEMI			{ parse_realm_hostcall(ctx, @$); }
	| MMIO SEMI			{ parse_realm_mmio(ctx, @$); }
	| error SEMI			{ yyerrok; }
	;

/* region NAME { kind KIND; size N; at N; grant REALM PERM; ... } */
region_decl
	: region_head region_stmts RBRACE		{ parse_close_block(ctx); }
	| region_head region_stmts error RBRACE	{ parse_close_block(ctx); }
	| region_head region_stmts error		{ parse_close_block(ctx); }
	;

region_head
	: REGION name LBRACE	{ parse_open_region(ctx, &$2, @1, @3); }
	;

region_stmts
	: %empty
	| region_stmts region_stmt
	;

region_stmt
	: KIND IDENT SEMI		{ parse_region_kind(ctx, $2, @2, @$); }
	| SIZE NUMBER SEMI		{ parse_region_size(ctx, $2, @2, @$); }
	| SIZE NUMBER IDENT SEMI	{ parse_region_size(ctx, parse_unit_after_space(ctx, $2, $3, @2, @3),
							    parse_span(@2, @3), @$); }
	| AT NUMBER SEMI		{ parse_region_at(ctx, $2, @2, @$); }
	| AT NUMBER IDENT SEMI		{ parse_region_at(ctx, parse_unit_after_space(ctx, $2, $3, @2, @3),
							  parse_span(@2, @3), @$); }
	| GRANT name IDENT SEMI		{ parse_region_grant(ctx, &$2, $3, @3, @$); }
	| error SEMI			{ yyerrok; }
	;

/* call A -> B [oneway]; */
call_decl
	: CALL name ARROW name SEMI		{ parse_call(ctx, &$2, &$4, false, @$); }
	| CALL name ARROW name ONEWAY SEMI	{ parse_call(ctx, &$2, &$4, true, @$); }
	;

/* assert no flow A -> B; */
assert_decl
	: ASSERT NO FLOW name ARROW name SEMI	{ parse_assert(ctx, &$4, &$6, @$); }
	;

%%

static int yyreport_syntax_error(const yypcontext_t *yyctx, struct parse_ctx *ctx)
{
	enum { MAX_EXPECTED = 16 };
	yysymbol_kind_t expected[MAX_EXPECTED];
	const char *names[MAX_EXPECTED];
	int n = yypcontext_expected_tokens(yyctx, expected, MAX_EXPECTED);
	yysymbol_kind_t la = yypcontext_token(yyctx);

	if (n < 0)
		n = 0;
	for (int i = 0; i < n; i++)
		names[i] = yysymbol_name(expected[i]);
	parse_syntax_error(ctx, *yypcontext_location(yyctx), la == YYSYMBOL_YYEOF,
			   names, (size_t)n);
	return 0;
}
