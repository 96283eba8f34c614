/* parse_actions.c - the grammar's actions: fill in the syntax tree.
 *
 * Each block's statements land in the element the block opened (found by
 * index, since the arrays move as they grow). A property given twice is
 * reported here, pointing at both places; the first value is kept. */
#include <stdlib.h>
#include <string.h>

#include "syntax/keywords.h"
#include "syntax/parse_actions.h"

static struct ast_policy *cur_policy(struct parse_ctx *ctx)
{
	return &ctx->ast->policies[ctx->block_index];
}

static struct ast_realm *cur_realm(struct parse_ctx *ctx)
{
	return &ctx->ast->realms[ctx->block_index];
}

static struct ast_region *cur_region(struct parse_ctx *ctx)
{
	return &ctx->ast->regions[ctx->block_index];
}

/* The block's name, for messages. */
const char *parse_block_name(struct parse_ctx *ctx)
{
	switch (ctx->block_kind) {
	case DECL_POLICY: return cur_policy(ctx)->name.text;
	case DECL_REALM: return cur_realm(ctx)->name.text;
	case DECL_REGION: return cur_region(ctx)->name.text;
	default: return "?";
	}
}

const char *parse_block_kind_name(enum ast_decl_kind k)
{
	return k == DECL_POLICY ? "policy" : k == DECL_REALM ? "realm" : "region";
}

/* Marks property P as set at LOC; false (and E0210) if it already was.
 * INVALID: the value was malformed and is already reported. */
static bool set_prop_v(struct parse_ctx *ctx, prop_t *p, const char *what, loc_t loc,
		       bool invalid)
{
	struct diag *d;

	if (!PROP_SET(*p)) {
		p->loc = loc;
		p->invalid = invalid;
		return true;
	}
	d = diag_add(ctx->dl, ERR_PROPERTY_SET_TWICE, ctx->src, loc, "'%s' is set twice in %s '%s'", what,
		       parse_block_kind_name(ctx->block_kind), parse_block_name(ctx));
	diag_note(d, p->loc, "first set here");
	diag_help(d, "remove one of the two lines");
	return false;
}

static bool set_prop(struct parse_ctx *ctx, prop_t *p, const char *what, loc_t loc)
{
	return set_prop_v(ctx, p, what, loc, false);
}

static void open_block(struct parse_ctx *ctx, enum ast_decl_kind kind, size_t index,
		       loc_t brace)
{
	ctx->block_kind = kind;
	ctx->block_index = index;
	ctx->block_open = brace;
	ctx->in_block = true;
}

void parse_open_policy(struct parse_ctx *ctx, ident_t *name, loc_t kw, loc_t brace)
{
	struct ast_policy *p = ast_add_policy(ctx->ast);

	p->name = *name;
	p->loc = kw;
	open_block(ctx, DECL_POLICY, ctx->ast->npolicies - 1, brace);
}

void parse_open_realm(struct parse_ctx *ctx, ident_t *name, loc_t kw, loc_t brace)
{
	struct ast_realm *r = ast_add_realm(ctx->ast);

	r->name = *name;
	r->loc = kw;
	open_block(ctx, DECL_REALM, ctx->ast->nrealms - 1, brace);
}

void parse_open_region(struct parse_ctx *ctx, ident_t *name, loc_t kw, loc_t brace)
{
	struct ast_region *r = ast_add_region(ctx->ast);

	r->name = *name;
	r->loc = kw;
	open_block(ctx, DECL_REGION, ctx->ast->nregions - 1, brace);
}

void parse_close_block(struct parse_ctx *ctx)
{
	ctx->in_block = false;
}

/* A property whose value is a keyword (digest, trust, kind): looks the
 * word up (E0217 when unknown), and sets *FIELD unless the
 * property was already set (E0210). An unknown word marks it invalid. */
static void set_keyword_prop(struct parse_ctx *ctx, const struct keyword_set *set, const char *word,
			     loc_t val, loc_t stmt, prop_t *p, uint8_t *field)
{
	uint8_t v = keyword_lookup(set, word, ctx->dl, ctx->src, val);

	if (set_prop(ctx, p, set->property, stmt)) {
		*field = v;
		p->invalid = (v == 0);
	}
}

void parse_policy_version(struct parse_ctx *ctx, num_t v, loc_t stmt)
{
	struct ast_policy *p = cur_policy(ctx);

	if (set_prop_v(ctx, &p->version_p, "version", stmt, v.bad))
		p->version = v.value;
}

void parse_policy_digest(struct parse_ctx *ctx, const char *alg, loc_t val, loc_t stmt)
{
	struct ast_policy *p = cur_policy(ctx);

	set_keyword_prop(ctx, &kw_digest, alg, val, stmt, &p->digest_p, &p->digest);
}

void parse_policy_ipa_bits(struct parse_ctx *ctx, num_t v, loc_t stmt)
{
	struct ast_policy *p = cur_policy(ctx);

	if (set_prop_v(ctx, &p->ipa_bits_p, "ipa_bits", stmt, v.bad))
		p->ipa_bits = v.value;
}

void parse_realm_trust(struct parse_ctx *ctx, const char *level, loc_t val, loc_t stmt)
{
	struct ast_realm *r = cur_realm(ctx);

	set_keyword_prop(ctx, &kw_trust, level, val, stmt, &r->trust_p, &r->trust);
}

void parse_realm_measurement(struct parse_ctx *ctx, char *hex, loc_t val, loc_t stmt)
{
	struct ast_realm *r = cur_realm(ctx);

	(void)stmt;
	if (set_prop(ctx, &r->measurement_p, "measurement", val))
		r->measurement = hex;
	else
		free(hex);
}

void parse_realm_hostcall(struct parse_ctx *ctx, loc_t stmt)
{
	struct ast_realm *r = cur_realm(ctx);

	if (set_prop(ctx, &r->hostcall_p, "hostcall", stmt))
		r->hostcall = true;
}

void parse_realm_mmio(struct parse_ctx *ctx, loc_t stmt)
{
	struct ast_realm *r = cur_realm(ctx);

	if (set_prop(ctx, &r->mmio_p, "mmio", stmt))
		r->mmio = true;
}

void parse_region_kind(struct parse_ctx *ctx, const char *kind, loc_t val, loc_t stmt)
{
	struct ast_region *r = cur_region(ctx);

	set_keyword_prop(ctx, &kw_kind, kind, val, stmt, &r->kind_p, &r->kind);
}

void parse_region_size(struct parse_ctx *ctx, num_t v, loc_t val, loc_t stmt)
{
	struct ast_region *r = cur_region(ctx);

	(void)stmt;
	if (set_prop_v(ctx, &r->size_p, "size", val, v.bad))
		r->size = v.value;
}

void parse_region_at(struct parse_ctx *ctx, num_t v, loc_t val, loc_t stmt)
{
	struct ast_region *r = cur_region(ctx);

	(void)stmt;
	if (set_prop_v(ctx, &r->at_p, "at", val, v.bad))
		r->at = v.value;
}

void parse_region_grant(struct parse_ctx *ctx, ident_t *realm, const char *perm, loc_t val, loc_t stmt)
{
	struct ast_grant *g = ast_add_grant(ctx->ast, cur_region(ctx));
	uint8_t swapped = keyword_value(&kw_perm, realm->text);

	g->loc = stmt;
	/* `grant read reporter;`: the words swapped. One error, and the grant
	 * the user meant, so that nothing else echoes the slip. */
	if (swapped && !keyword_value(&kw_perm, perm)) {
		diag_help(diag_add(ctx->dl, ERR_UNKNOWN_VALUE, ctx->src, val,
				   "unknown permission '%s': the realm comes first", perm),
			  "write `grant %s %s;`", perm, realm->text);
		g->realm.text = perm;
		g->realm.loc = val;
		g->perm = swapped;
		return;
	}
	g->realm = *realm;
	g->perm = keyword_lookup(&kw_perm, perm, ctx->dl, ctx->src, val);
}

loc_t parse_span(loc_t a, loc_t b)
{
	a.end_line = b.end_line;
	a.end_col = b.end_col;
	return a;
}

num_t parse_unit_after_space(struct parse_ctx *ctx, num_t v, const char *unit, loc_t vloc, loc_t uloc)
{
	static const struct { const char *name; unsigned shift; } units[] = {
		{"KiB", 10}, {"MiB", 20}, {"GiB", 30},
	};
	struct diag *d;

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(unit, units[i].name) != 0)
			continue;
		d = diag_add(ctx->dl, ERR_INVALID_NUMBER, ctx->src, parse_span(vloc, uloc),
			     "a space between the number and its unit");
		if (!v.bad)
			diag_help(d, "write %llu%s, without the space", (unsigned long long)v.value,
				  unit);
		if (!v.bad && v.value > (UINT64_MAX >> units[i].shift))
			v.bad = true;
		else
			v.value <<= units[i].shift;
		return v;
	}
	diag_help(diag_add(ctx->dl, ERR_INVALID_NUMBER, ctx->src, uloc, "unknown unit '%s'", unit),
		  "sizes take KiB, MiB or GiB, right after the number (4KiB)");
	v.bad = true;
	return v;
}

void parse_call(struct parse_ctx *ctx, ident_t *from, ident_t *to, bool oneway, loc_t stmt)
{
	struct ast_call *c = ast_add_call(ctx->ast);

	c->from = *from;
	c->to = *to;
	c->oneway = oneway;
	c->loc = stmt;
}

void parse_assert(struct parse_ctx *ctx, ident_t *from, ident_t *to, loc_t stmt)
{
	struct ast_assert *a = ast_add_assert(ctx->ast);

	a->from = *from;
	a->to = *to;
	a->loc = stmt;
}
