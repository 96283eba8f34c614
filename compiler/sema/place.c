/* place.c - the IPA layout of shared regions.
 *
 * Protected regions live in the lower half of the realm's IPA space,
 * unprotected ones in the upper half. Regions with `at` stay where they
 * are; the others are placed deterministically, so the same policy always
 * gives the same blob: in name order, each at the lowest address at or
 * above a cursor that is aligned for it and free of fixed regions, starting
 * at the middle of its half (leaving the bottom quarter of the space to the
 * realm's own RAM and devices); the cursor then moves past it. Fixed regions
 * are visited in base order with one pointer, so this is O(n log n). */
#include <stdlib.h>

#include "sema/place.h"
#include "util/spell.h"
#include "util/xalloc.h"

#define PLACE_MAX_ALIGN (2u * 1024 * 1024)	/* a level-2 block */

static uint64_t half_base(uint8_t ipa_bits, uint8_t kind)
{
	return kind == MICA_REGION_PROTECTED ? 0 : 1ull << (ipa_bits - 1);
}

uint64_t place_auto_start(uint8_t ipa_bits, uint8_t kind)
{
	return half_base(ipa_bits, kind) + (1ull << (ipa_bits - 2));
}

uint64_t place_align(uint64_t size)
{
	uint64_t a = MICA_GRANULE_SIZE;

	while (a * 2 <= size && a * 2 <= PLACE_MAX_ALIGN)
		a *= 2;
	return a;
}

static const char *kind_half(uint8_t kind)
{
	return kind == MICA_REGION_PROTECTED ? "lower" : "upper";
}

/* Fixed regions must lie wholly inside their half. */
static bool check_half(const struct model *m, uint32_t i, loc_t at, struct diag_list *dl)
{
	const struct model_region *r = &m->regions[i];
	uint64_t lo = half_base(m->ipa_bits, r->kind);
	uint64_t hi = lo + (1ull << (m->ipa_bits - 1));
	struct diag *d;

	if (r->base >= lo && r->base < hi && r->size <= hi - r->base)
		return true;
	d = diag_add(dl, ERR_REGION_OUTSIDE_HALF, m->src, at,
		       "%s region '%s' [0x%llx, 0x%llx) is outside the %s half of the IPA space",
		       r->kind == MICA_REGION_PROTECTED ? "protected" : "unprotected", r->name,
		       (unsigned long long)r->base, (unsigned long long)(r->base + r->size),
		       kind_half(r->kind));
	diag_help(d, "with ipa_bits %u, %s regions lie in [0x%llx, 0x%llx)", m->ipa_bits,
		  r->kind == MICA_REGION_PROTECTED ? "protected" : "unprotected",
		  (unsigned long long)lo, (unsigned long long)hi);
	return false;
}

struct span {
	uint64_t base, end;
	uint32_t region;
};

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->base != y->base)
		return x->base < y->base ? -1 : 1;
	return (x->region > y->region) - (x->region < y->region);
}

/* Reports every fixed region that overlaps an earlier one (by base). */
static bool check_overlaps(const struct model *m, const struct span *s, size_t n,
			   const struct place_input *in, struct diag_list *dl)
{
	bool ok = true;
	size_t last = 0;	/* the span reaching furthest so far */

	for (size_t i = 1; i < n; i++) {
		if (s[i].base < s[last].end) {
			const struct model_region *a = &m->regions[s[last].region];
			const struct model_region *b = &m->regions[s[i].region];
			uint64_t end = s[i].end < s[last].end ? s[i].end : s[last].end;
			struct diag *d = diag_add(
				dl, ERR_OVERLAPPING_REGIONS, m->src, in->at_loc[s[i].region],
				"regions '%s' and '%s' overlap at [0x%llx, 0x%llx)", b->name, a->name,
				(unsigned long long)s[i].base, (unsigned long long)end);

			diag_note(d, in->at_loc[s[last].region], "'%s' is placed here", a->name);
			diag_help(d, "move one of them, or drop `at` and let micac place it");
			ok = false;
		}
		if (s[i].end > s[last].end)
			last = i;
	}
	return ok;
}

/* A region that could not be placed even alone: no other region is in its
 * way, so saying "no room" and suggesting `at` for others would mislead. */
static void report_too_large(const struct model *m, const struct model_region *r, uint8_t kind,
			     uint64_t room, struct diag_list *dl)
{
	char size[SPELL_MAX], half[SPELL_MAX], auto_room[SPELL_MAX], start[SPELL_MAX];
	uint64_t half_size = 1ull << (m->ipa_bits - 1);
	struct diag *d;

	spell_size(r->size, size);
	spell_size(half_size, half);
	if (r->size > half_size) {
		d = diag_add(dl, ERR_NO_ROOM_TO_PLACE, m->src, r->loc,
			     "region '%s' (%s) is larger than the %s half of the IPA space "
			     "(%s with ipa_bits %u)", r->name, size, kind_half(kind), half, m->ipa_bits);
		if (m->ipa_bits < MICA_IPA_BITS_MAX)
			diag_help(d, "shrink the region, or raise ipa_bits (at most %u)",
				  MICA_IPA_BITS_MAX);
		else
			diag_help(d, "shrink the region");
		return;
	}
	d = diag_add(dl, ERR_NO_ROOM_TO_PLACE, m->src, r->loc,
		     "region '%s' (%s) is larger than the %s that automatic placement uses in the "
		     "%s half of the IPA space", r->name, size, spell_size(room, auto_room),
		     kind_half(kind));
	diag_help(d, "give it an `at` below %s (in the %s half), shrink it, or raise ipa_bits",
		  spell_addr(place_auto_start(m->ipa_bits, kind), start), kind_half(kind));
}

/* Places the unfixed regions of one KIND; FIXED are the fixed spans of
 * that kind, sorted by base. */
static bool place_kind(struct model *m, uint8_t kind, const struct span *fixed, size_t nfixed,
		       const struct place_input *in, struct diag_list *dl)
{
	uint64_t cursor = place_auto_start(m->ipa_bits, kind);
	uint64_t limit = half_base(m->ipa_bits, kind) + (1ull << (m->ipa_bits - 1));
	size_t j = 0;

	for (uint32_t i = 0; i < m->nregions; i++) {
		struct model_region *r = &m->regions[i];
		uint64_t align = place_align(r->size), addr;

		if (in->fixed[i] || r->kind != kind)
			continue;
		addr = (cursor + align - 1) / align * align;
		for (; j < nfixed; j++) {
			if (fixed[j].end <= addr)
				continue;	/* wholly below */
			if (fixed[j].base >= addr && fixed[j].base - addr >= r->size)
				break;		/* wholly above: fits before it */
			addr = (fixed[j].end + align - 1) / align * align;
		}
		if (r->size > limit - place_auto_start(m->ipa_bits, kind)) {
			report_too_large(m, r, kind, limit - place_auto_start(m->ipa_bits, kind), dl);
			return false;
		}
		if (addr >= limit || r->size > limit - addr) {
			char size[SPELL_MAX], start[SPELL_MAX];
			struct diag *d = diag_add(dl, ERR_NO_ROOM_TO_PLACE, m->src, r->loc,
						    "no room to place region '%s' (%s) in the %s half "
						    "of the IPA space",
						    r->name, spell_size(r->size, size), kind_half(kind));

			diag_help(d, "automatic placement starts at %s; give some regions an `at` "
				  "below it, raise ipa_bits, or shrink regions",
				  spell_addr(place_auto_start(m->ipa_bits, kind), start));
			return false;
		}
		r->base = addr;
		cursor = addr + r->size;
	}
	return true;
}

int place_regions(struct model *m, const struct place_input *in, struct diag_list *dl)
{
	struct span *s = xmalloc((m->nregions + 1) * sizeof(*s));
	size_t n = 0, nprot;
	bool ok = true;

	for (uint32_t i = 0; i < m->nregions; i++) {
		if (!in->fixed[i])
			continue;
		if (!check_half(m, i, in->at_loc[i], dl)) {
			ok = false;
			continue;
		}
		s[n].base = m->regions[i].base;
		s[n].end = m->regions[i].base + m->regions[i].size;
		s[n].region = i;
		n++;
	}
	qsort(s, n, sizeof(*s), span_cmp);
	ok = check_overlaps(m, s, n, in, dl) && ok;
	/* Protected spans come first: they are all in the lower half. */
	for (nprot = 0; nprot < n && m->regions[s[nprot].region].kind == MICA_REGION_PROTECTED;)
		nprot++;
	if (ok)
		ok = place_kind(m, MICA_REGION_PROTECTED, s, nprot, in, dl) &&
		     place_kind(m, MICA_REGION_UNPROTECTED, s + nprot, n - nprot, in, dl);
	free(s);
	return ok ? 0 : -1;
}
