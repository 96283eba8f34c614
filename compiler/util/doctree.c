/* doctree.c - building and freeing document trees (see doctree.h). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "util/doctree.h"
#include "util/xalloc.h"

static struct dnode *add(struct dnode *parent, enum dnode_kind kind, const char *key)
{
	struct dnode *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	n->key = key;
	if (parent) {
		xgrow(&parent->kids, &parent->cap, parent->nkids, sizeof(*parent->kids));
		parent->kids[parent->nkids++] = n;
	}
	return n;
}

struct dnode *dtree_root(void)
{
	return add(NULL, DN_MAP, NULL);
}

void dtree_free(struct dnode *root)
{
	if (!root)
		return;
	for (size_t i = 0; i < root->nkids; i++)
		dtree_free(root->kids[i]);
	free(root->kids);
	free(root->owned);
	free(root);
}

struct dnode *dt_map(struct dnode *parent, const char *key, bool flow)
{
	struct dnode *n = add(parent, DN_MAP, key);

	n->flow = flow;
	return n;
}

struct dnode *dt_list(struct dnode *parent, const char *key, bool flow)
{
	struct dnode *n = add(parent, DN_LIST, key);

	n->flow = flow;
	return n;
}

void dt_str(struct dnode *parent, const char *key, const char *s)
{
	add(parent, DN_STR, key)->text = s;
}

void dt_str_owned(struct dnode *parent, const char *key, char *s)
{
	struct dnode *n = add(parent, DN_STR, key);

	n->text = n->owned = s;
}

void dt_word(struct dnode *parent, const char *key, const char *w)
{
	add(parent, DN_WORD, key)->text = w;
}

void dt_num(struct dnode *parent, const char *key, uint64_t v, const char *spelled)
{
	struct dnode *n = add(parent, DN_NUM, key);

	n->num = v;
	if (spelled)
		snprintf(n->spelled, sizeof(n->spelled), "%s", spelled);
	else
		snprintf(n->spelled, sizeof(n->spelled), "%" PRIu64, v);
}

void dt_bool(struct dnode *parent, const char *key, bool v)
{
	add(parent, DN_BOOL, key)->num = v;
}
