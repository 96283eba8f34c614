/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Private byte comparisons shared by the checks (which prove the blob's
 * sort orders) and the queries (which binary-search those same orders): one
 * definition of each order, so the two can never disagree. The name order,
 * which only micac reads, is in mica_names.h.
 */

#ifndef MICA_BYTES_H
#define MICA_BYTES_H

#include <mica_blob.h>
#include <stddef.h>
#include <stdint.h>

/* Orders (a_hi, a_lo) against (b_hi, b_lo): the grant and call orders. */
int mica_pair_cmp(uint32_t a_hi, uint32_t a_lo, uint32_t b_hi, uint32_t b_lo);

/* An 8-byte word of the blob read in place (-mstrict-align permits
 * aligned loads); may_alias because the blob's bytes are uint8_t.
 */
typedef uint64_t mica_word_t __attribute__((may_alias));

#endif /* MICA_BYTES_H */
