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
	gd_node *stage;
	char d[GD_DATE_LEN], *summary = NULL;

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
	if ((err = cmd_open(ctx, &l, 0, 1)) < 0)
		return err;
	if ((err = cmd_find_clean(l, &r, argv[optind], GD_ORDER)) < 0)
		goto out;
	stage = cmd_list_item(r, "stages", "name", argv[optind + 1], plan_s != NULL);
	if (!stage) {
		err = gd_error_set(GD_ENOTFOUND,
				   _("order '%s' has no stage '%s' (add it with --plan DATE)"),
				   r->id, argv[optind + 1]);
		goto out;
	}
	if (plan_s) {
		gd_date_format(d, plan);
		gd_node_set_str(stage, "plan", d, 1);
	}
	if (done) {
		gd_date_format(d, done_d);
		gd_node_set_str(stage, "done", d, 1);
	}
	if (note) {
		gd_node *entry = gd_node_map();
		char at[GD_TIME_LEN], *text = NULL;
		const char *by = gd_store_me(gd_ledger_store(l));
		gd_node_set_str(stage, "note", note, 0);
		gd_time_format(at, &now);
		gd_node_set_str(entry, "at", at, 1);
		if (by)
			gd_node_set_str(entry, "by", by, 0);
		if (asprintf(&text, "stage %s: %s", argv[optind + 1], note) < 0)
			text = NULL;
		gd_node_set_str(entry, "note", text ? text : note, 0);
		free(text);
		gd_record_add_log(r, entry);
	}
	if (asprintf(&summary, "%s%s%s", argv[optind + 1],
		     done ? " done" : "", plan_s ? " planned" : "") < 0) {
		summary = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto out;
	}
	err = cmd_save(l, r, "stage", summary);
out:
	free(summary);
	gd_ledger_free(l);
	return err;
}

const struct cmd_entry cmd_stage_entry = {
	"stage", "stage ORDER STAGE [--plan DATE] [--done [DATE]] [-m NOTE]",
	N_("plan or complete a stage of an order"),
	run,
};
