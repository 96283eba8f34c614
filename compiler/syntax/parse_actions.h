/* parse_actions.h - what the grammar's actions call (parse_actions.c,
 * parse_error.c, parse.c). Keeping the C out of parser.y keeps the grammar
 * readable and the actions testable. Identifiers passed by pointer are
 * taken over (their text is freed or kept by the callee); so are strings. */
#ifndef MICAC_PARSE_ACTIONS_H
#define MICAC_PARSE_ACTIONS_H

#include "syntax/parse_ctx.h"
#include "parser.h"

/* The scanner (grammar/lexer.l). */
int mica_scan(MICA_YYSTYPE *val, MICA_YYLTYPE *loc, void *scanner);

int parse_next_token(struct parse_ctx *ctx, MICA_YYSTYPE *val, MICA_YYLTYPE *loc);
void parse_syntax_error(struct parse_ctx *ctx, loc_t loc, bool at_eof, const char *const *expected,
			size_t nexpected);

/* The open block's name and kind ("realm"), for messages. */
const char *parse_block_name(struct parse_ctx *ctx);
const char *parse_block_kind_name(enum ast_decl_kind k);

void parse_open_policy(struct parse_ctx *ctx, ident_t *name, loc_t kw, loc_t brace);
void parse_open_realm(struct parse_ctx *ctx, ident_t *name, loc_t kw, loc_t brace);
void parse_open_region(struct parse_ctx *ctx, ident_t *name, loc_t kw, loc_t brace);
void parse_close_block(struct parse_ctx *ctx);

void parse_policy_version(struct parse_ctx *ctx, num_t v, loc_t stmt);
void parse_policy_digest(struct parse_ctx *ctx, const char *alg, loc_t val, loc_t stmt);
void parse_policy_ipa_bits(struct parse_ctx *ctx, num_t v, loc_t stmt);

void parse_realm_trust(struct parse_ctx *ctx, const char *level, loc_t val, loc_t stmt);
void parse_realm_measurement(struct parse_ctx *ctx, char *hex, loc_t val, loc_t stmt);
void parse_realm_hostcall(struct parse_ctx *ctx, loc_t stmt);
void parse_realm_mmio(struct parse_ctx *ctx, loc_t stmt);

void parse_region_kind(struct parse_ctx *ctx, const char *kind, loc_t val, loc_t stmt);
void parse_region_size(struct parse_ctx *ctx, num_t v, loc_t val, loc_t stmt);
void parse_region_at(struct parse_ctx *ctx, num_t v, loc_t val, loc_t stmt);
void parse_region_grant(struct parse_ctx *ctx, ident_t *realm, const char *perm, loc_t val, loc_t stmt);
/* `size 64 MiB`: a unit after a space. One error (E0105) saying to drop
 * the space; the value is read as meant (64MiB) when the unit is one, so
 * the checks that follow see it. UNIT is borrowed from the
 * source's interner. */
num_t parse_unit_after_space(struct parse_ctx *ctx, num_t v, const char *unit, loc_t vloc, loc_t uloc);
/* The span from the start of A to the end of B. */
loc_t parse_span(loc_t a, loc_t b);

void parse_call(struct parse_ctx *ctx, ident_t *from, ident_t *to, bool oneway, loc_t stmt);
void parse_assert(struct parse_ctx *ctx, ident_t *from, ident_t *to, loc_t stmt);

#endif
