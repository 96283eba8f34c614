/* lex.h - what the Mica lexer offers other stages. */
#ifndef MICAC_LEX_H
#define MICAC_LEX_H

#include <stdbool.h>
#include <stddef.h>

/* Is TEXT[0..LEN) a Mica keyword, so that it cannot be a name? The lexer's
 * own list (lex_actions.c), shared with the YAML front end so that a YAML
 * policy never holds a name that Mica could not write. */
bool lex_is_reserved(const char *text, size_t len);
/* The I-th keyword in alphabetical order, or NULL past the last (for
 * completion in editors). */
const char *lex_reserved_word(size_t i);

#endif
