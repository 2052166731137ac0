/*
 * cmd-reassign.c - gendan reassign --from EMAIL --to EMAIL [--kind K]
 * [--tier T]: hand over records in one commit, with a briefing.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

enum { O_FROM = 256, O_TO, O_KIND, O_TIER };

/* What was handed over, and what is due on it, for the new owner. */
static void print_briefing(gd_record **moved, size_t n, const char *from,
			   const char *to, const gd_config *cfg, gd_date today)
{
	gd_due_filter f = {0};
	gd_due_item *items = NULL;
	size_t i, ni = 0;

	cmd_say(stdout, P_("handed %zu record from %s to %s:\n\n",
		  "handed %zu records from %s to %s:\n\n", n), n, from, to);
	f.kind = -1;
	f.all = 1;
	f.days = 36500;
	f.local = 1;
	gd_due_list(&items, &ni, moved, n, cfg, today, &f);
	for (i = 0; i < ni; i++) {
		char d[GD_DATE_LEN];
		gd_date_format(d, items[i].due);
		cmd_say(stdout, _("  %s/%s  %s  [%s]  due %s: %s\n"),
		       gd_kind_name(items[i].kind), items[i].id,
		       items[i].name ? items[i].name : "",
		       items[i].grade ? items[i].grade : "-",
		       d, items[i].detail);
	}
	gd_due_items_free(items, ni);
}

/* Hand the records h selects to `to` in one commit. */
static int reassign(gd_ledger *l, const gd_handover *h, const char *to,
		    gd_date today)
{
	gd_change *c = gd_change_new();
	gd_record *const *recs;
	gd_record **moved = NULL;
	char *summary = NULL;
	size_t i, n = 0, nrecs;
	int err, committed = 0;

	recs = gd_ledger_records(l, &nrecs);
	if ((err = gd_handover_select(&moved, &n, recs, nrecs, h)) < 0)
		goto done;
	for (i = 0; i < n; i++) {
		if ((err = gd_ledger_check_clean(l, moved[i])) < 0 ||
		    (err = gd_record_hand_over(moved[i], to, gd_ledger_config(l), today)) < 0 ||
		    (err = gd_ledger_stage(c, moved[i])) < 0)
			goto done;
	}
	if (!n) {
		cmd_say(stdout, _("no records owned by %s\n"), h->from);
		goto done;
	}
	if (asprintf(&summary, "reassign: %zu record%s from %s to %s", n,
		     n == 1 ? "" : "s", h->from, to) < 0) {
		summary = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	if ((err = cmd_commit(l, c, "reassign", summary, &committed)) < 0)
		goto done;
	print_briefing(moved, n, h->from, to, gd_ledger_config(l), today);
done:
	free(summary);
	free(moved);
	gd_change_free(c);
	return err;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"from", required_argument, NULL, O_FROM},
		{"to", required_argument, NULL, O_TO},
		{"kind", required_argument, NULL, O_KIND},
		{"tier", required_argument, NULL, O_TIER},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_handover h = {NULL, -1, NULL};
	const char *to = NULL;
	char *owner = NULL;
	int ch, err;
	gd_ledger *l = NULL;
	gd_time now;
	gd_date today;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case O_FROM: h.from = optarg; break;
		case O_TO: to = optarg; break;
		case O_KIND:
			if ((err = cmd_kind(&h.kind, optarg, &cmd_reassign_entry)) < 0)
				return err;
			break;
		case O_TIER: h.tier = optarg; break;
		case 'h': return cmd_help(&cmd_reassign_entry);
		default: return cmd_usage(&cmd_reassign_entry);
		}
	}
	if (optind != argc || !h.from || !to || !*to)
		return cmd_usage(&cmd_reassign_entry);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = cmd_owner(l, &owner, to, today)) < 0)
		return err;
	err = reassign(l, &h, owner, today);
	free(owner);
	return err;
}

const struct cmd_entry cmd_reassign_entry = {
	"reassign", "reassign --from EMAIL --to EMAIL [--kind KIND] [--tier T]",
	N_("hand over records from one owner to another in one commit"),
	CMD_LEDGER | CMD_LOAD | CMD_LOCK,
	run,
};
