/* resolve.h - from a checked syntax tree to the model: names to indices in
 * the blob's total order (resolve_sort.c), regions placed (place.c). */
#ifndef MICAC_RESOLVE_H
#define MICAC_RESOLVE_H

#include "diag/diag.h"
#include "sema/model.h"
#include "syntax/ast.h"

/* Builds the sorted model from a checked tree and, when PLACE, places its
 * regions with the layout checks. 0 on success, -1 when the layout has
 * errors; either way M is built (names, trust, grants, calls: all the flow
 * analysis needs) and the caller frees it. Without PLACE, addresses are
 * left as written (0 where there was no `at`). */
int resolve(const struct ast *ast, struct model *m, bool place, struct diag_list *dl);

#endif
