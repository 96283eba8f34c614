/* yaml_front.h - the YAML (and JSON) front end's entry point: the same
 * syntax tree as the Mica parser, from the YAML form of a policy. */
#ifndef MICAC_YAML_FRONT_H
#define MICAC_YAML_FRONT_H

#include "diag/diag.h"
#include "syntax/ast.h"

/* Parses AST->src into AST; 0 when the document had the expected shape. */
int parse_yaml(struct ast *ast, struct diag_list *dl);

#endif
