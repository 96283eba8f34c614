/* test_lsp.c - the language server's position arithmetic and framing,
 * below the protocol (tests/lsp/ drives the whole server): UTF-16 and UTF-8
 * positions to byte offsets and back, clamping of positions an editor may
 * send past a line or inside a character, and messages split anywhere. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp_int.h"

/* "a" U+1F600 "b" / "x" U+00E9 / (empty): bytes 0, 1-4, 5, 6=\n, 7, 8-9, 10=\n */
static const char text[] = "a\xf0\x9f\x98\x80" "b\nx\xc3\xa9\n";

struct out {
	char buf[4096];
	size_t len;
	int messages;
};

static void collect(void *ctx, const char *data, size_t len)
{
	struct out *o = ctx;

	assert_true(o->len + len < sizeof(o->buf));
	memcpy(o->buf + o->len, data, len);
	o->len += len;
	o->messages++;
}

static long long off(struct lsp_server *s, int line, int ch)
{
	json_t *pos = json_pack("{s:i,s:i}", "line", line, "character", ch);
	long long r = lsp_offset(s, text, strlen(text), pos);

	json_decref(pos);
	return r;
}

static void utf16_positions_to_bytes(void **state)
{
	struct out o = {0};
	struct lsp_server *s = lsp_server_new(collect, &o);

	(void)state;
	assert_int_equal(off(s, 0, 0), 0);
	assert_int_equal(off(s, 0, 1), 1);
	assert_int_equal(off(s, 0, 2), 1);	/* inside the surrogate pair: its start */
	assert_int_equal(off(s, 0, 3), 5);
	assert_int_equal(off(s, 0, 4), 6);	/* the line's end */
	assert_int_equal(off(s, 0, 99), 6);	/* past it: the line's end */
	assert_int_equal(off(s, 1, 1), 8);
	assert_int_equal(off(s, 1, 2), 10);
	assert_int_equal(off(s, 2, 0), 11);
	assert_int_equal(off(s, 7, 3), 11);	/* past the last line: the end */
	assert_int_equal(off(s, -1, 0), -1);	/* malformed */
	s->utf8 = true;
	assert_int_equal(off(s, 0, 3), 1);	/* inside the emoji's bytes: its start */
	assert_int_equal(off(s, 0, 5), 5);
	assert_int_equal(off(s, 1, 2), 8);
	lsp_server_free(s);
}

static void byte_locations_to_ranges(void **state)
{
	struct out o = {0};
	struct lsp_server *s = lsp_server_new(collect, &o);
	struct source src;
	json_t *r;
	char *str;

	(void)state;
	source_from_mem(&src, "t.mica", text, strlen(text));
	/* 'b' (line 1, byte column 6) and "xé" (line 2, columns 1 to 2). */
	r = lsp_range(s, &src, (loc_t){1, 6, 1, 6});
	str = json_dumps(r, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(str, "{\"end\":{\"character\":4,\"line\":0},\"start\":{\"character\":3,\"line\":0}}");
	free(str);
	json_decref(r);
	r = lsp_range(s, &src, (loc_t){2, 1, 2, 2});
	str = json_dumps(r, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(str, "{\"end\":{\"character\":2,\"line\":1},\"start\":{\"character\":0,\"line\":1}}");
	free(str);
	json_decref(r);
	/* No location: the empty range at the start. */
	r = lsp_range(s, &src, (loc_t){0, 0, 0, 0});
	str = json_dumps(r, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(str, "{\"end\":{\"character\":0,\"line\":0},\"start\":{\"character\":0,\"line\":0}}");
	free(str);
	json_decref(r);
	source_free(&src);
	lsp_server_free(s);
}

static void message_split_byte_by_byte(void **state)
{
	static const char msg[] = "Content-Length: 44\r\n\r\n"
				  "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}";
	struct out o = {0};
	struct lsp_server *s = lsp_server_new(collect, &o);

	(void)state;
	for (size_t i = 0; i + 1 < sizeof(msg); i++) {
		assert_int_equal(lsp_feed(s, msg + i, 1), LSP_RUNNING);
		/* Not initialized: one error answer, once the body is whole. */
		assert_int_equal(o.messages, i + 2 < sizeof(msg) ? 0 : 2);
	}
	o.buf[o.len] = 0;
	assert_string_equal(o.buf, "Content-Length: 94\r\n\r\n{\"id\":1,\"error\":{\"code\":-32002,"
			    "\"message\":\"the server is not initialized yet\"},\"jsonrpc\":\"2.0\"}");
	lsp_eof(s);
	assert_int_equal(lsp_exit_code(s), 1);
	lsp_server_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf16_positions_to_bytes),
		cmocka_unit_test(byte_locations_to_ranges),
		cmocka_unit_test(message_split_byte_by_byte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
