/* diag_blob.c - locations in a blob: a table entry (diag.h, diag_blob_loc). */
#include <stdio.h>

#include "diag/diag.h"
#include "mica_policy.h"

loc_t diag_blob_loc(unsigned int table, uint32_t index)
{
	return (loc_t){table + 1, index + 1, table + 1, index + 1};
}

bool diag_blob_entry(const struct source *src, loc_t loc, char *buf, size_t n, uint32_t *off,
		     uint32_t *len)
{
	static const struct {
		const char *name;
		uint32_t size;
	} tables[] = {
		[MICA_TABLE_REALMS] = {"realm", sizeof(struct mica_blob_realm)},
		[MICA_TABLE_REGIONS] = {"region", sizeof(struct mica_blob_region)},
		[MICA_TABLE_GRANTS] = {"grant", sizeof(struct mica_blob_grant)},
		[MICA_TABLE_CALLS] = {"call", sizeof(struct mica_blob_call)},
	};
	unsigned int t = loc.line - 1;
	uint32_t i = loc.col - 1;
	const char *name = NULL;

	if (!src || !src->blob || loc.line == 0 || loc.col == 0 ||
	    t >= sizeof(tables) / sizeof(tables[0]) || !tables[t].name ||
	    i >= mica_blob_count(src->data, t))
		return false;
	*off = mica_blob_header(src->data)->tables[t].offset + i * tables[t].size;
	*len = tables[t].size;
	if (t == MICA_TABLE_REALMS)
		name = mica_blob_realm_name(src->data, i);
	else if (t == MICA_TABLE_REGIONS)
		name = mica_blob_region_name(src->data, i);
	if (name)
		snprintf(buf, n, "%s[%u] '%s'", tables[t].name, i, name);
	else
		snprintf(buf, n, "%s[%u]", tables[t].name, i);
	return true;
}
