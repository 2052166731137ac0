/*
 * cmd-report.c - gendan report week|month [--owner EMAIL] [--date DATE]
 * [--format=md|json]: the weekly report and the monthly A-list.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "gendan/report.h"

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"owner", required_argument, NULL, 'o'},
		{"date", required_argument, NULL, 'd'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *owner = NULL, *date_s = NULL, *format = "md";
	gd_ledger *l = NULL;
	gd_record *const *recs;
	gd_time now;
	gd_date today, day;
	size_t nrecs;
	int ch, err;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'o': owner = optarg; break;
		case 'd': date_s = optarg; break;
		case 'f': format = optarg; break;
		case 'h': return cmd_help(&cmd_report_entry);
		default: return cmd_usage(&cmd_report_entry);
		}
	}
	if (argc - optind != 1 || (strcmp(argv[optind], "week") && strcmp(argv[optind], "month")))
		return cmd_usage(&cmd_report_entry);
	if (strcmp(format, "md") && strcmp(format, "json")) {
		fprintf(stderr, _("gendan: invalid format '%s': use md or json\n"), format);
		return GD_EUSAGE;
	}
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	day = today;
	if (date_s && (err = gd_when_parse_past(&day, date_s, today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	recs = gd_ledger_records(l, &nrecs);
	cmd_print(gd_report(!strcmp(argv[optind], "week") ? GD_REPORT_WEEK : GD_REPORT_MONTH,
			    recs, nrecs, gd_ledger_config(l), day, owner, !strcmp(format, "json")));
	return 0;
}

const struct cmd_entry cmd_report_entry = {
	"report", "report week|month [--owner EMAIL] [--date DATE] [--format=md|json]",
	N_("the weekly report (contacts, inquiries, key customers, overdue) or the monthly A-list"),
	CMD_LEDGER | CMD_LOAD,
	run,
};
