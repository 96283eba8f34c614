/*
 * SPDX-License-Identifier: BSD-3-Clause
 * SPDX-FileCopyrightText: Copyright micac contributors.
 *
 * Names, canonical form only (the RMM never reads one): the string table
 * holds the policy name, then the realm names, then the region names, back
 * to back. Checking each name as its record is checked walks the table
 * once, in order, and proves that it holds exactly those names and nothing
 * else. Also the name order itself (mica_names.h), which micac's lookups
 * by name binary-search.
 */

#include "mica_canon.h"

int mica_name_cmp(const char *z, const char *s, size_t n)
{
	size_t i;

	for (i = 0U; i < n; i++) {
		uint8_t a = (uint8_t)z[i];
		uint8_t b = (uint8_t)s[i];

		if (a != b) {
			return (a < b) ? -1 : 1;
		}
		/* Both NUL before n: z ended, s still has bytes. */
		if (a == 0U) {
			return -1;
		}
	}
	return (z[n] == '\0') ? 0 : 1;
}

size_t mica_name_len(const char *z)
{
	size_t n = 0U;

	while (z[n] != '\0') {
		n++;
	}
	return n;
}

static const char reserved_name[] = "host";

/* No source can declare a name that is a keyword (mica_keywords.def). */
static const char *const keywords[] = {
#define MICA_KEYWORD(word, token) #word,
#include "mica_keywords.def"
#undef MICA_KEYWORD
	NULL
};

static bool is_keyword(const char *z, uint32_t len)
{
	size_t i;

	for (i = 0U; keywords[i] != NULL; i++) {
		if (mica_name_cmp(keywords[i], z, len) == 0) {
			return true;
		}
	}
	return false;
}

static bool is_ident_char(uint8_t c, bool first)
{
	if (((c >= (uint8_t)'A') && (c <= (uint8_t)'Z')) ||
	    ((c >= (uint8_t)'a') && (c <= (uint8_t)'z')) ||
	    (c == (uint8_t)'_')) {
		return true;
	}
	return !first && (c >= (uint8_t)'0') && (c <= (uint8_t)'9');
}

/* Scans the identifier at string table offset pos; sets *len. */
static int scan_name(const struct mica_vctx *v, const struct mica_name_ref *ref,
		     uint32_t pos, uint32_t *len)
{
	const struct mica_blob_table *st = &v->hdr->tables[MICA_TABLE_STRINGS];
	const uint8_t *s = v->bytes + st->offset;
	uint32_t n;

	for (n = 0U; s[pos + n] != 0U; n++) {
		unsigned int f = MICA_FAULT_NONE;

		if (n == MICA_NAME_MAX) {
			f = MICA_FAULT_NAME_LONG;
		} else if (!is_ident_char(s[pos + n], n == 0U)) {
			f = MICA_FAULT_NAME_CHAR;
		} else if ((pos + n + 1U) == st->count) {
			/* no NUL before the end of the table */
			f = MICA_FAULT_NAME_UNTERMINATED;
			n++;
		} else {
			continue;
		}
		return mica_fault(v, f, ref->table, ref->index,
				  st->offset + pos + n);
	}
	*len = n;
	return 0;
}

int mica_check_name(struct mica_cctx *c, const struct mica_name_ref *ref,
		    const char *prev, const char **name)
{
	const struct mica_vctx *v = &c->v;
	const struct mica_blob_table *st = &v->hdr->tables[MICA_TABLE_STRINGS];
	uint32_t pos = *(const uint32_t *)(const void *)(v->bytes + ref->field_off);
	const char *z = (const char *)v->bytes + st->offset + pos;
	unsigned int f = MICA_FAULT_NONE;
	uint32_t len = 0U;
	int rc;

	if (pos != c->strings_pos) {
		return mica_fault(v, MICA_FAULT_NAME_OFF, ref->table,
				  ref->index, ref->field_off);
	}
	if (pos >= st->count) {
		return mica_fault(v, MICA_FAULT_NAME_UNTERMINATED, ref->table,
				  ref->index, st->offset + st->count);
	}
	rc = scan_name(v, ref, pos, &len);
	if (rc != 0) {
		return rc;
	}
	if (len == 0U) {
		f = MICA_FAULT_NAME_EMPTY;
	} else if ((ref->table != MICA_BLOB_IN_HEADER) &&
		   (mica_name_cmp(reserved_name, z, len) == 0)) {
		f = MICA_FAULT_NAME_HOST;
	} else if (is_keyword(z, len)) {
		f = MICA_FAULT_NAME_KEYWORD;
	} else if ((prev != NULL) && (mica_name_cmp(prev, z, len) >= 0)) {
		f = MICA_FAULT_NAME_ORDER;
	} else {
		*name = z;
		c->strings_pos = pos + len + 1U;
		return 0;
	}
	return mica_fault(v, f, ref->table, ref->index, st->offset + pos);
}

int mica_canon_policy_name(struct mica_cctx *c)
{
	const struct mica_name_ref ref = {
		MICA_BLOB_IN_HEADER, MICA_BLOB_NO_INDEX,
		(uint32_t)offsetof(struct mica_blob_header, name_off)
	};
	const char *name;

	return mica_check_name(c, &ref, NULL, &name);
}

/*
 * Realm and region names share one namespace. Both lists are sorted, so one
 * merge walk finds any name in both. Runs after both tables are checked,
 * then makes sure the region names were the string table's last bytes.
 */
int mica_canon_name_sets(struct mica_cctx *c)
{
	const struct mica_vctx *v = &c->v;
	const struct mica_blob_header *h = v->hdr;
	uint32_t i = 0U;
	uint32_t j = 0U;

	while ((i < h->tables[MICA_TABLE_REALMS].count) &&
	       (j < h->tables[MICA_TABLE_REGIONS].count)) {
		const char *rg = mica_blob_region_name(v->bytes, j);
		int k = mica_name_cmp(mica_blob_realm_name(v->bytes, i), rg,
				      mica_name_len(rg));

		if (k == 0) {
			return mica_fault(v, MICA_FAULT_NAME_CLASH,
					  MICA_TABLE_REGIONS, j,
					  h->tables[MICA_TABLE_STRINGS].offset +
					  mica_region_at(v->bytes, j)->name_off);
		}
		if (k < 0) {
			i++;
		} else {
			j++;
		}
	}
	if (c->strings_pos != h->tables[MICA_TABLE_STRINGS].count) {
		return mica_fault(v, MICA_FAULT_STRINGS_TRAILING,
				  MICA_TABLE_STRINGS, MICA_BLOB_NO_INDEX,
				  h->tables[MICA_TABLE_STRINGS].offset +
				  c->strings_pos);
	}
	return 0;
}
