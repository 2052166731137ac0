/*
 * cmd-pay.c - gendan pay ORDER WHAT [--amount N] [--due DATE]
 * [--received [DATE]] [--fee N] [-m NOTE]: plan a payment or record a
 * receipt of it.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"amount", required_argument, NULL, 'a'},
		{"due", required_argument, NULL, 'd'},
		{"received", optional_argument, NULL, 'r'},
		{"fee", required_argument, NULL, 'f'},
		{"message", required_argument, NULL, 'm'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *amount = NULL, *due_s = NULL, *fee = NULL, *note = NULL;
	int received = 0, ch, err;
	gd_date due = 0, got = 0, today;
	gd_time now;
	gd_ledger *l = NULL;
	gd_record *r = NULL;
	gd_payment_update u;
	char *summary = NULL;

	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	while ((ch = getopt_long(argc, argv, "hm:", opts, NULL)) != -1) {
		switch (ch) {
		case 'a': amount = optarg; break;
		case 'd': due_s = optarg; break;
		case 'f': fee = optarg; break;
		case 'm': note = optarg; break;
		case 'r':
			received = 1;
			if ((err = cmd_optional_date(&got, optarg, argc, argv,
						     &optind, today)) < 0)
				return err;
			break;
		case 'h': return cmd_help(&cmd_pay_entry);
		default: return cmd_usage(&cmd_pay_entry);
		}
	}
	if (argc - optind != 2 || (!amount && !due_s && !received) ||
	    ((fee || note) && !received))
		return cmd_usage(&cmd_pay_entry);
	if (fee && (err = gd_amount_check(fee)) < 0)
		return err;
	if (amount && (err = gd_amount_check(amount)) < 0)
		return err;
	if (due_s && (err = gd_when_parse(&due, due_s, today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = cmd_find_clean(l, &r, argv[optind], GD_ORDER)) < 0)
		goto out;
	u.amount = amount;
	u.due = due_s ? &due : NULL;
	u.received = received ? &got : NULL;
	u.fee = fee;
	u.note = note;
	if ((err = gd_order_pay(r, argv[optind + 1], &u)) < 0)
		goto out;
	if (asprintf(&summary, "%s%s%s%s", argv[optind + 1],
		     amount ? " " : "", amount ? amount : "",
		     received ? " received" : "") < 0) {
		summary = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto out;
	}
	err = cmd_save(l, r, "pay", summary);
out:
	free(summary);
	return err;
}

const struct cmd_entry cmd_pay_entry = {
	"pay", "pay ORDER WHAT [--amount N] [--due DATE] [--received [DATE]] [--fee N] [-m NOTE]",
	N_("plan a payment of an order, or record money received"),
	CMD_LEDGER | CMD_LOCK,
	run,
};
