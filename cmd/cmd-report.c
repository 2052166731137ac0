/*
 * cmd-report.c - gendan report week|month [--owner EMAIL] [--date DATE]
 * [--format=md|json|html]: the weekly report and the monthly A-list; a
 * period that has ended as the ledger stood at its end (SPEC 3.5).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "gendan/report.h"

/* The report of period p: states from the snapshot at its end when it
 * has ended, else from today's records. */
static int print_report(gd_ledger *l, const gd_report_period *p,
			const char *owner, gd_report_format fmt)
{
	gd_snapshot *snap = NULL;
	gd_record *const *recs, *const *state;
	size_t n, ns;
	int found = 0, err;

	recs = gd_ledger_records(l, &n);
	state = recs;
	ns = n;
	if (p->past) {
		if ((err = gd_ledger_snapshot(&snap, l, p->end, &found, cmd_print_bad, NULL)) < 0)
			return err;
		state = gd_snapshot_records(snap, &ns);
	}
	/* a total that leaves an amount out says so, and stderr names it;
	 * the report is still printed and the exit status is 0
	 * (docs/decisions.md) */
	cmd_print_inert(gd_report(p, recs, n, state, ns, gd_ledger_config(l), owner, fmt,
				  cmd_print_bad, NULL));
	gd_snapshot_free(snap);
	return 0;
}

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
	gd_report_format fmt = GD_REPORT_MD;
	gd_report_period p;
	char *who = NULL;
	gd_ledger *l = NULL;
	gd_time now;
	gd_date today, day;
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
	if (!strcmp(format, "json"))
		fmt = GD_REPORT_JSON;
	else if (!strcmp(format, "html"))
		fmt = GD_REPORT_HTML;
	else if (strcmp(format, "md")) {
		fprintf(stderr, _("gendan: invalid format '%s': use md, json or html\n"), format);
		return GD_EUSAGE;
	}
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	day = today;
	if (date_s && (err = gd_when_parse_past(&day, date_s, today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if (owner && (err = cmd_owner_filter(l, &who, owner, today)) < 0)
		return err;
	gd_report_period_of(&p, !strcmp(argv[optind], "week") ? GD_REPORT_WEEK : GD_REPORT_MONTH,
			    day, &now);
	err = print_report(l, &p, who, fmt);
	free(who);
	return err;
}

const struct cmd_entry cmd_report_entry = {
	"report", "report week|month [--owner EMAIL] [--date DATE] [--format=md|json|html]",
	N_("the weekly report (contacts, inquiries, key customers, overdue) or the monthly A-list"),
	CMD_LEDGER | CMD_LOAD,
	run,
};
