/* fmt.c - printing a parsed Mica source in the canonical layout, comments
 * and number spellings included (see fmt.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print/fmt.h"
#include "syntax/keywords.h"
#include "util/xalloc.h"

#define INDENT "    "

struct printer {
	FILE *out;
	const struct ast *ast;
	const struct fmt_layout *l;
};

static const struct ast_comment *comment(const struct printer *p, size_t i)
{
	return &p->ast->comments[i];
}

/* Comments [FROM, TO) on lines of their own, then NEXT_LINE: one blank line
 * wherever the source had at least one, so paragraphs of comments stay. */
static void put_comment_lines(struct printer *p, size_t from, size_t to, const char *indent,
			      uint32_t next_line)
{
	for (size_t i = from; i < to; i++) {
		uint32_t next = i + 1 < to ? comment(p, i + 1)->loc.line : next_line;

		fprintf(p->out, "%s%s\n", indent, comment(p, i)->text);
		if (next > comment(p, i)->loc.end_line + 1)
			fputc('\n', p->out);
	}
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_word(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* The number in slot S as the source spells it: its last word that starts
 * with a digit, outside comments ("version 0x3;" gives "0x3"). */
static void put_number(struct printer *p, const struct fmt_slot *s)
{
	const char *d = p->ast->src->data;
	size_t best = s->start, best_len = 0;

	for (size_t off = s->start; off <= s->end;) {
		size_t next = fmt_skip_comment(p->ast, off), len = 0;

		if (next != off) {
			off = next;
			continue;
		}
		while (off + len <= s->end && is_word(d[off + len]))
			len++;
		if (len && is_digit(d[off])) {
			best = off;
			best_len = len;
		}
		off += len ? len : 1;
	}
	fwrite(d + best, 1, best_len, p->out);
}

static void put_prop(struct printer *p, const struct fmt_slot *s, const struct ast_decl *d)
{
	static const char *const names[] = {
		"version", "digest", "ipa_bits", "trust", "measurement", "hostcall", "mmio",
		"kind", "size", "at",
	};
	const struct ast *a = p->ast;

	fprintf(p->out, INDENT "%s", names[s->prop]);
	switch (s->prop) {
	case FP_VERSION: case FP_IPA_BITS: case FP_SIZE: case FP_AT:
		fputc(' ', p->out);
		put_number(p, s);
		break;
	case FP_DIGEST:
		fprintf(p->out, " %s", keyword_name(&kw_digest, a->policies[d->index].digest));
		break;
	case FP_TRUST:
		fprintf(p->out, " %s", keyword_name(&kw_trust, a->realms[d->index].trust));
		break;
	case FP_MEASUREMENT:
		fprintf(p->out, " \"%s\"", a->realms[d->index].measurement);
		break;
	case FP_KIND:
		fprintf(p->out, " %s", keyword_name(&kw_kind, a->regions[d->index].kind));
		break;
	case FP_HOSTCALL: case FP_MMIO:
		break;
	}
	fputc(';', p->out);
}

static void put_grant(struct printer *p, const struct fmt_slot *s, const struct ast_decl *d)
{
	const struct ast_grant *g = &p->ast->regions[d->index].grants[s->index];

	fprintf(p->out, INDENT "grant %s %s;", g->realm.text, keyword_name(&kw_perm, g->perm));
}

static void put_head(struct printer *p, const struct ast_decl *d)
{
	const struct ast *a = p->ast;

	if (d->kind == DECL_POLICY)
		fprintf(p->out, "policy %s {", a->policies[d->index].name.text);
	else if (d->kind == DECL_REALM)
		fprintf(p->out, "realm %s {", a->realms[d->index].name.text);
	else
		fprintf(p->out, "region %s {", a->regions[d->index].name.text);
}

static void put_statement(struct printer *p, const struct ast_decl *d)
{
	if (d->kind == DECL_CALL) {
		const struct ast_call *c = &p->ast->calls[d->index];

		fprintf(p->out, "call %s -> %s%s;", c->from.text, c->to.text,
			c->oneway ? " oneway" : "");
	} else {
		const struct ast_assert *as = &p->ast->asserts[d->index];

		fprintf(p->out, "assert no flow %s -> %s;", as->from.text, as->to.text);
	}
}

/* One printed line: a slot, its code, and where its trailing comments go. */
struct line {
	const struct fmt_slot *s;
	const struct ast_decl *d;
	char *code;
	size_t width;
};

static bool inner_slot(const struct fmt_slot *s)
{
	return s->kind == SLOT_PROP || s->kind == SLOT_GRANT || s->kind == SLOT_CLOSE;
}

/* Renders the code of slot S (indent included) into LN. */
static void render_code(struct printer *p, struct line *ln)
{
	FILE *saved = p->out;
	size_t len;

	p->out = open_memstream(&ln->code, &len);
	if (!p->out)
		abort();	/* out of memory, as xalloc would */
	switch (ln->s->kind) {
	case SLOT_HEAD: put_head(p, ln->d); break;
	case SLOT_PROP: put_prop(p, ln->s, ln->d); break;
	case SLOT_GRANT: put_grant(p, ln->s, ln->d); break;
	case SLOT_CLOSE: fputc('}', p->out); break;
	case SLOT_STMT: put_statement(p, ln->d); break;
	}
	fclose(p->out);
	p->out = saved;
	ln->width = len;
}

static void pad_to(struct printer *p, size_t from, size_t col)
{
	for (size_t i = from; i < col; i++)
		fputc(' ', p->out);
}

/* Leading comments, code, then the trailing comments from column COL; a
 * comment continued on the next lines stays in that column. */
static void put_line(struct printer *p, const struct line *ln, size_t col)
{
	const struct fmt_slot *s = ln->s;

	put_comment_lines(p, s->lead0, s->lead1, inner_slot(s) ? INDENT : "", s->start_line);
	fputs(ln->code, p->out);
	for (size_t i = s->trail0; i < s->trail1; i++) {
		if (i == s->trail0) {
			pad_to(p, ln->width, col);
		} else if (comment(p, i)->loc.line > comment(p, i - 1)->loc.end_line) {
			fputc('\n', p->out);
			pad_to(p, 0, col);
		} else {
			fputc(' ', p->out);
		}
		fputs(comment(p, i)->text, p->out);
	}
	fputc('\n', p->out);
}

static bool has_trail(const struct line *ln)
{
	return ln->s->trail1 > ln->s->trail0;
}

/* Prints lines whose trailing comments line up: each run of consecutive
 * lines with trailing comments (a comment line between ends a run) puts
 * them two spaces after the run's longest code. */
static void put_lines(struct printer *p, struct line *v, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i, col = 0;

		while (j < n && has_trail(&v[j]) && (j == i || v[j].s->lead1 == v[j].s->lead0)) {
			if (v[j].width > col)
				col = v[j].width;
			j++;
		}
		if (j == i)
			j = i + 1;
		for (size_t k = i; k < j; k++) {
			put_line(p, &v[k], col + 2);
			free(v[k].code);
		}
		i = j;
	}
}

static void add_line(struct printer *p, struct line *v, size_t *n, const struct fmt_slot *s,
		     const struct ast_decl *d)
{
	v[*n].s = s;
	v[*n].d = d;
	render_code(p, &v[*n]);
	(*n)++;
}

/* Properties in the grammar's order, then grants in source order. */
static size_t rank(const struct fmt_slot *s)
{
	return s->kind == SLOT_PROP ? (size_t)s->prop : (size_t)FP_AT + 1 + s->index;
}

static int by_rank(const void *a, const void *b)
{
	size_t x = rank(((const struct line *)a)->s);
	size_t y = rank(((const struct line *)b)->s);

	return (x > y) - (x < y);
}

/* A block: head, statements in canonical order, close. */
static void put_block(struct printer *p, size_t i)
{
	const struct fmt_decl_slots *ds = &p->l->decls[i];
	const struct fmt_slot *s = &p->l->slots[ds->first];
	const struct ast_decl *d = &p->ast->decls[i];
	struct line *v = xmalloc(ds->n * sizeof(*v));
	size_t n = 0;

	for (size_t k = 0; k < ds->n; k++)
		add_line(p, v, &n, &s[k], d);
	qsort(v + 1, n - 2, sizeof(*v), by_rank);
	put_lines(p, v, n);
	free(v);
}

/* First and last source lines a declaration covers, comments included. */
static uint32_t first_line(const struct printer *p, size_t i)
{
	const struct fmt_slot *s = &p->l->slots[p->l->decls[i].first];

	return s->lead1 > s->lead0 ? comment(p, s->lead0)->loc.line : s->start_line;
}

static uint32_t last_line(const struct printer *p, const struct fmt_slot *s)
{
	return s->trail1 > s->trail0 ? comment(p, s->trail1 - 1)->loc.end_line : s->end_line;
}

static bool is_block(const struct printer *p, size_t i)
{
	return p->l->decls[i].n > 1;
}

/* Blocks are set apart by a blank line; one-line statements keep one blank
 * line where the source had any, so users can group their calls. */
static bool blank_between(const struct printer *p, size_t prev, size_t i)
{
	const struct fmt_decl_slots *ps = &p->l->decls[prev];

	return is_block(p, prev) || is_block(p, i) ||
	       first_line(p, i) > last_line(p, &p->l->slots[ps->first + ps->n - 1]) + 1;
}

/* The policy block(s) first, then everything else in source order. Runs
 * of one-line statements are printed together, so their trailing comments
 * line up. */
static void put_decls(struct printer *p)
{
	const struct ast *a = p->ast;
	struct line *run = xmalloc((a->ndecls ? a->ndecls : 1) * sizeof(*run));
	size_t prev = SIZE_MAX, nrun = 0;

	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < a->ndecls; i++) {
			if ((a->decls[i].kind == DECL_POLICY) != (pass == 0))
				continue;
			if (prev != SIZE_MAX && blank_between(p, prev, i)) {
				put_lines(p, run, nrun);
				nrun = 0;
				fputc('\n', p->out);
			}
			if (is_block(p, i))
				put_block(p, i);
			else
				add_line(p, run, &nrun, &p->l->slots[p->l->decls[i].first], &a->decls[i]);
			prev = i;
		}
	put_lines(p, run, nrun);
	free(run);
}

static void put_trailer(struct printer *p, bool after_decls)
{
	const struct fmt_layout *l = p->l;
	size_t n = p->ast->ncomments;

	if (l->trailer0 >= n)
		return;
	if (after_decls && comment(p, l->trailer0)->loc.line >
				   last_line(p, &l->slots[l->nslots - 1]) + 1)
		fputc('\n', p->out);
	put_comment_lines(p, l->trailer0, n, "", 0);
}

char *fmt_format(const struct ast *ast, size_t *len)
{
	struct fmt_layout l;
	struct printer p;
	char *buf = NULL;

	fmt_layout_build(&l, ast);
	p.out = open_memstream(&buf, len);
	if (!p.out)
		abort();	/* out of memory: as xalloc would */
	p.ast = ast;
	p.l = &l;
	if (l.header1) {
		/* the header ends at a blank line, which put_comment_lines keeps */
		put_comment_lines(&p, 0, l.header1, "", UINT32_MAX);
	}
	put_decls(&p);
	put_trailer(&p, l.nslots > 0);
	fclose(p.out);
	fmt_layout_free(&l);
	return buf;
}
