/*
 * gendan.c - main: global options, the command table, one error print.
 */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

#ifndef GENDAN_VERSION
#define GENDAN_VERSION "0"
#endif
#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
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
	&cmd_person_entry,
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
	"gendan [-C DIR] [--color=auto|always|never] [--version] [--help]\n"
	"              <command> [<args>]\n";

int cmd_main_usage(FILE *f)
{
	size_t i;

	fprintf(f, _("usage: %s"), main_usage);
	fputs(_("\ncommands:\n"), f);
	for (i = 0; cmd_table[i]; i++)
		fprintf(f, "   %-10s %s\n", cmd_table[i]->name,
			_(cmd_table[i]->summary));
	fputs(_("\nSee 'gendan help <command>' or 'gendan <command> --help'.\n"), f);
	return f == stdout ? 0 : 2;
}

/* Does `dir` hold gendan's catalog for the language `lang` names
 * (zh_CN.UTF-8, then zh_CN, then zh, as gettext looks)? */
static int has_catalog(const char *dir, const char *lang)
{
	char name[64], path[4096];
	size_t len;
	int tries;

	if (!lang || !*lang || !strcmp(lang, "C") || !strcmp(lang, "POSIX"))
		return 0;
	len = strcspn(lang, ":");
	if (len >= sizeof(name))
		return 0;
	memcpy(name, lang, len);
	name[len] = '\0';
	for (tries = 0; tries < 3; tries++) {
		snprintf(path, sizeof(path), "%s/%s/LC_MESSAGES/%s.mo", dir, name,
			 GD_TEXTDOMAIN);
		if (access(path, R_OK) == 0)
			return 1;
		name[strcspn(name, tries ? "_" : ".@")] = '\0';
	}
	return 0;
}

/* The translations: $GENDAN_LOCALEDIR; else the installed LOCALEDIR when
 * it has a catalog for the language asked for; else po/ beside the
 * executable, where a build tree keeps them (as git finds its runtime
 * prefix from its own path), so ./build/gendan speaks Chinese too. */
static const char *locale_dir(char *buf, size_t size)
{
	const char *dir = getenv("GENDAN_LOCALEDIR"), *lang = getenv("LANGUAGE");
	ssize_t n;
	char *slash;

	if (dir && *dir)
		return dir;
	if (!lang || !*lang)
		lang = setlocale(LC_MESSAGES, NULL);
	if (has_catalog(LOCALEDIR, lang))
		return LOCALEDIR;
	n = readlink("/proc/self/exe", buf, size - 4);
	if (n <= 0 || (size_t)n >= size - 4)
		return LOCALEDIR;
	buf[n] = '\0';
	if (!(slash = strrchr(buf, '/')))
		return LOCALEDIR;
	memcpy(slash + 1, "po", 3);
	return has_catalog(buf, lang) ? buf : LOCALEDIR;
}

/*
 * Messages follow LANG, LC_ALL, LC_MESSAGES and LANGUAGE; nothing else
 * does.  Every other category stays "C" (numbers, dates, collation), so
 * amounts and dates parse and print the same in every locale, with UTF-8
 * as the character set but ASCII rules for case: tolower() in a Turkish
 * locale must not turn ids and `today` into something else.
 */
static void setup_language(void)
{
	char buf[4096];

	/* a locale that is not installed leaves messages in English */
	(void)setlocale(LC_MESSAGES, "");
	(void)setlocale(LC_CTYPE, "C.UTF-8");
	bindtextdomain(GD_TEXTDOMAIN, locale_dir(buf, sizeof(buf)));
	bind_textdomain_codeset(GD_TEXTDOMAIN, "UTF-8");
	textdomain(GD_TEXTDOMAIN);
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

	/* gendan waits for the programs it runs (ssh, git, credential
	 * helpers): an ignored SIGCHLD inherited from a launcher would make
	 * the kernel reap them first */
	(void)signal(SIGCHLD, SIG_DFL);
	setup_language();
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-C")) {
			if (++i >= argc) {
				fputs(_("gendan: -C needs a directory\n"), stderr);
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
			fprintf(stderr, _("gendan: unknown option '%s'\n"), a);
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
		fprintf(stderr, _("gendan: invalid --color '%s': use auto, always or never\n"),
			color);
		return 2;
	}
	if (!(e = lookup(argv[i]))) {
		fprintf(stderr, _("gendan: '%s' is not a gendan command. See 'gendan --help'.\n"),
			argv[i]);
		return 2;
	}
	/* getopt names the program in its messages: "gendan log: ..." */
	{
		char prog[64];
		snprintf(prog, sizeof(prog), "gendan %s", e->name);
		argv[i] = prog;
		ctx.flags = e->flags;
		err = e->run(argc - i, argv + i, &ctx);
		gd_ledger_free(ctx.ledger);
	}
	if ((fflush(stdout) != 0 || ferror(stdout)) && err >= 0) {
		fputs(_("gendan: cannot write output\n"), stderr);
		return 1;
	}
	if (err >= 0)
		return 0;
	if (err == GD_EUSAGE)
		return 2;
	if (*gd_error_last())
		cmd_say(stderr, "gendan: %s\n", gd_error_last());
	return 1;
}
