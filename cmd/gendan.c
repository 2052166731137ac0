/*
 * gendan.c - main: global options, the command table, one error print.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

#ifndef GENDAN_VERSION
#define GENDAN_VERSION "0"
#endif

const struct cmd_entry *const cmd_table[] = {
	&cmd_add_entry,
	&cmd_check_entry,
	&cmd_clone_entry,
	&cmd_commit_entry,
	&cmd_due_entry,
	&cmd_edit_entry,
	&cmd_export_entry,
	&cmd_find_entry,
	&cmd_help_entry,
	&cmd_history_entry,
	&cmd_hold_entry,
	&cmd_import_entry,
	&cmd_init_entry,
	&cmd_log_entry,
	&cmd_ls_entry,
	&cmd_pay_entry,
	&cmd_reassign_entry,
	&cmd_reclaim_entry,
	&cmd_report_entry,
	&cmd_set_entry,
	&cmd_show_entry,
	&cmd_stage_entry,
	&cmd_stats_entry,
	&cmd_status_entry,
	&cmd_sync_entry,
	&cmd_undo_entry,
	NULL,
};

static const char main_usage[] =
	"usage: gendan [-C DIR] [--color=auto|always|never] [--version] [--help]\n"
	"              <command> [<args>]\n";

int cmd_main_usage(FILE *f)
{
	size_t i;

	fputs(main_usage, f);
	fputs("\ncommands:\n", f);
	for (i = 0; cmd_table[i]; i++)
		fprintf(f, "   %-10s %s\n", cmd_table[i]->name,
			cmd_table[i]->summary);
	fputs("\nSee 'gendan help <command>' or 'gendan <command> --help'.\n", f);
	return f == stdout ? 0 : 2;
}

static const struct cmd_entry *lookup(const char *name)
{
	size_t i;

	for (i = 0; cmd_table[i]; i++)
		if (!strcmp(cmd_table[i]->name, name))
			return cmd_table[i];
	return NULL;
}

int main(int argc, char **argv)
{
	struct cmd_ctx ctx = {0};
	const char *color = "auto";
	const struct cmd_entry *e;
	int i, err;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-C")) {
			if (++i >= argc) {
				fputs("gendan: -C needs a directory\n", stderr);
				return 2;
			}
			ctx.dir = argv[i];
		} else if (!strncmp(a, "-C", 2)) {
			ctx.dir = a + 2;
		} else if (!strncmp(a, "--color=", 8)) {
			color = a + 8;
		} else if (!strcmp(a, "--color")) {
			color = "always";
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			return cmd_main_usage(stdout);
		} else if (!strcmp(a, "--version")) {
			printf("gendan %s\n", GENDAN_VERSION);
			return 0;
		} else {
			fprintf(stderr, "gendan: unknown option '%s'\n", a);
			cmd_main_usage(stderr);
			return 2;
		}
	}
	if (i >= argc)
		return cmd_main_usage(stderr);
	ctx.tty = isatty(STDOUT_FILENO);
	if (!strcmp(color, "always")) {
		ctx.color = 1;
	} else if (!strcmp(color, "never")) {
		ctx.color = 0;
	} else if (!strcmp(color, "auto")) {
		const char *nc = getenv("NO_COLOR");
		ctx.color = ctx.tty && !(nc && *nc);
	} else {
		fprintf(stderr, "gendan: invalid --color '%s': use auto, always or never\n",
			color);
		return 2;
	}
	if (!(e = lookup(argv[i]))) {
		fprintf(stderr, "gendan: '%s' is not a gendan command. See 'gendan --help'.\n",
			argv[i]);
		return 2;
	}
	/* getopt names the program in its messages: "gendan log: ..." */
	{
		char prog[64];
		snprintf(prog, sizeof(prog), "gendan %s", e->name);
		argv[i] = prog;
		err = e->run(argc - i, argv + i, &ctx);
	}
	if ((fflush(stdout) != 0 || ferror(stdout)) && err >= 0) {
		fputs("gendan: cannot write output\n", stderr);
		return 1;
	}
	if (err >= 0)
		return 0;
	if (err == GD_EUSAGE)
		return 2;
	if (*gd_error_last())
		fprintf(stderr, "gendan: %s\n", gd_error_last());
	return 1;
}
