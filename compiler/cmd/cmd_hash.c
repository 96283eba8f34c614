/* cmd_hash.c - `micac hash FILE`: the policy's digest or RPV, in the forms
 * that attestation tools and VMMs take. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "cmd/policy_build.h"

static const struct opt_usage usage = {
	"hash", "[OPTIONS] FILE",
	"Prints the digest of the canonical blob of FILE (Mica source, YAML, or a\n"
	"blob), in the policy's digest algorithm. The digest of a blob file is the\n"
	"same as sha256sum/sha384sum/sha512sum of it.\n",
	"Exit status: 0 printed, 1 the policy has errors, 2 usage or I/O error\n"
	"(or a form that cannot carry this digest), 3 internal error.\n",
};

enum hash_format { FMT_HEX, FMT_BASE64, FMT_JSON, FMT_QEMU, FMT_KVMTOOL, FMT_TAGGED, FMT_INITDATA };

static const char *const format_names[] = {
	[FMT_HEX] = "hex", [FMT_BASE64] = "base64", [FMT_JSON] = "json",
	[FMT_QEMU] = "qemu", [FMT_KVMTOOL] = "kvmtool", [FMT_TAGGED] = "tagged",
	[FMT_INITDATA] = "coco-initdata", NULL,
};

struct hash_args {
	const char *input;
	bool rpv;
	enum hash_format format;
	struct frontend_opts fo;
};

/* Returns OPTS_CONTINUE, else the exit code. */
static int parse_args(int argc, char **argv, struct hash_args *a)
{
	int format = FMT_HEX, rc;
	const struct opt opts[] = {
		OPT_FLAG(0, "rpv", &a->rpv,
			 "print the Realm Personalization Value instead: the\n"
			 "digest zero-padded on the right to 64 bytes"),
		OPT_CHOICE(0, "format", &format, "FMT", format_names,
			   "hex      lower-case hex (default)\n"
			   "tagged   ALGORITHM:hex, as compile's digest line\n"
			   "         (sha512:...); with --rpv, rpv:hex\n"
			   "base64   base64 (RFC 4648, padded)\n"
			   "json     {policy, version, algorithm, digest, rpv,\n"
			   "         rpv_base64}, whatever --rpv says\n"
			   "qemu     personalization-value=<RPV in base64>, for\n"
			   "         QEMU's -object rme-guest,...\n"
			   "kvmtool  --realm-pv=$'...' (bash quoting), for lkvm run\n"
			   "         --realm; refused when the digest has a zero\n"
			   "         byte, which kvmtool's string option cannot carry\n"
			   "coco-initdata  a Confidential Containers init-data\n"
			   "         document carrying the digest as \"mica.policy\";\n"
			   "         its own digest becomes the RPV (docs/attestation.md)"),
		OPT_FRONTEND(&a->fo),
		OPT_END(),
	};

	rc = opts_parse_input(&usage, opts, argc, argv, &a->input);
	if (rc != OPTS_CONTINUE)
		return rc;
	a->format = (enum hash_format)format;
	return OPTS_CONTINUE;
}

static void print_json(const struct policy_build *b)
{
	char *digest = hex_encode(b->digest, b->digest_len);
	char *rpv = hex_encode(b->rpv, RPV_SIZE);
	char *rpv64 = base64_encode(b->rpv, RPV_SIZE);

	/* Names are identifiers ([A-Za-z_][A-Za-z0-9_]*): nothing to escape. */
	printf("{\n  \"policy\": \"%s\",\n  \"version\": %u,\n  \"algorithm\": \"%s\",\n"
	       "  \"digest\": \"%s\",\n  \"rpv\": \"%s\",\n  \"rpv_base64\": \"%s\"\n}\n",
	       b->fe.model.name, (unsigned)b->fe.model.version, digest_name(b->fe.model.digest_alg),
	       digest, rpv, rpv64);
	free(digest);
	free(rpv);
	free(rpv64);
}

/* kvmtool copies --realm-pv's bytes up to the first NUL into a zeroed
 * 64-byte RPV, so the digest's own bytes are the option; the shell's $'\xHH'
 * quoting carries any byte but NUL. */
static int print_kvmtool(const struct policy_build *b)
{
	const uint8_t *zero = memchr(b->digest, 0, b->digest_len);

	if (zero) {
		fprintf(stderr,
			"micac: error: the digest has a zero byte (byte %zu), which kvmtool's --realm-pv\n"
			"  cannot carry: it takes a C string\n"
			"  help: pass the RPV with QEMU (--format qemu), or change the policy's `version`\n",
			(size_t)(zero - b->digest));
		return EXIT_USAGE;
	}
	fputs("--realm-pv=$'", stdout);
	for (size_t i = 0; i < b->digest_len; i++)
		printf("\\x%02x", b->digest[i]);
	fputs("'\n", stdout);
	return EXIT_CLEAN;
}

/* A Confidential Containers init-data document (Trustee's kbs/docs/
 * initdata.md, version 0.1.0) whose [data] carries the policy's digest. With
 * init-data, CoCo sets the RPV to H(init-data) zero-padded and Trustee's CCA
 * verifier requires exactly that, so the policy is bound one step removed:
 * the verifier checks that the init-data holds this entry. The document's
 * algorithm is the policy's, so H(init-data) has the digest's size. */
static int print_initdata(const struct policy_build *b)
{
	char *hex = hex_encode(b->digest, b->digest_len);
	const char *alg = digest_name(b->fe.model.digest_alg);

	printf("algorithm = \"%s\"\nversion = \"0.1.0\"\n\n[data]\n\"mica.policy\" = \"%s:%s\"\n",
	       alg, alg, hex);
	free(hex);
	return EXIT_CLEAN;
}

static int print_hash(const struct policy_build *b, const void *args)
{
	const struct hash_args *a = args;
	const uint8_t *v = a->rpv ? b->rpv : b->digest;
	size_t n = a->rpv ? RPV_SIZE : b->digest_len;
	char *s = NULL;

	switch (a->format) {
	case FMT_HEX: s = hex_encode(v, n); break;
	case FMT_BASE64: s = base64_encode(v, n); break;
	case FMT_JSON: print_json(b); return EXIT_CLEAN;
	case FMT_QEMU: s = base64_encode(b->rpv, RPV_SIZE); fputs("personalization-value=", stdout); break;
	case FMT_KVMTOOL: return print_kvmtool(b);
	case FMT_TAGGED:
		/* The digest exactly as compile prints it. */
		s = a->rpv ? hex_encode(v, n) : policy_digest_text(b);
		if (a->rpv)
			fputs("rpv:", stdout);
		break;
	case FMT_INITDATA: return print_initdata(b);
	}
	puts(s);
	free(s);
	return EXIT_CLEAN;
}

int cmd_hash(int argc, char **argv)
{
	struct hash_args a = {0};
	int rc = parse_args(argc, argv, &a);

	return rc >= 0 ? rc : policy_run(a.input, &a.fo, print_hash, &a);
}
