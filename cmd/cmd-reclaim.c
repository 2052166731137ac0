/*
 * cmd-reclaim.c - gendan reclaim [--dry-run]: the public pool (公海).
 * Records whose owner has not logged a contact for pool.reclaim-after
 * lose their owner, in one commit, so a colleague can claim them.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"

/* When the owner last touched r: their last contact, else its start. */
static int owner_since(const gd_record *r, const char *owner, int64_t *since)
{
	const gd_node *log = gd_node_get(r->root, "log");
	const char *start;
	gd_time t;
	gd_date d;
	size_t i;
	int found = 0;

	for (i = 0; log && log->type == GD_SEQ && i < log->n; i++) {
		const char *by = gd_node_str(log->vals[i], "by");
		const char *at = gd_node_str(log->vals[i], "at");
		if (by && at && !strcasecmp(by, owner) && gd_time_parse_iso(&t, at) == 0 &&
		    (!found || t.t > *since)) {
			*since = t.t;
			found = 1;
		}
	}
	if (found)
		return 1;
	if ((start = gd_node_str(r->root, "received")) && gd_time_parse_iso(&t, start) == 0) {
		*since = t.t;
		return 1;
	}
	if ((start = gd_node_str(r->root, "created")) && gd_date_parse(&d, start) == 0) {
		*since = gd_time_local(d, 0, 0).t;
		return 1;
	}
	return 0;
}

static int pooled_status(const gd_record *r)
{
	const char *s = gd_record_status(r);

	if (r->kind == GD_CUSTOMER)
		return !strcmp(s, "active");
	if (r->kind == GD_INQUIRY)
		return gd_inquiry_open(r);
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
	gd_time now;
	gd_date today;
	size_t i, n = 0, nrecs;
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
	if ((err = cmd_open(ctx, &l, 1, !dry)) < 0)
		return err;
	if (!gd_ledger_config(l)->pool) {
		err = gd_error_set(GD_EINVALID,
				   _("the public pool is off: add 'pool: {reclaim-after: 30d}' to gendan.yaml"));
		goto done;
	}
	c = gd_change_new();
	recs = gd_ledger_records(l, &nrecs);
	for (i = 0; i < nrecs; i++) {
		gd_record *r = recs[i];
		const char *owner = gd_record_owner(r);
		int64_t since = 0;
		char *who;
		if (!owner || !*owner || !pooled_status(r) || !owner_since(r, owner, &since) ||
		    now.t - since < gd_ledger_config(l)->reclaim_after)
			continue;
		if (!dry && (err = gd_ledger_check_clean(l, r)) < 0)
			goto done;
		who = strdup(owner);
		printf(dry ? _("would reclaim %s/%s  %s  (owner %s, %lld days without a contact)\n")
			   : _("reclaimed %s/%s  %s  (owner %s, %lld days without a contact)\n"),
		       gd_kind_name(r->kind), r->id,
		       gd_record_name(r) ? gd_record_name(r) : "", who ? who : "",
		       (long long)((now.t - since) / 86400));
		free(who);
		gd_node_remove(r->root, "owner");
		if ((err = gd_ledger_stage(c, r)) < 0)
			goto done;
		n++;
	}
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
	gd_change_free(c);
	gd_ledger_free(l);
	return err;
}

const struct cmd_entry cmd_reclaim_entry = {
	"reclaim", "reclaim [--dry-run]",
	N_("public pool: clear the owner of records not contacted for pool.reclaim-after"),
	run,
};
