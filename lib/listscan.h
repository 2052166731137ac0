/*
 * listscan.h - the list summary .git/gendan-list (lib/listscan.c), private
 * to the library: what ls, find, REF lookup, free ids and add's duplicate
 * check need of every record, without loading the ledger.  A layer of the
 * scan stack above summary.h, below the ledger (docs/modules.md).
 */
#ifndef GENDAN_LISTSCAN_H
#define GENDAN_LISTSCAN_H

#include "gendan/dup.h"
#include "gendan/ledger.h"
#include "summary.h"

/* The list summary's type: its file, format and encoder. */
extern const struct gd__sum_type gd__list_summary;

/* Scan the ledger at src with the list summary (see gd__sum_scan). */
gd__sumscan *gd__list_scan(const gd__source *src, gd__problem_fn bad, void *ctx);

/* The records of sc that pass f, sorted by kind, then id: *out (free it)
 * points into sc.  region: the phone-region sc's summaries were made with. */
void gd__list_entries(gd_entry **out, size_t *n, const gd__sumscan *sc,
		      const gd_list_filter *f, const char *region);

/* The path of the record REF names among sc's (malloc'd), or NULL with
 * the error set as gd_ref_resolve sets it. */
char *gd__list_resolve(const gd__sumscan *sc, const char *ref, int kind,
		       const char *region);

/* Does sc hold a record of that kind and id? */
int gd__list_has_id(const gd__sumscan *sc, int kind, const char *id);

/* The paths (into sc; free the array) of the records of sc that share a
 * duplicate-check key with probe (see gendan/dup.h), in the order of a
 * loaded ledger. */
const char **gd__list_dup_candidates(size_t *n, const gd__sumscan *sc,
				     const gd_config *cfg, const gd_dup_probe *probe);

#endif
