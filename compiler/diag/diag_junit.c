/* diag_junit.c - diagnostics as a JUnit XML test report, which GitLab
 * (artifacts:reports:junit) and Jenkins (the JUnit plugin) show as test
 * results:
 *
 *   <testsuites name="micac check" tests= failures= errors=>
 *     <testsuite name=FILE ...>       one per input
 *       <testcase name=FILE .../>     a clean input: one passing case
 *       <testcase name="E0401 ... at 5:117" classname=FILE file=FILE line=5>
 *         <failure type=E0401 message=...>the whole diagnostic</failure>
 *
 * Each diagnostic reported as an error is a failed test case; a warning is
 * a passing case with the diagnostic in its <system-out>; an input that
 * could not be read is a case with an <error> (the test could not run).
 * tests/junit.xsd is the schema tests/check_review.sh validates against. */
#include <stdlib.h>
#include <string.h>

#include "diag/diag_render.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Text as XML character data or attribute value: markup escaped, control
 * characters XML 1.0 cannot carry and invalid UTF-8 replaced by '?'. */
static void put_xml(FILE *out, const char *s)
{
	for (size_t n = strlen(s); *s;) {
		unsigned char c = (unsigned char)*s;
		size_t len = c < 0x80 ? 1 : utf8_seq_len(s, n);

		switch (c) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\n': fputs("&#10;", out); break;
		case '\t': fputs("&#9;", out); break;
		default:
			if (c < 0x20 || len == 0)
				fputc('?', out);
			else
				fwrite(s, 1, len, out);
		}
		len = len ? len : 1;
		s += len;
		n -= len;
	}
}

struct counts {
	size_t tests, failures, errors;
};

static struct counts count_input(const struct diag_input *in)
{
	struct counts c = {0};

	if (in->io_error)
		return (struct counts){1, 0, 1};
	c.tests = in->diags->n ? in->diags->n : 1;
	c.failures = diag_error_count(in->diags);
	return c;
}

static void put_counts(FILE *out, struct counts c)
{
	fprintf(out, " tests=\"%zu\" failures=\"%zu\" errors=\"%zu\"", c.tests, c.failures, c.errors);
}

static void put_case(FILE *out, const struct diag_input *in, const struct diag *d)
{
	const struct diag_code_info *info = diag_code_lookup(d->code);
	bool err = diag_is_error(in->diags, d);
	char *body = diag_full_message(d);

	fputs("    <testcase name=\"", out);
	put_xml(out, d->code);
	fputc(' ', out);
	put_xml(out, info ? info->title : "");
	if (d->loc.line)
		fprintf(out, " at %u:%u", d->loc.line, d->loc.col);
	fputs("\" classname=\"", out);
	put_xml(out, in->name);
	fputs("\" file=\"", out);
	put_xml(out, in->name);
	fputc('"', out);
	if (d->loc.line)
		fprintf(out, " line=\"%u\"", d->loc.line);
	fputs(">\n", out);
	fputs(err ? "      <failure type=\"" : "      <system-out>", out);
	if (err) {
		put_xml(out, d->code);
		fputs("\" message=\"", out);
		put_xml(out, d->msg);
		fputs("\">", out);
	}
	put_xml(out, in->name);
	if (d->loc.line)
		fprintf(out, ":%u:%u", d->loc.line, d->loc.col);
	fprintf(out, ": %s[%s]: ", diag_level(in->diags, d), d->code);
	put_xml(out, body);
	fputs(err ? "</failure>\n" : "</system-out>\n", out);
	fputs("    </testcase>\n", out);
	free(body);
}

static void put_suite(FILE *out, const struct diag_input *in)
{
	fputs("  <testsuite name=\"", out);
	put_xml(out, in->name);
	fputc('"', out);
	put_counts(out, count_input(in));
	fputs(" skipped=\"0\">\n", out);
	if (in->io_error || in->diags->n == 0) {
		fputs("    <testcase name=\"", out);
		put_xml(out, in->name);
		fputs("\" classname=\"", out);
		put_xml(out, in->name);
		fputs("\" file=\"", out);
		put_xml(out, in->name);
		fputs(in->io_error ? "\">\n      <error type=\"io\" message=\"" : "\"/>\n", out);
		if (in->io_error) {
			put_xml(out, in->io_error);
			fputs("\"/>\n    </testcase>\n", out);
		}
	}
	for (size_t i = 0; !in->io_error && i < in->diags->n; i++)
		put_case(out, in, &in->diags->v[i]);
	fputs("  </testsuite>\n", out);
}

void diag_render_junit(FILE *out, const struct diag_run *run)
{
	struct counts all = {0};

	for (size_t i = 0; i < run->n; i++) {
		struct counts c = count_input(&run->inputs[i]);

		all.tests += c.tests;
		all.failures += c.failures;
		all.errors += c.errors;
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"micac check\"", out);
	put_counts(out, all);
	fputs(">\n", out);
	for (size_t i = 0; i < run->n; i++)
		put_suite(out, &run->inputs[i]);
	fputs("</testsuites>\n", out);
}
