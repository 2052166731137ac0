/*
 * import.h - bulk add or update from CSV (an Excel or LibreOffice export)
 * or vCards (SPEC 3.6).
 *
 * The header row names the columns: a column named like a field of the
 * kind (case-insensitive), mapped with COL=FIELD, named in import.columns
 * or by a built-in alias fills that field; any other column is ignored
 * with one warning naming it.  Every row is checked (values as `set`
 * takes them, validity, duplicates against the ledger and within the file
 * unless force) before anything is written; a bad row is named
 * "FILE:LINE: column 'COL': why", LINE where the row starts in the file
 * and COL its header as the file writes it.  The good rows go into one
 * change.
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
	int update;     /* a row whose id names a record of kind updates it */
	int keep_going; /* bad rows are rejected, the good ones imported */
	int detail;     /* list every added and updated row in the result */
	const char *encoding; /* an iconv name, or NULL: see gd_csv_decode */
	int vcard;            /* buf is vCards (gendan/vcard.h), not CSV */
	int xlsx;             /* buf is an xlsx workbook (gendan/xlsx.h) */
	const char *sheet;    /* its sheet to read; NULL: the first */
	const gd_time *now;
	gd_date today;
	gd_bad_fn warn;   /* the columns ignored */
	void *ctx;
	/* rows checked so far of total, now and then; may be NULL */
	void (*progress)(void *ctx, size_t done, size_t total);
} gd_import_opts;

typedef enum {
	GD_IMPORT_ADDED,
	GD_IMPORT_UPDATED,
	GD_IMPORT_REJECTED
} gd_import_fate;

typedef struct {
	int line;            /* the file line where the row starts */
	gd_import_fate fate;
	char *text;          /* added: "customer/ID"; updated: "customer/ID:
			      * tier, city" (the fields it changes);
			      * rejected: "FILE:LINE: column 'COL': why" */
} gd_import_row;

typedef struct {
	size_t added, updated, rejected; /* rows; an unchanged one is none */
	gd_import_row *rows; /* the rejected rows, and with detail the added
			      * and updated ones, in file order */
	size_t nrows;
	/* with keep_going and a row rejected: a CSV of the rejected rows,
	 * their cells as the file has them under its header, and the
	 * message in a column `error` (CRLF, quoted as RFC 4180, formula-
	 * safe as gd_csv_line writes it); else NULL */
	char *rejects;
	size_t rejects_len;
} gd_import_result;

/* Read buf (named `name` as the user named it) into change c, filling
 * *res.  A row rejected without keep_going: GD_EINVALID, *res saying
 * which rows, and nothing in c.  The new records join the ledger's
 * records as their ids and paths and what the duplicate check reads
 * (gd_dup_trim: their whole text is in c only); the updated ones change
 * in it. */
int gd_import_csv(gd_ledger *l, gd_change *c, const char *buf, size_t len,
		  const char *name, const gd_import_opts *o,
		  gd_import_result *res);
void gd_import_result_clear(gd_import_result *res);

#endif
