/* flow_cli.h - what `micac flows` and `micac graph` share: loading a
 * policy for flow queries, and naming a principal on the command line. */
#ifndef MICAC_FLOW_CLI_H
#define MICAC_FLOW_CLI_H

#include <stdint.h>

#include "frontend.h"
#include "util/output.h"

/* Runs the front end on PATH without its flow check (the commands do their
 * own). Reports diagnostics on stderr when there are errors; returns
 * EXIT_CLEAN when FE holds a model to query, else the exit code. */
int flow_cli_load(struct frontend *fe, const char *path);

/* Loads PATH as flow_cli_load does and, when that gives a model, returns
 * RUN(ARGS, model); else the front end's exit code. */
int flow_cli_with_model(const char *path, int (*run)(const void *args, const struct model *m),
			const void *args);

/* output_print to PATH; on failure says why on stderr. Returns an exit code. */
int flow_cli_print(const char *path, output_printer print, const void *arg);

/* A realm name or "host" -> *OUT. On an unknown name prints a usage error
 * (with a suggestion when one is close) and returns EXIT_USAGE. */
int flow_cli_principal(const char *cmd, const struct model *m, const char *name, uint32_t *out);

#endif
