/* policy_build.h - what compile, hash and endorse share: run the front end
 * on one input, report its diagnostics, encode the model and digest the
 * blob. A blob given as input comes back byte for byte (the validator only
 * accepts canonical blobs), which policy_build checks. */
#ifndef MICAC_POLICY_BUILD_H
#define MICAC_POLICY_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "blob/digest.h"
#include "frontend.h"

struct policy_build {
	struct frontend fe;	/* fe.model is the policy */
	uint8_t *blob;
	size_t len;
	uint8_t digest[DIGEST_MAX_SIZE];
	size_t digest_len;
	uint8_t rpv[RPV_SIZE];
};

/* Builds PATH. Diagnostics go to stderr. Returns EXIT_CLEAN when B holds a
 * blob and its digest, else the exit code to stop with (EXIT_POLICY,
 * EXIT_USAGE, EXIT_INTERNAL). Free B with policy_build_free either way. */
int policy_build(struct policy_build *b, const char *path, const struct frontend_opts *opts);
void policy_build_free(struct policy_build *b);

/* What compile, hash and endorse do once the policy is built: ACT(B, ARGS)
 * returns an exit code. */
typedef int (*policy_action)(const struct policy_build *b, const void *args);
/* Builds INPUT, runs ACT on it when that succeeded, frees everything, and
 * turns a failed write to standard output into EXIT_USAGE. Returns the
 * exit code. */
int policy_run(const char *input, const struct frontend_opts *opts, policy_action act,
	       const void *args);

/* Prints FE's diagnostics (sorted) and its I/O error, if any, to stderr. */
void policy_report(struct frontend *fe);

/* "sha512:<hex>": the digest as micac prints it. Free the result. */
char *policy_digest_text(const struct policy_build *b);

#endif
