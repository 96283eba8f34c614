/* emit.h - printing a model as canonical source: Mica, YAML or JSON.
 *
 * Canonical means one text per model: declarations in the blob's order
 * (policy, realms by name, regions by name with grants by realm, calls by
 * caller then callee, then asserts), every property spelled out (defaults
 * included, and each region's base), values in spell.h's spellings. Each
 * form compiles back to the same blob. Each function returns 0, or -1 when
 * writing to OUT failed. */
#ifndef MICAC_EMIT_H
#define MICAC_EMIT_H

#include <stdio.h>

#include "util/doctree.h"
#include "sema/model.h"

int emit_mica(FILE *out, const struct model *m);	/* emit_mica.c */
int emit_yaml(FILE *out, const struct model *m);	/* emit_yaml.c */
int emit_json(FILE *out, const struct model *m);	/* emit_json.c */

/* The model as the document tree that emit_yaml and emit_json print
 * (model_tree.c); free it with dtree_free. */
struct dnode *model_tree(const struct model *m);

#endif
