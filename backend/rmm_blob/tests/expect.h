/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Shared by the CMocka tests: includes in the order cmocka.h needs, the
 * assertion that a blob is refused for exactly one reason, and a fixture.
 */

#ifndef EXPECT_H
#define EXPECT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdlib.h>
#include <mica_policy.h>

#include "blob_builder.h"

/* Where the fault must be reported. */
struct fault_at {
	unsigned int fault;	/* MICA_FAULT_* */
	unsigned int table;	/* MICA_TABLE_* or MICA_BLOB_IN_HEADER */
	uint32_t index;		/* or MICA_BLOB_NO_INDEX */
	uint32_t offset;
};

/* Validates and asserts rc (-EINVAL unless the fault is the version's) and
 * every field of the error; then asserts that the RMM's core
 * (mica_blob_check) reports the same fault if it is one of the core's
 * rules, and accepts the blob otherwise.
 */
#define expect_fault(blob, size, ...) \
	expect_fault_at((blob), (size), (struct fault_at){ __VA_ARGS__ }, \
			NULL, __FILE__, __LINE__)
/* The same for a blob that breaks a canonical rule first and then a core
 * rule, which the core reports: expect_fault_core(b, n, FAULT(...), FAULT(...)).
 */
#define FAULT(...)	((struct fault_at){ __VA_ARGS__ })
#define expect_fault_core(blob, size, want, core) \
	expect_fault_at((blob), (size), want, &(core), __FILE__, __LINE__)
void expect_fault_at(const uint8_t *blob, size_t size, struct fault_at want,
		     const struct fault_at *core, const char *file, int line);

/* Is the fault one of the rules the core (mica_blob_check) keeps? */
bool fault_is_core(unsigned int f);

/* Validates and asserts the blob is accepted, by the core too. */
void expect_valid(const uint8_t *blob, size_t size);

/* CMocka fixture: the sample blob, and a policy bound to it. */
struct sample {
	uint8_t *b;
	size_t size;
	struct mica_policy pol;
};
int sample_setup(void **state);
int sample_teardown(void **state);

#endif /* EXPECT_H */
