/*
 * test-money.c - what is outstanding on a payment, and receipts added by
 * gd_order_pay: fees count as paid, over-payment is refused, the plan
 * stays.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helpers.h"

#include "gendan/config.h"
#include "gendan/edit.h"
#include "gendan/error.h"
#include "gendan/money.h"
#include "gendan/record.h"

static gd_config *cfg;

static const char *owed(const gd_record *o, size_t i)
{
	static char buf[GD_DEC_LEN];
	gd_dec d;

	assert_int_equal(gd_payment_outstanding(&d, gd_node_get(o->root, "payments")->vals[i]), 0);
	gd_dec_format(buf, d);
	return buf;
}

static void test_money__outstanding_counts_receipts_and_fees(void **state)
{
	gd_record *o = test_record("orders/00/po-1.yaml",
		"number: PO-1\ncustomer: acme\npayments:\n"
		"  - what: deposit\n    amount: 3202.50\n    receipts:\n"
		"      - on: 2026-11-20\n        amount: 1000\n        fee: 2.5\n"
		"      - on: 2026-11-21\n        amount: 0.1\n"
		"  - what: balance\n    amount: 7020.0\n    received: 2026-11-21\n"
		"  - what: rest\n"
		"  - what: bad\n    amount: 1e3\n");
	gd_dec d;

	(void)state;
	assert_string_equal(owed(o, 0), "2199.9");
	assert_string_equal(owed(o, 1), "0"); /* received: paid in full */
	assert_string_equal(owed(o, 2), "0"); /* nothing planned */
	assert_int_equal(gd_payment_outstanding(&d, gd_node_get(o->root, "payments")->vals[3]),
			 GD_EINVALID);
	assert_string_equal(gd_error_last(), "payment amount '1e3' is not a number");
	/* what came in, beside what is owed: one parse for both */
	{
		gd_dec paid;
		char buf[GD_DEC_LEN];
		assert_int_equal(gd_payment_paid(&d, &paid, gd_node_get(o->root, "payments")->vals[0]), 0);
		gd_dec_format(buf, paid);
		assert_string_equal(buf, "1002.6");
		assert_int_equal(gd_payment_paid(&d, &paid, gd_node_get(o->root, "payments")->vals[1]), 0);
		assert_int_equal(paid.units, 0);
	}
	gd_record_free(o);
}

static void test_money__receipts_keep_the_plan_and_refuse_too_much(void **state)
{
	gd_record *o = test_record("orders/00/po-1.yaml",
				   "number: PO-1\ncustomer: acme\nship-by: 2027-01-30\n");
	gd_date due = test_date("2027-01-10"), on = test_date("2027-01-12");
	gd_payment_update u = {"3202.50", &due, NULL, NULL, NULL};
	const gd_node *pay;

	(void)state;
	assert_int_equal(gd_order_pay(o, "balance", &u), 0);
	u.due = NULL;
	u.received = &on;
	u.amount = "3000";
	u.fee = "2.5";
	assert_int_equal(gd_order_pay(o, "balance", &u), 0);
	assert_string_equal(owed(o, 0), "200");
	u.amount = "200";
	assert_int_equal(gd_order_pay(o, "balance", &u), GD_EINVALID); /* 202.5 > 200 */
	u.amount = NULL; /* the rest, less the fee */
	assert_int_equal(gd_order_pay(o, "balance", &u), 0);
	pay = gd_node_get(o->root, "payments")->vals[0];
	assert_string_equal(gd_node_str(pay, "amount"), "3202.50");
	assert_string_equal(gd_node_str(gd_node_get(pay, "receipts")->vals[1], "amount"), "197.5");
	assert_string_equal(gd_node_str(pay, "received"), "2027-01-12");
	assert_string_equal(owed(o, 0), "0");
	assert_int_equal(gd_order_pay(o, "balance", &u), GD_EINVALID); /* already received */
	assert_int_equal(gd_record_validate(o, cfg), 0);
	gd_record_free(o);
}

static void test_money__order_sums_while_open_or_shipped(void **state)
{
	static const char *const body =
		"number: PO-1\ncustomer: acme\ncurrency: EUR\nstatus: %s\npayments:\n"
		"  - what: deposit\n    amount: 1000\n    receipts:\n"
		"      - on: 2026-11-20\n        amount: 980\n        fee: 20\n"
		"  - what: balance\n    amount: 2202.5\n    receipts:\n"
		"      - on: 2026-11-21\n        amount: 100\n        fee: 2.5\n";
	static const char *const statuses[] = {"open", "shipped", "closed", "cancelled"};
	static const char *const want[] = {"2100", "2100", "0", "0"};
	char text[512], buf[GD_DEC_LEN];
	size_t i;
	gd_dec d;

	(void)state;
	for (i = 0; i < 4; i++) {
		gd_record *o;
		snprintf(text, sizeof(text), body, statuses[i]);
		o = test_record("orders/00/po-1.yaml", text);
		assert_int_equal(gd_order_outstanding(&d, o->root), 0);
		gd_dec_format(buf, d);
		assert_string_equal(buf, want[i]);
		gd_record_free(o);
	}
}

/* A sum as people read it is want. */
static void assert_sum(const gd_money *m, const char *want)
{
	char buf[128];

	gd_money_format(buf, sizeof(buf), m->currency, m->amount);
	assert_string_equal(buf, want);
}

static void test_money__sums_by_currency_and_formats(void **state)
{
	gd_money *m = NULL;
	size_t n = 0;
	gd_dec a, b, c, big = {INT64_MAX};
	char buf[64];

	(void)state;
	assert_int_equal(gd_dec_parse(&a, "3202.5"), 0);
	assert_int_equal(gd_dec_parse(&b, "1000000"), 0);
	assert_int_equal(gd_dec_parse(&c, "0.0125"), 0);
	assert_int_equal(gd_money_add(&m, &n, "USD", a), 0);
	assert_int_equal(gd_money_add(&m, &n, "EUR", b), 0);
	assert_int_equal(gd_money_add(&m, &n, "USD", b), 0);
	assert_int_equal(gd_money_add(&m, &n, NULL, c), 0);
	assert_int_equal(gd_money_add(&m, &n, "GBP", (gd_dec){0}), 0); /* nothing */
	assert_int_equal(n, 3);
	assert_sum(&m[0], "USD 1,003,202.50");
	assert_sum(&m[1], "EUR 1,000,000.00");
	assert_sum(&m[2], "0.0125");
	assert_int_equal(gd_money_add(&m, &n, "EUR", big), GD_EINVALID);
	gd_money_format(buf, sizeof(buf), "USD", (gd_dec){-1234567});
	assert_string_equal(buf, "USD -123.4567");
	gd_money_format(buf, sizeof(buf), "CNY", (gd_dec){999 * (int64_t)GD_DEC_ONE});
	assert_string_equal(buf, "CNY 999.00");
	gd_money_free(m, n);
}

/* Two currencies sharing their first 15 bytes (or more) are two sums,
 * each keeping its whole text. */
static void test_money__long_currencies_are_never_merged(void **state)
{
	static const char *const cur[] = {"ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNO",
					  "ABCDEFGHIJKLMNOQ", "ABCDEFGHIJKLMNOP"};
	gd_money *m = NULL;
	size_t n = 0, i;

	(void)state;
	for (i = 0; i < 4; i++)
		assert_int_equal(gd_money_add(&m, &n, cur[i], (gd_dec){(int64_t)(i + 1) * GD_DEC_ONE}), 0);
	assert_int_equal(n, 3);
	assert_sum(&m[0], "ABCDEFGHIJKLMNOP 5.00");
	assert_sum(&m[1], "ABCDEFGHIJKLMNO 2.00");
	assert_sum(&m[2], "ABCDEFGHIJKLMNOQ 3.00");
	gd_money_free(m, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money__outstanding_counts_receipts_and_fees),
		cmocka_unit_test(test_money__receipts_keep_the_plan_and_refuse_too_much),
		cmocka_unit_test(test_money__order_sums_while_open_or_shipped),
		cmocka_unit_test(test_money__long_currencies_are_never_merged),
		cmocka_unit_test(test_money__sums_by_currency_and_formats),
	};
	int failed;

	cfg = gd_config_default();
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	gd_config_free(cfg);
	return failed;
}
