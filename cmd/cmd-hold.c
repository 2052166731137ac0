/*
 * cmd-hold.c - gendan hold REF --until DATE [-m REASON] | --clear: keep a
 * record out of `due` until a date (holiday, buyer travelling).
 */
#include <getopt.h>
#include <stdlib.h>

#include "cmd.h"

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"until", required_argument, NULL, 'u'},
		{"message", required_argument, NULL, 'm'},
		{"clear", no_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *until_s = NULL, *reason = NULL;
	int clear = 0, ch, err;
	gd_ledger *l = NULL;
	gd_record *r = NULL;
	gd_time now;
	gd_date today, until = 0;
	char d[GD_DATE_LEN], *summary = NULL;

	while ((ch = getopt_long(argc, argv, "m:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'u': until_s = optarg; break;
		case 'm': reason = optarg; break;
		case 'c': clear = 1; break;
		case 'h': return cmd_help(&cmd_hold_entry);
		default: return cmd_usage(&cmd_hold_entry);
		}
	}
	if (argc - optind != 1 || !until_s == !clear || (clear && reason))
		return cmd_usage(&cmd_hold_entry);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	if (until_s && (err = gd_when_parse(&until, until_s, today)) < 0)
		return err;
	if (until_s && until <= today) {
		char d[GD_DATE_LEN], t[GD_DATE_LEN];
		gd_date_format(d, until);
		gd_date_format(t, today);
		return gd_error_set(GD_EINVALID,
				    _("--until %s is not after today (%s): give a later day, or --clear"),
				    d, t);
	}
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = cmd_find_clean(l, &r, argv[optind], -1)) < 0)
		goto done;
	if (clear) {
		gd_node_remove(r->root, "hold");
		summary = cmd_oneline("cleared", 20);
	} else {
		gd_node *hold = gd_node_map();
		gd_date_format(d, until);
		gd_node_set_str(hold, "until", d, 1);
		if (reason && *reason)
			gd_node_set_str(hold, "reason", reason, 0);
		gd_node_set(r->root, "hold", hold);
		if (asprintf(&summary, "until %s%s%s", d, reason ? " " : "",
			     reason ? reason : "") < 0)
			summary = NULL;
	}
	if (!summary) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	err = cmd_save(l, r, "hold", summary);
done:
	free(summary);
	return err;
}

const struct cmd_entry cmd_hold_entry = {
	"hold", "hold REF --until DATE [-m REASON] | hold REF --clear",
	N_("keep a record out of 'due' until a date (holiday, buyer travelling)"),
	CMD_LEDGER | CMD_LOCK,
	run,
};
