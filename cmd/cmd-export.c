/*
 * cmd-export.c - gendan export csv|xlsx|json|ics [KIND]: records for Excel and
 * scripts, due follow-ups for the phone's calendar.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "gendan/ics.h"

static void csv_out(gd_record *const *recs, size_t n, gd_kind kind, int bom)
{
	const char *const *cols = gd_csv_columns(kind);
	size_t ncols = 0, i, j;

	while (cols[ncols])
		ncols++;
	if (bom)
		fputs("\xef\xbb\xbf", stdout);
	cmd_print(gd_csv_line(cols, ncols));
	for (i = 0; i < n; i++) {
		const char **cells = calloc(ncols + 1, sizeof(*cells));
		char **tmps = calloc(ncols + 1, sizeof(*tmps));
		if (recs[i]->kind != kind || !cells || !tmps) {
			free(cells);
			free(tmps);
			continue;
		}
		for (j = 0; j < ncols; j++)
			cells[j] = gd_csv_cell(recs[i], cols[j], &tmps[j]);
		cmd_print(gd_csv_line(cells, ncols));
		for (j = 0; j < ncols; j++)
			free(tmps[j]);
		free(cells);
		free(tmps);
	}
}

/* A workbook made now to stdout, which must not be a terminal. */
static int xlsx_out(gd_record *const *recs, size_t n, gd_kind kind, const gd_time *now)
{
	char *buf = NULL;
	size_t len = 0;
	int err;

	if (isatty(STDOUT_FILENO))
		return gd_error_set(GD_EINVALID, _("an xlsx file is not for a terminal: gendan export xlsx > FILE.xlsx"));
	if ((err = gd_xlsx_write(&buf, &len, recs, n, kind, (long long)now->t)) < 0)
		return err;
	if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0)
		err = gd_error_set(GD_EIO, _("cannot write to standard output"));
	free(buf);
	return err;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"bom", no_argument, NULL, 'b'},
		{"all", no_argument, NULL, 'a'},
		{"owner", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	gd_record **sel = NULL;
	gd_record *const *recs;
	int bom = 0, ch, err, kind = -1;
	size_t i, n = 0, nrecs;
	gd_time now;
	gd_date today;
	const char *what;
	gd_due_filter f;
	char *owner = NULL;

	memset(&f, 0, sizeof(f));
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'b': bom = 1; break;
		case 'a': f.all = 1; break;
		case 'o': f.owner = optarg; break;
		case 'h': return cmd_help(&cmd_export_entry);
		default: return cmd_usage(&cmd_export_entry);
		}
	}
	if (argc - optind < 1 || argc - optind > 2 || (f.all && f.owner))
		return cmd_usage(&cmd_export_entry);
	what = argv[optind];
	/* records for Excel and scripts: everyone's unless --owner; the
	 * calendar follows due: mine and unowned ones unless --all/--owner */
	if (strcmp(what, "ics"))
		f.all = !f.owner;
	if (strcmp(what, "csv") && strcmp(what, "xlsx") && strcmp(what, "json") &&
	    strcmp(what, "ics"))
		return cmd_usage(&cmd_export_entry);
	if (argc - optind == 2) {
		if ((err = cmd_kind(&kind, argv[optind + 1], &cmd_export_entry)) < 0)
			return err;
	}
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if (f.owner && (err = cmd_owner_filter(l, &owner, f.owner, today)) < 0)
		goto done;
	if (f.owner)
		f.owner = owner;
	if (!f.all && !f.owner && !(f.me = gd_store_me(gd_ledger_store(l)))) {
		err = gd_error_set(GD_EIDENTITY, _("who is 'me'? set git config user.email, or give --all or --owner"));
		goto done;
	}
	recs = gd_ledger_records(l, &nrecs);
	if (!(sel = malloc((nrecs + 1) * sizeof(*sel)))) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	for (i = 0; i < nrecs; i++)
		if ((kind < 0 || (int)recs[i]->kind == kind) &&
		    gd_due_owner_match(recs[i], &f))
			sel[n++] = recs[i];
	if (!strcmp(what, "json")) {
		cmd_print(gd_json_records(sel, n));
	} else if (!strcmp(what, "xlsx")) {
		err = xlsx_out(sel, n, kind < 0 ? GD_CUSTOMER : (gd_kind)kind, &now);
	} else if (!strcmp(what, "csv")) {
		/* CSV has one set of columns: customers unless a kind is named */
		csv_out(sel, n, kind < 0 ? GD_CUSTOMER : (gd_kind)kind, bom);
	} else {
		char stamp[32];
		time_t t = (time_t)now.t;
		struct tm tm;
		if (!gmtime_r(&t, &tm) ||
		    !strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm)) {
			err = gd_error_set(GD_EINVALID, _("the time now cannot be written as a date"));
			goto done;
		}
		cmd_print(gd_ics(sel, n, gd_ledger_config(l), today, stamp));
	}
done:
	free(sel);
	free(owner);
	return err;
}

const struct cmd_entry cmd_export_entry = {
	"export", "export csv|xlsx|json|ics [KIND] [--bom] [--all | --owner EMAIL]",
	N_("export records as CSV, xlsx or JSON, or due follow-ups as an iCalendar file (mine and unowned by default)"),
	CMD_LEDGER | CMD_LOAD,
	run,
};
