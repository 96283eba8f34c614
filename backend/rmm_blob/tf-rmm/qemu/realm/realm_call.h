/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * realm_call.c: the realm calls a payload makes for its role.
 */

#ifndef REALM_CALL_H
#define REALM_CALL_H

/* The calls role makes (governed) or the stock realm makes; nonzero when
 * every answer was as the policy predicts.
 */
int realm_call(unsigned long role, int governed);

#endif /* REALM_CALL_H */
