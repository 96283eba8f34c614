/* model.h - a checked, resolved policy: exactly what the blob holds.
 *
 * Realms and regions are sorted by name, grants by (region, realm), calls by
 * (caller, callee): the blob's total order, so the encoder writes the model
 * as it is and the decoder's output compares equal field by field. Every
 * region has a base (the compiler's placement is already done). Locations
 * point into the source when the model came from one, and name the blob's
 * table entries (diag_blob_loc) when it came from a blob. Asserts are
 * compile-time only and never reach the blob. Names are borrowed from the
 * source's interner (util/intern.h): the source (for a decoded model, the
 * blob's) must outlive the model. */
#ifndef MICAC_MODEL_H
#define MICAC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mica_blob.h"
#include "util/source.h"

/* The built-in `host` principal, where a realm index is expected. */
#define MODEL_HOST UINT32_MAX

struct model_realm {
	const char *name;
	uint8_t trust;			/* MICA_TRUST_* */
	uint8_t flags;			/* MICA_REALM_* */
	uint8_t meas_len;		/* 0, 32, 48, 64 */
	uint8_t measurement[MICA_MEAS_MAX];
	loc_t loc;			/* the realm's name */
	loc_t hostcall_loc, mmio_loc;	/* where those were granted */
};

struct model_region {
	const char *name;
	uint8_t kind;			/* MICA_REGION_* */
	uint64_t base, size;
	uint32_t grant_first, grant_count;
	loc_t loc;			/* the region's name */
};

struct model_grant {
	uint32_t region, realm;
	uint8_t perm;			/* MICA_PERM_* */
	loc_t loc;
};

struct model_call {
	uint32_t caller, callee;
	uint8_t flags;			/* MICA_CALL_* */
	loc_t loc;
};

struct model_assert {
	uint32_t from, to;		/* realm index or MODEL_HOST */
	loc_t loc;
};

struct model {
	const struct source *src;	/* the source, or the blob it was decoded from */
	bool yaml;			/* from YAML: help quotes YAML, not Mica */
	const char *name;
	uint32_t version;
	uint8_t digest_alg;		/* MICA_DIGEST_* */
	uint8_t ipa_bits;
	loc_t loc;
	struct model_realm *realms;	uint32_t nrealms;
	struct model_region *regions;	uint32_t nregions;
	struct model_grant *grants;	uint32_t ngrants;
	struct model_call *calls;	uint32_t ncalls;
	struct model_assert *asserts;	uint32_t nasserts;
};

void model_free(struct model *m);
/* Index of the realm / region called NAME, or -1 (binary search by name). */
int64_t model_find_realm(const struct model *m, const char *name);
int64_t model_find_region(const struct model *m, const char *name);
/* The measured realms (*N of them) by (length, measurement bytes, index):
 * the blob's rim index, and the order in which realms that expect the same
 * measurement sit side by side. The caller frees the array. */
uint32_t *model_rim_order(const struct model *m, uint32_t *n);
/* Name of a principal: a realm's name, or "host" for MODEL_HOST. */
const char *model_principal_name(const struct model *m, uint32_t idx);

#endif
