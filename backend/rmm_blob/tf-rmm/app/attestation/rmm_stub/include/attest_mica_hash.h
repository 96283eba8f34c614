/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * SHA-384 for the attestation app's one-shot hash (attest_do_hash(),
 * ATTESTATION_APP_FUNC_ID_DO_HASH), which at this TF-RMM tag knows only
 * RMI_HASH_SHA_256 (0) and RMI_HASH_SHA_512 (1). Mica policy blobs may use
 * `digest sha384`: 0001-mica-enforcement.patch adds this id to the app's
 * app_do_hash() (three lines before its SHA-256 test). An id no RMI_HASH_*
 * value takes, so the stock algorithms mean what they meant.
 */

#ifndef ATTEST_MICA_HASH_H
#define ATTEST_MICA_HASH_H

#define ATTEST_MICA_HASH_SHA384		0x384UL

#endif /* ATTEST_MICA_HASH_H */
