/*
 * cmd-find.c - gendan find TEXT: search names, companies, emails, phones
 * (digits only) and notes.  Look before you add.
 */
#include <getopt.h>
#include <stdlib.h>

#include "cmd.h"

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_list_filter f = {-1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL};
	gd_ledger *l = NULL;
	gd_entry *hits = NULL;
	size_t n = 0;
	int ch, err, format = FMT_TABLE;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if ((err = cmd_format(&format, optarg, "table,json,tsv")) < 0)
				return err;
			break;
		case 'h': return cmd_help(&cmd_find_entry);
		default: return cmd_usage(&cmd_find_entry);
		}
	}
	if (argc - optind != 1 || !*argv[optind])
		return cmd_usage(&cmd_find_entry);
	f.text = argv[optind];
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = gd_ledger_list(l, &hits, &n, &f, cmd_print_bad, NULL)) == 0)
		err = cmd_list(l, hits, n, -1, format, ctx);
	free(hits);
	return err;
}

const struct cmd_entry cmd_find_entry = {
	"find", "find TEXT [--format=table|json|tsv]",
	N_("search names, companies, emails, phones (digits only) and notes"),
	CMD_LEDGER,
	run,
};
