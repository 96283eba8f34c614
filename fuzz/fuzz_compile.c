/* fuzz_compile.c - the invariants every fuzz target checks (fuzz_compile.h).
 *
 * A fuzzer only finds what crashes, so each rule micac promises is turned
 * into an abort(): a model built without errors must encode (the checker
 * and the encoder agree on the limits), its blob must digest, and every
 * blob must decode and re-encode to the same bytes (canonical form). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blob/decode.h"
#include "cmd/cli.h"
#include "blob/digest.h"
#include "blob/encode.h"
#include "fuzz_compile.h"

static void fail(const char *what)
{
	fprintf(stderr, "fuzz: invariant broken: %s\n", what);
	abort();
}

/* The source form of a valid blob must compile to it again. */
static void source_roundtrip(const struct model *m, const uint8_t *blob, size_t len)
{
	char *text = NULL;

	if (!frontend_source_roundtrip(m, blob, len, &text)) {
		fprintf(stderr, "fuzz: the source form:\n%s", text ? text : "(none)\n");
		fail("a valid blob's source form does not compile to the same bytes");
	}
	free(text);
}

void fuzz_blob_roundtrip(const uint8_t *blob, size_t len)
{
	struct source src;
	struct model m = {0};
	struct diag_list dl = {0};
	uint8_t *again = NULL;
	size_t again_len = 0;

	source_from_mem(&src, "fuzz.pol", blob, len);
	if (decode_blob(&src, &m, &dl) != 0)
		fail("a valid blob does not decode");
	if (encode_model(&m, &again, &again_len) != ENCODE_OK)
		fail("a decoded blob does not encode");
	if (again_len != len || memcmp(again, blob, len) != 0)
		fail("a valid blob does not re-encode to itself");
	source_roundtrip(&m, blob, len);
	free(again);
	model_free(&m);
	diag_list_free(&dl);
	source_free(&src);
}

/* The blob of a model the front end accepted, which must encode. */
static uint8_t *encode_or_fail(const struct model *m, size_t *len)
{
	uint8_t *blob = NULL;
	char err[256] = "";

	*len = 0;
	if (encode_model_checked(m, &blob, len, err, sizeof(err)) != ENCODE_OK) {
		fprintf(stderr, "fuzz: encoder: %s\n", err);
		fail("a checked model does not encode");
	}
	return blob;
}

/* A model the front end accepted: encode, digest, round-trip. */
static void check_model(const struct model *m)
{
	uint8_t digest[DIGEST_MAX_SIZE];
	size_t len;
	uint8_t *blob = encode_or_fail(m, &len);

	if (digest_compute(m->digest_alg, blob, len, digest) == 0)
		fail("the blob of a checked model does not digest");
	fuzz_blob_roundtrip(blob, len);
	free(blob);
}

void fuzz_compile(const uint8_t *data, size_t size, enum input_lang lang)
{
	struct frontend fe;
	struct frontend_opts opts = { .lang = lang };
	int rc = frontend_run_mem(&fe, lang == LANG_YAML ? "fuzz.yaml" : "fuzz.mica",
				  data, size, &opts);

	if (rc != FRONTEND_OK && rc != FRONTEND_ERRORS)
		fail("frontend_run_mem returned neither clean nor policy");
	if (rc == FRONTEND_ERRORS && diag_error_count(&fe.diags) == 0)
		fail("a policy error without an error diagnostic");
	if (rc == FRONTEND_OK) {
		if (!fe.has_model)
			fail("clean, but no model");
		check_model(&fe.model);
	}
	frontend_free(&fe);
}

uint8_t *fuzz_policy_blob(const char *name, const void *data, size_t size, size_t *len)
{
	struct frontend fe;
	struct frontend_opts opts = { .lang = LANG_AUTO };
	uint8_t *blob;

	if (frontend_run_mem(&fe, name, data, size, &opts) != FRONTEND_OK || !fe.has_model) {
		fprintf(stderr, "fuzz: %s\n", name);
		fail("a fixed policy does not compile");
	}
	blob = encode_or_fail(&fe.model, len);
	frontend_free(&fe);
	return blob;
}
