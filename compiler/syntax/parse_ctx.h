/* parse_ctx.h - state shared by the Mica lexer and parser for one source.
 *
 * The scanner and parser are reentrant: everything they need lives here,
 * owned by parse.c for the duration of one parse. */
#ifndef MICAC_PARSE_CTX_H
#define MICAC_PARSE_CTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "syntax/ast.h"
#include "diag/diag.h"

struct lex_queue;

struct parse_ctx {
	struct ast *ast;
	struct diag_list *dl;
	const struct source *src;
	void *scanner;

	/* Position of the next byte the scanner will read. */
	size_t offset;
	uint32_t line, col;

	/* The token before the lookahead, and the one before that, for
	 * error messages ("expected ';' after '2MiB'"). */
	int prev_tok, prev2_tok;
	loc_t prev_loc;
	size_t prev_off, prev_len;	/* its text in the source */
	int cur_tok;
	loc_t cur_loc;
	size_t cur_off, cur_len;

	/* The block being parsed: which array and index (pointers would move
	 * when the array grows), and where its '{' is. */
	enum ast_decl_kind block_kind;
	size_t block_index;
	loc_t block_open;
	bool in_block;

	/* Block comments: where the open one started. */
	size_t comment_start;
	loc_t comment_loc;

	bool skip_syntax_error;	/* an unterminated string ate the statement's end */
	bool stop;		/* a NUL byte or endless comment: stop lexing */
	bool lex_unterminated;	/* the scanner's: the token it just read is an
				 * unterminated string (lex_scan_token) */
	size_t tok_start;	/* byte offset of the last token */
	struct lex_queue *queue; /* the scanner's thread, when it has one */
};

/* A NUMBER token's value; BAD when it was malformed (already reported). */
typedef struct num {
	uint64_t value;
	bool bad;
} num_t;

union MICA_YYSTYPE;
/* Lexer actions (lex_actions.c). Each returns the token to hand the parser,
 * or 0 for "nothing" where noted. */
void lex_advance(struct parse_ctx *ctx, loc_t *loc, const char *text, size_t len);
/* Position of byte OFF within TEXT, which starts at START. */
loc_t lex_loc_within(loc_t start, const char *text, size_t off);
void lex_comment(struct parse_ctx *ctx, const char *text, size_t len, loc_t loc);
void lex_comment_start(struct parse_ctx *ctx, loc_t loc);
void lex_comment_end(struct parse_ctx *ctx, loc_t loc);
void lex_unterminated_comment(struct parse_ctx *ctx);
void lex_nul(struct parse_ctx *ctx, loc_t loc);
int lex_fat_arrow(struct parse_ctx *ctx, loc_t loc);
int lex_spaced_arrow(struct parse_ctx *ctx, loc_t loc);
void lex_hash_comment(struct parse_ctx *ctx, loc_t loc);
int lex_single_quoted(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text,
		      size_t len);
int lex_curly_quoted(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text,
		     size_t len);
void lex_bad_char(struct parse_ctx *ctx, loc_t loc, const char *text);
int lex_ident(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text, size_t len);
int lex_bad_ident(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text, size_t len);
/* Where a no-break space (U+00A0) or a byte-order mark (U+FEFF) in TEXT
 * starts, or, when TEXT starts with one, its length; LEN when none. */
size_t lex_space_split(const char *text, size_t len);
/* The scanner kept only the first N bytes of the token: moves the position
 * back to just after them. */
void lex_shorten(struct parse_ctx *ctx, loc_t *loc, size_t n);
/* TEXT is exactly a no-break space or a byte-order mark: reports it (a BOM
 * at the start of the file is accepted silently) and returns true; the
 * scanner then goes on as after a space. */
bool lex_odd_space(struct parse_ctx *ctx, loc_t loc, const char *text, size_t len);
/* Is TEXT a plain [A-Za-z_][A-Za-z0-9_]* name? */
bool lex_plain_ident(const char *text, size_t len);
int lex_number(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text, size_t len);
int lex_string(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text, size_t len);
int lex_unterminated_string(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc,
			    const char *text, size_t len);

#endif
