/* fuzz_blob.c - libFuzzer target: bytes -> the backend's blob validator
 * and the RMM's core checks.
 *
 * Whatever mica_blob_validate accepts must be canonical: it decodes and
 * re-encodes to identical bytes (else abort), and the core accepts it too.
 * Whatever the core (mica_policy_init, what the RMM runs on
 * RMI_MICA_POLICY_LOAD) accepts, canonical or not, is queried the way the
 * RMM queries it, and each answer must be its linear definition
 * (backend/rmm_blob/tests/core_oracle.c, else abort): the query API trusts
 * the checks and reads without them, so a hole shows up here as an
 * out-of-bounds read or a wrong answer. micac's lookups run on canonical
 * blobs only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core_oracle.h"
#include "fuzz_compile.h"
#include "mica_policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One query of each kind for every realm against a few regions. */
static void query_all(const struct mica_policy *pol)
{
	static const uint8_t rim[MICA_MEAS_MAX];
	uint32_t pos, region;
	unsigned int perm;
	bool oneway;

	(void)mica_policy_role_by_rim(pol, rim, 32, &pos);
	for (uint32_t r = 0; r < pol->realm_count && r < 64; r++) {
		const char *name = mica_blob_realm_name(pol->blob, r);
		uint32_t found;

		if (mica_policy_find_realm(pol, name, strlen(name), &found) != 0 || found != r)
			abort();
		(void)mica_policy_may_hostcall(pol, r);
		(void)mica_policy_may_mmio(pol, r);
		(void)mica_policy_rim_matches(pol, r, rim, 64);
		(void)mica_policy_may_call(pol, r, (r + 1) % pol->realm_count, &oneway);
		for (uint32_t g = 0; g < pol->region_count && g < 16; g++) {
			const struct mica_blob_region *br = mica_blob_region(pol->blob, g);

			(void)mica_policy_region_perm(pol, g, r);
			(void)mica_policy_may_share(pol, g, r, 0);
			(void)mica_policy_ns_map_perm(pol, r, br->base, br->size, &perm, &region);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The validator wants 8-byte alignment, which fuzz input lacks. */
	uint8_t *blob = malloc(size ? size : 1);
	struct mica_policy pol;

	if (!blob)
		return 0;
	if (size)
		memcpy(blob, data, size);
	if (mica_policy_init(&pol, blob, size, NULL) == 0) {
		char why[160];

		/* 16 realms and regions each keep an input under a millisecond */
		if (core_oracle(&pol, 16, why, sizeof(why)) != 0) {
			fprintf(stderr, "core_oracle: %s\n", why);
			abort();
		}
	}
	if (mica_blob_validate(blob, size, NULL) == 0) {
		fuzz_blob_roundtrip(blob, size);
		if (pol.blob != blob)
			abort();
		query_all(&pol);
	}
	free(blob);
	return 0;
}
