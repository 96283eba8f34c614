/* mktoken.c - writes CCA attestation tokens for micac verify's tests:
 * a realm token signed (deterministic ECDSA, RFC 6979) with a test RAK and,
 * unless --bare, a platform token signed with a test CPAK that binds the
 * RAK (its challenge is SHA-256 of the RAK's COSE_Key), wrapped in the CCA
 * collection (tag 399). CBOR through libcbor, signatures through mbedTLS.
 * The keys are derived from fixed strings, so the tokens are byte-stable.
 *
 *   mktoken [OPTIONS] -o OUT
 *     --rpv HEX --rim HEX --challenge HEX   claim values (RPV padded to 64)
 *     --hash-algo NAME   the hash algo id claim (default from the RIM's size)
 *     --bare             the realm token alone
 *     --alg N            the realm token's COSE algorithm header (default -35)
 *     --sig-len N        cut or pad the realm signature to N bytes
 *     --bad-sig          flip a bit of the realm signature
 *     --bad-binding      the platform challenge is not H(RAK)
 *     --raw-rak          the RAK as an EC point, not a COSE_Key
 *     --drop KEY         leave realm claim KEY out
 *     --cpak-pem FILE    also write the CPAK's public key (PEM)
 *     --other-cpak       sign the platform token with another key
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cbor.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/pk.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>

struct buf {
	unsigned char p[2048];
	size_t n;
};

static void die(const char *msg)
{
	fprintf(stderr, "mktoken: %s\n", msg);
	exit(2);
}

static void hex(const char *s, struct buf *b)
{
	size_t n = strlen(s);

	if (n % 2 || n / 2 > sizeof(b->p))
		die("bad hex");
	for (size_t i = 0; i < n / 2; i++) {
		unsigned v;

		if (sscanf(s + 2 * i, "%2x", &v) != 1)
			die("bad hex");
		b->p[i] = (unsigned char)v;
	}
	b->n = n / 2;
}

/* A fixed "random" source: mbedTLS wants one for blinding. */
static int fixed_rng(void *ctx, unsigned char *out, size_t n)
{
	unsigned *state = ctx;

	for (size_t i = 0; i < n; i++)
		out[i] = (unsigned char)((*state = *state * 1103515245u + 12345u) >> 16);
	return 0;
}

/* A P-384 key pair whose secret is SHA-384(LABEL). */
static void key_from(mbedtls_ecp_keypair *k, const char *label)
{
	unsigned char d[64];
	unsigned seed = 1;

	mbedtls_ecp_keypair_init(k);
	mbedtls_sha512_ret((const unsigned char *)label, strlen(label), d, 1);
	if (mbedtls_ecp_group_load(&k->grp, MBEDTLS_ECP_DP_SECP384R1) ||
	    mbedtls_mpi_read_binary(&k->d, d, 48) || mbedtls_ecp_check_privkey(&k->grp, &k->d) ||
	    mbedtls_ecp_mul(&k->grp, &k->Q, &k->d, &k->grp.G, fixed_rng, &seed))
		die("key derivation failed");
}

/* An integer in its shortest encoding, as deterministic CBOR wants. */
static cbor_item_t *int_item(int64_t v)
{
	uint64_t u = v >= 0 ? (uint64_t)v : (uint64_t)(-1 - v);
	cbor_item_t *it = u < 256 ? cbor_build_uint8((uint8_t)u)
		       : u < 65536 ? cbor_build_uint16((uint16_t)u) : cbor_build_uint32((uint32_t)u);

	if (v < 0)
		cbor_mark_negint(it);
	return it;
}

static cbor_item_t *bytes(const unsigned char *p, size_t n)
{
	return cbor_build_bytestring(p, n);
}

static void put(cbor_item_t *map, int64_t key, cbor_item_t *v)
{
	cbor_item_t *k = int_item(key);

	if (!cbor_map_add(map, (struct cbor_pair){.key = k, .value = v}))
		die("cbor_map_add");
	cbor_decref(&k);
	cbor_decref(&v);
}

static size_t serialize(cbor_item_t *it, struct buf *out)
{
	out->n = cbor_serialize(it, out->p, sizeof(out->p));
	if (out->n == 0)
		die("serialize");
	return out->n;
}

/* The RAK as a COSE_Key {1: 2, -1: 2, -2: x, -3: y}, or as a raw point. */
static void rak_bytes(const mbedtls_ecp_keypair *k, int raw, struct buf *out)
{
	unsigned char pt[97];
	size_t n;
	cbor_item_t *m;

	if (mbedtls_ecp_point_write_binary(&k->grp, &k->Q, MBEDTLS_ECP_PF_UNCOMPRESSED, &n, pt,
					   sizeof(pt)))
		die("point");
	if (raw) {
		memcpy(out->p, pt, n);
		out->n = n;
		return;
	}
	m = cbor_new_definite_map(4);
	put(m, 1, cbor_build_uint8(2));
	put(m, -1, cbor_build_uint8(2));
	put(m, -2, bytes(pt + 1, 48));
	put(m, -3, bytes(pt + 49, 48));
	serialize(m, out);
	cbor_decref(&m);
}

/* COSE_Sign1 tag 18 [h'{1: ALG}', {}, payload, signature] in OUT. */
static void sign1(const mbedtls_ecp_keypair *k, int64_t alg, const struct buf *payload,
		  int bad_sig, long sig_len, unsigned char *out, size_t *outn, size_t cap)
{
	cbor_item_t *hdr = cbor_new_definite_map(1), *tbs = cbor_new_definite_array(4);
	cbor_item_t *arr = cbor_new_definite_array(4), *tag, *tmp;
	struct buf ph, t;
	unsigned char hash[64], sig[200];
	mbedtls_mpi r, s;
	unsigned seed = 7;
	size_t n = 96;

	put(hdr, 1, int_item(alg));
	serialize(hdr, &ph);
	cbor_decref(&hdr);
	(void)cbor_array_push(tbs, tmp = cbor_build_string("Signature1"));
	cbor_decref(&tmp);
	(void)cbor_array_push(tbs, tmp = bytes(ph.p, ph.n));
	cbor_decref(&tmp);
	(void)cbor_array_push(tbs, tmp = bytes((const unsigned char *)"", 0));
	cbor_decref(&tmp);
	(void)cbor_array_push(tbs, tmp = bytes(payload->p, payload->n));
	cbor_decref(&tmp);
	serialize(tbs, &t);
	cbor_decref(&tbs);
	mbedtls_sha512_ret(t.p, t.n, hash, 1);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	if (mbedtls_ecdsa_sign_det_ext((mbedtls_ecp_group *)&k->grp, &r, &s, &k->d, hash, 48,
				       MBEDTLS_MD_SHA384, fixed_rng, &seed) ||
	    mbedtls_mpi_write_binary(&r, sig, 48) || mbedtls_mpi_write_binary(&s, sig + 48, 48))
		die("sign");
	mbedtls_mpi_free(&r);
	mbedtls_mpi_free(&s);
	if (bad_sig)
		sig[10] ^= 1;
	if (sig_len >= 0) {
		if ((size_t)sig_len > sizeof(sig))
			die("--sig-len too large");
		memset(sig + 96, 0xAB, sizeof(sig) - 96);
		n = (size_t)sig_len;
	}
	(void)cbor_array_push(arr, tmp = bytes(ph.p, ph.n));
	cbor_decref(&tmp);
	(void)cbor_array_push(arr, tmp = cbor_new_definite_map(0));
	cbor_decref(&tmp);
	(void)cbor_array_push(arr, tmp = bytes(payload->p, payload->n));
	cbor_decref(&tmp);
	(void)cbor_array_push(arr, tmp = bytes(sig, n));
	cbor_decref(&tmp);
	tag = cbor_new_tag(18);
	cbor_tag_set_item(tag, arr);
	cbor_decref(&arr);
	*outn = cbor_serialize(tag, out, cap);
	cbor_decref(&tag);
	if (*outn == 0)
		die("serialize token");
}

int main(int argc, char **argv)
{
	struct buf rpv = {.n = 64}, rim = {.n = 32}, challenge = {.n = 64}, rak, pay, pch;
	const char *out = NULL, *hash_algo = NULL, *cpak_pem = NULL;
	int bare = 0, bad_sig = 0, bad_binding = 0, raw_rak = 0, other_cpak = 0;
	long alg = -35, sig_len = -1, drop = 0;
	mbedtls_ecp_keypair rak_key, cpak;
	unsigned char realm_tok[2048], plat_tok[2048], all[4096];
	size_t realm_n, plat_n, n;
	cbor_item_t *claims, *rem, *tmp;

	memset(rpv.p, 0, sizeof(rpv.p));
	memset(rim.p, 0x11, sizeof(rim.p));
	memset(challenge.p, 0x5A, sizeof(challenge.p));
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--bare")) bare = 1;
		else if (!strcmp(a, "--bad-sig")) bad_sig = 1;
		else if (!strcmp(a, "--bad-binding")) bad_binding = 1;
		else if (!strcmp(a, "--raw-rak")) raw_rak = 1;
		else if (!strcmp(a, "--other-cpak")) other_cpak = 1;
		else if (!v) die("option needs a value");
		else if (!strcmp(a, "-o")) out = v, i++;
		else if (!strcmp(a, "--rpv")) { hex(v, &rpv); rpv.n = 64; i++; }
		else if (!strcmp(a, "--rim")) hex(v, &rim), i++;
		else if (!strcmp(a, "--challenge")) hex(v, &challenge), i++;
		else if (!strcmp(a, "--hash-algo")) hash_algo = v, i++;
		else if (!strcmp(a, "--alg")) alg = strtol(v, NULL, 10), i++;
		else if (!strcmp(a, "--sig-len")) sig_len = strtol(v, NULL, 10), i++;
		else if (!strcmp(a, "--drop")) drop = strtol(v, NULL, 10), i++;
		else if (!strcmp(a, "--cpak-pem")) cpak_pem = v, i++;
		else die("unknown option");
	}
	if (!out)
		die("usage: mktoken [OPTIONS] -o OUT");
	if (!hash_algo)
		hash_algo = rim.n == 64 ? "sha-512" : rim.n == 48 ? "sha-384" : "sha-256";
	key_from(&rak_key, "micac test RAK");
	key_from(&cpak, other_cpak ? "micac other CPAK" : "micac test CPAK");
	rak_bytes(&rak_key, raw_rak, &rak);

	claims = cbor_new_definite_map(9);
	rem = cbor_new_definite_array(4);
	for (int i = 0; i < 4; i++) {
		(void)cbor_array_push(rem, tmp = bytes((const unsigned char[64]){0}, rim.n));
		cbor_decref(&tmp);
	}
	if (drop != 10) put(claims, 10, bytes(challenge.p, challenge.n));
	if (drop != 44235) put(claims, 44235, bytes(rpv.p, rpv.n));
	if (drop != 44237) put(claims, 44237, bytes(rak.p, rak.n));
	if (drop != 44236) put(claims, 44236, cbor_build_string(hash_algo));
	if (drop != 44240) put(claims, 44240, cbor_build_string("sha-256"));
	if (drop != 265) put(claims, 265, cbor_build_string("tag:arm.com,2023:realm#1.0.0"));
	if (drop != 44238) put(claims, 44238, bytes(rim.p, rim.n));
	put(claims, 44239, rem);
	serialize(claims, &pay);
	cbor_decref(&claims);
	sign1(&rak_key, alg, &pay, bad_sig, sig_len, realm_tok, &realm_n, sizeof(realm_tok));

	if (bare) {
		memcpy(all, realm_tok, realm_n);
		n = realm_n;
	} else {
		cbor_item_t *pc = cbor_new_definite_map(2), *coll = cbor_new_definite_map(2), *tag;

		mbedtls_sha256_ret(rak.p, rak.n, pch.p, 0);
		pch.n = 32;
		if (bad_binding)
			pch.p[0] ^= 0xFF;
		put(pc, 265, cbor_build_string("tag:arm.com,2023:cca_platform#1.0.0"));
		put(pc, 10, bytes(pch.p, pch.n));
		serialize(pc, &pay);
		cbor_decref(&pc);
		sign1(&cpak, -35, &pay, 0, -1, plat_tok, &plat_n, sizeof(plat_tok));
		put(coll, 44234, bytes(plat_tok, plat_n));
		put(coll, 44241, bytes(realm_tok, realm_n));
		tag = cbor_new_tag(399);
		cbor_tag_set_item(tag, coll);
		cbor_decref(&coll);
		n = cbor_serialize(tag, all, sizeof(all));
		cbor_decref(&tag);
	}
	FILE *f = fopen(out, "wb");
	if (!f || fwrite(all, 1, n, f) != n || fclose(f))
		die("cannot write the token");
	if (cpak_pem) {
		mbedtls_pk_context pk;
		unsigned char pem[1024];

		mbedtls_ecp_keypair_free(&cpak);	/* --other-cpak signed with another */
		key_from(&cpak, "micac test CPAK");
		mbedtls_pk_init(&pk);
		if (mbedtls_pk_setup(&pk, mbedtls_pk_info_from_type(MBEDTLS_PK_ECKEY)) ||
		    mbedtls_ecp_copy(&mbedtls_pk_ec(pk)->Q, &cpak.Q) ||
		    mbedtls_ecp_group_copy(&mbedtls_pk_ec(pk)->grp, &cpak.grp) ||
		    mbedtls_pk_write_pubkey_pem(&pk, pem, sizeof(pem)))
			die("pem");
		f = fopen(cpak_pem, "w");
		if (!f || fputs((char *)pem, f) < 0 || fclose(f))
			die("cannot write the PEM");
		mbedtls_pk_free(&pk);
	}
	mbedtls_ecp_keypair_free(&rak_key);
	mbedtls_ecp_keypair_free(&cpak);
	return 0;
}
