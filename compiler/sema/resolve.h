/* resolve.h - from a checked syntax tree to the model: names to indices in
 * the blob's total order (resolve_sort.c), regions placed (place.c). */
#ifndef MICAC_RESOLVE_H
#define MICAC_RESOLVE_H

#include "diag/diag.h"
#include "sema/model.h"
#include "syntax/ast.h"

enum resolve_flags {
	RESOLVE_PLACE = 1,	/* place the regions, with the layout checks */
	RESOLVE_FREE_TREE = 2,	/* free each part of AST once the model holds it
				 * (ast_free_part), so that a large policy's tree
				 * and model never both exist whole; AST is then
				 * only good for ast_free */
};

/* Builds the sorted model from a checked tree and, with RESOLVE_PLACE,
 * places its regions with the layout checks. 0 on success, -1 when the
 * layout has errors; either way M is built (names, trust, grants, calls: all
 * the flow analysis needs) and the caller frees it. Without RESOLVE_PLACE,
 * addresses are left as written (0 where there was no `at`). */
int resolve(struct ast *ast, struct model *m, unsigned flags, struct diag_list *dl);

#endif
