/*
 * csv.h - CSV in and out (RFC 4180: quoted fields may hold commas, quotes
 * and line breaks; LF or CRLF), and the columns of each record kind.
 * Only lib/csv.c sees libcsv.
 */
#ifndef GENDAN_CSV_H
#define GENDAN_CSV_H

#include <stddef.h>

#include "gendan/dates.h"
#include "gendan/record.h"

typedef struct {
	char ***rows;   /* rows[i][j], NUL-terminated strings */
	size_t *ncols;  /* fields in each row */
	int *lines;     /* line where each row starts (1-based) */
	size_t n;
} gd_csv;

/* Parse buf (a UTF-8 BOM is skipped); name for messages. */
int gd_csv_parse(gd_csv **out, const char *buf, size_t len, const char *name);
void gd_csv_free(gd_csv *c);

/* One CSV line ending in CRLF, quoting only what needs it.  Malloc'd. */
char *gd_csv_line(const char *const *cells, size_t n);

/* The CSV columns of a kind, id and name first, NULL-terminated:
 * top-level text, date and number fields, `tags` joined with ';',
 * inquiry `from.*`. */
const char *const *gd_csv_columns(gd_kind kind);

/* The cell of column col for r; *tmp holds what must be freed.  NULL when
 * empty. */
const char *gd_csv_cell(const gd_record *r, const char *col, char **tmp);

/* Set column col of r from a cell; dates in any DATE form, times in any
 * TIME form, tags split on ';' or ','.  GD_EINVALID naming the column. */
int gd_csv_set(gd_record *r, const char *col, const char *value, gd_date today);

#endif
