/* lsp_io.c - the wire: messages framed by a Content-Length header, read
 * from whatever byte chunks arrive, answered in order.
 *
 * Bytes are buffered until a header block ("...\r\n\r\n") and the body it
 * announces are complete. Everything a client can get wrong is answered
 * with a JSON-RPC error (id null) and skipped: a header block without a
 * Content-Length, a body over LSP_MAX_MESSAGE, a body that is not JSON.
 * Garbage before a "Content-Length:" is dropped, so one bad message costs
 * only itself.
 *
 * Messages that arrive together form a batch: `$/cancelRequest`s in it are
 * read first, so a request cancelled before the server got to it is
 * answered with RequestCancelled; diagnostics are published once per
 * changed document at the end of the batch. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lsp/lsp_int.h"
#include "util/xalloc.h"

#define HEADER_MAX 8192		/* a header block longer than this is garbage */

struct lsp_server *lsp_server_new(lsp_write_fn write, void *ctx)
{
	struct lsp_server *s = xcalloc(1, sizeof(*s));

	s->write = write;
	s->ctx = ctx;
	s->cancelled = json_array();
	return s;
}

void lsp_server_free(struct lsp_server *s)
{
	if (!s)
		return;
	lsp_docs_free(s);
	json_decref(s->cancelled);
	free(s->in);
	free(s);
}

int lsp_exit_code(const struct lsp_server *s)
{
	return s->exited && s->shutdown ? 0 : 1;
}

void lsp_eof(struct lsp_server *s)
{
	s->exited = true;
}

static void drop(struct lsp_server *s, size_t n)
{
	memmove(s->in, s->in + n, s->inlen - n);
	s->inlen -= n;
}

/* Where NEEDLE first occurs in HAY[0, N), ignoring case if NOCASE. */
static const char *find(const char *hay, size_t n, const char *needle, bool nocase)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if ((nocase ? strncasecmp(hay + i, needle, k) : memcmp(hay + i, needle, k)) == 0)
			return hay + i;
	return NULL;
}

/* The Content-Length value at P (after the colon), up to the line's end;
 * -1 unless it is a decimal number (spaces around it allowed). */
static long long content_length(const char *p, const char *end)
{
	long long v = 0;
	bool digits = false;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (; p < end && isdigit((unsigned char)*p); p++) {
		if (v > (long long)LSP_MAX_MESSAGE * 16)
			return (long long)LSP_MAX_MESSAGE * 16;	/* too large anyway */
		v = v * 10 + (*p - '0');
		digits = true;
	}
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	return digits && p == end ? v : -1;
}

/* One body: decoded and queued in BATCH, or answered with a parse error. */
static void take_body(struct lsp_server *s, json_t *batch, const char *body, size_t len)
{
	json_error_t err;
	json_t *msg = json_loadb(body, len, 0, &err);
	char text[300];

	if (!msg) {
		snprintf(text, sizeof(text), "the message is not JSON: %s (line %d, column %d)",
			 err.text, err.line, err.column);
		lsp_send_error(s, NULL, RPC_PARSE_ERROR, text);
		return;
	}
	json_array_append_new(batch, msg);
}

/* Frames as many messages as the buffer holds into BATCH. */
static void frame(struct lsp_server *s, json_t *batch)
{
	for (;;) {
		const char *hend, *cl, *line_end;
		size_t hlen;
		long long n;

		if (s->skip) {
			size_t k = s->skip < s->inlen ? s->skip : s->inlen;

			drop(s, k);
			s->skip -= k;
			if (s->skip)
				return;
		}
		hend = find(s->in, s->inlen, "\r\n\r\n", false);
		if (!hend) {
			if (s->inlen > HEADER_MAX) {
				cl = find(s->in + 1, s->inlen - 1, "content-length:", true);
				lsp_send_error(s, NULL, RPC_PARSE_ERROR,
					       "no message header: expected \"Content-Length: N\\r\\n\\r\\n\"");
				drop(s, cl ? (size_t)(cl - s->in) : s->inlen - 3);
				continue;
			}
			return;
		}
		hlen = (size_t)(hend - s->in) + 4;
		cl = find(s->in, hlen - 2, "content-length:", true);
		if (cl && cl != s->in && cl[-1] != '\n') {
			/* Garbage (an unframed body?) runs into the next header. */
			lsp_send_error(s, NULL, RPC_PARSE_ERROR,
				       "bytes before a message header were skipped");
			drop(s, (size_t)(cl - s->in));
			continue;
		}
		if (!cl) {
			lsp_send_error(s, NULL, RPC_PARSE_ERROR,
				       "message header without Content-Length was skipped");
			drop(s, hlen);
			continue;
		}
		line_end = memchr(cl, '\n', (size_t)(hend + 2 - cl));
		n = content_length(cl + strlen("content-length:"), line_end ? line_end : hend);
		if (n < 0) {
			lsp_send_error(s, NULL, RPC_PARSE_ERROR,
				       "Content-Length is not a decimal number; message skipped");
			drop(s, hlen);
			continue;
		}
		if ((unsigned long long)n > LSP_MAX_MESSAGE) {
			lsp_send_error(s, NULL, RPC_INVALID_REQUEST,
				       "message larger than the server's 64 MiB limit was skipped");
			drop(s, hlen);
			s->skip = (size_t)n;
			continue;
		}
		if (s->inlen - hlen < (size_t)n)
			return;
		take_body(s, batch, s->in + hlen, (size_t)n);
		drop(s, hlen + (size_t)n);
	}
}

/* Records the ids of the batch's $/cancelRequest notifications. */
static void collect_cancels(struct lsp_server *s, json_t *batch)
{
	size_t i;
	json_t *msg, *id;

	json_array_clear(s->cancelled);
	json_array_foreach(batch, i, msg) {
		const char *m = json_string_value(json_object_get(msg, "method"));

		if (!m || strcmp(m, "$/cancelRequest") != 0)
			continue;
		id = json_object_get(json_object_get(msg, "params"), "id");
		if (json_is_integer(id) || json_is_string(id))
			json_array_append(s->cancelled, id);
	}
}

enum lsp_state lsp_feed(struct lsp_server *s, const char *data, size_t len)
{
	json_t *batch, *msg;
	size_t i;

	if (s->exited)
		return LSP_EXITED;
	if (s->inlen + len + 1 > s->incap) {
		s->incap = (s->inlen + len + 1) * 2;
		s->in = xrealloc(s->in, s->incap);
	}
	memcpy(s->in + s->inlen, data, len);
	s->inlen += len;
	batch = json_array();
	frame(s, batch);
	collect_cancels(s, batch);
	json_array_foreach(batch, i, msg) {
		lsp_handle(s, msg);
		if (s->exited)
			break;
	}
	json_decref(batch);
	json_array_clear(s->cancelled);
	for (i = 0; i < s->ndocs && !s->exited; i++)
		if (s->docs[i]->publish)
			lsp_publish(s, s->docs[i]);
	return s->exited ? LSP_EXITED : LSP_RUNNING;
}
