/* suggest.c - closest-name suggestions by Levenshtein distance. */
#include <string.h>

#include "util/suggest.h"

#define SUGGEST_MAX_LEN 64	/* names are at most 63 bytes */

/* Edit distance between A and B, giving up (returning LIMIT+1) early. */
static size_t distance(const char *a, size_t la, const char *b, size_t lb, size_t limit)
{
	size_t row[SUGGEST_MAX_LEN + 1];

	if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN)
		return limit + 1;
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best = i;

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = diag + (a[i - 1] != b[j - 1]);

			if (row[j - 1] + 1 < cost)
				cost = row[j - 1] + 1;
			if (up + 1 < cost)
				cost = up + 1;
			row[j] = cost;
			diag = up;
			if (cost < best)
				best = cost;
		}
		if (best > limit)
			return limit + 1;
	}
	return row[lb];
}

const char *suggest_name(const char *word, const char *const *cands, size_t n)
{
	size_t lw = strlen(word);
	size_t limit = lw < 6 ? 1 : lw / 3;
	const char *best = NULL;
	size_t best_d = limit + 1;

	for (size_t i = 0; i < n; i++) {
		size_t d = distance(word, lw, cands[i], strlen(cands[i]), limit);

		if (d < best_d && d > 0) {
			best_d = d;
			best = cands[i];
		}
	}
	return best;
}
