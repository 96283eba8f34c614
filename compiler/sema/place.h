/* place.h - region layout: checking fixed bases and placing the others. */
#ifndef MICAC_PLACE_H
#define MICAC_PLACE_H

#include <stdbool.h>

#include "diag/diag.h"
#include "sema/model.h"

/* What placement needs to know beyond the model, per (sorted) region. */
struct place_input {
	bool *fixed;		/* the source gave `at` */
	loc_t *at_loc;		/* where */
};

/* Checks that every fixed region lies in its half of the IPA space and that
 * no two regions overlap, then places the others (their base is set in the
 * model); 0 on success, -1 after reporting E0303/E0304/E0305. */
int place_regions(struct model *m, const struct place_input *in, struct diag_list *dl);

/* Where automatic placement starts in each half, and the alignment it
 * uses for a region of SIZE bytes (documented in docs/language.md). */
uint64_t place_auto_start(uint8_t ipa_bits, uint8_t kind);
uint64_t place_align(uint64_t size);

#endif
