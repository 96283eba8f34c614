/* intern.c - an arena of names and an open-addressing hash table over it.
 *
 * Each name is stored as {length, rank, hash, text, NUL} in 64 KiB chunks (a name
 * longer than a chunk gets its own), so interning allocates nothing per
 * name and freeing is one pass over the chunks. */
#include <stdlib.h>
#include <string.h>

#include "util/intern.h"
#include "util/radix.h"
#include "util/xalloc.h"

#define CHUNK_BYTES ((size_t)64 * 1024)

struct entry {
	uint32_t len;
	uint32_t rank;
	uint32_t hash;
	char text[];
};

struct chunk {
	struct chunk *next;
	size_t used, cap;
	_Alignas(struct entry) char data[];
};

struct interner {
	struct chunk *chunks;
	struct entry **table;	/* open addressing, power-of-two size */
	size_t table_cap;
	struct entry **all;	/* in insertion order, for ranking */
	size_t n, all_cap;
	size_t ranked;		/* names ranked by the last intern_rank_all */
};

struct interner *interner_new(void)
{
	struct interner *in = xcalloc(1, sizeof(*in));

	in->table_cap = 1024;
	in->table = xcalloc(in->table_cap, sizeof(*in->table));
	return in;
}

void interner_free(struct interner *in)
{
	if (!in)
		return;
	for (struct chunk *c = in->chunks, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(in->table);
	free(in->all);
	free(in);
}

size_t intern_count(const struct interner *in)
{
	return in->n;
}

/* FNV-1a: names are short, so a simple byte hash is fast enough. */
static uint32_t hash_bytes(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct entry *store(struct interner *in, const char *text, size_t len, uint32_t hash)
{
	size_t need = sizeof(struct entry) + len + 1;
	struct chunk *c = in->chunks;
	struct entry *e;

	need = (need + _Alignof(struct entry) - 1) & ~(size_t)(_Alignof(struct entry) - 1);
	if (!c || c->cap - c->used < need) {
		size_t cap = need > CHUNK_BYTES ? need : CHUNK_BYTES;

		c = xmalloc(sizeof(*c) + cap);
		c->used = 0;
		c->cap = cap;
		c->next = in->chunks;
		in->chunks = c;
	}
	e = (struct entry *)(void *)(c->data + c->used);
	c->used += need;
	e->len = (uint32_t)len;
	e->rank = 0;
	e->hash = hash;
	memcpy(e->text, text, len);
	e->text[len] = '\0';
	return e;
}

static void grow_table(struct interner *in)
{
	size_t cap = in->table_cap * 2;
	struct entry **t = xcalloc(cap, sizeof(*t));

	for (size_t i = 0; i < in->table_cap; i++) {
		struct entry *e = in->table[i];

		if (e) {
			size_t j = e->hash & (cap - 1);

			while (t[j])
				j = (j + 1) & (cap - 1);
			t[j] = e;
		}
	}
	free(in->table);
	in->table = t;
	in->table_cap = cap;
}

const char *intern(struct interner *in, const char *text, size_t len)
{
	uint32_t h = hash_bytes(text, len);
	size_t mask = in->table_cap - 1, i = h & mask;
	struct entry *e;

	for (; (e = in->table[i]) != NULL; i = (i + 1) & mask)
		if (e->hash == h && e->len == len && memcmp(e->text, text, len) == 0)
			return e->text;
	e = store(in, text, len, h);
	in->table[i] = e;
	xgrow(&in->all, &in->all_cap, in->n, sizeof(*in->all));
	in->all[in->n++] = e;
	if (2 * in->n > in->table_cap)	/* keep the load at most one half */
		grow_table(in);
	return e->text;
}

/* A name's first 8 bytes as a big-endian number (zero after its end):
 * ordering keys orders names by those bytes, as strcmp does. */
static uint64_t prefix_key(const char *s)
{
	uint8_t b[8] = {0};

	for (int i = 0; i < 8 && s[i]; i++)
		b[i] = (uint8_t)s[i];
	return radix_key_be(b);
}

static const char *text_of(const struct radix_item *it)
{
	return ((const struct entry *)it->ptr)->text;
}

static int keyed_cmp(const void *a, const void *b)
{
	return strcmp(text_of(a), text_of(b));
}

/* Sorting by the 8-byte keys first leaves strcmp only for names that share
 * their first 8 bytes. */
void intern_rank_all(struct interner *in)
{
	struct radix_item *buf, *v;
	size_t n = in->n, rank = 0;

	if (in->ranked == n)
		return;
	buf = xmalloc(2 * n * sizeof(*buf) + 1);
	for (size_t i = 0; i < n; i++) {
		buf[i].key = prefix_key(in->all[i]->text);
		buf[i].ptr = in->all[i];
	}
	v = radix_sort(buf, buf + n, n);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && v[j].key == v[i].key; j++)
			;
		if (j - i > 1 && (v[i].key & 0xff))	/* 8 bytes alike and more follow */
			qsort(v + i, j - i, sizeof(*v), keyed_cmp);
	}
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (v[i].key != v[i - 1].key ||
			      ((v[i].key & 0xff) && strcmp(text_of(&v[i - 1]), text_of(&v[i])) != 0)))
			rank++;
		((struct entry *)(uintptr_t)v[i].ptr)->rank = (uint32_t)rank;
	}
	free(buf);
	in->ranked = n;
}
