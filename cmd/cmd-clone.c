/*
 * cmd-clone.c - gendan clone URL [DIR]: a shared ledger, locally.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* The last path component of URL without ".git": git's default DIR. */
static char *default_dir(const char *url)
{
	size_t len = strlen(url);
	const char *start;
	char *dir;

	while (len && url[len - 1] == '/')
		len--;
	start = url + len;
	while (start > url && start[-1] != '/' && start[-1] != ':')
		start--;
	dir = strndup(start, (size_t)(url + len - start));
	if (dir && strlen(dir) > 4 && !strcmp(dir + strlen(dir) - 4, ".git"))
		dir[strlen(dir) - 4] = '\0';
	return dir;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char *dir = NULL;
	int ch, err;

	(void)ctx;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h': return cmd_help(&cmd_clone_entry);
		default: return cmd_usage(&cmd_clone_entry);
		}
	}
	if (argc - optind < 1 || argc - optind > 2)
		return cmd_usage(&cmd_clone_entry);
	dir = argc - optind == 2 ? strdup(argv[optind + 1]) : default_dir(argv[optind]);
	if (!dir || !*dir) {
		free(dir);
		return gd_error_set(GD_EINVALID, _("cannot name a directory for '%s': give DIR"),
				    argv[optind]);
	}
	cmd_progress_start();
	err = gd_store_clone(argv[optind], dir);
	cmd_progress_end();
	if (err == 0)
		printf(_("Cloned gendan ledger into %s\n"), dir);
	free(dir);
	return err;
}

const struct cmd_entry cmd_clone_entry = {
	"clone", "clone URL [DIR]", N_("clone a shared ledger"),
	0, run,
};
