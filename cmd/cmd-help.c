/*
 * cmd-help.c - gendan help [COMMAND].
 */
#include <string.h>

#include "cmd.h"

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	size_t i;

	(void)ctx;
	if (argc > 2)
		return cmd_usage(&cmd_help_entry);
	if (argc == 1)
		return cmd_main_usage(stdout);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help(&cmd_help_entry);
	for (i = 0; cmd_table[i]; i++)
		if (!strcmp(cmd_table[i]->name, argv[1]))
			return cmd_help(cmd_table[i]);
	gd_error_set(GD_EUSAGE, _("'%s' is not a gendan command"), argv[1]);
	fprintf(stderr, "gendan: %s\n", gd_error_last());
	return GD_EUSAGE;
}

const struct cmd_entry cmd_help_entry = {
	"help", "help [COMMAND]", N_("show help for gendan or a command"),
	0, run,
};
