/* fuzz_token.c - libFuzzer target: bytes -> micac verify's token reader.
 *
 * Whatever cca_token_read accepts is then used as verify uses it: the RAK
 * read as a key, the realm signature checked with it, the RAK's hash
 * compared with the platform challenge. Invariants (else abort): an
 * accepted token has a 64-byte RPV and an algorithm verify knows; a refused
 * one says why. */
#include <stdlib.h>
#include <string.h>

#include "verify/token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cca_token t;
	struct cbor_err err = {{0}};
	struct cose_key key;

	if (!cca_token_read(data, size, &t, &err)) {
		if (err.msg[0] == '\0')
			abort();
		return 0;
	}
	if (t.rpv.n != CCA_RPV_SIZE || strcmp(cose_alg_name(t.realm.alg), "?") == 0)
		abort();
	cose_key_init(&key);
	if (cose_key_read(&key, t.rak.p, t.rak.n, "RAK", &err))
		(void)cose_sign1_verify(&t.realm, &key, &err);
	cose_key_free(&key);
	(void)cca_hash_size(t.hash_algo);
	cca_token_free(&t);
	return 0;
}
