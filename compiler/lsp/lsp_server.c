/* lsp_server.c - the lifecycle and the method table.
 *
 * Before `initialize` a request is answered ServerNotInitialized and a
 * notification dropped; after `shutdown` a request is answered
 * InvalidRequest; `exit` ends the server, with status 0 only after
 * `shutdown` (LSP 3.17, "Server lifecycle"). Unknown requests get
 * MethodNotFound; unknown notifications, and responses from the client,
 * are ignored. */
#include <string.h>

#include "lsp/lsp_int.h"

typedef json_t *(*request_fn)(struct lsp_server *s, json_t *params, struct lsp_error *e);

static json_t *initialize(struct lsp_server *s, json_t *params, struct lsp_error *e)
{
	json_t *encs = json_object_get(json_object_get(json_object_get(params, "capabilities"),
						       "general"), "positionEncodings");
	json_t *v, *caps;
	size_t i;

	if (s->initialized) {
		lsp_fail(e, RPC_INVALID_REQUEST, "the server is already initialized");
		return NULL;
	}
	s->initialized = true;
	s->utf8 = false;
	json_array_foreach(encs, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), "utf-8") == 0)
			s->utf8 = true;
	caps = json_pack("{s:s,s:{s:b,s:i,s:{s:b}},s:b,s:b,s:b,s:b,s:b,s:{s:b},"
			 "s:{s:[s,s,s]}}",
			 "positionEncoding", s->utf8 ? "utf-8" : "utf-16",
			 "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
			 "hoverProvider", 1, "definitionProvider", 1, "referencesProvider", 1,
			 "documentSymbolProvider", 1, "documentFormattingProvider", 1,
			 "renameProvider", "prepareProvider", 1,
			 "completionProvider", "triggerCharacters", " ", ">", ":");
	return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", caps,
			 "serverInfo", "name", "micac", "version", MICAC_VERSION);
}

static json_t *shutdown(struct lsp_server *s, json_t *params, struct lsp_error *e)
{
	(void)params;
	(void)e;
	s->shutdown = true;
	return json_null();
}

static const struct {
	const char *method;
	request_fn fn;
} requests[] = {
	{"initialize", initialize},
	{"shutdown", shutdown},
	{"textDocument/hover", lsp_hover},
	{"textDocument/definition", lsp_definition},
	{"textDocument/references", lsp_references},
	{"textDocument/prepareRename", lsp_prepare_rename},
	{"textDocument/rename", lsp_rename},
	{"textDocument/documentSymbol", lsp_symbols},
	{"textDocument/completion", lsp_completion},
	{"textDocument/formatting", lsp_formatting},
};

static void did_save(struct lsp_server *s, json_t *params)
{
	struct lsp_error e = {0};
	struct lsp_doc *d = lsp_doc_of(s, params, &e);

	if (d)
		d->publish = true;
}

static void did_close(struct lsp_server *s, json_t *params)
{
	const char *uri = lsp_uri_of(params);

	if (uri && lsp_doc_find(s, uri)) {
		lsp_publish_empty(s, uri);
		lsp_doc_close(s, uri);
	}
}

static const struct {
	const char *method;
	void (*fn)(struct lsp_server *s, json_t *params);
} notifications[] = {
	{"textDocument/didOpen", lsp_did_open},
	{"textDocument/didChange", lsp_did_change},
	{"textDocument/didClose", did_close},
	{"textDocument/didSave", did_save},
};

static bool cancelled(struct lsp_server *s, json_t *id)
{
	size_t i;
	json_t *v;

	json_array_foreach(s->cancelled, i, v)
		if (json_equal(v, id))
			return true;
	return false;
}

static void request(struct lsp_server *s, const char *method, json_t *id, json_t *params)
{
	struct lsp_error e = {0};
	json_t *result = NULL, *msg;

	if (!s->initialized && strcmp(method, "initialize") != 0) {
		lsp_send_error(s, id, RPC_SERVER_NOT_INITIALIZED, "the server is not initialized yet");
		return;
	}
	if (s->shutdown) {
		lsp_send_error(s, id, RPC_INVALID_REQUEST, "the server is shutting down");
		return;
	}
	if (cancelled(s, id)) {
		lsp_send_error(s, id, RPC_REQUEST_CANCELLED, "the request was cancelled");
		return;
	}
	for (size_t i = 0; i < sizeof(requests) / sizeof(requests[0]); i++) {
		if (strcmp(method, requests[i].method) != 0)
			continue;
		result = requests[i].fn(s, params, &e);
		if (e.code) {
			json_decref(result);
			lsp_send_error(s, id, e.code, e.msg);
			return;
		}
		msg = json_object();
		json_object_set(msg, "id", id);
		json_object_set_new(msg, "result", result ? result : json_null());
		lsp_send(s, msg);
		return;
	}
	lsp_send_error(s, id, RPC_METHOD_NOT_FOUND, "micac's server does not handle this method");
}

static void notification(struct lsp_server *s, const char *method, json_t *params)
{
	if (strcmp(method, "exit") == 0) {
		s->exited = true;
		return;
	}
	if (!s->initialized || s->shutdown)
		return;
	for (size_t i = 0; i < sizeof(notifications) / sizeof(notifications[0]); i++)
		if (strcmp(method, notifications[i].method) == 0)
			notifications[i].fn(s, params);
}

void lsp_handle(struct lsp_server *s, json_t *msg)
{
	json_t *id = json_object_get(msg, "id"), *m = json_object_get(msg, "method");

	if (!json_is_object(msg)) {
		lsp_send_error(s, NULL, RPC_INVALID_REQUEST, "a message must be a JSON object");
		return;
	}
	if (id && !json_is_integer(id) && !json_is_string(id) && !json_is_null(id)) {
		lsp_send_error(s, NULL, RPC_INVALID_REQUEST, "\"id\" must be a number or a string");
		return;
	}
	if (!m) {
		/* A response to a request of ours (we send none), or nonsense. */
		if (!id || (!json_object_get(msg, "result") && !json_object_get(msg, "error")))
			lsp_send_error(s, id, RPC_INVALID_REQUEST, "a message needs a \"method\"");
		return;
	}
	if (!json_is_string(m)) {
		lsp_send_error(s, id, RPC_INVALID_REQUEST, "\"method\" must be a string");
		return;
	}
	if (id)
		request(s, json_string_value(m), id, json_object_get(msg, "params"));
	else
		notification(s, json_string_value(m), json_object_get(msg, "params"));
}
