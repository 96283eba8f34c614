/* fmt.h - the Mica formatter: a parsed source laid out canonically, with
 * its comments kept.
 *
 * The layout (docs/language.md, "Formatting"): 4-space indentation, one
 * statement per line, one blank line between top-level blocks, `policy`
 * first and every other declaration in source order; inside a block the
 * properties in a fixed order (the grammar's), then grants in source order;
 * numbers keep their spelling. Comments stay with the statement they
 * precede or trail. Formatting never changes what the source means, so the
 * blob and its digest stay the same, and it is idempotent.
 *
 * Internally the source is cut into slots: each block's head (`realm a {`),
 * each statement, each block's `}`, each top-level statement. Every comment
 * belongs to one slot, leading it (on lines before) or trailing it (on its
 * last line, or inside it). fmt_slots.c finds the slots and assigns the
 * comments; fmt.c prints. */
#ifndef MICAC_FMT_H
#define MICAC_FMT_H

#include <stddef.h>
#include <stdint.h>

#include "syntax/ast.h"

enum fmt_slot_kind {
	SLOT_HEAD,		/* `policy NAME {` */
	SLOT_PROP,		/* a property statement; prop says which */
	SLOT_GRANT,		/* `grant REALM PERM;`; index says which */
	SLOT_CLOSE,		/* `}` */
	SLOT_STMT,		/* a top-level call or assert */
};

/* Properties in the order they are printed. */
enum fmt_prop {
	FP_VERSION, FP_DIGEST, FP_IPA_BITS,
	FP_TRUST, FP_MEASUREMENT, FP_HOSTCALL, FP_MMIO,
	FP_KIND, FP_SIZE, FP_AT,
};

struct fmt_slot {
	enum fmt_slot_kind kind;
	enum fmt_prop prop;	/* SLOT_PROP */
	size_t index;		/* SLOT_GRANT: the grant */
	size_t start, end;	/* byte offsets of its first and last character */
	uint32_t start_line, end_line;
	/* Its comments: [lead0, lead1) before it, [trail0, trail1) after it
	 * on its line. Comments are in source order, so these are ranges. */
	size_t lead0, lead1, trail0, trail1;
};

/* The slots of one declaration: [first, first + n) of fmt_layout.slots. */
struct fmt_decl_slots {
	size_t first, n;
};

struct fmt_layout {
	struct fmt_slot *slots;		/* in source order */
	size_t nslots, cap;
	struct fmt_decl_slots *decls;	/* one per ast->decls entry */
	size_t trailer0;		/* comments after every slot: [trailer0, ncomments) */
	size_t header1;			/* comments [0, header1) head the file */
};

/* Cuts a syntax-error-free tree into slots and assigns its comments. */
void fmt_layout_build(struct fmt_layout *l, const struct ast *ast);
void fmt_layout_free(struct fmt_layout *l);

/* Byte offset of the character at LINE:COL. */
size_t fmt_offset(const struct source *src, uint32_t line, uint32_t col);
/* OFF, or the offset just past the comment that contains OFF. */
size_t fmt_skip_comment(const struct ast *ast, size_t off);

/* The formatted text of a tree parsed without errors (NUL-terminated;
 * *LEN gets its length). Free it. */
char *fmt_format(const struct ast *ast, size_t *len);

#endif
