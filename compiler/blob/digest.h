/* digest.h - the policy digest, the RPV built from it, and the text forms
 * (hex, base64) that attestation tools take.
 *
 * digest = H(blob), H the policy's `digest` algorithm (MICA_DIGEST_*).
 * RPV    = digest, zero-padded on the right to 64 bytes: the value a realm's
 *          Realm Personalization Value must hold to be governed by the blob. */
#ifndef MICAC_DIGEST_H
#define MICAC_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define DIGEST_MAX_SIZE	64U	/* SHA-512 */
#define RPV_SIZE	64U	/* RMM 1.0: rpv is 512 bits */

/* Bytes of a digest of algorithm ALG (MICA_DIGEST_*), or 0 if ALG is unknown. */
size_t digest_size(uint8_t alg);
/* "sha256", "sha384", "sha512" (the policy language's spelling, from
 * keywords.h), or "?". */
const char *digest_name(uint8_t alg);

/* Hashes DATA[0..LEN) with ALG into OUT; returns the digest's size, or 0 when
 * ALG is unknown or mbedTLS fails. */
size_t digest_compute(uint8_t alg, const void *data, size_t len, uint8_t out[DIGEST_MAX_SIZE]);
/* RPV from a digest of N bytes (N <= RPV_SIZE). */
void digest_rpv(const uint8_t *digest, size_t n, uint8_t rpv[RPV_SIZE]);

/* Text encodings; each returns a new NUL-terminated string (free it). */
char *hex_encode(const uint8_t *p, size_t n);		/* lower case */
char *base64_encode(const uint8_t *p, size_t n);	/* RFC 4648 section 4, padded */
char *base64url_encode(const uint8_t *p, size_t n);	/* RFC 4648 section 5, unpadded */
/* Decodes exactly 2*N hex digits (either case) of TEXT into OUT; 0 on
 * success, -1 when TEXT is not that. */
int hex_decode(const char *text, uint8_t *out, size_t n);

#endif
