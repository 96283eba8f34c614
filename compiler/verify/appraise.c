/* appraise.c - token claims against a policy (see appraise.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/md.h>

#include "blob/digest.h"
#include "mica_blob.h"
#include "verify/appraise.h"

static const struct {
	const char *name, *key;
} checks[CHECK_COUNT] = {
	[CHECK_SIGNATURE] = {"realm signature", "signature"},
	[CHECK_BINDING] = {"RAK binding", "rak_binding"},
	[CHECK_PLATFORM_SIG] = {"platform signature", "platform_signature"},
	[CHECK_CHALLENGE] = {"challenge", "challenge"},
	[CHECK_RPV] = {"RPV", "rpv"},
	[CHECK_RIM] = {"RIM", "rim"},
	[CHECK_HASH_ALGO] = {"hash algorithm", "hash_algo"},
	[CHECK_UNIQUE] = {"one token per role", "unique_role"},
};

const char *check_name(enum check_id id)
{
	return checks[id].name;
}

const char *check_key(enum check_id id)
{
	return checks[id].key;
}

static void set(struct token_result *r, enum check_id id, enum check_state st, const char *fmt,
		...) __attribute__((format(printf, 4, 5)));
static void set(struct token_result *r, enum check_id id, enum check_state st, const char *fmt,
		...)
{
	va_list ap;

	r->checks[id].state = st;
	va_start(ap, fmt);
	vsnprintf(r->checks[id].detail, sizeof(r->checks[id].detail), fmt, ap);
	va_end(ap);
	if (st == CHECK_FAIL && r->status == TOKEN_APPRAISED)
		r->status = TOKEN_FAILED;
}

static void bad_input(struct token_result *r, const char *msg)
{
	r->status = TOKEN_BAD_INPUT;
	snprintf(r->error, sizeof(r->error), "%s", msg);
}

/* Hex of P[0..N), shortened to its first and last 8 bytes when long. */
static void short_hex(const uint8_t *p, size_t n, char *out, size_t size)
{
	char *h = hex_encode(p, n);

	if (n > 16)
		snprintf(out, size, "%.16s...%s", h, h + 2 * n - 16);
	else
		snprintf(out, size, "%s", h);
	free(h);
}

/* One COSE signature: pass, fail, or, when the key cannot check it at all
 * and UNUSABLE_IS_BAD, bad input. */
static void signature_check(struct token_result *r, enum check_id id, const struct cose_sign1 *m,
			    const struct cose_key *key, const char *whose, const char *with,
			    bool unusable_is_bad)
{
	struct cbor_err err = {{0}};
	enum cose_verdict v = cose_sign1_verify(m, key, &err);

	if (v == COSE_VALID)
		set(r, id, CHECK_PASS, "%s, with %s", cose_alg_name(m->alg), with);
	else if (v == COSE_INVALID)
		set(r, id, CHECK_FAIL, "%s token: %s with %s", whose, err.msg, with);
	else if (unusable_is_bad)
		bad_input(r, err.msg);
	else
		set(r, id, CHECK_FAIL, "%s token: %s", whose, err.msg);
}

/* The platform challenge must be H(RAK), H the realm's RAK hash algorithm. */
static void check_binding(const struct cca_token *t, const struct verify_opts *o,
			  struct token_result *r)
{
	const mbedtls_md_info_t *md = NULL;
	uint8_t h[MBEDTLS_MD_MAX_SIZE];
	size_t n = cca_hash_size(t->rak_hash_algo);

	if (!t->has_platform || o->realm_only) {
		set(r, CHECK_BINDING, CHECK_SKIP, "%s",
		    t->has_platform ? "--realm-only" : "a bare realm token: no platform token");
		return;
	}
	md = mbedtls_md_info_from_type(n == 32 ? MBEDTLS_MD_SHA256 : n == 48 ? MBEDTLS_MD_SHA384
							 : n == 64 ? MBEDTLS_MD_SHA512
								   : MBEDTLS_MD_NONE);
	if (!md || mbedtls_md(md, t->rak.p, t->rak.n, h) != 0) {
		set(r, CHECK_BINDING, CHECK_FAIL, "the RAK hash algorithm '%.*s' is not sha-256, "
		    "sha-384 or sha-512", (int)t->rak_hash_algo.n, (const char *)t->rak_hash_algo.p);
		return;
	}
	if (t->platform_challenge.n != n || memcmp(t->platform_challenge.p, h, n) != 0) {
		set(r, CHECK_BINDING, CHECK_FAIL, "the platform token's challenge is not the "
		    "%.*s of the RAK: this platform token does not vouch for this realm token",
		    (int)t->rak_hash_algo.n, (const char *)t->rak_hash_algo.p);
		return;
	}
	set(r, CHECK_BINDING, CHECK_PASS, "the platform challenge is the %.*s of the RAK",
	    (int)t->rak_hash_algo.n, (const char *)t->rak_hash_algo.p);
}

static void check_platform_sig(const struct cca_token *t, const struct verify_opts *o,
			       struct token_result *r)
{
	if (!t->has_platform || o->realm_only || !o->platform_key)
		set(r, CHECK_PLATFORM_SIG, CHECK_SKIP, "%s",
		    !t->has_platform ? "no platform token" : o->realm_only ? "--realm-only"
										: "no --platform-key");
	else
		signature_check(r, CHECK_PLATFORM_SIG, &t->platform, o->platform_key, "platform",
				"--platform-key", false);
}

static void check_challenge(const struct cca_token *t, const struct verify_opts *o,
			    struct token_result *r)
{
	if (!o->challenge)
		set(r, CHECK_CHALLENGE, CHECK_SKIP, "no --challenge");
	else if (t->challenge.n != o->challenge_len ||
		 memcmp(t->challenge.p, o->challenge, o->challenge_len) != 0)
		set(r, CHECK_CHALLENGE, CHECK_FAIL, "the token's challenge is not --challenge: "
		    "a replayed or foreign token");
	else
		set(r, CHECK_CHALLENGE, CHECK_PASS, "equals --challenge");
}

/* Whether the init-data holds the line "mica.policy" = "ALG:HEX" for P. */
static bool initdata_names_policy(const struct verify_policy *p)
{
	char *hex = hex_encode(p->digest, p->digest_len);
	char line[200];
	size_t n = (size_t)snprintf(line, sizeof(line), "\"mica.policy\" = \"%s:%s\"",
				    digest_name(p->m->digest_alg), hex);
	bool found = false;

	free(hex);
	for (size_t at = 0; !found && at + n <= p->initdata_len; at++)
		found = (at == 0 || p->initdata[at - 1] == '\n') &&
			memcmp(p->initdata + at, line, n) == 0 &&
			(at + n == p->initdata_len || p->initdata[at + n] == '\n' ||
			 p->initdata[at + n] == '\r');
	return found;
}

/* With init-data: RPV == H(init-data) zero-padded (Trustee's CCA verifier
 * compares exactly that), H any of the init-data algorithms. */
static void check_initdata_rpv(const struct cca_token *t, const struct verify_policy *p,
			       struct token_result *r)
{
	static const uint8_t algs[] = {MICA_DIGEST_SHA256, MICA_DIGEST_SHA384, MICA_DIGEST_SHA512};
	uint8_t d[DIGEST_MAX_SIZE], rpv[RPV_SIZE];

	if (!initdata_names_policy(p)) {
		set(r, CHECK_RPV, CHECK_FAIL, "the init-data has no line \"mica.policy\" = \"%s:...\" "
		    "with policy '%s''s digest", digest_name(p->m->digest_alg), p->m->name);
		return;
	}
	for (size_t i = 0; i < sizeof(algs); i++) {
		size_t n = digest_compute(algs[i], p->initdata, p->initdata_len, d);

		digest_rpv(d, n, rpv);
		if (n && memcmp(t->rpv.p, rpv, RPV_SIZE) == 0) {
			set(r, CHECK_RPV, CHECK_PASS, "the %s of the init-data, zero-padded; it names "
			    "policy '%s'", digest_name(algs[i]), p->m->name);
			return;
		}
	}
	set(r, CHECK_RPV, CHECK_FAIL, "the token's RPV is not the digest of the init-data: the "
	    "realm was not started with it");
}

static void check_rpv(const struct cca_token *t, const struct verify_policy *p,
		      struct token_result *r)
{
	char got[48], want[48];

	if (p->initdata) {
		check_initdata_rpv(t, p, r);
		return;
	}
	if (memcmp(t->rpv.p, p->rpv, RPV_SIZE) == 0) {
		set(r, CHECK_RPV, CHECK_PASS, "the digest of policy '%s', zero-padded (%s)",
		    p->m->name, digest_name(p->m->digest_alg));
		return;
	}
	short_hex(t->rpv.p, t->rpv.n, got, sizeof(got));
	short_hex(p->rpv, RPV_SIZE, want, sizeof(want));
	set(r, CHECK_RPV, CHECK_FAIL, "the token's RPV %s is not policy '%s''s %s: the realm is "
	    "not governed by this policy", got, p->m->name, want);
}

static bool rim_is(const struct model_realm *realm, const struct cca_token *t)
{
	return realm->meas_len == t->rim.n && memcmp(realm->measurement, t->rim.p, t->rim.n) == 0;
}

/* RIM against the claimed role, else finds the role(s) with that RIM. */
static void check_rim(const struct cca_token *t, const struct verify_policy *p, const char *claimed,
		      struct token_result *r)
{
	const struct model *m = p->m;
	char rim[48];
	int64_t first = -1;
	uint32_t count = 0;

	short_hex(t->rim.p, t->rim.n, rim, sizeof(rim));
	if (claimed) {
		int64_t i = model_find_realm(m, claimed);

		if (i < 0) {
			char msg[160];

			snprintf(msg, sizeof(msg), "policy '%s' has no realm '%s' (the role given "
				 "for this token)", m->name, claimed);
			bad_input(r, msg);
			return;
		}
		if (m->realms[i].meas_len == 0)
			set(r, CHECK_RIM, CHECK_FAIL, "role '%s' has no measurement: its tokens "
			    "cannot be appraised by code identity", claimed);
		else if (!rim_is(&m->realms[i], t))
			set(r, CHECK_RIM, CHECK_FAIL, "the token's RIM %s is not the measurement of "
			    "role '%s'", rim, claimed);
		else
			set(r, CHECK_RIM, CHECK_PASS, "the measurement of role '%s'", claimed);
		r->role = i;
		return;
	}
	for (uint32_t i = 0; i < m->nrealms; i++)
		if (rim_is(&m->realms[i], t) && count++ == 0)
			first = i;
	if (first < 0) {
		set(r, CHECK_RIM, CHECK_FAIL, "no role of policy '%s' has the token's RIM %s",
		    m->name, rim);
		return;
	}
	r->role = first;
	if (count == 1)
		set(r, CHECK_RIM, CHECK_PASS, "the measurement of role '%s'",
		    m->realms[first].name);
	else
		set(r, CHECK_RIM, CHECK_PASS, "the measurement of role '%s' and of %u replicas with "
		    "the same code", m->realms[first].name, count - 1);
}

static void check_hash_algo(const struct cca_token *t, const struct verify_policy *p,
			    struct token_result *r)
{
	size_t n = cca_hash_size(t->hash_algo);
	int len = (int)t->hash_algo.n;
	const char *name = (const char *)t->hash_algo.p;

	if (n == 0)
		set(r, CHECK_HASH_ALGO, CHECK_FAIL, "'%.*s' is not sha-256, sha-384 or sha-512", len,
		    name);
	else if (n != t->rim.n)
		set(r, CHECK_HASH_ALGO, CHECK_FAIL, "%.*s measures %zu bytes, the RIM has %zu", len,
		    name, n, t->rim.n);
	else if (r->role >= 0 && p->m->realms[r->role].meas_len &&
		 p->m->realms[r->role].meas_len != n)
		set(r, CHECK_HASH_ALGO, CHECK_FAIL, "%.*s, but role '%s''s measurement has %u bytes",
		    len, name, p->m->realms[r->role].name, p->m->realms[r->role].meas_len);
	else
		set(r, CHECK_HASH_ALGO, CHECK_PASS, "%.*s, %zu bytes as the RIM", len, name, n);
}

void appraise_token(const struct verify_policy *p, const uint8_t *data, size_t len,
		    const char *claimed_role, const struct verify_opts *o, struct token_result *r)
{
	struct cca_token t;
	struct cbor_err err = {{0}};
	struct cose_key rak;

	r->status = TOKEN_APPRAISED;
	r->role = -1;
	for (int i = 0; i < CHECK_COUNT; i++)
		set(r, i, CHECK_SKIP, "not reached");
	if (!cca_token_read(data, len, &t, &err)) {
		bad_input(r, err.msg);
		return;
	}
	cose_key_init(&rak);
	if (!cose_key_read(&rak, t.rak.p, t.rak.n, "realm token: public key (RAK)", &err))
		bad_input(r, err.msg);
	else
		signature_check(r, CHECK_SIGNATURE, &t.realm, &rak, "realm", "the token's RAK", true);
	if (r->status != TOKEN_BAD_INPUT) {
		check_binding(&t, o, r);
		check_platform_sig(&t, o, r);
		check_challenge(&t, o, r);
		check_rpv(&t, p, r);
		check_rim(&t, p, claimed_role, r);
	}
	if (r->status != TOKEN_BAD_INPUT) {
		check_hash_algo(&t, p, r);
		set(r, CHECK_UNIQUE, CHECK_PASS, "%s", r->role >= 0 ? "no other token" : "no role");
	}
	cose_key_free(&rak);
	cca_token_free(&t);
}

void appraise_set(const struct model *m, struct token_result *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			if (i == j || r[i].role < 0 || r[i].role != r[j].role ||
			    r[i].status == TOKEN_BAD_INPUT || r[j].status == TOKEN_BAD_INPUT)
				continue;
			set(&r[i], CHECK_UNIQUE, CHECK_FAIL, "role '%s' is also appraised by %s: "
			    "two realms claim one role", m->realms[r[i].role].name, r[j].input);
			break;
		}
	}
}

bool appraise_missing(const struct model *m, const struct token_result *r, size_t n, uint32_t i)
{
	if (m->realms[i].meas_len == 0)
		return false;
	for (size_t k = 0; k < n; k++)
		if (r[k].status != TOKEN_BAD_INPUT && r[k].role == (int64_t)i)
			return false;
	return true;
}
