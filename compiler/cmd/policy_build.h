/* policy_build.h - what compile, hash and endorse share: run the front end
 * on one input, report its diagnostics, encode the model and digest the
 * blob. A blob given as input comes back byte for byte (the validator only
 * accepts canonical blobs), which policy_build checks. */
#ifndef MICAC_POLICY_BUILD_H
#define MICAC_POLICY_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <threads.h>

#include "blob/digest.h"
#include "frontend.h"

struct policy_build {
	struct frontend fe;	/* fe.model is the policy */
	uint8_t *blob;
	size_t len;
	uint8_t digest[DIGEST_MAX_SIZE];
	size_t digest_len;
	uint8_t rpv[RPV_SIZE];
	/* The encoder, then the validator and the digest, run on threads of
	 * their own (policy_build.c) until policy_build_wait. */
	thrd_t encoder, workers[2];
	bool encoding;		/* ENCODER runs */
	size_t nworkers;	/* WORKERS run */
	bool encoded, too_large, invalid;
	char check_err[256];
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

/* The same, but ACT gets the blob while it is still being validated and
 * digested, so that it can start on work that does not need the verdict
 * (compile writes the blob to its temporary file); ACT must call
 * policy_build_wait, and stop with its result, before it publishes
 * anything or reads the digest. */
typedef int (*policy_overlap_action)(struct policy_build *b, const void *args);
int policy_run_overlapped(const char *input, const struct frontend_opts *opts,
			  policy_overlap_action act, const void *args);
/* Waits for the validator and the digest. EXIT_CLEAN, or EXIT_INTERNAL
 * (reported on stderr) when micac wrote an invalid blob. */
int policy_build_wait(struct policy_build *b);

/* Prints FE's diagnostics (sorted) and its I/O error, if any, to stderr. */
void policy_report(struct frontend *fe);

/* "sha512:<hex>": the digest as micac prints it. Free the result. */
char *policy_digest_text(const struct policy_build *b);

#endif
