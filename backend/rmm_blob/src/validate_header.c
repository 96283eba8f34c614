/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The validator's entry point and its first stage, the fixed header fields.
 */

#include <errno.h>
#include "mica_bytes.h"
#include "mica_validate.h"
#include <stddef.h>

#define HDR_OFF(field)	((uint32_t)offsetof(struct mica_blob_header, field))

/* Enough bytes to read the magic and the format version, which come first
 * so that a blob of a later format is told apart from a damaged one.
 */
#define MICA_BLOB_ID_SIZE	(HDR_OFF(format_version) + 2U)

static int check_identity(const struct mica_vctx *v, size_t size)
{
	const struct mica_blob_header *h =
		(const struct mica_blob_header *)(const void *)v->bytes;

	if (size < MICA_BLOB_ID_SIZE) {
		return mica_fault(v, MICA_FAULT_TRUNCATED, MICA_BLOB_IN_HEADER,
				  MICA_BLOB_NO_INDEX, (uint32_t)size);
	}
	if (mica_bytes_cmp(h->magic, (const uint8_t *)MICA_BLOB_MAGIC,
			   MICA_BLOB_MAGIC_SIZE) != 0) {
		return mica_fault(v, MICA_FAULT_MAGIC, MICA_BLOB_IN_HEADER,
				  MICA_BLOB_NO_INDEX, HDR_OFF(magic));
	}
	if (h->format_version != MICA_BLOB_FORMAT_VERSION) {
		return mica_fault(v, MICA_FAULT_VERSION, MICA_BLOB_IN_HEADER,
				  MICA_BLOB_NO_INDEX, HDR_OFF(format_version));
	}
	if (size < sizeof(*h)) {
		return mica_fault(v, MICA_FAULT_TRUNCATED, MICA_BLOB_IN_HEADER,
				  MICA_BLOB_NO_INDEX, (uint32_t)size);
	}
	return 0;
}

static int check_fields(const struct mica_vctx *v,
			const struct mica_blob_header *h, size_t size)
{
	enum mica_blob_fault f = MICA_FAULT_NONE;
	uint32_t off = 0U;

	if (h->header_size != sizeof(*h)) {
		f = MICA_FAULT_HEADER_SIZE;
		off = HDR_OFF(header_size);
	} else if ((size > UINT32_MAX) || (h->total_size != size)) {
		f = MICA_FAULT_TOTAL_SIZE;
		off = HDR_OFF(total_size);
	} else if ((h->digest_alg < MICA_DIGEST_SHA256) ||
		   (h->digest_alg > MICA_DIGEST_SHA512)) {
		f = MICA_FAULT_DIGEST_ALG;
		off = HDR_OFF(digest_alg);
	} else if ((h->ipa_bits < MICA_IPA_BITS_MIN) ||
		   (h->ipa_bits > MICA_IPA_BITS_MAX)) {
		f = MICA_FAULT_IPA_BITS;
		off = HDR_OFF(ipa_bits);
	} else {
		int rc = mica_check_zero(v, HDR_OFF(reserved0),
					 sizeof(h->reserved0),
					 MICA_FAULT_RESERVED,
					 MICA_BLOB_IN_HEADER, MICA_BLOB_NO_INDEX);

		if (rc != 0) {
			return rc;
		}
		return mica_check_zero(v, HDR_OFF(reserved1),
				       sizeof(h->reserved1), MICA_FAULT_RESERVED,
				       MICA_BLOB_IN_HEADER, MICA_BLOB_NO_INDEX);
	}
	return mica_fault(v, f, MICA_BLOB_IN_HEADER, MICA_BLOB_NO_INDEX, off);
}

int mica_validate_header(struct mica_vctx *v, const void *blob, size_t size)
{
	int rc;

	if (blob == NULL) {
		return mica_fault(v, MICA_FAULT_NULL, MICA_BLOB_IN_HEADER,
				  MICA_BLOB_NO_INDEX, 0U);
	}
	/* The RMM reads the blob in place and must not make unaligned loads. */
	if (((uintptr_t)blob & (MICA_BLOB_ALIGN - 1U)) != 0U) {
		return mica_fault(v, MICA_FAULT_ALIGN, MICA_BLOB_IN_HEADER,
				  MICA_BLOB_NO_INDEX, 0U);
	}
	v->bytes = (const uint8_t *)blob;
	rc = check_identity(v, size);
	if (rc == 0) {
		const struct mica_blob_header *h = blob;

		rc = check_fields(v, h, size);
		if (rc == 0) {
			v->hdr = h;
		}
	}
	return rc;
}

typedef int (*mica_stage_fn)(struct mica_vctx *v);

/* Each stage may rely on what the stages before it proved. */
static const mica_stage_fn stages[] = {
	mica_validate_layout,
	mica_validate_policy_name,
	mica_validate_realms,
	mica_validate_grants,
	mica_validate_regions,
	mica_validate_calls,
	mica_validate_region_index,
	mica_validate_rim_index,
	mica_validate_name_sets,
	NULL
};

int mica_blob_validate(const void *blob, size_t size,
		       struct mica_blob_error *err)
{
	struct mica_vctx v = { NULL, NULL, err, 0U, 0U };
	size_t i;
	int rc = mica_validate_header(&v, blob, size);

	for (i = 0U; (rc == 0) && (stages[i] != NULL); i++) {
		rc = stages[i](&v);
	}
	if ((rc == 0) && (err != NULL)) {
		err->fault = MICA_FAULT_NONE;
		err->offset = 0U;
		err->index = MICA_BLOB_NO_INDEX;
		err->table = (uint8_t)MICA_BLOB_IN_HEADER;
	}
	return rc;
}
