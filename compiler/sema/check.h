/* check.h - the semantic checks: on a syntax tree (names, properties and
 * values, one file each) and on a built model (warnings). */
#ifndef MICAC_CHECK_H
#define MICAC_CHECK_H

#include "syntax/ast.h"
#include "diag/diag.h"
#include "sema/model.h"

/* Names, properties, values (check_names.c, check_props.c). PARTIAL: the
 * tree is incomplete after syntax errors, so skip the checks whose errors
 * would only echo them (undeclared names, missing properties). */
void check_ast(const struct ast *ast, bool partial, struct diag_list *dl);
/* Warnings about a built model (check_warnings.c). */
void check_warnings(const struct model *m, struct diag_list *dl);
/* What RMM 1.0 cannot run (W0107: a 48-byte measurement), for the commands
 * that prepare a deployment (micac endorse). */
void check_rmm10(const struct model *m, struct diag_list *dl);

/* Names: declarations, the reserved `host`, and every reference. */
void check_names(const struct ast *ast, bool partial, struct diag_list *dl);

#endif
