/*
 * node.c - the in-memory YAML document (see include/gendan/node.h).
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/error.h"
#include "gendan/node.h"
#include "internal.h"

/*
 * The gd__node_* functions (internal.h) hand an allocation failure back as
 * NULL or GD_ENOMEM, for the codec and the merge; the public gd_node_*
 * functions are the same with the failure ending the process.
 */

static gd_node *node_new(gd_node_type type)
{
	gd_node *n = gd__calloc(1, sizeof(*n));

	if (n)
		n->type = type;
	return n;
}

static gd_node *need(gd_node *n)
{
	if (!n)
		gd__oom();
	return n;
}

static int need_ok(int err)
{
	if (err < 0)
		gd__oom();
	return err;
}

gd_node *gd__node_scalar(const char *s, int plain)
{
	gd_node *n = node_new(GD_SCALAR);

	if (!n)
		return NULL;
	if (!(n->str = gd__strdup(s ? s : ""))) {
		free(n);
		return NULL;
	}
	n->plain = plain;
	return n;
}

gd_node *gd__node_map(void)
{
	return node_new(GD_MAP);
}

gd_node *gd__node_seq(void)
{
	return node_new(GD_SEQ);
}

gd_node *gd_node_scalar(const char *s, int plain)
{
	return need(gd__node_scalar(s, plain));
}

gd_node *gd_node_map(void)
{
	return need(gd__node_map());
}

gd_node *gd_node_seq(void)
{
	return need(gd__node_seq());
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

/* Room for one more child; on failure the node is as it was. */
static int reserve(gd_node *n)
{
	size_t cap;
	void *p;

	if (n->n < n->cap)
		return 0;
	cap = n->cap ? n->cap * 2 : 4;
	if (!(p = gd__realloc(n->vals, cap * sizeof(*n->vals))))
		return GD_ENOMEM;
	n->vals = p;
	if (n->type == GD_MAP) {
		if (!(p = gd__realloc(n->keys, cap * sizeof(*n->keys))))
			return GD_ENOMEM;
		n->keys = p;
	}
	n->cap = cap;
	return 0;
}

gd_node *gd__node_dup(const gd_node *n)
{
	gd_node *c;
	size_t i;

	if (n->type == GD_SCALAR) {
		c = gd__node_scalar(n->str, n->plain);
	} else if ((c = node_new(n->type))) {
		for (i = 0; i < n->n; i++) {
			if (reserve(c) < 0)
				goto fail;
			if (n->type == GD_MAP &&
			    !(c->keys[i] = gd__strdup(n->keys[i])))
				goto fail;
			if (!(c->vals[i] = gd__node_dup(n->vals[i]))) {
				if (n->type == GD_MAP)
					free(c->keys[i]);
				goto fail;
			}
			c->n++;
		}
	}
	if (c) {
		c->line = n->line;
		c->col = n->col;
	}
	return c;
fail:
	gd_node_free(c);
	return NULL;
}

gd_node *gd_node_dup(const gd_node *n)
{
	return n ? need(gd__node_dup(n)) : NULL;
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

int gd_node_is(const gd_node *n, gd_node_type t)
{
	return n && n->type == t;
}

size_t gd_node_len(const gd_node *n)
{
	return n && n->type != GD_SCALAR ? n->n : 0;
}

const char *gd_node_key(const gd_node *map, size_t i)
{
	return map->keys[i];
}

gd_node *gd_node_at(const gd_node *n, size_t i)
{
	return n->vals[i];
}

char *gd_node_flat(const gd_node *n)
{
	gd__buf b = {0};
	size_t i;

	if (n->type == GD_SCALAR)
		return gd__xstrdup(n->str);
	if (n->type != GD_SEQ)
		return NULL;
	for (i = 0; i < n->n; i++)
		if (n->vals[i]->type != GD_SCALAR)
			return NULL;
	for (i = 0; i < n->n; i++) {
		if (i)
			gd__buf_puts(&b, ", ");
		gd__buf_puts(&b, n->vals[i]->str);
	}
	return gd__buf_detach(&b, NULL);
}

int gd__node_set(gd_node *map, const char *key, gd_node *val)
{
	long i = gd_node_index(map, key);
	char *k;

	if (!val)
		return GD_ENOMEM;
	if (i >= 0) {
		gd_node_free(map->vals[i]);
		map->vals[i] = val;
		return 0;
	}
	if (reserve(map) < 0 || !(k = gd__strdup(key))) {
		gd_node_free(val);
		return GD_ENOMEM;
	}
	map->keys[map->n] = k;
	map->vals[map->n] = val;
	map->n++;
	return 0;
}

int gd__node_set_str(gd_node *map, const char *key, const char *s, int plain)
{
	return gd__node_set(map, key, gd__node_scalar(s, plain));
}

void gd_node_set(gd_node *map, const char *key, gd_node *val)
{
	need_ok(gd__node_set(map, key, val));
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

int gd__node_insert(gd_node *seq, size_t at, gd_node *val)
{
	if (!val)
		return GD_ENOMEM;
	if (reserve(seq) < 0) {
		gd_node_free(val);
		return GD_ENOMEM;
	}
	if (at > seq->n)
		at = seq->n;
	memmove(seq->vals + at + 1, seq->vals + at,
		(seq->n - at) * sizeof(*seq->vals));
	seq->vals[at] = val;
	seq->n++;
	return 0;
}

int gd__node_push(gd_node *seq, gd_node *val)
{
	return gd__node_insert(seq, seq->n, val);
}

void gd_node_push(gd_node *seq, gd_node *val)
{
	need_ok(gd__node_push(seq, val));
}

void gd_node_insert(gd_node *seq, size_t at, gd_node *val)
{
	need_ok(gd__node_insert(seq, at, val));
}

int gd_node_is_null(const gd_node *n)
{
	if (!n || n->type != GD_SCALAR || !n->plain)
		return 0;
	return !strcmp(n->str, "") || !strcmp(n->str, "~") ||
	       !strcmp(n->str, "null") || !strcmp(n->str, "Null") ||
	       !strcmp(n->str, "NULL");
}
