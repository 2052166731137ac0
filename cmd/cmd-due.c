/*
 * cmd-due.c - gendan due: what is due today or overdue (or within N days).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cmd.h"

enum { O_DAYS = 256, O_ALL, O_OWNER, O_KIND, O_TIER, O_EXPLAIN, O_FORMAT };

static void when(char *buf, size_t size, int days_late)
{
	if (days_late > 0)
		snprintf(buf, size, _("%dd late"), days_late);
	else if (days_late == 0)
		snprintf(buf, size, "%s", _("today"));
	else
		snprintf(buf, size, _("in %dd"), -days_late);
}

#define HOUR ((int64_t)3600)
#define TWO_DAYS ((int64_t)2 * 86400)

/* A reply owed is due at a time: within two days of it, say the hours
 * ("in 3h", "5h late"); 0 when the day's words are meant (a hold moved
 * it, or it is farther). */
static int reply_hours(char *buf, size_t size, const gd_due_item *it,
		       const gd_config *cfg, const gd_time *now)
{
	gd_time at = {it->received + cfg->reply_within, now->off};
	int64_t left = at.t - now->t;

	if (it->reason != GD_DUE_REPLY || !it->received ||
	    gd_time_date(&at) != it->due || left >= TWO_DAYS || left <= -TWO_DAYS)
		return 0;
	if (left > 0)
		snprintf(buf, size, _("in %dh"), (int)((left + HOUR - 1) / HOUR));
	else
		snprintf(buf, size, _("%dh late"),
			 (int)(-left / HOUR > 0 ? -left / HOUR : 1));
	return 1;
}

static void print_table(const gd_due_item *items, size_t n, int explain,
			const gd_config *cfg, const gd_time *now,
			struct cmd_ctx *ctx)
{
	static const char *const headers[] = {N_("DUE"), N_("WHEN"), N_("REF"),
					      N_("NAME"), N_("GRADE"), N_("OWNER"),
					      N_("DETAIL")};
	gd_table *t = cmd_table_new(7, headers);
	struct winsize ws;
	size_t i, width = 0;

	for (i = 0; i < n; i++) {
		char due[GD_DATE_LEN], w[32], ref[128];
		const char *cells[7];
		gd_date_format(due, items[i].due);
		if (!reply_hours(w, sizeof(w), &items[i], cfg, now))
			when(w, sizeof(w), items[i].days_late);
		snprintf(ref, sizeof(ref), "%s/%s",
			 gd_kind_name(items[i].kind), items[i].id);
		cells[0] = due;
		cells[1] = w;
		cells[2] = ref;
		cells[3] = items[i].name;
		cells[4] = items[i].grade;
		cells[5] = gd_roster_display(cfg->team, items[i].owner);
		cells[6] = explain ? items[i].explain : items[i].detail;
		gd_table_add(t, cells,
			     items[i].days_late > 0    ? GD_RED
			     : items[i].days_late == 0 ? GD_YELLOW
						       : GD_PLAIN);
	}
	if (ctx->tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		width = ws.ws_col;
	if (n)
		cmd_print(gd_table_render(t, ctx->color, width));
	else
		puts(_("nothing due"));
	gd_table_free(t);
}

static void print_tsv(const gd_due_item *items, size_t n, int explain)
{
	static const char *const headers[] = {
		"id", "kind", "name", "owner", "grade", "due",
		"days_late", "reason", "detail", "path", "explain"};
	size_t i, ncols = explain ? 11 : 10;

	cmd_print(gd_tsv_line(headers, ncols));
	for (i = 0; i < n; i++) {
		char due[GD_DATE_LEN], late[16];
		const char *cells[11];
		gd_date_format(due, items[i].due);
		snprintf(late, sizeof(late), "%d", items[i].days_late);
		cells[0] = items[i].id;
		cells[1] = gd_kind_name(items[i].kind);
		cells[2] = items[i].name;
		cells[3] = items[i].owner;
		cells[4] = items[i].grade;
		cells[5] = due;
		cells[6] = late;
		cells[7] = gd_due_reason_name(items[i].reason);
		cells[8] = items[i].detail;
		cells[9] = items[i].path;
		cells[10] = items[i].explain;
		cmd_print(gd_tsv_line(cells, ncols));
	}
}

/* Unpushed work is work a colleague cannot see: say so, offline. */
static void remind_sync(gd_ledger *l, long long now)
{
	gd_store_state st;

	if (gd_store_state_get(gd_ledger_store(l), &st) < 0 || !st.has_upstream)
		return;
	if (st.ahead)
		fprintf(stderr, P_("note: %zu commit not pushed: run 'gendan sync'\n",
				   "note: %zu commits not pushed: run 'gendan sync'\n",
				   st.ahead),
			st.ahead);
	else if (st.last_sync && now - st.last_sync > 86400)
		fprintf(stderr, _("note: last sync %lld days ago: run 'gendan sync'\n"),
			(now - st.last_sync) / 86400);
}

static int parse_days(int *out, const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 0 || v > 36500) {
		fprintf(stderr, _("gendan: invalid --days '%s': a number of days\n"), s);
		return GD_EUSAGE;
	}
	*out = (int)v;
	return 0;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"days", required_argument, NULL, O_DAYS},
		{"all", no_argument, NULL, O_ALL},
		{"owner", required_argument, NULL, O_OWNER},
		{"kind", required_argument, NULL, O_KIND},
		{"tier", required_argument, NULL, O_TIER},
		{"explain", no_argument, NULL, O_EXPLAIN},
		{"format", required_argument, NULL, O_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_due_filter f = {0};
	gd_ledger *l = NULL;
	gd_due_item *items = NULL;
	gd_due_scan *keep = NULL;
	size_t n = 0;
	gd_time now;
	gd_date today;
	char *owner = NULL;
	int ch, err, format = FMT_TABLE, explain = 0;

	f.kind = -1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case O_DAYS:
			if (parse_days(&f.days, optarg) < 0)
				return cmd_usage(&cmd_due_entry);
			break;
		case O_ALL: f.all = 1; break;
		case O_OWNER: f.owner = optarg; break;
		case O_KIND:
			if ((err = cmd_kind(&f.kind, optarg, &cmd_due_entry)) < 0)
				return err;
			break;
		case O_TIER: f.tier = optarg; break;
		case O_EXPLAIN: explain = 1; break;
		case O_FORMAT:
			if ((err = cmd_format(&format, optarg, "table,json,tsv")) < 0)
				return err;
			break;
		case 'h': return cmd_help(&cmd_due_entry);
		default: return cmd_usage(&cmd_due_entry);
		}
	}
	if (optind != argc || (f.all && f.owner)) {
		if (f.all && f.owner)
			fputs(_("gendan: --all and --owner exclude each other\n"), stderr);
		return cmd_usage(&cmd_due_entry);
	}
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	f.me = gd_store_me(gd_ledger_store(l));
	if (f.owner && (err = cmd_owner_filter(l, &owner, f.owner, today)) < 0)
		return err;
	f.owner = owner;
	if (!f.all && !f.owner && (!f.me || !*f.me))
		return gd_error_set(GD_EIDENTITY,
				    _("due: who is 'me'? set 'git config --global user.email you@example.com', or give --all or --owner EMAIL"));
	f.local = format == FMT_TABLE;
	if ((err = gd_ledger_due(l, &items, &n, &keep, today, &f,
				 cmd_print_bad, NULL)) < 0) {
		free(owner);
		return err;
	}
	if (format == FMT_JSON)
		cmd_print(gd_json_due(items, n, explain));
	else if (format == FMT_TSV)
		print_tsv(items, n, explain);
	else
		print_table(items, n, explain, gd_ledger_config(l), &now, ctx);
	if (format == FMT_TABLE)
		remind_sync(l, now.t);
	gd_due_items_free(items, n);
	gd_due_scan_free(keep);
	free(owner);
	return 0;
}

const struct cmd_entry cmd_due_entry = {
	"due",
	"due [--days N] [--all | --owner EMAIL] [--kind KIND] [--tier T] [--explain]\n"
	"                  [--format=table|json|tsv]",
	N_("list what is due today or overdue (or within N days): mine and unowned by default"),
	CMD_LEDGER,
	run,
};
