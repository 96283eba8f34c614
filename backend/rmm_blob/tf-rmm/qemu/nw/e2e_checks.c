/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Check lines, the count, and REC exit records (e2e_checks.h).
 */

#include "../e2e_abi.h"
#include "e2e_checks.h"

void e2e_puts(const char *s)
{
	while (*s != '\0') {
		e2e_putc(*s++);
	}
}

static void put_digits(uint64_t v, unsigned int base)
{
	char buf[24];
	unsigned int n = 0;

	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v != 0U);
	while (n > 0U) {
		e2e_putc(buf[--n]);
	}
}

void e2e_puthex(uint64_t v)
{
	e2e_puts("0x");
	put_digits(v, 16U);
}

void e2e_putdec(uint64_t v)
{
	put_digits(v, 10U);
}

void e2e_hexdump(const char *label, const uint8_t *p, unsigned long len)
{
	for (unsigned long i = 0; i < len; i += 32U) {
		e2e_puts(label);
		for (unsigned long j = i; (j < len) && (j < i + 32U); j++) {
			e2e_putc("0123456789abcdef"[p[j] >> 4]);
			e2e_putc("0123456789abcdef"[p[j] & 15U]);
		}
		e2e_putc('\n');
	}
}

static void line_start(struct e2e_tally *t, bool ok, const char *who)
{
	t->checks++;
	if (!ok) {
		t->failed++;
	}
	e2e_putc('[');
	if (t->checks < 10U) {
		e2e_putc(' ');
	}
	e2e_putdec(t->checks);
	e2e_puts(ok ? "] pass  " : "] FAIL  ");
	e2e_puts(who);
	e2e_puts(": ");
}

bool e2e_check_op(struct e2e_tally *t, const char *who, const char *what,
		  bool want_allowed, bool seen_allowed)
{
	bool ok = (want_allowed == seen_allowed);

	line_start(t, ok, who);
	e2e_puts(what);
	e2e_puts(seen_allowed ? ": allowed" : ": refused");
	e2e_puts(want_allowed ? " (policy: allowed)\n" : " (policy: refused)\n");
	return ok;
}

bool e2e_check(struct e2e_tally *t, const char *who, const char *what,
	       bool ok)
{
	line_start(t, ok, who);
	e2e_puts(what);
	e2e_putc('\n');
	return ok;
}

bool e2e_summary(const struct e2e_tally *t)
{
	e2e_puts("e2e: ");
	e2e_putdec(t->checks);
	e2e_puts(" checks, ");
	e2e_putdec(t->checks - t->failed);
	e2e_puts(" passed, ");
	e2e_putdec(t->failed);
	e2e_puts(" failed\n");
	return t->failed == 0U;
}

unsigned long e2e_hpfar_ipa(unsigned long hpfar)
{
	return ((hpfar >> 4) & ((1UL << 40) - 1UL)) << 12;
}

void e2e_trace_add(struct e2e_trace *tr, const struct e2e_exit *x)
{
	if (tr->n == E2E_TRACE_MAX) {
		tr->overflow = true;
		return;
	}
	tr->e[tr->n++] = *x;
}

bool e2e_trace_store_at(const struct e2e_trace *tr, unsigned long ipa,
			unsigned long *value)
{
	for (unsigned int i = 0; i < tr->n; i++) {
		const struct e2e_exit *x = &tr->e[i];

		if ((x->reason == RMI_EXIT_SYNC) && x->write &&
		    (x->ipa == (ipa & ~0xfffUL))) {
			*value = x->value;
			return true;
		}
	}
	return false;
}

const struct e2e_exit *e2e_trace_find(const struct e2e_trace *tr,
				      unsigned long reason)
{
	for (unsigned int i = 0; i < tr->n; i++) {
		if (tr->e[i].reason == reason) {
			return &tr->e[i];
		}
	}
	return (const struct e2e_exit *)0;
}
