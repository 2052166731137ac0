/*
 * cmd-history.c - gendan history REF [--patch]: the commits that touched
 * a record, newest first.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"

/* A patch, line by line, inert on a terminal (SPEC 5): its text comes
 * from records and commits. */
static void patch_lines(const char *p, size_t len)
{
	const char *end = p + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line = strndup(p, n), *x = line ? gd_inert(line) : NULL;
		if (x)
			puts(x);
		free(x);
		free(line);
		p += n + (nl != NULL);
	}
}

static void line(void *ctx, const gd_commit_info *c)
{
	time_t t = (time_t)(c->time + (time_t)c->offset * 60);
	struct tm tm;
	char when[32], *author, *summary;

	(void)ctx;
	if (!gmtime_r(&t, &tm) ||
	    !strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm))
		snprintf(when, sizeof(when), "?");
	author = gd_inert(c->author ? c->author : "");
	summary = gd_inert(c->summary ? c->summary : "");
	printf("%s  %s  %-20s  %s\n", c->id, when, author, summary);
	free(author);
	free(summary);
	if (c->patch)
		patch_lines(c->patch, c->patch_len);
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"patch", no_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	gd_record *r = NULL;
	int patch = 0, ch, err;

	while ((ch = getopt_long(argc, argv, "ph", opts, NULL)) != -1) {
		switch (ch) {
		case 'p': patch = 1; break;
		case 'h': return cmd_help(&cmd_history_entry);
		default: return cmd_usage(&cmd_history_entry);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(&cmd_history_entry);
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = cmd_find(l, &r, argv[optind], -1)) == 0)
		err = gd_store_history(gd_ledger_store(l), r->path, patch, line, NULL);
	return err;
}

const struct cmd_entry cmd_history_entry = {
	"history", "history REF [--patch]",
	N_("the commits that touched a record, newest first (--patch: with diffs)"),
	CMD_LEDGER,
	run,
};
