/*
 * cmd-check.c - gendan check: validate the configuration and every record,
 * one line per problem naming its file; exit 1 if anything is wrong.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static void count(void *ctx, const char *message)
{
	size_t *problems = ctx;

	fprintf(stderr, "%s\n", message);
	(*problems)++;
}

/* One pushed file: gendan.yaml parses as a configuration, a record parses
 * and validates against the pushed configuration. */
static int hook_file(void *ctx, const char *path, const char *buf, size_t len,
		     const char *config, size_t clen)
{
	gd_config *cfg = NULL;
	gd_node *root = NULL;
	gd_record *r = NULL;
	int err;

	(void)ctx;
	if (!strcmp(path, "gendan.yaml") || strchr(path, '/') == NULL) {
		if (strcmp(path, "gendan.yaml"))
			return 0; /* README and the like */
		if ((err = gd_yaml_parse(&root, buf, len, path)) == 0)
			err = gd_config_from_node(&cfg, root, path);
		goto done;
	}
	if (!config) {
		cfg = gd_config_default();
	} else if ((err = gd_yaml_parse(&root, config, clen, "gendan.yaml")) < 0 ||
		   (err = gd_config_from_node(&cfg, root, "gendan.yaml")) < 0) {
		goto done;
	}
	if ((err = gd_record_parse(&r, path, buf, len)) == 0)
		err = gd_record_validate(r, cfg);
done:
	gd_record_free(r);
	gd_node_free(root);
	gd_config_free(cfg);
	return err;
}

static void hook_report(void *ctx, const char *message)
{
	(void)ctx;
	fprintf(stderr, "gendan: %s\n", message);
}

static int run_hook(void)
{
	const char *gitdir = getenv("GIT_DIR");

	return gd_store_hook(gitdir && *gitdir ? gitdir : ".", stdin, hook_file,
			     NULL, hook_report);
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"hook", no_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	size_t i, problems = 0;
	int ch, err, hook = 0;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'k': hook = 1; break;
		case 'h': return cmd_help(&cmd_check_entry);
		default: return cmd_usage(&cmd_check_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_check_entry);
	if (hook)
		return run_hook();
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
	"check", "check [--hook]",
	"validate gendan.yaml and every record; exit 1 if anything is wrong (--hook: as a pre-receive hook)",
	run,
};
