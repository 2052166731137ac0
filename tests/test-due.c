/*
 * test-due.c - the due rules of SPEC 2.3, their order and filters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "gendan/config.h"
#include "gendan/due.h"
#include "gendan/error.h"
#include "gendan/record.h"

static gd_config *cfg;

static gd_record *rec(const char *path, const char *text)
{
	gd_record *r = NULL;

	if (gd_record_parse(&r, path, text, strlen(text)) < 0 ||
	    gd_record_validate(r, cfg) < 0)
		fail_msg("record: %s", gd_error_last());
	return r;
}

static gd_date D(const char *s)
{
	gd_date d;

	assert_int_equal(gd_date_parse(&d, s), 0);
	return d;
}

/* The single item of r as of today, or fail. */
static void one(const gd_record *r, const char *today, const char *due,
		gd_due_reason reason, const char *detail)
{
	gd_due_item *items = NULL;
	size_t n = 0;
	char buf[GD_DATE_LEN];

	gd_due_record(&items, &n, r, cfg, D(today));
	assert_int_equal(n, 1);
	gd_date_format(buf, items[0].due);
	assert_string_equal(buf, due);
	assert_int_equal(items[0].reason, reason);
	assert_int_equal(items[0].days_late, D(today) - D(due));
	if (detail && !strstr(items[0].detail, detail))
		fail_msg("expected '%s' in '%s'", detail, items[0].detail);
	gd_due_items_free(items, n);
}

static void none(const gd_record *r, const char *today)
{
	gd_due_item *items = NULL;
	size_t n = 0;

	gd_due_record(&items, &n, r, cfg, D(today));
	assert_int_equal(n, 0);
	gd_due_items_free(items, n);
}

static void test_due__customer_rules_in_order(void **state)
{
	gd_record *never = rec("customers/00/a.yaml", "name: A\ntier: B\ncreated: 2026-11-01\n");
	gd_record *cadence = rec("customers/00/b.yaml",
				 "name: B\ntier: A\ncreated: 2026-11-01\nlog:\n"
				 "  - at: 2026-11-22T10:15:00+08:00\n    via: phone\n");
	gd_record *agreed = rec("customers/00/c.yaml",
				"name: C\ntier: B\nlog:\n"
				"  - at: 2026-11-20T10:00:00+08:00\n    next: 2026-11-25\n");
	gd_record *expl = rec("customers/00/d.yaml",
			      "name: D\ntier: B\nnext: 2026-11-30\nlog:\n"
			      "  - at: 2026-11-20T10:00:00+08:00\n    next: 2026-11-25\n");
	gd_record *stale = rec("customers/00/e.yaml",
			       "name: E\ntier: B\nnext: 2026-11-10\nlog:\n"
			       "  - at: 2026-11-20T10:00:00+08:00\n");
	gd_record *dormant = rec("customers/00/f.yaml", "name: F\nstatus: dormant\n");

	(void)state;
	one(never, "2026-11-23", "2026-11-01", GD_DUE_FOLLOWUP, "never contacted");
	/* 2026-11-22T02:15Z + 84h = 2026-11-25T14:15Z */
	one(cadence, "2026-11-23", "2026-11-25", GD_DUE_FOLLOWUP,
	    "A every 84h, last contact 2026-11-22 (phone)");
	one(agreed, "2026-11-23", "2026-11-25", GD_DUE_FOLLOWUP, "next agreed 2026-11-25");
	one(expl, "2026-11-23", "2026-11-30", GD_DUE_FOLLOWUP, "next set to 2026-11-30");
	/* a next older than the last contact is spent: cadence from the contact */
	one(stale, "2026-11-23", "2026-11-27", GD_DUE_FOLLOWUP, "B every 7d");
	none(dormant, "2026-11-23");
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	/* 2026-11-25T22:15+08:00 is still the 25th in Shanghai */
	one(cadence, "2026-11-23", "2026-11-25", GD_DUE_FOLLOWUP, NULL);
	setenv("TZ", "America/Chicago", 1);
	tzset();
	one(cadence, "2026-11-23", "2026-11-25", GD_DUE_FOLLOWUP, NULL);
	setenv("TZ", "Pacific/Kiritimati", 1); /* UTC+14: already the 26th */
	tzset();
	one(cadence, "2026-11-23", "2026-11-26", GD_DUE_FOLLOWUP, NULL);
	setenv("TZ", "UTC", 1);
	tzset();
	gd_record_free(never);
	gd_record_free(cadence);
	gd_record_free(agreed);
	gd_record_free(expl);
	gd_record_free(stale);
	gd_record_free(dormant);
}

static void test_due__explicit_next_against_the_last_contact(void **state)
{
	/* never contacted: an explicit next beats created */
	gd_record *fresh = rec("customers/00/a.yaml",
			       "name: A\ntier: D\ncreated: 2026-11-01\nnext: 2026-11-28\n");
	/* a next on the very day of the last contact is spent as well */
	gd_record *same = rec("customers/00/b.yaml",
			      "name: B\ntier: C\nnext: 2026-11-20\nlog:\n"
			      "  - at: 2026-11-20T10:00:00+00:00\n    next: 2026-12-01\n");
	/* the explicit next may also be earlier than the agreed one */
	gd_record *sooner = rec("customers/00/c.yaml",
				"name: C\ntier: C\nnext: 2026-11-24\nlog:\n"
				"  - at: 2026-11-20T10:00:00+00:00\n    next: 2026-12-01\n");
	/* an agreed next stands after a later contact without one */
	gd_record *older = rec("customers/00/d.yaml",
			       "name: D\ntier: C\nlog:\n"
			       "  - at: 2026-11-10T10:00:00+00:00\n    next: 2026-12-20\n"
			       "  - at: 2026-11-20T10:00:00+00:00\n");

	(void)state;
	one(fresh, "2026-11-23", "2026-11-28", GD_DUE_FOLLOWUP,
	    "next set to 2026-11-28, never contacted");
	one(same, "2026-11-23", "2026-12-01", GD_DUE_FOLLOWUP, "next agreed 2026-12-01");
	one(sooner, "2026-11-23", "2026-11-24", GD_DUE_FOLLOWUP, "next set to 2026-11-24");
	one(older, "2026-11-23", "2026-12-20", GD_DUE_FOLLOWUP,
	    "next agreed 2026-12-20, last contact 2026-11-20");
	gd_record_free(fresh);
	gd_record_free(same);
	gd_record_free(sooner);
	gd_record_free(older);
}

static void test_due__hold_until_its_end(void **state)
{
	gd_record *r = rec("customers/00/a.yaml",
			   "name: A\ntier: B\ncreated: 2026-11-01\n"
			   "hold: {until: 2027-02-20, reason: Chinese New Year}\n");
	/* a hold that ended before the due date changes nothing */
	gd_record *past = rec("customers/00/b.yaml",
			      "name: B\ntier: B\nnext: 2026-11-25\nhold: {until: 2026-11-20}\n");
	gd_record *q = rec("inquiries/00/q-1.yaml",
			   "received: 2026-11-22T08:00:00+00:00\nhold: {until: 2026-11-30}\n");
	gd_record *recs[] = {r};
	gd_due_filter f = {0};
	gd_due_item *items = NULL;
	size_t n = 0;

	(void)state;
	one(r, "2026-11-23", "2027-02-20", GD_DUE_FOLLOWUP, NULL);
	one(past, "2026-11-23", "2026-11-25", GD_DUE_FOLLOWUP, NULL);
	one(q, "2026-11-23", "2026-11-30", GD_DUE_REPLY, NULL);
	/* held: not in the list today, and due again on the hold's end */
	f.kind = -1;
	gd_due_list(&items, &n, recs, 1, cfg, D("2026-11-23"), &f);
	assert_int_equal(n, 0);
	gd_due_items_free(items, n);
	gd_due_list(&items, &n, recs, 1, cfg, D("2027-02-20"), &f);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].days_late, 0);
	gd_due_items_free(items, n);
	gd_record_free(r);
	gd_record_free(past);
	gd_record_free(q);
}

static void test_due__agreed_next_stands(void **state)
{
	/* Monday's promise for Friday; Tuesday's visit agrees nothing */
	gd_record *kept = rec("customers/00/a.yaml",
			      "name: A\ntier: B\nlog:\n"
			      "  - at: 2026-11-23T09:00:00+00:00\n    next: 2026-11-27\n"
			      "  - at: 2026-11-24T15:00:00+00:00\n    via: visit\n");
	/* a contact on the day agreed keeps it: cadence from that contact */
	gd_record *done = rec("customers/00/b.yaml",
			      "name: B\ntier: B\nlog:\n"
			      "  - at: 2026-11-23T09:00:00+00:00\n    next: 2026-11-27\n"
			      "  - at: 2026-11-27T08:00:00+00:00\n");
	/* the newer agreement wins, even an earlier date */
	gd_record *newer = rec("customers/00/c.yaml",
			       "name: C\ntier: B\nlog:\n"
			       "  - at: 2026-11-23T09:00:00+00:00\n    next: 2026-12-15\n"
			       "  - at: 2026-11-24T09:00:00+00:00\n    next: 2026-11-26\n"
			       "  - at: 2026-11-25T09:00:00+00:00\n");
	gd_due_contacts c, other;

	(void)state;
	one(kept, "2026-11-24", "2026-11-27", GD_DUE_FOLLOWUP,
	    "next agreed 2026-11-27, last contact 2026-11-24 (visit)");
	one(done, "2026-11-27", "2026-12-04", GD_DUE_FOLLOWUP, "B every 7d");
	one(newer, "2026-11-25", "2026-11-26", GD_DUE_FOLLOWUP, "next agreed 2026-11-26");
	/* merged contacts: the later contact, the newer agreement */
	gd_due_contacts_of(&c, kept);
	gd_due_contacts_of(&other, newer);
	gd_due_contacts_merge(&c, &other);
	assert_int_equal(c.agreed, D("2026-11-26"));
	assert_int_equal(gd_time_date(&c.last), D("2026-11-25"));
	gd_due_contacts_of(&other, done);
	gd_due_contacts_merge(&c, &other);
	assert_int_equal(c.agreed, D("2026-11-26"));
	assert_int_equal(gd_time_date(&c.last), D("2026-11-27"));
	gd_record_free(kept);
	gd_record_free(done);
	gd_record_free(newer);
}

/* The due item of the record with that id in a due list of recs. */
static const gd_due_item *item_of(gd_due_item **items, size_t *n,
				  gd_record *const *recs, size_t nrecs,
				  const char *today, const char *id)
{
	gd_due_filter f = {0};
	size_t i;

	f.kind = -1;
	f.all = 1;
	f.days = 400;
	gd_due_list(items, n, recs, nrecs, cfg, D(today), &f);
	for (i = 0; i < *n; i++)
		if (!strcmp((*items)[i].id, id))
			return &(*items)[i];
	fail_msg("no item for %s", id);
	return NULL;
}

static void test_due__linked_contacts_count(void **state)
{
	gd_record *recs[] = {
		rec("customers/00/acme.yaml", "name: Acme\ntier: B\ncreated: 2026-11-01\n"),
		/* an agreed next made on a linked inquiry */
		rec("inquiries/00/q1.yaml", "received: 2026-11-20T08:00:00+00:00\n"
					     "customer: acme\nstatus: replied\nlog:\n"
					     "  - at: 2026-11-21T09:00:00+00:00\n    via: phone\n"
					     "    next: 2026-11-28\n"),
		/* a later contact on a linked order, without next */
		rec("orders/00/po.yaml", "number: PO\ncustomer: acme\nship-by: 2026-12-30\n"
					 "log:\n  - at: 2026-11-24T09:00:00+00:00\n    via: email\n"),
		/* linked to another customer: not Acme's */
		rec("inquiries/00/q2.yaml", "received: 2026-11-20T08:00:00+00:00\n"
					     "customer: other\nstatus: replied\nlog:\n"
					     "  - at: 2026-11-26T09:00:00+00:00\n"),
	};
	gd_due_item *items = NULL;
	size_t n = 0;
	const gd_due_item *it;

	(void)state;
	/* rule 2 across records: the promise on the inquiry stands after the
	 * order's later contact */
	it = item_of(&items, &n, recs, 4, "2026-11-25", "acme");
	assert_int_equal(it->due, D("2026-11-28"));
	assert_non_null(strstr(it->detail, "next agreed 2026-11-28, last contact 2026-11-24 (email)"));
	gd_due_items_free(items, n);
	/* alone, the customer was never contacted */
	it = item_of(&items, &n, recs, 1, "2026-11-25", "acme");
	assert_int_equal(it->due, D("2026-11-01"));
	gd_due_items_free(items, n);
	/* without the inquiry: cadence from the order's contact */
	it = item_of(&items, &n, (gd_record *const[]){recs[0], recs[2]}, 2,
		     "2026-11-25", "acme");
	assert_int_equal(it->due, D("2026-12-01"));
	gd_due_items_free(items, n);
	for (n = 0; n < 4; n++)
		gd_record_free(recs[n]);
}

static void test_due__inquiries(void **state)
{
	gd_record *fresh = rec("inquiries/00/q-1.yaml",
			       "received: 2026-11-23T08:00:00+00:00\nfrom: {name: Maria}\n");
	gd_record *replied = rec("inquiries/00/q-2.yaml",
				 "received: 2026-11-10T08:00:00+00:00\ngrade: B\nstatus: quoted\n"
				 "replied: 2026-11-10T10:00:00+00:00\nlog:\n"
				 "  - at: 2026-11-10T10:00:00+00:00\n");
	gd_record *won = rec("inquiries/00/q-3.yaml",
			     "received: 2026-11-10T08:00:00+00:00\nstatus: won\n");
	gd_record *sampling = rec("inquiries/00/q-4.yaml",
				  "received: 2026-11-01T08:00:00+00:00\ngrade: A\n"
				  "status: sampling\nreplied: 2026-11-01T12:00:00+00:00\nlog:\n"
				  "  - at: 2026-11-01T12:00:00+00:00\n"
				  "  - at: 2026-11-21T09:00:00+00:00\n    next: 2026-11-26\n");
	/* still "new" by status, but replied: followed up, not a reply owed */
	gd_record *answered = rec("inquiries/00/q-5.yaml",
				  "received: 2026-11-10T08:00:00+00:00\ngrade: D\n"
				  "replied: 2026-11-10T09:00:00+00:00\nlog:\n"
				  "  - at: 2026-11-10T09:00:00+00:00\n");
	gd_record *lost = rec("inquiries/00/q-6.yaml",
			      "received: 2026-11-10T08:00:00+00:00\nstatus: lost\n");
	gd_record *dormant = rec("inquiries/00/q-7.yaml",
				 "received: 2026-11-10T08:00:00+00:00\nstatus: dormant\n");
	gd_record *recs[] = {fresh};
	gd_due_filter f = {0};
	gd_due_item *items = NULL;
	size_t n = 0;

	(void)state;
	/* received + 24h */
	one(fresh, "2026-11-23", "2026-11-24", GD_DUE_REPLY,
	    "reply owed, received 2026-11-23T08:00:00+00:00");
	one(replied, "2026-11-23", "2026-11-17", GD_DUE_FOLLOWUP, "B every 7d");
	one(sampling, "2026-11-23", "2026-11-26", GD_DUE_FOLLOWUP, "next agreed 2026-11-26");
	one(answered, "2026-11-23", "2026-12-10", GD_DUE_FOLLOWUP, "D every 30d");
	none(won, "2026-11-23");
	none(lost, "2026-11-23");
	none(dormant, "2026-11-23");
	/* a reply owed tomorrow is listed today, even without --days */
	f.kind = -1;
	gd_due_list(&items, &n, recs, 1, cfg, D("2026-11-23"), &f);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].reason, GD_DUE_REPLY);
	assert_int_equal(items[0].days_late, -1);
	assert_string_equal(gd_due_reason_name(items[0].reason), "reply");
	gd_due_items_free(items, n);
	gd_record_free(fresh);
	gd_record_free(replied);
	gd_record_free(won);
	gd_record_free(sampling);
	gd_record_free(answered);
	gd_record_free(lost);
	gd_record_free(dormant);
}

/* With a 4h reply window the due time crosses midnight in one zone only. */
static void test_due__reply_window_is_counted_in_time(void **state)
{
	gd_config *c4 = gd_config_default();
	gd_record *q = rec("inquiries/00/q-1.yaml",
			   "received: 2026-11-23T22:00:00+00:00\n");
	gd_due_item *items = NULL;
	size_t n = 0;
	char buf[GD_DATE_LEN];

	(void)state;
	c4->reply_within = 4 * 3600;
	gd_due_record(&items, &n, q, c4, D("2026-11-23"));
	assert_int_equal(n, 1);
	gd_date_format(buf, items[0].due);
	assert_string_equal(buf, "2026-11-24");
	gd_due_items_free(items, n);
	items = NULL;
	n = 0;
	setenv("TZ", "America/Chicago", 1);
	tzset();
	/* 2026-11-24T02:00Z is still the 23rd in Chicago */
	gd_due_record(&items, &n, q, c4, D("2026-11-23"));
	assert_int_equal(n, 1);
	gd_date_format(buf, items[0].due);
	assert_string_equal(buf, "2026-11-23");
	assert_non_null(strstr(items[0].explain, "reply within 4h"));
	gd_due_items_free(items, n);
	setenv("TZ", "UTC", 1);
	tzset();
	gd_config_free(c4);
	gd_record_free(q);
}

static void test_due__orders(void **state)
{
	gd_record *o = rec("orders/00/po.yaml",
			   "number: PO1\ncustomer: acme\nship-by: 2026-12-10\n"
			   "internal-by: 2026-12-05\ncurrency: USD\nstages:\n"
			   "  - {name: materials, plan: 2026-11-15, done: 2026-11-14}\n"
			   "  - {name: production, plan: 2026-11-20}\n"
			   "payments:\n"
			   "  - {what: deposit, amount: 700, due: 2026-11-25}\n"
			   "  - {what: balance, amount: 1600, due: 2026-12-08, received: 2026-12-01}\n");
	gd_record *shipped = rec("orders/00/po2.yaml",
				 "number: PO2\ncustomer: acme\nship-by: 2026-12-10\nstatus: shipped\n"
				 "stages: [{name: production, plan: 2026-11-20}]\n");
	gd_record *owing = rec("orders/00/po4.yaml",
			       "number: PO4\ncustomer: acme\nship-by: 2026-11-10\nstatus: shipped\n"
			       "currency: USD\nstages: [{name: production, plan: 2026-11-20}]\n"
			       "payments: [{what: balance, amount: 3202.50, due: 2026-12-01}]\n");
	gd_record *paid = rec("orders/00/po5.yaml",
			      "number: PO5\ncustomer: acme\nship-by: 2026-11-10\nstatus: shipped\n"
			      "payments: [{what: balance, amount: 10, due: 2026-12-01, "
			      "received: 2026-11-20}]\n");
	/* no internal-by: a late stage puts the ship date at risk at once */
	gd_record *bare = rec("orders/00/po3.yaml",
			      "number: PO3\ncustomer: acme\nship-by: 2026-12-10\n"
			      "stages: [{name: inspection, plan: 2026-11-22}, "
			      "{name: shipping, plan: 2026-12-10}]\n"
			      "payments: [{what: balance, due: 2026-12-01}]\n");
	gd_due_item *items = NULL;
	size_t n = 0;

	(void)state;
	gd_due_record(&items, &n, o, cfg, D("2026-11-23"));
	assert_int_equal(n, 2);
	assert_int_equal(items[0].reason, GD_DUE_STAGE);
	assert_int_equal(items[0].days_late, 3);
	assert_string_equal(items[0].detail,
			    "production planned 2026-11-20, 3 days late; internal-by 2026-12-05 at risk");
	assert_int_equal(items[1].reason, GD_DUE_PAYMENT);
	assert_string_equal(items[1].detail, "deposit USD 700 due 2026-11-25");
	gd_due_items_free(items, n);
	items = NULL;
	n = 0;
	/* 8 days late: more than the 5-day buffer, the ship date is at risk */
	gd_due_record(&items, &n, o, cfg, D("2026-11-28"));
	assert_string_equal(items[0].detail,
			    "production planned 2026-11-20, 8 days late; "
			    "internal-by 2026-12-05 at risk; ship-by 2026-12-10 at risk");
	assert_int_equal(items[1].days_late, 3);
	gd_due_items_free(items, n);
	items = NULL;
	n = 0;
	/* on its plan date a stage is due, not late */
	gd_due_record(&items, &n, o, cfg, D("2026-11-20"));
	assert_int_equal(items[0].days_late, 0);
	assert_string_equal(items[0].detail, "production planned 2026-11-20");
	assert_int_equal(items[1].days_late, -5);
	gd_due_items_free(items, n);
	items = NULL;
	n = 0;
	gd_due_record(&items, &n, bare, cfg, D("2026-11-23"));
	assert_int_equal(n, 3);
	assert_string_equal(items[0].detail,
			    "inspection planned 2026-11-22, 1 day late; ship-by 2026-12-10 at risk");
	assert_int_equal(items[1].reason, GD_DUE_STAGE);
	assert_int_equal(items[1].days_late, -17);
	assert_string_equal(items[2].detail, "balance due 2026-12-01");
	assert_int_equal(items[2].days_late, -8);
	gd_due_items_free(items, n);
	none(shipped, "2026-11-23");
	/* shipped: the balance outstanding is still due, the stages are not */
	one(owing, "2026-11-23", "2026-12-01", GD_DUE_PAYMENT, "balance USD 3202.50 due 2026-12-01");
	none(paid, "2026-11-23");
	gd_record_free(o);
	gd_record_free(shipped);
	gd_record_free(owing);
	gd_record_free(paid);
	gd_record_free(bare);
}

static void expect(gd_due_item *items, size_t n, const char *const *want,
		   size_t nwant)
{
	size_t i;

	for (i = 0; i < n && i < nwant; i++)
		if (strcmp(items[i].rec->id, want[i]))
			fail_msg("item %zu is '%s', expected '%s'", i,
				 items[i].rec->id, want[i]);
	assert_int_equal(n, nwant);
	gd_due_items_free(items, n);
}

#define EXPECT(items, n, ...)                                              \
	do {                                                               \
		const char *const want_[] = {__VA_ARGS__};                 \
		expect(items, n, want_, sizeof(want_) / sizeof(*want_));   \
	} while (0)

static void test_due__list_order_and_filters(void **state)
{
	gd_record *recs[] = {
		rec("customers/00/d-late.yaml", "name: x\ntier: D\ncreated: 2026-11-01\nowner: me@x\n"),
		rec("customers/00/a-late.yaml", "name: x\ntier: A\ncreated: 2026-11-01\n"),
		rec("customers/00/b-today.yaml", "name: x\ntier: B\ncreated: 2026-11-23\nowner: ME@x\n"),
		rec("customers/00/c-soon.yaml", "name: x\ntier: C\nnext: 2026-11-26\nowner: me@x\n"),
		rec("customers/00/other.yaml", "name: x\ntier: A\ncreated: 2026-11-01\nowner: you@x\n"),
		rec("customers/00/aa-late.yaml", "name: x\ntier: A\ncreated: 2026-11-01\nowner: \"\"\n"),
		rec("inquiries/00/q-new.yaml", "received: 2026-11-22T08:00:00+00:00\nowner: me@x\n"),
		rec("inquiries/00/q-old.yaml", "received: 2026-11-01T08:00:00+00:00\n"),
		rec("orders/00/po-1.yaml", "number: PO1\ncustomer: a\nship-by: 2026-12-30\n"
					   "stages: [{name: production, plan: 2026-11-12}]\n"),
	};
	size_t nrecs = sizeof(recs) / sizeof(*recs), n, i;
	gd_due_filter f = {0};
	gd_due_item *items;

	(void)state;
	f.kind = -1;
	f.me = "me@x";
	/* replies first, oldest first; then most days late; ties A before D,
	 * then id; an empty owner is unowned; me matches in any case */
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	EXPECT(items, n, "q-old", "q-new", "a-late", "aa-late", "d-late", "po-1", "b-today");

	f.days = 3;
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	assert_int_equal(n, 8);
	assert_string_equal(items[7].rec->id, "c-soon");
	assert_int_equal(items[7].days_late, -3);
	assert_int_equal(items[6].days_late, 0);
	assert_int_equal(items[2].days_late, 22);
	gd_due_items_free(items, n);

	/* the horizon is inclusive: 2 days do not reach the 26th */
	f.days = 2;
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	assert_int_equal(n, 7);
	gd_due_items_free(items, n);

	f.days = 0;
	f.all = 1;
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	EXPECT(items, n, "q-old", "q-new", "a-late", "aa-late", "other", "d-late", "po-1",
	       "b-today");

	f.all = 0;
	f.owner = "none";
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	EXPECT(items, n, "q-old", "a-late", "aa-late", "po-1");

	f.owner = "you@x";
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	EXPECT(items, n, "other");

	/* no me: only unowned records */
	f.owner = NULL;
	f.me = NULL;
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	EXPECT(items, n, "q-old", "a-late", "aa-late", "po-1");
	f.me = "me@x";

	f.kind = GD_INQUIRY;
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	EXPECT(items, n, "q-old", "q-new");

	f.kind = GD_ORDER;
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	EXPECT(items, n, "po-1");

	f.kind = -1;
	f.tier = "A";
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	EXPECT(items, n, "a-late", "aa-late");

	f.kind = GD_CUSTOMER;
	f.tier = "D";
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	EXPECT(items, n, "d-late");
	for (i = 0; i < nrecs; i++)
		gd_record_free(recs[i]);
}

/* Replies owed are ordered by how long the sender has waited, whatever
 * their grade or id. */
static void test_due__replies_oldest_inquiry_first(void **state)
{
	gd_record *recs[] = {
		rec("inquiries/00/q-a.yaml",
		    "received: 2026-11-22T20:00:00+00:00\ngrade: A\n"),
		rec("inquiries/00/q-b.yaml",
		    "received: 2026-11-22T08:00:00+00:00\ngrade: D\n"),
		rec("inquiries/00/q-c.yaml",
		    "received: 2026-11-22T09:00:00+08:00\n"), /* 01:00Z */
	};
	size_t i;
	gd_due_filter f = {0};
	gd_due_item *items = NULL;
	size_t n = 0;

	(void)state;
	f.kind = -1;
	f.all = 1;
	gd_due_list(&items, &n, recs, 3, cfg, D("2026-11-23"), &f);
	EXPECT(items, n, "q-c", "q-b", "q-a");
	for (i = 0; i < 3; i++)
		gd_record_free(recs[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_due__customer_rules_in_order),
		cmocka_unit_test(test_due__explicit_next_against_the_last_contact),
		cmocka_unit_test(test_due__hold_until_its_end),
		cmocka_unit_test(test_due__agreed_next_stands),
		cmocka_unit_test(test_due__linked_contacts_count),
		cmocka_unit_test(test_due__inquiries),
		cmocka_unit_test(test_due__reply_window_is_counted_in_time),
		cmocka_unit_test(test_due__orders),
		cmocka_unit_test(test_due__list_order_and_filters),
		cmocka_unit_test(test_due__replies_oldest_inquiry_first),
	};
	int rc;

	setenv("TZ", "UTC", 1);
	tzset();
	cfg = gd_config_default();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	gd_config_free(cfg);
	return rc;
}
