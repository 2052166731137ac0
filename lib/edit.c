/*
 * edit.c - new records, contacts, stages and payments (see gendan/edit.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gendan/decimal.h"
#include "gendan/edit.h"
#include "gendan/error.h"
#include "gendan/money.h"
#include "gendan/people.h"
#include "internal.h"

/* --- new records ------------------------------------------------------- */

static void set_opt(gd_node *map, const char *key, const char *value)
{
	if (value && *value)
		gd_node_set_str(map, key, value, 0);
}

void gd_new_fields_from_inquiry(gd_new_fields *f, const gd_record *q)
{
	const gd_node *from = gd_node_get(q->root, "from");

	if (!f->name && from)
		f->name = gd_node_str(from, "company") ? gd_node_str(from, "company")
						       : gd_node_str(from, "name");
	if (!f->email)
		f->email = gd_node_str(from, "email");
	if (!f->phone)
		f->phone = gd_node_str(from, "phone");
	if (!f->country)
		f->country = gd_node_str(from, "country");
	if (!f->tier)
		f->tier = gd_node_str(q->root, "grade");
	if (!f->owner)
		f->owner = gd_node_str(q->root, "owner");
	if (!f->source)
		f->source = gd_node_str(q->root, "channel");
}

void gd_record_fill_new(gd_record *r, const gd_config *cfg, const char *me,
			const gd_time *now)
{
	char d[GD_TIME_LEN];

	if (!gd_node_get(r->root, "status"))
		gd_node_set_str(r->root, "status", gd_record_status(r), 0);
	if (!gd_node_get(r->root, "owner") && me)
		gd_node_set_str(r->root, "owner", me, 0);
	/* a new record with an owner is theirs from today (SPEC 2.2) */
	if (r->kind == GD_CUSTOMER && gd_record_owner(r) && *gd_record_owner(r) &&
	    !gd_node_get(r->root, "owner-since")) {
		gd_date_format(d, gd_time_date(now));
		gd_node_set_str(r->root, "owner-since", d, 1);
	}
	if (r->kind == GD_CUSTOMER && !gd_node_get(r->root, "created")) {
		gd_date_format(d, gd_time_date(now));
		gd_node_set_str(r->root, "created", d, 1);
	}
	if (r->kind == GD_INQUIRY && !gd_node_get(r->root, "received")) {
		gd_time_format(d, now);
		gd_node_set_str(r->root, "received", d, 1);
	}
	if (r->kind == GD_ORDER && !gd_node_get(r->root, "stages")) {
		gd_date ship;
		const char *s = gd_node_str(r->root, "ship-by");
		if (s && gd_date_parse(&ship, s) == 0 && !gd_node_get(r->root, "internal-by"))
			gd_order_plan(r, cfg, ship, cfg->order_buffer);
	}
}

static int is_number(const char *s)
{
	gd_dec d;
	int err = gd_dec_parse(&d, s);

	gd_error_clear();
	return err == 0;
}

/* A number as typed, or its plain form when it groups thousands (2,000
 * is written 2000, so that it reads back as a number). */
static void set_number(gd_node *map, const char *key, const char *s)
{
	char buf[GD_DEC_LEN];
	gd_dec d;

	if (strpbrk(s, ", ") && gd_dec_parse(&d, s) == 0) {
		gd_dec_format(buf, d);
		s = buf;
	}
	gd_node_set_str(map, key, s, 1);
}

int gd_order_item_parse(gd_node **out, const char *spec)
{
	char *copy = gd__xstrdup(spec), *last, *prev;
	gd_node *item;
	const char *qty, *price = NULL;
	int err = 0;

	*out = NULL;
	last = strrchr(copy, ':');
	if (!last || last == copy || !is_number(last + 1)) {
		err = gd_error_set(GD_EINVALID, _("invalid item '%s': use PRODUCT:QTY[:PRICE]"),
				   spec);
		goto done;
	}
	*last = '\0';
	qty = last + 1;
	prev = strrchr(copy, ':');
	if (prev && prev != copy && is_number(prev + 1)) {
		*prev = '\0';
		price = qty;
		qty = prev + 1;
	}
	if (*qty == '-' || (price && *price == '-')) {
		err = gd_error_set(GD_EINVALID, _("item '%s': quantity and price must not be negative"),
				   spec);
		goto done;
	}
	item = gd_node_map();
	gd_node_set_str(item, "product", copy, 0);
	set_number(item, "qty", qty);
	if (price)
		set_number(item, "price", price);
	*out = item;
done:
	free(copy);
	return err;
}

/* The one who sent inquiry q becomes a person of its new customer r, with
 * the email and phone they wrote from (left out when not valid: the
 * inquiry keeps them as they came). */
static void inquirer_person(gd_record *r, const gd_record *q)
{
	const gd_node *from = gd_node_get(q->root, "from");
	const char *name = from ? gd_node_str(from, "name") : NULL;
	gd_person_fields pf = {0};

	if (!name || !*name)
		return;
	pf.email = gd_node_str(from, "email");
	pf.phone = gd_node_str(from, "phone");
	if (gd_person_add(r, name, &pf) < 0) {
		memset(&pf, 0, sizeof(pf));
		gd_person_add(r, name, &pf);
		gd_error_clear();
	}
}

static void customer_fields(gd_record *r, const gd_new_fields *f)
{
	size_t i;

	set_opt(r->root, "name", f->name);
	set_opt(r->root, "tier", f->tier);
	set_opt(r->root, "email", f->email);
	set_opt(r->root, "phone", f->phone);
	set_opt(r->root, "country", f->country);
	set_opt(r->root, "city", f->city);
	if (f->ntags) {
		gd_node *tags = gd_node_seq();
		for (i = 0; i < f->ntags; i++)
			gd_node_push(tags, gd_node_scalar(f->tags[i], 0));
		gd_node_set(r->root, "tags", tags);
	}
	set_opt(r->root, "source", f->source);
	if (f->inquiry) {
		gd_node_set_str(f->inquiry->root, "customer", r->id, 0);
		inquirer_person(r, f->inquiry);
	}
}

static void inquiry_fields(gd_record *r, const gd_new_fields *f,
			   const gd_time *now)
{
	gd_node *from = gd_node_map();
	char at[GD_TIME_LEN];

	gd_time_format(at, f->received ? f->received : now);
	gd_node_set_str(r->root, "received", at, 1);
	set_opt(from, "name", f->from);
	set_opt(from, "company", f->company);
	set_opt(from, "email", f->email);
	set_opt(from, "phone", f->phone);
	set_opt(from, "country", f->country);
	gd_node_set(r->root, "from", from);
	if (f->customer)
		gd_node_set_str(r->root, "customer", f->customer->id, 0);
	set_opt(r->root, "channel", f->channel);
	set_opt(r->root, "product", f->product);
	set_opt(r->root, "quantity", f->quantity);
	set_opt(r->root, "grade", f->grade);
}

static int order_fields(gd_record *r, const gd_new_fields *f,
			const gd_config *cfg)
{
	gd_node *items = NULL, *item;
	size_t i;
	int err;

	for (i = 0; i < f->nitems; i++) {
		if ((err = gd_order_item_parse(&item, f->items[i])) < 0) {
			gd_node_free(items);
			return err;
		}
		if (!items)
			items = gd_node_seq();
		gd_node_push(items, item);
	}
	if (f->number)
		gd_node_set_str(r->root, "number", f->number, 0);
	if (f->customer)
		gd_node_set_str(r->root, "customer", f->customer->id, 0);
	if (items)
		gd_node_set(r->root, "items", items);
	set_opt(r->root, "currency", f->currency);
	gd_order_plan(r, cfg, f->ship_by, f->buffer ? f->buffer : cfg->order_buffer);
	return 0;
}

/* The owner f names, else its customer's (orders, inquiries), else me. */
static const char *new_owner(gd_kind kind, const gd_new_fields *f,
			     const char *me)
{
	if (f->owner)
		return f->owner;
	if (kind != GD_CUSTOMER && f->customer && gd_record_owner(f->customer))
		return gd_record_owner(f->customer);
	return me;
}

int gd_new_record(gd_record **out, gd_kind kind, const char *id,
		  const gd_new_fields *f, const gd_config *cfg, const char *me,
		  const gd_time *now)
{
	gd_record *r = gd_record_new(kind, id);
	int err = 0;

	*out = NULL;
	if (kind == GD_CUSTOMER)
		customer_fields(r, f);
	else if (kind == GD_INQUIRY)
		inquiry_fields(r, f, now);
	else if ((err = order_fields(r, f, cfg)) < 0)
		goto done;
	/* "" for owner: nobody's, so the default owner does not apply */
	set_opt(r->root, "owner", new_owner(kind, f, me));
	set_opt(r->root, "note", f->note);
	gd_record_fill_new(r, cfg, NULL, now);
	*out = r;
	r = NULL;
done:
	gd_record_free(r);
	return err;
}

/* --- the log ----------------------------------------------------------- */

/* A log entry at `at` by `by` (either may be NULL) with that note. */
static gd_node *log_entry(const gd_time *at, const char *by, const char *via,
			  const char *note)
{
	gd_node *entry = gd_node_map();
	char buf[GD_TIME_LEN];

	gd_time_format(buf, at);
	gd_node_set_str(entry, "at", buf, 1);
	if (by)
		gd_node_set_str(entry, "by", by, 0);
	if (via)
		gd_node_set_str(entry, "via", via, 0);
	if (note && *note)
		gd_node_set_str(entry, "note", note, 0);
	return entry;
}

int gd_contact_check_via(const gd_config *cfg, const char *via)
{
	if (via && !gd_config_has_channel(cfg, via))
		return gd_error_set(GD_EINVALID, _("channel '%s' is not one of the channels in gendan.yaml"),
				    via);
	return 0;
}

/* The first contact on an inquiry is its reply. */
static void reply_rule(gd_record *r, const gd_time *at)
{
	char buf[GD_TIME_LEN];

	if (r->kind != GD_INQUIRY || gd_node_str(r->root, "replied"))
		return;
	gd_time_format(buf, at);
	gd_node_set_str(r->root, "replied", buf, 1);
	if (!strcmp(gd_record_status(r), "new"))
		gd_node_set_str(r->root, "status", "replied", 0);
}

int gd_record_log_contact(gd_record *r, const gd_contact *c,
			  const gd_config *cfg)
{
	gd_node *entry;
	int err;

	if ((err = gd_contact_check_via(cfg, c->via)) < 0)
		return err;
	entry = log_entry(&c->at, c->by, c->via, c->note);
	if (c->next) {
		char d[GD_DATE_LEN];
		gd_date_format(d, *c->next);
		gd_node_set_str(entry, "next", d, 1);
	}
	gd_record_add_log(r, entry);
	reply_rule(r, &c->at);
	return gd_record_validate(r, cfg);
}

/* --- stages and payments ----------------------------------------------- */

/* The item of the list `key` whose `field` is `name`; appended when
 * create, else NULL when absent.  Borrowed. */
static gd_node *list_item(gd_record *r, const char *key, const char *field,
			  const char *name, int create)
{
	gd_node *list = gd_node_get(r->root, key), *item;
	size_t i;

	for (i = 0; list && list->type == GD_SEQ && i < list->n; i++) {
		const char *v = gd_node_str(list->vals[i], field);
		if (list->vals[i]->type == GD_MAP && v && !strcmp(v, name))
			return list->vals[i];
	}
	if (!create)
		return NULL;
	if (!list || list->type != GD_SEQ) {
		list = gd_node_seq();
		gd_node_set(r->root, key, list);
	}
	item = gd_node_map();
	gd_node_set_str(item, field, name, 0);
	gd_node_push(list, item);
	return item;
}

static void set_date(gd_node *map, const char *key, const gd_date *d)
{
	char buf[GD_DATE_LEN];

	if (!d)
		return;
	gd_date_format(buf, *d);
	gd_node_set_str(map, key, buf, 1);
}

int gd_order_stage(gd_record *r, const char *name, const gd_stage_update *u)
{
	gd_node *stage = list_item(r, "stages", "name", name, u->plan != NULL);
	char *text;

	if (!stage)
		return gd_error_set(GD_ENOTFOUND,
				    _("order '%s' has no stage '%s' (add it with --plan DATE)"),
				    r->id, name);
	set_date(stage, "plan", u->plan);
	set_date(stage, "done", u->done);
	if (u->note) {
		gd_node_set_str(stage, "note", u->note, 0);
		text = gd__xasprintf("stage %s: %s", name, u->note);
		gd_record_add_log(r, log_entry(&u->at, u->by, NULL, text));
		free(text);
	}
	return 0;
}

int gd_amount_check(const char *amount)
{
	gd_dec d;

	if (gd_dec_parse(&d, amount) < 0 || d.units < 0)
		return gd_error_set(GD_EINVALID,
				    _("invalid amount '%s': a number, not negative"), amount);
	return 0;
}

/* The receipt of u->amount (by default all that is outstanding, less the
 * fee) and u->fee on *u->received; `received` once nothing is left. */
static int add_receipt(gd_node *pay, const char *what, const gd_payment_update *u)
{
	gd_dec owed, fee = {0}, got, both;
	char buf[GD_DEC_LEN];
	gd_node *receipts, *rc;
	int err;

	if ((err = gd_payment_outstanding(&owed, pay)) < 0)
		return err;
	if (u->fee && (err = gd_dec_parse(&fee, u->fee)) < 0)
		return err;
	if (u->amount)
		(void)gd_dec_parse(&got, u->amount); /* checked by the caller */
	else if ((err = gd_dec_sub(&got, owed, fee)) < 0)
		return err;
	if ((err = gd_dec_add(&both, got, fee)) < 0)
		return err;
	if (got.units < 0 || gd_dec_cmp(both, owed) > 0) {
		gd_dec_format(buf, owed);
		return gd_error_set(GD_EINVALID,
				    _("payment '%s': --amount and --fee are more than the %s outstanding"),
				    what, buf);
	}
	if (!(receipts = gd_node_get(pay, "receipts")) || !gd_node_is(receipts, GD_SEQ)) {
		receipts = gd_node_seq();
		gd_node_set(pay, "receipts", receipts);
	}
	rc = gd_node_map();
	set_date(rc, "on", u->received);
	gd_dec_format(buf, got);
	set_number(rc, "amount", u->amount ? u->amount : buf);
	if (u->fee)
		set_number(rc, "fee", u->fee);
	if (u->note)
		gd_node_set_str(rc, "note", u->note, 0);
	gd_node_push(receipts, rc);
	if (gd_dec_cmp(both, owed) == 0)
		set_date(pay, "received", u->received);
	return 0;
}

int gd_order_pay(gd_record *r, const char *what, const gd_payment_update *u)
{
	gd_node *pay;
	int err;

	if (u->amount && (err = gd_amount_check(u->amount)) < 0)
		return err;
	if (u->fee && (err = gd_amount_check(u->fee)) < 0)
		return err;
	pay = list_item(r, "payments", "what", what, 1);
	set_date(pay, "due", u->due);
	if (u->amount && (!u->received || !gd_node_get(pay, "amount"))) {
		/* a plan, or the first word of a payment paid at once */
		set_number(pay, "amount", u->amount);
		if (u->received && !u->fee && !u->note) {
			set_date(pay, "received", u->received);
			return 0;
		}
	}
	if (!u->received)
		return 0;
	if (!gd_node_get(pay, "amount") || gd_node_get(pay, "received")) {
		if (gd_node_get(pay, "received"))
			return gd_error_set(GD_EINVALID,
					    _("payment '%s' is already received in full"), what);
		set_date(pay, "received", u->received);
		return 0;
	}
	return add_receipt(pay, what, u);
}
