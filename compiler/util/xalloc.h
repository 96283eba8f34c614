/* xalloc.h - allocation that cannot fail silently.
 * micac is a batch tool: running out of memory is reported and exits 3
 * (internal error) instead of threading NULL checks through every stage. */
#ifndef MICAC_XALLOC_H
#define MICAC_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grows *V (elements of SIZE bytes) so that index N fits, doubling the
 * capacity, and zeroes element N (only that one: the rest of the capacity is
 * left untouched, so pages nothing has used yet cost no memory). */
void xgrow(void *v, size_t *cap, size_t n, size_t size);
/* printf into a new string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

#endif
