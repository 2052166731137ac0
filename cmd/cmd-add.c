/*
 * cmd-add.c - gendan add customer|inquiry|order: a new record.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "gendan/dup.h"

enum {
	O_ID = 256, O_TIER, O_OWNER, O_EMAIL, O_PHONE, O_COUNTRY, O_CITY,
	O_TAG, O_SOURCE, O_NOTE, O_FORCE, O_FROM_INQUIRY, O_FROM, O_COMPANY,
	O_CUSTOMER, O_CHANNEL, O_PRODUCT, O_QTY, O_GRADE, O_RECEIVED,
	O_SHIP_BY, O_ITEM, O_CURRENCY, O_BUFFER, O_HELP
};

#define MAX_LIST 64

struct add_opts {
	const char *id, *tier, *owner, *email, *phone, *country, *city;
	const char *source, *note, *from_inquiry;
	const char *from, *company, *customer, *channel, *product, *qty;
	const char *grade, *received, *ship_by, *currency, *buffer;
	const char *tags[MAX_LIST], *items[MAX_LIST];
	size_t ntags, nitems;
	int force;
};

static int check_id(gd_ledger *l, gd_kind kind, const char *id)
{
	if (!gd_id_valid(id))
		return gd_error_set(GD_EINVALID,
				    _("invalid id '%s': use [a-z0-9][a-z0-9._-]{0,63} without '..'"),
				    id);
	if (!gd_ledger_id_free(l, kind, id))
		return gd_error_set(GD_EEXISTS, _("%s '%s' already exists"),
				    gd_kind_name(kind), id);
	return 0;
}

/* Refuse a likely duplicate among every record but `skip` and records
 * linked to the customer `linked`. */
static int dup_check(gd_ledger *l, const gd_dup_probe *probe, const char *what,
		     const gd_record *skip, const char *linked)
{
	return gd_ledger_dup_check(l, probe, what, skip ? skip->path : NULL, linked,
				   cmd_print_bad, NULL);
}

/* Validate, stage r (and `also`), commit, and say what was added. */
static int finish(gd_ledger *l, gd_record *r, gd_record *also,
		  const char *title)
{
	gd_change *c = gd_change_new();
	char *one = cmd_oneline(title ? title : "", 50), *line = NULL;
	int err, committed = 0;

	if ((err = gd_record_validate(r, gd_ledger_config(l))) < 0)
		goto done;
	if ((err = gd_ledger_stage(c, r)) < 0)
		goto done;
	if (also && (err = gd_ledger_stage(c, also)) < 0)
		goto done;
	if (asprintf(&line, "add: %s (%s) %s", r->id, gd_kind_name(r->kind),
		     one ? one : "") < 0) {
		line = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	if ((err = cmd_commit(l, c, "add", line, &committed)) < 0)
		goto done;
	printf(_("added %s/%s (%s)\n"), gd_kind_name(r->kind), r->id, r->path);
done:
	free(one);
	free(line);
	gd_change_free(c);
	return err;
}

static int check_grade(gd_ledger *l, const char *what, const char *grade)
{
	if (grade && !gd_config_tier(gd_ledger_config(l), grade))
		return gd_error_set(GD_EINVALID, _("%s '%s' is not configured in gendan.yaml"),
				    what, grade);
	return 0;
}

/* The fields the options give, for any kind. */
static void fields_of(gd_new_fields *f, const struct add_opts *o)
{
	f->tier = o->tier;
	f->owner = o->owner;
	f->email = o->email;
	f->phone = o->phone;
	f->country = o->country;
	f->city = o->city;
	f->tags = o->tags;
	f->ntags = o->ntags;
	f->source = o->source;
	f->note = o->note;
	f->from = o->from;
	f->company = o->company;
	f->channel = o->channel;
	f->product = o->product;
	f->quantity = o->qty;
	f->grade = o->grade;
	f->currency = o->currency;
	f->items = o->items;
	f->nitems = o->nitems;
}

/* The new record of kind, id and fields f, committed with the inquiry it
 * comes from (if any). */
static int create(gd_ledger *l, gd_kind kind, const char *id,
		  const gd_new_fields *f, const gd_time *now, const char *title)
{
	gd_record *r = NULL;
	int err;

	if ((err = gd_new_record(&r, kind, id, f, gd_ledger_config(l), gd_store_me(gd_ledger_store(l)),
				 now)) < 0)
		return err;
	err = finish(l, r, f->inquiry, title);
	gd_record_free(r);
	return err;
}

static int add_customer(gd_ledger *l, const char *name, struct add_opts *o,
			const gd_time *now, gd_date today)
{
	gd_new_fields f = {0};
	char *id = NULL;
	int err;

	fields_of(&f, o);
	f.name = name;
	if (o->from_inquiry) {
		if ((err = cmd_find(l, &f.inquiry, o->from_inquiry, GD_INQUIRY)) < 0)
			return err;
		if ((err = gd_ledger_check_clean(l, f.inquiry)) < 0)
			return err;
		gd_new_fields_from_inquiry(&f, f.inquiry);
	}
	if (!f.name || !*f.name)
		return gd_error_set(GD_EINVALID, _("a customer needs a name"));
	if ((err = check_grade(l, "tier", f.tier)) < 0)
		return err;
	if (o->id && (err = check_id(l, GD_CUSTOMER, o->id)) < 0)
		return err;
	id = o->id ? strdup(o->id) : gd_ledger_new_id(l, GD_CUSTOMER, f.name, now, today);
	if (!id)
		return gd_error_set(GD_ERROR, _("out of memory"));
	if (!o->force) {
		gd_dup_probe probe = {f.name, f.email, f.phone, 0};
		/* the inquiry being turned into its customer is no duplicate */
		if ((err = dup_check(l, &probe, f.name, f.inquiry, NULL)) < 0)
			goto done;
	}
	err = create(l, GD_CUSTOMER, id, &f, now, f.name);
done:
	free(id);
	return err;
}

static int add_inquiry(gd_ledger *l, struct add_opts *o, const gd_time *now,
		       gd_date today)
{
	gd_new_fields f = {0};
	gd_record *cust = NULL;
	gd_time received = *now;
	char *id = NULL, *seed = NULL;
	const char *who;
	int err;

	if (o->received && (err = gd_time_parse_past(&received, o->received, today)) < 0)
		return err;
	if ((err = check_grade(l, "grade", o->grade)) < 0)
		return err;
	if (!o->from && !o->company && !o->email && !o->phone)
		return gd_error_set(GD_EINVALID,
				    _("who sent the inquiry? give --from, --company, --email or --phone"));
	if (o->customer &&
	    (err = cmd_find(l, &cust, o->customer, GD_CUSTOMER)) < 0)
		return err;
	if (o->id && (err = check_id(l, GD_INQUIRY, o->id)) < 0)
		return err;
	who = o->company ? o->company : o->from ? o->from : o->email ? o->email : o->phone;
	if (asprintf(&seed, "%s|%s|%s", o->email ? o->email : "",
		     o->from ? o->from : "", o->company ? o->company : "") < 0)
		return gd_error_set(GD_ERROR, _("out of memory"));
	id = o->id ? strdup(o->id)
		   : gd_ledger_new_id(l, GD_INQUIRY, seed, now, gd_time_date(&received));
	if (!id) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	if (!o->force) {
		gd_dup_probe probe = {o->company, o->email, o->phone, 1};
		if ((err = dup_check(l, &probe, who, NULL,
				     cust ? cust->id : NULL)) < 0)
			goto done;
	}
	fields_of(&f, o);
	f.received = &received;
	f.customer = cust;
	err = create(l, GD_INQUIRY, id, &f, now, who);
done:
	free(seed);
	free(id);
	return err;
}

static int add_order(gd_ledger *l, const char *number, struct add_opts *o,
		     const gd_time *now, gd_date today)
{
	gd_new_fields f = {0};
	gd_record *cust = NULL;
	gd_date ship_by;
	int64_t buffer = gd_ledger_config(l)->order_buffer;
	char *id = NULL, d[GD_DATE_LEN];
	int err;

	if (!o->customer || !o->ship_by)
		return gd_error_set(GD_EUSAGE, _("an order needs --customer and --ship-by"));
	if ((err = gd_when_parse(&ship_by, o->ship_by, today)) < 0)
		return err;
	if (ship_by < today) {
		gd_date_format(d, ship_by);
		return gd_error_set(GD_EINVALID, _("ship-by %s is before today"), d);
	}
	if (o->buffer && ((err = gd_duration_parse(&buffer, o->buffer)) < 0 ||
			  buffer <= 0))
		return err < 0 ? err
			       : gd_error_set(GD_EINVALID, _("--buffer must be more than 0"));
	if ((err = cmd_find(l, &cust, o->customer, GD_CUSTOMER)) < 0)
		return err;
	if (o->id && (err = check_id(l, GD_ORDER, o->id)) < 0)
		return err;
	id = o->id ? strdup(o->id) : gd_ledger_new_id(l, GD_ORDER, number, now, today);
	if (!id)
		return gd_error_set(GD_ERROR, _("out of memory"));
	fields_of(&f, o);
	f.number = number;
	f.customer = cust;
	f.ship_by = ship_by;
	f.buffer = buffer;
	err = create(l, GD_ORDER, id, &f, now, number);
	free(id);
	return err;
}

/* The owner --owner names (through the roster), then the record. */
static int add(gd_ledger *l, gd_kind kind, const char *arg, struct add_opts *o,
	       const gd_time *now, gd_date today)
{
	char *owner = NULL;
	int err;

	if (o->owner && (err = cmd_owner(l, &owner, o->owner, today)) < 0)
		return err;
	o->owner = owner;
	if (kind == GD_CUSTOMER)
		err = add_customer(l, arg, o, now, today);
	else if (kind == GD_INQUIRY)
		err = add_inquiry(l, o, now, today);
	else
		err = add_order(l, arg, o, now, today);
	free(owner);
	return err;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"id", required_argument, NULL, O_ID},
		{"tier", required_argument, NULL, O_TIER},
		{"owner", required_argument, NULL, O_OWNER},
		{"email", required_argument, NULL, O_EMAIL},
		{"phone", required_argument, NULL, O_PHONE},
		{"country", required_argument, NULL, O_COUNTRY},
		{"city", required_argument, NULL, O_CITY},
		{"tag", required_argument, NULL, O_TAG},
		{"source", required_argument, NULL, O_SOURCE},
		{"note", required_argument, NULL, O_NOTE},
		{"force", no_argument, NULL, O_FORCE},
		{"from-inquiry", required_argument, NULL, O_FROM_INQUIRY},
		{"from", required_argument, NULL, O_FROM},
		{"company", required_argument, NULL, O_COMPANY},
		{"customer", required_argument, NULL, O_CUSTOMER},
		{"channel", required_argument, NULL, O_CHANNEL},
		{"product", required_argument, NULL, O_PRODUCT},
		{"qty", required_argument, NULL, O_QTY},
		{"grade", required_argument, NULL, O_GRADE},
		{"received", required_argument, NULL, O_RECEIVED},
		{"ship-by", required_argument, NULL, O_SHIP_BY},
		{"item", required_argument, NULL, O_ITEM},
		{"currency", required_argument, NULL, O_CURRENCY},
		{"buffer", required_argument, NULL, O_BUFFER},
		{"help", no_argument, NULL, O_HELP},
		{NULL, 0, NULL, 0},
	};
	struct add_opts o;
	gd_ledger *l = NULL;
	gd_kind kind;
	gd_time now;
	gd_date today;
	int c, err, nargs;
	const char *arg;

	memset(&o, 0, sizeof(o));
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case O_ID: o.id = optarg; break;
		case O_TIER: o.tier = optarg; break;
		case O_OWNER: o.owner = optarg; break;
		case O_EMAIL: o.email = optarg; break;
		case O_PHONE: o.phone = optarg; break;
		case O_COUNTRY: o.country = optarg; break;
		case O_CITY: o.city = optarg; break;
		case O_SOURCE: o.source = optarg; break;
		case O_NOTE: o.note = optarg; break;
		case O_FORCE: o.force = 1; break;
		case O_FROM_INQUIRY: o.from_inquiry = optarg; break;
		case O_FROM: o.from = optarg; break;
		case O_COMPANY: o.company = optarg; break;
		case O_CUSTOMER: o.customer = optarg; break;
		case O_CHANNEL: o.channel = optarg; break;
		case O_PRODUCT: o.product = optarg; break;
		case O_QTY: o.qty = optarg; break;
		case O_GRADE: o.grade = optarg; break;
		case O_RECEIVED: o.received = optarg; break;
		case O_SHIP_BY: o.ship_by = optarg; break;
		case O_CURRENCY: o.currency = optarg; break;
		case O_BUFFER: o.buffer = optarg; break;
		case O_TAG:
		case O_ITEM:
			if ((c == O_TAG ? o.ntags : o.nitems) == MAX_LIST) {
				fputs(_("gendan: at most 64 of each list option\n"), stderr);
				return GD_EUSAGE;
			}
			if (c == O_TAG)
				o.tags[o.ntags++] = optarg;
			else
				o.items[o.nitems++] = optarg;
			break;
		case 'h':
		case O_HELP: return cmd_help(&cmd_add_entry);
		default: return cmd_usage(&cmd_add_entry);
		}
	}
	nargs = argc - optind;
	if (nargs < 1 || gd_kind_parse(&kind, argv[optind]) < 0)
		return cmd_usage(&cmd_add_entry);
	arg = nargs > 1 ? argv[optind + 1] : NULL;
	if (nargs > 2 || (kind == GD_INQUIRY && arg) ||
	    (kind == GD_ORDER && (!arg || !o.customer || !o.ship_by)) ||
	    (kind == GD_CUSTOMER && !arg && !o.from_inquiry))
		return cmd_usage(&cmd_add_entry);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	/* every record, from the summary: ids taken, duplicates, bad ones */
	gd_ledger_survey(l, cmd_print_bad, NULL);
	return add(l, kind, arg, &o, &now, today);
}

const struct cmd_entry cmd_add_entry = {
	"add",
	"add customer NAME [--id ID] [--tier T] [--owner EMAIL] [--email EMAIL]\n"
	"                  [--phone PHONE] [--country CC] [--city CITY] [--tag TAG]...\n"
	"                  [--source SRC] [--note TEXT] [--force] [--from-inquiry REF]\n"
	"   or: gendan add inquiry [--id ID] [--from NAME] [--company C] [--email EMAIL]\n"
	"                  [--phone PHONE] [--country CC] [--customer REF] [--channel CH]\n"
	"                  [--product P] [--qty Q] [--grade G] [--received TIME]\n"
	"                  [--owner EMAIL] [--note TEXT] [--force]\n"
	"   or: gendan add order NUMBER --customer REF --ship-by DATE [--id ID]\n"
	"                  [--item PRODUCT:QTY[:PRICE]]... [--currency CUR]\n"
	"                  [--buffer DUR] [--owner EMAIL] [--note TEXT]",
	N_("add a customer, inquiry or order, refusing likely duplicates unless --force"),
	CMD_LEDGER | CMD_LOCK,
	run,
};
