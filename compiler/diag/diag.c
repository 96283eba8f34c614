/* diag.c - collecting and sorting diagnostics. Rendering is elsewhere. */
#include <stdlib.h>
#include <string.h>

#include "diag/diag.h"
#include "util/xalloc.h"

struct diag *diag_vadd(struct diag_list *dl, enum diag_kind kind, const struct source *src,
		       loc_t loc, const char *fmt, va_list ap)
{
	struct diag *d;

	xgrow(&dl->v, &dl->cap, dl->n, sizeof(*dl->v));
	d = &dl->v[dl->n];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->sev = diag_codes[kind].sev;
	d->code = diag_codes[kind].code;
	d->src = src;
	d->loc = loc;
	d->msg = xvasprintf(fmt, ap);
	d->seq = dl->n++;
	return d;
}

struct diag *diag_add(struct diag_list *dl, enum diag_kind kind, const struct source *src,
		      loc_t loc, const char *fmt, ...)
{
	va_list ap;
	struct diag *d;

	va_start(ap, fmt);
	d = diag_vadd(dl, kind, src, loc, fmt, ap);
	va_end(ap);
	return d;
}

static void add_note(struct diag *d, enum diag_note_kind kind, loc_t loc, const char *fmt,
		     va_list ap)
{
	d->notes = xrealloc(d->notes, (d->nnotes + 1) * sizeof(*d->notes));
	d->notes[d->nnotes].kind = kind;
	d->notes[d->nnotes].loc = loc;
	d->notes[d->nnotes].text = xvasprintf(fmt, ap);
	d->nnotes++;
}

void diag_note(struct diag *d, loc_t loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_note(d, NOTE_NOTE, loc, fmt, ap);
	va_end(ap);
}

void diag_help(struct diag *d, const char *fmt, ...)
{
	va_list ap;
	loc_t none = {0, 0, 0, 0};

	va_start(ap, fmt);
	add_note(d, NOTE_HELP, none, fmt, ap);
	va_end(ap);
}

void diag_step(struct diag *d, loc_t loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	d->steps = xrealloc(d->steps, (d->nsteps + 1) * sizeof(*d->steps));
	d->steps[d->nsteps].loc = loc;
	d->steps[d->nsteps].text = xvasprintf(fmt, ap);
	d->nsteps++;
	va_end(ap);
}

void diag_list_free(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		struct diag *d = &dl->v[i];

		free(d->msg);
		for (size_t j = 0; j < d->nnotes; j++)
			free(d->notes[j].text);
		for (size_t j = 0; j < d->nsteps; j++)
			free(d->steps[j].text);
		free(d->notes);
		free(d->steps);
	}
	free(dl->v);
	dl->v = NULL;
	dl->n = dl->cap = 0;
}

static int diag_cmp(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	const char *fx = x->src ? x->src->name : "", *fy = y->src ? y->src->name : "";
	int c = strcmp(fx, fy);

	if (c)
		return c;
	if (x->loc.line != y->loc.line)
		return x->loc.line < y->loc.line ? -1 : 1;
	if (x->loc.col != y->loc.col)
		return x->loc.col < y->loc.col ? -1 : 1;
	return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

void diag_sort(struct diag_list *dl)
{
	if (dl->n > 1)
		qsort(dl->v, dl->n, sizeof(*dl->v), diag_cmp);
}

bool diag_is_error(const struct diag_list *dl, const struct diag *d)
{
	return d->sev == DIAG_ERROR || dl->werror;
}

size_t diag_error_count(const struct diag_list *dl)
{
	size_t n = 0;

	for (size_t i = 0; i < dl->n; i++)
		n += diag_is_error(dl, &dl->v[i]);
	return n;
}

size_t diag_warning_count(const struct diag_list *dl)
{
	return dl->n - diag_error_count(dl);
}
