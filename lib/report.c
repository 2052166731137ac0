/*
 * report.c - weekly report and monthly A-list (see gendan/report.h).
 * The report is built once as JSON (jansson) and printed as JSON or
 * rendered as Markdown or HTML (lib/report-html.c) from it, so every
 * format says the same.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/decimal.h"
#include "gendan/due.h"
#include "gendan/error.h"
#include "gendan/money.h"
#include "gendan/report.h"
#include "gendan/roster.h"
#include "internal.h"
#include "report-private.h"

#define DAY 86400

static json_t *str(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *ref_of(const gd_record *r)
{
	return json_sprintf("%s/%s", gd_kind_name(r->kind), r->id);
}

static int owned(const gd_record *r, const char *owner)
{
	const char *o = gd_record_owner(r);

	return !owner || (o && !strcasecmp(o, owner));
}

void gd_report_period_of(gd_report_period *p, gd_report_kind kind,
			 gd_date day, const gd_time *now)
{
	int y, m, d;

	p->kind = kind;
	if (kind == GD_REPORT_WEEK) {
		p->from = day - gd_date_weekday(day);
		p->to = p->from + 6;
	} else {
		gd_date_to_ymd(day, &y, &m, &d);
		p->from = gd_date_from_ymd(y, m, 1);
		p->to = (m == 12 ? gd_date_from_ymd(y + 1, 1, 1)
				 : gd_date_from_ymd(y, m + 1, 1)) - 1;
	}
	p->start = gd_time_local(p->from, 0, 0).t;
	p->end = gd_time_local(p->to + 1, 0, 0).t - 1;
	p->past = p->end < now->t;
	p->at = p->past ? p->end : now->t;
	p->at_day = p->past ? p->to : gd_time_date(now);
}

int gd_report_overdue(const gd_due_item *it, const gd_config *cfg,
		      int64_t at, gd_date at_day, int64_t *late)
{
	if (it->reason == GD_DUE_REPLY && it->received) {
		*late = at - (it->received + cfg->reply_within);
		return *late > 0;
	}
	*late = (int64_t)at_day - (int64_t)it->due;
	return *late > 0;
}

/* --- events: from today's records, by their own times ---------------- */

struct events {
	const gd_report_period *p;
	json_t *people;   /* email -> {contacts, by_day[]} */
	size_t total;
};

/* One contact by `by` at t, counted for its person and day. */
static void count_contact(struct events *ev, const char *by, const gd_time *t)
{
	json_t *o = json_object_get(ev->people, by), *days;
	size_t i, n = (size_t)ev->p->to - (size_t)ev->p->from + 1;
	gd_date d = gd_time_date(t);

	if (!o) {
		o = json_object();
		days = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(days, json_integer(0));
		json_object_set_new(o, "contacts", json_integer(0));
		json_object_set_new(o, "by_day", days);
		json_object_set_new(ev->people, by, o);
	}
	json_object_set_new(o, "contacts",
			    json_integer(json_integer_value(json_object_get(o, "contacts")) + 1));
	days = json_object_get(o, "by_day");
	if (d >= ev->p->from && d <= ev->p->to) {
		i = (size_t)(d - ev->p->from);
		json_array_set_new(days, i, json_integer(json_integer_value(json_array_get(days, i)) + 1));
	}
	ev->total++;
}

/* The log entries of r made within the period: their number. */
static size_t contacts(struct events *ev, const gd_record *r)
{
	const gd_node *log = gd_node_get(r->root, "log");
	size_t i, count = 0;

	for (i = 0; log && log->type == GD_SEQ && i < log->n; i++) {
		const char *at = gd_node_str(log->vals[i], "at");
		const char *by = gd_node_str(log->vals[i], "by");
		gd_time t;
		if (!at || gd_time_parse_iso(&t, at) < 0 || t.t < ev->p->start || t.t > ev->p->end)
			continue;
		count_contact(ev, by ? by : "(unknown)", &t);
		count++;
	}
	return count;
}

static int strp_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The people who made contacts, sorted by email. */
static json_t *people_list(json_t *people)
{
	json_t *list = json_array(), *v;
	const char **keys = gd__xcalloc(json_object_size(people) + 1, sizeof(*keys));
	const char *k;
	size_t n = 0, i;

	json_object_foreach(people, k, v)
		keys[n++] = k;
	qsort(keys, n, sizeof(*keys), strp_cmp);
	for (i = 0; i < n; i++) {
		json_t *o = json_object_get(people, keys[i]);
		json_t *e = json_object();
		json_object_set_new(e, "email", json_string(keys[i]));
		json_object_set(e, "contacts", json_object_get(o, "contacts"));
		json_object_set(e, "by_day", json_object_get(o, "by_day"));
		json_array_append_new(list, e);
	}
	free(keys);
	return list;
}

/* An inquiry received within the period and how fast it was answered
 * (a reply given after p->at not yet); NULL for any other inquiry. */
static json_t *new_inquiry(const gd_record *r, const gd_record *named,
			   const gd_report_period *p, const gd_config *cfg)
{
	const char *rs = gd_node_str(r->root, "received");
	const char *rp = gd_node_str(r->root, "replied");
	gd_time tr, tp;
	int64_t waited;
	json_t *o;

	if (!rs || gd_time_parse_iso(&tr, rs) < 0 || tr.t < p->start || tr.t > p->end)
		return NULL;
	o = json_object();
	json_object_set_new(o, "ref", ref_of(r));
	json_object_set_new(o, "name", str(gd_record_name(named)));
	json_object_set_new(o, "owner", str(gd_record_owner(named)));
	json_object_set_new(o, "received", json_string(rs));
	json_object_set_new(o, "product", str(gd_node_str(r->root, "product")));
	if (rp && gd_time_parse_iso(&tp, rp) == 0 && tp.t <= p->at) {
		waited = tp.t - tr.t;
		json_object_set_new(o, "reply_hours", json_real((double)waited / 3600.0));
	} else {
		waited = p->at - tr.t;
		json_object_set_new(o, "reply_hours", json_null());
	}
	json_object_set_new(o, "late", json_boolean(waited > cfg->reply_within));
	return o;
}

/* The money of a month's report: the list, the total by currency and
 * what the total leaves out (sums NULL in a week's: no total). */
struct money {
	json_t *list, *sums, *skipped;
};

/* "payments[2].receipts[1].amount": a field of payment i (and of its
 * receipt j, when j is not (size_t)-1), counted from 1 as validation
 * names them. */
static char *pay_field(size_t i, size_t j, const char *key)
{
	if (j == (size_t)-1)
		return key ? gd__xasprintf("payments[%zu].%s", i + 1, key)
			   : gd__xasprintf("payments[%zu]", i + 1);
	return gd__xasprintf("payments[%zu].receipts[%zu].%s", i + 1, j + 1, key);
}

/* Amount at field of r, of currency cur, onto the total of m (or left
 * out with why: skip). */
static void count(struct money *m, const gd_record *r, const char *cur, const char *amount,
		  char *field, int skip)
{
	char *ref;

	if (!m->sums) {
		/* a week's report: no totals */
		gd_error_clear();
		free(field);
		return;
	}
	ref = gd__xasprintf("%s/%s", gd_kind_name(r->kind), r->id);
	if (skip)
		gd__report_skip(m->sums, m->skipped, cur, amount, ref, field);
	else
		gd__report_add(m->sums, m->skipped, cur, amount, ref, field);
	gd_error_clear();
	free(ref);
	free(field);
}

/* The receipts of order r's payments within the period onto m: each
 * receipt on its day, and what a payment `received` in full on a day of
 * the period still lacked then (named: the order as it stood). */
static void receipts(struct money *m, const gd_record *r, const gd_record *named,
		     const gd_report_period *p)
{
	const gd_node *pays = gd_node_get(r->root, "payments");
	const char *cur = gd_node_str(r->root, "currency");
	size_t i, j;

	for (i = 0; pays && pays->type == GD_SEQ && i < pays->n; i++) {
		const gd_node *pay = pays->vals[i], *rc = gd_node_get(pay, "receipts");
		const char *full = gd_node_str(pay, "received"), *amount;
		gd_date d;
		gd_dec left;
		char buf[GD_DEC_LEN];
		for (j = 0; rc && rc->type == GD_SEQ && j < rc->n; j++) {
			const char *on = gd_node_str(rc->vals[j], "on");
			if (!on || gd_date_parse(&d, on) < 0 || d < p->from || d > p->to)
				continue;
			amount = gd_node_str(rc->vals[j], "amount");
			gd__report_receipt(m->list, named, pay, cur, on, amount,
					   gd_node_str(rc->vals[j], "fee"));
			count(m, r, cur, amount, pay_field(i, j, "amount"), 0);
		}
		if (!full || gd_date_parse(&d, full) < 0 || d < p->from || d > p->to)
			continue;
		if (gd__report_rest(&left, pay) < 0) {
			if (*gd_error_last())
				count(m, r, cur, NULL, pay_field(i, (size_t)-1, NULL), 1);
			gd_error_clear();
			continue;
		}
		if (left.units <= 0)
			continue;
		gd_dec_format(buf, left);
		gd__report_receipt(m->list, named, pay, cur, full, buf, NULL);
		count(m, r, cur, buf, pay_field(i, (size_t)-1, "received"), 0);
	}
}

/* --- states: from the records as they stood at p->at ----------------- */

/* Every pending item of the state records, whatever its date. */
static void all_items(gd_due_item **items, size_t *ni, gd_record *const *state,
		      size_t n, const gd_config *cfg, const gd_report_period *p,
		      const char *owner, int local)
{
	gd_due_filter f = {0};

	f.kind = -1;
	f.all = !owner;
	f.owner = owner;
	f.local = local;
	f.days = 366 * 30;
	gd_due_list(items, ni, state, n, cfg, p->at_day, &f);
}

/* The record with the latest contact among each customer's linked
 * inquiries and orders (SPEC 2.3): {customer id: index in recs}. */
static json_t *linked_last(gd_record *const *recs, size_t n)
{
	json_t *by = json_object(), *had;
	gd_time t, u;
	size_t i;

	for (i = 0; i < n; i++) {
		const char *c = recs[i]->kind == GD_CUSTOMER ? NULL
				: gd_node_str(recs[i]->root, "customer");
		if (!c || !gd_record_last_log(recs[i], &t))
			continue;
		had = json_object_get(by, c);
		if (had && gd_record_last_log(recs[json_integer_value(had)], &u) && u.t >= t.t)
			continue;
		json_object_set_new(by, c, json_integer((json_int_t)i));
	}
	return by;
}

/* A key customer's line: its last contact, its own or on a linked
 * record, and when it is due next (due: its follow-up, or NULL). */
static json_t *key_customer(const gd_record *r, const gd_record *link,
			    const gd_due_item *due)
{
	json_t *o = json_object();
	gd_time at, lat;
	const gd_node *last = gd_record_last_log(r, &at);
	const gd_node *ll = link ? gd_record_last_log(link, &lat) : NULL;
	char d[GD_DATE_LEN];

	if (ll && (!last || lat.t > at.t)) {
		last = ll;
		at = lat;
	}
	json_object_set_new(o, "ref", ref_of(r));
	json_object_set_new(o, "name", str(gd_record_name(r)));
	json_object_set_new(o, "owner", str(gd_record_owner(r)));
	json_object_set_new(o, "status", str(gd_record_status(r)));
	if (last) {
		gd_date_format(d, gd_time_date(&at));
		json_object_set_new(o, "last_contact", json_string(d));
		json_object_set_new(o, "last_note", str(gd_node_str(last, "note")));
	} else {
		json_object_set_new(o, "last_contact", json_null());
	}
	if (due) {
		gd_date_format(d, due->due);
		json_object_set_new(o, "next_due", json_string(d));
		json_object_set_new(o, "due_detail", json_string(due->detail));
	}
	return o;
}

static json_t *overdue_item(const gd_due_item *it, int64_t late)
{
	json_t *o = json_object();
	char dd[GD_DATE_LEN];

	gd_date_format(dd, it->due);
	json_object_set_new(o, "ref", json_sprintf("%s/%s", gd_kind_name(it->kind), it->id));
	json_object_set_new(o, "name", str(it->name));
	json_object_set_new(o, "owner", str(it->owner));
	json_object_set_new(o, "due", json_string(dd));
	if (it->reason == GD_DUE_REPLY && it->received) {
		json_object_set_new(o, "days_late", json_integer(late / DAY));
		json_object_set_new(o, "hours_late", json_integer(late / 3600));
	} else {
		json_object_set_new(o, "days_late", json_integer(late));
	}
	json_object_set_new(o, "detail", json_string(it->detail));
	return o;
}

/* The payments of open and shipped orders with money outstanding; one
 * whose numbers do not read left out of the total, named. */
static void unpaid(struct money *m, const gd_record *r)
{
	const gd_node *pays = gd_node_get(r->root, "payments");
	const char *st = gd_record_status(r), *cur = gd_node_str(r->root, "currency");
	size_t i;

	if (strcmp(st, "open") && strcmp(st, "shipped"))
		return;
	for (i = 0; pays && pays->type == GD_SEQ && i < pays->n; i++) {
		gd_dec left;
		char buf[GD_DEC_LEN];
		json_t *o;
		if (gd__report_unpaid(&left, pays->vals[i]) < 0) {
			count(m, r, cur, NULL, pay_field(i, (size_t)-1, NULL), 1);
			continue;
		}
		if (left.units <= 0)
			continue;
		gd_dec_format(buf, left);
		o = json_object();
		json_object_set_new(o, "order", str(gd_record_name(r)));
		json_object_set_new(o, "ref", ref_of(r));
		json_object_set_new(o, "what", str(gd_node_str(pays->vals[i], "what")));
		json_object_set_new(o, "due", str(gd_node_str(pays->vals[i], "due")));
		json_object_set_new(o, "currency", str(cur));
		json_object_set_new(o, "outstanding", json_string(buf));
		json_array_append_new(m->list, o);
		count(m, r, cur, buf, pay_field(i, (size_t)-1, "outstanding"), 0);
	}
}

/* The states of owner's records at p->at onto rep. */
static void states(json_t *rep, const gd_report_period *p, gd_record *const *state,
		   size_t n, const gd_config *cfg, const char *owner, int local)
{
	json_t *key = json_array(), *late = json_array();
	json_t *linked, *follow = json_object();
	struct money money = {json_array(), NULL, json_array()};
	gd_due_item *items = NULL;
	size_t ni = 0, i;
	int64_t by;

	if (p->kind == GD_REPORT_MONTH)
		money.sums = json_object();
	all_items(&items, &ni, state, n, cfg, p, owner, local);
	linked = linked_last(state, n);
	for (i = 0; i < ni; i++)
		if (items[i].kind == GD_CUSTOMER && !json_object_get(follow, items[i].id))
			json_object_set_new(follow, items[i].id, json_integer((json_int_t)i));
	for (i = 0; i < n; i++) {
		const gd_record *r = state[i];
		json_t *li, *fi;
		if (!owned(r, owner))
			continue;
		if (r->kind == GD_CUSTOMER && gd_record_grade(r) &&
		    gd_config_tier_rank(cfg, gd_record_grade(r)) == 0) {
			li = json_object_get(linked, r->id);
			fi = json_object_get(follow, r->id);
			json_array_append_new(key, key_customer(
				r, li ? state[json_integer_value(li)] : NULL,
				fi ? &items[json_integer_value(fi)] : NULL));
		}
		if (r->kind == GD_ORDER)
			unpaid(&money, r);
	}
	for (i = 0; i < ni; i++)
		if (gd_report_overdue(&items[i], cfg, p->at, p->at_day, &by))
			json_array_append_new(late, overdue_item(&items[i], by));
	gd_due_items_free(items, ni);
	json_decref(linked);
	json_decref(follow);
	json_object_set_new(rep, "key_customers", key);
	if (p->kind == GD_REPORT_MONTH) {
		json_object_set_new(rep, "outstanding", money.sums);
		json_object_set_new(rep, "outstanding_not_counted", money.skipped);
		json_object_set_new(rep, "payments_outstanding", money.list);
	} else {
		json_decref(money.list);
		json_decref(money.skipped);
	}
	json_object_set_new(rep, "overdue", late);
}

/* Customers with contacts in the period, their linked inquiries' and
 * orders' counting as theirs (SPEC 2.3). */
static json_t *followed_up(gd_record *const *recs, const gd_record *const *named,
			   const size_t *counts, size_t n, const char *owner)
{
	json_t *by_id = json_object(), *list = json_array(), *o;
	size_t i;

	for (i = 0; i < n; i++) {
		if (recs[i]->kind != GD_CUSTOMER || !owned(named[i], owner))
			continue;
		o = json_object();
		json_object_set_new(o, "ref", ref_of(recs[i]));
		json_object_set_new(o, "name", str(gd_record_name(named[i])));
		json_object_set_new(o, "contacts", json_integer((json_int_t)counts[i]));
		json_object_set_new(by_id, recs[i]->id, o);
		json_array_append(list, o);
	}
	for (i = 0; i < n; i++) {
		const char *c = recs[i]->kind == GD_CUSTOMER ? NULL
				: gd_node_str(recs[i]->root, "customer");
		if (!c || !counts[i] || !(o = json_object_get(by_id, c)))
			continue;
		json_object_set_new(o, "contacts", json_integer(
			json_integer_value(json_object_get(o, "contacts")) + (json_int_t)counts[i]));
	}
	json_decref(by_id);
	for (i = json_array_size(list); i-- > 0;)
		if (!json_integer_value(json_object_get(json_array_get(list, i), "contacts")))
			json_array_remove(list, i);
	return list;
}

static int kind_id_cmp(const void *a, const void *b)
{
	const gd_record *x = *(const gd_record *const *)a, *y = *(const gd_record *const *)b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Each of recs as it stood at the period's end, where it stood then
 * (state holds its kind and id), else as it is: events name a record
 * and pick an owner's records by its name and owner then. */
static const gd_record **as_named(gd_record *const *recs, size_t n,
				  gd_record *const *state, size_t nstate)
{
	const gd_record **named = gd__xcalloc(n + 1, sizeof(*named));
	const gd_record **then = NULL, *const *k;
	size_t i;

	if (state != recs && nstate) {
		then = gd__xcalloc(nstate, sizeof(*then));
		memcpy(then, state, nstate * sizeof(*then));
		qsort(then, nstate, sizeof(*then), kind_id_cmp);
	}
	for (i = 0; i < n; i++) {
		k = then ? bsearch(&recs[i], then, nstate, sizeof(*then), kind_id_cmp) : NULL;
		named[i] = k ? *k : recs[i];
	}
	free(then);
	return named;
}

/* The events of the period in recs onto rep; named: each as it stood. */
static void events(json_t *rep, const gd_report_period *p, gd_record *const *recs,
		   const gd_record *const *named, size_t n, const gd_config *cfg,
		   const char *owner)
{
	struct events ev = {p, json_object(), 0};
	struct money got = {json_array(), NULL, json_array()};
	json_t *inquiries = json_array(), *q;
	size_t *counts = gd__xcalloc(n + 1, sizeof(*counts)), i;

	if (p->kind == GD_REPORT_MONTH)
		got.sums = json_object();
	for (i = 0; i < n; i++) {
		const gd_record *r = recs[i];
		if (!owned(named[i], owner))
			continue;
		counts[i] = contacts(&ev, r);
		if (r->kind == GD_INQUIRY && (q = new_inquiry(r, named[i], p, cfg)))
			json_array_append_new(inquiries, q);
		if (r->kind == GD_ORDER)
			receipts(&got, r, named[i], p);
	}
	json_object_set_new(rep, "contacts", json_integer((json_int_t)ev.total));
	json_object_set_new(rep, "contacts_by_person", people_list(ev.people));
	json_object_set_new(rep, "customers_followed_up", followed_up(recs, named, counts, n, owner));
	json_object_set_new(rep, "new_inquiries", inquiries);
	if (p->kind == GD_REPORT_MONTH) {
		json_object_set_new(rep, "received", got.sums);
		json_object_set_new(rep, "received_not_counted", got.skipped);
		json_object_set_new(rep, "payments_received", got.list);
	} else {
		json_decref(got.list);
		json_decref(got.skipped);
	}
	json_decref(ev.people);
	free(counts);
}

/* {email: name} of the team's members the report names. */
static json_t *names(json_t *rep, const gd_config *cfg)
{
	static const char *lists[] = {"key_customers", "overdue", "new_inquiries"};
	json_t *o = json_object(), *v;
	size_t i, j;

	gd__report_name(o, cfg, json_string_value(json_object_get(rep, "owner")));
	json_array_foreach(json_object_get(rep, "contacts_by_person"), i, v)
		gd__report_name(o, cfg, json_string_value(json_object_get(v, "email")));
	for (j = 0; j < sizeof(lists) / sizeof(*lists); j++)
		json_array_foreach(json_object_get(rep, lists[j]), i, v)
			gd__report_name(o, cfg, json_string_value(json_object_get(v, "owner")));
	return o;
}

static json_t *build(const gd_report_period *p, gd_record *const *recs, size_t n,
		     gd_record *const *state, size_t nstate, const gd_config *cfg,
		     const char *owner, int local)
{
	json_t *rep = json_object();
	const gd_record **named;
	char a[GD_DATE_LEN], b[GD_DATE_LEN], c[GD_DATE_LEN];

	gd_date_format(a, p->from);
	gd_date_format(b, p->to);
	gd_date_format(c, p->at_day);
	json_object_set_new(rep, "report", json_string(p->kind == GD_REPORT_WEEK ? "week" : "month"));
	json_object_set_new(rep, "from", json_string(a));
	json_object_set_new(rep, "to", json_string(b));
	json_object_set_new(rep, "as_of", json_string(c));
	json_object_set_new(rep, "ended", json_boolean(p->past));
	json_object_set_new(rep, "owner", str(owner));
	json_object_set_new(rep, "reply_within_hours",
			    json_integer((json_int_t)(cfg->reply_within / 3600)));
	named = as_named(recs, n, state, nstate);
	events(rep, p, recs, named, n, cfg, owner);
	free(named);
	states(rep, p, state, nstate, cfg, owner, local);
	json_object_set_new(rep, "names", names(rep, cfg));
	return rep;
}

/* Each amount a total of rep leaves out, named through bad. */
static void name_skipped(json_t *rep, void (*bad)(void *ctx, const char *message), void *ctx)
{
	static const char *const lists[] = {"received_not_counted", "outstanding_not_counted"};
	json_t *v;
	size_t i, j;

	for (j = 0; bad && j < sizeof(lists) / sizeof(*lists); j++)
		json_array_foreach(json_object_get(rep, lists[j]), i, v) {
			const char *val = json_string_value(json_object_get(v, "value"));
			char *m = val ? gd__xasprintf(_("%s: %s '%s': %s; not counted in the total"),
						      gd__report_s(v, "ref"), gd__report_s(v, "field"),
						      val, gd__report_s(v, "reason"))
				      : gd__xasprintf(_("%s: %s: %s; not counted in the total"),
						      gd__report_s(v, "ref"), gd__report_s(v, "field"),
						      gd__report_s(v, "reason"));
			bad(ctx, m);
			free(m);
		}
}

char *gd_report(const gd_report_period *p, gd_record *const *recs, size_t n,
		gd_record *const *state, size_t nstate, const gd_config *cfg,
		const char *owner, gd_report_format format,
		void (*bad)(void *ctx, const char *message), void *ctx)
{
	json_t *rep = build(p, recs, n, state, nstate, cfg, owner, format != GD_REPORT_JSON);
	char *out, *text;

	name_skipped(rep, bad, ctx);
	if (format == GD_REPORT_JSON) {
		text = json_dumps(rep, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		out = gd__xasprintf("%s\n", text ? text : "null");
		free(text);
	} else if (format == GD_REPORT_HTML) {
		out = gd__report_html(rep);
	} else {
		out = gd__report_markdown(rep);
	}
	json_decref(rep);
	return out;
}
