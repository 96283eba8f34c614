/* parse_error.c - syntax error messages in the user's words.
 *
 * Bison tells us which tokens it expected; this turns that into a sentence
 * about the construct being written: "expected ';' after '2MiB'",
 * "expected a trust level (trusted, distrustful or untrusted) after 'trust',
 * found ';'", "expected a declaration (policy, realm, region, call or
 * assert), found 'grant'". */
#include <stdio.h>
#include <string.h>

#include "syntax/keywords.h"
#include "syntax/parse_actions.h"
#include "util/xalloc.h"

static bool has(const char *const *names, size_t n, const char *want)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], want) == 0)
			return true;
	return false;
}

/* How to call one expected token in a message. */
static void describe_token(char *buf, size_t len, const char *name)
{
	if (strcmp(name, "name") == 0 || strcmp(name, "number") == 0 ||
	    strcmp(name, "string") == 0)
		snprintf(buf, len, "a %s", name);
	else if (strcmp(name, "end of file") == 0)
		snprintf(buf, len, "end of file");
	else
		snprintf(buf, len, "'%s'", name);
}

static bool is_decl_start(int tok)
{
	return tok == T_POLICY || tok == T_REALM || tok == T_REGION || tok == T_CALL ||
	       tok == T_ASSERT;
}

/* A token's text for a message, shortened when long. */
static void token_text(const struct parse_ctx *ctx, size_t off, size_t n, char *buf, size_t len)
{
	if (n < len) {
		memcpy(buf, ctx->src->data + off, n);
		buf[n] = '\0';
	} else {
		memcpy(buf, ctx->src->data + off, len - 4);
		memcpy(buf + len - 4, "...", 4);
	}
}

/* What the property before the lookahead takes, when it takes a keyword. */
static const struct keyword_set *value_set(int prev_tok)
{
	switch (prev_tok) {
	case T_TRUST: return &kw_trust;
	case T_KIND: return &kw_kind;
	case T_DIGEST: return &kw_digest;
	default: return NULL;
	}
}

static void choices(char *buf, size_t len, const struct keyword_set *set)
{
	size_t used = 0;

	for (size_t i = 0; i < set->n && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
					 i == 0 ? "" : i + 1 == set->n ? " or " : ", ",
					 set->words[i].name);
}

/* The "expected ..." part. */
static void describe_expected(struct parse_ctx *ctx, char *buf, size_t len,
			      const char *const *names, size_t n)
{
	const struct keyword_set *set = value_set(ctx->prev_tok);
	char tmp[64], list[128];
	size_t used = 0;

	if (has(names, n, "policy") && has(names, n, "realm")) {
		snprintf(buf, len, "a declaration (policy, realm, region, call or assert)");
		return;
	}
	if (has(names, n, "trust")) {
		snprintf(buf, len, "a realm property (trust, measurement, hostcall, mmio) or '}'");
		return;
	}
	if (has(names, n, "kind")) {
		snprintf(buf, len, "a region property (kind, size, at, grant) or '}'");
		return;
	}
	if (has(names, n, "version")) {
		snprintf(buf, len, "a policy property (version, digest, ipa_bits) or '}'");
		return;
	}
	if (set && has(names, n, "name")) {
		choices(list, sizeof(list), set);
		snprintf(buf, len, "a %s (%s)", set->what, list);
		return;
	}
	if (ctx->prev2_tok == T_GRANT && ctx->prev_tok == T_IDENT && has(names, n, "name")) {
		choices(list, sizeof(list), &kw_perm);
		snprintf(buf, len, "a permission (%s)", list);
		return;
	}
	buf[0] = '\0';
	for (size_t i = 0; i < n && used < len; i++) {
		describe_token(tmp, sizeof(tmp), names[i]);
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
					 i == 0 ? "" : i + 1 == n ? " or " : ", ", tmp);
	}
}

/* The "found ..." part: the lookahead as written. */
static void describe_found(struct parse_ctx *ctx, bool at_eof, char *buf, size_t len)
{
	char text[40];

	token_text(ctx, ctx->cur_off, ctx->cur_len, text, sizeof(text));
	if (at_eof)
		snprintf(buf, len, "end of file");
	else if (ctx->cur_tok == T_IDENT)
		snprintf(buf, len, "name '%s'", text);
	else if (ctx->cur_tok == T_STRING)
		snprintf(buf, len, "string %s", text);
	else
		snprintf(buf, len, "'%s'", text);
}

void parse_syntax_error(struct parse_ctx *ctx, loc_t loc, bool at_eof, const char *const *expected,
			size_t nexpected)
{
	char want[256], found[64], prev[40], cur[40];
	struct diag *d;

	describe_expected(ctx, want, sizeof(want), expected, nexpected);
	describe_found(ctx, at_eof, found, sizeof(found));
	token_text(ctx, ctx->prev_off, ctx->prev_len, prev, sizeof(prev));
	token_text(ctx, ctx->cur_off, ctx->cur_len, cur, sizeof(cur));
	/* After a NUL byte or an endless comment the rest is not source:
	 * its syntax errors would only echo the lexical one. */
	if (ctx->stop)
		return;
	/* An unterminated string swallowed the rest of its line, typically
	 * the ';': the error that follows is an echo. */
	if (ctx->skip_syntax_error) {
		ctx->skip_syntax_error = false;
		return;
	}
	/* A missing ';' belongs right after the previous token, not at the
	 * next token (which is often on the next line). */
	if (has(expected, nexpected, ";") && ctx->prev_loc.line) {
		loc_t after = ctx->prev_loc;
		bool same_line = !at_eof && loc.line == ctx->prev_loc.end_line &&
				 ctx->cur_tok != T_RBRACE;

		after.line = after.end_line;
		after.col = after.end_col + 1;
		after.end_col = after.col;
		if (same_line)
			d = diag_add(ctx->dl, ERR_SYNTAX, ctx->src, after,
				       "expected ';' after '%s', found %s", prev, found);
		else
			d = diag_add(ctx->dl, ERR_SYNTAX, ctx->src, after, "expected ';' after '%s'",
				       prev);
		diag_help(d, "every statement ends with ';'");
		return;
	}
	/* A declaration keyword inside a block: the block was left open. */
	if (ctx->in_block && has(expected, nexpected, "}") && is_decl_start(ctx->cur_tok)) {
		d = diag_add(ctx->dl, ERR_SYNTAX, ctx->src, loc,
			       "expected '}' to close %s '%s' before %s",
			       parse_block_kind_name(ctx->block_kind), parse_block_name(ctx), found);
		diag_note(d, ctx->block_open, "the block opens here");
		return;
	}
	d = diag_add(ctx->dl, ERR_SYNTAX, ctx->src, loc, "expected %s, found %s", want, found);
	if (at_eof && ctx->in_block && has(expected, nexpected, "}"))
		diag_note(d, ctx->block_open, "this block is never closed");
	else if (ctx->cur_tok == T_SEMI && ctx->prev_tok == T_RBRACE)
		diag_help(d, "blocks are not followed by ';'");
	else if (has(expected, nexpected, "name") && ctx->cur_tok != T_IDENT && !at_eof &&
		 cur[0] >= 'a' && cur[0] <= 'z')
		diag_help(d, "'%s' is a keyword and cannot be used as a name", cur);
}

