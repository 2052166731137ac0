/*
 * merge.h - three-way merge of one record, field by field (SPEC 4).
 *
 * `log` and `conflicts` are unions: no entry is dropped, none doubled, the
 * result ordered by time.  Lists of named items (`stages` by name,
 * `payments` by what, `people` by name) merge item by item.  Mappings merge
 * key by key.  Any other field takes the side that changed it; when both
 * changed it differently the remote value wins and the local one is kept in
 * the record's `conflicts:` list as {field, value, by, at}.
 */
#ifndef GENDAN_MERGE_H
#define GENDAN_MERGE_H

#include <stddef.h>

#include "gendan/node.h"

typedef struct {
	const char *by;  /* who merges: recorded in conflicts */
	const char *at;  /* when: an ISO time */
	size_t nconflicts; /* out: fields both sides changed differently */
} gd_merge_ctx;

/* base may be NULL (added on both sides).  *out is a new tree.  Records get
 * `conflicts:` entries; with no_conflict_list (gendan.yaml) conflicts are
 * only counted, the remote value winning.  0, or GD_ENOMEM ("out of
 * memory") with *out NULL and nothing left allocated. */
int gd_merge_nodes(gd_node **out, const gd_node *base, const gd_node *ours,
		   const gd_node *theirs, gd_merge_ctx *ctx,
		   int no_conflict_list);

#endif
