/* emit_yaml.c - document trees as block-style YAML, and a model in YAML
 * form (see emit.h, doctree.h). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "print/emit.h"

/* Plain scalars that a YAML 1.1 or 1.2 reader would take for a boolean or
 * null: an identifier spelled like one must be quoted to stay a string. */
static bool looks_special(const char *s)
{
	static const char *const words[] = {
		"true", "false", "yes", "no", "on", "off", "y", "n", "null",
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

static void put_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\x%02x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void put_word(FILE *out, const char *s)
{
	if (looks_special(s))
		put_quoted(out, s);
	else
		fputs(s, out);
}

static bool is_inline(const struct dnode *n)
{
	return (n->kind != DN_MAP && n->kind != DN_LIST) || n->flow || n->nkids == 0;
}

static void put_inline(FILE *out, const struct dnode *n)
{
	bool map = n->kind == DN_MAP;

	switch (n->kind) {
	case DN_STR: put_quoted(out, n->text); return;
	case DN_WORD: put_word(out, n->text); return;
	case DN_NUM: fputs(n->spelled, out); return;
	case DN_BOOL: fputs(n->num ? "true" : "false", out); return;
	case DN_MAP: case DN_LIST: break;
	}
	fputc(map ? '{' : '[', out);
	for (size_t i = 0; i < n->nkids; i++) {
		if (i)
			fputs(", ", out);
		if (map) {
			put_word(out, n->kids[i]->key);
			fputs(": ", out);
		}
		put_inline(out, n->kids[i]);
	}
	fputc(map ? '}' : ']', out);
}

static void put_block(FILE *out, const struct dnode *n, int indent);

/* One entry of a block map or list: "key:" or "-", then the value. */
static void put_entry(FILE *out, const struct dnode *parent, const struct dnode *kid, int indent)
{
	fprintf(out, "%*s", indent, "");
	if (parent->kind == DN_MAP) {
		put_word(out, kid->key);
		fputc(':', out);
	} else {
		fputc('-', out);
	}
	if (is_inline(kid)) {
		fputc(' ', out);
		put_inline(out, kid);
		fputc('\n', out);
	} else {
		fputc('\n', out);
		put_block(out, kid, indent + 2);
	}
}

static void put_block(FILE *out, const struct dnode *n, int indent)
{
	for (size_t i = 0; i < n->nkids; i++) {
		/* A blank line between top-level sections, as people write them. */
		if (indent == 0 && i > 0)
			fputc('\n', out);
		put_entry(out, n, n->kids[i], indent);
	}
}

int dtree_print_yaml(FILE *out, const struct dnode *root)
{
	put_block(out, root, 0);
	return ferror(out) ? -1 : 0;
}

int emit_yaml(FILE *out, const struct model *m)
{
	struct dnode *t = model_tree(m);
	int rc = dtree_print_yaml(out, t);

	dtree_free(t);
	return rc;
}
