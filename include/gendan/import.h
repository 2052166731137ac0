/*
 * import.h - bulk add from CSV (an Excel or LibreOffice export).
 *
 * The header row names the columns: a column named like a field of the
 * kind (case-insensitive), or mapped with COL=FIELD, fills that field; any
 * other column is ignored with one warning naming it.  Every row is checked
 * (validity, duplicates against the ledger and within the file unless
 * force) before anything is written; all good rows go into one change.
 */
#ifndef GENDAN_IMPORT_H
#define GENDAN_IMPORT_H

#include <stddef.h>

#include "gendan/ledger.h"

typedef struct {
	const char *column; /* as in the header */
	const char *field;  /* a CSV column name of the kind */
} gd_import_map;

typedef struct {
	gd_kind kind;
	const gd_import_map *map;
	size_t nmap;
	int force;
	const char *encoding; /* an iconv name, or NULL: see gd_csv_decode */
	int vcard;            /* buf is vCards (gendan/vcard.h), not CSV */
	const gd_time *now;
	gd_date today;
	gd_bad_fn warn;   /* ignored columns, each bad row "FILE:LINE: why" */
	void *ctx;
	/* rows checked so far of total, now and then; may be NULL */
	void (*progress)(void *ctx, size_t done, size_t total);
} gd_import_opts;

/* Read buf (CSV named `name`) into change c; *count rows imported.  Any
 * bad row: GD_EINVALID and nothing in c.  The new records join l->recs. */
int gd_import_csv(gd_ledger *l, gd_change *c, const char *buf, size_t len,
		  const char *name, const gd_import_opts *o, size_t *count);

#endif
