/* blob_check.h - the backend's validator (backend/rmm_blob), with its
 * verdict turned into one line of text. The encoder runs it on every blob it
 * writes and the decoder on every blob it reads: one set of rules for both. */
#ifndef MICAC_BLOB_CHECK_H
#define MICAC_BLOB_CHECK_H

#include <stddef.h>

enum blob_check_status {
	BLOB_OK = 0,
	BLOB_INVALID = -1,	/* breaks a rule of the format */
	BLOB_VERSION = -2,	/* a format version this micac does not read */
};

/* Validates BLOB[0..SIZE) (8-byte aligned). On failure writes, if ERR is not
 * NULL, "offset 0x68: region 3: <the rule broken>" or, for BLOB_VERSION,
 * "format version N (this micac reads version 1)". */
int blob_check(const void *blob, size_t size, char *err, size_t errlen);

#endif
