/* yaml_test_util.h - runs the YAML front end on a string and renders its
 * diagnostics compactly, so tests can compare every code, position and
 * message exactly. Header-only: each test binary is one translation unit. */
#ifndef MICAC_YAML_TEST_UTIL_H
#define MICAC_YAML_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/yaml_front.h"
#include "syntax/ast.h"
#include "diag/diag.h"
#include "frontend.h"

struct yparsed {
	struct source src;
	struct ast ast;
	struct diag_list dl;
	int rc;
	char *diags;	/* "L:C-EL:EC CODE message" lines, notes and helps indented */
};

/* "L:C-EL:EC CODE message\n  note L:C text\n  help: text\n" per diagnostic,
 * in the order micac prints them. */
static inline char *yt_render(struct diag_list *dl)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	diag_sort(dl);
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *d = &dl->v[i];

		fprintf(f, "%u:%u-%u:%u %s %s\n", d->loc.line, d->loc.col, d->loc.end_line,
			d->loc.end_col, d->code, d->msg);
		for (size_t j = 0; j < d->nnotes; j++) {
			if (d->notes[j].kind == NOTE_HELP)
				fprintf(f, "  help: %s\n", d->notes[j].text);
			else
				fprintf(f, "  note %u:%u %s\n", d->notes[j].loc.line,
					d->notes[j].loc.col, d->notes[j].text);
		}
	}
	fclose(f);
	return buf;
}

static inline void yt_parse(struct yparsed *p, const char *text)
{
	memset(p, 0, sizeof(*p));
	source_from_mem(&p->src, "t.yaml", text, strlen(text));
	ast_init(&p->ast, &p->src);
	p->rc = parse_yaml(&p->ast, &p->dl);
	p->diags = yt_render(&p->dl);
}

static inline void yt_free(struct yparsed *p)
{
	ast_free(&p->ast);
	diag_list_free(&p->dl);
	source_free(&p->src);
	free(p->diags);
}

#endif
