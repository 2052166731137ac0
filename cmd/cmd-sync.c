/*
 * cmd-sync.c - gendan sync [REMOTE]: fetch, merge record by record, push.
 */
#include <getopt.h>
#include <stdlib.h>

#include "cmd.h"

/* "in: 2 commits, 3 files changed (merged)": two counts, two plurals. */
static void incoming(const gd_sync_report *g)
{
	char commits[64];

	snprintf(commits, sizeof(commits),
		 P_("%zu commit", "%zu commits", g->incoming), g->incoming);
	printf(P_("in: %s, %zu file changed%s\n", "in: %s, %zu files changed%s\n",
		  g->changed),
	       commits, g->changed, g->fast_forward ? "" : _(" (merged)"));
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	gd_sync_result res;
	gd_time now;
	gd_date today;
	char at[GD_TIME_LEN];
	int ch, err;
	size_t i;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h': return cmd_help(&cmd_sync_entry);
		default: return cmd_usage(&cmd_sync_entry);
		}
	}
	if (argc - optind > 1)
		return cmd_usage(&cmd_sync_entry);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	gd_time_format(at, &now);
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	cmd_progress_start();
	err = gd_ledger_sync(l, optind < argc ? argv[optind] : NULL, at, &res);
	cmd_progress_end();
	if (err == 0) {
		const gd_sync_report *g = &res.git;
		if (g->up_to_date && !g->pushed)
			puts(_("already up to date"));
		if (g->incoming)
			incoming(g);
		if (g->merged)
			printf(P_("merged record by record: %zu file\n",
				  "merged record by record: %zu files\n", g->merged),
			       g->merged);
		for (i = 0; i < res.nconflicted; i++)
			cmd_say(stdout, _("conflict: %s: both sides changed a field; the remote value is kept, yours is under conflicts:\n"),
			       res.conflicted[i]);
		if (g->pushed)
			printf(P_("out: %zu commit pushed\n", "out: %zu commits pushed\n",
				  g->outgoing), g->outgoing);
	}
	gd_sync_result_clear(&res);
	return err;
}

const struct cmd_entry cmd_sync_entry = {
	"sync", "sync [REMOTE]",
	N_("fetch, merge record by record, and push (retrying if the remote moved)"),
	CMD_LEDGER | CMD_LOCK,
	run,
};
