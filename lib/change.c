/*
 * change.c - gd_change (see gendan/change.h): the files a command writes
 * or deletes, by path, with a hash table so that an import of 100,000
 * records finds a path given twice at once.
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/change.h"
#include "hash.h"
#include "internal.h"

struct change_item {
	char *path;
	char *data; /* NULL: delete */
	size_t len;
};

struct gd_change {
	struct change_item *items;
	size_t n, cap;
	gd__hash paths;  /* items by path */
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
	gd__hash_free(&c->paths);
	free(c);
}

/* The index of relpath's item (hashed h), or -1. */
static ptrdiff_t item_of(const gd_change *c, const char *relpath, uint32_t h)
{
	gd__hash_pos pos = gd__hash_find(&c->paths, h);
	size_t i;

	while (gd__hash_next(&c->paths, &pos, &i))
		if (!strcmp(c->items[i].path, relpath))
			return (ptrdiff_t)i;
	return -1;
}

/* The item of relpath, emptied, or a new one: an import adds 100k. */
static struct change_item *slot(gd_change *c, const char *relpath)
{
	uint32_t h = gd__hash_str(relpath);
	ptrdiff_t i = item_of(c, relpath, h);

	if (i >= 0) {
		struct change_item *it = &c->items[i];
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
	gd__hash_add(&c->paths, h, c->n);
	return &c->items[c->n++];
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

void gd_change_take(gd_change *to, gd_change *from)
{
	size_t i;

	for (i = 0; i < from->n; i++) {
		struct change_item *it = slot(to, from->items[i].path);
		it->data = from->items[i].data;
		it->len = from->items[i].len;
		from->items[i].data = NULL;
		free(from->items[i].path);
	}
	from->n = 0;
	gd__hash_free(&from->paths);
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
