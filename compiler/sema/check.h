/* check.h - the checks on a syntax tree, one file each (see frontend.h for
 * check_ast, which runs them all). */
#ifndef MICAC_CHECK_H
#define MICAC_CHECK_H

#include "syntax/ast.h"
#include "diag/diag.h"
#include "frontend.h"

/* Names: declarations, the reserved `host`, and every reference. */
void check_names(const struct ast *ast, bool partial, struct diag_list *dl);

#endif
