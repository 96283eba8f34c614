/* parse.h - the Mica parser's entry point (parse.c, with lexer.l and
 * parser.y): source text to a syntax tree. */
#ifndef MICAC_PARSE_H
#define MICAC_PARSE_H

#include <stdbool.h>

#include "diag/diag.h"
#include "syntax/ast.h"

/* Parses AST->src into AST; 0 when the parser saw no syntax error. For a
 * source of 256 KiB or more, the scanner runs on a thread of its own
 * (syntax/lex_queue.h). */
int parse_mica(struct ast *ast, struct diag_list *dl);
/* The same, with the scanner on the parser's thread when THREADED is false:
 * the result is the same either way (tests/unit/test_lex_queue.c). */
int parse_mica_threaded(struct ast *ast, struct diag_list *dl, bool threaded);

#endif
