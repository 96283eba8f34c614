/* parse.h - the Mica parser's entry point (parse.c, with lexer.l and
 * parser.y): source text to a syntax tree. */
#ifndef MICAC_PARSE_H
#define MICAC_PARSE_H

#include "diag/diag.h"
#include "syntax/ast.h"

/* Parses AST->src into AST; 0 when the parser saw no syntax error. */
int parse_mica(struct ast *ast, struct diag_list *dl);

#endif
