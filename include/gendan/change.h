/*
 * change.h - a set of file writes and deletions, by path relative to the
 * ledger's root, to be committed together (gd_store_apply() in
 * gendan/store.h).  Plain memory: no file is touched until it is applied.
 */
#ifndef GENDAN_CHANGE_H
#define GENDAN_CHANGE_H

#include <stddef.h>

typedef struct gd_change gd_change;
gd_change *gd_change_new(void);
void gd_change_free(gd_change *c);
/* Both copy their arguments.  A later call for the same path replaces. */
void gd_change_write(gd_change *c, const char *relpath, const char *data,
		     size_t len);
void gd_change_remove(gd_change *c, const char *relpath);
/* Every write and deletion of from into to, as if given to `to` in
 * from's order; from is left empty.  Moves the data, copies nothing. */
void gd_change_take(gd_change *to, gd_change *from);
size_t gd_change_count(const gd_change *c);
/* The i-th path, in the order first given.  Borrowed. */
const char *gd_change_path(const gd_change *c, size_t i);
/* What the i-th path is to hold (NUL-terminated after *len bytes), NULL
 * when it is to be deleted.  Borrowed. */
const char *gd_change_data(const gd_change *c, size_t i, size_t *len);

#endif
