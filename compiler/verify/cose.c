/* cose.c - COSE_Sign1 and EC2 keys (see cose.h). CBOR through libcbor,
 * hashes and ECDSA through mbedTLS; nothing here parses bytes by hand. */
#include <stdlib.h>
#include <string.h>

#include <mbedtls/bignum.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/md.h>

#include "verify/cose.h"

static const struct alg {
	int64_t id;
	const char *name;
	mbedtls_ecp_group_id curve;
	int cose_crv;			/* the COSE curve id */
	mbedtls_md_type_t md;
	size_t coord;			/* bytes of a coordinate, of r and of s */
} algs[] = {
	{COSE_ALG_ES256, "ES256", MBEDTLS_ECP_DP_SECP256R1, 1, MBEDTLS_MD_SHA256, 32},
	{COSE_ALG_ES384, "ES384", MBEDTLS_ECP_DP_SECP384R1, 2, MBEDTLS_MD_SHA384, 48},
	{COSE_ALG_ES512, "ES512", MBEDTLS_ECP_DP_SECP521R1, 3, MBEDTLS_MD_SHA512, 66},
};
#define NALGS (sizeof(algs) / sizeof(algs[0]))

static const struct alg *alg_by_id(int64_t id)
{
	for (size_t i = 0; i < NALGS; i++)
		if (algs[i].id == id)
			return &algs[i];
	return NULL;
}

const char *cose_alg_name(int64_t alg)
{
	const struct alg *a = alg_by_id(alg);

	return a ? a->name : "?";
}

void cose_sign1_free(struct cose_sign1 *m)
{
	if (m->root)
		cbor_decref(&m->root);
	memset(m, 0, sizeof(*m));
}

/* The protected header: a serialized map whose key 1 is the algorithm. */
static bool read_alg(struct cose_sign1 *m, const char *what, struct cbor_err *err)
{
	cbor_item_t *hdr, *alg;
	bool dup = false, ok;

	if (m->protected_len == 0)
		return cbor_fail(err, "%s: the protected header is empty (it must name the "
				 "algorithm)", what);
	hdr = cbor_read_item(m->protected_hdr, m->protected_len, what, err);
	if (!hdr)
		return false;
	ok = cbor_isa_map(hdr);
	alg = ok ? cbor_read_map_get(hdr, 1, &dup) : NULL;
	if (!ok)
		cbor_fail(err, "%s: the protected header is not a map", what);
	else if (!alg || dup || !cbor_read_int(alg, &m->alg))
		ok = cbor_fail(err, "%s: the protected header has no algorithm (key 1, an "
			       "integer, once)", what);
	cbor_decref(&hdr);
	return ok;
}

/*
 * libcbor 0.8 (Debian 12) refuses tags 6 to 20 written in a one-byte head
 * (0xC6..0xD4) as "unassigned" (PJK/libcbor#307, fixed in later releases),
 * and that is exactly how COSE_Sign1's tag 18 is written: 0xD2. So that one
 * byte is recognised here and the rest is handed to libcbor. Anywhere else
 * such a tag stays refused, as malformed; a CCA token has none.
 */
#define COSE_SIGN1_TAG_HEAD 0xD2

bool cose_sign1_tag_head(const uint8_t *data, size_t len)
{
	return len > 0 && data[0] == COSE_SIGN1_TAG_HEAD;
}

bool cose_sign1_read(const uint8_t *data, size_t len, const char *what, struct cose_sign1 *m,
		     struct cbor_err *err)
{
	cbor_item_t *it, *arr, **v;
	const struct alg *a;

	memset(m, 0, sizeof(*m));
	if (cose_sign1_tag_head(data, len)) {
		data++;
		len--;
	}
	m->root = it = cbor_read_item(data, len, what, err);
	if (!it)
		return false;
	arr = it;
	if (cbor_isa_tag(it)) {
		if (cbor_tag_value(it) != COSE_TAG_SIGN1) {
			cbor_fail(err, "%s: CBOR tag %llu, expected %d (COSE_Sign1)", what,
				  (unsigned long long)cbor_tag_value(it), COSE_TAG_SIGN1);
			goto bad;
		}
		cbor_item_t *inner = cbor_tag_item(it);	/* a new reference */

		arr = inner;
		cbor_decref(&inner);	/* ARR stays alive: IT holds it */
	}
	if (!cbor_isa_array(arr) || cbor_array_size(arr) != 4) {
		cbor_fail(err, "%s: not a COSE_Sign1 (expected an array of 4 items)", what);
		goto bad;
	}
	v = cbor_array_handle(arr);
	if (!cbor_read_bytes(v[0], &m->protected_hdr, &m->protected_len) || !cbor_isa_map(v[1]) ||
	    !cbor_read_bytes(v[2], &m->payload, &m->payload_len) ||
	    !cbor_read_bytes(v[3], &m->sig, &m->sig_len)) {
		cbor_fail(err, "%s: not a COSE_Sign1 (expected [protected bytes, unprotected map, "
			  "payload bytes, signature bytes])", what);
		goto bad;
	}
	if (!read_alg(m, what, err))
		goto bad;
	a = alg_by_id(m->alg);
	if (!a) {
		cbor_fail(err, "%s: algorithm %lld is not ES256 (-7), ES384 (-35) or ES512 (-36)",
			  what, (long long)m->alg);
		goto bad;
	}
	if (m->sig_len != 2 * a->coord) {
		cbor_fail(err, "%s: a %s signature has %zu bytes, this one %zu", what, a->name,
			  2 * a->coord, m->sig_len);
		goto bad;
	}
	return true;
bad:
	cose_sign1_free(m);
	return false;
}

void cose_key_init(struct cose_key *k)
{
	mbedtls_ecp_group_init(&k->grp);
	mbedtls_ecp_point_init(&k->q);
}

void cose_key_free(struct cose_key *k)
{
	mbedtls_ecp_group_free(&k->grp);
	mbedtls_ecp_point_free(&k->q);
}

/* Loads the curve and the point 0x04 || X || Y. */
static bool load_point(struct cose_key *k, const struct alg *a, const uint8_t *x,
		       const uint8_t *y, const char *what, struct cbor_err *err)
{
	uint8_t pt[1 + 2 * 66];

	pt[0] = 0x04;
	memcpy(pt + 1, x, a->coord);
	memcpy(pt + 1 + a->coord, y, a->coord);
	if (mbedtls_ecp_group_load(&k->grp, a->curve) != 0 ||
	    mbedtls_ecp_point_read_binary(&k->grp, &k->q, pt, 1 + 2 * a->coord) != 0 ||
	    mbedtls_ecp_check_pubkey(&k->grp, &k->q) != 0)
		return cbor_fail(err, "%s: not a point of %s's curve", what, a->name);
	return true;
}

static bool read_cose_key(struct cose_key *k, const cbor_item_t *map, const char *what,
			  struct cbor_err *err)
{
	cbor_item_t *kty = NULL, *crv = NULL, *x = NULL, *y = NULL;
	const uint8_t *xp = NULL, *yp = NULL;
	size_t xn = 0, yn = 0;
	int64_t ktyv = 0, crvv = 0;
	bool dup = false;

	kty = cbor_read_map_get(map, 1, &dup);
	crv = cbor_read_map_get(map, -1, &dup);
	x = cbor_read_map_get(map, -2, &dup);
	y = cbor_read_map_get(map, -3, &dup);
	if (dup)
		return cbor_fail(err, "%s: a COSE_Key parameter appears twice", what);
	if (!kty || !cbor_read_int(kty, &ktyv) || ktyv != 2)
		return cbor_fail(err, "%s: COSE_Key kty is not 2 (EC2)", what);
	if (!crv || !cbor_read_int(crv, &crvv))
		return cbor_fail(err, "%s: COSE_Key has no curve (-1)", what);
	for (size_t i = 0; i < NALGS; i++) {
		if (algs[i].cose_crv != crvv)
			continue;
		if (!x || !y || !cbor_read_bytes(x, &xp, &xn) || !cbor_read_bytes(y, &yp, &yn) ||
		    xn != algs[i].coord || yn != algs[i].coord)
			return cbor_fail(err, "%s: COSE_Key x and y must be %zu-byte strings", what,
					 algs[i].coord);
		return load_point(k, &algs[i], xp, yp, what, err);
	}
	return cbor_fail(err, "%s: COSE_Key curve %lld is not P-256 (1), P-384 (2) or P-521 (3)",
			 what, (long long)crvv);
}

bool cose_key_read(struct cose_key *k, const uint8_t *data, size_t len, const char *what,
		   struct cbor_err *err)
{
	cbor_item_t *map;
	bool ok;

	for (size_t i = 0; i < NALGS; i++)
		if (len == 1 + 2 * algs[i].coord && data[0] == 0x04)
			return load_point(k, &algs[i], data + 1, data + 1 + algs[i].coord, what,
					  err);
	map = cbor_read_item(data, len, what, err);
	if (!map)
		return false;
	ok = cbor_isa_map(map) ? read_cose_key(k, map, what, err)
			       : cbor_fail(err, "%s: neither a COSE_Key nor an EC point", what);
	cbor_decref(&map);
	return ok;
}

/* Sig_structure for COSE_Sign1, serialized by libcbor. Free *OUT. */
static size_t sig_structure(const struct cose_sign1 *m, unsigned char **out)
{
	cbor_item_t *a = cbor_new_definite_array(4);
	cbor_item_t *parts[4];
	size_t size = 0, n = 0;
	bool ok = a != NULL;

	parts[0] = cbor_build_string("Signature1");
	parts[1] = cbor_build_bytestring(m->protected_hdr, m->protected_len);
	parts[2] = cbor_build_bytestring((const unsigned char *)"", 0);	/* external_aad */
	parts[3] = cbor_build_bytestring(m->payload, m->payload_len);
	for (size_t i = 0; i < 4; i++) {
		ok = ok && parts[i] && cbor_array_push(a, parts[i]);
		if (parts[i])
			cbor_decref(&parts[i]);
	}
	*out = NULL;
	if (ok)
		n = cbor_serialize_alloc(a, out, &size);
	if (a)
		cbor_decref(&a);
	return n;
}

enum cose_verdict cose_sign1_verify(const struct cose_sign1 *m, const struct cose_key *key,
				    struct cbor_err *err)
{
	const struct alg *a = alg_by_id(m->alg);
	unsigned char *tbs, hash[MBEDTLS_MD_MAX_SIZE];
	const mbedtls_md_info_t *md;
	mbedtls_mpi r, s;
	size_t n;
	int rc;

	if (!a || key->grp.id != a->curve) {
		cbor_fail(err, "the signature's algorithm %s does not match the key's curve",
			  cose_alg_name(m->alg));
		return COSE_UNUSABLE;
	}
	md = mbedtls_md_info_from_type(a->md);
	n = sig_structure(m, &tbs);
	rc = (n == 0 || !md) ? -1 : mbedtls_md(md, tbs, n, hash);
	free(tbs);
	if (rc != 0) {
		cbor_fail(err, "could not hash the signed structure");
		return COSE_UNUSABLE;
	}
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	rc = mbedtls_mpi_read_binary(&r, m->sig, a->coord) ||
	     mbedtls_mpi_read_binary(&s, m->sig + a->coord, a->coord) ||
	     mbedtls_ecdsa_verify((mbedtls_ecp_group *)&key->grp, hash,
				  mbedtls_md_get_size(md), &key->q, &r, &s);
	mbedtls_mpi_free(&r);
	mbedtls_mpi_free(&s);
	if (rc != 0) {
		cbor_fail(err, "the %s signature does not verify", a->name);
		return COSE_INVALID;
	}
	return COSE_VALID;
}
