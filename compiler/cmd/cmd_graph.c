/* cmd_graph.c - `micac graph FILE [--format dot|svg|png] [-o OUT]`: the
 * policy's flow graph as a picture, with its flow errors in red. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "cmd/flow_cli.h"
#include "print/flow_dot.h"
#include "print/graph_render.h"
#include "util/output.h"

static const struct opt_usage usage = {
	"graph", "[OPTIONS] FILE",
	"Draws the flow graph of a policy: realms coloured by trust level\n"
	"(green trusted, orange distrustful, red untrusted), the host, regions\n"
	"between their writers and readers (dashed: unprotected, which the host\n"
	"reads and writes), calls and exits. Every step of a flow error's\n"
	"witness (leak or failed assertion) is drawn in red.\n",
	"Exit status: 0 drawn (also when the policy has flow errors), 1 the policy\n"
	"has other errors, 2 usage or I/O error, or Graphviz missing or failing,\n"
	"3 internal error.\n",
};

static const char *const format_names[] = {"dot", "svg", "png", NULL};

struct graph_args {
	const char *input, *output, *format;
};

/* Returns OPTS_CONTINUE, else the exit code. */
static int parse_args(int argc, char **argv, struct graph_args *a)
{
	int format = 0, rc;
	const struct opt opts[] = {
		OPT_CHOICE(0, "format", &format, "FMT", format_names,
			   "dot (default: Graphviz source), or svg or png, made by\n"
			   "running Graphviz's `dot` (MICAC_DOT names another)"),
		OPT_STRING('o', "output", &a->output, "OUT",
			   "write to OUT atomically instead of standard output"),
		OPT_END(),
	};

	a->output = "-";
	rc = opts_parse_input(&usage, opts, argc, argv, &a->input);
	if (rc != OPTS_CONTINUE)
		return rc;
	a->format = format_names[format];
	return OPTS_CONTINUE;
}

/* DOT -> svg/png through Graphviz, then to the output. */
static int render(const struct graph_args *a, const struct flow_dot *d)
{
	char *dot = NULL, *img = NULL, err[512];
	size_t len = 0, imglen = 0;
	FILE *mem = open_memstream(&dot, &len);
	enum graph_render_status st;
	int rc = EXIT_CLEAN;

	if (!mem || flow_dot_print(mem, d) != 0 || fclose(mem) != 0) {
		fputs("micac: internal error: cannot build the DOT text in memory\n", stderr);
		free(dot);
		return EXIT_INTERNAL;
	}
	st = graph_render(graph_dot_program(), a->format, dot, len, &img, &imglen, err, sizeof(err));
	if (st == GRAPH_NO_DOT) {
		fprintf(stderr, "micac: error: --format %s needs Graphviz's '%s', which is not installed\n"
			"  help: install Graphviz (Debian/Ubuntu: apt-get install graphviz), "
			"or use --format dot and render it elsewhere\n", a->format, graph_dot_program());
		rc = EXIT_USAGE;
	} else if (st != GRAPH_OK || output_write_file(a->output, img, imglen, err, sizeof(err))) {
		fprintf(stderr, "micac: error: %s\n", err);
		rc = EXIT_USAGE;
	}
	free(dot);
	free(img);
	return rc;
}

static int draw(const void *args, const struct model *m)
{
	const struct graph_args *a = args;
	struct flow_graph g;
	struct flow_report r = {0};
	struct flow_dot d = {.m = m, .r = &r};
	int rc;

	flow_graph_build(&g, m);
	flow_analyse(&g, &r);
	if (strcmp(a->format, "dot") != 0)
		rc = render(a, &d);
	else
		rc = flow_cli_print(a->output, flow_dot_print, &d);
	flow_report_free(&r);
	flow_graph_free(&g);
	return rc;
}

int cmd_graph(int argc, char **argv)
{
	struct graph_args a = {0};
	int rc = parse_args(argc, argv, &a);

	if (rc >= 0)
		return rc;
	return flow_cli_with_model(a.input, draw, &a);
}
