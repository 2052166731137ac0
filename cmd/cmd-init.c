/*
 * cmd-init.c - gendan init [DIR] [--remote URL]: a new ledger.
 */
#include <getopt.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd.h"

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"remote", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *remote = NULL, *dir;
	char cwd[4096];
	int c, err;

	while ((c = getopt_long(argc, argv, "r:h", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			remote = optarg;
			break;
		case 'h':
			return cmd_help(&cmd_init_entry);
		default:
			return cmd_usage(&cmd_init_entry);
		}
	}
	if (argc - optind > 1)
		return cmd_usage(&cmd_init_entry);
	dir = optind < argc ? argv[optind] : ctx->dir;
	if (!dir) {
		if (!getcwd(cwd, sizeof(cwd)))
			return gd_error_set(GD_EIO, _("cannot find the current directory"));
		dir = cwd;
	}
	if ((err = gd_store_init(dir, gd_config_default_text(), remote)) < 0)
		return err;
	printf(_("Initialized gendan ledger in %s\n"), dir);
	return 0;
}

const struct cmd_entry cmd_init_entry = {
	"init", "init [DIR] [--remote URL]",
	N_("create a new ledger: a git repository, gendan.yaml and a first commit"),
	0,
	run,
};
