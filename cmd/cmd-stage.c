/*
 * cmd-stage.c - gendan stage ORDER STAGE [--plan DATE] [--done [DATE]]
 * [-m NOTE]: plan or complete a stage of an order.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"plan", required_argument, NULL, 'p'},
		{"done", optional_argument, NULL, 'd'},
		{"message", required_argument, NULL, 'm'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *plan_s = NULL, *note = NULL;
	int done = 0, ch, err;
	gd_date plan = 0, done_d = 0, today;
	gd_time now;
	gd_ledger *l = NULL;
	gd_record *r = NULL;
	gd_stage_update u;
	char *summary = NULL;

	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	while ((ch = getopt_long(argc, argv, "m:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'p': plan_s = optarg; break;
		case 'd':
			done = 1;
			if ((err = cmd_optional_date(&done_d, optarg, argc, argv,
						     &optind, today)) < 0)
				return err;
			break;
		case 'm': note = optarg; break;
		case 'h': return cmd_help(&cmd_stage_entry);
		default: return cmd_usage(&cmd_stage_entry);
		}
	}
	if (argc - optind != 2 || (!plan_s && !done && !note))
		return cmd_usage(&cmd_stage_entry);
	if (plan_s && (err = gd_when_parse(&plan, plan_s, today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = cmd_find_clean(l, &r, argv[optind], GD_ORDER)) < 0)
		goto out;
	u.plan = plan_s ? &plan : NULL;
	u.done = done ? &done_d : NULL;
	u.note = note;
	u.by = gd_store_me(gd_ledger_store(l));
	u.at = now;
	if ((err = gd_order_stage(r, argv[optind + 1], &u)) < 0)
		goto out;
	if (asprintf(&summary, "%s%s%s", argv[optind + 1],
		     done ? " done" : "", plan_s ? " planned" : "") < 0) {
		summary = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto out;
	}
	err = cmd_save(l, r, "stage", summary);
out:
	free(summary);
	return err;
}

const struct cmd_entry cmd_stage_entry = {
	"stage", "stage ORDER STAGE [--plan DATE] [--done [DATE]] [-m NOTE]",
	N_("plan or complete a stage of an order"),
	CMD_LEDGER | CMD_LOCK,
	run,
};
