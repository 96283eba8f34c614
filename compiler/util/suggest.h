/* suggest.h - "did you mean ...?" for misspelt names and keywords. */
#ifndef MICAC_SUGGEST_H
#define MICAC_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

/* The candidate closest to WORD by edit distance, or NULL when none is close
 * enough to be a likely typo (distance at most 1 for short words, a third of
 * the length for longer ones). A swap of two neighbouring letters is one
 * edit. For names, where no candidate grants more than another. */
const char *suggest_name(const char *word, const char *const *cands, size_t n);

/* The most values a suggest_value set may have. */
#define SUGGEST_MAX_VALUES 16

/* The same for a value whose candidates grant something: GRANTS[i] is a
 * bit set of what CANDS[i] allows (a permission, an exit, trust). The
 * suggestion never grants more than the value the user most likely meant:
 *  - among equally close candidates, the one that grants least is offered,
 *    and none when they grant different things (read and write);
 *  - a candidate that grants anything some other value of the set does
 *    not is offered only when WORD is one slip from it ('trustd', 'wirte'),
 *    never for a different word ('mistrusted', 'nottrusted', 'unwrite').
 * So for any misspelling one edit away from the intended value V, the
 * suggestion grants at most what V grants; farther away, only a value that
 * grants no more than every other value is suggested ('distrusted' gets
 * 'distrustful'). NULL: no suggestion. */
const char *suggest_value(const char *word, const char *const *cands, const unsigned *grants,
			  size_t n);

/* The edit distance between A and B (names of at most 64 bytes). */
size_t suggest_distance(const char *a, const char *b);

#endif
