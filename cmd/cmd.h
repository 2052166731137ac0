/*
 * cmd.h - what every subcommand shares: its table entry and helpers.
 *
 * Adding a command:
 *  1. cmd/cmd-<name>.c with a `const struct cmd_entry cmd_<name>_entry`
 *     and its flags: parse options with getopt_long, cmd_setup() for the
 *     ledger when the flags ask for one, call lib/, print;
 *  2. its pointer in the alphabetised table in cmd/gendan.c;
 *  3. the file in meson.build;
 *  4. docs/gendan-<name>.1 and a line in docs/gendan.1;
 *  5. its options in completions/ (bash, zsh, fish);
 *  6. tests/cli/tNNNN-<name>.sh (t0020-docs.sh checks 2, 4 and 5).
 */
#ifndef GENDAN_CMD_H
#define GENDAN_CMD_H

#include <libintl.h>
#include <stdio.h>

#include "gendan.h"

/* Messages for people, in their language (po/, see lib/internal.h);
 * main() makes GD_TEXTDOMAIN the program's domain.  Never for what
 * scripts read: JSON, TSV, ids, field and enum names, commit messages. */
#define _(s) gettext(s)
#define N_(s) s
#define P_(s, p, n) ngettext(s, p, n)

enum { FMT_TABLE, FMT_JSON, FMT_TSV, FMT_YAML };

/*
 * What a command needs, as git's RUN_SETUP: the ledger is opened, read
 * and locked as the flags say when the command calls cmd_setup(), once
 * its options are parsed (so that --help and usage errors need no
 * ledger), and main frees it after the command.
 */
enum {
	CMD_LEDGER = 1 << 0, /* works in a ledger (-C DIR or the current one) */
	CMD_LOAD = 1 << 1,   /* reads every record first, naming bad ones */
	CMD_LOCK = 1 << 2,   /* holds the ledger's lock: it writes */
};

struct cmd_ctx {
	const char *dir;    /* -C DIR */
	int color;          /* 1 colour, 0 none (after --color and NO_COLOR) */
	int tty;            /* stdout is a terminal */
	int flags;          /* the entry's; a command may drop CMD_LOCK
	                     * (--dry-run) before cmd_setup */
	gd_ledger *ledger;  /* opened by cmd_setup, freed by main */
};

struct cmd_entry {
	const char *name;
	const char *usage;   /* after "usage: gendan " */
	const char *summary; /* one line for `gendan help` */
	int flags;           /* CMD_LEDGER, CMD_LOAD, CMD_LOCK */
	int (*run)(int argc, char **argv, struct cmd_ctx *ctx);
};

/* gendan's usage and command list: on stdout returns 0, else 2. */
int cmd_main_usage(FILE *f);

/* clone and sync: a progress line on stderr when it is a terminal, as git
 * shows one (nothing otherwise); cmd_progress_end ends an open line. */
void cmd_progress_start(void);
void cmd_progress_end(void);

/* Print the entry's usage to stderr and return GD_EUSAGE (exit 2). */
int cmd_usage(const struct cmd_entry *e);
/* --help: the usage and summary on stdout. */
int cmd_help(const struct cmd_entry *e);

/* The command's ledger, opened as ctx->flags say: with CMD_LOCK its lock
 * held first, with CMD_LOAD every record read (bad ones on stderr).
 * Borrowed: main frees it after the command. */
int cmd_setup(struct cmd_ctx *ctx, gd_ledger **out);

/* --kind KIND (or a KIND argument): the kind, or -1 when value is NULL;
 * else the error and e's usage on stderr and GD_EUSAGE. */
int cmd_kind(int *out, const char *value, const struct cmd_entry *e);
/* A bad record met while listing: "gendan: <message>" on stderr. */
void cmd_print_bad(void *ctx, const char *message);

/* Today's local date per $GENDAN_NOW or the clock. */
int cmd_now(gd_time *now, gd_date *today);

/* Parse --format=VALUE among the allowed ones ("table,json,tsv"). */
int cmd_format(int *out, const char *value, const char *allowed);

/* Commit change c: summary, action, and the trailers of its paths.  Prints
 * nothing; *committed 0 when nothing changed. */
int cmd_commit(gd_ledger *l, gd_change *c, const char *action,
	       const char *summary, int *committed);

/* A one-line version of text for a commit summary (at most ~50 columns). */
char *cmd_oneline(const char *text, size_t max);

/* Write a malloc'd string to stdout and free it. */
void cmd_print(char *s);

/* printf to f, the whole text made inert (SPEC 5: names, owners, values
 * and subjects from records, files and commits never reach the terminal
 * as control characters); line breaks stay. */
void cmd_say(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* amount in currency as people read it ("USD 1,200.00"), the currency
 * whole however long; malloc'd (NULL when memory runs out). */
char *cmd_money_text(const char *cur, gd_dec amount);

/* cmd_print, made inert as cmd_say does (a report of several lines). */
void cmd_print_inert(char *s);

/* For an option with an optional date (--done [DATE]): the next argument
 * when it parses as a date, consumed by advancing *optind; else today.
 * The date says when something happened: 周五 is last Friday. */
int cmd_optional_date(gd_date *out, const char *optarg_, int argc, char **argv,
		      int *optind_, gd_date today);

/* The record REF names (gd_ledger_find), naming bad records on stderr. */
int cmd_find(gd_ledger *l, gd_record **out, const char *ref, int kind);

/* cmd_find, refusing a record with uncommitted hand edits. */
int cmd_find_clean(gd_ledger *l, gd_record **out, const char *ref, int kind);

/* The owner VALUE names (gd_roster_owner with the ledger's roster and me);
 * the caller frees *out. */
int cmd_owner(gd_ledger *l, char **out, const char *value, gd_date today);

/* The owner a --owner filter names (gd_roster_filter): `none`, `me`, an
 * email or a member's unique prefix; the caller frees *out. */
int cmd_owner_filter(gd_ledger *l, char **out, const char *value, gd_date today);

/* Stage and commit one changed record; "unchanged" when nothing changed. */
int cmd_save(gd_ledger *l, gd_record *r, const char *action,
	     const char *summary);

/* A table whose headers (marked N_) are translated. */
gd_table *cmd_table_new(size_t ncols, const char *const *headers);

/* Print entries as ls and find do, in the chosen format (JSON reads
 * their records); kind: the kind listed (orders have their own table), or
 * -1. */
int cmd_list(gd_ledger *l, const gd_entry *e, size_t n, int kind, int format,
	     struct cmd_ctx *ctx);

/* The whole of a file ("-": standard input), NUL-terminated.  Malloc'd. */
int cmd_read_file(char **out, size_t *len, const char *path);

/* Open $VISUAL/$EDITOR on a temp file holding text; *out its content after
 * the editor exits successfully. */
int cmd_edit_text(char **out, const char *text, const char *suffix);

extern const struct cmd_entry cmd_add_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_clone_entry;
extern const struct cmd_entry cmd_commit_entry;
extern const struct cmd_entry cmd_due_entry;
extern const struct cmd_entry cmd_edit_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_find_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_hold_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_log_entry;
extern const struct cmd_entry cmd_ls_entry;
extern const struct cmd_entry cmd_pay_entry;
extern const struct cmd_entry cmd_person_entry;
extern const struct cmd_entry cmd_reassign_entry;
extern const struct cmd_entry cmd_reclaim_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_set_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_stage_entry;
extern const struct cmd_entry cmd_stats_entry;
extern const struct cmd_entry cmd_status_entry;
extern const struct cmd_entry cmd_sync_entry;
extern const struct cmd_entry cmd_undo_entry;

/* The command table, NULL-terminated, in cmd/gendan.c. */
extern const struct cmd_entry *const cmd_table[];

#endif
