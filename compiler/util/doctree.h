/* doctree.h - a small document tree (maps, lists, scalars) that the YAML
 * and JSON printers share.
 *
 * The printers of a model (dump --format yaml|json) and the CoMID printer
 * (endorse) build a tree and hand it to a printer, so each mapping is written
 * once and each syntax is written once. Scalars keep both spellings a number
 * needs: the Mica one (2MiB, 0x10000000) for YAML, decimal for JSON. */
#ifndef MICAC_DOCTREE_H
#define MICAC_DOCTREE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "util/spell.h"

enum dnode_kind {
	DN_MAP,		/* keyed children, in insertion order */
	DN_LIST,	/* unkeyed children */
	DN_STR,		/* text, always quoted */
	DN_WORD,	/* a keyword or identifier: plain in YAML, quoted in JSON */
	DN_NUM,		/* an unsigned number */
	DN_BOOL,
};

struct dnode {
	enum dnode_kind kind;
	const char *key;	/* within a map (static or borrowed) */
	const char *text;	/* DN_STR, DN_WORD */
	char *owned;		/* text the tree frees */
	uint64_t num;		/* DN_NUM; DN_BOOL: 0 or 1 */
	char spelled[SPELL_MAX];	/* DN_NUM: the spelling YAML shows */
	bool flow;		/* DN_MAP, DN_LIST: printed on one line */
	struct dnode **kids;
	size_t nkids, cap;
};

/* A new root map; free with dtree_free. */
struct dnode *dtree_root(void);
void dtree_free(struct dnode *root);

/* Children of PARENT (KEY is ignored inside a list). Strings are borrowed
 * and must outlive the tree, except dt_str_owned's, which the tree frees. */
struct dnode *dt_map(struct dnode *parent, const char *key, bool flow);
struct dnode *dt_list(struct dnode *parent, const char *key, bool flow);
void dt_str(struct dnode *parent, const char *key, const char *s);
void dt_str_owned(struct dnode *parent, const char *key, char *s);
void dt_word(struct dnode *parent, const char *key, const char *w);
/* SPELLED: how YAML shows V (NULL: decimal). */
void dt_num(struct dnode *parent, const char *key, uint64_t v, const char *spelled);
void dt_bool(struct dnode *parent, const char *key, bool v);

/* The printers; each returns 0, or -1 when writing failed. */
int dtree_print_yaml(FILE *out, const struct dnode *root);	/* emit_yaml.c */
int dtree_print_json(FILE *out, const struct dnode *root);	/* emit_json.c */

#endif
