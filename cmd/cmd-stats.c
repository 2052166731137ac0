/*
 * cmd-stats.c - gendan stats [--by FIELD] [--kind KIND] [--format]: counts
 * by tier, country, owner, source, status or product.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

struct bucket {
	char *key;
	size_t n;
};

static int count(struct bucket **b, size_t *nb, const char *key)
{
	struct bucket *nbk;
	size_t i;

	if (!key || !*key)
		key = "(none)";
	for (i = 0; i < *nb; i++)
		if (!strcmp((*b)[i].key, key)) {
			(*b)[i].n++;
			return 0;
		}
	if (!(nbk = realloc(*b, (*nb + 1) * sizeof(**b))))
		return gd_error_set(GD_ERROR, _("out of memory"));
	*b = nbk;
	if (!(nbk[*nb].key = strdup(key)))
		return gd_error_set(GD_ERROR, _("out of memory"));
	nbk[*nb].n = 1;
	(*nb)++;
	return 0;
}

static int by_count(const void *x, const void *y)
{
	const struct bucket *a = x, *b = y;

	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return strcmp(a->key, b->key);
}

static const char *field_of(const gd_record *r, const char *by)
{
	const gd_node *from = gd_node_get(r->root, "from");

	if (!strcmp(by, "tier"))
		return gd_record_grade(r);
	if (!strcmp(by, "owner"))
		return gd_record_owner(r);
	if (!strcmp(by, "status"))
		return gd_record_status(r);
	if (!strcmp(by, "country"))
		return gd_node_str(from && from->type == GD_MAP ? from : r->root, "country");
	if (!strcmp(by, "source"))
		return gd_node_str(r->root, r->kind == GD_INQUIRY ? "channel" : "source");
	return gd_node_str(r->root, by);
}

/* An inquiry became an order when it is won or its customer has one. */
static int became_order(const gd_ledger *l, const gd_record *q)
{
	const char *cust = gd_node_str(q->root, "customer");
	size_t i, nrecs;
	gd_record *const *recs = gd_ledger_records(l, &nrecs);

	if (!strcmp(gd_record_status(q), "won"))
		return 1;
	for (i = 0; cust && i < nrecs; i++) {
		const char *c = gd_node_str(recs[i]->root, "customer");
		if (recs[i]->kind == GD_ORDER && c && !strcmp(c, cust))
			return 1;
	}
	return 0;
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
	gd_record *const *recs;
	struct bucket *b = NULL;
	size_t nb = 0, i, j, nrecs, total = 0, inquiries = 0, won = 0;
	gd_kind k;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'b': by = optarg; break;
		case 'k':
			if (gd_kind_parse(&k, optarg) < 0) {
				fprintf(stderr, "gendan: %s\n", gd_error_last());
				return cmd_usage(&cmd_stats_entry);
			}
			kind = (int)k;
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
	if ((err = cmd_open(ctx, &l, 1, 0)) < 0)
		return err;
	recs = gd_ledger_records(l, &nrecs);
	for (i = 0; i < nrecs; i++) {
		const gd_record *r = recs[i];
		const gd_node *items = gd_node_get(r->root, "items");
		if (kind >= 0 && (int)r->kind != kind)
			continue;
		total++;
		if (r->kind == GD_INQUIRY) {
			inquiries++;
			won += became_order(l, r);
		}
		if (!strcmp(by, "product") && r->kind == GD_ORDER) {
			for (j = 0; items && items->type == GD_SEQ && j < items->n; j++)
				if ((err = count(&b, &nb, gd_node_str(items->vals[j], "product"))) < 0)
					goto done;
			continue;
		}
		if (!strcmp(by, "product") && r->kind == GD_CUSTOMER)
			continue;
		if ((err = count(&b, &nb, field_of(r, by))) < 0)
			goto done;
	}
	if (nb > 1)
		qsort(b, nb, sizeof(*b), by_count);
	if (format == FMT_JSON) {
		const char **keys = calloc(nb + 1, sizeof(*keys));
		size_t *counts = calloc(nb + 1, sizeof(*counts));
		if (!keys || !counts) {
			err = gd_error_set(GD_ERROR, _("out of memory"));
		} else {
			for (i = 0; i < nb; i++) {
				keys[i] = b[i].key;
				counts[i] = b[i].n;
			}
			cmd_print(gd_json_counts(by, keys, counts, nb, total, inquiries, won));
		}
		free(keys);
		free(counts);
	} else {
		const char *hdr[2] = {by, N_("count")};
		gd_table *t = cmd_table_new(2, hdr);
		if (format == FMT_TSV)
			cmd_print(gd_tsv_line(hdr, 2));
		for (i = 0; i < nb; i++) {
			char num[32];
			const char *cells[2];
			snprintf(num, sizeof(num), "%zu", b[i].n);
			cells[0] = b[i].key;
			if (format == FMT_TABLE && !strcmp(b[i].key, "(none)"))
				cells[0] = _("(none)");
			cells[1] = num;
			if (format == FMT_TSV)
				cmd_print(gd_tsv_line(cells, 2));
			else
				gd_table_add(t, cells, GD_PLAIN);
		}
		if (format == FMT_TABLE) {
			cmd_print(gd_table_render(t, ctx->color, 0));
			printf(_("total: %zu\n"), total);
			if (inquiries)
				printf(_("inquiries that became orders: %zu of %zu (%zu%%)\n"), won, inquiries,
				       won * 100 / inquiries);
		}
		gd_table_free(t);
	}
done:
	for (i = 0; i < nb; i++)
		free(b[i].key);
	free(b);
	gd_ledger_free(l);
	return err;
}

const struct cmd_entry cmd_stats_entry = {
	"stats", "stats [--by tier|country|owner|source|status|product] [--kind KIND]\n"
		 "                  [--format=table|json|tsv]",
	N_("count records by tier, country, owner, source, status or product"),
	run,
};
