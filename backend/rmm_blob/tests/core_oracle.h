/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The RMM's queries against their definitions: on a blob the core
 * (mica_blob_check) accepted, canonical or not, every query the RMM makes
 * and every decision of mica_decide.c is run, and each query's answer is
 * compared with a plain linear scan of the tables, which needs none of the
 * orders the queries' binary searches rely on. Used by the unit tests and
 * the blob fuzz target (fuzz/fuzz_blob.c), both under ASan/UBSan: the
 * executable form of docs/rmm-integration.md's argument that the core
 * checks are enough for the RMM.
 */

#ifndef CORE_ORACLE_H
#define CORE_ORACLE_H

#include <mica_core.h>
#include <mica_decide.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Runs the queries and decisions for realms and regions up to `most` of
 * each (and one index past the last), and returns how many answers differ
 * from the linear definitions; the first is described in why.
 */
unsigned int core_oracle(const struct mica_policy *pol, uint32_t most,
			 char *why, size_t whylen);

/*
 * A realm governed from slot 1 with role bound the way the RMM binds it
 * (mica_decide_bind, which records the role's caps); unbound when pol has
 * no such role.
 */
struct mica_realm core_oracle_bound(const struct mica_policy *pol,
				    uint32_t role);

#endif /* CORE_ORACLE_H */
