/* resolve.c - a checked syntax tree becomes the model: names become
 * indices, everything is sorted into the blob's total order, defaults are
 * filled in and regions without `at` are placed (place.c). After this, no
 * trace of how the source was spelt or ordered remains: that is what makes
 * the blob canonical. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sema/place.h"
#include "sema/resolve.h"
#include "sema/resolve_sort.h"
#include "util/xalloc.h"

#define DEFAULT_DIGEST MICA_DIGEST_SHA512
#define DEFAULT_IPA_BITS 40

/* A hex digit's value, or 16 for anything else. */
static unsigned hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (unsigned)(c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (unsigned)(c - 'A' + 10);
	return 16;
}

/* Decodes HEX into R's measurement in one pass. A measurement E0213
 * refused (the model is then built only for the flow analysis) is left out:
 * it may be any length, or not hex. */
static void decode_measurement(struct model_realm *r, const char *hex)
{
	uint8_t bytes[sizeof(r->measurement)];
	size_t n = 0;

	for (; hex[n] && hex[n + 1] && n < 2 * sizeof(bytes); n += 2) {
		unsigned hi = hex_value(hex[n]), lo = hex_value(hex[n + 1]);

		if (hi > 15 || lo > 15)
			return;
		bytes[n / 2] = (uint8_t)(hi << 4 | lo);
	}
	if (hex[n])	/* odd length, or too long */
		return;
	memcpy(r->measurement, bytes, n / 2);
	r->meas_len = (uint8_t)(n / 2);
}

static void resolve_policy(const struct ast *ast, struct model *m)
{
	const struct ast_policy *p = &ast->policies[0];

	m->src = ast->src;
	m->yaml = ast->yaml;
	m->name = p->name.text;
	m->version = (uint32_t)p->version;
	m->digest_alg = PROP_SET(p->digest_p) ? p->digest : DEFAULT_DIGEST;
	m->ipa_bits = PROP_SET(p->ipa_bits_p) ? (uint8_t)p->ipa_bits : DEFAULT_IPA_BITS;
	m->loc = p->name.loc;
}

static void resolve_realms(const struct ast *ast, struct model *m)
{
	uint32_t *order = order_by_name(ast->realms, (uint32_t)ast->nrealms, sizeof(*ast->realms),
					offsetof(struct ast_realm, name.text), intern_count(ast->src->names));

	m->nrealms = (uint32_t)ast->nrealms;
	m->realms = xcalloc(ast->nrealms, sizeof(*m->realms));
	for (size_t i = 0; i < ast->nrealms; i++) {
		const struct ast_realm *a = &ast->realms[order[i]];
		struct model_realm *r = &m->realms[i];

		r->name = a->name.text;
		r->trust = a->trust;
		r->flags = (uint8_t)((a->hostcall ? MICA_REALM_HOSTCALL : 0) |
				     (a->mmio ? MICA_REALM_MMIO : 0));
		r->loc = a->name.loc;
		r->hostcall_loc = a->hostcall_p.loc;
		r->mmio_loc = a->mmio_p.loc;
		if (a->measurement)
			decode_measurement(r, a->measurement);
	}
	free(order);
}

/* Principal index by name rank (util/intern.h), so a use is found in O(1)
 * rather than by a binary search of strings: each realm's rank maps to its
 * index and the rank of `host` (interned before ranking) to MODEL_HOST. */
static uint32_t *index_realms(const struct model *m, const struct ast *ast, const char *host)
{
	uint32_t *by_rank = xmalloc((intern_count(ast->src->names) + 1) * sizeof(*by_rank));

	for (uint32_t i = 0; i < m->nrealms; i++)
		by_rank[intern_rank(m->realms[i].name)] = i;
	by_rank[intern_rank(host)] = MODEL_HOST;
	return by_rank;
}

static uint32_t realm_index(const uint32_t *by_rank, const char *name)
{
	return by_rank[intern_rank(name)];
}

/* Regions in name order, each with its grants; IN gets which regions had
 * `at` (indexed like the sorted regions), for placement. */
static void resolve_regions(const struct ast *ast, struct model *m, const uint32_t *by_rank,
			    struct place_input *in)
{
	uint32_t *order = order_by_name(ast->regions, (uint32_t)ast->nregions, sizeof(*ast->regions),
					offsetof(struct ast_region, name.text), intern_count(ast->src->names));
	size_t ngrants = 0;

	for (size_t i = 0; i < ast->nregions; i++)
		ngrants += ast->regions[i].ngrants;
	m->nregions = (uint32_t)ast->nregions;
	m->regions = xcalloc(ast->nregions, sizeof(*m->regions));
	m->ngrants = (uint32_t)ngrants;
	m->grants = xcalloc(ngrants, sizeof(*m->grants));
	in->fixed = xcalloc(ast->nregions, sizeof(*in->fixed));
	in->at_loc = xcalloc(ast->nregions, sizeof(*in->at_loc));
	ngrants = 0;
	for (uint32_t i = 0; i < m->nregions; i++) {
		const struct ast_region *a = &ast->regions[order[i]];
		struct model_region *r = &m->regions[i];

		r->name = a->name.text;
		r->kind = a->kind;
		r->size = a->size;
		r->base = PROP_SET(a->at_p) ? a->at : 0;
		r->loc = a->name.loc;
		r->grant_first = (uint32_t)ngrants;
		r->grant_count = (uint32_t)a->ngrants;
		in->fixed[i] = PROP_SET(a->at_p);
		in->at_loc[i] = a->at_p.loc;
		for (size_t j = 0; j < a->ngrants; j++) {
			struct model_grant *g = &m->grants[ngrants++];

			g->region = i;
			g->realm = realm_index(by_rank, a->grants[j].realm.text);
			g->perm = a->grants[j].perm;
			g->loc = a->grants[j].loc;
		}
	}
	free(order);
	sort_grants(m);
}

static void resolve_calls(const struct ast *ast, struct model *m, const uint32_t *by_rank)
{
	m->ncalls = (uint32_t)ast->ncalls;
	m->calls = xcalloc(ast->ncalls, sizeof(*m->calls));
	for (size_t i = 0; i < ast->ncalls; i++) {
		m->calls[i].caller = realm_index(by_rank, ast->calls[i].from.text);
		m->calls[i].callee = realm_index(by_rank, ast->calls[i].to.text);
		m->calls[i].flags = ast->calls[i].oneway ? MICA_CALL_ONEWAY : 0;
		m->calls[i].loc = ast->calls[i].loc;
	}
	sort_calls(m);
	m->nasserts = (uint32_t)ast->nasserts;
	m->asserts = xcalloc(ast->nasserts, sizeof(*m->asserts));
	for (size_t i = 0; i < ast->nasserts; i++) {
		m->asserts[i].from = realm_index(by_rank, ast->asserts[i].from.text);
		m->asserts[i].to = realm_index(by_rank, ast->asserts[i].to.text);
		m->asserts[i].loc = ast->asserts[i].loc;
	}
}

int resolve(struct ast *ast, struct model *m, unsigned flags, struct diag_list *dl)
{
	bool free_tree = flags & RESOLVE_FREE_TREE;
	struct place_input in;
	uint32_t *by_rank;
	int rc = 0;

	memset(m, 0, sizeof(*m));
	const char *host = intern_cstr(ast->src->names, "host");

	intern_rank_all(ast->src->names);	/* the sorts below compare ranks */
	if (free_tree)
		ast_free_part(ast, AST_LAYOUT);
	resolve_policy(ast, m);
	resolve_realms(ast, m);
	by_rank = index_realms(m, ast, host);
	if (free_tree)
		ast_free_part(ast, AST_REALMS);
	resolve_regions(ast, m, by_rank, &in);
	if (free_tree)
		ast_free_part(ast, AST_REGIONS);
	resolve_calls(ast, m, by_rank);
	if (free_tree) {
		ast_free_part(ast, AST_CALLS);
		ast_free_part(ast, AST_POLICIES);
	}
	if (flags & RESOLVE_PLACE)
		rc = place_regions(m, &in, dl);
	free(by_rank);
	free(in.fixed);
	free(in.at_loc);
	return rc;
}
