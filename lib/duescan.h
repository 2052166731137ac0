/*
 * duescan.h - the due summary .git/gendan-due (lib/duescan.c), private to
 * the library: the due list of the whole ledger without loading it.  A
 * layer of the scan stack above summary.h, below the ledger
 * (docs/modules.md).
 */
#ifndef GENDAN_DUESCAN_H
#define GENDAN_DUESCAN_H

#include "gendan/ledger.h"
#include "summary.h"

/* The due summary's type: its file, format and encoder. */
extern const struct gd__sum_type gd__due_summary;

/* The due list of the records of sc, a scan of the due summary (see
 * gd_ledger_due); the items' strings point into sc. */
void gd__due_items(gd_due_item **items, size_t *n, const gd__sumscan *sc,
		   const gd_config *cfg, gd_date today, const gd_due_filter *f);

/* gd_ledger_due() for the ledger at src: see gendan/ledger.h. */
void gd__due_scan(gd_due_item **items, size_t *n, gd_due_scan **keep,
		  const gd__source *src, gd_date today, const gd_due_filter *f,
		  gd__problem_fn bad, void *ctx);

#endif
