/* fuzz_compile.h - what the source fuzz targets share: one input through
 * the whole pipeline, with abort() on any result micac must never give. */
#ifndef MICAC_FUZZ_COMPILE_H
#define MICAC_FUZZ_COMPILE_H

#include <stddef.h>
#include <stdint.h>

#include "frontend.h"

/* Runs DATA (SIZE bytes) as LANG through frontend_run_mem; when a model
 * is built without errors, encodes it, digests the blob and checks that
 * the blob decodes and re-encodes to itself. Aborts on a broken rule. */
void fuzz_compile(const uint8_t *data, size_t size, enum input_lang lang);

/* The round-trip rules on a blob the validator accepted: decode_blob must
 * succeed and encode_model must give back exactly BLOB; and the blob's
 * source form (decode, print Mica, compile) must give back exactly BLOB.
 * Aborts otherwise. */
void fuzz_blob_roundtrip(const uint8_t *blob, size_t len);

/* The blob of a policy the fuzzer builds on, not one it mutates: NAME
 * (whose extension gives the language) must compile cleanly, else abort.
 * *LEN gets the blob's size; free the result. */
uint8_t *fuzz_policy_blob(const char *name, const void *data, size_t size, size_t *len);

#endif
