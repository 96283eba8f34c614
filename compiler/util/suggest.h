/* suggest.h - "did you mean ...?" for misspelt names and keywords. */
#ifndef MICAC_SUGGEST_H
#define MICAC_SUGGEST_H

#include <stddef.h>

/* The candidate closest to WORD by edit distance, or NULL when none is close
 * enough to be a likely typo (distance at most 1 for short words, a third of
 * the length for longer ones). */
const char *suggest_name(const char *word, const char *const *cands, size_t n);

#endif
