/*
 * change.c - gd_change (see gendan/change.h): the files a command writes
 * or deletes, by path, with a hash table so that an import of 100,000
 * records finds a path given twice at once.
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/change.h"
#include "gendan/ids.h"
#include "internal.h"

struct change_item {
	char *path;
	char *data; /* NULL: delete */
	size_t len;
};

struct gd_change {
	struct change_item *items;
	size_t n, cap;
	size_t *slots;   /* open addressing over items by path: index + 1 */
	size_t nslots;
};

gd_change *gd_change_new(void)
{
	return gd__xcalloc(1, sizeof(gd_change));
}

void gd_change_free(gd_change *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->items[i].path);
		free(c->items[i].data);
	}
	free(c->items);
	free(c->slots);
	free(c);
}

/* Where relpath's item is, or goes, in c's table. */
static size_t *path_slot(const gd_change *c, const char *relpath)
{
	size_t s;

	for (s = gd_fnv1a(relpath, strlen(relpath)) % c->nslots; c->slots[s];
	     s = (s + 1) % c->nslots)
		if (!strcmp(c->items[c->slots[s] - 1].path, relpath))
			break;
	return &c->slots[s];
}

/* The item of relpath, emptied, or a new one: an import adds 100k. */
static struct change_item *slot(gd_change *c, const char *relpath)
{
	size_t *s, i;

	if ((c->n + 1) * 2 > c->nslots) {
		free(c->slots);
		c->nslots = (c->n + 1) * 4 + 1;
		c->slots = gd__xcalloc(c->nslots, sizeof(*c->slots));
		for (i = 0; i < c->n; i++)
			*path_slot(c, c->items[i].path) = i + 1;
	}
	s = path_slot(c, relpath);
	if (*s) {
		struct change_item *it = &c->items[*s - 1];
		free(it->data);
		it->data = NULL;
		return it;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->items = gd__xrealloc(c->items, c->cap * sizeof(*c->items));
	}
	c->items[c->n].path = gd__xstrdup(relpath);
	c->items[c->n].data = NULL;
	c->items[c->n].len = 0;
	*s = ++c->n;
	return &c->items[c->n - 1];
}

void gd_change_write(gd_change *c, const char *relpath, const char *data,
		     size_t len)
{
	struct change_item *it = slot(c, relpath);

	it->data = gd__xmalloc(len + 1);
	memcpy(it->data, data, len);
	it->data[len] = '\0';
	it->len = len;
}

void gd_change_remove(gd_change *c, const char *relpath)
{
	slot(c, relpath);
}

size_t gd_change_count(const gd_change *c)
{
	return c->n;
}

const char *gd_change_path(const gd_change *c, size_t i)
{
	return c->items[i].path;
}


const char *gd_change_data(const gd_change *c, size_t i, size_t *len)
{
	*len = c->items[i].len;
	return c->items[i].data;
}
