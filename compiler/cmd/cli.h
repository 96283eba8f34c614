/* cli.h - what every subcommand shares: exit codes and the command table. */
#ifndef MICAC_CLI_H
#define MICAC_CLI_H

#include <stddef.h>

#include "frontend.h"

#define EXIT_CLEAN	0	/* no error */
#define EXIT_POLICY	1	/* the policy has errors (or would change, for fmt --check) */
#define EXIT_USAGE	2	/* bad command line, or an I/O error */
#define EXIT_INTERNAL	3	/* a bug in micac */

/* Each subcommand: argv[0] is the subcommand's name; returns an exit code.
 * Options are parsed from a table (options.h), which also prints --help. */
int cmd_check(int argc, char **argv);
int cmd_compile(int argc, char **argv);	/* micac FILE -o OUT */
int cmd_hash(int argc, char **argv);
int cmd_dump(int argc, char **argv);
int cmd_fmt(int argc, char **argv);
int cmd_endorse(int argc, char **argv);
int cmd_flows(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_enforce(int argc, char **argv);
int cmd_diff(int argc, char **argv);	/* micac diff OLD NEW */
int cmd_explain(int argc, char **argv);
int cmd_lsp(int argc, char **argv);
int cmd_verify(int argc, char **argv);

/* The exit status for what the front end found (enum frontend_status). */
int cli_exit_status(int frontend_status);
/* Option values shared by several commands; 0 or -1 when malformed. */
int cli_parse_lang(const char *s, enum input_lang *out);	/* mica, yaml, json, blob */
int cli_parse_count(const char *s, size_t *out);

/* Prints "micac: error: <msg>" to stderr and returns EXIT_USAGE, with a hint
 * to run `micac CMD --help`. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
