/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * The bookkeeping of the emulated-CCA-machine run, apart from the hardware:
 * one printed line per check, the final count, and the record of what a
 * realm's REC exits carried to the host. Freestanding; the caller provides
 * e2e_putc (the UART in the normal-world program, a buffer in the unit
 * test, tests/test_e2e_checks.c).
 */

#ifndef E2E_CHECKS_H
#define E2E_CHECKS_H

#include <stdbool.h>
#include <stdint.h>

void e2e_putc(char c);			/* provided by the caller */

void e2e_puts(const char *s);
void e2e_puthex(uint64_t v);		/* 0x-prefixed, no leading zeros */
void e2e_putdec(uint64_t v);
void e2e_hexdump(const char *label, const uint8_t *p, unsigned long len);

struct e2e_tally {
	unsigned int checks, failed;
};

/*
 * An operation the policy allows (want_allowed) or not, and what the RMM
 * did. One line: "[ n] pass|FAIL  who: what: allowed|refused (policy:
 * allowed|refused)". Returns whether they agree.
 */
bool e2e_check_op(struct e2e_tally *t, const char *who, const char *what,
		  bool want_allowed, bool seen_allowed);

/* A fact that must hold: "[ n] pass|FAIL  who: what". */
bool e2e_check(struct e2e_tally *t, const char *who, const char *what,
	       bool ok);

/* "e2e: N checks, P passed, F failed"; true when none failed. */
bool e2e_summary(const struct e2e_tally *t);

/* ---- what a realm's exits carried ---------------------------------------- */
#define E2E_TRACE_MAX 16

struct e2e_exit {
	unsigned long reason;	/* RMI_EXIT_* */
	unsigned long ipa;	/* data abort: the faulting page */
	bool write;		/* data abort: a store */
	unsigned long value;	/* store: the value; host call: X0 */
	unsigned long imm;	/* host call: the immediate */
};

struct e2e_trace {
	unsigned int n;
	bool overflow;
	struct e2e_exit e[E2E_TRACE_MAX];
};

/* The IPA of the faulting page from HPFAR_EL2 (FIPA, bits 43:4). */
unsigned long e2e_hpfar_ipa(unsigned long hpfar);

void e2e_trace_add(struct e2e_trace *tr, const struct e2e_exit *x);

/* Did a store to the page holding ipa reach the host? Its value in *value. */
bool e2e_trace_store_at(const struct e2e_trace *tr, unsigned long ipa,
			unsigned long *value);

/* The first exit of this reason, or NULL. */
const struct e2e_exit *e2e_trace_find(const struct e2e_trace *tr,
				      unsigned long reason);

#endif /* E2E_CHECKS_H */
