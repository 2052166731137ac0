/*
 * test-report.c - the pure parts of the reports (SPEC 3.5): a period's
 * bounds in the local time zone, overdue as of a time, and which records
 * a report reads events from and which states.
 *
 * Tests that depend on the time zone set TZ themselves and put it back to
 * UTC, so their order does not matter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "gendan/config.h"
#include "gendan/due.h"
#include "gendan/report.h"
#include "helpers.h"

static void tz(const char *zone)
{
	setenv("TZ", zone, 1);
	tzset();
}

static int64_t T(const char *iso)
{
	return test_time(iso).t;
}

static void week_shanghai(void **state)
{
	gd_report_period p;
	gd_time now;

	(void)state;
	tz("Asia/Shanghai");
	now = test_time("2026-12-02T10:00:00+08:00");
	gd_report_period_of(&p, GD_REPORT_WEEK, test_date("2026-11-25"), &now);
	assert_int_equal(p.from, test_date("2026-11-23"));
	assert_int_equal(p.to, test_date("2026-11-29"));
	assert_int_equal(p.start, T("2026-11-23T00:00:00+08:00"));
	assert_int_equal(p.end, T("2026-11-29T23:59:59+08:00"));
	assert_true(p.past);
	assert_int_equal(p.at, p.end);
	assert_int_equal(p.at_day, test_date("2026-11-29"));
	/* the current week: states as of now */
	gd_report_period_of(&p, GD_REPORT_WEEK, test_date("2026-12-02"), &now);
	assert_int_equal(p.from, test_date("2026-11-30"));
	assert_false(p.past);
	assert_int_equal(p.at, now.t);
	assert_int_equal(p.at_day, test_date("2026-12-02"));
	/* a Sunday holds the week that ends with it */
	gd_report_period_of(&p, GD_REPORT_WEEK, test_date("2026-11-29"), &now);
	assert_int_equal(p.from, test_date("2026-11-23"));
	tz("UTC");
}

static void month_chicago(void **state)
{
	gd_report_period p;
	gd_time now;

	(void)state;
	tz("America/Chicago");
	/* November 2026 begins in daylight time (CDT) and ends in CST */
	now = test_time("2026-11-20T12:00:00-06:00");
	gd_report_period_of(&p, GD_REPORT_MONTH, test_date("2026-11-10"), &now);
	assert_int_equal(p.from, test_date("2026-11-01"));
	assert_int_equal(p.to, test_date("2026-11-30"));
	assert_int_equal(p.start, T("2026-11-01T00:00:00-05:00"));
	assert_int_equal(p.end, T("2026-11-30T23:59:59-06:00"));
	assert_false(p.past);
	assert_int_equal(p.at_day, test_date("2026-11-20"));
	/* March: CST to CDT */
	gd_report_period_of(&p, GD_REPORT_MONTH, test_date("2026-03-31"), &now);
	assert_int_equal(p.start, T("2026-03-01T00:00:00-06:00"));
	assert_int_equal(p.end, T("2026-03-31T23:59:59-05:00"));
	assert_true(p.past);
	/* December closes the year */
	gd_report_period_of(&p, GD_REPORT_MONTH, test_date("2025-12-15"), &now);
	assert_int_equal(p.to, test_date("2025-12-31"));
	assert_int_equal(p.end, T("2025-12-31T23:59:59-06:00"));
	tz("UTC");
}

static void overdue_at(void **state)
{
	gd_config *cfg = gd_config_default();
	gd_due_item it;
	int64_t late = 0, t0 = T("2026-12-01T08:00:00+00:00");

	(void)state;
	memset(&it, 0, sizeof(it));
	it.reason = GD_DUE_REPLY;
	it.received = t0;
	it.due = test_date("2026-12-02");
	/* reply-within 24h: owed, not late, an hour before */
	assert_false(gd_report_overdue(&it, cfg, t0 + 23 * (int64_t)3600, test_date("2026-12-02"), &late));
	assert_int_equal(late, -3600);
	assert_true(gd_report_overdue(&it, cfg, t0 + 29 * (int64_t)3600, test_date("2026-12-02"), &late));
	assert_int_equal(late, 5 * (int64_t)3600);
	/* a follow-up is late by days once its day is past */
	it.reason = GD_DUE_FOLLOWUP;
	it.received = 0;
	it.due = test_date("2026-12-04");
	assert_false(gd_report_overdue(&it, cfg, t0, test_date("2026-12-02"), &late));
	assert_int_equal(late, -2);
	assert_false(gd_report_overdue(&it, cfg, t0, test_date("2026-12-04"), &late));
	assert_true(gd_report_overdue(&it, cfg, t0, test_date("2026-12-06"), &late));
	assert_int_equal(late, 2);
	gd_config_free(cfg);
}

/* Events from today's records, states from the snapshot's. */
static void events_and_states(void **state)
{
	gd_config *cfg = gd_config_default();
	gd_record *now_r = test_record("customers/aa/acme.yaml",
		"name: ACME\ntier: B\nstatus: active\nowner: li.lei@example.com\n"
		"created: 2026-11-02\nlog:\n"
		"  - {at: 2026-11-17T10:00:00+00:00, by: li.lei@example.com, via: phone}\n"
		"  - {at: 2026-12-01T10:00:00+00:00, by: li.lei@example.com, via: phone}\n");
	gd_record *then_r = test_record("customers/aa/acme.yaml",
		"name: ACME\ntier: A\nstatus: active\nowner: li.lei@example.com\n"
		"created: 2026-11-02\n");
	gd_record *q = test_record("inquiries/bb/q-1.yaml",
		"received: 2026-11-29T22:00:00+00:00\nfrom: {company: Lopez SA}\n"
		"customer: acme\nstatus: replied\nreplied: 2026-12-01T09:00:00+00:00\n"
		"log:\n  - {at: 2026-11-29T23:00:00+00:00, by: wang.fang@example.com}\n");
	gd_record *recs[2] = {now_r, q}, *then[2] = {then_r, q};
	gd_report_period p;
	gd_time now = test_time("2026-12-05T09:00:00+00:00");
	char *out;

	(void)state;
	gd_report_period_of(&p, GD_REPORT_MONTH, test_date("2026-11-30"), &now);
	out = gd_report(&p, recs, 2, then, 2, cfg, NULL, GD_REPORT_JSON, NULL, NULL);
	/* the contacts of November only, the inquiry's counting for ACME */
	assert_non_null(strstr(out, "\"contacts\": 2,"));
	assert_non_null(strstr(out, "\"ref\": \"customer/acme\",\n      \"name\": \"ACME\",\n"
				    "      \"contacts\": 2"));
	/* tier A as it stood; the reply came after the month: not replied */
	assert_non_null(strstr(out, "\"key_customers\": [\n    {\n      \"ref\": \"customer/acme\""));
	assert_non_null(strstr(out, "\"reply_hours\": null"));
	/* its last contact was on its linked inquiry */
	assert_non_null(strstr(out, "\"last_contact\": \"2026-11-29\""));
	assert_non_null(strstr(out, "\"as_of\": \"2026-11-30\""));
	free(out);
	/* the current month reads states from today's records */
	now = test_time("2026-11-30T09:00:00+00:00");
	gd_report_period_of(&p, GD_REPORT_MONTH, test_date("2026-11-30"), &now);
	out = gd_report(&p, recs, 2, recs, 2, cfg, NULL, GD_REPORT_JSON, NULL, NULL);
	assert_non_null(strstr(out, "\"key_customers\": []"));
	free(out);
	gd_record_free(now_r);
	gd_record_free(then_r);
	gd_record_free(q);
	gd_config_free(cfg);
}

/* A past period names a record, and picks an owner's, as it stood; one
 * made after the period as it is. */
static void names_as_they_stood(void **state)
{
	gd_config *cfg = gd_config_default();
	gd_record *now_r = test_record("customers/aa/acme.yaml",
		"name: ACME Renamed\ntier: A\nstatus: active\nowner: han.mei@example.com\n"
		"created: 2026-11-02\nlog:\n"
		"  - {at: 2026-11-17T10:00:00+00:00, by: li.lei@example.com, via: phone}\n");
	gd_record *then_r = test_record("customers/aa/acme.yaml",
		"name: ACME\ntier: A\nstatus: active\nowner: li.lei@example.com\n"
		"created: 2026-11-02\n");
	gd_record *later = test_record("customers/cc/later.yaml",
		"name: Later Co\ntier: B\nstatus: active\nowner: li.lei@example.com\n"
		"created: 2026-12-02\nlog:\n"
		"  - {at: 2026-11-18T10:00:00+00:00, by: li.lei@example.com, via: visit}\n");
	gd_record *recs[2] = {now_r, later}, *then[1] = {then_r};
	gd_report_period p;
	gd_time now = test_time("2026-12-05T09:00:00+00:00");
	char *out;

	(void)state;
	gd_report_period_of(&p, GD_REPORT_WEEK, test_date("2026-11-17"), &now);
	out = gd_report(&p, recs, 2, then, 1, cfg, "li.lei@example.com", GD_REPORT_MD, NULL, NULL);
	assert_non_null(strstr(out, "- ACME (customer/acme): 1 contact\n"));
	assert_non_null(strstr(out, "- Later Co (customer/later): 1 contact\n"));
	assert_null(strstr(out, "Renamed"));
	free(out);
	out = gd_report(&p, recs, 2, then, 1, cfg, "han.mei@example.com", GD_REPORT_MD, NULL, NULL);
	assert_null(strstr(out, "ACME"));
	free(out);
	gd_record_free(now_r);
	gd_record_free(then_r);
	gd_record_free(later);
	gd_config_free(cfg);
}

static void collect(void *ctx, const char *message)
{
	char **all = ctx;
	size_t n = *all ? strlen(*all) : 0, len = strlen(message);

	*all = realloc(*all, n + len + 2);
	assert_non_null(*all);
	memcpy(*all + n, message, len);
	memcpy(*all + n + len, "\n", 2);
}

/* A total that cannot hold an amount leaves it out, says so and names it. */
static void totals_say_what_they_leave_out(void **state)
{
	gd_config *cfg = gd_config_default();
	gd_record *a = test_record("orders/aa/po-1.yaml",
		"number: PO-1\ncustomer: acme\nstatus: open\ncurrency: USD\nship-by: 2027-01-30\n"
		"payments:\n  - {what: deposit, amount: 900000000000000,\n"
		"     receipts: [{\"on\": 2026-11-03, amount: 800000000000000}]}\n");
	gd_record *b = test_record("orders/bb/po-2.yaml",
		"number: PO-2\ncustomer: acme\nstatus: open\ncurrency: USD\nship-by: 2027-01-30\n"
		"payments:\n  - {what: deposit, amount: 900000000000000,\n"
		"     receipts: [{\"on\": 2026-11-04, amount: 800000000000000}]}\n"
		"  - {what: rest, amount: 7, receipts: [{\"on\": 2026-10-01, amount: 900000000000000},\n"
		"     {\"on\": 2026-10-01, amount: 900000000000000}]}\n");
	gd_record *recs[2] = {a, b};
	gd_report_period p;
	gd_time now = test_time("2026-11-20T09:00:00+00:00");
	char *out, *said = NULL;

	(void)state;
	gd_report_period_of(&p, GD_REPORT_MONTH, test_date("2026-11-20"), &now);
	out = gd_report(&p, recs, 2, recs, 2, cfg, NULL, GD_REPORT_MD, collect, &said);
	assert_non_null(strstr(out, "- total USD 800000000000000 (1 amount unreadable, not counted)\n"));
	assert_non_null(strstr(out, "- total USD 200000000000000 (1 amount unreadable, not counted)\n"));
	assert_string_equal(said,
		"order/po-2: payments[1].receipts[1].amount '800000000000000': amount out of range; "
		"not counted in the total\n"
		"order/po-2: payments[2]: amount out of range; not counted in the total\n");
	free(out);
	free(said);
	gd_record_free(a);
	gd_record_free(b);
	gd_config_free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(week_shanghai),
		cmocka_unit_test(month_chicago),
		cmocka_unit_test(overdue_at),
		cmocka_unit_test(events_and_states),
		cmocka_unit_test(names_as_they_stood),
		cmocka_unit_test(totals_say_what_they_leave_out),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
