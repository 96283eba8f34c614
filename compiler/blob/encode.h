/* encode.h - the model as a canonical blob (format v1, mica_blob.h).
 *
 * The model is already in the blob's order (model.h), so the encoder writes
 * its tables as they are and computes only what the model does not hold:
 * string offsets, the region index (by base) and the RIM index. */
#ifndef MICAC_ENCODE_H
#define MICAC_ENCODE_H

#include <stddef.h>
#include <stdint.h>

#include "sema/model.h"

enum encode_status {
	ENCODE_OK = 0,
	ENCODE_TOO_LARGE = -1,	/* a table or the blob exceeds the format's limits */
	ENCODE_INVALID = -2,	/* the result failed validation: a bug in micac */
};

/* Encodes M into a new buffer (*BLOB, *LEN; free it). The result is run
 * through the backend's validator; on ENCODE_INVALID, ERR (if not NULL)
 * says what the validator refused. Nothing is returned unless ENCODE_OK. */
int encode_model(const struct model *m, uint8_t **blob, size_t *len);
int encode_model_checked(const struct model *m, uint8_t **blob, size_t *len,
			 char *err, size_t errlen);
/* The same without the validator (ENCODE_OK or ENCODE_TOO_LARGE), for a
 * caller that runs blob_check itself, alongside other work on the blob
 * (policy_build.c). */
int encode_model_unchecked(const struct model *m, uint8_t **blob, size_t *len);

#endif
