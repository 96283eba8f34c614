/* cmd_flows.c - `micac flows FILE [--from R] [--to R]`: where data can go,
 * like SETools' sedta / seinfoflow for SELinux. */
#include <stdio.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "cmd/flow_cli.h"
#include "flow/flows_report.h"
#include "util/output.h"

static const struct opt_usage usage = {
	"flows", "[OPTIONS] FILE",
	"Answers flow questions about a policy, each answer with one shortest\n"
	"path and the region, call or exit behind every step. R is a realm or\n"
	"host. Trust levels do not matter here: every path counts.\n"
	"\n"
	"  --from R         every principal that R's data can reach\n"
	"  --to R           every realm whose data can reach R\n"
	"  --from A --to B  whether A's data can reach B, and how\n"
	"  (neither)        every realm's --from answer, then the host's\n",
	"Exit status: 0 answered (also when there is no flow), 1 the policy has\n"
	"errors, 2 usage or I/O error, 3 internal error.\n",
};

static const char *const format_names[] = {"text", "json", NULL};

struct flows_args {
	const char *input, *output, *from, *to;
	bool json;
};

/* Returns OPTS_CONTINUE, else the exit code. */
static int parse_args(int argc, char **argv, struct flows_args *a)
{
	int format = 0, rc;
	const struct opt opts[] = {
		OPT_STRING(0, "from", &a->from, "R", "the realm (or host) whose data is followed"),
		OPT_STRING(0, "to", &a->to, "R", "the realm (or host) data must reach"),
		OPT_CHOICE(0, "format", &format, "FMT", format_names, "text (default) or json"),
		OPT_STRING('o', "output", &a->output, "OUT",
			   "write to OUT atomically instead of standard output"),
		OPT_END(),
	};

	a->output = "-";
	rc = opts_parse_input(&usage, opts, argc, argv, &a->input);
	if (rc != OPTS_CONTINUE)
		return rc;
	a->json = format == 1;
	return OPTS_CONTINUE;
}

static int answer(const void *args, const struct model *m)
{
	const struct flows_args *a = args;
	struct flow_graph g;
	struct flows_query q = {.g = &g, .from = FLOW_NONE, .to = FLOW_NONE, .json = a->json,
				.all = !a->from && !a->to};
	int rc;

	if (a->from && (rc = flow_cli_principal("flows", m, a->from, &q.from)) != EXIT_CLEAN)
		return rc;
	if (a->to && (rc = flow_cli_principal("flows", m, a->to, &q.to)) != EXIT_CLEAN)
		return rc;
	if (q.from != FLOW_NONE && q.from == q.to)
		return cli_usage_error("flows", "--from and --to name the same principal");
	flow_graph_build(&g, m);
	rc = flow_cli_print(a->output, flows_report_print, &q);
	flow_graph_free(&g);
	return rc;
}

int cmd_flows(int argc, char **argv)
{
	struct flows_args a = {0};
	int rc = parse_args(argc, argv, &a);

	if (rc >= 0)
		return rc;
	return flow_cli_with_model(a.input, answer, &a);
}
