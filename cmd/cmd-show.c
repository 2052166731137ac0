/*
 * cmd-show.c - gendan show REF: a record and its timeline.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* Text from a record, inert on a terminal (SPEC 5). */
static void out(const char *s)
{
	char *x = gd_inert(s ? s : "");

	fputs(x, stdout);
	free(x);
}

/* A record's value on one line, inert; NULL for what is not flat. */
static char *flat(const gd_node *n)
{
	char *raw = gd_node_flat(n), *x;

	if (!raw)
		return NULL;
	x = gd_inert(raw);
	free(raw);
	return x;
}

/* A note of several lines: each on its own line, indented; CR LF and a
 * bare CR end a line as LF does. */
static void out_lines(const char *indent, const char *s)
{
	while (s) {
		size_t n = strcspn(s, "\r\n");
		char *line = strndup(s, n);
		fputs(indent, stdout);
		out(line);
		putchar('\n');
		free(line);
		if (!s[n])
			break;
		s += n + (s[n] == '\r' && s[n + 1] == '\n' ? 2 : 1);
	}
}

static void print_entry(const gd_node *e)
{
	const char *at = gd_node_str(e, "at"), *via = gd_node_str(e, "via");
	const char *by = gd_node_str(e, "by"), *note = gd_node_str(e, "note");
	const char *next = gd_node_str(e, "next");
	char *a = gd_inert(at ? at : "?"), *v = gd_inert(via ? via : "-");

	printf("  %.10s %.5s  %-8s ", a, strlen(a) > 11 ? a + 11 : "", v);
	out(by);
	putchar('\n');
	free(a);
	free(v);
	if (note)
		out_lines("      ", note);
	if (next) {
		char *x = gd_inert(next);
		printf(_("      next: %s\n"), x);
		free(x);
	}
}

/* "3d late", "1d early", "on time", or "" when not comparable. */
static void versus(char *buf, size_t size, const char *plan, const char *done,
		   gd_date today)
{
	gd_date p, d;
	int diff;

	buf[0] = '\0';
	if (!plan || gd_date_parse(&p, plan) < 0)
		return;
	if (!done)
		d = today;
	else if (gd_date_parse(&d, done) < 0)
		return;
	diff = d - p;
	if (!done && diff < 0)
		snprintf(buf, size, _("in %dd"), -diff);
	else if (!done && diff == 0)
		snprintf(buf, size, "%s", _("due today"));
	else if (diff > 0)
		snprintf(buf, size, _("%dd late"), diff);
	else if (diff < 0)
		snprintf(buf, size, _("%dd early"), -diff);
	else
		snprintf(buf, size, "%s", _("on time"));
}

/* Plan against actual: the order's stages and payments (SPEC 1). */
static void print_stages(const gd_node *stages, gd_date today)
{
	static const char *const sh[] = {N_("STAGE"), N_("PLAN"), N_("DONE"), "",
					 N_("NOTE")};
	gd_table *t = cmd_table_new(5, sh);
	size_t i;

	for (i = 0; i < gd_node_len(stages); i++) {
		const gd_node *st = gd_node_at(stages, i);
		const char *cells[5];
		char vs[32];
		if (!gd_node_is(st, GD_MAP))
			continue;
		cells[0] = gd_node_str(st, "name");
		cells[1] = gd_node_str(st, "plan");
		cells[2] = gd_node_str(st, "done");
		versus(vs, sizeof(vs), cells[1], cells[2], today);
		cells[3] = vs;
		cells[4] = gd_node_str(st, "note");
		gd_table_add(t, cells, GD_PLAIN);
	}
	putchar('\n');
	cmd_print(gd_table_render(t, 0, 0));
	gd_table_free(t);
}

/* The amount of payment p: "USD 1000", and "(USD 600 outstanding)" once
 * part of it came in. */
static void amount_text(char *buf, size_t len, const gd_node *p, const char *cur)
{
	const char *amount = gd_node_str(p, "amount");
	char num[GD_DEC_LEN], owed[64];
	gd_dec d;

	snprintf(buf, len, "%s%s%s", cur ? cur : "", cur ? " " : "", amount ? amount : "");
	if (gd_payment_outstanding(&d, p) < 0) {
		gd_error_clear();
		return;
	}
	if (!gd_node_len(gd_node_get(p, "receipts")) || d.units == 0)
		return;
	gd_dec_format(num, d);
	snprintf(owed, sizeof(owed), "%s%s%s", cur ? cur : "", cur ? " " : "", num);
	snprintf(buf + strlen(buf), len - strlen(buf), _(" (%s outstanding)"), owed);
}

static void print_payments(const gd_node *pays, const char *cur, gd_date today)
{
	static const char *const ph[] = {N_("PAYMENT"), N_("AMOUNT"), N_("DUE"),
					 N_("RECEIVED"), ""};
	gd_table *t = cmd_table_new(5, ph);
	size_t i;

	for (i = 0; i < gd_node_len(pays); i++) {
		const gd_node *p = gd_node_at(pays, i);
		const char *cells[5];
		char amount[160], vs[32];
		if (!gd_node_is(p, GD_MAP))
			continue;
		amount_text(amount, sizeof(amount), p, cur);
		cells[0] = gd_node_str(p, "what");
		cells[1] = amount;
		cells[2] = gd_node_str(p, "due");
		cells[3] = gd_node_str(p, "received");
		versus(vs, sizeof(vs), cells[2], cells[3], today);
		cells[4] = vs;
		gd_table_add(t, cells, GD_PLAIN);
	}
	putchar('\n');
	cmd_print(gd_table_render(t, 0, 0));
	gd_table_free(t);
}

static void print_plan(const gd_record *r, gd_date today)
{
	const gd_node *stages = gd_node_get(r->root, "stages");
	const gd_node *pays = gd_node_get(r->root, "payments");

	if (gd_node_is(stages, GD_SEQ) && gd_node_len(stages))
		print_stages(stages, today);
	if (gd_node_is(pays, GD_SEQ) && gd_node_len(pays))
		print_payments(pays, gd_node_str(r->root, "currency"), today);
}

/* " key: value" for each entry of a mapping, on the current line. */
static void print_pairs(const gd_node *map)
{
	size_t k;

	for (k = 0; k < gd_node_len(map); k++) {
		char *x = flat(gd_node_at(map, k));
		putchar(' ');
		out(gd_node_key(map, k));
		printf(": %s", x ? x : "…");
		free(x);
	}
}

/* One field of the record: a mapping on one line, a list of mappings a
 * line each, anything else flat. */
static void print_field(const char *raw_key, const gd_node *v, int width)
{
	char *s, *key = gd_inert(raw_key);
	size_t k;

	if (gd_node_is(v, GD_MAP) && gd_node_len(v)) {
		printf("  %-*s ", width, key);
		print_pairs(v);
		putchar('\n');
		free(key);
		return;
	}
	if (gd_node_is(v, GD_SEQ) && gd_node_len(v) &&
	    gd_node_is(gd_node_at(v, 0), GD_MAP)) {
		printf("  %s:\n", key);
		for (k = 0; k < gd_node_len(v); k++) {
			const gd_node *m = gd_node_at(v, k);
			printf("    -");
			if (gd_node_is(m, GD_MAP))
				print_pairs(m);
			putchar('\n');
		}
		free(key);
		return;
	}
	s = flat(v);
	printf("  %-*s  %s\n", width, key, s ? s : "");
	free(s);
	free(key);
}

/* A member's name, with the email the record holds: 1 when printed. */
static int print_owner(const gd_config *cfg, const char *email, int width)
{
	const char *name = gd_roster_display(cfg->team, email);
	char *a, *b;

	if (!email || name == email)
		return 0;
	a = gd_inert(name);
	b = gd_inert(email);
	printf("  %-*s  %s <%s>\n", width, "owner", a, b);
	free(a);
	free(b);
	return 1;
}

/* The fields but the log (and an order's plan, shown as tables). */
static void print_fields(const gd_record *r, const gd_config *cfg, int width)
{
	const gd_node *root = r->root;
	size_t i;

	printf("  %-*s  %s\n", width, "path", r->path);
	for (i = 0; i < gd_node_len(root); i++) {
		const char *key = gd_node_key(root, i);
		if (!strcmp(key, "log") ||
		    (r->kind == GD_ORDER && (!strcmp(key, "stages") ||
					     !strcmp(key, "payments"))))
			continue;
		if (!strcmp(key, "owner") && print_owner(cfg, gd_record_owner(r), width))
			continue;
		print_field(key, gd_node_at(root, i), width);
	}
}

static void print_due(const gd_record *r, const gd_config *cfg,
		      gd_date today, int width)
{
	gd_due_item *items = NULL;
	size_t i, n = 0;

	gd_due_record_local(&items, &n, r, cfg, today);
	for (i = 0; i < n; i++) {
		char d[GD_DATE_LEN];
		gd_date_format(d, items[i].due);
		printf("  %-*s  %s (%s: ", width, "due", d, gd_due_reason_name(items[i].reason));
		out(items[i].detail);
		puts(")");
	}
	gd_due_items_free(items, n);
}

static void print_timeline(const gd_record *r)
{
	const gd_node *log = gd_node_get(r->root, "log");
	size_t i, n = gd_node_is(log, GD_SEQ) ? gd_node_len(log) : 0;

	if (!n)
		return;
	printf(P_("\ntimeline (%zu contact):\n", "\ntimeline (%zu contacts):\n", n), n);
	for (i = 0; i < n; i++)
		if (gd_node_is(gd_node_at(log, i), GD_MAP))
			print_entry(gd_node_at(log, i));
}

static void print_human(const gd_record *r, const gd_config *cfg,
			gd_date today)
{
	size_t i, width = 0;

	printf("%s/%s  ", gd_kind_name(r->kind), r->id);
	out(gd_record_name(r));
	putchar('\n');
	for (i = 0; i < gd_node_len(r->root); i++)
		if (strlen(gd_node_key(r->root, i)) > width)
			width = strlen(gd_node_key(r->root, i));
	print_fields(r, cfg, (int)width);
	print_due(r, cfg, today, (int)width);
	if (r->kind == GD_ORDER)
		print_plan(r, today);
	print_timeline(r);
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	gd_record *r = NULL;
	gd_time now;
	gd_date today;
	int ch, err, format = FMT_TABLE;
	char *yaml = NULL;
	size_t len;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if ((err = cmd_format(&format, optarg, "table,yaml,json")) < 0)
				return err;
			break;
		case 'h': return cmd_help(&cmd_show_entry);
		default: return cmd_usage(&cmd_show_entry);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(&cmd_show_entry);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = cmd_find(l, &r, argv[optind], -1)) < 0)
		goto done;
	if (format == FMT_JSON) {
		cmd_print(gd_json_record(r));
	} else if (format == FMT_YAML) {
		if ((err = gd_record_emit(&yaml, &len, r)) < 0)
			goto done;
		/* a failed write shows in main's check of stdout */
		(void)fwrite(yaml, 1, len, stdout);
	} else {
		print_human(r, gd_ledger_config(l), today);
	}
done:
	free(yaml);
	return err;
}

const struct cmd_entry cmd_show_entry = {
	"show", "show REF [--format=table|yaml|json]",
	N_("show a record, what is due on it, and its timeline"),
	CMD_LEDGER,
	run,
};
