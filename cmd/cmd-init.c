/*
 * cmd-init.c - gendan init [DIR] [--remote URL]: a new ledger;
 * gendan init --bare DIR: a shared server repository with its hook.
 */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd.h"

/* The server repository, its hook running this very gendan. */
static int init_bare(const char *dir)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	int err;

	if (n <= 0)
		return gd_error_set(GD_EIO, _("cannot find the path of gendan itself"));
	self[n] = '\0';
	if ((err = gd_store_init_bare(dir, self)) < 0)
		return err;
	printf(_("Initialized shared gendan repository in %s\n"), dir);
	return 0;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"remote", required_argument, NULL, 'r'},
		{"bare", no_argument, NULL, 'b'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *remote = NULL, *dir;
	char cwd[4096];
	int c, err, bare = 0;

	while ((c = getopt_long(argc, argv, "r:h", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			remote = optarg;
			break;
		case 'b':
			bare = 1;
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
	if (bare)
		return dir && !remote ? init_bare(dir) : cmd_usage(&cmd_init_entry);
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
	"init", "init [DIR] [--remote URL] | init --bare DIR",
	N_("create a new ledger: a git repository, gendan.yaml and a first commit"),
	0,
	run,
};
