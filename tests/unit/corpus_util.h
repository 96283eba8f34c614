/* corpus_util.h - what the corpus tests share: every input file of the
 * repository by extension, running the front end on a buffer, and the
 * blob a source compiles to. Header-only: each test is one binary. */
#ifndef MICAC_CORPUS_UTIL_H
#define MICAC_CORPUS_UTIL_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "blob/encode.h"
#include "frontend.h"
#include "util/xalloc.h"

/* Directories holding inputs, relative to the repository root (the tests
 * run from there). */
static const char *const corpus_dirs[] = {
	"examples/policies", "examples/policies/bad", "tests/golden/fmt", "tests/golden/yaml",
};

struct corpus {
	char **paths;
	size_t n, cap;
};

static inline bool has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && strcmp(name + n - e, ext) == 0;
}

/* Every file ending in EXT in the corpus directories (missing ones skipped). */
static inline void corpus_list(struct corpus *c, const char *ext)
{
	memset(c, 0, sizeof(*c));
	for (size_t d = 0; d < sizeof(corpus_dirs) / sizeof(corpus_dirs[0]); d++) {
		DIR *dir = opendir(corpus_dirs[d]);
		struct dirent *e;

		if (!dir)
			continue;
		while ((e = readdir(dir)) != NULL) {
			if (!has_ext(e->d_name, ext))
				continue;
			xgrow(&c->paths, &c->cap, c->n, sizeof(*c->paths));
			c->paths[c->n++] = xasprintf("%s/%s", corpus_dirs[d], e->d_name);
		}
		closedir(dir);
	}
}

static inline void corpus_free(struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->paths[i]);
	free(c->paths);
}

/* The blob NAME/DATA compiles to, or NULL when it has errors. */
static inline uint8_t *blob_of(const char *name, const char *data, size_t len, size_t *blen,
			       enum input_lang lang)
{
	struct frontend fe;
	struct frontend_opts opts = {.lang = lang};
	uint8_t *blob = NULL;

	if (frontend_run_mem(&fe, name, data, len, &opts) == FRONTEND_OK && fe.has_model &&
	    encode_model(&fe.model, &blob, blen) != ENCODE_OK)
		blob = NULL;
	frontend_free(&fe);
	return blob;
}

static inline char *read_all(const char *path, size_t *len)
{
	struct source src;
	char err[256], *data;

	if (source_read(&src, path, err, sizeof(err)) != 0)
		return NULL;
	data = xmalloc(src.len + 1);
	memcpy(data, src.data, src.len + 1);
	*len = src.len;
	source_free(&src);
	return data;
}

#endif
