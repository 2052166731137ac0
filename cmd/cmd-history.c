/*
 * cmd-history.c - gendan history REF [--patch]: the commits that touched
 * a record, newest first.
 */
#include <getopt.h>
#include <stdlib.h>
#include <time.h>

#include "cmd.h"

static void line(void *ctx, const gd_commit_info *c)
{
	time_t t = (time_t)(c->time + (time_t)c->offset * 60);
	struct tm tm;
	char when[32];

	(void)ctx;
	if (!gmtime_r(&t, &tm) ||
	    !strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm))
		snprintf(when, sizeof(when), "?");
	printf("%s  %s  %-20s  %s\n", c->id, when, c->author ? c->author : "",
	       c->summary ? c->summary : "");
	/* a failed write shows in main's check of stdout */
	if (c->patch)
		(void)fwrite(c->patch, 1, c->patch_len, stdout);
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"patch", no_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	gd_record *r = NULL;
	int patch = 0, ch, err;

	while ((ch = getopt_long(argc, argv, "ph", opts, NULL)) != -1) {
		switch (ch) {
		case 'p': patch = 1; break;
		case 'h': return cmd_help(&cmd_history_entry);
		default: return cmd_usage(&cmd_history_entry);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(&cmd_history_entry);
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = cmd_find(l, &r, argv[optind], -1)) == 0)
		err = gd_store_history(gd_ledger_store(l), r->path, patch, line, NULL);
	return err;
}

const struct cmd_entry cmd_history_entry = {
	"history", "history REF [--patch]",
	N_("the commits that touched a record, newest first (--patch: with diffs)"),
	CMD_LEDGER,
	run,
};
