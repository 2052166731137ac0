/*
 * xlsx.h - Excel workbooks (Office Open XML, ECMA-376) in and out.
 *
 * Reading streams: the zip (libzip) is read entry by entry in chunks and
 * each XML part is parsed by expat as it comes, so a sheet is never held
 * as a document tree; only the table import reads is built.  Limits keep
 * a hostile file's cost bounded (see docs/gendan-import.1).
 */
#ifndef GENDAN_XLSX_H
#define GENDAN_XLSX_H

#include <stddef.h>

#include "gendan/csv.h"
#include "gendan/record.h"

/* Bytes all parts of one workbook may unpack to (a zip bomb stops here). */
#define GD_XLSX_MAX_BYTES ((size_t)256 << 20)
/* Rows of a sheet import reads (Excel allows 1,048,576). */
#define GD_XLSX_MAX_ROWS 200000
/* Text of one cell or one shared string. */
#define GD_XLSX_MAX_CELL ((size_t)1 << 20)
/* Cells of the table, empty ones between filled ones included. */
#define GD_XLSX_MAX_CELLS 5000000
/* Text of all cells read: a shared string is stored once but copied
 * into every cell that names it, so a small file could else ask for
 * gigabytes. */
#define GD_XLSX_MAX_TEXT ((size_t)128 << 20)

/*
 * The sheet named sheet (NULL: the first worksheet in the workbook's
 * order) of the xlsx in buf as a table: a row for each row with a filled
 * cell, its line the sheet's row number; the first such row is the
 * header, and no row has more cells than it.  Shared and inline strings
 * (rich text runs joined), numbers as written without a trailing ".0"
 * (exponents spelled out), booleans as TRUE/FALSE, date-formatted cells as
 * YYYY-MM-DD (1900 and 1904 date systems).  Anything else, or over a
 * limit above: GD_EINVALID with one message starting with name.
 */
int gd_xlsx_parse(gd_csv **out, const char *buf, size_t len, const char *sheet,
		  const char *name);

/*
 * recs of kind as a new workbook (malloc'd in *out, *len bytes): one
 * worksheet with the CSV columns (gd_csv_columns), a header row, text as
 * string cells (never a formula, never a number: phones and ids stay as
 * typed, "=1+1" stays text without an apostrophe) and date fields as date
 * cells; created (seconds since 1970) is its creation time, so the same
 * records at the same time give the same bytes.  libxlsxwriter writes a file: a temporary one in $TMPDIR (else
 * /tmp), removed before this returns.  GD_EIO on failure.
 */
int gd_xlsx_write(char **out, size_t *len, gd_record *const *recs, size_t n,
		  gd_kind kind, long long created);

#endif
