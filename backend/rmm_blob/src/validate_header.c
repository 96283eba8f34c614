/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The core's entry point (mica_blob_check) and its first stage: the buffer
 * and the header fields the RMM reads. The header's other rules
 * (header_size, total_size, reserved fields) only make a blob canonical;
 * canon_header.c checks them.
 */

#include "mica_bytes.h"
#include "mica_validate.h"
#include <stddef.h>

#define HDR_OFF(field)	((uint32_t)offsetof(struct mica_blob_header, field))

/* Enough bytes to read the magic and the format version, which come first
 * so that a blob of a later format is told apart from a damaged one.
 */
#define MICA_BLOB_ID_SIZE	(HDR_OFF(format_version) + 2U)

/* "MICAPOL\0" as the aligned little-endian word it is at offset 0. */
#define MICA_BLOB_MAGIC_WORD	0x004c4f504143494dULL

/*
 * The buffer, then what the RMM reads in the header: the digest algorithm
 * (it hashes with it) and the IPA width (BIND compares it; the regions'
 * halves depend on it). The blob is read in place, so it must be aligned
 * for the RMM's loads. Each rule is read only once the ones before it hold.
 */
int mica_check_header(struct mica_vctx *v, const void *blob, size_t size)
{
	const struct mica_blob_header *h = blob;
	enum mica_blob_fault f = MICA_FAULT_NONE;
	uint32_t off = 0U;

	v->bytes = (const uint8_t *)blob;
	v->size = size;
	if (blob == NULL) {
		f = MICA_FAULT_NULL;
	} else if (((uintptr_t)blob & (MICA_BLOB_ALIGN - 1U)) != 0U) {
		f = MICA_FAULT_ALIGN;
	} else if (size < MICA_BLOB_ID_SIZE) {
		f = MICA_FAULT_TRUNCATED;
		off = (uint32_t)size;
	} else if (*(const mica_word_t *)blob != MICA_BLOB_MAGIC_WORD) {
		f = MICA_FAULT_MAGIC;
	} else if (h->format_version != MICA_BLOB_FORMAT_VERSION) {
		f = MICA_FAULT_VERSION;
		off = HDR_OFF(format_version);
	} else if (size < sizeof(*h)) {
		f = MICA_FAULT_TRUNCATED;
		off = (uint32_t)size;
	} else if ((h->digest_alg < MICA_DIGEST_SHA256) ||
		   (h->digest_alg > MICA_DIGEST_SHA512)) {
		f = MICA_FAULT_DIGEST_ALG;
		off = HDR_OFF(digest_alg);
	} else if ((h->ipa_bits < MICA_IPA_BITS_MIN) ||
		   (h->ipa_bits > MICA_IPA_BITS_MAX)) {
		f = MICA_FAULT_IPA_BITS;
		off = HDR_OFF(ipa_bits);
	} else {
		v->hdr = h;
		return 0;
	}
	return mica_fault(v, f, MICA_BLOB_IN_HEADER, MICA_BLOB_NO_INDEX, off);
}

typedef int (*mica_stage_fn)(struct mica_vctx *v);

/* Each stage may rely on what the stages before it proved. */
static const mica_stage_fn stages[] = {
	mica_validate_layout,
	mica_validate_realms,
	mica_validate_grants,
	mica_validate_regions,
	mica_validate_calls,
	mica_validate_region_index,
	NULL
};

int mica_check_tables(struct mica_vctx *v)
{
	size_t i;
	int rc = 0;

	for (i = 0U; (rc == 0) && (stages[i] != NULL); i++) {
		rc = stages[i](v);
	}
	return rc;
}

int mica_blob_check(const void *blob, size_t size,
		    struct mica_blob_error *err)
{
	struct mica_vctx v = { NULL, NULL, err, 0U };
	int rc = mica_check_header(&v, blob, size);

	if (rc == 0) {
		rc = mica_check_tables(&v);
	}
	return mica_done(&v, rc);
}
