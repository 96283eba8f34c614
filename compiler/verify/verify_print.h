/* verify_print.h - `micac verify`'s report: text for people, JSON for
 * scripts (docs/attestation.md shows both). */
#ifndef MICAC_VERIFY_PRINT_H
#define MICAC_VERIFY_PRINT_H

#include <stdio.h>

#include "verify/appraise.h"

struct verify_report {
	const struct verify_policy *policy;
	const struct token_result *r;
	size_t n;
	bool require_all;	/* --all: a measured role without a token fails */
};

/* The overall outcome: TOKEN_BAD_INPUT if any token was bad input, else
 * TOKEN_FAILED if any check failed (or a role is missing under --all),
 * else TOKEN_APPRAISED. */
enum token_status verify_outcome(const struct verify_report *v);

void verify_print_text(FILE *out, const struct verify_report *v);
void verify_print_json(FILE *out, const struct verify_report *v);

#endif
