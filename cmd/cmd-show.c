/*
 * cmd-show.c - gendan show REF: a record and its timeline.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* One line for a scalar or a list of scalars; NULL for anything else. */
static char *flat(const gd_node *n)
{
	size_t i, len = 1;
	char *s, *end;

	if (n->type == GD_SCALAR)
		return strdup(n->str);
	if (n->type != GD_SEQ)
		return NULL;
	for (i = 0; i < n->n; i++) {
		if (n->vals[i]->type != GD_SCALAR)
			return NULL;
		len += strlen(n->vals[i]->str) + 2;
	}
	if (!(s = malloc(len)))
		return NULL;
	s[0] = '\0';
	for (i = 0, end = s; i < n->n; i++) {
		if (i)
			end = stpcpy(end, ", ");
		end = stpcpy(end, n->vals[i]->str);
	}
	return s;
}

static void print_entry(const gd_node *e)
{
	const char *at = gd_node_str(e, "at"), *via = gd_node_str(e, "via");
	const char *by = gd_node_str(e, "by"), *note = gd_node_str(e, "note");
	const char *next = gd_node_str(e, "next");

	printf("  %.10s %.5s  %-8s %s\n", at ? at : "?", at && strlen(at) > 11 ? at + 11 : "",
	       via ? via : "-", by ? by : "");
	if (note)
		printf("      %s\n", note);
	if (next)
		printf(_("      next: %s\n"), next);
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
static void print_plan(const gd_record *r, gd_date today)
{
	static const char *const sh[] = {N_("STAGE"), N_("PLAN"), N_("DONE"), "",
					 N_("NOTE")};
	static const char *const ph[] = {N_("PAYMENT"), N_("AMOUNT"), N_("DUE"),
					 N_("RECEIVED"), ""};
	const gd_node *stages = gd_node_get(r->root, "stages");
	const gd_node *pays = gd_node_get(r->root, "payments");
	const char *cur = gd_node_str(r->root, "currency");
	size_t i;

	if (stages && stages->type == GD_SEQ && stages->n) {
		gd_table *t = cmd_table_new(5, sh);
		for (i = 0; i < stages->n; i++) {
			const gd_node *st = stages->vals[i];
			const char *cells[5];
			char vs[32];
			if (st->type != GD_MAP)
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
	if (pays && pays->type == GD_SEQ && pays->n) {
		gd_table *t = cmd_table_new(5, ph);
		for (i = 0; i < pays->n; i++) {
			const gd_node *p = pays->vals[i];
			const char *cells[5];
			char amount[64], vs[32];
			if (p->type != GD_MAP)
				continue;
			snprintf(amount, sizeof(amount), "%s%s%s", cur ? cur : "",
				 cur ? " " : "", gd_node_str(p, "amount") ? gd_node_str(p, "amount") : "");
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
}

static void print_human(const gd_record *r, const gd_config *cfg,
			gd_date today)
{
	const gd_node *root = r->root, *log = gd_node_get(root, "log");
	gd_due_item *items = NULL;
	size_t i, n = 0, width = 0;

	printf("%s/%s  %s\n", gd_kind_name(r->kind), r->id,
	       gd_record_name(r) ? gd_record_name(r) : "");
	for (i = 0; i < root->n; i++)
		if (strlen(root->keys[i]) > width)
			width = strlen(root->keys[i]);
	printf("  %-*s  %s\n", (int)width, "path", r->path);
	for (i = 0; i < root->n; i++) {
		const gd_node *v = root->vals[i];
		char *s;
		if (!strcmp(root->keys[i], "log") ||
		    (r->kind == GD_ORDER && (!strcmp(root->keys[i], "stages") ||
					     !strcmp(root->keys[i], "payments"))))
			continue;
		if (v->type == GD_MAP && v->n) {
			size_t k;
			printf("  %-*s ", (int)width, root->keys[i]);
			for (k = 0; k < v->n; k++) {
				char *x = flat(v->vals[k]);
				printf(" %s: %s", v->keys[k], x ? x : "…");
				free(x);
			}
			putchar('\n');
			continue;
		}
		if (v->type == GD_SEQ && v->n && v->vals[0]->type == GD_MAP) {
			size_t k;
			printf("  %s:\n", root->keys[i]);
			for (k = 0; k < v->n; k++) {
				const gd_node *m = v->vals[k];
				size_t j;
				printf("    -");
				for (j = 0; m->type == GD_MAP && j < m->n; j++) {
					char *x = flat(m->vals[j]);
					printf(" %s: %s", m->keys[j], x ? x : "…");
					free(x);
				}
				putchar('\n');
			}
			continue;
		}
		s = flat(v);
		printf("  %-*s  %s\n", (int)width, root->keys[i], s ? s : "");
		free(s);
	}
	gd_due_record_local(&items, &n, r, cfg, today);
	for (i = 0; i < n; i++) {
		char d[GD_DATE_LEN];
		gd_date_format(d, items[i].due);
		printf("  %-*s  %s (%s: %s)\n", (int)width, "due", d,
		       gd_due_reason_name(items[i].reason), items[i].detail);
	}
	gd_due_items_free(items, n);
	if (r->kind == GD_ORDER)
		print_plan(r, today);
	if (log && log->type == GD_SEQ && log->n) {
		printf(P_("\ntimeline (%zu contact):\n", "\ntimeline (%zu contacts):\n",
			  log->n), log->n);
		for (i = 0; i < log->n; i++)
			if (log->vals[i]->type == GD_MAP)
				print_entry(log->vals[i]);
	}
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
	if ((err = cmd_open(ctx, &l, 0, 0)) < 0)
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
	gd_ledger_free(l);
	return err;
}

const struct cmd_entry cmd_show_entry = {
	"show", "show REF [--format=table|yaml|json]",
	N_("show a record, what is due on it, and its timeline"),
	run,
};
