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

/* A cell of r: a date cell for a date field that holds a date, else a
 * string cell (worksheet_write_string never makes a formula). */
static lxw_error write_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
			    const gd_record *r, const char *name, lxw_format *datef)
{
	char *tmp = NULL;
	const char *v = gd_csv_cell(r, name, &tmp);
	lxw_error e = LXW_NO_ERROR;
	gd_date d;

	if (v && *v && gd_record_field_is_date(r->kind, name) && gd_date_parse(&d, v) == 0) {
		lxw_datetime dt;
		memset(&dt, 0, sizeof(dt));
		gd_date_to_ymd(d, &dt.year, &dt.month, &dt.day);
		e = worksheet_write_datetime(ws, row, col, &dt, datef);
	} else if (v && *v) {
		e = worksheet_write_string(ws, row, col, v, NULL);
	}
	free(tmp);
	return e;
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
	for (i = 0; i < n && !e; i++) {
		if (recs[i]->kind != kind)
			continue;
		if (row >= LXW_ROW_MAX) {
			workbook_close(wb);
			return gd_error_set(GD_EINVALID, _("more than %d records: too many for one sheet"),
					    LXW_ROW_MAX - 1);
		}
		for (c = 0; cols[c] && !e; c++)
			e = write_cell(ws, row, c, recs[i], cols[c], datef);
		row++;
	}
	if (e) {
		workbook_close(wb);
		return gd_error_set(GD_EIO, _("cannot write the xlsx file: %s"), lxw_strerror(e));
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
