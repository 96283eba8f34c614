/* test_canonical_random.c - canonical form on random policies.
 *
 * Each random policy is written as Mica source twice, differently: the
 * declarations in two random orders, grants and properties shuffled,
 * numbers in random spellings (decimal, hex, KiB/MiB/GiB, hex with a
 * unit), defaults sometimes written out, comments and whitespace
 * scattered. Both must compile, through the real front end, to the same
 * bytes; and the model printed back as canonical Mica, YAML and JSON must
 * compile to those bytes too. The policies cover what the examples do not:
 * empty tables, every flag, fixed and placed regions in both halves, all
 * three digests, 32- to 52-bit IPA spaces. Trust levels are chosen so that
 * no policy leaks (distrustful realms only read and only receive one-way
 * calls), since a leak is an error and leaves nothing to compare.
 *
 * MICAC_CANON_SEED and MICAC_CANON_COUNT override the seed and count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_rng.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print/emit.h"
#include "blob/encode.h"
#include "frontend.h"

#define MAXR 8
#define MAXG 6

struct rpolicy {
	uint32_t version, ipa_bits;
	uint8_t digest;			/* 0: not written (sha512) */
	uint32_t nrealms, nregions;
	uint8_t trust[MAXR], flags[MAXR], meas_len[MAXR];
	uint8_t meas[MAXR];		/* every byte of the RIM */
	bool unprot[MAXG], fixed[MAXG];
	uint64_t size[MAXG], at[MAXG];
	uint8_t perm[MAXG][MAXR];	/* 0: no grant */
	uint8_t call[MAXR][MAXR];	/* 0 none, 1 two-way, 2 oneway */
};

/* Distrustful realms may only read and be called one way (see above). */
static void random_realms(struct rpolicy *p, struct rng *r)
{
	static const uint8_t lens[] = {0, 32, 48, 64};

	p->nrealms = rnd(r, MAXR + 1);
	for (uint32_t i = 0; i < p->nrealms; i++) {
		p->trust[i] = (uint8_t)(1 + rnd(r, 3));
		p->flags[i] = p->trust[i] == MICA_TRUST_DISTRUSTFUL ? 0 : (uint8_t)rnd(r, 4);
		p->meas_len[i] = lens[rnd(r, 4)];
		p->meas[i] = (uint8_t)rnd(r, 256);
	}
	for (uint32_t a = 0; a < p->nrealms; a++)
		for (uint32_t b = 0; b < p->nrealms; b++) {
			uint8_t c = a == b || rnd(r, 4) ? 0 : (uint8_t)(1 + rnd(r, 2));

			if (p->trust[a] == MICA_TRUST_DISTRUSTFUL)
				c = 0;
			if (p->trust[b] == MICA_TRUST_DISTRUSTFUL && c)
				c = 2;
			p->call[a][b] = c;
		}
}

/* Fixed regions sit in the lower quarter of their half, 2 MiB apart, where
 * micac never places; the others are placed by micac. */
static void random_regions(struct rpolicy *p, struct rng *r)
{
	uint64_t half = (uint64_t)1 << (p->ipa_bits - 1);

	p->nregions = p->nrealms ? rnd(r, MAXG + 1) : 0;
	for (uint32_t g = 0; g < p->nregions; g++) {
		bool any = false;

		p->unprot[g] = rnd(r, 3) == 0;
		p->fixed[g] = rnd(r, 2) == 0;
		p->size[g] = (uint64_t)(1 + rnd(r, 512)) << 12;
		p->at[g] = (p->unprot[g] ? half : 0) + ((uint64_t)(g + 1) << 21);
		for (uint32_t i = 0; i < p->nrealms; i++) {
			p->perm[g][i] = rnd(r, 2) ? 0 : (uint8_t)(1 + rnd(r, 3));
			if (p->trust[i] == MICA_TRUST_DISTRUSTFUL && p->perm[g][i])
				p->perm[g][i] = MICA_PERM_READ;
			any |= p->perm[g][i] != 0;
		}
		if (!any)
			p->perm[g][rnd(r, p->nrealms)] = MICA_PERM_READ;
	}
}

static void random_policy(struct rpolicy *p, struct rng *r)
{
	memset(p, 0, sizeof(*p));
	p->version = rnd(r, 3) ? rnd(r, 100) : UINT32_MAX - rnd(r, 3);
	p->ipa_bits = rnd(r, 2) ? 40 : 33 + rnd(r, 20);
	p->digest = (uint8_t)rnd(r, 4);
	random_realms(p, r);
	random_regions(p, r);
}

/* ---- writing it out, one way or another ---- */

struct text {
	char *buf;
	size_t len;
	FILE *f;
};

static const char *spell_number(struct rng *r, uint64_t v, char *buf, size_t n)
{
	static const struct { const char *unit; unsigned shift; } u[] = {
		{"KiB", 10}, {"MiB", 20}, {"GiB", 30},
	};
	uint32_t k = rnd(r, 4);

	if (k == 0)
		snprintf(buf, n, "%" PRIu64, v);
	else if (k == 1)
		snprintf(buf, n, "0x%" PRIx64, v);
	else if (v != 0 && (v & ((1ull << u[k - 1].shift) - 1)) == 0)
		snprintf(buf, n, rnd(r, 2) ? "%" PRIu64 "%s" : "0x%" PRIx64 "%s", v >> u[k - 1].shift,
			 u[k - 1].unit);
	else
		snprintf(buf, n, "%" PRIu64, v);
	return buf;
}

static void gap(FILE *f, struct rng *r)
{
	static const char *const gaps[] = {" ", "\n", "\t", "  /* note */ ", "\n// line\n", "\n\n"};

	fputs(gaps[rnd(r, 6)], f);
}

/* Properties of one block, in random order. */
static void put_lines(FILE *f, struct rng *r, char lines[][200], uint32_t n)
{
	uint32_t order[16];

	for (uint32_t i = 0; i < n; i++)
		order[i] = i;
	for (uint32_t i = n; i > 1; i--) {
		uint32_t j = rnd(r, i), t = order[i - 1];

		order[i - 1] = order[j];
		order[j] = t;
	}
	for (uint32_t i = 0; i < n; i++) {
		fputs(lines[order[i]], f);
		gap(f, r);
	}
}

static const char *const kw_trust[] = {"", "trusted", "distrustful", "untrusted"};
static const char *const kw_perm[] = {"", "read", "write", "readwrite"};
static const char *const kw_digest[] = {"", "sha256", "sha384", "sha512"};

static void put_policy(FILE *f, struct rng *r, const struct rpolicy *p)
{
	char lines[3][200], num[40];
	uint32_t n = 0;

	snprintf(lines[n++], 200, "version %s;", spell_number(r, p->version, num, sizeof(num)));
	if (p->digest)
		snprintf(lines[n++], 200, "digest %s;", kw_digest[p->digest]);
	if (p->ipa_bits != 40 || rnd(r, 2))
		snprintf(lines[n++], 200, "ipa_bits %s;", spell_number(r, p->ipa_bits, num, sizeof(num)));
	fputs("policy p {", f);
	gap(f, r);
	put_lines(f, r, lines, n);
	fputs("}", f);
}

static void put_realm(FILE *f, struct rng *r, const struct rpolicy *p, uint32_t i)
{
	char lines[4][200];
	uint32_t n = 0;

	snprintf(lines[n++], 200, "trust %s;", kw_trust[p->trust[i]]);
	if (p->meas_len[i]) {
		int k = snprintf(lines[n], 200, "measurement \"");

		for (unsigned b = 0; b < p->meas_len[i]; b++)
			k += snprintf(lines[n] + k, 200 - (size_t)k, rnd(r, 2) ? "%02x" : "%02X", p->meas[i]);
		snprintf(lines[n++] + k, 200 - (size_t)k, "\";");
	}
	if (p->flags[i] & MICA_REALM_HOSTCALL)
		snprintf(lines[n++], 200, "hostcall;");
	if (p->flags[i] & MICA_REALM_MMIO)
		snprintf(lines[n++], 200, "mmio;");
	fprintf(f, "realm r%u {", i);
	gap(f, r);
	put_lines(f, r, lines, n);
	fputs("}", f);
}

static void put_region(FILE *f, struct rng *r, const struct rpolicy *p, uint32_t g)
{
	char lines[3 + MAXR][200], num[40];
	uint32_t n = 0;

	snprintf(lines[n++], 200, "kind %s;", p->unprot[g] ? "unprotected" : "protected");
	snprintf(lines[n++], 200, "size %s;", spell_number(r, p->size[g], num, sizeof(num)));
	if (p->fixed[g])
		snprintf(lines[n++], 200, "at %s;", spell_number(r, p->at[g], num, sizeof(num)));
	for (uint32_t i = 0; i < p->nrealms; i++)
		if (p->perm[g][i])
			snprintf(lines[n++], 200, "grant r%u %s;", i, kw_perm[p->perm[g][i]]);
	fprintf(f, "region g%u {", g);
	gap(f, r);
	put_lines(f, r, lines, n);
	fputs("}", f);
}

/* Every declaration, in a random order. */
static void write_source(struct text *t, struct rng *r, const struct rpolicy *p)
{
	uint32_t n = 1 + p->nrealms + p->nregions + p->nrealms * p->nrealms, order[1 + MAXR + MAXG + MAXR * MAXR];

	t->f = open_memstream(&t->buf, &t->len);
	assert_non_null(t->f);
	for (uint32_t i = 0; i < n; i++)
		order[i] = i;
	for (uint32_t i = n; i > 1; i--) {
		uint32_t j = rnd(r, i), x = order[i - 1];

		order[i - 1] = order[j];
		order[j] = x;
	}
	for (uint32_t k = 0; k < n; k++) {
		uint32_t d = order[k], c;

		if (d == 0)
			put_policy(t->f, r, p);
		else if (d <= p->nrealms)
			put_realm(t->f, r, p, d - 1);
		else if (d <= p->nrealms + p->nregions)
			put_region(t->f, r, p, d - 1 - p->nrealms);
		else if ((c = p->call[(d - 1 - p->nrealms - p->nregions) / p->nrealms]
				     [(d - 1 - p->nrealms - p->nregions) % p->nrealms]) != 0)
			fprintf(t->f, "call r%u -> r%u%s;", (d - 1 - p->nrealms - p->nregions) / p->nrealms,
				(d - 1 - p->nrealms - p->nregions) % p->nrealms, c == 2 ? " oneway" : "");
		gap(t->f, r);
	}
	fclose(t->f);
}

/* Compiles LEN bytes of TEXT (LANG); returns the blob (free it). KEEP gets
 * the model and KEEP_NAMES the source's names, which the model borrows. */
static uint8_t *compile(const char *text, size_t len, enum input_lang lang, size_t *blob_len,
			struct model *keep, struct interner **keep_names)
{
	struct frontend fe;
	struct frontend_opts fo = {.lang = lang};
	uint8_t *blob = NULL;
	int rc = frontend_run_mem(&fe, "random.mica", text, len, &fo);

	if (rc != 0) {
		diag_render_text(stderr, &fe.diags, 5, false);
		fprintf(stderr, "--- source:\n%.*s\n", (int)len, text);
	}
	assert_int_equal(rc, 0);
	assert_int_equal(encode_model(&fe.model, &blob, blob_len), ENCODE_OK);
	if (keep) {
		*keep = fe.model;
		memset(&fe.model, 0, sizeof(fe.model));
		*keep_names = fe.src.names;
		fe.src.names = NULL;
	}
	frontend_free(&fe);
	return blob;
}

/* The model printed by EMIT compiles back to BLOB. */
static void assert_reprint(const struct model *m, int (*emit)(FILE *, const struct model *),
			   enum input_lang lang, const uint8_t *blob, size_t len)
{
	struct text t = {0};
	uint8_t *again;
	size_t len2;

	t.f = open_memstream(&t.buf, &t.len);
	assert_int_equal(emit(t.f, m), 0);
	fclose(t.f);
	again = compile(t.buf, t.len, lang, &len2, NULL, NULL);
	assert_int_equal(len2, len);
	assert_memory_equal(again, blob, len);
	free(again);
	free(t.buf);
}

static void test_random_policies(void **state)
{
	const char *seed = getenv("MICAC_CANON_SEED"), *count = getenv("MICAC_CANON_COUNT");
	struct rng r = {seed ? strtoull(seed, NULL, 0) : 0x9e3779b97f4a7c15ull};
	unsigned n = count ? (unsigned)strtoul(count, NULL, 0) : 300;

	(void)state;
	for (unsigned k = 0; k < n; k++) {
		struct rpolicy p;
		struct text a = {0}, b = {0};
		struct model m;
		struct interner *names;
		uint8_t *x, *y;
		size_t lx, ly;

		random_policy(&p, &r);
		write_source(&a, &r, &p);
		write_source(&b, &r, &p);
		x = compile(a.buf, a.len, LANG_MICA, &lx, &m, &names);
		y = compile(b.buf, b.len, LANG_MICA, &ly, NULL, NULL);
		assert_int_equal(lx, ly);
		assert_memory_equal(x, y, lx);
		assert_reprint(&m, emit_mica, LANG_MICA, x, lx);
		assert_reprint(&m, emit_yaml, LANG_YAML, x, lx);
		assert_reprint(&m, emit_json, LANG_YAML, x, lx);
		model_free(&m);
		interner_free(names);
		free(x);
		free(y);
		free(a.buf);
		free(b.buf);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_policies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
