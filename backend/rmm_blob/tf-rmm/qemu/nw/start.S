/*
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Normal-world entry: TF-A's BL31 enters BL33 here at NS-EL2, MMU off.
 * Stack, zeroed .bss, e2e_main, then PSCI SYSTEM_OFF to EL3 (QEMU's virt
 * board powers off, so the run ends by itself).
 */
	.section .text.start, "ax"
	.global _start
_start:
	msr	daifset, #0xf
	adr	x0, __stack_top
	mov	sp, x0
	adr	x0, __bss_start
	adr	x1, __bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	bl	e2e_main
3:	movz	x0, #0x0008
	movk	x0, #0x8400, lsl #16		/* PSCI_SYSTEM_OFF */
	smc	#0
	b	3b

/* Payloads built with this program: realm images, the policy blob, the
 * RPV micac printed for it and camera's RIM from rim.py (qemu-e2e.mk
 * passes the paths). */
	.section .rodata.payloads, "a"
	.macro	blob name, file
	.balign	4096
	.global	\name, \name\()_end
\name:	.incbin	"\file"
\name\()_end:
	.endm
	blob	e2e_img_camera, E2E_IMG_CAMERA
	blob	e2e_img_detector, E2E_IMG_DETECTOR
	blob	e2e_img_uploader, E2E_IMG_UPLOADER
	blob	e2e_img_stock, E2E_IMG_STOCK
	blob	e2e_policy, E2E_POLICY
	blob	e2e_rpv, E2E_RPV
	blob	e2e_rim_camera, E2E_RIM_CAMERA
