/* cmd_flows.c - `micac flows FILE [--from R] [--to R]`: where data can go,
 * like SETools' sedta / seinfoflow for SELinux. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/flow_cli.h"
#include "flow/flows_report.h"
#include "util/output.h"

static const char usage[] =
	"Usage: micac flows FILE [--from R] [--to R] [--format text|json] [-o OUT]\n"
	"\n"
	"Answers flow questions about a policy, each answer with one shortest\n"
	"path and the region, call or exit behind every step. R is a realm or\n"
	"host. Trust levels do not matter here: every path counts.\n"
	"\n"
	"  --from R         every principal that R's data can reach\n"
	"  --to R           every realm whose data can reach R\n"
	"  --from A --to B  whether A's data can reach B, and how\n"
	"  (neither)        every realm's --from answer, then the host's\n"
	"\n"
	"Options:\n"
	"      --from R      the realm (or host) whose data is followed\n"
	"      --to R        the realm (or host) data must reach\n"
	"      --format FMT  text (default) or json\n"
	"  -o, --output OUT  write to OUT atomically instead of standard output\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 answered (also when there is no flow), 1 the policy has\n"
	"errors, 2 usage or I/O error, 3 internal error.\n";

struct flows_args {
	const char *input, *output, *from, *to;
	bool json;
};

/* Returns -1 to continue, else the exit code. */
static int parse_args(int argc, char **argv, struct flows_args *a)
{
	static const struct option longopts[] = {
		{"from", required_argument, NULL, 'F'},
		{"to", required_argument, NULL, 'T'},
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	a->output = "-";
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'F': a->from = optarg; break;
		case 'T': a->to = optarg; break;
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "json"))
				return cli_usage_error("flows", "--format takes text or json, not '%s'", optarg);
			a->json = strcmp(optarg, "json") == 0;
			break;
		case 'o': a->output = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_CLEAN;
		default: return cli_bad_option("flows", argv, optind, optopt);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("flows", "expected one input FILE");
	a->input = argv[optind];
	return -1;
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
