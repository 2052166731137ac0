/*
 * report.c - weekly report and monthly A-list (see gendan/report.h).
 * The report is built once as JSON (jansson) and printed as JSON or
 * rendered as Markdown from it, so both formats say the same.
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
#include "internal.h"

static json_t *str(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int owned(const gd_record *r, const char *owner)
{
	const char *o = gd_record_owner(r);

	return !owner || (o && !strcasecmp(o, owner));
}

/* Log entries of r within [from, to], by `by` when given. */
static void contacts(json_t *list, json_t *per_owner, const gd_record *r,
		     gd_date from, gd_date to, size_t *count)
{
	const gd_node *log = gd_node_get(r->root, "log");
	size_t i;

	*count = 0;
	for (i = 0; log && log->type == GD_SEQ && i < log->n; i++) {
		const gd_node *e = log->vals[i];
		const char *at = gd_node_str(e, "at"), *by = gd_node_str(e, "by");
		gd_time t;
		gd_date d;
		json_t *c;
		if (!at || gd_time_parse_iso(&t, at) < 0)
			continue;
		d = gd_time_date(&t);
		if (d < from || d > to)
			continue;
		(*count)++;
		c = json_object_get(per_owner, by ? by : "(unknown)");
		json_object_set_new(per_owner, by ? by : "(unknown)",
				    json_integer(c ? json_integer_value(c) + 1 : 1));
		if (list) {
			json_t *o = json_object();
			json_object_set_new(o, "ref", json_sprintf("%s/%s", gd_kind_name(r->kind), r->id));
			json_object_set_new(o, "name", str(gd_record_name(r)));
			json_object_set_new(o, "at", json_string(at));
			json_object_set_new(o, "by", str(by));
			json_object_set_new(o, "via", str(gd_node_str(e, "via")));
			json_object_set_new(o, "note", str(gd_node_str(e, "note")));
			json_array_append_new(list, o);
		}
	}
}

static json_t *situation(const gd_record *r, const gd_config *cfg, gd_date day,
			 int local)
{
	json_t *o = json_object();
	gd_due_item *items = NULL;
	size_t ni = 0, i;
	gd_time at;
	const gd_node *last = gd_record_last_log(r, &at);
	char d[GD_DATE_LEN];

	json_object_set_new(o, "ref", json_sprintf("%s/%s", gd_kind_name(r->kind), r->id));
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
	if (local)
		gd_due_record_local(&items, &ni, r, cfg, day);
	else
		gd_due_record(&items, &ni, r, cfg, day);
	for (i = 0; i < ni && i < 1; i++) {
		gd_date_format(d, items[i].due);
		json_object_set_new(o, "next_due", json_string(d));
		json_object_set_new(o, "due_detail", json_string(items[i].detail));
	}
	gd_due_items_free(items, ni);
	return o;
}

/* The week (Monday to Sunday) or the calendar month holding day. */
static void period(gd_report_kind kind, gd_date day, gd_date *from,
		   gd_date *to)
{
	int y, m, d;

	if (kind == GD_REPORT_WEEK) {
		*from = day - gd_date_weekday(day);
		*to = *from + 6;
		return;
	}
	gd_date_to_ymd(day, &y, &m, &d);
	*from = gd_date_from_ymd(y, m, 1);
	*to = (m == 12 ? gd_date_from_ymd(y + 1, 1, 1) : gd_date_from_ymd(y, m + 1, 1)) - 1;
}

static json_t *followed_up(const gd_record *r, size_t contacts)
{
	json_t *o = json_object();

	json_object_set_new(o, "ref", json_sprintf("customer/%s", r->id));
	json_object_set_new(o, "name", str(gd_record_name(r)));
	json_object_set_new(o, "contacts", json_integer((json_int_t)contacts));
	return o;
}

/* An inquiry received within [from, to] and how fast it was answered;
 * NULL for any other inquiry. */
static json_t *new_inquiry(const gd_record *r, gd_date from, gd_date to)
{
	const char *rs = gd_node_str(r->root, "received");
	const char *rp = gd_node_str(r->root, "replied");
	gd_time tr, tp;
	json_t *o;

	if (!rs || gd_time_parse_iso(&tr, rs) < 0 ||
	    gd_time_date(&tr) < from || gd_time_date(&tr) > to)
		return NULL;
	o = json_object();
	json_object_set_new(o, "ref", json_sprintf("inquiry/%s", r->id));
	json_object_set_new(o, "name", str(gd_record_name(r)));
	json_object_set_new(o, "received", json_string(rs));
	json_object_set_new(o, "product", str(gd_node_str(r->root, "product")));
	if (rp && gd_time_parse_iso(&tp, rp) == 0)
		json_object_set_new(o, "reply_hours",
				    json_real((double)(tp.t - tr.t) / 3600.0));
	else
		json_object_set_new(o, "reply_hours", json_null());
	return o;
}

/* What is outstanding on payment p, as text; null when its numbers are
 * not decimals. */
static json_t *outstanding(const gd_node *p)
{
	char buf[GD_DEC_LEN];
	gd_dec d;

	if (gd_payment_outstanding(&d, p) < 0) {
		gd_error_clear();
		return json_null();
	}
	gd_dec_format(buf, d);
	return json_string(buf);
}

/* The payments of order r that are planned or received, onto list. */
static void order_payments(json_t *list, const gd_record *r)
{
	const gd_node *pays = gd_node_get(r->root, "payments");
	size_t j;

	for (j = 0; pays && pays->type == GD_SEQ && j < pays->n; j++) {
		const gd_node *p = pays->vals[j];
		const char *due = gd_node_str(p, "due"), *got = gd_node_str(p, "received");
		json_t *o;
		if (!due && !got)
			continue;
		o = json_object();
		json_object_set_new(o, "order", str(gd_record_name(r)));
		json_object_set_new(o, "what", str(gd_node_str(p, "what")));
		json_object_set_new(o, "amount", str(gd_node_str(p, "amount")));
		json_object_set_new(o, "currency", str(gd_node_str(r->root, "currency")));
		json_object_set_new(o, "due", str(due));
		json_object_set_new(o, "received", str(got));
		json_object_set_new(o, "outstanding", outstanding(p));
		json_array_append_new(list, o);
	}
}

/* {currency: outstanding}, the sums of the payments' outstanding; "" for
 * orders without a currency. */
static json_t *outstanding_by_currency(json_t *payments)
{
	json_t *sums = json_object(), *v;
	char buf[GD_DEC_LEN];
	size_t i;

	json_array_foreach(payments, i, v) {
		const char *cur = json_string_value(json_object_get(v, "currency"));
		const char *add = json_string_value(json_object_get(v, "outstanding"));
		const char *had = json_string_value(json_object_get(sums, cur ? cur : ""));
		gd_dec a, b = {0};
		if (!add || gd_dec_parse(&a, add) < 0 || (had && gd_dec_parse(&b, had) < 0) ||
		    gd_dec_add(&a, a, b) < 0)
			continue;
		gd_dec_format(buf, a);
		json_object_set_new(sums, cur ? cur : "", json_string(buf));
	}
	return sums;
}

/* What is late at the period's end (and replies owed), of owner's. */
static json_t *overdue(gd_record *const *recs, size_t n, const gd_config *cfg,
		       gd_date to, const char *owner, int local)
{
	json_t *list = json_array();
	gd_due_filter f = {0};
	gd_due_item *items = NULL;
	size_t ni = 0, i;

	f.kind = -1;
	f.all = !owner;
	f.owner = owner;
	f.local = local;
	gd_due_list(&items, &ni, recs, n, cfg, to, &f);
	for (i = 0; i < ni; i++) {
		json_t *o;
		char dd[GD_DATE_LEN];
		if (items[i].days_late <= 0 && items[i].reason != GD_DUE_REPLY)
			continue;
		o = json_object();
		gd_date_format(dd, items[i].due);
		json_object_set_new(o, "ref", json_sprintf("%s/%s", gd_kind_name(items[i].kind),
							   items[i].id));
		json_object_set_new(o, "name", str(items[i].name));
		json_object_set_new(o, "owner", str(items[i].owner));
		json_object_set_new(o, "due", json_string(dd));
		json_object_set_new(o, "days_late", json_integer(items[i].days_late));
		json_object_set_new(o, "detail", json_string(items[i].detail));
		json_array_append_new(list, o);
	}
	gd_due_items_free(items, ni);
	return list;
}

/* With local, the due texts in the user's language (the Markdown report);
 * else in English (JSON). */
static json_t *build(gd_report_kind kind, gd_record *const *recs, size_t n,
		     const gd_config *cfg, gd_date day, const char *owner,
		     int local)
{
	json_t *rep = json_object(), *per_owner = json_object();
	json_t *followed = json_array(), *inquiries = json_array();
	json_t *key = json_array(), *payments = json_array();
	gd_date from, to;
	char a[GD_DATE_LEN], b[GD_DATE_LEN];
	size_t i, total = 0;

	period(kind, day, &from, &to);
	gd_date_format(a, from);
	gd_date_format(b, to);
	json_object_set_new(rep, "report", json_string(kind == GD_REPORT_WEEK ? "week" : "month"));
	json_object_set_new(rep, "from", json_string(a));
	json_object_set_new(rep, "to", json_string(b));
	json_object_set_new(rep, "owner", str(owner));
	for (i = 0; i < n; i++) {
		const gd_record *r = recs[i];
		json_t *q;
		size_t c;
		if (!owned(r, owner))
			continue;
		contacts(NULL, per_owner, r, from, to, &c);
		total += c;
		if (c && r->kind == GD_CUSTOMER)
			json_array_append_new(followed, followed_up(r, c));
		if (r->kind == GD_INQUIRY && (q = new_inquiry(r, from, to)))
			json_array_append_new(inquiries, q);
		if (r->kind == GD_CUSTOMER && gd_record_grade(r) &&
		    gd_config_tier_rank(cfg, gd_record_grade(r)) == 0)
			json_array_append_new(key, situation(r, cfg, to, local));
		if (r->kind == GD_ORDER)
			order_payments(payments, r);
	}
	json_object_set_new(rep, "contacts", json_integer((json_int_t)total));
	json_object_set_new(rep, "contacts_by_owner", per_owner);
	json_object_set_new(rep, "customers_followed_up", followed);
	json_object_set_new(rep, "new_inquiries", inquiries);
	json_object_set_new(rep, "key_customers", key);
	if (kind == GD_REPORT_MONTH) {
		json_object_set_new(rep, "outstanding", outstanding_by_currency(payments));
		json_object_set_new(rep, "payments", payments);
	} else
		json_decref(payments);
	json_object_set_new(rep, "overdue", overdue(recs, n, cfg, to, owner, local));
	return rep;
}

static const char *s(json_t *o, const char *k)
{
	const char *v = json_string_value(json_object_get(o, k));

	return v ? v : "-";
}

static char *markdown(json_t *rep)
{
	gd__buf b = {0};
	const char *k;
	json_t *v;
	size_t i;
	int month = !strcmp(s(rep, "report"), "month");

	gd__buf_printf(&b, month ? _("# Monthly report %s to %s%s%s\n\n")
			       : _("# Weekly report %s to %s%s%s\n\n"),
		       s(rep, "from"), s(rep, "to"),
		       json_is_string(json_object_get(rep, "owner")) ? ", " : "",
		       json_is_string(json_object_get(rep, "owner")) ? s(rep, "owner") : "");
	gd__buf_printf(&b, _("## Contacts: %lld\n\n"),
		       (long long)json_integer_value(json_object_get(rep, "contacts")));
	json_object_foreach(json_object_get(rep, "contacts_by_owner"), k, v)
		gd__buf_printf(&b, "- %s: %lld\n", k, (long long)json_integer_value(v));
	gd__buf_puts(&b, _("\n## Customers followed up\n\n"));
	json_array_foreach(json_object_get(rep, "customers_followed_up"), i, v)
		gd__buf_printf(&b, P_("- %s (%s): %lld contact\n", "- %s (%s): %lld contacts\n",
				      (unsigned long)json_integer_value(json_object_get(v, "contacts"))),
			       s(v, "name"), s(v, "ref"),
			       (long long)json_integer_value(json_object_get(v, "contacts")));
	gd__buf_puts(&b, _("\n## New inquiries\n\n"));
	json_array_foreach(json_object_get(rep, "new_inquiries"), i, v) {
		json_t *h = json_object_get(v, "reply_hours");
		if (json_is_number(h))
			gd__buf_printf(&b, _("- %s (%s), %s: replied in %.1f h\n"), s(v, "name"),
				       s(v, "ref"), s(v, "product"), json_number_value(h));
		else
			gd__buf_printf(&b, _("- %s (%s), %s: **not replied**\n"), s(v, "name"),
				       s(v, "ref"), s(v, "product"));
	}
	gd__buf_puts(&b, month ? _("\n## A-list\n\n") : _("\n## Key customers\n\n"));
	json_array_foreach(json_object_get(rep, "key_customers"), i, v)
		gd__buf_printf(&b, _("- %s (%s), %s: last contact %s%s%s; next %s\n"), s(v, "name"),
			       s(v, "ref"), s(v, "owner"), s(v, "last_contact"),
			       json_is_string(json_object_get(v, "last_note")) ? ": " : "",
			       json_is_string(json_object_get(v, "last_note")) ? s(v, "last_note") : "",
			       s(v, "next_due"));
	if (month) {
		gd__buf_puts(&b, _("\n## Payments\n\n"));
		json_array_foreach(json_object_get(rep, "payments"), i, v)
			gd__buf_printf(&b, _("- %s %s %s%s%s: due %s, %s%s\n"), s(v, "order"),
				       s(v, "what"),
				       json_is_string(json_object_get(v, "currency")) ? s(v, "currency") : "",
				       json_is_string(json_object_get(v, "currency")) ? " " : "",
				       s(v, "amount"), s(v, "due"),
				       json_is_string(json_object_get(v, "received")) ? _("received ") : _("outstanding "),
				       json_is_string(json_object_get(v, "received")) ? s(v, "received") : s(v, "outstanding"));
		gd__buf_puts(&b, _("\n## Outstanding\n\n"));
		json_object_foreach(json_object_get(rep, "outstanding"), k, v)
			gd__buf_printf(&b, "- %s%s%s\n", k, *k ? " " : "", json_string_value(v));
	}
	gd__buf_puts(&b, _("\n## Overdue\n\n"));
	json_array_foreach(json_object_get(rep, "overdue"), i, v)
	{
		long long late = (long long)json_integer_value(json_object_get(v, "days_late"));
		gd__buf_printf(&b, P_("- %s (%s), %s: due %s, %lld day late: %s\n",
				      "- %s (%s), %s: due %s, %lld days late: %s\n",
				      (unsigned long)(late < 0 ? -late : late)),
			       s(v, "name"), s(v, "ref"), s(v, "owner"), s(v, "due"),
			       late, s(v, "detail"));
	}
	return gd__buf_detach(&b, NULL);
}

/* r as it stood at the end of `last`: later contacts left out, so a
 * report for a past date says what it said then. */
static gd_record *as_of(const gd_record *r, gd_date last)
{
	gd_record *c = gd__xcalloc(1, sizeof(*c));
	gd_node *log;
	size_t i = 0;

	c->kind = r->kind;
	c->id = gd__xstrdup(r->id);
	c->path = gd__xstrdup(r->path);
	c->root = gd_node_dup(r->root);
	log = gd_node_get(c->root, "log");
	while (log && log->type == GD_SEQ && i < log->n) {
		const char *at = gd_node_str(log->vals[i], "at");
		gd_time t;
		if (at && gd_time_parse_iso(&t, at) == 0 && gd_time_date(&t) > last) {
			gd_node_free(log->vals[i]);
			memmove(log->vals + i, log->vals + i + 1,
				(log->n - i - 1) * sizeof(*log->vals));
			log->n--;
			continue;
		}
		i++;
	}
	/* a reply given after that day was not given yet */
	if (c->kind == GD_INQUIRY) {
		const char *rp = gd_node_str(c->root, "replied");
		gd_time t;
		if (rp && gd_time_parse_iso(&t, rp) == 0 && gd_time_date(&t) > last) {
			gd_node_remove(c->root, "replied");
			if (!strcmp(gd_record_status(c), "replied"))
				gd_node_set_str(c->root, "status", "new", 0);
		}
	}
	return c;
}

char *gd_report(gd_report_kind kind, gd_record *const *recs, size_t n,
		const gd_config *cfg, gd_date day, const char *owner, int json)
{
	gd_record **past = gd__xcalloc(n + 1, sizeof(*past));
	json_t *rep;
	char *out, *text;
	gd_date last;
	size_t i;
	int y, m, d;

	if (kind == GD_REPORT_WEEK) {
		last = day - gd_date_weekday(day) + 6;
	} else {
		gd_date_to_ymd(day, &y, &m, &d);
		last = (m == 12 ? gd_date_from_ymd(y + 1, 1, 1) : gd_date_from_ymd(y, m + 1, 1)) - 1;
	}
	for (i = 0; i < n; i++)
		past[i] = as_of(recs[i], last);
	rep = build(kind, past, n, cfg, day, owner, !json);
	for (i = 0; i < n; i++)
		gd_record_free(past[i]);
	free(past);

	if (json) {
		text = json_dumps(rep, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		out = gd__xasprintf("%s\n", text ? text : "null");
		free(text);
	} else {
		out = markdown(rep);
	}
	json_decref(rep);
	return out;
}
