/* diag_sarif.c - diagnostics as SARIF 2.1.0, the format of GitHub code
 * scanning and most CI dashboards.
 *
 * Every code of the catalogue is a rule (id, name, short and full
 * description, help), so a result's ruleIndex is stable across runs. A
 * result carries its location, its notes (help lines in the message, noted
 * places as relatedLocations) and, for flow errors, the witness as a
 * codeFlow with one threadFlow location per step. Regions: SARIF's
 * endColumn is one past the last character, ours is the last character.
 * Relative paths are given against %SRCROOT%, the checkout root. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "diag/diag_render.h"
#include "util/json_writer.h"
#include "util/xalloc.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/* "undeclared name" -> "UndeclaredName": SARIF wants rule names to be
 * identifiers. */
static char *rule_name(const char *title)
{
	char *out = xmalloc(strlen(title) + 1), *p = out;
	bool up = true;

	for (; *title; title++) {
		if (!isalnum((unsigned char)*title)) {
			up = true;
			continue;
		}
		*p++ = up ? (char)toupper((unsigned char)*title) : *title;
		up = false;
	}
	*p = '\0';
	return out;
}

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
		char *name = rule_name(diag_codes[i].title);

		json_begin_object(j);
		json_kv_string(j, "id", diag_codes[i].code);
		json_kv_string(j, "name", name);
		put_text(j, "shortDescription", diag_codes[i].title);
		put_text(j, "fullDescription", diag_codes[i].help);
		put_text(j, "help", diag_codes[i].help);
		json_key(j, "defaultConfiguration");
		json_begin_object(j);
		json_kv_string(j, "level", diag_codes[i].sev == DIAG_WARNING ? "warning" : "error");
		json_end_object(j);
		json_end_object(j);
		free(name);
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

/* A region never ends before it starts, whatever LOC says. */
static void put_region(struct json *j, loc_t loc)
{
	uint32_t col = loc.col ? loc.col : 1;
	uint32_t end_line = loc.end_line > loc.line ? loc.end_line : loc.line;
	uint32_t end_col = loc.end_col ? loc.end_col : col;

	if (end_line == loc.line && end_col < col)
		end_col = col;
	json_key(j, "region");
	json_begin_object(j);
	json_kv_uint(j, "startLine", loc.line);
	json_kv_uint(j, "startColumn", col);
	json_kv_uint(j, "endLine", end_line);
	json_kv_uint(j, "endColumn", end_col + 1);
	json_end_object(j);
}

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

static void put_physical(struct json *j, const struct source *src, loc_t loc)
{
	char *uri = path_uri(src->name);

	json_key(j, "physicalLocation");
	json_begin_object(j);
	json_key(j, "artifactLocation");
	json_begin_object(j);
	json_kv_string(j, "uri", uri);
	if (src->name[0] != '/')
		json_kv_string(j, "uriBaseId", "%SRCROOT%");
	json_end_object(j);
	if (src->blob)
		put_blob_region(j, src, loc);
	else if (loc.line)
		put_region(j, loc);
	json_end_object(j);
	free(uri);
}

/* The message: the diagnostic, its witness and its notes, one per line. */
static char *full_message(const struct diag *d)
{
	char *msg = xstrdup(d->msg);

	for (size_t i = 0; i < d->nsteps; i++) {
		char *next = xasprintf("%s\n    %s", msg, d->steps[i].text);

		free(msg);
		msg = next;
	}
	for (size_t i = 0; i < d->nnotes; i++) {
		char *next = xasprintf("%s\n%s: %s", msg, d->notes[i].kind == NOTE_HELP ? "help" : "note",
				       d->notes[i].text);

		free(msg);
		msg = next;
	}
	return msg;
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
		json_end_object(j);
		json_end_object(j);
	}
	json_end_array(j);
	json_end_object(j);
	json_end_array(j);
	json_end_object(j);
	json_end_array(j);
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
	char *msg = full_message(d);

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
		json_end_object(j);
		json_end_array(j);
		put_related(j, d);
	}
	if (d->nsteps)
		put_code_flow(j, d);
	json_end_object(j);
	free(msg);
}

void diag_render_sarif(FILE *out, const struct diag_list *const *lists, size_t n)
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
	put_rules(&j);
	json_end_object(&j);
	json_end_object(&j);
	json_key(&j, "results");
	json_begin_array(&j);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < lists[i]->n; k++)
			put_result(&j, lists[i], &lists[i]->v[k]);
	json_end_array(&j);
	json_end_object(&j);
	json_end_array(&j);
	json_end_object(&j);
	json_finish(&j);
}
