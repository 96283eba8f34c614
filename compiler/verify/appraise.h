/* appraise.h - `micac verify`'s appraisal: the claims of CCA attestation
 * tokens against a policy (docs/attestation.md, "Checking a realm token").
 *
 * Per token: the realm token's signature with its RAK; the platform token's
 * binding of that RAK (its challenge is the RAK's hash) and, given the
 * platform key, its signature; the challenge, when given; RPV == the
 * policy's digest zero-padded to 64 bytes; RIM == the measurement of the
 * role the token claims, or of the role whose measurement it is; the hash
 * algorithm claim against the RIM's size. Per set: each role appraised at
 * most once, and which measured roles no token appraised. */
#ifndef MICAC_APPRAISE_H
#define MICAC_APPRAISE_H

#include "sema/model.h"
#include "verify/token.h"

enum check_state { CHECK_PASS, CHECK_FAIL, CHECK_SKIP };

enum check_id {
	CHECK_SIGNATURE,
	CHECK_BINDING,
	CHECK_PLATFORM_SIG,
	CHECK_CHALLENGE,
	CHECK_RPV,
	CHECK_RIM,
	CHECK_HASH_ALGO,
	CHECK_UNIQUE,		/* the role is appraised by this token only */
	CHECK_COUNT
};

struct verify_check {
	enum check_state state;
	char detail[320];
};

enum token_status { TOKEN_APPRAISED, TOKEN_FAILED, TOKEN_BAD_INPUT };

struct token_result {
	const char *input;		/* as the user named it */
	enum token_status status;
	char error[CBOR_ERR_SIZE + 64];	/* TOKEN_BAD_INPUT: why */
	struct verify_check checks[CHECK_COUNT];
	int64_t role;			/* the appraised role, or -1 */
};

struct verify_opts {
	bool realm_only;		/* ignore the platform token */
	const struct cose_key *platform_key;	/* NULL: no platform signature check */
	const uint8_t *challenge;	/* NULL: not checked */
	size_t challenge_len;
};

struct verify_policy {
	const struct model *m;
	const uint8_t *rpv;		/* RPV_SIZE bytes */
	const uint8_t *digest;		/* the policy's digest */
	size_t digest_len;
	/* Confidential Containers init-data (NULL: none). With it the RPV must
	 * be H(init-data) zero-padded, H one of SHA-256/384/512, and the
	 * init-data must hold the line `micac hash --format coco-initdata`
	 * writes for this policy: "mica.policy" = "ALG:HEX". */
	const uint8_t *initdata;
	size_t initdata_len;
};

/* The check's name as printed ("RPV", "realm signature", ...) and its JSON
 * key ("rpv", "signature", ...). */
const char *check_name(enum check_id id);
const char *check_key(enum check_id id);

/* Appraises the token DATA[0..LEN) against P. CLAIMED_ROLE (may be NULL)
 * is the role the user says the token's realm plays. Fills R. */
void appraise_token(const struct verify_policy *p, const uint8_t *data, size_t len,
		    const char *claimed_role, const struct verify_opts *o, struct token_result *r);

/* After all tokens: fails, in each, the uniqueness check of a role that
 * another token also appraised. */
void appraise_set(const struct model *m, struct token_result *r, size_t n);

/* Whether realm I of M has a measurement and no token of R[0..N) appraised
 * it. */
bool appraise_missing(const struct model *m, const struct token_result *r, size_t n, uint32_t i);

#endif
