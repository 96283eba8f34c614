/* fuzz_lsp.c - libFuzzer target: a session of messages sent to the
 * Language Server (compiler/lsp/lsp.h).
 *
 * Input: one flags byte, then the client's messages.
 *   bit 0   the target first sends a valid `initialize`, so mutations
 *           reach the document features and not only the lifecycle;
 *   bit 1   raw: the rest is the byte stream exactly as a client writes it
 *           (headers included), so framing is fuzzed too; otherwise the
 *           rest is JSON bodies separated by 0x1e, each framed with its
 *           correct Content-Length;
 *   bits 2-7 the stream is fed in chunks of 7*N bytes (N = 0: at once), so
 *           messages arrive split anywhere.
 * Rules checked on every answer (abort otherwise): each is one header
 * "Content-Length: N\r\n\r\n" followed by exactly N bytes that are a JSON
 * object. Sanitizers catch the rest. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct sink {
	size_t expect;		/* body length announced by the last header; 0: a header is due */
};

static void check_out(void *ctx, const char *p, size_t len)
{
	struct sink *k = ctx;
	json_t *v;
	unsigned long n;
	char tail[8];

	if (k->expect == 0) {
		if (len < 20 || len > 40 || sscanf(p, "Content-Length: %lu%4c", &n, tail) != 2 ||
		    memcmp(tail, "\r\n\r\n", 4) != 0 || n == 0)
			abort();
		k->expect = n;
		return;
	}
	if (len != k->expect)
		abort();
	v = json_loadb(p, len, 0, NULL);
	if (!json_is_object(v))
		abort();
	json_decref(v);
	k->expect = 0;
}

static const char init_msg[] =
	"{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}";

static void feed(struct lsp_server *s, const char *p, size_t len, size_t chunk)
{
	for (size_t off = 0; off < len;) {
		size_t n = chunk && chunk < len - off ? chunk : len - off;

		if (lsp_feed(s, p + off, n) == LSP_EXITED)
			return;
		off += n;
	}
}

/* BODY framed as a client frames it. */
static void feed_framed(struct lsp_server *s, const char *body, size_t len, size_t chunk)
{
	char *msg = malloc(len + 40);
	int h;

	if (!msg)
		abort();
	h = snprintf(msg, 40, "Content-Length: %zu\r\n\r\n", len);
	memcpy(msg + h, body, len);
	feed(s, msg, (size_t)h + len, chunk);
	free(msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sink k = {0};
	struct lsp_server *s;
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	size_t chunk;

	if (size == 0)
		return 0;
	chunk = (size_t)(data[0] >> 2) * 7;
	s = lsp_server_new(check_out, &k);
	if (data[0] & 1)
		feed_framed(s, init_msg, strlen(init_msg), 0);
	if (data[0] & 2) {
		feed(s, p, (size_t)(end - p), chunk);
	} else {
		while (p < end) {
			const char *rs = memchr(p, 0x1e, (size_t)(end - p));
			const char *e = rs ? rs : end;

			feed_framed(s, p, (size_t)(e - p), chunk);
			p = rs ? rs + 1 : end;
		}
	}
	lsp_eof(s);
	(void)lsp_exit_code(s);
	lsp_server_free(s);
	if (k.expect != 0)
		abort();	/* a header without its body */
	return 0;
}
