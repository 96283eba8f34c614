/* cbor_read.h - CBOR items from untrusted bytes, on libcbor.
 *
 * cbor_read_item runs libcbor's streaming decoder over the bytes first and
 * refuses, with a message, what libcbor's cbor_load would take badly or
 * what no CCA token holds: a truncated item, bytes after the item, a
 * collection that declares more entries than bytes remain (cbor_load would
 * allocate for the declared count), nesting deeper than CBOR_READ_MAX_DEPTH
 * (libcbor frees items recursively), chains of tags, indefinite lengths.
 * Only then does it call cbor_load. The getters below never fail silently:
 * each returns false and says why in ERR. */
#ifndef MICAC_CBOR_READ_H
#define MICAC_CBOR_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cbor.h>

#define CBOR_READ_MAX_DEPTH	8
#define CBOR_READ_MAX_BYTES	(64U * 1024U)	/* a CCA token is about 2 KiB */
#define CBOR_ERR_SIZE		200

struct cbor_err {
	char msg[CBOR_ERR_SIZE];
};

/* Formats ERR; returns false, for `return cbor_fail(...)`. */
bool cbor_fail(struct cbor_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Decodes exactly one item from DATA[0..LEN), named WHAT in messages.
 * Returns the item (cbor_decref it) or NULL with ERR set. */
cbor_item_t *cbor_read_item(const uint8_t *data, size_t len, const char *what,
			    struct cbor_err *err);

/* The value under integer key KEY of MAP, or NULL when absent (a borrowed
 * reference). A key present twice is an error: *DUP is set. */
cbor_item_t *cbor_read_map_get(const cbor_item_t *map, int64_t key, bool *dup);

/* An integer item (unsigned or negative) as int64_t. */
bool cbor_read_int(const cbor_item_t *it, int64_t *out);

/* A definite byte string's bytes. */
bool cbor_read_bytes(const cbor_item_t *it, const uint8_t **p, size_t *n);
/* A definite text string's bytes (not NUL-terminated). */
bool cbor_read_text(const cbor_item_t *it, const char **p, size_t *n);

#endif
