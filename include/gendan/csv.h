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

/*
 * buf as UTF-8 text (malloc'd, NUL-terminated; *outlen without the NUL):
 * from encoding (any iconv name) when not NULL; else by its BOM (UTF-8,
 * UTF-16LE, UTF-16BE), else UTF-8 when it is valid UTF-8, else GB18030
 * (GBK, Excel's "CSV" on Chinese Windows).  Never mojibake: bytes that are
 * not text in that encoding are GD_EINVALID naming "name:LINE"; an
 * unknown encoding is GD_EINVALID naming it.
 */
int gd_csv_decode(char **out, size_t *outlen, const char *buf, size_t len,
		  const char *encoding, const char *name);

/* Parse buf decoded as gd_csv_decode decodes it; the separator is ',',
 * ';' or TAB, whichever the header line uses; rows of empty cells (",,,")
 * are left out.  name for messages. */
int gd_csv_parse_text(gd_csv **out, const char *buf, size_t len,
		      const char *encoding, const char *name);
/* gd_csv_parse_text with the encoding found from the bytes. */
int gd_csv_parse(gd_csv **out, const char *buf, size_t len, const char *name);
void gd_csv_free(gd_csv *c);
/* Free row i's cells once read (an import of 100,000 rows): it is left
 * with none, its line kept. */
void gd_csv_drop_row(gd_csv *c, size_t i);

/* One CSV line ending in CRLF, quoting only what needs it; a cell that
 * begins with = + - @ TAB or CR gets a leading ' so that a spreadsheet
 * never runs it as a formula (SPEC 3).  Malloc'd. */
char *gd_csv_line(const char *const *cells, size_t n);

/* The CSV columns of a kind, id and name first, NULL-terminated:
 * top-level text, date and number fields, `tags` joined with ';',
 * inquiry `from.*`. */
const char *const *gd_csv_columns(gd_kind kind);

/* A header compared without case, spaces or punctuation: ASCII letters
 * and digits lower-cased, other text kept ("E-mail 1 - Value" is
 * "email1value", "国家/地区" is "国家地区").  Malloc'd. */
char *gd_csv_header_norm(const char *header);

/* The column of kind a header names: a column name, or a built-in alias
 * in Chinese or English (客户名称, Company, E-mail Address, 手机 ...; see
 * SPEC 3.6), compared as gd_csv_header_norm() compares; NULL if none. */
const char *gd_csv_alias(gd_kind kind, const char *header);

/* The cell of column col for r; *tmp holds what must be freed.  NULL when
 * empty. */
const char *gd_csv_cell(const gd_record *r, const char *col, char **tmp);

/* Set column col of r from a cell; dates in any DATE form or as Excel date
 * serials (45000 is 2023-03-15), times in any
 * TIME form, tags split on ';' or ','; one leading ' before = + - @ TAB or
 * CR is dropped (see gd_csv_line).  GD_EINVALID saying what is wrong
 * with the value (the caller names the column). */
int gd_csv_set(gd_record *r, const char *col, const char *value, gd_date today);

/*
 * A customer's people in a table (SPEC 3.6): `contact` and `contact-role`
 * are the first person's name and role (联系人 and 职位 of a Chinese
 * sheet, Contact Name and Job Title of a CRM's); `people` holds them all,
 * as the YAML list of the record ("- name: John Smith\n  role: buyer").
 * On import a `people` cell gives the whole list, and `contact` names a
 * person (added, or found by name) whose role `contact-role` sets; the
 * row's email and phone stay the customer's.  gd_csv_set leaves contact
 * and contact-role alone (a record's own top-level `contact:` key, written
 * by hand, is not theirs): give a row's two cells to gd_csv_contact once
 * its other cells are set.  Nothing for another kind or no name;
 * GD_EINVALID naming the column.
 */
int gd_csv_contact(gd_record *r, const char *name, const char *role);

#endif
