/*
 * cmd-reassign.c - gendan reassign --from EMAIL --to EMAIL [--kind K]
 * [--tier T]: hand over records in one commit, with a briefing.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"

enum { O_FROM = 256, O_TO, O_KIND, O_TIER };

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
	const char *from = NULL, *to = NULL, *tier = NULL;
	int kind = -1, ch, err, committed = 0;
	gd_ledger *l = NULL;
	gd_change *c = NULL;
	gd_record **moved = NULL;
	gd_record *const *recs;
	size_t i, n = 0, nrecs;
	gd_kind k;
	gd_time now;
	gd_date today;
	char *summary = NULL;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case O_FROM: from = optarg; break;
		case O_TO: to = optarg; break;
		case O_KIND:
			if (gd_kind_parse(&k, optarg) < 0) {
				fprintf(stderr, "gendan: %s\n", gd_error_last());
				return cmd_usage(&cmd_reassign_entry);
			}
			kind = (int)k;
			break;
		case O_TIER: tier = optarg; break;
		case 'h': return cmd_help(&cmd_reassign_entry);
		default: return cmd_usage(&cmd_reassign_entry);
		}
	}
	if (optind != argc || !from || !to || !*to)
		return cmd_usage(&cmd_reassign_entry);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	if ((err = cmd_open(ctx, &l, 1, 1)) < 0)
		return err;
	recs = gd_ledger_records(l, &nrecs);
	moved = calloc(nrecs + 1, sizeof(*moved));
	c = gd_change_new();
	if (!moved) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	for (i = 0; i < nrecs; i++) {
		gd_record *r = recs[i];
		const char *owner = gd_record_owner(r), *grade = gd_record_grade(r);
		if (!owner || strcasecmp(owner, from) ||
		    (kind >= 0 && (int)r->kind != kind) ||
		    (tier && (!grade || strcmp(grade, tier))))
			continue;
		if ((err = gd_ledger_check_clean(l, r)) < 0)
			goto done;
		gd_node_set_str(r->root, "owner", to, 0);
		if ((err = gd_record_validate(r, gd_ledger_config(l))) < 0 ||
		    (err = gd_ledger_stage(c, r)) < 0)
			goto done;
		moved[n++] = r;
	}
	if (!n) {
		printf(_("no records owned by %s\n"), from);
		goto done;
	}
	if (asprintf(&summary, "reassign: %zu record%s from %s to %s", n,
		     n == 1 ? "" : "s", from, to) < 0) {
		summary = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	if ((err = cmd_commit(l, c, "reassign", summary, &committed)) < 0)
		goto done;
	printf(P_("handed %zu record from %s to %s:\n\n",
		  "handed %zu records from %s to %s:\n\n", n), n, from, to);
	{
		gd_due_filter f = {0};
		gd_due_item *items = NULL;
		size_t ni = 0;
		f.kind = -1;
		f.all = 1;
		f.days = 36500;
		f.local = 1;
		gd_due_list(&items, &ni, moved, n, gd_ledger_config(l), today, &f);
		for (i = 0; i < ni; i++) {
			char d[GD_DATE_LEN];
			gd_date_format(d, items[i].due);
			printf(_("  %s/%s  %s  [%s]  due %s: %s\n"),
			       gd_kind_name(items[i].kind), items[i].id,
			       items[i].name ? items[i].name : "",
			       items[i].grade ? items[i].grade : "-",
			       d, items[i].detail);
		}
		gd_due_items_free(items, ni);
	}
done:
	free(summary);
	free(moved);
	gd_change_free(c);
	gd_ledger_free(l);
	return err;
}

const struct cmd_entry cmd_reassign_entry = {
	"reassign", "reassign --from EMAIL --to EMAIL [--kind KIND] [--tier T]",
	N_("hand over records from one owner to another in one commit"),
	run,
};
