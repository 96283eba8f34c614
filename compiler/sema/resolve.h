/* resolve.h - from a checked syntax tree to the model: names to indices in
 * the blob's total order (resolve_sort.c), regions placed (place.c). */
#ifndef MICAC_RESOLVE_H
#define MICAC_RESOLVE_H

#include "diag/diag.h"
#include "sema/model.h"
#include "syntax/ast.h"

/* Builds the sorted, placed model from a checked tree, with the layout
 * checks; 0 on success. */
int resolve(const struct ast *ast, struct model *m, struct diag_list *dl);

#endif
