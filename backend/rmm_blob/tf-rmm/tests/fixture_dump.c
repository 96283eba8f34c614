/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Writes the host-build test's fixture blob (host_mica_fixture.c) to
 * stdout, for check_replay.sh to compare with what micac compiles from
 * host_mica_fixture.mica. With an argument N (decimal or 0x hex), the
 * blob's policy_version is N, as host_mica_call.c and host_mica_share.c
 * load the fixture again under versions of their own.
 */

#include <host_mica_fixture.h>
#include <mica_blob.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	static uint64_t blob[4096U / sizeof(uint64_t)];
	char *end = NULL;

	(void)mica_fixture_copy(blob);
	if (argc > 1) {
		unsigned long v = strtoul(argv[1], &end, 0);

		if ((end == argv[1]) || (*end != '\0') || (v > UINT32_MAX)) {
			(void)fprintf(stderr, "usage: fixture_dump [VERSION]\n");
			return 2;
		}
		uint32_t version = (uint32_t)v;

		(void)memcpy((uint8_t *)blob + offsetof(struct mica_blob_header,
							policy_version),
			     &version, sizeof(version));
	}
	return (fwrite(blob, 1U, mica_fixture_size(), stdout) ==
		mica_fixture_size()) ? 0 : 1;
}
