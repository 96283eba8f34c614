/* resolve_sort.h - sorting the model into the blob's total order. */
#ifndef MICAC_RESOLVE_SORT_H
#define MICAC_RESOLVE_SORT_H

#include "sema/model.h"

/* The indices of N elements of SIZE bytes at BASE in the order of the names
 * at NAME_OFF (interned and ranked by intern_rank_all; NRANKS is
 * intern_count): a stable counting sort by rank, so nothing is compared and
 * the elements themselves are not moved. The caller frees the array. */
uint32_t *order_by_name(const void *base, uint32_t n, size_t size, size_t name_off, size_t nranks);
/* Grants by (region, realm), given grants grouped by region in region
 * order with each region's grant_first/grant_count set; calls by (caller,
 * callee). */
void sort_grants(struct model *m);
void sort_calls(struct model *m);

#endif
