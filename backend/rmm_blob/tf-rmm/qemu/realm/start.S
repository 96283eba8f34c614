/*
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Realm payload entry (EL1, MMU off, loaded at IPA 0 by RMI_DATA_CREATE).
 * The only exception the payload expects is the synchronous external abort
 * the RMM injects when it refuses an exit to the host: the handler counts
 * it, records the ESR and skips the faulting instruction. Anything else
 * ends the realm with PSCI SYSTEM_RESET, which the host reports as a
 * failure.
 */
	.section .text.start, "ax"
	.global _start
_start:
	adr	x0, vectors
	msr	vbar_el1, x0
	isb
	adr	x0, __stack_top
	mov	sp, x0
	bl	realm_main
	/* realm_main ends with PSCI; never reached */
fatal:
	movz	x0, #0x0009
	movk	x0, #0x8400, lsl #16		/* PSCI_SYSTEM_RESET */
	smc	#0
	b	fatal

sync_abort:
	stp	x0, x1, [sp, #-16]!
	mrs	x0, esr_el1
	adr	x1, e2e_last_esr
	str	x0, [x1]
	adr	x1, e2e_aborts
	ldr	x0, [x1]
	add	x0, x0, #1
	str	x0, [x1]
	mrs	x0, elr_el1
	add	x0, x0, #4
	msr	elr_el1, x0
	ldp	x0, x1, [sp], #16
	eret

	.balign	2048
vectors:				/* 16 entries of 0x80 bytes */
	.rept	4			/* current EL with SP_EL0 */
	b	fatal
	.balign	128
	.endr
	b	sync_abort			/* +0x200: current EL with SP_EL1, sync */
	.balign	128
	.rept	11			/* its IRQ, FIQ, SError; lower ELs */
	b	fatal
	.balign	128
	.endr

	.section .bss
	.balign	8
	.global e2e_aborts, e2e_last_esr
e2e_aborts:	.quad	0
e2e_last_esr:	.quad	0
