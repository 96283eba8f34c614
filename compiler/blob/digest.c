/* digest.c - policy digests and their text forms, on mbedTLS 2.28. */
#include <string.h>

#include <mbedtls/base64.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>

#include "blob/digest.h"
#include "syntax/keywords.h"
#include "mica_blob.h"
#include "util/xalloc.h"

static const struct {
	uint8_t alg;
	size_t size;
} algs[] = {
	{MICA_DIGEST_SHA256, 32},
	{MICA_DIGEST_SHA384, 48},
	{MICA_DIGEST_SHA512, 64},
};
#define NALGS (sizeof(algs) / sizeof(algs[0]))

size_t digest_size(uint8_t alg)
{
	for (size_t i = 0; i < NALGS; i++)
		if (algs[i].alg == alg)
			return algs[i].size;
	return 0;
}

const char *digest_name(uint8_t alg)
{
	return keyword_name(&kw_digest, alg);
}

size_t digest_compute(uint8_t alg, const void *data, size_t len, uint8_t out[DIGEST_MAX_SIZE])
{
	int rc;

	/* mbedTLS computes SHA-384 as truncated SHA-512 with other initial
	 * values: the same function with is384 set. */
	switch (alg) {
	case MICA_DIGEST_SHA256:
		rc = mbedtls_sha256_ret(data, len, out, 0);
		break;
	case MICA_DIGEST_SHA384:
		rc = mbedtls_sha512_ret(data, len, out, 1);
		break;
	case MICA_DIGEST_SHA512:
		rc = mbedtls_sha512_ret(data, len, out, 0);
		break;
	default:
		return 0;
	}
	return rc == 0 ? digest_size(alg) : 0;
}

void digest_rpv(const uint8_t *digest, size_t n, uint8_t rpv[RPV_SIZE])
{
	if (n > RPV_SIZE)
		n = RPV_SIZE;
	memset(rpv, 0, RPV_SIZE);
	memcpy(rpv, digest, n);
}

char *hex_encode(const uint8_t *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	char *s = xmalloc(2 * n + 1);

	for (size_t i = 0; i < n; i++) {
		s[2 * i] = digits[p[i] >> 4];
		s[2 * i + 1] = digits[p[i] & 0xf];
	}
	s[2 * n] = '\0';
	return s;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int hex_decode(const char *text, uint8_t *out, size_t n)
{
	if (strlen(text) != 2 * n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int hi = hex_value(text[2 * i]), lo = hex_value(text[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

char *base64_encode(const uint8_t *p, size_t n)
{
	size_t cap = 4 * ((n + 2) / 3) + 1, olen = 0;
	char *s = xmalloc(cap);

	/* Cannot fail: the buffer has the exact room mbedTLS asks for. */
	if (mbedtls_base64_encode((unsigned char *)s, cap, &olen, p, n) != 0)
		olen = 0;
	s[olen] = '\0';
	return s;
}

char *base64url_encode(const uint8_t *p, size_t n)
{
	char *s = base64_encode(p, n);
	size_t len = strlen(s);

	/* The URL-safe alphabet differs in two letters; CoRIM drops the padding. */
	while (len > 0 && s[len - 1] == '=')
		s[--len] = '\0';
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '+')
			s[i] = '-';
		else if (s[i] == '/')
			s[i] = '_';
	}
	return s;
}
