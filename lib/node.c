/*
 * node.c - the in-memory YAML document (see include/gendan/node.h).
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/node.h"
#include "internal.h"

static gd_node *node_new(gd_node_type type)
{
	gd_node *n = gd__xcalloc(1, sizeof(*n));

	n->type = type;
	return n;
}

gd_node *gd_node_scalar(const char *s, int plain)
{
	gd_node *n = node_new(GD_SCALAR);

	n->str = gd__xstrdup(s ? s : "");
	n->plain = plain;
	return n;
}

gd_node *gd_node_map(void)
{
	return node_new(GD_MAP);
}

gd_node *gd_node_seq(void)
{
	return node_new(GD_SEQ);
}

void gd_node_free(gd_node *n)
{
	size_t i;

	if (!n)
		return;
	for (i = 0; i < n->n; i++) {
		if (n->keys)
			free(n->keys[i]);
		gd_node_free(n->vals[i]);
	}
	free(n->keys);
	free(n->vals);
	free(n->str);
	free(n);
}

static void reserve(gd_node *n)
{
	if (n->n < n->cap)
		return;
	n->cap = n->cap ? n->cap * 2 : 4;
	n->vals = gd__xrealloc(n->vals, n->cap * sizeof(*n->vals));
	if (n->type == GD_MAP)
		n->keys = gd__xrealloc(n->keys, n->cap * sizeof(*n->keys));
}

gd_node *gd_node_dup(const gd_node *n)
{
	gd_node *c;
	size_t i;

	if (!n)
		return NULL;
	if (n->type == GD_SCALAR) {
		c = gd_node_scalar(n->str, n->plain);
	} else {
		c = node_new(n->type);
		for (i = 0; i < n->n; i++) {
			reserve(c);
			if (n->type == GD_MAP)
				c->keys[i] = gd__xstrdup(n->keys[i]);
			c->vals[i] = gd_node_dup(n->vals[i]);
			c->n++;
		}
	}
	c->line = n->line;
	c->col = n->col;
	return c;
}

int gd_node_equal(const gd_node *a, const gd_node *b)
{
	size_t i;

	if (!a || !b)
		return a == b;
	if (a->type != b->type)
		return 0;
	if (a->type == GD_SCALAR)
		return a->plain == b->plain && strcmp(a->str, b->str) == 0;
	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++) {
		if (a->type == GD_MAP && strcmp(a->keys[i], b->keys[i]) != 0)
			return 0;
		if (!gd_node_equal(a->vals[i], b->vals[i]))
			return 0;
	}
	return 1;
}

long gd_node_index(const gd_node *map, const char *key)
{
	size_t i;

	if (!map || map->type != GD_MAP)
		return -1;
	for (i = 0; i < map->n; i++)
		if (strcmp(map->keys[i], key) == 0)
			return (long)i;
	return -1;
}

gd_node *gd_node_get(const gd_node *map, const char *key)
{
	long i = gd_node_index(map, key);

	return i < 0 ? NULL : map->vals[i];
}

const char *gd_node_str(const gd_node *map, const char *key)
{
	gd_node *v = gd_node_get(map, key);

	if (!v || v->type != GD_SCALAR || gd_node_is_null(v))
		return NULL;
	return v->str;
}

void gd_node_set(gd_node *map, const char *key, gd_node *val)
{
	long i = gd_node_index(map, key);

	if (i >= 0) {
		gd_node_free(map->vals[i]);
		map->vals[i] = val;
		return;
	}
	reserve(map);
	map->keys[map->n] = gd__xstrdup(key);
	map->vals[map->n] = val;
	map->n++;
}

void gd_node_set_str(gd_node *map, const char *key, const char *s, int plain)
{
	gd_node_set(map, key, gd_node_scalar(s, plain));
}

int gd_node_remove(gd_node *map, const char *key)
{
	long i = gd_node_index(map, key);

	if (i < 0)
		return 0;
	free(map->keys[i]);
	gd_node_free(map->vals[i]);
	memmove(map->keys + i, map->keys + i + 1,
		(map->n - (size_t)i - 1) * sizeof(*map->keys));
	memmove(map->vals + i, map->vals + i + 1,
		(map->n - (size_t)i - 1) * sizeof(*map->vals));
	map->n--;
	return 1;
}

void gd_node_push(gd_node *seq, gd_node *val)
{
	gd_node_insert(seq, seq->n, val);
}

void gd_node_insert(gd_node *seq, size_t at, gd_node *val)
{
	if (at > seq->n)
		at = seq->n;
	reserve(seq);
	memmove(seq->vals + at + 1, seq->vals + at,
		(seq->n - at) * sizeof(*seq->vals));
	seq->vals[at] = val;
	seq->n++;
}

int gd_node_is_null(const gd_node *n)
{
	if (!n || n->type != GD_SCALAR || !n->plain)
		return 0;
	return !strcmp(n->str, "") || !strcmp(n->str, "~") ||
	       !strcmp(n->str, "null") || !strcmp(n->str, "Null") ||
	       !strcmp(n->str, "NULL");
}
