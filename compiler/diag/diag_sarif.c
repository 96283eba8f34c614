/* diag_sarif.c - diagnostics as SARIF 2.1.0, the format of GitHub code
 * scanning and most CI dashboards.
 *
 * Every code of the catalogue is a rule (id, name, short and full
 * description, help), so a result's ruleIndex is stable across runs. A
 * result carries its location, its notes (help lines in the message, noted
 * places as relatedLocations) and, for flow errors, the witness as a
 * codeFlow with one threadFlow location per step. Regions: SARIF's
 * endColumn is one past the last character, ours is the last character;
 * our columns count bytes, SARIF's (columnKind unicodeCodePoints) count
 * characters, so columns are converted on the line's text. Relative paths
 * are given against %SRCROOT%, the checkout root; standard input is the
 * relative URI "stdin" with no base, described as standard input. Rules carry the catalogue's names and a
 * helpUri into docs/diagnostics.md; the invocation says whether every
 * input could be read, with a notification for each that could not. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "diag/diag_render.h"
#include "util/json_writer.h"
#include "util/xalloc.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static void put_text(struct json *j, const char *key, const char *text)
{
	json_key(j, key);
	json_begin_object(j);
	json_kv_string(j, "text", text);
	json_end_object(j);
}

static void put_rules(struct json *j)
{
	json_key(j, "rules");
	json_begin_array(j);
	for (size_t i = 0; i < diag_ncodes; i++) {
		char *name = diag_rule_name(&diag_codes[i]), *url = diag_help_url(&diag_codes[i]);

		json_begin_object(j);
		json_kv_string(j, "id", diag_codes[i].code);
		json_kv_string(j, "name", name);
		put_text(j, "shortDescription", diag_codes[i].title);
		put_text(j, "fullDescription", diag_codes[i].help);
		put_text(j, "help", diag_codes[i].help);
		json_kv_string(j, "helpUri", url);
		json_key(j, "defaultConfiguration");
		json_begin_object(j);
		json_kv_string(j, "level", diag_codes[i].sev == DIAG_WARNING ? "warning" : "error");
		json_close(j, 2);
		free(name);
		free(url);
	}
	json_end_array(j);
}

/* A file name as a URI reference: unreserved bytes and '/' as they are,
 * everything else percent-encoded. */
static char *path_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	bool abs = path[0] == '/';
	char *out = xmalloc(3 * strlen(path) + sizeof("file://")), *p = out;

	if (abs)
		p += sprintf(p, "file://");
	for (; *path; path++) {
		unsigned char c = (unsigned char)*path;

		if (isalnum(c) || strchr("-._~/", c)) {
			*p++ = (char)c;
		} else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	return out;
}

/* Characters on LINE before byte column BYTES + 1, plus one: a byte
 * column as a character column. Bytes past the line's end count one each. */
static uint32_t char_col(const struct source *src, uint32_t line, uint32_t bytes)
{
	size_t len = 0;
	const char *text = src->data && line <= src->nlines ? source_line(src, line, &len) : NULL;
	uint32_t col = 1;

	for (uint32_t i = 0; i < bytes; i++)
		col += !text || i >= len || ((unsigned char)text[i] & 0xc0) != 0x80;
	return col;
}

/* A region never ends before it starts, whatever LOC says. */
static void put_region(struct json *j, const struct source *src, loc_t loc)
{
	uint32_t col = loc.col ? loc.col : 1;
	uint32_t end_line = loc.end_line > loc.line ? loc.end_line : loc.line;
	uint32_t end_col = loc.end_col ? loc.end_col : col;

	if (end_line == loc.line && end_col < col)
		end_col = col;
	json_key(j, "region");
	json_begin_object(j);
	json_kv_uint(j, "startLine", loc.line);
	json_kv_uint(j, "startColumn", char_col(src, loc.line, col - 1));
	json_kv_uint(j, "endLine", end_line);
	json_kv_uint(j, "endColumn", char_col(src, end_line, end_col));
	json_end_object(j);
}

static void put_artifact(struct json *j, const char *name)
{
	json_key(j, "artifactLocation");
	json_begin_object(j);
	if (strcmp(name, SOURCE_STDIN_NAME) == 0) {
		/* GitHub needs a URI; "stdin", not in the checkout, and said so. */
		json_kv_string(j, "uri", "stdin");
		put_text(j, "description", "standard input");
	} else {
		char *uri = path_uri(name);

		json_kv_string(j, "uri", uri);
		if (name[0] != '/')
			json_kv_string(j, "uriBaseId", "%SRCROOT%");
		free(uri);
	}
	json_end_object(j);
}

/* The file NAME, and LOC in SRC when LOC has a line. */
/* A blob's table entry: SARIF's binary region, by byte offset and length. */
static void put_blob_region(struct json *j, const struct source *src, loc_t loc)
{
	char entry[128];
	uint32_t off, n;

	if (!diag_blob_entry(src, loc, entry, sizeof(entry), &off, &n))
		return;
	json_key(j, "region");
	json_begin_object(j);
	json_kv_uint(j, "byteOffset", off);
	json_kv_uint(j, "byteLength", n);
	json_end_object(j);
}

static void put_file(struct json *j, const char *name, const struct source *src, loc_t loc)
{
	json_key(j, "physicalLocation");
	json_begin_object(j);
	put_artifact(j, name);
	if (src && src->blob)
		put_blob_region(j, src, loc);
	else if (loc.line)
		put_region(j, src, loc);
	json_end_object(j);
}

static void put_physical(struct json *j, const struct source *src, loc_t loc)
{
	put_file(j, src->name, src, loc);
}

static void put_code_flow(struct json *j, const struct diag *d)
{
	json_key(j, "codeFlows");
	json_begin_array(j);
	json_begin_object(j);
	json_key(j, "threadFlows");
	json_begin_array(j);
	json_begin_object(j);
	json_key(j, "locations");
	json_begin_array(j);
	for (size_t i = 0; i < d->nsteps; i++) {
		json_begin_object(j);
		json_key(j, "location");
		json_begin_object(j);
		if (d->src)
			put_physical(j, d->src, d->steps[i].loc);
		put_text(j, "message", d->steps[i].text);
		json_close(j, 2);
	}
	json_close(j, 5);
}

static void put_related(struct json *j, const struct diag *d)
{
	size_t id = 0;

	for (size_t i = 0; i < d->nnotes; i++) {
		if (!d->notes[i].loc.line)
			continue;
		if (id == 0) {
			json_key(j, "relatedLocations");
			json_begin_array(j);
		}
		json_begin_object(j);
		json_kv_uint(j, "id", id++);
		put_physical(j, d->src, d->notes[i].loc);
		put_text(j, "message", d->notes[i].text);
		json_end_object(j);
	}
	if (id)
		json_end_array(j);
}

static void put_result(struct json *j, const struct diag_list *dl, const struct diag *d)
{
	const struct diag_code_info *info = diag_code_lookup(d->code);
	char *msg = diag_full_message(d);

	json_begin_object(j);
	json_kv_string(j, "ruleId", d->code);
	if (info)
		json_kv_uint(j, "ruleIndex", (uint64_t)(info - diag_codes));
	json_kv_string(j, "level", diag_level(dl, d));
	put_text(j, "message", msg);
	if (d->src) {
		json_key(j, "locations");
		json_begin_array(j);
		json_begin_object(j);
		put_physical(j, d->src, d->loc);
		json_close(j, 2);
		put_related(j, d);
	}
	if (d->nsteps)
		put_code_flow(j, d);
	json_end_object(j);
	free(msg);
}

/* The run as SARIF's invocation: successful when every input was read;
 * each input that was not is a tool notification naming the file. */
static void put_invocation(struct json *j, const struct diag_run *run)
{
	bool ok = true;

	json_key(j, "invocations");
	json_begin_array(j);
	json_begin_object(j);
	for (size_t i = 0; i < run->n; i++)
		ok &= run->inputs[i].io_error == NULL;
	json_key(j, "executionSuccessful");
	json_bool(j, ok);
	json_kv_uint(j, "exitCode", (uint64_t)run->exit_code);
	if (!ok) {
		json_key(j, "toolExecutionNotifications");
		json_begin_array(j);
		for (size_t i = 0; i < run->n; i++) {
			if (!run->inputs[i].io_error)
				continue;
			json_begin_object(j);
			json_kv_string(j, "level", "error");
			put_text(j, "message", run->inputs[i].io_error);
			json_key(j, "locations");
			json_begin_array(j);
			json_begin_object(j);
			put_file(j, run->inputs[i].name, NULL, (loc_t){0});
			json_close(j, 3);
		}
		json_end_array(j);
	}
	json_close(j, 2);
}

void diag_render_sarif(FILE *out, const struct diag_run *run)
{
	struct json j;

	json_init(&j, out);
	json_begin_object(&j);
	json_kv_string(&j, "$schema", SARIF_SCHEMA);
	json_kv_string(&j, "version", "2.1.0");
	json_key(&j, "runs");
	json_begin_array(&j);
	json_begin_object(&j);
	json_key(&j, "tool");
	json_begin_object(&j);
	json_key(&j, "driver");
	json_begin_object(&j);
	json_kv_string(&j, "name", "micac");
	json_kv_string(&j, "version", MICAC_VERSION);
	json_kv_string(&j, "semanticVersion", MICAC_VERSION);
	json_kv_string(&j, "informationUri", diag_repository_url());
	put_rules(&j);
	json_close(&j, 2);
	put_invocation(&j, run);
	json_kv_string(&j, "columnKind", "unicodeCodePoints");
	json_key(&j, "results");
	json_begin_array(&j);
	for (size_t i = 0; i < run->n; i++) {
		const struct diag_list *dl = run->inputs[i].diags;

		for (size_t k = 0; k < dl->n; k++)
			put_result(&j, dl, &dl->v[k]);
	}
	json_close(&j, 4);
	json_finish(&j);
}
