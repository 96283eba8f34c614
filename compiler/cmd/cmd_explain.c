/* cmd_explain.c - `micac explain CODE`: a diagnostic's entry from
 * docs/diagnostics.md, as rustc's --explain. The document is built into
 * the binary (compiler/cmd/embed_text.sh), so an installed micac needs no
 * docs directory. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/options.h"
#include "diag/diag.h"
#include "util/suggest.h"

/* Generated from docs/diagnostics.md. */
extern const char diagnostics_doc[];
extern const size_t diagnostics_doc_len;

static const struct opt_usage usage = {
	"explain", "CODE",
	"Prints the entry of diagnostic CODE (E0401, W0101, ...) from micac's\n"
	"documentation of its diagnostics: what it means, how to fix it, an\n"
	"example input and micac's exact output for it.\n",
	"Exit status: 0 printed, 2 no such code or usage error.\n",
};

/* Where the line "## CODE: " starts in DOC, or NULL. */
static const char *find_heading(const char *doc, size_t len, const char *code)
{
	size_t cl = strlen(code);

	for (const char *p = doc; p && p < doc + len;) {
		if (strncmp(p, "## ", 3) == 0 && strncmp(p + 3, code, cl) == 0 && p[3 + cl] == ':')
			return p;
		p = memchr(p, '\n', (size_t)(doc + len - p));
		if (p)
			p++;
	}
	return NULL;
}

static bool is_heading(const char *q, const char *end)
{
	return end - q >= 2 && q[0] == '#' && (q[1] == ' ' || (end - q >= 3 && q[1] == '#' && q[2] == ' '));
}

/* Prints the section from its heading up to the next heading outside a
 * fenced block (a YAML example's "# comment" is no heading), without the
 * example markers (HTML comments for the documentation's own test) and
 * without the blank lines at its end. */
static void print_section(const char *p, const char *end)
{
	const char *stop, *q;
	bool fenced = false;

	q = memchr(p, '\n', (size_t)(end - p));
	q = q ? q + 1 : end;
	while (q < end && (fenced || !is_heading(q, end))) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));

		if (end - q >= 3 && strncmp(q, "```", 3) == 0)
			fenced = !fenced;
		q = nl ? nl + 1 : end;
	}
	stop = q;
	while (stop > p && (stop[-1] == '\n' || stop[-1] == ' '))
		stop--;
	while (p < stop) {
		const char *nl = memchr(p, '\n', (size_t)(stop - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(stop - p);

		if (!(n >= 4 && strncmp(p, "<!--", 4) == 0))
			printf("%.*s\n", (int)n, p);
		p += n + (nl != NULL);
	}
}

/* The catalogue lists errors, then warnings, each in code order. */
static const struct diag_code_info *first_of(enum diag_severity sev)
{
	for (size_t i = 0; i < diag_ncodes; i++)
		if (diag_codes[i].sev == sev)
			return &diag_codes[i];
	return &diag_codes[0];
}

static const struct diag_code_info *last_of(enum diag_severity sev)
{
	for (size_t i = diag_ncodes; i-- > 0;)
		if (diag_codes[i].sev == sev)
			return &diag_codes[i];
	return &diag_codes[0];
}

int cmd_explain(int argc, char **argv)
{
	const struct opt opts[] = {OPT_END()};
	const char *codes[DIAG_KIND_COUNT];
	char code[16];
	const char *at, *near;
	size_t n = 0;
	int nargs, rc = opts_parse(&usage, opts, argc, argv, &nargs);

	if (rc != OPTS_CONTINUE)
		return rc;
	if (nargs != 1)
		return cli_usage_error("explain", "expected one diagnostic CODE, such as E0401");
	/* e0401 is E0401; anything longer than a code is no code. */
	for (; argv[0][n] && n + 1 < sizeof(code); n++)
		code[n] = (char)toupper((unsigned char)argv[0][n]);
	code[n] = '\0';
	if (diag_code_lookup(code) && !argv[0][n] &&
	    (at = find_heading(diagnostics_doc, diagnostics_doc_len, code)) != NULL) {
		print_section(at, diagnostics_doc + diagnostics_doc_len);
		return EXIT_CLEAN;
	}
	for (size_t i = 0; i < diag_ncodes; i++)
		codes[i] = diag_codes[i].code;
	near = argv[0][n] ? NULL : suggest_name(code, codes, diag_ncodes);
	if (near)
		return cli_usage_error("explain", "no diagnostic '%s' (did you mean %s?)", argv[0], near);
	return cli_usage_error("explain", "no diagnostic '%s': codes are %s to %s and %s to %s",
			       argv[0], diag_codes[0].code, last_of(DIAG_ERROR)->code,
			       first_of(DIAG_WARNING)->code, diag_codes[diag_ncodes - 1].code);
}
