/* model_tree.c - the YAML/JSON mapping of a model, as a document tree.
 *
 * The same shape the YAML front end reads (docs/language.md, YAML form):
 *
 *   policy:  {name, version, digest, ipa_bits}
 *   realms:  NAME: {trust, measurement?, hostcall?, mmio?}
 *   regions: NAME: {kind, size, at, grants: {REALM: PERM}}
 *   calls:   [{from, to, oneway?}]
 *   asserts: [{from, to}]
 *
 * Empty sections are left out; flags appear only when set. */
#include "blob/digest.h"
#include "print/emit.h"
#include "syntax/keywords.h"
#include "util/xalloc.h"

static void tree_policy(struct dnode *root, const struct model *m)
{
	struct dnode *p = dt_map(root, "policy", false);

	dt_word(p, "name", m->name);
	dt_num(p, "version", m->version, NULL);
	dt_word(p, "digest", digest_name(m->digest_alg));
	dt_num(p, "ipa_bits", m->ipa_bits, NULL);
}

static void tree_realms(struct dnode *root, const struct model *m)
{
	struct dnode *rs = dt_map(root, "realms", false);

	for (uint32_t i = 0; i < m->nrealms; i++) {
		const struct model_realm *r = &m->realms[i];
		struct dnode *n = dt_map(rs, r->name, false);

		dt_word(n, "trust", keyword_name(&kw_trust, r->trust));
		if (r->meas_len != 0)
			dt_str_owned(n, "measurement", hex_encode(r->measurement, r->meas_len));
		if (r->flags & MICA_REALM_HOSTCALL)
			dt_bool(n, "hostcall", true);
		if (r->flags & MICA_REALM_MMIO)
			dt_bool(n, "mmio", true);
	}
}

static void tree_regions(struct dnode *root, const struct model *m)
{
	struct dnode *rs = dt_map(root, "regions", false);
	char buf[SPELL_MAX];

	for (uint32_t i = 0; i < m->nregions; i++) {
		const struct model_region *r = &m->regions[i];
		struct dnode *n = dt_map(rs, r->name, false), *g;

		dt_word(n, "kind", keyword_name(&kw_kind, r->kind));
		dt_num(n, "size", r->size, spell_size(r->size, buf));
		dt_num(n, "at", r->base, spell_addr(r->base, buf));
		g = dt_map(n, "grants", false);
		for (uint32_t k = r->grant_first; k < r->grant_first + r->grant_count; k++)
			dt_word(g, m->realms[m->grants[k].realm].name,
				keyword_name(&kw_perm, m->grants[k].perm));
	}
}

static void tree_calls_asserts(struct dnode *root, const struct model *m)
{
	struct dnode *cs = m->ncalls ? dt_list(root, "calls", false) : NULL;
	struct dnode *as = m->nasserts ? dt_list(root, "asserts", false) : NULL;

	for (uint32_t i = 0; i < m->ncalls; i++) {
		struct dnode *c = dt_map(cs, NULL, true);

		dt_word(c, "from", m->realms[m->calls[i].caller].name);
		dt_word(c, "to", m->realms[m->calls[i].callee].name);
		if (m->calls[i].flags & MICA_CALL_ONEWAY)
			dt_bool(c, "oneway", true);
	}
	for (uint32_t i = 0; i < m->nasserts; i++) {
		struct dnode *a = dt_map(as, NULL, true);

		dt_word(a, "from", model_principal_name(m, m->asserts[i].from));
		dt_word(a, "to", model_principal_name(m, m->asserts[i].to));
	}
}

struct dnode *model_tree(const struct model *m)
{
	struct dnode *root = dtree_root();

	tree_policy(root, m);
	if (m->nrealms)
		tree_realms(root, m);
	if (m->nregions)
		tree_regions(root, m);
	tree_calls_asserts(root, m);
	return root;
}
