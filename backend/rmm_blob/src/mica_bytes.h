/*
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Private byte comparisons shared by the validator (which checks the blob's
 * sort orders) and the queries (which binary-search those same orders): one
 * definition of each order, so the two can never disagree.
 */

#ifndef MICA_BYTES_H
#define MICA_BYTES_H

#include <mica_blob.h>
#include <stddef.h>
#include <stdint.h>

/* memcmp's contract, without depending on libc. */
int mica_bytes_cmp(const uint8_t *a, const uint8_t *b, size_t n);

/* Orders the NUL-terminated name z against the n bytes at s by bytes, a
 * proper prefix first: <0, 0 or >0. Reads z only up to its NUL. */
int mica_name_cmp(const char *z, const char *s, size_t n);

/* strlen's contract, for names the validator already bounded. */
size_t mica_name_len(const char *z);

/* Orders (a_hi, a_lo) against (b_hi, b_lo): the grant and call orders. */
int mica_pair_cmp(uint32_t a_hi, uint32_t a_lo, uint32_t b_hi, uint32_t b_lo);

/* Orders a realm's measurement against (len, bytes): by length, then by
 * bytes; the rim index's order without its realm index tie-break. */
int mica_meas_cmp(const struct mica_blob_realm *r, const uint8_t *meas,
		  size_t len);

#endif /* MICA_BYTES_H */
