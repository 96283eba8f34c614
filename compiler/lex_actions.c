/* lex_actions.c - what the scanner's rules do: positions, comments, and
 * precise lexical errors. The rules themselves are in grammar/lexer.l. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "number.h"
#include "parse_ctx.h"
#include "parser.h"
#include "utf8.h"
#include "xalloc.h"

/* Position of byte OFF within TEXT, which starts at START. */
static loc_t loc_within(loc_t start, const char *text, size_t off)
{
	loc_t l = {start.line, start.col, 0, 0};

	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			l.line++;
			l.col = 1;
		} else {
			l.col++;
		}
	}
	l.end_line = l.line;
	l.end_col = l.col;
	return l;
}

void lex_advance(struct parse_ctx *ctx, loc_t *loc, const char *text, size_t len)
{
	const char *nl = len ? memchr(text, '\n', len) : NULL;

	loc->line = ctx->line;
	loc->col = ctx->col;
	ctx->tok_start = ctx->offset;
	ctx->offset += len;
	if (!nl) {
		/* Most tokens: no newline, so only the column moves. */
		loc->end_line = ctx->line;
		loc->end_col = ctx->col + (uint32_t)len - (len > 0);
		ctx->col += (uint32_t)len;
		return;
	}
	for (size_t i = 0; i < len; i++) {
		loc->end_line = ctx->line;
		loc->end_col = ctx->col;
		if (text[i] == '\n') {
			ctx->line++;
			ctx->col = 1;
		} else {
			ctx->col++;
		}
	}
}

/* Reports the first invalid UTF-8 byte in TEXT (a comment); true if any. */
static bool check_utf8(struct parse_ctx *ctx, const char *text, size_t len, loc_t start)
{
	size_t i = 0;

	while (i < len) {
		size_t l = utf8_seq_len(text + i, len - i);

		if (l == 0) {
			struct diag *d = diag_error(ctx->dl, "E0102", ctx->src,
						    loc_within(start, text, i),
						    "invalid UTF-8 byte 0x%02x",
						    (unsigned char)text[i]);
			diag_help(d, "save the file as UTF-8 (or plain ASCII)");
			return true;
		}
		i += l;
	}
	return false;
}

void lex_comment(struct parse_ctx *ctx, const char *text, size_t len, loc_t loc)
{
	check_utf8(ctx, text, len, loc);
	ast_add_comment(ctx->ast, text, len, loc);
}

void lex_comment_start(struct parse_ctx *ctx, loc_t loc)
{
	ctx->comment_start = ctx->offset - 2;
	ctx->comment_loc = loc;
}

void lex_comment_end(struct parse_ctx *ctx, loc_t loc)
{
	const char *text = ctx->src->data + ctx->comment_start;
	size_t len = ctx->offset - ctx->comment_start;
	loc_t whole = ctx->comment_loc;

	whole.end_line = loc.end_line;
	whole.end_col = loc.end_col;
	check_utf8(ctx, text, len, ctx->comment_loc);
	ast_add_comment(ctx->ast, text, len, whole);
}

void lex_unterminated_comment(struct parse_ctx *ctx)
{
	loc_t l = ctx->comment_loc;
	struct diag *d;

	l.end_line = l.line;
	l.end_col = l.col + 1;
	d = diag_error(ctx->dl, "E0103", ctx->src, l, "comment is never closed");
	diag_help(d, "add '*/' where the comment should end, or use '//' for a line comment");
	ctx->stop = true;
}

void lex_nul(struct parse_ctx *ctx, loc_t loc)
{
	struct diag *d = diag_error(ctx->dl, "E0107", ctx->src, loc,
				    "NUL byte at offset %zu: this is not Mica source",
				    ctx->offset - 1);

	diag_help(d, "is this a compiled policy? read blobs with `micac dump FILE`");
	ctx->stop = true;
}

/* `a => b`: an arrow from another language; read as the '->' meant. */
int lex_fat_arrow(struct parse_ctx *ctx, loc_t loc)
{
	diag_help(diag_error(ctx->dl, "E0101", ctx->src, loc, "'=>' is not a Mica arrow"),
		  "calls and asserts are written `a -> b`");
	return T_ARROW;
}

void lex_hash_comment(struct parse_ctx *ctx, loc_t loc)
{
	struct diag *d;

	loc.end_line = loc.line;
	loc.end_col = loc.col;
	d = diag_error(ctx->dl, "E0101", ctx->src, loc, "unexpected character '#'");
	diag_help(d, "comments start with '//' (a YAML policy must be named *.yaml)");
}

int lex_single_quoted(struct parse_ctx *ctx, union YYSTYPE *val, loc_t loc, const char *text,
		      size_t len)
{
	struct diag *d = diag_error(ctx->dl, "E0101", ctx->src, loc,
				    "strings use double quotes, not single quotes");

	diag_help(d, "write \"%.*s\"", (int)(len - 2), text + 1);
	return lex_string(ctx, val, loc, text, len);
}

/* “...”: a string pasted through a word processor. */
int lex_curly_quoted(struct parse_ctx *ctx, union YYSTYPE *val, loc_t loc, const char *text,
		     size_t len)
{
	struct diag *d = diag_error(ctx->dl, "E0101", ctx->src, loc,
				    "strings use plain double quotes, not curly quotes");

	diag_help(d, "write \"%.*s\"", (int)(len - 6), text + 3);
	val->str = xstrndup(text + 3, len - 6);
	return T_STRING;
}

void lex_bad_char(struct parse_ctx *ctx, loc_t loc, const char *text)
{
	unsigned char c = (unsigned char)text[0];
	struct diag *d;

	if (isprint(c))
		d = diag_error(ctx->dl, "E0101", ctx->src, loc, "unexpected character '%c'", c);
	else
		d = diag_error(ctx->dl, "E0101", ctx->src, loc, "unexpected byte 0x%02x", c);
	switch (c) {
	case '-':
		diag_help(d, "numbers are never negative, and names use '_' rather than '-'");
		break;
	case '=': case ':':
		diag_help(d, "write properties as `size 4KiB;`, without '%c'", c);
		break;
	case ',':
		diag_help(d, "end each statement with ';'");
		break;
	default:
		diag_help(d, "Mica source uses letters, digits, '_', '{', '}', ';', '->', "
			  "double-quoted strings and comments");
		break;
	}
}

/* The reserved words, sorted for binary search. */
static const struct { const char *word; int token; } reserved[] = {
	{"assert", T_ASSERT}, {"at", T_AT}, {"call", T_CALL}, {"digest", T_DIGEST},
	{"flow", T_FLOW}, {"grant", T_GRANT}, {"hostcall", T_HOSTCALL},
	{"ipa_bits", T_IPA_BITS}, {"kind", T_KIND}, {"measurement", T_MEASUREMENT},
	{"mmio", T_MMIO}, {"no", T_NO}, {"oneway", T_ONEWAY}, {"policy", T_POLICY},
	{"realm", T_REALM}, {"region", T_REGION}, {"size", T_SIZE}, {"trust", T_TRUST},
	{"version", T_VERSION},
};

/* The keyword token for TEXT[0..LEN), or 0 for an ordinary name. */
static int keyword_token(const char *text, size_t len)
{
	size_t lo = 0, hi = sizeof(reserved) / sizeof(reserved[0]);

	if (len > 11)	/* "measurement" is the longest */
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(reserved[mid].word, text, len);

		if (c == 0 && reserved[mid].word[len] != '\0')
			c = 1;	/* the keyword is longer: it sorts after */
		if (c == 0)
			return reserved[mid].token;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

bool lex_is_reserved(const char *text, size_t len)
{
	return keyword_token(text, len) != 0;
}

int lex_ident(struct parse_ctx *ctx, union YYSTYPE *val, loc_t loc, const char *text, size_t len)
{
	int kw = keyword_token(text, len);

	if (kw)
		return kw;
	if (len > MICA_NAME_MAX) {
		struct diag *d = diag_error(ctx->dl, "E0106", ctx->src, loc,
					    "name is %zu bytes long; names are at most %u bytes",
					    len, MICA_NAME_MAX);
		diag_help(d, "choose a shorter name");
	}
	val->str = xstrndup(text, len);
	return T_IDENT;
}

/* Decodes the valid UTF-8 sequence of length LEN at S. */
static uint32_t utf8_decode(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c = len == 1 ? p[0] : len == 2 ? p[0] & 0x1f : len == 3 ? p[0] & 0x0f : p[0] & 0x07;

	for (size_t i = 1; i < len; i++)
		c = c << 6 | (p[i] & 0x3f);
	return c;
}

/* Characters that look like Mica punctuation, pasted from documents; TOKEN
 * is what the user meant, so lexing carries on with it (0: nothing). */
struct lookalike {
	uint32_t cp;
	const char *ascii;
	int token;
};

static const struct lookalike *lookalike(uint32_t c)
{
	static const struct lookalike table[] = {
		{0x037E, "';'", T_SEMI}, {0xFF1B, "';'", T_SEMI}, {0xFF5B, "'{'", T_LBRACE},
		{0xFF5D, "'}'", T_RBRACE}, {0x2192, "'->'", T_ARROW}, {0x2018, "'''", 0},
		{0x2019, "'''", 0}, {0x201C, "'\"'", 0}, {0x201D, "'\"'", 0}, {0x2212, "'-'", 0},
		{0x2010, "'-'", 0}, {0x2013, "'-'", 0}, {0x00A0, "a space", 0},
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].cp == c)
			return &table[i];
	return NULL;
}

/* Reports the non-ASCII character at TEXT[I..I+L); returns the token it
 * stands for, if it is a look-alike of one and all of TEXT. */
static int report_non_ascii(struct parse_ctx *ctx, loc_t at, const char *text, size_t len,
			    size_t i, size_t l)
{
	uint32_t cp = utf8_decode(text + i, l);
	const struct lookalike *like = lookalike(cp);
	struct diag *d;

	at.end_col = at.col + (uint32_t)l - 1;
	if (like) {
		d = diag_error(ctx->dl, "E0101", ctx->src, at,
			       "character '%.*s' (U+%04X) only looks like %s", (int)l, text + i,
			       (unsigned)cp, like->ascii);
		diag_help(d, "retype it as plain ASCII");
		return len == l ? like->token : 0;
	}
	d = diag_error(ctx->dl, "E0101", ctx->src, at, "non-ASCII character '%.*s' (U+%04X) in '%.*s'",
		       (int)l, text + i, (unsigned)cp, (int)len, text);
	diag_help(d, "names are ASCII letters, digits and '_': names end up in an attested blob, "
		  "where look-alike letters would be confusing");
	return 0;
}

/* A name with '-' or non-ASCII bytes, or a run of non-ASCII bytes: say
 * exactly which byte is wrong. A name still becomes an identifier so the
 * parser goes on; a run with no ASCII letter in it is dropped. */
int lex_bad_ident(struct parse_ctx *ctx, union YYSTYPE *val, loc_t loc, const char *text,
		  size_t len)
{
	struct diag *d;
	size_t i = 0;
	bool ascii_name = false;
	int meant = 0;

	for (size_t k = 0; k < len; k++)
		if ((unsigned char)text[k] < 0x80 && text[k] != '-')
			ascii_name = true;
	while (i < len) {
		size_t l = utf8_seq_len(text + i, len - i);

		if (l == 0) {
			d = diag_error(ctx->dl, "E0102", ctx->src, loc_within(loc, text, i),
				       "invalid UTF-8 byte 0x%02x", (unsigned char)text[i]);
			diag_help(d, "save the file as UTF-8; names are plain ASCII");
			break;
		}
		if (l > 1) {
			meant = report_non_ascii(ctx, loc_within(loc, text, i), text, len, i, l);
			break;
		}
		if (text[i] == '-') {
			char *fixed = xstrndup(text, len);

			for (char *p = fixed; *p; p++)
				if (*p == '-')
					*p = '_';
			d = diag_error(ctx->dl, "E0101", ctx->src, loc,
				       "'-' is not allowed in names: '%.*s'", (int)len, text);
			diag_help(d, "write '%s'", fixed);
			free(fixed);
			break;
		}
		i++;
	}
	if (!ascii_name)
		return meant;
	val->str = xstrndup(text, len);
	return T_IDENT;
}

int lex_number(struct parse_ctx *ctx, union YYSTYPE *val, loc_t loc, const char *text, size_t len)
{
	struct diag *d;

	val->num.bad = false;
	switch (parse_number(text, len, &val->num.value)) {
	case NUMBER_OK:
		return T_NUMBER;
	case NUMBER_OVERFLOW:
		d = diag_error(ctx->dl, "E0105", ctx->src, loc,
			       "number '%.*s' does not fit in 64 bits", (int)len, text);
		diag_help(d, "the largest number is 18446744073709551615 (0xffffffffffffffff)");
		break;
	default:
		d = diag_error(ctx->dl, "E0105", ctx->src, loc, "invalid number '%.*s'",
			       (int)len, text);
		diag_help(d, "numbers are decimal (4096) or hex (0x1000), optionally followed "
			  "by KiB, MiB or GiB (4KiB)");
		break;
	}
	val->num.bad = true;
	val->num.value = 0;
	return T_NUMBER;
}

int lex_string(struct parse_ctx *ctx, union YYSTYPE *val, loc_t loc, const char *text, size_t len)
{
	(void)ctx;
	(void)loc;
	val->str = xstrndup(text + 1, len - 2);
	return T_STRING;
}

int lex_unterminated_string(struct parse_ctx *ctx, union YYSTYPE *val, loc_t loc,
			    const char *text, size_t len)
{
	loc_t quote = loc;
	struct diag *d;

	quote.end_line = quote.line;
	quote.end_col = quote.col;
	d = diag_error(ctx->dl, "E0104", ctx->src, quote, "string is not closed on this line");
	diag_help(d, "add the closing '\"'; strings cannot span lines");
	ctx->skip_syntax_error = true;
	val->str = xstrndup(text + 1, len - 1);
	return T_STRING;
}
