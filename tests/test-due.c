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

static void test_due__hold_until_its_end(void **state)
{
	gd_record *r = rec("customers/00/a.yaml",
			   "name: A\ntier: B\ncreated: 2026-11-01\n"
			   "hold: {until: 2027-02-20, reason: Chinese New Year}\n");

	(void)state;
	one(r, "2026-11-23", "2027-02-20", GD_DUE_FOLLOWUP, NULL);
	gd_record_free(r);
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

	(void)state;
	one(fresh, "2026-11-23", "2026-11-24", GD_DUE_REPLY, "reply owed");
	one(replied, "2026-11-23", "2026-11-17", GD_DUE_FOLLOWUP, "B every 7d");
	none(won, "2026-11-23");
	gd_record_free(fresh);
	gd_record_free(replied);
	gd_record_free(won);
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
	assert_non_null(strstr(items[0].detail, "ship-by 2026-12-10 at risk"));
	gd_due_items_free(items, n);
	none(shipped, "2026-11-23");
	gd_record_free(o);
	gd_record_free(shipped);
}

static void test_due__list_order_and_filters(void **state)
{
	gd_record *recs[] = {
		rec("customers/00/d-late.yaml", "name: x\ntier: D\ncreated: 2026-11-01\nowner: me@x\n"),
		rec("customers/00/a-late.yaml", "name: x\ntier: A\ncreated: 2026-11-01\n"),
		rec("customers/00/b-today.yaml", "name: x\ntier: B\ncreated: 2026-11-23\nowner: me@x\n"),
		rec("customers/00/c-soon.yaml", "name: x\ntier: C\nnext: 2026-11-26\nowner: me@x\n"),
		rec("customers/00/other.yaml", "name: x\ntier: A\ncreated: 2026-11-01\nowner: you@x\n"),
		rec("inquiries/00/q-new.yaml", "received: 2026-11-22T08:00:00+00:00\nowner: me@x\n"),
		rec("inquiries/00/q-old.yaml", "received: 2026-11-01T08:00:00+00:00\n"),
	};
	size_t nrecs = sizeof(recs) / sizeof(*recs), n, i;
	gd_due_filter f = {0};
	gd_due_item *items;
	const char *want[] = {"q-old", "q-new", "a-late", "d-late", "b-today"};

	(void)state;
	f.kind = -1;
	f.me = "me@x";
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	assert_int_equal(n, 5);
	for (i = 0; i < n; i++)
		assert_string_equal(items[i].rec->id, want[i]);
	gd_due_items_free(items, n);

	f.days = 3;
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	assert_int_equal(n, 6);
	assert_string_equal(items[5].rec->id, "c-soon");
	assert_int_equal(items[5].days_late, -3);
	gd_due_items_free(items, n);

	f.days = 0;
	f.all = 1;
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	assert_int_equal(n, 6);
	assert_string_equal(items[2].rec->id, "a-late");
	assert_string_equal(items[3].rec->id, "other");
	gd_due_items_free(items, n);

	f.all = 0;
	f.owner = "none";
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	assert_int_equal(n, 2);
	gd_due_items_free(items, n);

	f.owner = NULL;
	f.kind = GD_CUSTOMER;
	f.tier = "D";
	gd_due_list(&items, &n, recs, nrecs, cfg, D("2026-11-23"), &f);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].rec->id, "d-late");
	gd_due_items_free(items, n);
	for (i = 0; i < nrecs; i++)
		gd_record_free(recs[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_due__customer_rules_in_order),
		cmocka_unit_test(test_due__hold_until_its_end),
		cmocka_unit_test(test_due__inquiries),
		cmocka_unit_test(test_due__orders),
		cmocka_unit_test(test_due__list_order_and_filters),
	};
	int rc;

	setenv("TZ", "UTC", 1);
	tzset();
	cfg = gd_config_default();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	gd_config_free(cfg);
	return rc;
}
