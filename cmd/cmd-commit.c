/*
 * cmd-commit.c - gendan commit [-m MSG]: validate and commit records
 * edited by hand.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"

/* The log is append-only (SPEC 5), as the shared remote's hook will
 * judge: every entry HEAD's version has is still there. */
static int log_kept(gd_ledger *l, const char *path, const char *abs)
{
	char *old = NULL, *now = NULL;
	size_t olen = 0, nlen = 0;
	int err;

	if ((err = gd_store_head_file(gd_ledger_store(l), path, &old, &olen)) == 0 && old &&
	    (err = cmd_read_file(&now, &nlen, abs)) == 0 &&
	    (err = gd_guard_log_kept(path, old, olen, now, nlen)) < 0) {
		char *why = strdup(gd_error_last());
		err = gd_error_set(GD_EINVALID, _("%s: %s; log a correction instead"), path,
				   why ? why : "");
		free(why);
	}
	free(old);
	free(now);
	return err;
}

/* A changed path that still exists must be a valid record or config. */
static int validate(gd_ledger *l, const char *path)
{
	char *abs = NULL;
	struct stat st;
	gd_record *r = NULL;
	gd_config *cfg = NULL;
	int err;

	if (asprintf(&abs, "%s/%s", gd_ledger_root(l), path) < 0)
		return gd_error_set(GD_ERROR, _("out of memory"));
	if (lstat(abs, &st) < 0) {
		free(abs);
		return 0; /* a deletion */
	}
	if (!strcmp(path, "gendan.yaml"))
		err = gd_config_load(&cfg, abs, path);
	else if (strlen(path) > 5 && !strcmp(path + strlen(path) - 5, ".yaml"))
		err = gd_ledger_read(l, &r, path) < 0 ? GD_EINVALID : log_kept(l, path, abs);
	else
		err = 0;
	gd_config_free(cfg);
	gd_record_free(r);
	free(abs);
	return err;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"message", required_argument, NULL, 'm'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *message = NULL;
	gd_ledger *l = NULL;
	char **paths = NULL, *summary = NULL, *msg = NULL;
	size_t i, n = 0, bad = 0;
	int ch, err;

	while ((ch = getopt_long(argc, argv, "m:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'm': message = optarg; break;
		case 'h': return cmd_help(&cmd_commit_entry);
		default: return cmd_usage(&cmd_commit_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_commit_entry);
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = gd_store_changed_paths(gd_ledger_store(l), &paths, &n)) < 0)
		goto done;
	if (!n) {
		puts(_("nothing to commit"));
		goto done;
	}
	for (i = 0; i < n; i++)
		if (validate(l, paths[i]) < 0) {
			cmd_say(stderr, "gendan: %s\n", gd_error_last());
			bad++;
		}
	if (bad) {
		err = gd_error_set(GD_EINVALID, P_("%zu invalid file: nothing committed",
				      "%zu invalid files: nothing committed", bad),
				   bad);
		goto done;
	}
	if (message)
		summary = cmd_oneline(message, 72);
	else if (asprintf(&summary, "commit: hand edits to %zu file%s", n,
			  n == 1 ? "" : "s") < 0)
		summary = NULL;
	if (!summary) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	msg = gd_store_message(summary, "commit", paths, n);
	if ((err = gd_store_commit_paths(gd_ledger_store(l), paths, n, msg)) < 0)
		goto done;
	printf(P_("committed %zu file\n", "committed %zu files\n", n), n);
done:
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(summary);
	free(msg);
	return err;
}

const struct cmd_entry cmd_commit_entry = {
	"commit", "commit [-m MESSAGE]",
	N_("validate and commit records edited by hand"),
	CMD_LEDGER | CMD_LOCK,
	run,
};
