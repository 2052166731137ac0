/*
 * output.h - what commands print: aligned tables, TSV and JSON.
 */
#ifndef GENDAN_OUTPUT_H
#define GENDAN_OUTPUT_H

#include <stddef.h>

#include "gendan/due.h"
#include "gendan/record.h"

typedef enum { GD_PLAIN = 0, GD_RED, GD_YELLOW, GD_DIM } gd_color;

/*
 * s made inert for a terminal (SPEC 5): C0 and C1 controls, DEL and the
 * bidi embeddings, overrides and isolates are shown escaped (\t, \n,
 * \r, \x1b, \u202e) and a byte that is not UTF-8 as \xNN.  Table
 * cells and TSV lines are made inert the same way (a cell's tabs and
 * line breaks are spaces).  Malloc'd.
 */
char *gd_inert(const char *s);

/* gd_inert, but each line break stays one (for messages and reports of
 * several lines).  Malloc'd. */
char *gd_inert_lines(const char *s);

typedef struct gd_table gd_table;

gd_table *gd_table_new(size_t ncols, const char *const *headers);
/* Copies the cells (NULL prints as empty). */
void gd_table_add(gd_table *t, const char *const *cells, gd_color color);
size_t gd_table_rows(const gd_table *t);
/* Columns padded by display width (CJK counts 2); the last column cut
 * with "…" to max_width when max_width > 0.  Malloc'd. */
char *gd_table_render(const gd_table *t, int color, size_t max_width);
void gd_table_free(gd_table *t);

/* One TSV line (tabs, newlines and backslashes escaped as \t \n \\,
 * other controls as gd_inert does), ending in "\n".  Malloc'd. */
char *gd_tsv_line(const char *const *cells, size_t n);

/* JSON, pretty-printed with a final newline, UTF-8 written literally.
 * A record is its YAML keys plus kind, id and path (SPEC 3.2). */
char *gd_json_record(const gd_record *r);
char *gd_json_records(gd_record *const *recs, size_t n);
/* A customer as gd_json_record prints it, plus `related: {inquiries:
 * [ids], orders: [ids]}` (SPEC 3.2). */
char *gd_json_customer(const gd_record *r, const char *const *inquiries,
		       size_t ninq, const char *const *orders, size_t nord);
/* SPEC 3.1: kind id name owner grade due days_late reason detail path
 * (and explain when with_explain). */
char *gd_json_due(const gd_due_item *items, size_t n, int with_explain);

/* {"by": by, "total": total, "records": records, "counts": {key: n ...}}
 * plus, when inquiries > 0, "inquiries" and "inquiries_won". */
char *gd_json_counts(const char *by, const char *const *keys,
		     const size_t *counts, size_t n, const size_t totals[2],
		     size_t inquiries, size_t won);

#endif
