/* cose.h - COSE_Sign1 (RFC 9052) messages and EC2 keys, read with libcbor,
 * checked with mbedTLS: the two signatures of a CCA attestation token. */
#ifndef MICAC_COSE_H
#define MICAC_COSE_H

#include <mbedtls/ecp.h>

#include "verify/cbor_read.h"

#define COSE_TAG_SIGN1	18
#define COSE_ALG_ES256	(-7)
#define COSE_ALG_ES384	(-35)
#define COSE_ALG_ES512	(-36)

struct cose_sign1 {
	cbor_item_t *root;		/* owns the bytes below */
	const uint8_t *protected_hdr;	/* the serialized protected header */
	size_t protected_len;
	const uint8_t *payload;
	size_t payload_len;
	const uint8_t *sig;
	size_t sig_len;
	int64_t alg;			/* COSE_ALG_*: the protected header's 1 */
};

/* Reads a COSE_Sign1 (tag 18 or untagged) from DATA; checks its shape,
 * that the algorithm is one of ES256/ES384/ES512 and that the signature
 * has that algorithm's size. False with ERR set otherwise. */
bool cose_sign1_read(const uint8_t *data, size_t len, const char *what, struct cose_sign1 *m,
		     struct cbor_err *err);
void cose_sign1_free(struct cose_sign1 *m);
/* Whether DATA starts with tag 18 in its one-byte head (0xD2), which
 * libcbor 0.8 cannot decode (see cose.c). */
bool cose_sign1_tag_head(const uint8_t *data, size_t len);

/* An EC public key. */
struct cose_key {
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
};

void cose_key_init(struct cose_key *k);
void cose_key_free(struct cose_key *k);
/* From a COSE_Key (RFC 9053 EC2: kty 2, crv 1/2/3, x, y), or from a raw
 * uncompressed SEC1 point (0x04 || x || y), as RMM 1.0 beta tokens carry
 * the RAK. The point must be on the curve. */
bool cose_key_read(struct cose_key *k, const uint8_t *data, size_t len, const char *what,
		   struct cbor_err *err);

enum cose_verdict {
	COSE_VALID,
	COSE_INVALID,		/* the signature does not verify: a claim fails */
	COSE_UNUSABLE,		/* key and algorithm do not go together (ERR says why) */
};

/* Checks M's signature with KEY over Sig_structure ["Signature1",
 * protected, h'', payload]. */
enum cose_verdict cose_sign1_verify(const struct cose_sign1 *m, const struct cose_key *key,
				    struct cbor_err *err);

/* "ES384", ...; "?" for others. */
const char *cose_alg_name(int64_t alg);

#endif
