/*
 * cmd-ls.c - gendan ls [KIND] [filters]: list and filter records.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"

enum { O_TIER = 256, O_OWNER, O_COUNTRY, O_CITY, O_TAG, O_STATUS, O_FORMAT };

struct filter {
	int kind;
	const char *tier, *owner, *country, *city, *tag, *status;
};

static int has_tag(const gd_record *r, const char *tag)
{
	const gd_node *tags = gd_node_get(r->root, "tags");
	size_t i;

	for (i = 0; tags && tags->type == GD_SEQ && i < tags->n; i++)
		if (tags->vals[i]->type == GD_SCALAR &&
		    !strcasecmp(tags->vals[i]->str, tag))
			return 1;
	return 0;
}

static int eq(const char *value, const char *want)
{
	return value && !strcasecmp(value, want);
}

static int match(const gd_record *r, const struct filter *f)
{
	const gd_node *from = gd_node_get(r->root, "from");
	const gd_node *where = from && from->type == GD_MAP ? from : r->root;
	const char *owner = gd_record_owner(r);

	if (f->kind >= 0 && (int)r->kind != f->kind)
		return 0;
	if (f->tier && !eq(gd_record_grade(r), f->tier))
		return 0;
	if (f->owner) {
		if (!strcmp(f->owner, "none") ? owner && *owner : !eq(owner, f->owner))
			return 0;
	}
	if (f->country && !eq(gd_node_str(where, "country"), f->country))
		return 0;
	if (f->city && !eq(gd_node_str(r->root, "city"), f->city))
		return 0;
	if (f->tag && !has_tag(r, f->tag))
		return 0;
	if (f->status && !eq(gd_record_status(r), f->status))
		return 0;
	return 1;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"tier", required_argument, NULL, O_TIER},
		{"grade", required_argument, NULL, O_TIER},
		{"owner", required_argument, NULL, O_OWNER},
		{"country", required_argument, NULL, O_COUNTRY},
		{"city", required_argument, NULL, O_CITY},
		{"tag", required_argument, NULL, O_TAG},
		{"status", required_argument, NULL, O_STATUS},
		{"format", required_argument, NULL, O_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct filter f = {-1, NULL, NULL, NULL, NULL, NULL, NULL};
	gd_ledger *l = NULL;
	gd_record **hits = NULL;
	size_t i, n = 0;
	int ch, err, format = FMT_TABLE;
	gd_kind kind;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case O_TIER: f.tier = optarg; break;
		case O_OWNER: f.owner = optarg; break;
		case O_COUNTRY: f.country = optarg; break;
		case O_CITY: f.city = optarg; break;
		case O_TAG: f.tag = optarg; break;
		case O_STATUS: f.status = optarg; break;
		case O_FORMAT:
			if ((err = cmd_format(&format, optarg, "table,json,tsv")) < 0)
				return err;
			break;
		case 'h': return cmd_help(&cmd_ls_entry);
		default: return cmd_usage(&cmd_ls_entry);
		}
	}
	if (argc - optind > 1)
		return cmd_usage(&cmd_ls_entry);
	if (optind < argc) {
		if (gd_kind_parse(&kind, argv[optind]) < 0) {
			fprintf(stderr, "gendan: %s\n", gd_error_last());
			return cmd_usage(&cmd_ls_entry);
		}
		f.kind = (int)kind;
	}
	if ((err = cmd_open(ctx, &l, 1, 0)) < 0)
		return err;
	hits = malloc((l->n ? l->n : 1) * sizeof(*hits));
	if (!hits) {
		gd_ledger_free(l);
		return gd_error_set(GD_ERROR, _("out of memory"));
	}
	for (i = 0; i < l->n; i++)
		if (match(l->recs[i], &f))
			hits[n++] = l->recs[i];
	cmd_list(hits, n, format, ctx);
	free(hits);
	gd_ledger_free(l);
	return 0;
}

const struct cmd_entry cmd_ls_entry = {
	"ls",
	"ls [KIND] [--tier T] [--owner EMAIL|none] [--country CC] [--city CITY]\n"
	"                  [--tag TAG] [--status S] [--format=table|json|tsv]",
	N_("list and filter records"),
	run,
};
