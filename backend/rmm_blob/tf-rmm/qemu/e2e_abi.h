/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * What the normal-world driver (nw/) and the realm payloads (realm/) of the
 * emulated-CCA-machine run agree on: the RMI/RSI function ids and structure
 * offsets they use (RMM specification 1.0, as TF-RMM rmm-spec-v1.x-aligned
 * implements it, plus Mica's three commands), and the realms' IPA layout.
 * Plain constants only: both sides are freestanding.
 */

#ifndef E2E_ABI_H
#define E2E_ABI_H

/* ---- SMC function ids ---------------------------------------------------- */
#define RMI_VERSION		0xC4000150UL
#define RMI_GRANULE_DELEGATE	0xC4000151UL
#define RMI_DATA_CREATE		0xC4000153UL
#define RMI_DATA_DESTROY	0xC4000155UL
#define RMI_REALM_ACTIVATE	0xC4000157UL
#define RMI_REALM_CREATE	0xC4000158UL
#define RMI_REC_CREATE		0xC400015AUL
#define RMI_REC_ENTER		0xC400015CUL
#define RMI_RTT_CREATE		0xC400015DUL
#define RMI_RTT_MAP_UNPROTECTED	0xC400015FUL
#define RMI_FEATURES		0xC4000165UL
#define RMI_REC_AUX_COUNT	0xC4000167UL
#define RMI_MICA_POLICY_LOAD	0xC4000170UL
#define RMI_MICA_REALM_BIND	0xC4000171UL
#define RMI_MICA_REGION_MAP	0xC40001D4UL
#define RMI_MICA_REGION_UNMAP	0xC40001D5UL
#define RMI_MICA_POLICY_UNLOAD	0xC40001D6UL
#define MICA_MAP_WRITE		1UL

#define RSI_ATTEST_TOKEN_INIT	 0xC4000194UL
#define RSI_ATTEST_TOKEN_CONTINUE 0xC4000195UL
#define RSI_HOST_CALL		0xC4000199UL
#define RSI_MICA_REALM_INFO	0xC40001ADUL
#define RSI_MICA_CALL		0xC40001ABUL
#define RSI_MICA_CALL_TAKE	0xC40001AAUL
#define RSI_MICA_CALL_REPLY	0xC40001A9UL
#define RSI_MICA_SHARED		0xC40001ACUL
#define PSCI_SYSTEM_OFF		0x84000008UL
#define PSCI_SYSTEM_RESET	0x84000009UL

/* ---- status codes ---------------------------------------------------------- */
#define RMI_SUCCESS		0UL
#define RMI_ERROR_INPUT		1UL
#define RMI_ERROR_REALM		2UL
#define RMI_ERROR_REC		3UL
#define RMI_ERROR_RTT		4UL
#define RMI_ERROR_RTT_AUX	7UL
#define MICA_PERM_READ		1UL
#define MICA_PERM_WRITE		2UL
#define RSI_SUCCESS		0UL
#define RSI_ERROR_INPUT		1UL
#define RSI_INCOMPLETE		3UL
#define MICA_INFO_GOVERNED	1UL
#define MICA_INFO_BOUND		2UL
#define MICA_CALL_ONEWAY	(1UL << 32)	/* RSI_MICA_CALL_TAKE: X1 */
/* X1 of a refused realm call: the decision's errno (Linux values). */
#define MICA_EPERM		1UL
#define MICA_ENOENT		2UL
#define MICA_ENXIO		6UL
#define MICA_EACCES		13UL

/* ---- REC exits --------------------------------------------------------------- */
#define RMI_EXIT_SYNC		0UL
#define RMI_EXIT_IRQ		1UL
#define RMI_EXIT_FIQ		2UL
#define RMI_EXIT_PSCI		3UL
#define RMI_EXIT_HOST_CALL	5UL
#define RMI_EXIT_MICA_CALL	0x40UL		/* gprs[0]: the role to run */
#define REC_ENTRY_FLAG_EMUL_MMIO 1UL
#define ESR_EC(esr)		(((esr) >> 26) & 0x3fUL)
#define ESR_EC_DABT_LOWER	0x24UL
#define ESR_ISV			(1UL << 24)
#define ESR_WNR			(1UL << 6)

/* ---- structure offsets (bytes) ------------------------------------------------ */
#define REALM_PARAMS_FLAGS0	0x000
#define REALM_PARAMS_S2SZ	0x008
#define REALM_PARAMS_NUM_BPS	0x018
#define REALM_PARAMS_NUM_WPS	0x020
#define REALM_PARAMS_ALGORITHM	0x030
#define REALM_PARAMS_RPV	0x400
#define REALM_PARAMS_VMID	0x800
#define REALM_PARAMS_RTT_BASE	0x808
#define REALM_PARAMS_RTT_LEVEL	0x810
#define REALM_PARAMS_RTT_NUM	0x818
#define REC_PARAMS_FLAGS	0x000
#define REC_PARAMS_MPIDR	0x100
#define REC_PARAMS_PC		0x200
#define REC_PARAMS_NUM_AUX	0x800
#define REC_PARAMS_AUX		0x808
#define REC_RUN_ENTER_FLAGS	0x000
#define REC_RUN_ENTER_GPRS	0x200
#define REC_RUN_EXIT_REASON	0x800
#define REC_RUN_EXIT_ESR	0x900
#define REC_RUN_EXIT_FAR	0x908
#define REC_RUN_EXIT_HPFAR	0x910
#define REC_RUN_EXIT_GPRS	0xa00
#define REC_RUN_EXIT_IMM	0xe00
#define REC_RUN_EXIT_END	0x1000
#define LOAD_PARAMS_SIZE	0
#define LOAD_PARAMS_GRANULES	8
#define LOAD_PARAMS_RPV		136
#define HOST_CALL_IMM		0
#define HOST_CALL_GPRS		8

#define REC_PARAMS_FLAG_RUNNABLE 1UL
#define RMI_HASH_SHA_256	0U
#define S2TTE_NS_NORMAL_WB	0x18UL		/* MemAttr, FWB encoding */
#define S2TTE_S2AP_R		(1UL << 6)
#define S2TTE_S2AP_W		(1UL << 7)

/* ---- the realms' IPA space ------------------------------------------------------ */
#define E2E_IPA_BITS		40		/* video_analytics' ipa_bits */
#define E2E_UNPROT		(1UL << (E2E_IPA_BITS - 1))
#define E2E_IMAGE_PAGES		8		/* payload at IPA 0, measured */
#define E2E_SENSOR_DMA		0x8000000000UL	/* region sensor_dma: camera rw */
#define E2E_CALIB		0x8000800000UL	/* region calib (added): detector read */
#define E2E_NO_REGION		0x8001000000UL	/* in no region: a device */
#define E2E_CALIB_MAGIC		0xca1b0000feedUL
#define E2E_STORE_VALUE		0x5ec2e7c0ffeeUL
/* Protected region frames (video_analytics): camera writes, detector reads.
 * camera's page there is DATA_CREATEd (measured, zero) after its image,
 * so rim.py counts it (qemu-e2e.mk).
 */
#define E2E_FRAMES		0x10000000UL
#define E2E_FRAMES_SIZE		0x2000000UL
#define E2E_PIXELS		0xf4a3e5ca3e7aUL	/* what camera writes */

/*
 * The words realm calls carry (X2..X7), all E2E_CALL_WORD(i): 0..5 camera's
 * one-way call to detector, 6..11 camera's two-way call to uploader, 12..17
 * uploader's reply. The host looks for any of them in every exit.
 */
#define E2E_CALL_WORD(i)	(0xca11ed0000000000UL + (unsigned long)(i))
#define E2E_IS_CALL_WORD(v)	(((v) >> 8) == (E2E_CALL_WORD(0) >> 8))

/* Host call immediates: what a realm with hostcall reports. */
#define E2E_HC_REPORT		0x1c		/* gprs: info x1, x2, token length */

#endif /* E2E_ABI_H */
