/* lsp_json.c - the server's side of the wire: JSON-RPC messages out,
 * framed with their Content-Length, and the error a handler answers with.
 * Everything in compiler/lsp/ that writes uses these; they use nothing else
 * of the server. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp_int.h"
#include "util/utf8.h"
#include "util/xalloc.h"

void lsp_fail(struct lsp_error *e, int code, const char *fmt, ...)
{
	va_list ap;

	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
}

json_t *lsp_string(const char *text)
{
	size_t n = strlen(text), o = 0, k;
	char *buf = xmalloc(n * 3 + 1);
	json_t *v;

	for (size_t i = 0; i < n; i += k) {
		k = utf8_seq_len(text + i, n - i);
		if (k == 0) {
			memcpy(buf + o, "\xef\xbf\xbd", 3);
			o += 3;
			k = 1;
		} else {
			memcpy(buf + o, text + i, k);
			o += k;
		}
	}
	v = json_stringn(buf, o);
	free(buf);
	return v;
}

void lsp_send(struct lsp_server *s, json_t *msg)
{
	char head[64], *body;
	int n;

	json_object_set_new(msg, "jsonrpc", json_string("2.0"));
	body = json_dumps(msg, JSON_COMPACT);
	json_decref(msg);
	if (!body)
		abort();	/* out of memory: as xmalloc does */
	n = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", strlen(body));
	s->write(s->ctx, head, (size_t)n);
	s->write(s->ctx, body, strlen(body));
	free(body);
}

void lsp_send_error(struct lsp_server *s, json_t *id, int code, const char *text)
{
	json_t *msg = json_object();

	json_object_set(msg, "id", id ? id : json_null());
	json_object_set_new(msg, "error", json_pack("{s:i,s:s}", "code", code, "message", text));
	lsp_send(s, msg);
}

void lsp_notify(struct lsp_server *s, const char *method, json_t *params)
{
	json_t *msg = json_object();

	json_object_set_new(msg, "method", json_string(method));
	json_object_set_new(msg, "params", params);
	lsp_send(s, msg);
}
