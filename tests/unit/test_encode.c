/* test_encode.c - the encoder against the layout of mica_blob.h, worked
 * out by hand for a small policy; the decoder's round trip; and both sides
 * of the shared validator (a broken model is an internal error, a broken
 * blob an E0601/E0602 diagnostic). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "blob/decode.h"
#include "blob/encode.h"
#include "frontend.h"
#include "util/xalloc.h"

/*
 * policy p (version 7, sha384, ipa_bits 40)
 *   realms (by name): alpha trusted, 64-byte RIM 0x22..
 *                     beta  distrustful hostcall, 32-byte RIM 0x11..
 *                     gamma untrusted mmio, the same RIM as beta
 *   regions: early protected 0x200000 +4KiB: alpha write, beta read
 *            late  protected 0x100000 +8KiB: gamma readwrite
 *   call beta -> alpha oneway
 */
static void small_model(struct model *m)
{
	memset(m, 0, sizeof(*m));
	m->name = "p";
	m->version = 7;
	m->digest_alg = MICA_DIGEST_SHA384;
	m->ipa_bits = 40;
	m->nrealms = 3;
	m->realms = xcalloc(3, sizeof(*m->realms));
	m->realms[0] = (struct model_realm){.name = "alpha", .trust = MICA_TRUST_TRUSTED,
					    .meas_len = 64};
	memset(m->realms[0].measurement, 0x22, 64);
	m->realms[1] = (struct model_realm){.name = "beta", .trust = MICA_TRUST_DISTRUSTFUL,
					    .flags = MICA_REALM_HOSTCALL, .meas_len = 32};
	memset(m->realms[1].measurement, 0x11, 32);
	m->realms[2] = (struct model_realm){.name = "gamma", .trust = MICA_TRUST_UNTRUSTED,
					    .flags = MICA_REALM_MMIO, .meas_len = 32};
	memset(m->realms[2].measurement, 0x11, 32);
	m->nregions = 2;
	m->regions = xcalloc(2, sizeof(*m->regions));
	m->regions[0] = (struct model_region){.name = "early", .kind = MICA_REGION_PROTECTED,
					      .base = 0x200000, .size = 0x1000, .grant_first = 0,
					      .grant_count = 2};
	m->regions[1] = (struct model_region){.name = "late", .kind = MICA_REGION_PROTECTED,
					      .base = 0x100000, .size = 0x2000, .grant_first = 2,
					      .grant_count = 1};
	m->ngrants = 3;
	m->grants = xcalloc(3, sizeof(*m->grants));
	m->grants[0] = (struct model_grant){.region = 0, .realm = 0, .perm = MICA_PERM_WRITE};
	m->grants[1] = (struct model_grant){.region = 0, .realm = 1, .perm = MICA_PERM_READ};
	m->grants[2] = (struct model_grant){.region = 1, .realm = 2, .perm = MICA_PERM_READWRITE};
	m->ncalls = 1;
	m->calls = xcalloc(1, sizeof(*m->calls));
	m->calls[0] = (struct model_call){.caller = 1, .callee = 0, .flags = MICA_CALL_ONEWAY};
}

static uint32_t le32(const uint8_t *b, size_t off)
{
	return (uint32_t)b[off] | (uint32_t)b[off + 1] << 8 | (uint32_t)b[off + 2] << 16 |
	       (uint32_t)b[off + 3] << 24;
}

static uint64_t le64(const uint8_t *b, size_t off)
{
	return le32(b, off) | (uint64_t)le32(b, off + 4) << 32;
}

static void assert_zero(const uint8_t *b, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		assert_int_equal(b[i], 0);
}

/* The tables, by hand: header 88; realms 88 + 3*72 = 304; regions 304 +
 * 2*32 = 368; grants 368 + 3*12 = 404 -> calls at 408 + 12 = 420 -> region
 * index at 424 + 2*4 = 432; rim index 432 + 3*4 = 444 -> strings at 448,
 * "p alpha beta gamma early late" with NULs = 30 bytes -> 478 -> 480. */
static void test_layout(void **state)
{
	static const uint32_t off[MICA_TABLE_COUNT] = {88, 304, 368, 408, 424, 432, 448};
	static const uint32_t cnt[MICA_TABLE_COUNT] = {3, 2, 3, 1, 2, 3, 30};
	static const char strings[] = "p\0alpha\0beta\0gamma\0early\0late";
	struct model m;
	uint8_t *b;
	size_t len;

	(void)state;
	small_model(&m);
	assert_int_equal(encode_model(&m, &b, &len), ENCODE_OK);
	assert_int_equal(len, 480);
	assert_memory_equal(b, "MICAPOL\0", 8);
	assert_int_equal(b[8] | b[9] << 8, 1);		/* format version */
	assert_int_equal(b[10] | b[11] << 8, 88);	/* header size */
	assert_int_equal(le32(b, 12), 480);
	assert_int_equal(le32(b, 16), 7);
	assert_int_equal(b[20], MICA_DIGEST_SHA384);
	assert_int_equal(b[21], 40);
	assert_zero(b, 22, 24);
	assert_int_equal(le32(b, 24), 0);		/* policy name offset */
	assert_int_equal(le32(b, 28), 0);
	for (unsigned t = 0; t < MICA_TABLE_COUNT; t++) {
		assert_int_equal(le32(b, 32 + 8 * t), off[t]);
		assert_int_equal(le32(b, 36 + 8 * t), cnt[t]);
	}
	/* realm beta: name at 8, distrustful, hostcall, 32-byte RIM, zero beyond */
	assert_int_equal(le32(b, 88 + 72), 8);
	assert_int_equal(b[88 + 72 + 4], MICA_TRUST_DISTRUSTFUL);
	assert_int_equal(b[88 + 72 + 5], MICA_REALM_HOSTCALL);
	assert_int_equal(b[88 + 72 + 6], 32);
	assert_int_equal(b[88 + 72 + 8], 0x11);
	assert_zero(b, 88 + 72 + 8 + 32, 88 + 144);
	/* region late: name at 25, base, size, grants 2..2 */
	assert_int_equal(le32(b, 336), 25);
	assert_int_equal(b[340], MICA_REGION_PROTECTED);
	assert_int_equal(le64(b, 344), 0x100000);
	assert_int_equal(le64(b, 352), 0x2000);
	assert_int_equal(le32(b, 360), 2);
	assert_int_equal(le32(b, 364), 1);
	/* grant 1: early, beta, read; then padding to the calls */
	assert_int_equal(le32(b, 380), 0);
	assert_int_equal(le32(b, 384), 1);
	assert_int_equal(b[388], MICA_PERM_READ);
	assert_zero(b, 404, 408);
	/* call beta -> alpha oneway */
	assert_int_equal(le32(b, 408), 1);
	assert_int_equal(le32(b, 412), 0);
	assert_int_equal(b[416], MICA_CALL_ONEWAY);
	assert_zero(b, 420, 424);
	/* region index by base: late (0x100000), early (0x200000) */
	assert_int_equal(le32(b, 424), 1);
	assert_int_equal(le32(b, 428), 0);
	/* rim index by (length, bytes, index): beta, gamma (same RIM), alpha */
	assert_int_equal(le32(b, 432), 1);
	assert_int_equal(le32(b, 436), 2);
	assert_int_equal(le32(b, 440), 0);
	assert_zero(b, 444, 448);
	assert_memory_equal(b + 448, strings, 30);
	assert_zero(b, 478, 480);
	free(b);
	model_free(&m);
}

static void test_decode_round_trip(void **state)
{
	struct model m, d;
	struct source src;
	struct diag_list dl = {0};
	uint8_t *b, *b2;
	size_t len, len2;

	(void)state;
	small_model(&m);
	assert_int_equal(encode_model(&m, &b, &len), ENCODE_OK);
	source_from_mem(&src, "small.pol", b, len);
	assert_int_equal(decode_blob(&src, &d, &dl), 0);
	assert_int_equal(dl.n, 0);
	/* The decoded model points at the blob, its locations at table entries. */
	assert_ptr_equal(d.src, &src);
	assert_int_equal(d.realms[2].loc.line, MICA_TABLE_REALMS + 1);
	assert_int_equal(d.realms[2].loc.col, 3);
	assert_int_equal(d.grants[1].loc.line, MICA_TABLE_GRANTS + 1);
	assert_int_equal(d.grants[1].loc.col, 2);
	assert_string_equal(d.name, "p");
	assert_int_equal(d.version, 7);
	assert_int_equal(d.nrealms, 3);
	assert_string_equal(d.realms[2].name, "gamma");
	assert_int_equal(d.realms[2].flags, MICA_REALM_MMIO);
	assert_memory_equal(d.realms[0].measurement, m.realms[0].measurement, MICA_MEAS_MAX);
	assert_string_equal(d.regions[1].name, "late");
	assert_int_equal(d.regions[1].base, 0x100000);
	assert_int_equal(d.ngrants, 3);
	assert_int_equal(d.grants[2].perm, MICA_PERM_READWRITE);
	assert_int_equal(d.calls[0].caller, 1);
	assert_int_equal(d.nasserts, 0);
	assert_int_equal(encode_model(&d, &b2, &len2), ENCODE_OK);
	assert_int_equal(len2, len);
	assert_memory_equal(b2, b, len);
	free(b);
	free(b2);
	source_free(&src);
	model_free(&m);
	model_free(&d);
}

/* Encoder output that the validator refuses is a bug: nothing is returned. */
static void expect_invalid(struct model *m, const char *want_in_err)
{
	uint8_t *b = (uint8_t *)"untouched";
	size_t len = 12345;
	char err[256] = "";

	assert_int_equal(encode_model_checked(m, &b, &len, err, sizeof(err)), ENCODE_INVALID);
	assert_string_equal((char *)b, "untouched");
	assert_int_equal(len, 12345);
	if (!strstr(err, want_in_err))
		fprintf(stderr, "err: %s\n", err);
	assert_non_null(strstr(err, want_in_err));
	model_free(m);
}

static void test_invalid_models(void **state)
{
	struct model m;

	(void)state;
	small_model(&m);
	m.grants[1].perm = 0;
	expect_invalid(&m, "grant 1");
	small_model(&m);
	m.realms[1].name = "zeta";	/* then "gamma" is out of order */
	expect_invalid(&m, "realm 2: name does not sort");
	small_model(&m);
	m.regions[0].base = 0x200800;
	expect_invalid(&m, "region 0");
	small_model(&m);
	m.calls[0].callee = 1;
	expect_invalid(&m, "call 0");
	small_model(&m);
	m.digest_alg = 9;
	expect_invalid(&m, "header");
}

static void test_too_large(void **state)
{
	struct model m = {.name = "big", .digest_alg = MICA_DIGEST_SHA512, .ipa_bits = 40};
	uint8_t *b = NULL;
	size_t len = 0;

	(void)state;
	/* refused on the counts alone, before any table is read */
	m.nrealms = MICA_MAX_REALMS + 1;
	assert_int_equal(encode_model(&m, &b, &len), ENCODE_TOO_LARGE);
	m.nrealms = 0;
	m.ngrants = MICA_MAX_GRANTS + 1;
	assert_int_equal(encode_model(&m, &b, &len), ENCODE_TOO_LARGE);
	m.ngrants = 0;
	m.ncalls = MICA_MAX_CALLS + 1;
	assert_int_equal(encode_model(&m, &b, &len), ENCODE_TOO_LARGE);
	assert_null(b);
}

static void test_empty_policy(void **state)
{
	struct model m = {.name = "nothing", .digest_alg = MICA_DIGEST_SHA256, .ipa_bits = 32};
	uint8_t *b;
	size_t len;

	(void)state;
	assert_int_equal(encode_model(&m, &b, &len), ENCODE_OK);
	/* the header, then every table empty at 88, the name "nothing\0" */
	assert_int_equal(len, 96);
	for (unsigned t = 0; t < MICA_TABLE_COUNT; t++)
		assert_int_equal(le32(b, 32 + 8 * t), 88);
	assert_int_equal(le32(b, 36 + 8 * MICA_TABLE_STRINGS), 8);
	assert_memory_equal(b + 88, "nothing", 8);
	free(b);
	model_free(&m);
}

/* Decodes LEN bytes; returns the one diagnostic's code and copies its text. */
static const char *decode_error(const void *data, size_t len, char *msg, size_t msglen)
{
	struct source src;
	struct diag_list dl = {0};
	struct model m;
	const char *code;

	source_from_mem(&src, "bad.pol", data, len);
	assert_int_equal(decode_blob(&src, &m, &dl), -1);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].sev, DIAG_ERROR);
	code = dl.v[0].code;
	snprintf(msg, msglen, "%s", dl.v[0].msg);
	diag_list_free(&dl);
	source_free(&src);
	model_free(&m);
	return code;
}

static void test_decode_errors(void **state)
{
	struct model m;
	uint8_t *b;
	size_t len;
	char msg[256];

	(void)state;
	small_model(&m);
	assert_int_equal(encode_model(&m, &b, &len), ENCODE_OK);
	assert_string_equal(decode_error(b, len - 8, msg, sizeof(msg)), "E0601");
	assert_true(strncmp(msg, "invalid blob: offset 0x", 23) == 0);
	assert_string_equal(decode_error("not a blob", 10, msg, sizeof(msg)), "E0601");
	assert_string_equal(decode_error("", 0, msg, sizeof(msg)), "E0601");
	b[8] = 2;	/* format version 2 */
	assert_string_equal(decode_error(b, len, msg, sizeof(msg)), "E0602");
	assert_string_equal(msg, "unsupported blob format version 2 (this micac reads version 1)");
	b[8] = 1;
	b[478] = 'x';	/* a padding byte */
	assert_string_equal(decode_error(b, len, msg, sizeof(msg)), "E0601");
	free(b);
	model_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_decode_round_trip),
		cmocka_unit_test(test_invalid_models),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_empty_policy),
		cmocka_unit_test(test_decode_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
