/*
 * cmd-ls.c - gendan ls [KIND] [filters]: list and filter records.
 */
#include <getopt.h>
#include <stdlib.h>

#include "cmd.h"

enum { O_TIER = 256, O_OWNER, O_COUNTRY, O_CITY, O_TAG, O_STATUS, O_CUSTOMER, O_FORMAT };

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
		{"customer", required_argument, NULL, O_CUSTOMER},
		{"format", required_argument, NULL, O_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_list_filter f = {-1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL};
	gd_ledger *l = NULL;
	gd_entry *hits = NULL;
	gd_record *cust = NULL;
	const char *customer = NULL;
	size_t n = 0;
	int ch, err, format = FMT_TABLE;
	char *owner = NULL;
	gd_time now;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case O_TIER: f.tier = optarg; break;
		case O_OWNER: f.owner = optarg; break;
		case O_COUNTRY: f.country = optarg; break;
		case O_CITY: f.city = optarg; break;
		case O_TAG: f.tag = optarg; break;
		case O_STATUS: f.status = optarg; break;
		case O_CUSTOMER: customer = optarg; break;
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
		if ((err = cmd_kind(&f.kind, argv[optind], &cmd_ls_entry)) < 0)
			return err;
	}
	if ((err = cmd_now(&now, &f.today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	/* the customer REF names (the ledger keeps it): it and what links to it */
	if (customer && (err = cmd_find(l, &cust, customer, GD_CUSTOMER)) < 0)
		return err;
	f.customer = cust ? cust->id : NULL;
	if (f.owner && (err = cmd_owner_filter(l, &owner, f.owner, f.today)) < 0)
		return err;
	f.owner = owner;
	if ((err = gd_ledger_list(l, &hits, &n, &f, cmd_print_bad, NULL)) == 0)
		err = cmd_list(l, hits, n, f.kind, format, ctx);
	free(hits);
	free(owner);
	return err;
}

const struct cmd_entry cmd_ls_entry = {
	"ls",
	"ls [KIND] [--tier T] [--owner EMAIL|none] [--country CC] [--city CITY]\n"
	"                  [--tag TAG] [--status S] [--customer REF]\n"
	"                  [--format=table|json|tsv]",
	N_("list and filter records"),
	CMD_LEDGER,
	run,
};
