/* policy_build.c - input to blob and digest, for the commands that need
 * both (see policy_build.h). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "blob/blob_check.h"
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

/* The blob is made beside other work (docs/performance.md): the encoder
 * runs on a thread of its own while the front end's flow analysis does
 * (both only read the model), and as soon as the blob exists, the
 * validator and the digest (which only read it) start on two more, and run
 * on while compile writes the blob out. Where no thread can be had, each
 * runs in its turn. */
static void start_worker(struct policy_build *b, int (*fn)(void *))
{
	thrd_t *t = &b->workers[b->nworkers];

	if (thrd_create(t, fn, b) == thrd_success)
		b->nworkers++;
	else
		fn(b);
}

static void join_workers(struct policy_build *b)
{
	for (size_t i = 0; i < b->nworkers; i++)
		thrd_join(b->workers[i], NULL);
	b->nworkers = 0;
}

static int check_blob(void *arg)
{
	struct policy_build *b = arg;

	b->invalid = blob_check(b->blob, b->len, b->check_err, sizeof(b->check_err)) != 0;
	return 0;
}

static int digest_blob(void *arg)
{
	struct policy_build *b = arg;

	b->digest_len = digest_compute(b->fe.model.digest_alg, b->blob, b->len, b->digest);
	return 0;
}

static int encode_blob(void *arg)
{
	struct policy_build *b = arg;

	b->encoded = true;
	b->too_large = encode_model_unchecked(&b->fe.model, &b->blob, &b->len) != ENCODE_OK;
	if (!b->too_large) {
		start_worker(b, digest_blob);
		start_worker(b, check_blob);
	}
	return 0;
}

/* The front end's model_built: the model is final. */
static void start_encoding(const struct model *m, void *arg)
{
	struct policy_build *b = arg;

	(void)m;
	b->encoding = thrd_create(&b->encoder, encode_blob, b) == thrd_success;
	if (!b->encoding)
		encode_blob(b);
}

/* Re-encoding a valid blob must give the blob: anything else is a bug in
 * micac, as is a blob the validator refuses. */
int policy_build_wait(struct policy_build *b)
{
	join_workers(b);
	if (b->invalid) {
		fprintf(stderr, "micac: internal error: the encoder wrote an invalid blob: %s\n",
			b->check_err);
		return EXIT_INTERNAL;
	}
	if (b->fe.lang == LANG_BLOB &&
	    (b->len != b->fe.src.len || memcmp(b->blob, b->fe.src.data, b->len) != 0)) {
		fprintf(stderr, "micac: internal error: '%s' validates but does not re-encode to itself\n",
			b->fe.src.name);
		return EXIT_INTERNAL;
	}
	if (b->digest_len == 0) {
		fprintf(stderr, "micac: internal error: cannot compute the digest\n");
		return EXIT_INTERNAL;
	}
	digest_rpv(b->digest, b->digest_len, b->rpv);
	return EXIT_CLEAN;
}

/* Front end and encoder; the blob's check and digest are left running. */
static int build_start(struct policy_build *b, const char *path, const struct frontend_opts *opts)
{
	struct frontend_opts fo = *opts;
	int rc;

	memset(b, 0, sizeof(*b));
	fo.model_built = start_encoding;
	fo.model_built_arg = b;
	rc = cli_exit_status(frontend_run(&b->fe, path, &fo));
	if (b->encoding)	/* the encoder started its workers before it ended */
		thrd_join(b->encoder, NULL);
	b->encoding = false;
	policy_report(&b->fe);
	if (rc != EXIT_CLEAN)
		return rc;
	if (!b->fe.has_model) {
		fprintf(stderr, "micac: internal error: '%s' gave no policy and no error\n", path);
		return EXIT_INTERNAL;
	}
	if (!b->encoded)
		encode_blob(b);
	if (b->too_large) {
		/* The encoder cannot refuse a model the checker accepted. */
		fprintf(stderr, "micac: internal error: the policy exceeds the blob format's limits\n");
		return EXIT_INTERNAL;
	}
	return EXIT_CLEAN;
}

int policy_build(struct policy_build *b, const char *path, const struct frontend_opts *opts)
{
	int rc = build_start(b, path, opts);

	return rc == EXIT_CLEAN ? policy_build_wait(b) : rc;
}

/* Standard output's last flush can fail: that is a failed write. */
static int end_run(struct policy_build *b, int rc)
{
	if (rc == EXIT_CLEAN && (fflush(stdout) != 0 || ferror(stdout))) {
		fprintf(stderr, "micac: error: cannot write to standard output\n");
		rc = EXIT_USAGE;
	}
	policy_build_free(b);
	return rc;
}

int policy_run(const char *input, const struct frontend_opts *opts, policy_action act,
	       const void *args)
{
	struct policy_build b;
	int rc = policy_build(&b, input, opts);

	if (rc == EXIT_CLEAN)
		rc = act(&b, args);
	return end_run(&b, rc);
}

int policy_run_overlapped(const char *input, const struct frontend_opts *opts,
			  policy_overlap_action act, const void *args)
{
	struct policy_build b;
	int rc = build_start(&b, input, opts);

	if (rc == EXIT_CLEAN)
		rc = act(&b, args);
	return end_run(&b, rc);
}

void policy_build_free(struct policy_build *b)
{
	if (b->encoding)
		thrd_join(b->encoder, NULL);
	join_workers(b);
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
