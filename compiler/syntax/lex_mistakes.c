/* lex_mistakes.c - the scanner's answers to the slips users really make:
 * characters that only look like Mica punctuation, curly or single quotes,
 * '=>', '#' comments, '-' or non-ASCII letters in names, and stray bytes.
 * Each is reported once, precisely, and where the intent is clear the
 * scanner carries on with what the user meant, so one slip is one error. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parse_ctx.h"
#include "parser.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* `a => b`: an arrow from another language; read as the '->' meant. */
int lex_fat_arrow(struct parse_ctx *ctx, loc_t loc)
{
	diag_help(diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, loc, "'=>' is not a Mica arrow"),
		  "calls and asserts are written `a -> b`");
	return T_ARROW;
}

/* `a - > b`: the arrow split by a space; read as the '->' meant. */
int lex_spaced_arrow(struct parse_ctx *ctx, loc_t loc)
{
	diag_help(diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, loc,
			   "'->' is written without a space"),
		  "write `->`");
	return T_ARROW;
}

void lex_hash_comment(struct parse_ctx *ctx, loc_t loc)
{
	struct diag *d;

	loc.end_line = loc.line;
	loc.end_col = loc.col;
	d = diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, loc, "unexpected character '#'");
	diag_help(d, "comments start with '//' (a YAML policy is read as YAML unless its name "
		  "ends in .mica: rename it, or pass --lang yaml)");
}

int lex_single_quoted(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text,
		      size_t len)
{
	struct diag *d = diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, loc,
				    "strings use double quotes, not single quotes");

	diag_help(d, "write \"%.*s\"", (int)(len - 2), text + 1);
	return lex_string(ctx, val, loc, text, len);
}

/* “...”: a string pasted through a word processor. */
int lex_curly_quoted(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text,
		     size_t len)
{
	struct diag *d = diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, loc,
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
		d = diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, loc, "unexpected character '%c'", c);
	else
		d = diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, loc, "unexpected byte 0x%02x", c);
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
		{0x2010, "'-'", 0}, {0x2013, "'-'", 0},
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

	/* Reported once, wherever it is, by check_bidi (E0108). */
	if (utf8_bidi_at(text + i, l, NULL))
		return 0;

	at.end_col = at.col + (uint32_t)l - 1;
	if (like) {
		d = diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, at,
			       "character '%.*s' (U+%04X) only looks like %s", (int)l, text + i,
			       (unsigned)cp, like->ascii);
		diag_help(d, "retype it as plain ASCII");
		return len == l ? like->token : 0;
	}
	d = diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, at, "non-ASCII character '%.*s' (U+%04X) in '%.*s'",
		       (int)l, text + i, (unsigned)cp, (int)len, text);
	diag_help(d, "names are ASCII letters, digits and '_': names end up in an attested blob, "
		  "where look-alike letters would be confusing");
	return 0;
}

/* A name with '-' or non-ASCII bytes, or a run of non-ASCII bytes: say
 * exactly which byte is wrong. A name still becomes an identifier so the
 * parser goes on; a run with no ASCII letter in it is dropped. */
int lex_bad_ident(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text,
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
			d = diag_add(ctx->dl, ERR_INVALID_UTF8, ctx->src, lex_loc_within(loc, text, i),
				       "invalid UTF-8 byte 0x%02x", (unsigned char)text[i]);
			diag_help(d, "save the file as UTF-8; names are plain ASCII");
			break;
		}
		if (l > 1) {
			meant = report_non_ascii(ctx, lex_loc_within(loc, text, i), text, len, i, l);
			break;
		}
		if (text[i] == '-') {
			char *fixed = xstrndup(text, len);

			for (char *p = fixed; *p; p++)
				if (*p == '-')
					*p = '_';
			d = diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, loc,
				       "'-' is not allowed in names: '%.*s'", (int)len, text);
			diag_help(d, "write '%s'", fixed);
			free(fixed);
			break;
		}
		i++;
	}
	if (!ascii_name)
		return meant;
	val->name = intern(ctx->src->names, text, len);
	return T_IDENT;
}

/* U+00A0 NO-BREAK SPACE and U+FEFF ZERO WIDTH NO-BREAK SPACE (the UTF-8
 * byte-order mark): what editors and word processors put where a space or
 * nothing belongs. */
static size_t odd_space_at(const char *text, size_t len)
{
	if (len >= 2 && (unsigned char)text[0] == 0xC2 && (unsigned char)text[1] == 0xA0)
		return 2;
	if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
	    (unsigned char)text[2] == 0xBF)
		return 3;
	return 0;
}

size_t lex_space_split(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		size_t l = odd_space_at(text + i, len - i);

		if (l)
			return i ? i : l;
	}
	return len;
}

void lex_shorten(struct parse_ctx *ctx, loc_t *loc, size_t n)
{
	/* Names hold no newline: only the column moves. */
	ctx->offset = ctx->tok_start + n;
	ctx->col = loc->col + (uint32_t)n;
	loc->end_col = loc->col + (uint32_t)n - 1;
}

bool lex_odd_space(struct parse_ctx *ctx, loc_t loc, const char *text, size_t len)
{
	size_t l = odd_space_at(text, len);

	if (!l || l != len)
		return false;
	if (l == 3 && ctx->tok_start == 0)
		return true;	/* a UTF-8 byte-order mark: accepted, as rustc and gcc do */
	if (l == 3)
		diag_help(diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, loc,
				   "invisible character U+FEFF (a byte-order mark) inside the file"),
			  "delete it; a byte-order mark is accepted only at the very start");
	else
		diag_help(diag_add(ctx->dl, ERR_INVALID_CHARACTER, ctx->src, loc,
				   "no-break space (U+00A0) where a plain space belongs"),
			  "retype it as a plain space");
	return true;
}

bool lex_plain_ident(const char *text, size_t len)
{
	if (len == 0 || !(isalpha((unsigned char)text[0]) || text[0] == '_'))
		return false;
	for (size_t i = 1; i < len; i++)
		if (!(isalnum((unsigned char)text[i]) || text[i] == '_'))
			return false;
	return true;
}
