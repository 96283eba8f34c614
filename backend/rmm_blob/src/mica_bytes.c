/*
 * SPDX-License-Identifier: BSD-3-Clause
 */

#include "mica_bytes.h"

int mica_bytes_cmp(const uint8_t *a, const uint8_t *b, size_t n)
{
	size_t i;

	for (i = 0U; i < n; i++) {
		if (a[i] != b[i]) {
			return (a[i] < b[i]) ? -1 : 1;
		}
	}
	return 0;
}

int mica_name_cmp(const char *z, const char *s, size_t n)
{
	size_t i;

	for (i = 0U; i < n; i++) {
		uint8_t a = (uint8_t)z[i];
		uint8_t b = (uint8_t)s[i];

		if (a != b) {
			return (a < b) ? -1 : 1;
		}
		/* Both NUL before n: z ended, s still has bytes. */
		if (a == 0U) {
			return -1;
		}
	}
	return (z[n] == '\0') ? 0 : 1;
}

size_t mica_name_len(const char *z)
{
	size_t n = 0U;

	while (z[n] != '\0') {
		n++;
	}
	return n;
}

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

int mica_meas_cmp(const struct mica_blob_realm *r, const uint8_t *meas,
		  size_t len)
{
	if ((size_t)r->meas_len != len) {
		return ((size_t)r->meas_len < len) ? -1 : 1;
	}
	return mica_bytes_cmp(r->measurement, meas, len);
}
