/*
 * cache.h - the tree cache of parsed records under .git/gendan-cache
 * (lib/cache.c), private to the library: a layer of the scan stack above
 * walk.h, below the ledger (docs/modules.md).
 */
#ifndef GENDAN_CACHE_H
#define GENDAN_CACHE_H

#include <stdint.h>
#include <sys/stat.h>

#include "gendan/node.h"

/* The file's first 8 bytes: its format. */
#define GD__CACHE_MAGIC "GDCACHE2"

typedef struct gd__cache gd__cache;

/* The cache at file for this configuration, or NULL (missing, foreign or
 * corrupt: then every record is read from its file). */
gd__cache *gd__cache_read(const char *file, uint64_t config_hash);
/* The same from the file's len bytes in buf, which the cache then owns
 * (it is freed with the cache, or at once when it is refused). */
gd__cache *gd__cache_parse(char *buf, size_t len, uint64_t config_hash);
/* A new tree of path when its entry's stat data match st, else NULL. */
gd_node *gd__cache_get(const gd__cache *c, const char *path, const struct stat *st);
size_t gd__cache_count(const gd__cache *c);
/* A new tree of the i-th entry (below gd__cache_count), whatever its stat
 * data, or NULL when it does not decode whole; its path into *path when
 * path is not NULL. */
gd_node *gd__cache_tree(const gd__cache *c, size_t i, const char **path);
void gd__cache_free(gd__cache *c);
/* Replace the cache with these records (valid ones only). */
void gd__cache_write(const char *file, uint64_t config_hash, char *const *paths,
		     const struct stat *sts, gd_node *const *roots, size_t n);

#endif
