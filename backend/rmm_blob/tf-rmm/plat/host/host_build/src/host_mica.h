/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * What the Mica host-build test (host_mica.c) uses from the fake host
 * beyond its headers.
 */

#ifndef HOST_MICA_H
#define HOST_MICA_H

#include <smc.h>

/* A zeroed NS granule of the fake host (host_setup.c). */
void *allocate_granule(void);

/*
 * The RMM's RMI entry point (runtime/core/handler.c), as the harness's
 * host_rmi_wrappers.c declares it.
 */
void handle_ns_smc(unsigned int function_id, unsigned long arg0,
		   unsigned long arg1, unsigned long arg2, unsigned long arg3,
		   unsigned long arg4, unsigned long arg5,
		   struct smc_result *res);

#endif /* HOST_MICA_H */
