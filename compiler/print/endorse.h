/* endorse.h - Veraison reference values for the realms of a policy.
 *
 * A CoMID template, in the JSON that Veraison's `cocli comid create` reads,
 * under the CCA realm profile (tag:arm.com,2025:cca_realm#1.0.0): one
 * reference-value triple per distinct realm measurement, whose environment
 * is identified by that RIM (class id, tagged bytes) and whose measurements
 * are
 *
 *   cca.rim  digests: [[ALG, RIM]]   ALG the Named Information id of the
 *                                    RIM's length: 1 sha-256, 7 sha-384,
 *                                    8 sha-512; RIM unpadded base64url
 *   cca.rpv  raw-value: tagged bytes, the policy's 64-byte RPV
 *
 * plus the CoRIM wrapper template that `cocli corim create` needs. */
#ifndef MICAC_ENDORSE_H
#define MICAC_ENDORSE_H

#include <stddef.h>
#include <stdint.h>

#include "blob/digest.h"
#include "util/doctree.h"
#include "sema/model.h"

#define CCA_REALM_PROFILE "tag:arm.com,2025:cca_realm#1.0.0"

/* The Named Information hash algorithm id of a LEN-byte digest, or 0. */
int ni_alg_id(size_t len);

/* The tag id micac gives a policy's CoMID and CoRIM:
 * "mica:<policy>:<alg>:<hex digest>". Free it. */
char *endorse_tag_id(const struct model *m, const uint8_t *digest, size_t digest_len);

/* The CoMID of policy M whose blob is BLOB (for its RIM index) and whose
 * RPV is RPV; NULL when no realm has a measurement. TAG_ID is borrowed. */
struct dnode *endorse_comid(const struct model *m, const void *blob, const uint8_t rpv[RPV_SIZE],
			    const char *tag_id);
/* The CoRIM template that wraps it. */
struct dnode *endorse_corim(const char *tag_id);

#endif
