/* resolve_sort.h - sorting the model into the blob's total order. */
#ifndef MICAC_RESOLVE_SORT_H
#define MICAC_RESOLVE_SORT_H

#include "syntax/ast.h"
#include "sema/model.h"
#include "sema/place.h"

/* Realms by name (bytes), comparing ranks: the names must be interned and
 * ranked (intern_rank_all) first. */
void sort_realms(struct model *m);
/* Regions by name; IN's per-region arrays are permuted the same way (each
 * region's grant_first holds its AST index on entry, and still does). */
void sort_regions(struct model *m, struct place_input *in, const struct ast *ast);
/* Grants by (region, realm), given grants grouped by region in region
 * order with each region's grant_first/grant_count set; calls by (caller,
 * callee). */
void sort_grants(struct model *m);
void sort_calls(struct model *m);

#endif
