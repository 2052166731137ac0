/*
 * cmd-status.c - gendan status: records by kind, hand edits not
 * committed, unpushed commits and the last sync; never the network.
 */
#include <getopt.h>
#include <stdlib.h>
#include <time.h>

#include "cmd.h"

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_list_filter all = {-1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL};
	gd_ledger *l = NULL;
	gd_entry *e = NULL;
	gd_store_state st;
	char **paths = NULL;
	size_t counts[GD_NKINDS] = {0}, i, n = 0, ne = 0;
	gd_time now;
	gd_date today;
	int ch, err;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h': return cmd_help(&cmd_status_entry);
		default: return cmd_usage(&cmd_status_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_status_entry);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	/* counted from the list summary; bad records are named and counted */
	if ((err = gd_ledger_list(l, &e, &ne, &all, cmd_print_bad, NULL)) < 0 ||
	    (err = gd_store_state_get(gd_ledger_store(l), &st)) < 0 ||
	    (err = gd_store_changed_paths(gd_ledger_store(l), &paths, &n)) < 0)
		goto done;
	for (i = 0; i < ne; i++)
		counts[e[i].kind]++;
	printf(_("ledger %s (branch %s)\n"), gd_ledger_root(l), st.branch);
	printf(_("records: %zu customers, %zu inquiries, %zu orders"), counts[GD_CUSTOMER],
	       counts[GD_INQUIRY], counts[GD_ORDER]);
	if (gd_ledger_nbad(l))
		printf(_(", %zu unreadable (see 'gendan check')"), gd_ledger_nbad(l));
	putchar('\n');
	if (n) {
		fputs(_("edited by hand, not committed (run 'gendan commit'):\n"), stdout);
		for (i = 0; i < n; i++)
			cmd_say(stdout, "  %s\n", paths[i]);
	}
	if (!st.has_upstream)
		puts(_("remote: none synced yet (gendan sync)"));
	else
		printf(P_("remote: %zu commit not pushed, %zu fetched not merged\n",
			  "remote: %zu commits not pushed, %zu fetched not merged\n",
			  st.ahead),
		       st.ahead, st.behind);
	if (st.last_sync) {
		long long ago = (long long)now.t - st.last_sync;
		printf(P_("last sync: %lld hour ago%s\n", "last sync: %lld hours ago%s\n",
			  (unsigned long)(ago / 3600)),
		       ago / 3600,
		       ago > 86400 ? _(" (more than a day: run 'gendan sync')") : "");
	}
done:
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(e);
	return err;
}

const struct cmd_entry cmd_status_entry = {
	"status", "status",
	N_("the ledger's state: records, hand edits, unpushed commits, last sync"),
	CMD_LEDGER,
	run,
};
