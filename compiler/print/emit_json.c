/* emit_json.c - document trees as JSON, and a model in JSON form (see
 * emit.h, doctree.h). The model's JSON has the shape of its YAML form with
 * numbers in decimal, so the YAML front end reads it back (JSON is YAML). */
#include <inttypes.h>

#include "print/emit.h"
#include "util/json_writer.h"

static void put_value(FILE *out, const struct dnode *n, int indent);

static void put_container(FILE *out, const struct dnode *n, int indent)
{
	bool map = n->kind == DN_MAP, flow = n->flow || n->nkids == 0;

	fputc(map ? '{' : '[', out);
	for (size_t i = 0; i < n->nkids; i++) {
		if (i)
			fputc(',', out);
		if (flow)
			fputs(i ? " " : "", out);
		else
			fprintf(out, "\n%*s", indent + 2, "");
		if (map) {
			json_put_quoted(out, n->kids[i]->key);
			fputs(": ", out);
		}
		put_value(out, n->kids[i], indent + 2);
	}
	if (!flow)
		fprintf(out, "\n%*s", indent, "");
	fputc(map ? '}' : ']', out);
}

static void put_value(FILE *out, const struct dnode *n, int indent)
{
	switch (n->kind) {
	case DN_STR: case DN_WORD: json_put_quoted(out, n->text); break;
	case DN_NUM: fprintf(out, "%" PRIu64, n->num); break;
	case DN_BOOL: fputs(n->num ? "true" : "false", out); break;
	case DN_MAP: case DN_LIST: put_container(out, n, indent); break;
	}
}

int dtree_print_json(FILE *out, const struct dnode *root)
{
	put_value(out, root, 0);
	fputc('\n', out);
	return ferror(out) ? -1 : 0;
}

int emit_json(FILE *out, const struct model *m)
{
	struct dnode *t = model_tree(m);
	int rc = dtree_print_json(out, t);

	dtree_free(t);
	return rc;
}
