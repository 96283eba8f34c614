/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 */

#include "mica_bytes.h"

int mica_pair_cmp(uint32_t a_hi, uint32_t a_lo, uint32_t b_hi, uint32_t b_lo)
{
	if (a_hi != b_hi) {
		return (a_hi < b_hi) ? -1 : 1;
	}
	if (a_lo != b_lo) {
		return (a_lo < b_lo) ? -1 : 1;
	}
	return 0;
}
