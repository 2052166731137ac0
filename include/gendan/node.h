/*
 * node.h - the in-memory YAML document: scalars, mappings and sequences.
 *
 * Records and the configuration are kept as node trees, so that keys gendan
 * does not know survive every rewrite untouched and in order.  A mapping keeps
 * its keys in insertion order.  Scalars are UTF-8 strings; `plain` says whether
 * the value is typed by YAML resolution (a plain scalar in the source: a
 * number, a date, null ...) or is a string that must stay a string (a quoted
 * scalar in the source, or text gendan writes).
 *
 * Ownership: a container owns its children; gd_node_free() frees a whole
 * tree and accepts NULL.  Getters borrow.
 *
 * Memory: these functions abort the process with a message when memory
 * runs out, as git's xmalloc does; their callers (records, config, commands)
 * could do nothing better.  The boundary: the YAML codec (gd_yaml_parse,
 * gd_yaml_emit) and the merge (gd_merge_nodes) are built on twins of these
 * functions that hand the failure back, and return GD_ENOMEM ("out of
 * memory") with everything they built freed.  libyaml's own allocation
 * failures reach gd_yaml_parse as a parser memory error: GD_ENOMEM too.
 */
#ifndef GENDAN_NODE_H
#define GENDAN_NODE_H

#include <stddef.h>

typedef enum { GD_SCALAR, GD_MAP, GD_SEQ } gd_node_type;

typedef struct gd_node gd_node;
struct gd_node {
	gd_node_type type;
	int line, col;   /* 1-based position in the source; 0 when built */
	char *str;       /* GD_SCALAR: the value, never NULL */
	int plain;       /* GD_SCALAR: 1 typed by YAML resolution, 0 a string */
	char **keys;     /* GD_MAP: keys[i] maps to vals[i] */
	gd_node **vals;  /* GD_MAP values, GD_SEQ items */
	size_t n, cap;
};

gd_node *gd_node_scalar(const char *s, int plain);
gd_node *gd_node_map(void);
gd_node *gd_node_seq(void);
void gd_node_free(gd_node *n);
gd_node *gd_node_dup(const gd_node *n);
/* Deep equality: type, values, plainness, keys in order. */
int gd_node_equal(const gd_node *a, const gd_node *b);

/* Mapping access.  get returns the value (borrowed) or NULL. */
gd_node *gd_node_get(const gd_node *map, const char *key);
/* The value of a scalar entry, or NULL when absent, not a scalar, or null. */
const char *gd_node_str(const gd_node *map, const char *key);
/* Index of key in map, or -1. */
long gd_node_index(const gd_node *map, const char *key);
/* Replace the value of key (freeing the old one) or append key; takes val. */
void gd_node_set(gd_node *map, const char *key, gd_node *val);
void gd_node_set_str(gd_node *map, const char *key, const char *s, int plain);
/* Remove key; returns 1 when it was there. */
int gd_node_remove(gd_node *map, const char *key);

/* Reading any node without touching its fields (borrowed). */
/* Is n (which may be NULL) a node of type t? */
int gd_node_is(const gd_node *n, gd_node_type t);
/* The number of entries of a mapping or items of a sequence; 0 else. */
size_t gd_node_len(const gd_node *n);
/* Key i of a mapping, i < gd_node_len(map). */
const char *gd_node_key(const gd_node *map, size_t i);
/* Value i of a mapping or item i of a sequence, i < gd_node_len(n). */
gd_node *gd_node_at(const gd_node *n, size_t i);
/* One line for a scalar or a sequence of scalars ("a, b, c"); NULL for
 * anything else.  Malloc'd. */
char *gd_node_flat(const gd_node *n);

/* Sequence access; push and insert take ownership of val. */
void gd_node_push(gd_node *seq, gd_node *val);
void gd_node_insert(gd_node *seq, size_t at, gd_node *val);

/* A plain scalar that YAML resolves to null: "", "~", "null", "Null", "NULL". */
int gd_node_is_null(const gd_node *n);

#endif
