/* token.h - a CCA attestation token, read: the CBOR-tagged collection
 * (tag 399) of a platform token (key 44234) and a realm delegated token
 * (44241), as RMM_RSI_ATTEST_TOKEN_CONTINUE returns it, or a bare realm
 * token (a COSE_Sign1). Claim keys are TF-RMM's
 * (app/attestation/el0_app/src/attestation_defs_priv.h) and the Realm
 * Management Monitor specification's section A7.2. */
#ifndef MICAC_TOKEN_H
#define MICAC_TOKEN_H

#include "verify/cose.h"

#define CCA_TAG_TOKEN			399
#define CCA_PLATFORM_TOKEN		44234
#define CCA_REALM_DELEGATED_TOKEN	44241

#define CCA_CHALLENGE			10	/* realm and platform: the nonce */
#define CCA_REALM_PERSONALIZATION_VALUE	44235
#define CCA_REALM_HASH_ALGO_ID		44236
#define CCA_REALM_PUB_KEY		44237
#define CCA_REALM_INITIAL_MEASUREMENT	44238
#define CCA_REALM_EXTENSIBLE_MEASUREMENTS 44239
#define CCA_REALM_PUB_KEY_HASH_ALGO_ID	44240
#define CCA_PROFILE			265

#define CCA_RPV_SIZE	64

struct bytes {
	const uint8_t *p;
	size_t n;
};

struct cca_token {
	bool has_platform;
	struct cose_sign1 platform, realm;
	cbor_item_t *platform_claims, *realm_claims;	/* own the bytes below */
	struct bytes platform_challenge;	/* binds the RAK: H(RAK) */
	struct bytes challenge, rpv, rim, rak;
	struct bytes hash_algo, rak_hash_algo;	/* text: "sha-256", ... */
	struct bytes profile;			/* text; n == 0 when absent */
	size_t nrem;				/* extensible measurements */
};

/* Reads DATA as a CCA token or a bare realm token. Checks every claim the
 * appraisal reads is there once, with its type (byte or text string) and,
 * for the RPV, its size. False with ERR set on anything else. */
bool cca_token_read(const uint8_t *data, size_t len, struct cca_token *t, struct cbor_err *err);
void cca_token_free(struct cca_token *t);

/* The hash algorithm named by a CCA text id ("sha-256", "sha-384",
 * "sha-512"): its digest size, or 0 for any other name. */
size_t cca_hash_size(struct bytes name);

#endif
