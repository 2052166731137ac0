/*
 * cmd-stats.c - gendan stats [--by FIELD] [--kind KIND] [--format]: counts
 * by tier, country, owner, source, status or product.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int print_json(const char *by, const gd_stats *s)
{
	const char **keys = calloc(s->nb + 1, sizeof(*keys));
	size_t *counts = calloc(s->nb + 1, sizeof(*counts));
	size_t i, totals[2];
	int err = 0;

	totals[0] = s->total;
	totals[1] = s->records;
	if (!keys || !counts) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
	} else {
		for (i = 0; i < s->nb; i++) {
			keys[i] = s->b[i].key;
			counts[i] = s->b[i].n;
		}
		cmd_print(gd_json_counts(by, keys, counts, s->nb, totals,
					 s->inquiries, s->won));
	}
	free(keys);
	free(counts);
	return err;
}

/* The counts as a table (with the totals) or TSV. */
static void print_rows(const char *by, const gd_stats *s, int format,
		       const gd_roster *team, struct cmd_ctx *ctx)
{
	const char *hdr[2] = {by, N_("count")};
	gd_table *t = cmd_table_new(2, hdr);
	size_t i;

	if (format == FMT_TSV)
		cmd_print(gd_tsv_line(hdr, 2));
	for (i = 0; i < s->nb; i++) {
		char num[32];
		const char *cells[2];
		snprintf(num, sizeof(num), "%zu", s->b[i].n);
		cells[0] = s->b[i].key;
		if (format == FMT_TABLE && !strcmp(s->b[i].key, "(none)"))
			cells[0] = _("(none)");
		else if (format == FMT_TABLE && !strcmp(by, "owner"))
			cells[0] = gd_roster_display(team, s->b[i].key);
		cells[1] = num;
		if (format == FMT_TSV)
			cmd_print(gd_tsv_line(cells, 2));
		else
			gd_table_add(t, cells, GD_PLAIN);
	}
	if (format == FMT_TABLE) {
		cmd_print(gd_table_render(t, ctx->color, 0));
		printf(_("total: %zu\n"), s->total);
		if (s->records != s->total)
			printf(_("records: %zu\n"), s->records);
		if (s->inquiries)
			printf(_("inquiries that became orders: %zu of %zu (%zu%%)\n"),
			       s->won, s->inquiries,
			       (s->won * 100 + s->inquiries / 2) / s->inquiries);
	}
	gd_table_free(t);
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const char *const fields[] = {N_("tier"), N_("country"), N_("owner"),
					     N_("source"), N_("status"), N_("product"),
					     NULL};
	static const struct option opts[] = {
		{"by", required_argument, NULL, 'b'},
		{"kind", required_argument, NULL, 'k'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *by = "tier";
	int kind = -1, format = FMT_TABLE, ch, err, ok = 0;
	gd_ledger *l = NULL;
	gd_stats s = {0};
	gd_record *const *recs;
	size_t i, nrecs;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'b': by = optarg; break;
		case 'k':
			if ((err = cmd_kind(&kind, optarg, &cmd_stats_entry)) < 0)
				return err;
			break;
		case 'f':
			if ((err = cmd_format(&format, optarg, "table,json,tsv")) < 0)
				return err;
			break;
		case 'h': return cmd_help(&cmd_stats_entry);
		default: return cmd_usage(&cmd_stats_entry);
		}
	}
	for (i = 0; fields[i]; i++)
		ok |= !strcmp(by, fields[i]);
	if (optind != argc || !ok) {
		if (!ok)
			fprintf(stderr, _("gendan: --by '%s': use tier, country, owner, source, status or product\n"), by);
		return cmd_usage(&cmd_stats_entry);
	}
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	recs = gd_ledger_records(l, &nrecs);
	if ((err = gd_stats_count(&s, recs, nrecs, by, kind)) < 0)
		goto done;
	if (format == FMT_JSON)
		err = print_json(by, &s);
	else
		print_rows(by, &s, format, gd_ledger_config(l)->team, ctx);
done:
	gd_stats_clear(&s);
	return err;
}

const struct cmd_entry cmd_stats_entry = {
	"stats", "stats [--by tier|country|owner|source|status|product] [--kind KIND]\n"
		 "                  [--format=table|json|tsv]",
	N_("count records by tier, country, owner, source, status or product"),
	CMD_LEDGER | CMD_LOAD,
	run,
};
