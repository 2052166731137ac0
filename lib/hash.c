/*
 * hash.c - the one hash table of lib/ (see hash.h).
 */
#include <stdlib.h>

#include "hash.h"
#include "internal.h"

static void put(gd__hash *t, uint32_t hash, uint32_t idx1)
{
	size_t s = hash & t->mask;

	while (t->slots[s].idx)
		s = (s + 1) & t->mask;
	t->slots[s].hash = hash;
	t->slots[s].idx = idx1;
}

/* A table of nslots (a power of two) with t's items. */
static void resize(gd__hash *t, size_t nslots)
{
	gd__hash_slot *old = t->slots;
	size_t i, nold = old ? t->mask + 1 : 0;

	t->slots = gd__xcalloc(nslots, sizeof(*t->slots));
	t->mask = nslots - 1;
	for (i = 0; i < nold; i++)
		if (old[i].idx)
			put(t, old[i].hash, old[i].idx);
	free(old);
}

static size_t slots_for(size_t n)
{
	size_t nslots = 16;

	while (nslots < n * 2 + 1)
		nslots *= 2;
	return nslots;
}

void gd__hash_init(gd__hash *t, size_t n)
{
	memset(t, 0, sizeof(*t));
	resize(t, slots_for(n));
}

void gd__hash_add(gd__hash *t, uint32_t hash, size_t idx)
{
	if (!t->slots || (t->n + 1) * 2 > t->mask + 1)
		resize(t, slots_for(t->n + 1));
	put(t, hash, (uint32_t)(idx + 1));
	t->n++;
}

void gd__hash_free(gd__hash *t)
{
	free(t->slots);
	memset(t, 0, sizeof(*t));
}
