/*
 * cmd-reclaim.c - gendan reclaim [--dry-run]: the public pool (公海).
 * Active customers that their owner has neither contacted nor been given
 * within pool.reclaim-after lose their owner, in one commit, so a
 * colleague can claim them.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* Give the candidates back to the pool and stage them into c, saying so
 * (dry: saying what would happen). */
static int reclaim(gd_ledger *l, gd_change *c, const gd_reclaim *cand, gd_date today,
		   size_t n, int dry)
{
	size_t i;
	int err;

	for (i = 0; i < n; i++) {
		gd_record *r = cand[i].rec;
		if (!dry && (err = gd_ledger_check_clean(l, r)) < 0)
			return err;
		cmd_say(stdout, dry ? _("would reclaim %s/%s  %s  (owner %s, %lld days without a contact)\n")
			   : _("reclaimed %s/%s  %s  (owner %s, %lld days without a contact)\n"),
		       gd_kind_name(r->kind), r->id,
		       gd_record_name(r) ? gd_record_name(r) : "", cand[i].owner,
		       (long long)(cand[i].idle / 86400));
		gd_record_reclaim(r, today);
		if ((err = gd_ledger_stage(c, r)) < 0)
			return err;
	}
	return 0;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"dry-run", no_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int dry = 0, ch, err, committed = 0;
	gd_ledger *l = NULL;
	gd_record *const *recs;
	gd_change *c = NULL;
	gd_reclaim *cand = NULL;
	gd_time now;
	gd_date today;
	size_t n = 0, nrecs;
	char *summary = NULL;

	while ((ch = getopt_long(argc, argv, "nh", opts, NULL)) != -1) {
		switch (ch) {
		case 'n': dry = 1; break;
		case 'h': return cmd_help(&cmd_reclaim_entry);
		default: return cmd_usage(&cmd_reclaim_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_reclaim_entry);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	if (dry)
		ctx->flags &= ~CMD_LOCK;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	recs = gd_ledger_records(l, &nrecs);
	if ((err = gd_reclaim_candidates(&cand, &n, recs, nrecs, gd_ledger_config(l),
					 &now)) < 0)
		goto done;
	c = gd_change_new();
	if ((err = reclaim(l, c, cand, today, n, dry)) < 0)
		goto done;
	if (!n) {
		puts(_("nothing to reclaim"));
		goto done;
	}
	if (dry)
		goto done;
	if (asprintf(&summary, "reclaim: %zu record%s to the public pool", n,
		     n == 1 ? "" : "s") < 0) {
		summary = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	err = cmd_commit(l, c, "reclaim", summary, &committed);
done:
	free(summary);
	free(cand);
	gd_change_free(c);
	return err;
}

const struct cmd_entry cmd_reclaim_entry = {
	"reclaim", "reclaim [--dry-run]",
	N_("public pool: clear the owner of customers neither contacted by their owner nor handed over within pool.reclaim-after"),
	CMD_LEDGER | CMD_LOAD | CMD_LOCK,
	run,
};
