/* lsp.h - `micac lsp`: a Language Server (LSP 3.17, JSON-RPC 2.0) for Mica
 * and the YAML form.
 *
 * The server is a state machine fed with bytes: lsp_feed() takes whatever
 * arrived on the wire (any split, several messages at once), frames the
 * messages by their Content-Length headers, answers them through the
 * server's writer, and says when the client asked it to exit. It never reads
 * or writes a file and never exits the process itself, so the command
 * (cmd/cmd_lsp.c), the unit tests and the fuzz target drive the same code.
 *
 * Every document is analysed by the same pipeline as `micac check`
 * (frontend_run_mem), so the editor shows the same codes at the same places.
 * Positions on the wire are UTF-16 code units unless the client offers
 * "utf-8" in general.positionEncodings. */
#ifndef MICAC_LSP_H
#define MICAC_LSP_H

#include <stdbool.h>
#include <stddef.h>

/* Where the server's messages go: called once per framed message (header
 * and body), in order. */
typedef void (*lsp_write_fn)(void *ctx, const char *data, size_t len);

struct lsp_server;

/* The largest message body the server reads (bytes). A larger one is
 * skipped, and answered with an error. */
#define LSP_MAX_MESSAGE (64u * 1024u * 1024u)

struct lsp_server *lsp_server_new(lsp_write_fn write, void *ctx);
void lsp_server_free(struct lsp_server *s);

/* What lsp_feed found. */
enum lsp_state {
	LSP_RUNNING,		/* read on */
	LSP_EXITED,		/* `exit` arrived; lsp_exit_code says with what */
};

/* Takes LEN more bytes from the client and handles every message they
 * complete. Returns LSP_EXITED once `exit` was handled (later bytes are
 * ignored). */
enum lsp_state lsp_feed(struct lsp_server *s, const char *data, size_t len);
/* The end of the input: handles nothing more, but a client that closed the
 * stream without `shutdown` makes the exit code 1, as after `exit`. */
void lsp_eof(struct lsp_server *s);
/* 0 after shutdown then exit, 1 otherwise (LSP 3.17, "exit"). */
int lsp_exit_code(const struct lsp_server *s);

#endif
