/* policy_build.c - input to blob and digest, for the commands that need
 * both (see policy_build.h). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "blob/encode.h"
#include "cmd/policy_build.h"
#include "util/xalloc.h"

void policy_report(struct frontend *fe)
{
	diag_sort(&fe->diags);
	diag_render_text(stderr, &fe->diags, 0, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
	if (fe->io_error[0])
		fprintf(stderr, "micac: error: %s\n", fe->io_error);
}

/* The encoder cannot refuse a model the checker accepted, and re-encoding
 * a valid blob must give the blob: anything else is a bug in micac. */
static int encode_or_internal(struct policy_build *b)
{
	char err[256] = "";
	int rc = encode_model_checked(&b->fe.model, &b->blob, &b->len, err, sizeof(err));

	if (rc == ENCODE_TOO_LARGE) {
		fprintf(stderr, "micac: internal error: the policy exceeds the blob format's limits\n");
		return EXIT_INTERNAL;
	}
	if (rc != ENCODE_OK) {
		fprintf(stderr, "micac: internal error: the encoder wrote an invalid blob: %s\n", err);
		return EXIT_INTERNAL;
	}
	if (b->fe.lang == LANG_BLOB &&
	    (b->len != b->fe.src.len || memcmp(b->blob, b->fe.src.data, b->len) != 0)) {
		fprintf(stderr, "micac: internal error: '%s' validates but does not re-encode to itself\n",
			b->fe.src.name);
		return EXIT_INTERNAL;
	}
	return EXIT_CLEAN;
}

int policy_build(struct policy_build *b, const char *path, const struct frontend_opts *opts)
{
	int rc;

	memset(b, 0, sizeof(*b));
	rc = cli_exit_status(frontend_run(&b->fe, path, opts));
	policy_report(&b->fe);
	if (rc != EXIT_CLEAN)
		return rc;
	if (!b->fe.has_model) {
		fprintf(stderr, "micac: internal error: '%s' gave no policy and no error\n", path);
		return EXIT_INTERNAL;
	}
	rc = encode_or_internal(b);
	if (rc != EXIT_CLEAN)
		return rc;
	b->digest_len = digest_compute(b->fe.model.digest_alg, b->blob, b->len, b->digest);
	if (b->digest_len == 0) {
		fprintf(stderr, "micac: internal error: cannot compute the digest\n");
		return EXIT_INTERNAL;
	}
	digest_rpv(b->digest, b->digest_len, b->rpv);
	return EXIT_CLEAN;
}

int policy_run(const char *input, const struct frontend_opts *opts, policy_action act,
	       const void *args)
{
	struct policy_build b;
	int rc = policy_build(&b, input, opts);

	if (rc == EXIT_CLEAN)
		rc = act(&b, args);
	if (rc == EXIT_CLEAN && (fflush(stdout) != 0 || ferror(stdout))) {
		fprintf(stderr, "micac: error: cannot write to standard output\n");
		rc = EXIT_USAGE;
	}
	policy_build_free(&b);
	return rc;
}

void policy_build_free(struct policy_build *b)
{
	free(b->blob);
	frontend_free(&b->fe);
	memset(b, 0, sizeof(*b));
}

char *policy_digest_text(const struct policy_build *b)
{
	char *hex = hex_encode(b->digest, b->digest_len);
	char *s = xasprintf("%s:%s", digest_name(b->fe.model.digest_alg), hex);

	free(hex);
	return s;
}
