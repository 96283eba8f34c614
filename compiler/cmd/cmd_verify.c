/* cmd_verify.c - `micac verify POLICY TOKEN...`: appraise CCA attestation
 * tokens against a policy (compiler/verify/, docs/attestation.md). */
#include <stdlib.h>
#include <string.h>

#include <mbedtls/pk.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "cmd/policy_build.h"
#include "blob/digest.h"
#include "util/xalloc.h"
#include "verify/verify_print.h"

static const struct opt_usage usage = {
	"verify", "[OPTIONS] POLICY [ROLE=]TOKEN...",
	"Appraises each CCA attestation TOKEN (the RMM's tag-399 collection of a\n"
	"platform token and a realm token, or a bare realm token, as raw CBOR)\n"
	"against POLICY (Mica source, YAML, or a blob). For each token: the realm\n"
	"token's ES256/ES384/ES512 signature with the RAK it carries; the platform\n"
	"token's binding of that RAK (its challenge is the RAK's hash) and, with\n"
	"--platform-key, its signature; the challenge, with --challenge; the RPV\n"
	"against the policy's digest zero-padded to 64 bytes; the RIM against the\n"
	"measurement of the role given as ROLE=TOKEN, else of the role whose\n"
	"measurement it is; the hash algorithm claim. Then, over all tokens: each\n"
	"role appraised once, and the measured roles no token appraised.\n",
	"Exit status: 0 every token appraised, 1 a check failed (or, with --all,\n"
	"a measured role has no token), 2 bad input: a token that is not a\n"
	"well-formed CCA token (truncated, wrong tags or types, unknown\n"
	"algorithm, signature of the wrong size), an unreadable file, a policy\n"
	"with errors, a bad option. 3 internal error.\n"
	"\n"
	"Example:\n"
	"  micac verify --challenge $NONCE pipeline.pol camera=camera.cbor detector.cbor\n",
};

static const char *const formats[] = {"text", "json", NULL};

struct verify_args {
	const char *policy, *platform_key, *challenge, *initdata;
	int format;
	bool realm_only, all;
	struct frontend_opts fo;
	char **tokens;
	int ntokens;
};

static int parse_args(int argc, char **argv, struct verify_args *a)
{
	const struct opt opts[] = {
		OPT_CHOICE('f', "format", &a->format, "FMT", formats,
			   "text (default) or json"),
		OPT_STRING(0, "platform-key", &a->platform_key, "FILE",
			   "check platform tokens' signatures with this public key\n"
			   "(the CPAK, PEM or DER)"),
		OPT_STRING(0, "challenge", &a->challenge, "HEX",
			   "the challenge (nonce) every token must carry"),
		OPT_STRING(0, "initdata", &a->initdata, "FILE",
			   "Confidential Containers init-data the realms were started\n"
			   "with: the RPV must be its digest, and it must carry the\n"
			   "policy's (micac hash --format coco-initdata)"),
		OPT_FLAG(0, "realm-only", &a->realm_only,
			 "ignore platform tokens (no RAK binding check)"),
		OPT_FLAG(0, "all", &a->all, "fail when a measured role has no token"),
		OPT_FRONTEND(&a->fo),
		OPT_END(),
	};
	int nargs, rc = opts_parse(&usage, opts, argc, argv, &nargs);

	if (rc != OPTS_CONTINUE)
		return rc;
	if (nargs < 2)
		return cli_usage_error("verify", "expected a POLICY and at least one TOKEN");
	a->policy = argv[0];
	a->tokens = argv + 1;
	a->ntokens = nargs - 1;
	return OPTS_CONTINUE;
}

/* "ROLE=PATH": the role is a Mica name before the first '='. */
static const char *split_role(const char *arg, char **role)
{
	const char *eq = strchr(arg, '=');
	size_t n = eq ? (size_t)(eq - arg) : 0;

	*role = NULL;
	if (n == 0 || strspn(arg, "abcdefghijklmnopqrstuvwxyz0123456789_") != n ||
	    (arg[0] >= '0' && arg[0] <= '9'))
		return arg;
	*role = xmalloc(n + 1);
	memcpy(*role, arg, n);
	(*role)[n] = '\0';
	return eq + 1;
}

/* Reads at most CBOR_READ_MAX_BYTES + 1 bytes of PATH: enough to refuse a
 * larger file without reading it all. */
static uint8_t *read_token(const char *path, size_t *len, char *err, size_t errlen)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	uint8_t *buf;

	if (!f) {
		snprintf(err, errlen, "cannot open '%s'", path);
		return NULL;
	}
	buf = xmalloc(CBOR_READ_MAX_BYTES + 1);
	*len = fread(buf, 1, CBOR_READ_MAX_BYTES + 1, f);
	if (ferror(f)) {
		snprintf(err, errlen, "cannot read '%s'", path);
		free(buf);
		buf = NULL;
	}
	if (f != stdin)
		fclose(f);
	return buf;
}

static int load_platform_key(const char *path, struct cose_key *k)
{
	mbedtls_pk_context pk;
	int rc = EXIT_CLEAN;

	mbedtls_pk_init(&pk);
	if (mbedtls_pk_parse_public_keyfile(&pk, path) != 0 ||
	    mbedtls_pk_get_type(&pk) != MBEDTLS_PK_ECKEY ||
	    mbedtls_ecp_group_copy(&k->grp, &mbedtls_pk_ec(pk)->grp) != 0 ||
	    mbedtls_ecp_copy(&k->q, &mbedtls_pk_ec(pk)->Q) != 0) {
		fprintf(stderr, "micac: error: %s: not an EC public key (PEM or DER "
			"SubjectPublicKeyInfo)\n", path);
		rc = EXIT_USAGE;
	}
	mbedtls_pk_free(&pk);
	return rc;
}

static int parse_challenge(const char *hex, uint8_t *out, size_t *n)
{
	size_t len = strlen(hex);

	if (len == 0 || len % 2 || len / 2 > 64 || hex_decode(hex, out, len / 2) != 0)
		return cli_usage_error("verify", "--challenge: expected 2 to 128 hex digits, "
				       "got '%s'", hex);
	*n = len / 2;
	return EXIT_CLEAN;
}

static int appraise_all(const struct verify_args *a, const struct policy_build *b,
			const struct verify_opts *o, const uint8_t *initdata, size_t initdata_len)
{
	struct verify_policy p = {&b->fe.model, b->rpv, b->digest, b->digest_len, NULL, 0};
	struct token_result *r = xcalloc((size_t)a->ntokens, sizeof(*r));
	struct verify_report v = {&p, r, (size_t)a->ntokens, a->all};
	enum token_status outcome;

	p.initdata = initdata;
	p.initdata_len = initdata_len;
	for (int i = 0; i < a->ntokens; i++) {
		char *role, err[128];
		const char *path = split_role(a->tokens[i], &role);
		size_t len = 0;
		uint8_t *data = read_token(path, &len, err, sizeof(err));

		r[i].input = a->tokens[i];
		if (data) {
			appraise_token(&p, data, len, role, o, &r[i]);
		} else {
			r[i].status = TOKEN_BAD_INPUT;
			r[i].role = -1;
			snprintf(r[i].error, sizeof(r[i].error), "%s", err);
		}
		free(data);
		free(role);
	}
	appraise_set(p.m, r, v.n);
	if (a->format == 1)
		verify_print_json(stdout, &v);
	else
		verify_print_text(stdout, &v);
	outcome = verify_outcome(&v);
	free(r);
	return outcome == TOKEN_APPRAISED ? EXIT_CLEAN
	       : outcome == TOKEN_FAILED  ? EXIT_POLICY
					  : EXIT_USAGE;
}

/* Reads --initdata, if given, then appraises. */
static int with_initdata(const struct verify_args *a, const struct policy_build *b,
			 const struct verify_opts *o)
{
	char err[128];
	size_t len = 0;
	uint8_t *data;
	int rc;

	if (!a->initdata)
		return appraise_all(a, b, o, NULL, 0);
	data = read_token(a->initdata, &len, err, sizeof(err));
	if (!data) {
		fprintf(stderr, "micac: error: --initdata: %s\n", err);
		return EXIT_USAGE;
	}
	if (len > CBOR_READ_MAX_BYTES) {
		fprintf(stderr, "micac: error: --initdata: '%s' is larger than %u bytes\n",
			a->initdata, CBOR_READ_MAX_BYTES);
		free(data);
		return EXIT_USAGE;
	}
	rc = appraise_all(a, b, o, data, len);
	free(data);
	return rc;
}

int cmd_verify(int argc, char **argv)
{
	struct verify_args a = {0};
	struct verify_opts o = {0};
	struct policy_build b;
	struct cose_key key;
	uint8_t challenge[64];
	int rc = parse_args(argc, argv, &a);

	if (rc != OPTS_CONTINUE)
		return rc;
	rc = EXIT_CLEAN;
	o.realm_only = a.realm_only;
	if (a.challenge) {
		rc = parse_challenge(a.challenge, challenge, &o.challenge_len);
		if (rc != EXIT_CLEAN)
			return rc;
		o.challenge = challenge;
	}
	cose_key_init(&key);
	if (a.platform_key) {
		rc = load_platform_key(a.platform_key, &key);
		o.platform_key = &key;
	}
	if (rc == EXIT_CLEAN) {
		rc = policy_build(&b, a.policy, &a.fo);
		/* A policy that does not compile is bad input here, not a failed
		 * claim: exit 2, so that 1 always means "a token failed". */
		if (rc == EXIT_POLICY)
			rc = EXIT_USAGE;
		if (rc == EXIT_CLEAN)
			rc = with_initdata(&a, &b, &o);
		policy_build_free(&b);
	}
	cose_key_free(&key);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "micac: error: cannot write to standard output\n");
		rc = EXIT_USAGE;
	}
	return rc;
}
