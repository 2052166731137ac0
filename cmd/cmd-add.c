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

static void set_opt(gd_node *map, const char *key, const char *value)
{
	if (value && *value)
		gd_node_set_str(map, key, value, 0);
}

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

static int add_customer(gd_ledger *l, const char *name, struct add_opts *o,
			const gd_time *now, gd_date today)
{
	gd_record *r = NULL, *inq = NULL;
	char *id = NULL, created[GD_DATE_LEN];
	const char *owner = o->owner;
	int err;
	size_t i;

	if (o->from_inquiry) {
		const gd_node *from;
		if ((err = cmd_find(l, &inq, o->from_inquiry, GD_INQUIRY)) < 0)
			goto done;
		if ((err = gd_ledger_check_clean(l, inq)) < 0)
			goto done;
		from = gd_node_get(inq->root, "from");
		if (!name && from)
			name = gd_node_str(from, "company") ? gd_node_str(from, "company")
							    : gd_node_str(from, "name");
		if (!o->email)
			o->email = gd_node_str(from, "email");
		if (!o->phone)
			o->phone = gd_node_str(from, "phone");
		if (!o->country)
			o->country = gd_node_str(from, "country");
		if (!o->tier)
			o->tier = gd_node_str(inq->root, "grade");
		if (!owner)
			owner = gd_node_str(inq->root, "owner");
	}
	if (!name || !*name) {
		err = gd_error_set(GD_EINVALID, _("a customer needs a name"));
		goto done;
	}
	if ((err = check_grade(l, "tier", o->tier)) < 0)
		goto done;
	if (o->id && (err = check_id(l, GD_CUSTOMER, o->id)) < 0)
		goto done;
	id = o->id ? strdup(o->id) : gd_ledger_new_id(l, GD_CUSTOMER, name, now, today);
	if (!id) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	if (!o->force) {
		gd_dup_probe probe = {name, o->email, o->phone};
		/* the inquiry being turned into its customer is no duplicate */
		if ((err = dup_check(l, &probe, name, inq, NULL)) < 0)
			goto done;
	}
	r = gd_record_new(GD_CUSTOMER, id);
	set_opt(r->root, "name", name);
	set_opt(r->root, "tier", o->tier);
	gd_node_set_str(r->root, "status", "active", 0);
	set_opt(r->root, "owner", owner ? owner : gd_store_me(gd_ledger_store(l)));
	set_opt(r->root, "email", o->email);
	set_opt(r->root, "phone", o->phone);
	set_opt(r->root, "country", o->country);
	set_opt(r->root, "city", o->city);
	if (o->ntags) {
		gd_node *tags = gd_node_seq();
		for (i = 0; i < o->ntags; i++)
			gd_node_push(tags, gd_node_scalar(o->tags[i], 0));
		gd_node_set(r->root, "tags", tags);
	}
	set_opt(r->root, "source", o->source ? o->source
					     : inq ? gd_node_str(inq->root, "channel")
						   : NULL);
	gd_date_format(created, today);
	gd_node_set_str(r->root, "created", created, 1);
	set_opt(r->root, "note", o->note);
	if (inq)
		gd_node_set_str(inq->root, "customer", id, 0);
	err = finish(l, r, inq, name);
done:
	free(id);
	gd_record_free(r);
	return err;
}

static int add_inquiry(gd_ledger *l, struct add_opts *o, const gd_time *now,
		       gd_date today)
{
	gd_record *r = NULL, *cust = NULL;
	gd_node *from;
	gd_time received = *now;
	char *id = NULL, *seed = NULL, at[GD_TIME_LEN];
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
		gd_dup_probe probe = {o->company, o->email, o->phone};
		if ((err = dup_check(l, &probe, who, NULL,
				     cust ? cust->id : NULL)) < 0)
			goto done;
	}
	r = gd_record_new(GD_INQUIRY, id);
	gd_time_format(at, &received);
	gd_node_set_str(r->root, "received", at, 1);
	from = gd_node_map();
	set_opt(from, "name", o->from);
	set_opt(from, "company", o->company);
	set_opt(from, "email", o->email);
	set_opt(from, "phone", o->phone);
	set_opt(from, "country", o->country);
	gd_node_set(r->root, "from", from);
	if (cust)
		gd_node_set_str(r->root, "customer", cust->id, 0);
	set_opt(r->root, "channel", o->channel);
	set_opt(r->root, "product", o->product);
	set_opt(r->root, "quantity", o->qty);
	set_opt(r->root, "grade", o->grade);
	gd_node_set_str(r->root, "status", "new", 0);
	set_opt(r->root, "owner", o->owner ? o->owner : gd_store_me(gd_ledger_store(l)));
	set_opt(r->root, "note", o->note);
	err = finish(l, r, NULL, who);
done:
	free(seed);
	free(id);
	gd_record_free(r);
	return err;
}

static int is_number(const char *s)
{
	char *end;

	if (!*s)
		return 0;
	(void)strtod(s, &end); /* only where it stops matters */
	return !*end;
}

/* "PRODUCT:QTY[:PRICE]"; the product itself may hold ':'. */
static int parse_item(gd_node **out, const char *spec)
{
	char *copy = strdup(spec), *last, *prev;
	gd_node *item;
	const char *qty, *price = NULL;

	*out = NULL;
	if (!copy)
		return gd_error_set(GD_ERROR, _("out of memory"));
	last = strrchr(copy, ':');
	if (!last || last == copy || !is_number(last + 1))
		goto bad;
	*last = '\0';
	qty = last + 1;
	prev = strrchr(copy, ':');
	if (prev && prev != copy && is_number(prev + 1)) {
		*prev = '\0';
		price = qty;
		qty = prev + 1;
	}
	if (*qty == '-' || (price && *price == '-')) {
		free(copy);
		return gd_error_set(GD_EINVALID, _("item '%s': quantity and price must not be negative"),
				    spec);
	}
	item = gd_node_map();
	gd_node_set_str(item, "product", copy, 0);
	gd_node_set_str(item, "qty", qty, 1);
	if (price)
		gd_node_set_str(item, "price", price, 1);
	free(copy);
	*out = item;
	return 0;
bad:
	free(copy);
	return gd_error_set(GD_EINVALID, _("invalid item '%s': use PRODUCT:QTY[:PRICE]"),
			    spec);
}

static int add_order(gd_ledger *l, const char *number, struct add_opts *o,
		     const gd_time *now, gd_date today)
{
	gd_record *r = NULL, *cust = NULL;
	gd_node *items = NULL;
	gd_date ship_by;
	int64_t buffer = gd_ledger_config(l)->order_buffer;
	char *id = NULL, d[GD_DATE_LEN];
	int err;
	size_t i;

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
	for (i = 0; i < o->nitems; i++) {
		gd_node *item;
		if ((err = parse_item(&item, o->items[i])) < 0)
			goto done;
		if (!items)
			items = gd_node_seq();
		gd_node_push(items, item);
	}
	id = o->id ? strdup(o->id) : gd_ledger_new_id(l, GD_ORDER, number, now, today);
	if (!id) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	r = gd_record_new(GD_ORDER, id);
	gd_node_set_str(r->root, "number", number, 0);
	gd_node_set_str(r->root, "customer", cust->id, 0);
	set_opt(r->root, "owner", o->owner ? o->owner
				  : gd_record_owner(cust) ? gd_record_owner(cust)
							  : gd_store_me(gd_ledger_store(l)));
	gd_node_set_str(r->root, "status", "open", 0);
	if (items)
		gd_node_set(r->root, "items", items);
	items = NULL;
	set_opt(r->root, "currency", o->currency);
	gd_order_plan(r, gd_ledger_config(l), ship_by, buffer);
	set_opt(r->root, "note", o->note);
	err = finish(l, r, NULL, number);
done:
	gd_node_free(items);
	free(id);
	gd_record_free(r);
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
	if ((err = cmd_open(ctx, &l, 0, 1)) < 0)
		return err;
	/* every record, from the summary: ids taken, duplicates, bad ones */
	gd_ledger_survey(l, cmd_print_bad, NULL);
	if (kind == GD_CUSTOMER)
		err = add_customer(l, arg, &o, &now, today);
	else if (kind == GD_INQUIRY)
		err = add_inquiry(l, &o, &now, today);
	else
		err = add_order(l, arg, &o, &now, today);
	gd_ledger_free(l);
	return err;
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
	run,
};
