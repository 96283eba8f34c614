/* cmd_lsp.c - `micac lsp`: the Language Server on standard input and
 * output (lsp/lsp.h). Editors start it; docs/lsp.md says how. */
#include <stdio.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "lsp/lsp.h"

static const struct opt_usage usage = {
	"lsp", "[OPTIONS]",
	"Runs micac's Language Server (LSP 3.17, JSON-RPC 2.0) on standard input\n"
	"and output, for Mica and YAML policies: diagnostics as `micac check`\n"
	"reports them, hover, go-to-definition, references, document symbols,\n"
	"formatting, rename and completion. An editor starts it; see docs/lsp.md.\n"
	"--stdio is accepted (and is the default) for clients that pass it.\n",
	"Exit status: 0 after the client's shutdown and exit, 1 when the client\n"
	"exits or closes the stream without shutdown, 2 usage error.\n",
};

static void write_out(void *ctx, const char *data, size_t len)
{
	(void)ctx;
	fwrite(data, 1, len, stdout);
}

int cmd_lsp(int argc, char **argv)
{
	bool stdio_flag = false;
	const struct opt opts[] = {
		OPT_FLAG(0, "stdio", &stdio_flag, "talk over standard input and output (the default)"),
		OPT_END(),
	};
	int nargs, rc = opts_parse(&usage, opts, argc, argv, &nargs);
	struct lsp_server *s;
	char buf[65536];
	ssize_t n;

	if (rc != OPTS_CONTINUE)
		return rc;
	if (nargs != 0)
		return cli_usage_error("lsp", "unexpected argument '%s'", argv[0]);
	s = lsp_server_new(write_out, NULL);
	for (;;) {
		n = read(STDIN_FILENO, buf, sizeof(buf));
		if (n <= 0) {
			lsp_eof(s);
			break;
		}
		rc = lsp_feed(s, buf, (size_t)n) == LSP_EXITED;
		fflush(stdout);
		if (rc)
			break;
	}
	rc = lsp_exit_code(s);
	lsp_server_free(s);
	return rc;
}
