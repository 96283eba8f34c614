/* intern.h - every distinct name of one source stored once.
 *
 * The lexer, the YAML reader and the blob decoder intern each name they
 * read; the syntax tree and the model borrow the returned pointers instead
 * of copying them, so a name costs one hash lookup however often it is used,
 * and two equal names are the same pointer. The strings live until the
 * interner is freed (with its struct source, which owns it).
 *
 * Sorting happens once: intern_rank_all orders the distinct names by bytes
 * (strcmp order) and gives each its rank, so the checks and resolve compare
 * and sort names as integers. */
#ifndef MICAC_INTERN_H
#define MICAC_INTERN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct interner;

struct interner *interner_new(void);
void interner_free(struct interner *in);
/* The interned copy of TEXT[0..LEN), NUL-terminated; the same pointer for
 * the same bytes. */
const char *intern(struct interner *in, const char *text, size_t len);
static inline const char *intern_cstr(struct interner *in, const char *text)
{
	return intern(in, text, strlen(text));
}
/* Number of distinct names interned so far. */
size_t intern_count(const struct interner *in);
/* Ranks every distinct name by bytes (equal ranks for names strcmp finds
 * equal); does nothing when no name was added since the last call. */
void intern_rank_all(struct interner *in);

/* The rank of NAME, an interned name, as of the last intern_rank_all:
 * 0 .. intern_count()-1. The rank sits just before the text. */
static inline uint32_t intern_rank(const char *name)
{
	uint32_t r;

	memcpy(&r, name - 2 * sizeof(uint32_t), sizeof(r));
	return r;
}

#endif
