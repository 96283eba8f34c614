/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 */

#ifndef REALM_SHARE_H
#define REALM_SHARE_H

/* The realm's sharing checks for its role (realm_share.c): failures. */
unsigned int realm_share(unsigned long role);

#endif /* REALM_SHARE_H */
