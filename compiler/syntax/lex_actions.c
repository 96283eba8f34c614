/* lex_actions.c - what the scanner's rules do: positions, comments,
 * keywords, names, numbers and strings. The rules themselves are in
 * grammar/lexer.l; the slips users make (look-alike characters, wrong
 * quotes, stray bytes) are in lex_mistakes.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/lex.h"
#include "util/number.h"
#include "syntax/parse_ctx.h"
#include "parser.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Position of byte OFF within TEXT, which starts at START. */
loc_t lex_loc_within(loc_t start, const char *text, size_t off)
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
			struct diag *d = diag_add(ctx->dl, ERR_INVALID_UTF8, ctx->src,
						    lex_loc_within(start, text, i),
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
	d = diag_add(ctx->dl, ERR_UNTERMINATED_COMMENT, ctx->src, l, "comment is never closed");
	diag_help(d, "add '*/' where the comment should end, or use '//' for a line comment");
	ctx->stop = true;
}

void lex_nul(struct parse_ctx *ctx, loc_t loc)
{
	struct diag *d = diag_add(ctx->dl, ERR_BINARY_INPUT, ctx->src, loc,
				    "NUL byte at offset %zu: this is not Mica source",
				    ctx->offset - 1);

	diag_help(d, "is this a compiled policy? read blobs with `micac dump FILE`");
	ctx->stop = true;
}

/* The reserved words, sorted for binary search: the backend's list, which
 * the blob validator also refuses as names. */
static const struct { const char *word; int token; } reserved[] = {
#define MICA_KEYWORD(word, token) {#word, T_##token},
#include "mica_keywords.def"
#undef MICA_KEYWORD
};

/* The keyword token for TEXT[0..LEN), or 0 for an ordinary name. */
static int keyword_token(const char *text, size_t len)
{
	size_t lo = 0, hi = sizeof(reserved) / sizeof(reserved[0]);

	if (len > 11)	/* "measurement" is the longest */
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		/* the first byte inline: it settles most steps without a call */
		int c = (unsigned char)reserved[mid].word[0] - (unsigned char)text[0];

		if (c == 0)
			c = strncmp(reserved[mid].word, text, len);

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

const char *lex_reserved_word(size_t i)
{
	return i < sizeof(reserved) / sizeof(reserved[0]) ? reserved[i].word : NULL;
}

int lex_ident(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text, size_t len)
{
	int kw = keyword_token(text, len);

	if (kw)
		return kw;
	if (len > MICA_NAME_MAX) {
		struct diag *d = diag_add(ctx->dl, ERR_IDENTIFIER_TOO_LONG, ctx->src, loc,
					    "name is %zu bytes long; names are at most %u bytes",
					    len, MICA_NAME_MAX);
		diag_help(d, "choose a shorter name");
	}
	val->name = intern(ctx->src->names, text, len);
	return T_IDENT;
}

/* `1.5GiB`: numbers are whole; say what to write when the value is a whole
 * number of bytes in a smaller unit (1536MiB). */
static void help_fraction(struct diag *d, const char *text, size_t len)
{
	static const struct { const char *name; unsigned shift; } units[] = {
		{"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"", 0},
	};
	const char *dot = memchr(text, '.', len), *p;
	uint64_t whole = 0, frac = 0, scale = 1, bytes;
	unsigned shift = 0;

	for (p = text; p < dot && *p >= '0' && *p <= '9' && whole < UINT32_MAX; p++)
		whole = whole * 10 + (uint64_t)(*p - '0');
	for (p = dot + 1; p < text + len && *p >= '0' && *p <= '9' && scale < 1000000; p++) {
		frac = frac * 10 + (uint64_t)(*p - '0');
		scale *= 10;
	}
	for (size_t i = 0; i < 3; i++)
		if ((size_t)(text + len - p) == 3 && memcmp(p, units[i].name, 3) == 0)
			shift = units[i].shift;
	bytes = ((whole * scale + frac) << shift) / scale;
	if (p < text + len && shift == 0)
		bytes = 0;	/* an unknown suffix: nothing sensible to offer */
	if (bytes && ((whole * scale + frac) << shift) % scale == 0)
		for (size_t i = 0; i < 4; i++)
			if (bytes % (1ull << units[i].shift) == 0) {
				diag_help(d, "numbers are whole: write %llu%s",
					  (unsigned long long)(bytes >> units[i].shift), units[i].name);
				return;
			}
	diag_help(d, "numbers are whole: give the size in a smaller unit (1536MiB, not 1.5GiB)");
}

int lex_number(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text, size_t len)
{
	struct diag *d;

	val->num.bad = false;
	switch (parse_number(text, len, &val->num.value)) {
	case NUMBER_OK:
		return T_NUMBER;
	case NUMBER_OVERFLOW:
		d = diag_add(ctx->dl, ERR_INVALID_NUMBER, ctx->src, loc,
			       "number '%.*s' does not fit in 64 bits", (int)len, text);
		diag_help(d, "the largest number is 18446744073709551615 (0xffffffffffffffff)");
		break;
	default:
		d = diag_add(ctx->dl, ERR_INVALID_NUMBER, ctx->src, loc, "invalid number '%.*s'",
			       (int)len, text);
		if (memchr(text, '.', len))
			help_fraction(d, text, len);
		else
			diag_help(d, "numbers are decimal (4096) or hex (0x1000), optionally followed "
				  "by KiB, MiB or GiB (4KiB)");
		break;
	}
	val->num.bad = true;
	val->num.value = 0;
	return T_NUMBER;
}

int lex_string(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc, const char *text, size_t len)
{
	(void)ctx;
	(void)loc;
	val->str = xstrndup(text + 1, len - 2);
	return T_STRING;
}

int lex_unterminated_string(struct parse_ctx *ctx, union MICA_YYSTYPE *val, loc_t loc,
			    const char *text, size_t len)
{
	loc_t quote = loc;
	struct diag *d;

	quote.end_line = quote.line;
	quote.end_col = quote.col;
	d = diag_add(ctx->dl, ERR_UNTERMINATED_STRING, ctx->src, quote, "string is not closed on this line");
	diag_help(d, "add the closing '\"'; strings cannot span lines");
	ctx->lex_unterminated = true;
	val->str = xstrndup(text + 1, len - 1);
	return T_STRING;
}
