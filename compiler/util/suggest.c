/* suggest.c - closest-name suggestions by edit distance (Levenshtein, with
 * a swap of two neighbouring letters counted as one edit, so 'wirte' is one
 * slip away from 'write'). */
#include <string.h>

#include "util/suggest.h"

#define SUGGEST_MAX_LEN 64	/* names are at most 63 bytes */

/* Edit distance between A and B (optimal string alignment), giving up
 * (returning LIMIT+1) early. */
static size_t distance(const char *a, size_t la, const char *b, size_t lb, size_t limit)
{
	size_t rows[3][SUGGEST_MAX_LEN + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *row = rows[2];

	if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN)
		return limit + 1;
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t best = i, *t;

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (row[j - 1] + 1 < cost)
				cost = row[j - 1] + 1;
			if (prev[j] + 1 < cost)
				cost = prev[j] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < cost)
				cost = prev2[j - 2] + 1;
			row[j] = cost;
			if (cost < best)
				best = cost;
		}
		if (best > limit)
			return limit + 1;
		t = prev2;
		prev2 = prev;
		prev = row;
		row = t;
	}
	return prev[lb];
}

size_t suggest_distance(const char *a, const char *b)
{
	return distance(a, strlen(a), b, strlen(b), SUGGEST_MAX_LEN);
}

static size_t limit_for(size_t len)
{
	return len < 6 ? 1 : len / 3;
}

const char *suggest_name(const char *word, const char *const *cands, size_t n)
{
	size_t lw = strlen(word);
	size_t limit = limit_for(lw);
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

const char *suggest_value(const char *word, const char *const *cands, const unsigned *grants,
			  size_t n)
{
	size_t lw = strlen(word), limit = limit_for(lw), best_d = limit + 1;
	size_t d[SUGGEST_MAX_VALUES];
	size_t pick = n;

	if (n > SUGGEST_MAX_VALUES)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		d[i] = distance(word, lw, cands[i], strlen(cands[i]), limit);
		if (d[i] == 0)
			return NULL;	/* not a misspelling */
		if (d[i] < best_d)
			best_d = d[i];
	}
	if (best_d > limit)
		return NULL;
	/* Among the closest, the one that grants least; none when two of
	 * them grant different things and neither grants less. */
	for (size_t i = 0; i < n; i++) {
		bool least = true;

		if (d[i] != best_d)
			continue;
		for (size_t j = 0; j < n; j++)
			if (j != i && d[j] == best_d && (grants[i] & ~grants[j]))
				least = false;
		if (least) {
			pick = i;
			break;
		}
	}
	if (pick == n)
		return NULL;
	/* A value that grants anything another value of the set does not is
	 * offered only for one slip of the keyboard: 'distrusted',
	 * 'nottrusted' and 'unwrite' are words of their own, and 'trusted'
	 * would switch the leak check off. */
	if (best_d > 1)
		for (size_t j = 0; j < n; j++)
			if (grants[pick] & ~grants[j])
				return NULL;
	return cands[pick];
}
