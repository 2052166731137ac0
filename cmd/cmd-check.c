/*
 * cmd-check.c - gendan check: validate the configuration and every record,
 * one line per problem naming its file; exit 1 if anything is wrong.
 */
#include <getopt.h>
#include <stdlib.h>

#include "cmd.h"

static void count(void *ctx, const char *message)
{
	size_t *problems = ctx;

	fprintf(stderr, "%s\n", message);
	(*problems)++;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	size_t i, problems = 0;
	int ch, err;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h': return cmd_help(&cmd_check_entry);
		default: return cmd_usage(&cmd_check_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_check_entry);
	if ((err = gd_ledger_open(&l, ctx->dir)) < 0)
		return err;
	gd_ledger_load(l, count, &problems);
	gd_ledger_misplaced(l, count, &problems);
	for (i = 0; i < l->n; i++) {
		const gd_node *c = gd_node_get(l->recs[i]->root, "conflicts");
		if (c && c->type == GD_SEQ && c->n) {
			fprintf(stderr, "%s: %zu open conflict%s from sync (edit the record to resolve)\n",
				l->recs[i]->path, c->n, c->n == 1 ? "" : "s");
			problems++;
		}
	}
	if (problems) {
		err = gd_error_set(GD_EINVALID, "%zu problem%s in %s", problems,
				   problems == 1 ? "" : "s", l->root);
	} else {
		printf("%zu records, no problems\n", l->n);
	}
	gd_ledger_free(l);
	return err;
}

const struct cmd_entry cmd_check_entry = {
	"check", "check",
	"validate gendan.yaml and every record; exit 1 if anything is wrong",
	run,
};
