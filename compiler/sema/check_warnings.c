/* check_warnings.c - things that are legal but probably not meant:
 * a confidential realm whose role is not bound to code identity, a
 * protected region that nobody writes or nobody reads, a realm that takes
 * part in nothing, a measurement on an untrusted realm, and two realms
 * that expect the same image. */
#include <stdlib.h>
#include <string.h>

#include "sema/check.h"
#include "util/xalloc.h"

static void warn_measurements(const struct model *m, struct diag_list *dl)
{
	for (uint32_t i = 0; i < m->nrealms; i++) {
		const struct model_realm *r = &m->realms[i];
		struct diag *d;

		if (r->trust != MICA_TRUST_UNTRUSTED && r->meas_len == 0) {
			d = diag_add(dl, WARN_NO_MEASUREMENT, m->src, r->loc,
					 "realm '%s' has no measurement", r->name);
			diag_help(d, "add `measurement%s \"<RIM in hex>\"%s` so that only the expected "
				  "image can take this role", m->yaml ? ":" : "", m->yaml ? "" : ";");
		}
		if (r->trust == MICA_TRUST_UNTRUSTED && r->meas_len != 0) {
			d = diag_add(dl, WARN_UNTRUSTED_MEASURED, m->src, r->loc,
					 "untrusted realm '%s' has a measurement", r->name);
			diag_help(d, "nothing relies on an untrusted realm's code: remove the "
				  "measurement, or make the realm distrustful");
		}
	}
}

static void warn_regions(const struct model *m, struct diag_list *dl)
{
	for (uint32_t i = 0; i < m->nregions; i++) {
		const struct model_region *r = &m->regions[i];
		unsigned perms = 0;

		if (r->kind != MICA_REGION_PROTECTED)
			continue;	/* the host reads and writes unprotected memory */
		for (uint32_t g = r->grant_first; g < r->grant_first + r->grant_count; g++)
			perms |= m->grants[g].perm;
		if (!(perms & MICA_PERM_WRITE))
			diag_help(diag_add(dl, WARN_REGION_NOBODY_WRITES, m->src, r->loc,
					       "no realm writes region '%s'", r->name),
				  "grant `write` or `readwrite` to the realm that fills it");
		if (!(perms & MICA_PERM_READ))
			diag_help(diag_add(dl, WARN_REGION_NOBODY_READS, m->src, r->loc,
					       "no realm reads region '%s'", r->name),
				  "grant `read` or `readwrite` to the realm that consumes it");
	}
}

static void warn_idle_realms(const struct model *m, struct diag_list *dl)
{
	bool *used = xcalloc(m->nrealms, sizeof(*used));

	for (uint32_t i = 0; i < m->ngrants; i++)
		used[m->grants[i].realm] = true;
	for (uint32_t i = 0; i < m->ncalls; i++)
		used[m->calls[i].caller] = used[m->calls[i].callee] = true;
	for (uint32_t i = 0; i < m->nrealms; i++) {
		if (used[i] || m->realms[i].flags)
			continue;
		diag_help(diag_add(dl, WARN_REALM_UNUSED, m->src, m->realms[i].loc,
				       "realm '%s' takes part in nothing", m->realms[i].name),
			  "it has no grant, call or exit: connect it or remove it");
	}
	free(used);
}

static bool same_measurement(const struct model_realm *a, const struct model_realm *b)
{
	return a->meas_len == b->meas_len && memcmp(a->measurement, b->measurement, a->meas_len) == 0;
}

/* Realms that expect the same measurement, each with the one before it in
 * array order: (a, b), (b, c), ... A hash table of measurements (their first
 * 8 bytes are already a hash) keeps the last realm seen with each, so no
 * sort is needed. */
static void warn_shared_measurements(const struct model *m, struct diag_list *dl)
{
	size_t cap = 16;
	uint32_t *last;

	while (cap < 2 * (size_t)m->nrealms)
		cap *= 2;
	last = xmalloc(cap * sizeof(*last));
	memset(last, 0xff, cap * sizeof(*last));	/* UINT32_MAX: empty */
	for (uint32_t i = 0; i < m->nrealms; i++) {
		const struct model_realm *b = &m->realms[i];
		uint64_t key;
		size_t h;

		if (!b->meas_len)
			continue;
		memcpy(&key, b->measurement, sizeof(key));
		h = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
		while (last[h] != UINT32_MAX && !same_measurement(&m->realms[last[h]], b))
			h = (h + 1) & (cap - 1);
		if (last[h] != UINT32_MAX) {
			const struct model_realm *a = &m->realms[last[h]];
			struct diag *d = diag_add(dl, WARN_SHARED_MEASUREMENT, m->src, b->loc,
						  "realms '%s' and '%s' expect the same measurement",
						  a->name, b->name);

			diag_note(d, a->loc, "'%s' expects it too", a->name);
			diag_help(d, "fine for replicas of one image; otherwise check the hashes");
		}
		last[h] = i;
	}
	free(last);
}

void check_warnings(const struct model *m, struct diag_list *dl)
{
	warn_measurements(m, dl);
	warn_regions(m, dl);
	warn_idle_realms(m, dl);
	warn_shared_measurements(m, dl);
}

void check_rmm10(const struct model *m, struct diag_list *dl)
{
	for (uint32_t i = 0; i < m->nrealms; i++) {
		const struct model_realm *r = &m->realms[i];

		if (r->meas_len != 48)
			continue;
		diag_help(diag_add(dl, WARN_MEASUREMENT_NOT_RMM10, m->src, r->loc,
				   "realm '%s' has a SHA-384 measurement, which RMM 1.0 cannot produce",
				   r->name),
			  "RMM 1.0 measures realms with SHA-256 or SHA-512 only: measure the image "
			  "with one of them, or deploy on an RMM that takes SHA-384");
	}
}
