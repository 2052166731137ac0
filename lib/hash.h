/*
 * hash.h - the one hash table of lib/ (lib/hash.c), private to the library.
 *
 * Open addressing over an array the caller keeps: the table holds, for
 * each item, its index and the 32-bit hash of its key, and the caller
 * compares the keys themselves.  A lookup walks the items of one hash:
 *
 *	gd__hash_pos pos = gd__hash_find(&t, gd__hash_str(path));
 *	size_t i;
 *
 *	while (gd__hash_next(&t, &pos, &i))
 *		if (!strcmp(items[i].path, path))
 *			return &items[i];
 *
 * The table grows by itself, so a zeroed gd__hash is an empty one.  An
 * item added twice is found twice: a caller that keeps the first of a key
 * looks it up before adding it.
 */
#ifndef GENDAN_HASH_H
#define GENDAN_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gendan/ids.h"

typedef struct {
	uint32_t hash;
	uint32_t idx; /* index + 1; 0: empty */
} gd__hash_slot;

typedef struct {
	gd__hash_slot *slots; /* a power of two of them, at most half used */
	size_t mask, n;
} gd__hash;

/* Where a lookup is: the next slot to look at, and the hash looked for. */
typedef struct {
	size_t s;
	uint32_t hash;
} gd__hash_pos;

/* An empty table with room for n items before it grows. */
void gd__hash_init(gd__hash *t, size_t n);
/* Add the item at index idx (below UINT32_MAX), of that hash. */
void gd__hash_add(gd__hash *t, uint32_t hash, size_t idx);
void gd__hash_free(gd__hash *t);

static inline uint32_t gd__hash_str(const char *s)
{
	return gd_fnv1a(s, strlen(s));
}

static inline gd__hash_pos gd__hash_find(const gd__hash *t, uint32_t hash)
{
	return (gd__hash_pos){hash & t->mask, hash};
}

/* The next item of pos's hash into *idx: 1, or 0 when there is none. */
static inline int gd__hash_next(const gd__hash *t, gd__hash_pos *pos, size_t *idx)
{
	const gd__hash_slot *s;

	if (!t->slots)
		return 0;
	while ((s = &t->slots[pos->s])->idx) {
		pos->s = (pos->s + 1) & t->mask;
		if (s->hash == pos->hash) {
			*idx = s->idx - 1;
			return 1;
		}
	}
	return 0;
}

#endif
