/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Private, micac only: the name order, shared by the canonical validator
 * (which proves the realm and region tables sorted by it) and the lookups
 * by name (which binary-search them). The RMM never reads a name.
 */

#ifndef MICA_NAMES_H
#define MICA_NAMES_H

#include <stddef.h>

/* Orders the NUL-terminated name z against the n bytes at s by bytes, a
 * proper prefix first: <0, 0 or >0. Reads z only up to its NUL.
 */
int mica_name_cmp(const char *z, const char *s, size_t n);

/* strlen's contract, for names the validator already bounded. */
size_t mica_name_len(const char *z);

#endif /* MICA_NAMES_H */
