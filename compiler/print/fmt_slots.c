/* fmt_slots.c - cutting a parsed source into the formatter's slots and
 * giving each comment to one of them (see fmt.h). */
#include <stdlib.h>
#include <string.h>

#include "print/fmt.h"
#include "util/xalloc.h"

size_t fmt_offset(const struct source *src, uint32_t line, uint32_t col)
{
	return src->lines[line - 1] + col - 1;
}

static size_t comment_start(const struct ast *ast, size_t i)
{
	return fmt_offset(ast->src, ast->comments[i].loc.line, ast->comments[i].loc.col);
}

static size_t comment_end(const struct ast *ast, size_t i)
{
	return fmt_offset(ast->src, ast->comments[i].loc.end_line, ast->comments[i].loc.end_col);
}

/* Comments are in source order, so a binary search finds the one that could
 * contain OFF. */
size_t fmt_skip_comment(const struct ast *ast, size_t off)
{
	size_t lo = 0, hi = ast->ncomments;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (comment_start(ast, mid) <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && comment_end(ast, lo - 1) >= off)
		return comment_end(ast, lo - 1) + 1;
	return off;
}

/* The offset of the first CH outside comments at or after FROM. The tree
 * parsed without errors, so it is there ('{' after a block's name, '}' after
 * its last statement), and no string lies in between. */
static size_t find_code_char(const struct ast *ast, size_t from, char ch)
{
	size_t off = from;

	while (off < ast->src->len) {
		size_t next = fmt_skip_comment(ast, off);

		if (next != off) {
			off = next;
			continue;
		}
		if (ast->src->data[off] == ch)
			return off;
		off++;
	}
	return ast->src->len ? ast->src->len - 1 : 0;
}

static uint32_t line_of(const struct source *src, size_t off)
{
	uint32_t line, col;

	source_pos(src, off, &line, &col);
	return line;
}

static struct fmt_slot *add_slot(struct fmt_layout *l, const struct source *src,
				 enum fmt_slot_kind kind, size_t start, size_t end)
{
	struct fmt_slot *s;

	xgrow(&l->slots, &l->cap, l->nslots, sizeof(*l->slots));
	s = &l->slots[l->nslots++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->start = start;
	s->end = end;
	s->start_line = line_of(src, start);
	s->end_line = line_of(src, end);
	return s;
}

static struct fmt_slot *add_loc_slot(struct fmt_layout *l, const struct source *src,
				     enum fmt_slot_kind kind, loc_t loc)
{
	return add_slot(l, src, kind, fmt_offset(src, loc.line, loc.col),
			fmt_offset(src, loc.end_line, loc.end_col));
}

static void add_prop(struct fmt_layout *l, const struct source *src, prop_t p,
		     enum fmt_prop which)
{
	if (PROP_SET(p))
		add_loc_slot(l, src, SLOT_PROP, p.loc)->prop = which;
}

/* Adds the statements of block DECL, in any order. */
static void add_block_statements(struct fmt_layout *l, const struct ast *ast,
				 const struct ast_decl *decl)
{
	const struct source *src = ast->src;

	if (decl->kind == DECL_POLICY) {
		const struct ast_policy *p = &ast->policies[decl->index];

		add_prop(l, src, p->version_p, FP_VERSION);
		add_prop(l, src, p->digest_p, FP_DIGEST);
		add_prop(l, src, p->ipa_bits_p, FP_IPA_BITS);
	} else if (decl->kind == DECL_REALM) {
		const struct ast_realm *r = &ast->realms[decl->index];

		add_prop(l, src, r->trust_p, FP_TRUST);
		add_prop(l, src, r->measurement_p, FP_MEASUREMENT);
		add_prop(l, src, r->hostcall_p, FP_HOSTCALL);
		add_prop(l, src, r->mmio_p, FP_MMIO);
	} else {
		const struct ast_region *r = &ast->regions[decl->index];

		add_prop(l, src, r->kind_p, FP_KIND);
		add_prop(l, src, r->size_p, FP_SIZE);
		add_prop(l, src, r->at_p, FP_AT);
		for (size_t i = 0; i < r->ngrants; i++)
			add_loc_slot(l, src, SLOT_GRANT, r->grants[i].loc)->index = i;
	}
}

static int by_start(const void *a, const void *b)
{
	const struct fmt_slot *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

static void block_locs(const struct ast *ast, const struct ast_decl *d, loc_t *kw, loc_t *name)
{
	if (d->kind == DECL_POLICY) {
		*kw = ast->policies[d->index].loc;
		*name = ast->policies[d->index].name.loc;
	} else if (d->kind == DECL_REALM) {
		*kw = ast->realms[d->index].loc;
		*name = ast->realms[d->index].name.loc;
	} else {
		*kw = ast->regions[d->index].loc;
		*name = ast->regions[d->index].name.loc;
	}
}

/* A block: its head, its statements in source order, its close. */
static void add_block(struct fmt_layout *l, const struct ast *ast, const struct ast_decl *d)
{
	const struct source *src = ast->src;
	loc_t kw, name;
	size_t brace, stmts;

	block_locs(ast, d, &kw, &name);
	brace = find_code_char(ast, fmt_offset(src, name.end_line, name.end_col) + 1, '{');
	add_slot(l, src, SLOT_HEAD, fmt_offset(src, kw.line, kw.col), brace);
	stmts = l->nslots;
	add_block_statements(l, ast, d);
	qsort(l->slots + stmts, l->nslots - stmts, sizeof(*l->slots), by_start);
	brace = find_code_char(ast, l->slots[l->nslots - 1].end + 1, '}');
	add_slot(l, src, SLOT_CLOSE, brace, brace);
}

static void add_decl(struct fmt_layout *l, const struct ast *ast, size_t i)
{
	const struct ast_decl *d = &ast->decls[i];

	l->decls[i].first = l->nslots;
	if (d->kind == DECL_CALL)
		add_loc_slot(l, ast->src, SLOT_STMT, ast->calls[d->index].loc);
	else if (d->kind == DECL_ASSERT)
		add_loc_slot(l, ast->src, SLOT_STMT, ast->asserts[d->index].loc);
	else
		add_block(l, ast, d);
	l->decls[i].n = l->nslots - l->decls[i].first;
}

static void give(size_t *r0, size_t *r1, size_t i)
{
	if (*r0 == *r1)
		*r0 = i;
	*r1 = i + 1;
}

static bool is_line_comment(const struct ast *ast, size_t i)
{
	return strncmp(ast->comments[i].text, "//", 2) == 0;
}

/* A line comment alone on the line after a trailing line comment, in the
 * same column, continues it (a trailing comment too long for one line). */
static bool continues_trail(const struct ast *ast, const struct fmt_slot *prev, size_t i)
{
	const struct ast_comment *c = &ast->comments[i], *before;

	if (prev->trail1 != i || i == 0)
		return false;
	before = &ast->comments[i - 1];
	return is_line_comment(ast, i) && is_line_comment(ast, i - 1) &&
	       c->loc.line == before->loc.end_line + 1 && c->loc.col == before->loc.col;
}

/* Comment I trails the last slot that starts before it when it lies inside
 * that slot, on its last line, or continues a trailing comment; otherwise
 * it leads the next slot. */
static void assign_comments(struct fmt_layout *l, const struct ast *ast)
{
	size_t s = 0;	/* slots [0, s) start before the comment */

	l->trailer0 = ast->ncomments;
	for (size_t i = 0; i < ast->ncomments; i++) {
		size_t cs = comment_start(ast, i);
		struct fmt_slot *prev;

		while (s < l->nslots && l->slots[s].start < cs)
			s++;
		prev = s ? &l->slots[s - 1] : NULL;
		if (prev && (cs < prev->end || ast->comments[i].loc.line == prev->end_line ||
			     continues_trail(ast, prev, i)))
			give(&prev->trail0, &prev->trail1, i);
		else if (s < l->nslots)
			give(&l->slots[s].lead0, &l->slots[s].lead1, i);
		else if (l->trailer0 == ast->ncomments)
			l->trailer0 = i;
	}
}

/* The comments that lead the first slot, up to the last blank line among
 * them, head the file: they stay on top when the policy block moves up. */
static void split_header(struct fmt_layout *l, const struct ast *ast)
{
	struct fmt_slot *first;

	l->header1 = 0;
	if (l->nslots == 0)
		return;
	first = &l->slots[0];
	for (size_t k = first->lead1; k > first->lead0; k--) {
		uint32_t next = k < first->lead1 ? ast->comments[k].loc.line : first->start_line;

		if (next > ast->comments[k - 1].loc.end_line + 1) {
			l->header1 = k;
			first->lead0 = k;
			return;
		}
	}
}

void fmt_layout_build(struct fmt_layout *l, const struct ast *ast)
{
	memset(l, 0, sizeof(*l));
	l->decls = xcalloc(ast->ndecls ? ast->ndecls : 1, sizeof(*l->decls));
	for (size_t i = 0; i < ast->ndecls; i++)
		add_decl(l, ast, i);
	assign_comments(l, ast);
	split_header(l, ast);
}

void fmt_layout_free(struct fmt_layout *l)
{
	free(l->slots);
	free(l->decls);
	memset(l, 0, sizeof(*l));
}
