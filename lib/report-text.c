/*
 * report-text.c - the report's money helpers (exact decimals, by
 * currency) and its Markdown, rendered from the report's JSON.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "gendan/error.h"
#include "gendan/money.h"
#include "gendan/roster.h"
#include "internal.h"
#include "report-private.h"

static json_t *str(const char *s)
{
	return s ? json_string(s) : json_null();
}

void gd__report_receipt(json_t *list, const gd_record *r, const gd_node *pay,
			const char *cur, const char *on, const char *amount,
			const char *fee)
{
	json_t *o = json_object();

	json_object_set_new(o, "order", str(gd_record_name(r)));
	json_object_set_new(o, "ref", json_sprintf("order/%s", r->id));
	json_object_set_new(o, "what", str(gd_node_str(pay, "what")));
	json_object_set_new(o, "on", json_string(on));
	json_object_set_new(o, "currency", str(cur));
	json_object_set_new(o, "amount", str(amount));
	if (fee)
		json_object_set_new(o, "fee", json_string(fee));
	json_array_append_new(list, o);
}

int gd__report_unpaid(gd_dec *out, const gd_node *pay)
{
	return gd_payment_outstanding(out, pay);
}

/* d += the decimal at key of n (none: nothing); < 0 when not one. */
static int add_dec(gd_dec *d, const gd_node *n, const char *key)
{
	const char *v = gd_node_str(n, key);
	gd_dec x;

	if (!v)
		return 0;
	if (gd_dec_parse(&x, v) < 0 || gd_dec_add(d, *d, x) < 0)
		return -1;
	return 0;
}

int gd__report_rest(gd_dec *out, const gd_node *pay)
{
	const gd_node *rc = gd_node_get(pay, "receipts");
	gd_dec paid = {0};
	size_t i;

	out->units = 0;
	if (!gd_node_get(pay, "amount") || add_dec(out, pay, "amount") < 0)
		return -1;
	for (i = 0; i < gd_node_len(rc); i++)
		if (add_dec(&paid, gd_node_at(rc, i), "amount") < 0 ||
		    add_dec(&paid, gd_node_at(rc, i), "fee") < 0)
			return -1;
	if (gd_dec_sub(out, *out, paid) < 0)
		return -1;
	return 0;
}

void gd__report_skip(json_t *sums, json_t *skipped, const char *cur, const char *value,
		     const char *ref, const char *field)
{
	json_t *o;

	if (!sums)
		return;
	o = json_object();
	json_object_set_new(o, "ref", json_string(ref));
	json_object_set_new(o, "field", json_string(field));
	json_object_set_new(o, "currency", str(cur));
	json_object_set_new(o, "value", str(value));
	json_object_set_new(o, "reason", json_string(*gd_error_last() ? gd_error_last()
								   : _("not a number")));
	json_array_append_new(skipped, o);
	gd_error_clear();
	if (!json_object_get(sums, cur ? cur : ""))
		json_object_set_new(sums, cur ? cur : "", json_string("0"));
}

void gd__report_add(json_t *sums, json_t *skipped, const char *cur, const char *value,
		    const char *ref, const char *field)
{
	const char *had;
	char buf[GD_DEC_LEN];
	gd_dec a, b = {0};

	if (!sums)
		return;
	had = json_string_value(json_object_get(sums, cur ? cur : ""));
	if (!value || gd_dec_parse(&a, value) < 0 || (had && gd_dec_parse(&b, had) < 0) ||
	    gd_dec_add(&a, a, b) < 0) {
		gd__report_skip(sums, skipped, cur, value, ref, field);
		return;
	}
	gd_dec_format(buf, a);
	json_object_set_new(sums, cur ? cur : "", json_string(buf));
}

char *gd__report_mark(json_t *skipped, const char *cur)
{
	size_t i, n = 0;
	json_t *v;

	json_array_foreach(skipped, i, v) {
		const char *c = json_string_value(json_object_get(v, "currency"));
		n += !strcmp(c ? c : "", cur);
	}
	if (!n)
		return NULL;
	return gd__xasprintf(P_(" (%zu amount unreadable, not counted)",
				" (%zu amounts unreadable, not counted)", (unsigned long)n), n);
}

void gd__report_name(json_t *names, const gd_config *cfg, const char *email)
{
	const char *n;

	if (!email || !cfg->team)
		return;
	n = gd_roster_display(cfg->team, email);
	if (n && strcmp(n, email))
		json_object_set_new(names, email, json_string(n));
}

const char *gd__report_s(json_t *o, const char *k)
{
	const char *v = json_string_value(json_object_get(o, k));

	return v ? v : "-";
}

const char *gd__report_who(json_t *rep, const char *email)
{
	const char *n;

	if (!email)
		return "-";
	n = json_string_value(json_object_get(json_object_get(rep, "names"), email));
	return n ? n : email;
}

char *gd__report_late(json_t *item)
{
	json_t *h = json_object_get(item, "hours_late");
	long long d = (long long)json_integer_value(json_object_get(item, "days_late"));

	if (json_is_integer(h) && json_integer_value(h) < 48)
		return gd__xasprintf(_("%lldh late"), (long long)json_integer_value(h));
	return gd__xasprintf(P_("%lld day late", "%lld days late", (unsigned long)d), d);
}

/* What an empty section shows, as the HTML page does: a dash. */
static void md_none(gd__buf *b, json_t *list, json_t *sums)
{
	if (!json_array_size(list) && !json_object_size(sums))
		gd__buf_puts(b, "\xe2\x80\x94\n");
}

static void md_contacts(gd__buf *b, json_t *rep)
{
	json_t *v;
	size_t i;

	gd__buf_printf(b, _("## Contacts: %lld\n\n"),
		       (long long)json_integer_value(json_object_get(rep, "contacts")));
	json_array_foreach(json_object_get(rep, "contacts_by_person"), i, v)
		gd__buf_printf(b, "- %s: %lld\n", gd__report_who(rep, gd__report_s(v, "email")),
			       (long long)json_integer_value(json_object_get(v, "contacts")));
	md_none(b, json_object_get(rep, "contacts_by_person"), NULL);
	gd__buf_puts(b, _("\n## Customers followed up\n\n"));
	json_array_foreach(json_object_get(rep, "customers_followed_up"), i, v)
		gd__buf_printf(b, P_("- %s (%s): %lld contact\n", "- %s (%s): %lld contacts\n",
				     (unsigned long)json_integer_value(json_object_get(v, "contacts"))),
			       gd__report_s(v, "name"), gd__report_s(v, "ref"),
			       (long long)json_integer_value(json_object_get(v, "contacts")));
	md_none(b, json_object_get(rep, "customers_followed_up"), NULL);
}

static void md_inquiries(gd__buf *b, json_t *rep)
{
	long long within = (long long)json_integer_value(json_object_get(rep, "reply_within_hours"));
	json_t *v;
	size_t i;

	gd__buf_puts(b, _("\n## New inquiries\n\n"));
	json_array_foreach(json_object_get(rep, "new_inquiries"), i, v) {
		json_t *h = json_object_get(v, "reply_hours");
		if (json_is_number(h))
			gd__buf_printf(b, _("- %s (%s), %s: replied in %.1f h"), gd__report_s(v, "name"),
				       gd__report_s(v, "ref"), gd__report_s(v, "product"),
				       json_number_value(h));
		else
			gd__buf_printf(b, _("- %s (%s), %s: **not replied**"), gd__report_s(v, "name"),
				       gd__report_s(v, "ref"), gd__report_s(v, "product"));
		if (json_is_true(json_object_get(v, "late")))
			gd__buf_printf(b, _(" (over %lldh)"), within);
		gd__buf_putc(b, '\n');
	}
	md_none(b, json_object_get(rep, "new_inquiries"), NULL);
}

static void md_key(gd__buf *b, json_t *rep, int month)
{
	json_t *v;
	size_t i;

	gd__buf_puts(b, month ? _("\n## A-list\n\n") : _("\n## Key customers\n\n"));
	json_array_foreach(json_object_get(rep, "key_customers"), i, v) {
		int note = json_is_string(json_object_get(v, "last_note"));
		gd__buf_printf(b, _("- %s (%s), %s: last contact %s%s%s; next %s\n"),
			       gd__report_s(v, "name"), gd__report_s(v, "ref"),
			       gd__report_who(rep, json_string_value(json_object_get(v, "owner"))),
			       gd__report_s(v, "last_contact"), note ? ": " : "",
			       note ? gd__report_s(v, "last_note") : "", gd__report_s(v, "next_due"));
	}
	md_none(b, json_object_get(rep, "key_customers"), NULL);
}

/* "USD 7020", or "7020" without a currency. */
static void money(gd__buf *b, json_t *v, const char *field)
{
	const char *cur = json_string_value(json_object_get(v, "currency"));

	gd__buf_printf(b, "%s%s%s", cur ? cur : "", cur ? " " : "", gd__report_s(v, field));
}

static void md_sums(gd__buf *b, json_t *sums, json_t *skipped)
{
	const char *k;
	json_t *v;

	json_object_foreach(sums, k, v) {
		char *mark = gd__report_mark(skipped, k);
		gd__buf_printf(b, _("- total %s%s%s%s\n"), k, *k ? " " : "", json_string_value(v),
			       mark ? mark : "");
		free(mark);
	}
}

static void md_money(gd__buf *b, json_t *rep)
{
	json_t *v;
	size_t i;

	gd__buf_puts(b, _("\n## Payments received\n\n"));
	json_array_foreach(json_object_get(rep, "payments_received"), i, v) {
		gd__buf_printf(b, "- %s %s: ", gd__report_s(v, "order"), gd__report_s(v, "what"));
		money(b, v, "amount");
		if (json_is_string(json_object_get(v, "fee")))
			gd__buf_printf(b, _(" (fee %s)"), gd__report_s(v, "fee"));
		gd__buf_printf(b, _(" on %s\n"), gd__report_s(v, "on"));
	}
	md_none(b, json_object_get(rep, "payments_received"), json_object_get(rep, "received"));
	md_sums(b, json_object_get(rep, "received"), json_object_get(rep, "received_not_counted"));
	gd__buf_printf(b, _("\n## Outstanding as of %s\n\n"), gd__report_s(rep, "as_of"));
	json_array_foreach(json_object_get(rep, "payments_outstanding"), i, v) {
		gd__buf_printf(b, "- %s %s: ", gd__report_s(v, "order"), gd__report_s(v, "what"));
		money(b, v, "outstanding");
		gd__buf_printf(b, _(", due %s\n"), gd__report_s(v, "due"));
	}
	md_none(b, json_object_get(rep, "payments_outstanding"),
		json_object_get(rep, "outstanding"));
	md_sums(b, json_object_get(rep, "outstanding"),
		json_object_get(rep, "outstanding_not_counted"));
}

char *gd__report_markdown(json_t *rep)
{
	gd__buf b = {0};
	json_t *v, *owner = json_object_get(rep, "owner");
	size_t i;
	int month = !strcmp(gd__report_s(rep, "report"), "month");

	gd__buf_printf(&b, month ? _("# Monthly report %s to %s%s%s\n\n")
			       : _("# Weekly report %s to %s%s%s\n\n"),
		       gd__report_s(rep, "from"), gd__report_s(rep, "to"),
		       json_is_string(owner) ? ", " : "",
		       json_is_string(owner) ? gd__report_who(rep, json_string_value(owner)) : "");
	md_contacts(&b, rep);
	md_inquiries(&b, rep);
	md_key(&b, rep, month);
	if (month)
		md_money(&b, rep);
	gd__buf_printf(&b, _("\n## Overdue as of %s\n\n"), gd__report_s(rep, "as_of"));
	json_array_foreach(json_object_get(rep, "overdue"), i, v) {
		char *late = gd__report_late(v);
		gd__buf_printf(&b, _("- %s (%s), %s: due %s, %s: %s\n"), gd__report_s(v, "name"),
			       gd__report_s(v, "ref"),
			       gd__report_who(rep, json_string_value(json_object_get(v, "owner"))),
			       gd__report_s(v, "due"), late, gd__report_s(v, "detail"));
		free(late);
	}
	md_none(&b, json_object_get(rep, "overdue"), NULL);
	return gd__buf_detach(&b, NULL);
}
