/*
 * cmd-undo.c - gendan undo [--force]: revert the last gendan commit with
 * a new commit.
 */
#include <getopt.h>
#include <stdlib.h>

#include "cmd.h"

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"force", no_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	char *summary = NULL;
	int force = 0, ch, err;

	while ((ch = getopt_long(argc, argv, "fh", opts, NULL)) != -1) {
		switch (ch) {
		case 'f': force = 1; break;
		case 'h': return cmd_help(&cmd_undo_entry);
		default: return cmd_usage(&cmd_undo_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_undo_entry);
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	{
		char **paths = NULL;
		size_t n = 0, i;
		if ((err = gd_store_changed_paths(gd_ledger_store(l), &paths, &n)) == 0 && n)
			err = gd_error_set(GD_ECONFLICT,
					   P_("%zu file edited by hand and not committed: run 'gendan commit' first",
					      "%zu files edited by hand and not committed: run 'gendan commit' first",
					      n),
					   n);
		for (i = 0; i < n; i++)
			free(paths[i]);
		free(paths);
	}
	if (!err && (err = gd_store_undo(gd_ledger_store(l), force, &summary)) == 0)
		cmd_say(stdout, _("undone: %s\n"), summary);
	free(summary);
	return err;
}

const struct cmd_entry cmd_undo_entry = {
	"undo", "undo [--force]",
	N_("revert the last gendan commit with a new commit (refused once pushed, unless --force)"),
	CMD_LEDGER | CMD_LOCK,
	run,
};
