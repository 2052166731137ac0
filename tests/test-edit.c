/*
 * test-edit.c - the changes commands make to a record, in memory: new
 * records, contacts, stages, payments.
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
#include "gendan/record.h"

static gd_config *cfg;

static void expect_text(gd_record *r, const char *want)
{
	char *out = test_emit(r);

	assert_string_equal(out, want);
	free(out);
}

static void test_edit__new_customer_gets_status_owner_and_created(void **state)
{
	static const char *const tags[] = {"fair", "2026"};
	gd_new_fields f = {0};
	gd_time now = test_time("2026-11-20T09:30:00+00:00");
	gd_record *r = NULL;

	(void)state;
	f.name = "Acme GmbH";
	f.tier = "B";
	f.email = "buyer@acme.de";
	f.country = "DE";
	f.tags = tags;
	f.ntags = 2;
	f.city = ""; /* empty: left out */
	assert_int_equal(gd_new_record(&r, GD_CUSTOMER, "acme", &f, cfg,
				       "me@example.com", &now), 0);
	assert_int_equal(gd_record_validate(r, cfg), 0);
	expect_text(r, "name: Acme GmbH\n"
		       "tier: B\n"
		       "status: active\n"
		       "owner: me@example.com\n"
		       "email: buyer@acme.de\n"
		       "country: DE\n"
		       "owner-since: 2026-11-20\n"
		       "tags:\n"
		       "  - fair\n"
		       "  - \"2026\"\n"
		       "created: 2026-11-20\n");
	gd_record_free(r);
}

static void test_edit__empty_owner_means_nobody_not_me(void **state)
{
	gd_new_fields f = {0};
	gd_time now = test_time("2026-11-20T09:30:00+00:00");
	gd_record *r = NULL;

	(void)state;
	f.name = "Acme";
	f.owner = "";
	assert_int_equal(gd_new_record(&r, GD_CUSTOMER, "acme", &f, cfg,
				       "me@example.com", &now), 0);
	assert_null(gd_record_owner(r));
	gd_record_free(r);
}

static void test_edit__customer_from_inquiry_takes_the_sender(void **state)
{
	gd_record *q = test_record("inquiries/00/q-1.yaml",
			   "received: 2026-11-01T08:00:00+00:00\n"
			   "from:\n"
			   "  name: Li Wei\n"
			   "  company: Acme Ltd\n"
			   "  email: li@acme.cn\n"
			   "  country: CN\n"
			   "channel: email\n"
			   "grade: A\n"
			   "owner: sales@example.com\n");
	gd_new_fields f = {0};
	gd_time now = test_time("2026-11-20T09:30:00+00:00");
	gd_record *r = NULL;

	(void)state;
	f.country = "HK"; /* given: kept */
	gd_new_fields_from_inquiry(&f, q);
	f.inquiry = q;
	assert_string_equal(f.name, "Acme Ltd");
	assert_string_equal(f.email, "li@acme.cn");
	assert_string_equal(f.country, "HK");
	assert_string_equal(f.tier, "A");
	assert_string_equal(f.owner, "sales@example.com");
	assert_string_equal(f.source, "email");
	assert_int_equal(gd_new_record(&r, GD_CUSTOMER, "acme-ltd", &f, cfg,
				       "me@example.com", &now), 0);
	assert_string_equal(gd_record_owner(r), "sales@example.com");
	assert_string_equal(gd_node_str(r->root, "source"), "email");
	/* the inquiry now names its customer */
	assert_string_equal(gd_node_str(q->root, "customer"), "acme-ltd");
	gd_record_free(r);
	gd_record_free(q);
}

static void test_edit__new_inquiry_is_new_and_received_now(void **state)
{
	gd_record *cust = test_record("customers/00/acme.yaml", "name: Acme\n");
	gd_new_fields f = {0};
	gd_time now = test_time("2026-11-20T09:30:00+08:00"), got;
	gd_record *r = NULL;

	(void)state;
	f.from = "Li Wei";
	f.email = "li@acme.cn";
	f.channel = "wechat";
	f.quantity = "5000";
	f.customer = cust;
	f.tier = "A"; /* not an inquiry's field: ignored */
	assert_int_equal(gd_new_record(&r, GD_INQUIRY, "q-20261120-0001", &f, cfg,
				       NULL, &now), 0);
	assert_int_equal(gd_record_validate(r, cfg), 0);
	assert_string_equal(gd_record_status(r), "new");
	assert_null(gd_record_owner(r)); /* no me, no owner */
	assert_null(gd_node_get(r->root, "tier"));
	assert_string_equal(gd_node_str(r->root, "customer"), "acme");
	assert_string_equal(gd_node_str(r->root, "received"), "2026-11-20T09:30:00+08:00");
	assert_string_equal(gd_node_str(gd_node_get(r->root, "from"), "email"), "li@acme.cn");
	gd_record_free(r);
	/* a received time given wins over now */
	got = test_time("2026-11-19T17:00:00+08:00");
	f.received = &got;
	assert_int_equal(gd_new_record(&r, GD_INQUIRY, "q-2", &f, cfg, NULL, &now), 0);
	assert_string_equal(gd_node_str(r->root, "received"), "2026-11-19T17:00:00+08:00");
	gd_record_free(r);
	gd_record_free(cust);
}

static void test_edit__new_order_is_planned_and_owned_like_its_customer(void **state)
{
	static const char *const items[] = {"bolt M8:1000:0.12", "nut:500"};
	gd_record *cust = test_record("customers/00/acme.yaml",
			      "name: Acme\nowner: sales@example.com\n");
	gd_new_fields f = {0};
	gd_time now = test_time("2026-11-20T09:30:00+00:00");
	gd_record *r = NULL;
	const gd_node *it;

	(void)state;
	f.number = "PO-1";
	f.customer = cust;
	f.items = items;
	f.nitems = 2;
	f.currency = "EUR";
	f.ship_by = test_date("2027-01-30");
	assert_int_equal(gd_new_record(&r, GD_ORDER, "po-1", &f, cfg,
				       "me@example.com", &now), 0);
	assert_int_equal(gd_record_validate(r, cfg), 0);
	assert_string_equal(gd_record_owner(r), "sales@example.com");
	assert_string_equal(gd_record_status(r), "open");
	/* the configured buffer: 5 days */
	assert_string_equal(gd_node_str(r->root, "internal-by"), "2027-01-25");
	assert_int_equal(gd_node_get(r->root, "stages")->n, 4);
	it = gd_node_get(r->root, "items");
	assert_int_equal(it->n, 2);
	assert_string_equal(gd_node_str(it->vals[0], "product"), "bolt M8");
	assert_string_equal(gd_node_str(it->vals[0], "price"), "0.12");
	assert_null(gd_node_str(it->vals[1], "price"));
	gd_record_free(r);
	/* a buffer of its own */
	f.buffer = 10 * 86400;
	assert_int_equal(gd_new_record(&r, GD_ORDER, "po-1", &f, cfg, NULL, &now), 0);
	assert_string_equal(gd_node_str(r->root, "internal-by"), "2027-01-20");
	gd_record_free(r);
	gd_record_free(cust);
}

static void test_edit__bad_items_are_refused(void **state)
{
	static const char *const bad[] = {"bolt", "bolt:x", ":5", "bolt:-5",
					  "bolt:5:-1"};
	static const char *const items[] = {"bolt"};
	gd_new_fields f = {0};
	gd_time now = test_time("2026-11-20T09:30:00+00:00");
	gd_record *r = NULL;
	gd_node *n = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(gd_order_item_parse(&n, bad[i]), GD_EINVALID);
		assert_null(n);
	}
	assert_int_equal(gd_order_item_parse(&n, "a:b:3"), 0);
	assert_string_equal(gd_node_str(n, "product"), "a:b");
	gd_node_free(n);
	f.number = "PO-2";
	f.items = items;
	f.nitems = 1;
	f.ship_by = test_date("2027-01-30");
	assert_int_equal(gd_new_record(&r, GD_ORDER, "po-2", &f, cfg, NULL, &now),
			 GD_EINVALID);
	assert_null(r);
	assert_string_equal(gd_error_last(), "invalid item 'bolt': use PRODUCT:QTY[:PRICE]");
}

static void test_edit__fill_new_keeps_what_is_given(void **state)
{
	gd_time now = test_time("2026-11-20T09:30:00+00:00");
	gd_record *c = gd_record_new(GD_CUSTOMER, "acme");
	gd_record *o = gd_record_new(GD_ORDER, "po-1");

	(void)state;
	gd_node_set_str(c->root, "status", "dormant", 0);
	gd_node_set_str(c->root, "created", "2020-01-01", 1);
	gd_record_fill_new(c, cfg, "me@example.com", &now);
	assert_string_equal(gd_record_status(c), "dormant");
	assert_string_equal(gd_node_str(c->root, "created"), "2020-01-01");
	assert_string_equal(gd_record_owner(c), "me@example.com");
	/* an order with a ship-by is planned; one with an internal-by is not */
	gd_node_set_str(o->root, "ship-by", "2027-01-30", 1);
	gd_record_fill_new(o, cfg, NULL, &now);
	assert_string_equal(gd_node_str(o->root, "internal-by"), "2027-01-25");
	assert_null(gd_record_owner(o));
	gd_record_free(o);
	o = gd_record_new(GD_ORDER, "po-2");
	gd_node_set_str(o->root, "ship-by", "2027-01-30", 1);
	gd_node_set_str(o->root, "internal-by", "2027-01-01", 1);
	gd_record_fill_new(o, cfg, NULL, &now);
	assert_null(gd_node_get(o->root, "stages"));
	gd_record_free(o);
	gd_record_free(c);
}

static void test_edit__first_contact_on_an_inquiry_is_its_reply(void **state)
{
	gd_record *q = test_record("inquiries/00/q-1.yaml",
			   "received: 2026-11-01T08:00:00+00:00\n"
			   "from:\n"
			   "  name: Li Wei\n");
	gd_date next = test_date("2026-11-08");
	gd_contact c = {test_time("2026-11-02T10:00:00+00:00"), "me@example.com", "phone",
			"sent prices", &next};
	const gd_node *log;

	(void)state;
	assert_int_equal(gd_record_log_contact(q, &c, cfg), 0);
	assert_string_equal(gd_node_str(q->root, "replied"), "2026-11-02T10:00:00+00:00");
	assert_string_equal(gd_record_status(q), "replied");
	log = gd_node_get(q->root, "log");
	assert_int_equal(log->n, 1);
	assert_string_equal(gd_node_str(log->vals[0], "by"), "me@example.com");
	assert_string_equal(gd_node_str(log->vals[0], "via"), "phone");
	assert_string_equal(gd_node_str(log->vals[0], "note"), "sent prices");
	assert_string_equal(gd_node_str(log->vals[0], "next"), "2026-11-08");
	/* the second contact changes neither */
	gd_node_set_str(q->root, "status", "quoted", 0);
	c.at = test_time("2026-11-05T10:00:00+00:00");
	c.note = "";
	c.next = NULL;
	c.via = NULL;
	assert_int_equal(gd_record_log_contact(q, &c, cfg), 0);
	assert_string_equal(gd_node_str(q->root, "replied"), "2026-11-02T10:00:00+00:00");
	assert_string_equal(gd_record_status(q), "quoted");
	log = gd_node_get(q->root, "log");
	assert_int_equal(log->n, 2);
	assert_null(gd_node_get(log->vals[1], "note"));
	assert_null(gd_node_get(log->vals[1], "via"));
	gd_record_free(q);
}

static void test_edit__a_reply_keeps_a_status_past_new(void **state)
{
	gd_record *q = test_record("inquiries/00/q-1.yaml",
			   "received: 2026-11-01T08:00:00+00:00\n"
			   "from:\n"
			   "  name: Li Wei\n"
			   "status: quoted\n");
	gd_contact c = {test_time("2026-11-02T10:00:00+00:00"), "me@example.com", NULL,
			"x", NULL};
	gd_record *cu = test_record("customers/00/acme.yaml", "name: Acme\n");

	(void)state;
	assert_int_equal(gd_record_log_contact(q, &c, cfg), 0);
	assert_string_equal(gd_record_status(q), "quoted");
	assert_non_null(gd_node_str(q->root, "replied"));
	/* customers have no reply */
	assert_int_equal(gd_record_log_contact(cu, &c, cfg), 0);
	assert_null(gd_node_str(cu->root, "replied"));
	gd_record_free(q);
	gd_record_free(cu);
}

static void test_edit__contacts_go_through_configured_channels(void **state)
{
	gd_record *cu = test_record("customers/00/acme.yaml", "name: Acme\n");
	gd_contact c = {test_time("2026-11-02T10:00:00+00:00"), "me@example.com", "pigeon",
			"x", NULL};

	(void)state;
	assert_int_equal(gd_contact_check_via(cfg, "email"), 0);
	assert_int_equal(gd_contact_check_via(cfg, NULL), 0);
	assert_int_equal(gd_record_log_contact(cu, &c, cfg), GD_EINVALID);
	assert_string_equal(gd_error_last(),
			    "channel 'pigeon' is not one of the channels in gendan.yaml");
	assert_null(gd_node_get(cu->root, "log"));
	gd_record_free(cu);
}

static void test_edit__stage_plan_done_and_note(void **state)
{
	gd_record *o = test_record("orders/00/po-1.yaml",
			   "number: PO-1\n"
			   "customer: acme\n"
			   "ship-by: 2027-01-30\n"
			   "stages:\n"
			   "  - name: materials\n"
			   "    plan: 2027-01-05\n");
	gd_date done = test_date("2027-01-07"), plan = test_date("2027-01-20");
	gd_stage_update u = {NULL, &done, "late steel", "me@example.com",
			     test_time("2027-01-07T16:00:00+00:00")};
	const gd_node *st, *log;

	(void)state;
	assert_int_equal(gd_order_stage(o, "materials", &u), 0);
	st = gd_node_get(o->root, "stages")->vals[0];
	assert_string_equal(gd_node_str(st, "done"), "2027-01-07");
	assert_string_equal(gd_node_str(st, "note"), "late steel");
	log = gd_node_get(o->root, "log");
	assert_int_equal(log->n, 1);
	assert_string_equal(gd_node_str(log->vals[0], "note"), "stage materials: late steel");
	assert_string_equal(gd_node_str(log->vals[0], "by"), "me@example.com");
	/* no such stage: only a plan adds it */
	memset(&u, 0, sizeof(u));
	u.done = &done;
	assert_int_equal(gd_order_stage(o, "painting", &u), GD_ENOTFOUND);
	assert_string_equal(gd_error_last(),
			    "order 'po-1' has no stage 'painting' (add it with --plan DATE)");
	u.done = NULL;
	u.plan = &plan;
	assert_int_equal(gd_order_stage(o, "painting", &u), 0);
	st = gd_node_get(o->root, "stages")->vals[1];
	assert_string_equal(gd_node_str(st, "name"), "painting");
	assert_string_equal(gd_node_str(st, "plan"), "2027-01-20");
	assert_int_equal(gd_record_validate(o, cfg), 0);
	gd_record_free(o);
}

static void test_edit__payments_are_added_then_updated(void **state)
{
	gd_record *o = test_record("orders/00/po-1.yaml",
			   "number: PO-1\ncustomer: acme\nship-by: 2027-01-30\n");
	gd_date due = test_date("2027-01-10"), got = test_date("2027-01-12");
	gd_payment_update u = {"3000", &due, NULL, NULL, NULL};
	const gd_node *pays;

	(void)state;
	assert_int_equal(gd_order_pay(o, "deposit", &u), 0);
	u.amount = NULL;
	u.due = NULL;
	u.received = &got;
	assert_int_equal(gd_order_pay(o, "deposit", &u), 0);
	pays = gd_node_get(o->root, "payments");
	assert_int_equal(pays->n, 1);
	assert_string_equal(gd_node_str(pays->vals[0], "amount"), "3000");
	assert_string_equal(gd_node_str(pays->vals[0], "due"), "2027-01-10");
	assert_string_equal(gd_node_str(pays->vals[0], "received"), "2027-01-12");
	assert_int_equal(gd_record_validate(o, cfg), 0);
	u.amount = "-5";
	assert_int_equal(gd_order_pay(o, "balance", &u), GD_EINVALID);
	assert_string_equal(gd_error_last(), "invalid amount '-5': a number, not negative");
	assert_int_equal(gd_node_get(o->root, "payments")->n, 1);
	assert_int_equal(gd_amount_check("12.5"), 0);
	assert_int_equal(gd_amount_check(""), GD_EINVALID);
	assert_int_equal(gd_amount_check("12e"), GD_EINVALID);
	gd_record_free(o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit__new_customer_gets_status_owner_and_created),
		cmocka_unit_test(test_edit__empty_owner_means_nobody_not_me),
		cmocka_unit_test(test_edit__customer_from_inquiry_takes_the_sender),
		cmocka_unit_test(test_edit__new_inquiry_is_new_and_received_now),
		cmocka_unit_test(test_edit__new_order_is_planned_and_owned_like_its_customer),
		cmocka_unit_test(test_edit__bad_items_are_refused),
		cmocka_unit_test(test_edit__fill_new_keeps_what_is_given),
		cmocka_unit_test(test_edit__first_contact_on_an_inquiry_is_its_reply),
		cmocka_unit_test(test_edit__a_reply_keeps_a_status_past_new),
		cmocka_unit_test(test_edit__contacts_go_through_configured_channels),
		cmocka_unit_test(test_edit__stage_plan_done_and_note),
		cmocka_unit_test(test_edit__payments_are_added_then_updated),
	};
	int rc;

	cfg = gd_config_default();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	gd_config_free(cfg);
	return rc;
}
