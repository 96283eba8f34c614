/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Writes the host-build test's fixture blob (host_mica_fixture.c) to
 * stdout, for check_replay.sh to compare with what micac compiles from
 * host_mica_fixture.mica.
 */

#include <host_mica_fixture.h>
#include <stdint.h>
#include <stdio.h>

int main(void)
{
	static uint64_t blob[4096U / sizeof(uint64_t)];

	(void)mica_fixture_copy(blob);
	return (fwrite(blob, 1U, mica_fixture_size(), stdout) ==
		mica_fixture_size()) ? 0 : 1;
}
