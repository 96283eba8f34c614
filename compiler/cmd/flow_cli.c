/* flow_cli.c - see flow_cli.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/flow_cli.h"
#include "cmd/policy_build.h"
#include "util/suggest.h"
#include "util/xalloc.h"

int flow_cli_load(struct frontend *fe, const char *path)
{
	struct frontend_opts fo = {.no_flow = true};
	int rc = cli_exit_status(frontend_run(fe, path, &fo));

	if (rc != EXIT_CLEAN)
		policy_report(fe);
	return rc;
}

int flow_cli_with_model(const char *path, int (*run)(const void *args, const struct model *m),
			const void *args)
{
	struct frontend fe;
	int rc = flow_cli_load(&fe, path);

	if (rc == EXIT_CLEAN)
		rc = run(args, &fe.model);
	frontend_free(&fe);
	return rc;
}

int flow_cli_print(const char *path, output_printer print, const void *arg)
{
	char err[512];

	if (output_print(path, print, arg, err, sizeof(err)) == 0)
		return EXIT_CLEAN;
	fprintf(stderr, "micac: error: %s\n", err);
	return EXIT_USAGE;
}

int flow_cli_principal(const char *cmd, const struct model *m, const char *name, uint32_t *out)
{
	int64_t i;
	const char **cands;
	const char *near;
	int rc;

	if (strcmp(name, "host") == 0) {
		*out = MODEL_HOST;
		return EXIT_CLEAN;
	}
	i = model_find_realm(m, name);
	if (i >= 0) {
		*out = (uint32_t)i;
		return EXIT_CLEAN;
	}
	if (model_find_region(m, name) >= 0)
		return cli_usage_error(cmd, "'%s' is a region; flows follow realms (or host): use a "
				       "realm that reads or writes it", name);
	cands = xmalloc(((size_t)m->nrealms + 1) * sizeof(*cands));
	for (uint32_t k = 0; k < m->nrealms; k++)
		cands[k] = m->realms[k].name;
	cands[m->nrealms] = "host";
	near = suggest_name(name, cands, (size_t)m->nrealms + 1);
	if (near)
		rc = cli_usage_error(cmd, "no realm '%s' in the policy (did you mean '%s'?)", name, near);
	else
		rc = cli_usage_error(cmd, "no realm '%s' in the policy", name);
	free(cands);
	return rc;
}
