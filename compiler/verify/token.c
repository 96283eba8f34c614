/* token.c - reading a CCA attestation token (see token.h). */
#include <string.h>

#include "verify/token.h"

void cca_token_free(struct cca_token *t)
{
	cose_sign1_free(&t->platform);
	cose_sign1_free(&t->realm);
	if (t->platform_claims)
		cbor_decref(&t->platform_claims);
	if (t->realm_claims)
		cbor_decref(&t->realm_claims);
	memset(t, 0, sizeof(*t));
}

size_t cca_hash_size(struct bytes name)
{
	static const struct {
		const char *name;
		size_t size;
	} names[] = {{"sha-256", 32}, {"sha-384", 48}, {"sha-512", 64}};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (name.n == strlen(names[i].name) && memcmp(name.p, names[i].name, name.n) == 0)
			return names[i].size;
	return 0;
}

enum claim_type { CLAIM_BYTES, CLAIM_TEXT };

/* Claim KEY of the claims map: present once and of TYPE. */
static bool claim(const cbor_item_t *map, int64_t key, const char *name, enum claim_type type,
		  bool optional, struct bytes *out, struct cbor_err *err)
{
	bool dup = false;
	cbor_item_t *v = cbor_read_map_get(map, key, &dup);

	if (dup)
		return cbor_fail(err, "realm token: claim %s (%lld) appears twice", name,
				 (long long)key);
	if (!v)
		return optional || cbor_fail(err, "realm token: claim %s (%lld) is missing", name,
					     (long long)key);
	if (type == CLAIM_BYTES ? !cbor_read_bytes(v, &out->p, &out->n)
				: !cbor_read_text(v, (const char **)&out->p, &out->n))
		return cbor_fail(err, "realm token: claim %s (%lld) is not a %s string", name,
				 (long long)key, type == CLAIM_BYTES ? "byte" : "text");
	return true;
}

/* A COSE_Sign1's payload: a claims map, decoded into *CLAIMS. */
static bool claims_map(const struct cose_sign1 *m, const char *what, cbor_item_t **claims,
		       struct cbor_err *err)
{
	*claims = cbor_read_item(m->payload, m->payload_len, what, err);
	if (!*claims)
		return false;
	if (!cbor_isa_map(*claims))
		return cbor_fail(err, "%s: the payload is not a claims map", what);
	return true;
}

static bool read_realm(const uint8_t *p, size_t n, struct cca_token *t, struct cbor_err *err)
{
	const cbor_item_t *c;
	cbor_item_t *rem;
	bool dup = false;

	if (!cose_sign1_read(p, n, "realm token", &t->realm, err) ||
	    !claims_map(&t->realm, "realm token claims", &t->realm_claims, err))
		return false;
	c = t->realm_claims;
	if (!claim(c, CCA_CHALLENGE, "challenge", CLAIM_BYTES, false, &t->challenge, err) ||
	    !claim(c, CCA_REALM_PERSONALIZATION_VALUE, "personalization value", CLAIM_BYTES,
		   false, &t->rpv, err) ||
	    !claim(c, CCA_REALM_INITIAL_MEASUREMENT, "initial measurement", CLAIM_BYTES, false,
		   &t->rim, err) ||
	    !claim(c, CCA_REALM_PUB_KEY, "public key", CLAIM_BYTES, false, &t->rak, err) ||
	    !claim(c, CCA_REALM_HASH_ALGO_ID, "hash algo id", CLAIM_TEXT, false, &t->hash_algo,
		   err) ||
	    !claim(c, CCA_REALM_PUB_KEY_HASH_ALGO_ID, "public key hash algo id", CLAIM_TEXT,
		   false, &t->rak_hash_algo, err) ||
	    !claim(c, CCA_PROFILE, "profile", CLAIM_TEXT, true, &t->profile, err))
		return false;
	if (t->rpv.n != CCA_RPV_SIZE)
		return cbor_fail(err, "realm token: the personalization value has %zu bytes, not %d",
				 t->rpv.n, CCA_RPV_SIZE);
	rem = cbor_read_map_get(c, CCA_REALM_EXTENSIBLE_MEASUREMENTS, &dup);
	if (dup || (rem && !cbor_isa_array(rem)))
		return cbor_fail(err, "realm token: extensible measurements (44239) must be one "
				 "array");
	t->nrem = rem ? cbor_array_size(rem) : 0;
	return true;
}

static bool read_platform(const uint8_t *p, size_t n, struct cca_token *t, struct cbor_err *err)
{
	cbor_item_t *v;
	bool dup = false;

	t->has_platform = true;
	if (!cose_sign1_read(p, n, "platform token", &t->platform, err) ||
	    !claims_map(&t->platform, "platform token claims", &t->platform_claims, err))
		return false;
	v = cbor_read_map_get(t->platform_claims, CCA_CHALLENGE, &dup);
	if (!v || dup || !cbor_read_bytes(v, &t->platform_challenge.p, &t->platform_challenge.n))
		return cbor_fail(err, "platform token: claim challenge (10) must be one byte "
				 "string");
	return true;
}

/* The collection: tag 399 around {44234: bytes, 44241: bytes}. */
static bool read_collection(const cbor_item_t *tagged, struct cca_token *t, struct cbor_err *err)
{
	cbor_item_t *map = cbor_tag_item(tagged);	/* a new reference */
	cbor_item_t *plat, *realm;
	struct bytes pb, rb;
	bool dup = false, ok;

	ok = cbor_isa_map(map);
	plat = ok ? cbor_read_map_get(map, CCA_PLATFORM_TOKEN, &dup) : NULL;
	realm = ok ? cbor_read_map_get(map, CCA_REALM_DELEGATED_TOKEN, &dup) : NULL;
	if (!ok)
		ok = cbor_fail(err, "CCA token: tag 399 must hold a map");
	else if (dup || !realm || !plat || cbor_map_size(map) != 2)
		ok = cbor_fail(err, "CCA token: the map must hold exactly the platform token "
			       "(44234) and the realm token (44241)");
	else if (!cbor_read_bytes(plat, &pb.p, &pb.n) || !cbor_read_bytes(realm, &rb.p, &rb.n))
		ok = cbor_fail(err, "CCA token: the platform and realm tokens must be byte strings");
	else
		ok = read_platform(pb.p, pb.n, t, err) && read_realm(rb.p, rb.n, t, err);
	cbor_decref(&map);
	return ok;
}

bool cca_token_read(const uint8_t *data, size_t len, struct cca_token *t, struct cbor_err *err)
{
	cbor_item_t *top;
	bool ok;

	memset(t, 0, sizeof(*t));
	if (cose_sign1_tag_head(data, len)) {
		ok = read_realm(data, len, t, err);
		if (!ok)
			cca_token_free(t);
		return ok;
	}
	top = cbor_read_item(data, len, "token", err);
	if (!top)
		return false;
	if (cbor_isa_tag(top) && cbor_tag_value(top) == CCA_TAG_TOKEN)
		ok = read_collection(top, t, err);
	else if ((cbor_isa_tag(top) && cbor_tag_value(top) == COSE_TAG_SIGN1) ||
		 cbor_isa_array(top))
		ok = read_realm(data, len, t, err);
	else if (cbor_isa_tag(top))
		ok = cbor_fail(err, "token: CBOR tag %llu, expected 399 (CCA token) or 18 (a bare "
			       "realm token, COSE_Sign1)", (unsigned long long)cbor_tag_value(top));
	else
		ok = cbor_fail(err, "token: neither a CCA token (tag 399) nor a realm token "
			       "(COSE_Sign1)");
	cbor_decref(&top);
	if (!ok)
		cca_token_free(t);
	return ok;
}
