/* test_digest.c - digests against published test vectors (FIPS 180-2
 * "abc", and the empty message), the RPV's padding, the text encodings
 * against RFC 4648's vectors, and the canonical number spellings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "blob/digest.h"
#include "mica_blob.h"
#include "util/spell.h"

static void check_digest(uint8_t alg, const char *msg, const char *want_hex)
{
	uint8_t d[DIGEST_MAX_SIZE];
	size_t n = digest_compute(alg, msg, strlen(msg), d);
	char *hex;

	assert_int_equal(n, strlen(want_hex) / 2);
	assert_int_equal(n, digest_size(alg));
	hex = hex_encode(d, n);
	assert_string_equal(hex, want_hex);
	free(hex);
}

static void test_vectors(void **state)
{
	(void)state;
	check_digest(MICA_DIGEST_SHA256, "abc",
		     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	check_digest(MICA_DIGEST_SHA384, "abc",
		     "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
		     "8086072ba1e7cc2358baeca134c825a7");
	check_digest(MICA_DIGEST_SHA512, "abc",
		     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
		     "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
	check_digest(MICA_DIGEST_SHA256, "",
		     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_unknown_alg(void **state)
{
	uint8_t d[DIGEST_MAX_SIZE];

	(void)state;
	assert_int_equal(digest_compute(0, "x", 1, d), 0);
	assert_int_equal(digest_compute(4, "x", 1, d), 0);
	assert_int_equal(digest_size(0), 0);
	assert_int_equal(digest_size(MICA_DIGEST_SHA384), 48);
	assert_string_equal(digest_name(MICA_DIGEST_SHA256), "sha256");
	assert_string_equal(digest_name(MICA_DIGEST_SHA384), "sha384");
	assert_string_equal(digest_name(MICA_DIGEST_SHA512), "sha512");
}

static void test_rpv_padding(void **state)
{
	uint8_t d[48], rpv[RPV_SIZE];

	(void)state;
	memset(d, 0xab, sizeof(d));
	memset(rpv, 0x55, sizeof(rpv));
	digest_rpv(d, sizeof(d), rpv);
	for (size_t i = 0; i < RPV_SIZE; i++)
		assert_int_equal(rpv[i], i < 48 ? 0xab : 0);
	memset(d, 0xcd, 32);
	digest_rpv(d, 32, rpv);
	assert_int_equal(rpv[31], 0xcd);
	assert_int_equal(rpv[32], 0);
}

static void check_b64(const char *in, const char *std, const char *url)
{
	char *a = base64_encode((const uint8_t *)in, strlen(in));
	char *b = base64url_encode((const uint8_t *)in, strlen(in));

	assert_string_equal(a, std);
	assert_string_equal(b, url);
	free(a);
	free(b);
}

static void test_base64(void **state)
{
	static const uint8_t both[] = {0xfb, 0xff, 0xbf};
	char *s;

	(void)state;
	/* RFC 4648, section 10 */
	check_b64("", "", "");
	check_b64("f", "Zg==", "Zg");
	check_b64("fo", "Zm8=", "Zm8");
	check_b64("foo", "Zm9v", "Zm9v");
	check_b64("foobar", "Zm9vYmFy", "Zm9vYmFy");
	/* the two letters the alphabets disagree on */
	s = base64_encode(both, 3);
	assert_string_equal(s, "+/+/");
	free(s);
	s = base64url_encode(both, 3);
	assert_string_equal(s, "-_-_");
	free(s);
}

static void test_hex(void **state)
{
	uint8_t out[3];

	(void)state;
	assert_int_equal(hex_decode("00aBff", out, 3), 0);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 0xab);
	assert_int_equal(out[2], 0xff);
	assert_int_equal(hex_decode("00abf", out, 3), -1);	/* short */
	assert_int_equal(hex_decode("00abff00", out, 3), -1);	/* long */
	assert_int_equal(hex_decode("00agff", out, 3), -1);	/* not hex */
	assert_int_equal(hex_decode("0x0102", out, 3), -1);
}

static void check_size(uint64_t v, const char *want)
{
	char buf[SPELL_MAX];

	assert_string_equal(spell_size(v, buf), want);
}

static void test_spellings(void **state)
{
	char buf[SPELL_MAX];

	(void)state;
	check_size(0, "0");
	check_size(4096, "4KiB");
	check_size(12288, "12KiB");
	check_size(2u << 20, "2MiB");
	check_size(3ull << 30, "3GiB");
	check_size((1ull << 30) + 4096, "1048580KiB");
	check_size(1536ull << 20, "1536MiB");
	check_size(4097, "4097");
	check_size(UINT64_MAX, "18446744073709551615");
	check_size(1ull << 63, "8589934592GiB");
	assert_string_equal(spell_addr(0, buf), "0x0");
	assert_string_equal(spell_addr(0x8000000000ull, buf), "0x8000000000");
	assert_string_equal(spell_addr(UINT64_MAX, buf), "0xffffffffffffffff");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_unknown_alg),
		cmocka_unit_test(test_rpv_padding),
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_spellings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
