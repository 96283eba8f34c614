/* diag_github.c - diagnostics as GitHub Actions workflow commands:
 *
 *   ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message
 *
 * which the runner turns into annotations on the pull request. GitHub's
 * escaping: in the message '%', CR and LF become %25, %0D, %0A; in property
 * values also ':' and ',' (%3A, %2C), which would otherwise end the value.
 * The witness and notes follow the message on further (escaped) lines.
 * An input that could not be read is an error annotation on that file. */
#include <stdlib.h>

#include "diag/diag_render.h"
#include "util/xalloc.h"

static void put_escaped(FILE *out, const char *s, bool property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': fputs("%25", out); break;
		case '\r': fputs("%0D", out); break;
		case '\n': fputs("%0A", out); break;
		case ':': fputs(property ? "%3A" : ":", out); break;
		case ',': fputs(property ? "%2C" : ",", out); break;
		default: fputc(*s, out);
		}
	}
}

static void put_properties(FILE *out, const struct diag *d)
{
	const struct diag_code_info *info = diag_code_lookup(d->code);
	char *title = xasprintf("%s %s", d->code, info ? info->title : "");

	if (d->src) {
		fputs("file=", out);
		put_escaped(out, d->src->name, true);
		fputc(',', out);
	}
	if (d->src && d->loc.line && !d->src->blob) {
		fprintf(out, "line=%u,col=%u,", d->loc.line, d->loc.col);
		fprintf(out, "endLine=%u,endColumn=%u,", d->loc.end_line ? d->loc.end_line : d->loc.line,
			d->loc.end_col ? d->loc.end_col : d->loc.col);
	}
	fputs("title=", out);
	put_escaped(out, title, true);
	free(title);
}

static void put_one(FILE *out, const struct diag_list *dl, const struct diag *d)
{
	fprintf(out, "::%s ", diag_level(dl, d));
	put_properties(out, d);
	fputs("::", out);
	put_escaped(out, d->msg, false);
	for (size_t i = 0; i < d->nsteps; i++) {
		fputs("%0A    ", out);
		put_escaped(out, d->steps[i].text, false);
	}
	for (size_t i = 0; i < d->nnotes; i++) {
		fputs(d->notes[i].kind == NOTE_HELP ? "%0Ahelp: " : "%0Anote: ", out);
		put_escaped(out, d->notes[i].text, false);
	}
	fputc('\n', out);
}

/* An input that could not be read: an annotation on the file itself. */
static void put_unreadable(FILE *out, const struct diag_input *in)
{
	fputs("::error file=", out);
	put_escaped(out, in->name, true);
	fputs(",title=", out);
	put_escaped(out, "micac: input not read", true);
	fputs("::", out);
	put_escaped(out, in->io_error, false);
	fputc('\n', out);
}

void diag_render_github(FILE *out, const struct diag_input *in)
{
	if (in->io_error) {
		put_unreadable(out, in);
		return;
	}
	for (size_t i = 0; i < in->diags->n; i++)
		put_one(out, in->diags, &in->diags->v[i]);
}
