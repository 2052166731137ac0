/*
 * xlsx-write.c - records as an xlsx workbook (see gendan/xlsx.h), written
 * by libxlsxwriter in its constant-memory mode: rows go to the file as
 * they are written, strings inline.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "gendan/csv.h"
#include "gendan/dates.h"
#include "gendan/error.h"
#include "gendan/xlsx.h"
#include "internal.h"

/* What an Excel cell holds, in UTF-16 code units ("Excel specifications
 * and limits": 32,767 characters); libxlsxwriter 1.1.4 refuses more
 * without saying which cell. */
#define EXCEL_CELL_MAX 32767

/* The length of UTF-8 text s as Excel counts it: UTF-16 code units. */
static size_t excel_len(const char *s)
{
	size_t n = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c & 0xc0) != 0x80)
			n += c >= 0xf0 ? 2 : 1;
	}
	return n;
}

/* A cell of r: a date cell for a date field that holds a date, else a
 * string cell (worksheet_write_string never makes a formula).  Text
 * longer than a cell holds is refused, naming the record and column:
 * never cut, since a sheet edited and imported with --update would write
 * the cut text back. */
static int write_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		      const gd_record *r, const char *name, lxw_format *datef)
{
	char *tmp = NULL;
	const char *v = gd_csv_cell(r, name, &tmp);
	lxw_error e = LXW_NO_ERROR;
	size_t len;
	int err = 0;
	gd_date d;

	if (v && *v && gd_record_field_is_date(r->kind, name) && gd_date_parse(&d, v) == 0) {
		lxw_datetime dt;
		memset(&dt, 0, sizeof(dt));
		gd_date_to_ymd(d, &dt.year, &dt.month, &dt.day);
		e = worksheet_write_datetime(ws, row, col, &dt, datef);
	} else if (v && *v && (len = excel_len(v)) > EXCEL_CELL_MAX) {
		err = gd_error_set(GD_EINVALID,
				   _("%s/%s: column '%s' has %zu characters; an Excel cell holds at most %d: use export csv"),
				   gd_kind_name(r->kind), r->id, name, len, EXCEL_CELL_MAX);
	} else if (v && *v) {
		e = worksheet_write_string(ws, row, col, v, NULL);
	}
	if (e)
		err = gd_error_set(GD_EIO, _("cannot write the xlsx file: %s"), lxw_strerror(e));
	free(tmp);
	return err;
}

/* Write the workbook to path. */
static int write_file(const char *path, gd_record *const *recs, size_t n, gd_kind kind,
		      long long created)
{
	lxw_doc_properties props;
	const char *const *cols = gd_csv_columns(kind);
	lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *datef;
	lxw_error e = LXW_NO_ERROR;
	lxw_row_t row = 1;
	lxw_col_t c;
	size_t i;
	int err = 0;

	if (!(wb = workbook_new_opt(path, &opts)))
		return gd_error_set(GD_EIO, _("cannot write the xlsx file %s"), path);
	ws = workbook_add_worksheet(wb, gd_kind_name(kind));
	bold = workbook_add_format(wb);
	datef = workbook_add_format(wb);
	if (!ws || !bold || !datef) {
		workbook_close(wb);
		return gd_error_set(GD_EIO, _("cannot write the xlsx file %s"), path);
	}
	memset(&props, 0, sizeof(props));
	props.created = (time_t)created;
	if (workbook_set_properties(wb, &props) != LXW_NO_ERROR) {
		workbook_close(wb);
		return gd_error_set(GD_EIO, _("cannot write the xlsx file %s"), path);
	}
	format_set_bold(bold);
	format_set_num_format(datef, "yyyy-mm-dd");
	worksheet_freeze_panes(ws, 1, 0);
	for (c = 0; cols[c] && !e; c++)
		e = worksheet_write_string(ws, 0, c, cols[c], bold);
	if (e)
		err = gd_error_set(GD_EIO, _("cannot write the xlsx file: %s"), lxw_strerror(e));
	for (i = 0; i < n && !err; i++) {
		if (recs[i]->kind != kind)
			continue;
		if (row >= LXW_ROW_MAX) {
			workbook_close(wb);
			return gd_error_set(GD_EINVALID, _("more than %d records: too many for one sheet"),
					    LXW_ROW_MAX - 1);
		}
		for (c = 0; cols[c] && !err; c++)
			err = write_cell(ws, row, c, recs[i], cols[c], datef);
		row++;
	}
	if (err) {
		workbook_close(wb);
		return err;
	}
	if ((e = workbook_close(wb)) != LXW_NO_ERROR)
		return gd_error_set(GD_EIO, _("cannot write the xlsx file: %s"), lxw_strerror(e));
	return 0;
}

int gd_xlsx_write(char **out, size_t *len, gd_record *const *recs, size_t n,
		  gd_kind kind, long long created)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	int fd, err;

	*out = NULL;
	*len = 0;
	path = gd__xasprintf("%s/gendan-xlsx.XXXXXX", dir && *dir ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0) {
		err = gd_error_set(GD_EIO, _("cannot make a temporary file in %s"),
				   dir && *dir ? dir : "/tmp");
		free(path);
		return err;
	}
	close(fd);
	if ((err = write_file(path, recs, n, kind, created)) == 0)
		err = gd__read_file(out, len, path, (size_t)1 << 31);
	unlink(path);
	free(path);
	return err;
}
