/*
 * test-record.c - record kinds: canonical form, logging adds lines only,
 * validation messages.
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
#include "gendan/error.h"
#include "gendan/record.h"

static gd_config *cfg;

/* The shard as ids.h documents it: low byte of the 32-bit FNV-1a hash. */
static void shard_of(char out[3], const char *id)
{
	uint32_t h = 2166136261u;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	snprintf(out, 3, "%02x", h & 0xff);
}

static void test_record__kinds_and_paths(void **state)
{
	static const char *const names[] = {"customer", "customers", "inquiry",
					    "inquiries", "order", "orders"};
	const char *ids[] = {"acme", "q-20261112-d289", "po-2026-118"};
	gd_kind k;
	gd_record *r;
	char *p, shard[3], want[64];
	size_t i;

	(void)state;
	for (i = 0; i < 6; i++) {
		k = (gd_kind)-1;
		assert_int_equal(gd_kind_parse(&k, names[i]), 0);
		assert_int_equal(k, (gd_kind)(i / 2));
	}
	assert_int_equal(gd_kind_parse(&k, "widget"), GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "unknown kind 'widget'"));
	assert_int_equal(gd_kind_parse(&k, "Customer"), GD_EINVALID);
	p = gd_record_path_for(GD_CUSTOMER, "acme-trading-co");
	assert_string_equal(p, "customers/48/acme-trading-co.yaml");
	free(p);
	for (i = 0; i < 3; i++) {
		shard_of(shard, ids[i]);
		snprintf(want, sizeof(want), "%s/%s/%s.yaml",
			 gd_kind_dir((gd_kind)i), shard, ids[i]);
		p = gd_record_path_for((gd_kind)i, ids[i]);
		assert_string_equal(p, want);
		free(p);
		r = gd_record_new((gd_kind)i, ids[i]);
		assert_string_equal(r->path, want);
		assert_string_equal(r->id, ids[i]);
		assert_int_equal(r->kind, (gd_kind)i);
		gd_record_free(r);
	}
}

static void test_record__canonical_order_keeps_unknown_keys(void **state)
{
	gd_record *r = test_record("customers/zz/acme.yaml",
			   "zeta: 1\n"
			   "log:\n"
			   "  - note: later\n"
			   "    custom: kept\n"
			   "    at: 2026-11-22T10:00:00+08:00\n"
			   "  - at: 2026-11-20T10:00:00+08:00\n"
			   "tier: B\n"
			   "name: ACME\n"
			   "alpha: {b: 1, a: 2}\n"
			   "country: NO\n"
			   "note: yes\n"
			   "phone: 0123456\n"
			   "created: 2026-11-01\n");
	char *out = test_emit(r), *again;

	(void)state;
	assert_string_equal(out,
			    "name: ACME\n"
			    "tier: B\n"
			    "phone: \"0123456\"\n"
			    "country: \"NO\"\n"
			    "created: 2026-11-01\n"
			    "note: \"yes\"\n"
			    "log:\n"
			    "  - at: 2026-11-20T10:00:00+08:00\n"
			    "  - at: 2026-11-22T10:00:00+08:00\n"
			    "    note: later\n"
			    "    custom: kept\n"
			    "zeta: 1\n"
			    "alpha:\n"
			    "  b: 1\n"
			    "  a: 2\n");
	again = test_emit(r);
	assert_string_equal(out, again);
	free(out);
	free(again);
	gd_record_free(r);
}

static void test_record__canonical_text_is_a_fixed_point(void **state)
{
	static const char canon_customer[] =
		"name: 宁波海天贸易有限公司\n"
		"tier: A\n"
		"owner: li.lei@example.com\n"
		"phone: \"+86 574 8888 1234\"\n"
		"country: CN\n"
		"people:\n"
		"  - name: 王芳\n"
		"    role: purchasing\n"
		"    wechat: wangfang88\n"
		"tags:\n"
		"  - lighting\n"
		"  - \"2026\"\n"
		"created: 2026-11-22\n"
		"hold:\n"
		"  until: 2027-02-20\n"
		"  reason: Chinese New Year\n"
		"  set-by:\n"
		"    who: me\n"
		"log:\n"
		"  - at: 2026-11-22T10:15:00+08:00\n"
		"    via: wechat\n"
		"    note: 要样品，周五前报价。\n"
		"    next: 2026-11-25\n"
		"x-crm-id: 8812\n";
	static const char canon_inquiry[] =
		"received: 2026-11-12T10:00:00+08:00\n"
		"from:\n"
		"  name: Ahmed\n"
		"  company: Gulf Lights LLC\n"
		"  title: buyer\n"
		"grade: B\n"
		"status: replied\n"
		"replied: 2026-11-12T15:00:00+08:00\n"
		"source-url: https://example.com/x\n";
	const char *texts[] = {canon_customer, canon_inquiry};
	const char *paths[] = {"customers/00/haitian.yaml", "inquiries/00/q-1.yaml"};
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		gd_record *r = test_record(paths[i], texts[i]);
		char *out = test_emit(r);

		assert_int_equal(gd_record_validate(r, cfg), 0);
		/* already canonical: the bytes come back unchanged */
		assert_string_equal(out, texts[i]);
		free(out);
		gd_record_free(r);
	}
}

static void test_record__text_that_looks_typed_is_quoted(void **state)
{
	gd_record *r = test_record("customers/00/a.yaml",
			   "name: Nordlys AS\n"
			   "country: NO\n"
			   "city: 0123\n"
			   "note: 2026-11-22\n"
			   "source: yes\n"
			   "email: null\n"
			   "tags: [1e3, true, fair]\n"
			   "created: \"2026-11-01\"\n"
			   "next: '2026-11-25'\n"
			   "log:\n"
			   "  - at: \"2026-11-22T10:15:00+08:00\"\n"
			   "    note: NO\n"
			   "    next: \"2026-11-29\"\n");
	char *out = test_emit(r);
	gd_record *back;

	(void)state;
	assert_string_equal(out,
			    "name: Nordlys AS\n"
			    "email: null\n"
			    "country: \"NO\"\n"
			    "city: \"0123\"\n"
			    "tags:\n"
			    "  - \"1e3\"\n"
			    "  - \"true\"\n"
			    "  - fair\n"
			    "source: \"yes\"\n"
			    "created: 2026-11-01\n"
			    "next: 2026-11-25\n"
			    "note: \"2026-11-22\"\n"
			    "log:\n"
			    "  - at: 2026-11-22T10:15:00+08:00\n"
			    "    note: \"NO\"\n"
			    "    next: 2026-11-29\n");
	/* and it reads back as the same text */
	back = test_record("customers/00/a.yaml", out);
	assert_string_equal(gd_node_str(back->root, "country"), "NO");
	assert_int_equal(gd_node_get(back->root, "country")->plain, 0);
	assert_string_equal(gd_node_str(back->root, "city"), "0123");
	assert_int_equal(gd_node_get(back->root, "created")->plain, 1);
	free(out);
	gd_record_free(back);
	gd_record_free(r);
}

static gd_node *entry(const char *at, const char *note)
{
	gd_node *e = gd_node_map();

	gd_node_set_str(e, "at", at, 1);
	gd_node_set_str(e, "note", note, 0);
	return e;
}

/* Every line of before is a line of after, in order, and after has
 * exactly `added` lines more: nothing was changed or removed. */
static void only_added(const char *before, const char *after, size_t added)
{
	const char *p = after, *line = before;
	size_t nb = 0, na = 0;

	for (; *line; line = strchr(line, '\n') + 1) {
		size_t len = (size_t)(strchr(line, '\n') - line) + 1;

		while (*p && strncmp(p, line, len))
			p = strchr(p, '\n') + 1;
		if (!*p)
			fail_msg("line '%.*s' lost", (int)len - 1, line);
		p += len;
		nb++;
	}
	for (p = after; *p; p = strchr(p, '\n') + 1)
		na++;
	assert_int_equal(na, nb + added);
}

static void test_record__logging_only_adds_lines(void **state)
{
	gd_record *r = test_record("customers/48/acme.yaml",
			   "name: ACME\n"
			   "log:\n"
			   "  - at: 2026-11-20T10:00:00+08:00\n"
			   "    note: one\n"
			   "  - at: 2026-11-22T10:00:00+08:00\n"
			   "    note: three\n"
			   "extra: x\n");
	char *before = test_emit(r), *after;
	gd_time at;

	(void)state;
	/* backdated: goes between one and three */
	gd_record_add_log(r, entry("2026-11-21T10:00:00+08:00", "two"));
	/* same instant as three: after it, in the order logged */
	gd_record_add_log(r, entry("2026-11-22T10:00:00+08:00", "four"));
	/* the same instant written in another offset is equal too */
	gd_record_add_log(r, entry("2026-11-22T02:00:00+00:00", "five"));
	after = test_emit(r);
	assert_string_equal(after,
			    "name: ACME\n"
			    "log:\n"
			    "  - at: 2026-11-20T10:00:00+08:00\n"
			    "    note: one\n"
			    "  - at: 2026-11-21T10:00:00+08:00\n"
			    "    note: two\n"
			    "  - at: 2026-11-22T10:00:00+08:00\n"
			    "    note: three\n"
			    "  - at: 2026-11-22T10:00:00+08:00\n"
			    "    note: four\n"
			    "  - at: 2026-11-22T02:00:00+00:00\n"
			    "    note: five\n"
			    "extra: x\n");
	only_added(before, after, 6);
	/* the latest of equal times is the one logged last */
	assert_string_equal(gd_node_str(gd_record_last_log(r, &at), "note"), "five");
	free(before);
	free(after);
	gd_record_free(r);
}

static void test_record__first_log_entry_starts_the_log(void **state)
{
	gd_record *r = test_record("customers/00/acme.yaml",
			   "name: ACME\ntier: B\ncreated: 2026-11-01\nx-extra: 1\n");
	char *before = test_emit(r), *after;
	gd_time at;

	(void)state;
	assert_null(gd_record_last_log(r, &at));
	gd_record_add_log(r, entry("2026-11-22T10:15:00+08:00", "first call"));
	after = test_emit(r);
	assert_string_equal(after,
			    "name: ACME\n"
			    "tier: B\n"
			    "created: 2026-11-01\n"
			    "log:\n"
			    "  - at: 2026-11-22T10:15:00+08:00\n"
			    "    note: first call\n"
			    "x-extra: 1\n");
	only_added(before, after, 3);
	assert_int_equal(gd_record_validate(r, cfg), 0);
	free(before);
	free(after);
	gd_record_free(r);
}

static void invalid(const char *path, const char *text, const char *want)
{
	gd_record *r = test_record(path, text);

	assert_int_equal(gd_record_validate(r, cfg), GD_EINVALID);
	if (!strstr(gd_error_last(), want))
		fail_msg("expected '%s' in '%s'", want, gd_error_last());
	gd_record_free(r);
}

/* The field at fault, as import names its column. */
static void at_fault(const char *path, const char *text, const char *want)
{
	gd_record *r = test_record(path, text);
	char field[64] = "x";

	assert_int_equal(gd_record_validate_at(r, cfg, field, sizeof(field)),
			 *want ? GD_EINVALID : 0);
	assert_string_equal(field, want);
	gd_record_free(r);
}

static void test_record__validation_says_which_field(void **state)
{
	(void)state;
	at_fault("customers/00/a.yaml", "name: A\ntier: A\n", "");
	at_fault("customers/00/a.yaml", "tier: A\n", "name");
	at_fault("customers/00/a.yaml", "name: \"\"\n", "name");
	at_fault("customers/00/a.yaml", "name: A\ntier: Z\n", "tier");
	at_fault("customers/00/a.yaml", "name: A\nnext: 2026-02-30\n", "next");
	at_fault("inquiries/00/q.yaml",
		 "received: 2026-11-12T10:00:00+08:00\nfrom: {name: [x]}\n", "from.name");
	at_fault("orders/00/o.yaml",
		 "number: 1\ncustomer: a\nship-by: 2026-12-01\nitems: [{product: x, qty: -1}]\n",
		 "items[1].qty");
}

static void test_record__validation_names_file_line_and_field(void **state)
{
	(void)state;
	invalid("customers/00/a.yaml", "tier: A\n", "customers/00/a.yaml:1:1: 'name' is required");
	invalid("customers/00/a.yaml", "name:\ntier: A\n", "customers/00/a.yaml:1:6: 'name' is required");
	invalid("customers/00/a.yaml", "name: \"\"\n", "customers/00/a.yaml:1:7: 'name' must not be empty");
	invalid("customers/00/a.yaml", "name: A\ntier: Z\n",
		"customers/00/a.yaml:2:7: tier 'Z' is not one of A B C D");
	invalid("customers/00/a.yaml", "name: A\nstatus: sleeping\n",
		"customers/00/a.yaml:2:9: status 'sleeping' is not one of active dormant lost");
	invalid("customers/00/a.yaml", "name: A\ncreated: 2026-02-30\n",
		"customers/00/a.yaml:2:10: created: invalid date '2026-02-30' (expected YYYY-MM-DD)");
	invalid("customers/00/a.yaml", "name: A\nlog:\n  - note: x\n",
		"customers/00/a.yaml:3:5: 'log[1].at' is required");
	invalid("customers/00/a.yaml",
		"name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n    via: telegram\n",
		"customers/00/a.yaml:4:10: log[1].via 'telegram' is not one of phone email fax "
		"wechat whatsapp visit post meeting other");
	invalid("customers/00/a.yaml",
		"name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n  - at: 2026-11-02\n",
		"customers/00/a.yaml:4:9: log[2].at: invalid time '2026-11-02'");
	invalid("customers/00/a.yaml", "name: A\ntags: lighting\n",
		"customers/00/a.yaml:2:7: 'tags' must be a list");
	invalid("customers/00/a.yaml", "name: A\ntags: [a, [b]]\n",
		"customers/00/a.yaml:2:11: 'tags[2]' must be text");
	invalid("customers/00/a.yaml", "name: {first: A}\n",
		"customers/00/a.yaml:1:7: 'name' must be a single value");
	invalid("customers/00/a.yaml", "name: A\nhold: {reason: trip}\n",
		"customers/00/a.yaml:2:7: 'hold.until' is required");
	invalid("orders/00/o.yaml",
		"number: PO1\ncustomer: acme\nship-by: 2026-12-01\nitems:\n  - product: x\n    qty: -5\n",
		"orders/00/o.yaml:6:10: items[1].qty: '-5' must not be negative");
	invalid("orders/00/o.yaml",
		"number: PO1\ncustomer: acme\nship-by: 2026-12-01\nitems:\n  - {price: ten}\n",
		"orders/00/o.yaml:5:13: items[1].price: 'ten' is not a number");
	invalid("orders/00/o.yaml", "number: PO1\nship-by: 2026-12-01\n",
		"orders/00/o.yaml:1:1: 'customer' is required");
	invalid("orders/00/o.yaml", "number: PO1\ncustomer: a\nship-by: 2026-12-01\nstatus: done\n",
		"status 'done' is not one of open shipped closed cancelled");
	invalid("inquiries/00/q.yaml", "from: {name: X}\n", "inquiries/00/q.yaml:1:1: 'received' is required");
	invalid("inquiries/00/q.yaml", "received: 2026-11-01T10:00:00+08:00\ngrade: E\n",
		"inquiries/00/q.yaml:2:8: grade 'E' is not one of A B C D");
	invalid("inquiries/00/q.yaml", "received: 2026-11-01T10:00:00+08:00\nfrom: Maria\n",
		"inquiries/00/q.yaml:2:7: 'from' must be a mapping");
}

/* A quoted amount counts as a number only if it reads back as one when
 * written plain, so the canonical form of a valid record stays valid. */
static void test_record__quoted_numbers_must_read_back_as_numbers(void **state)
{
	gd_record *r = test_record("orders/00/o.yaml",
			   "number: PO1\ncustomer: acme\nship-by: 2026-12-01\n"
			   "items:\n  - {product: x, qty: \"500\", price: '1.25'}\n");
	char *out;

	(void)state;
	assert_int_equal(gd_record_validate(r, cfg), 0);
	out = test_emit(r);
	assert_non_null(strstr(out, "  - product: x\n    qty: 500\n    price: 1.25\n"));
	free(out);
	gd_record_free(r);
	invalid("orders/00/o.yaml",
		"number: PO1\ncustomer: acme\nship-by: 2026-12-01\nitems:\n  - {qty: \" -5\"}\n",
		"orders/00/o.yaml:5:11: items[1].qty: ' -5' is not a number");
	invalid("orders/00/o.yaml",
		"number: PO1\ncustomer: acme\nship-by: 2026-12-01\nitems:\n  - {qty: \"nan\"}\n",
		"items[1].qty: 'nan' is not a number");
	invalid("orders/00/o.yaml",
		"number: PO1\ncustomer: acme\nship-by: 2026-12-01\nitems:\n  - {qty: .inf}\n",
		"items[1].qty: '.inf' is not a number");
}

static void test_record__valid_records_and_accessors(void **state)
{
	gd_record *c = test_record("customers/00/acme.yaml",
			   "name: ACME\ntier: A\nlog:\n"
			   "  - at: 2026-11-22T10:00:00+08:00\n"
			   "  - at: 2026-11-20T10:00:00+08:00\n");
	gd_record *q = test_record("inquiries/00/q-1.yaml",
			   "received: 2026-11-01T10:00:00+08:00\n"
			   "from: {name: Maria, company: Lopez SA}\ngrade: B\n");
	gd_record *o = test_record("orders/00/po-1.yaml",
			   "number: PO#1\ncustomer: acme\nship-by: 2026-12-01\n"
			   "payments: [{what: deposit, amount: 700.5, due: 2026-11-25}]\n");
	gd_time at;

	(void)state;
	assert_int_equal(gd_record_validate(c, cfg), 0);
	assert_int_equal(gd_record_validate(q, cfg), 0);
	assert_int_equal(gd_record_validate(o, cfg), 0);
	assert_string_equal(gd_record_name(c), "ACME");
	assert_string_equal(gd_record_name(q), "Lopez SA");
	assert_string_equal(gd_record_name(o), "PO#1");
	assert_null(gd_record_owner(c));
	assert_string_equal(gd_record_grade(q), "B");
	assert_string_equal(gd_record_status(c), "active");
	assert_string_equal(gd_record_status(q), "new");
	assert_string_equal(gd_record_status(o), "open");
	/* the latest at, not the last entry in the file */
	assert_string_equal(gd_node_str(gd_record_last_log(c, &at), "at"),
			    "2026-11-22T10:00:00+08:00");
	assert_int_equal(at.t, 1795312800); /* 2026-11-22T02:00:00Z */
	assert_string_equal(c->id, "acme");
	assert_true(gd_record_field_is_date(GD_CUSTOMER, "next"));
	assert_false(gd_record_field_is_date(GD_CUSTOMER, "note"));
	assert_true(gd_record_field_settable(GD_CUSTOMER, "tier"));
	assert_false(gd_record_field_settable(GD_CUSTOMER, "log"));
	gd_record_free(c);
	gd_record_free(q);
	gd_record_free(o);
}

static void test_record__inquiry_name_falls_back_to_the_sender(void **state)
{
	gd_record *named = test_record("inquiries/00/q-1.yaml",
			       "received: 2026-11-01T10:00:00+08:00\nfrom: {name: Maria}\n");
	gd_record *blank = test_record("inquiries/00/q-2.yaml",
			       "received: 2026-11-01T10:00:00+08:00\n"
			       "from: {name: 李雷, company: \"\"}\n");
	gd_record *anon = test_record("inquiries/00/q-3.yaml",
			      "received: 2026-11-01T10:00:00+08:00\n");

	(void)state;
	assert_string_equal(gd_record_name(named), "Maria");
	assert_string_equal(gd_record_name(blank), "李雷");
	assert_null(gd_record_name(anon));
	assert_int_equal(gd_record_validate(anon, cfg), 0);
	gd_record_free(named);
	gd_record_free(blank);
	gd_record_free(anon);
}

static void test_record__file_names_must_be_ids(void **state)
{
	gd_record *r = NULL;

	(void)state;
	assert_int_equal(gd_record_parse(&r, "customers/00/Upper.yaml", "name: x\n", 8),
			 GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "'Upper' is not a valid id"));
	assert_int_equal(gd_record_parse(&r, "widgets/00/a.yaml", "name: x\n", 8),
			 GD_EINVALID);
	assert_null(r);
}

static void test_record__paths_never_climb_out_or_hide(void **state)
{
	static const char *const bad[] = {
		"customers/../../etc/passwd.yaml", "customers/./acme.yaml",
		"customers//acme.yaml", "customers/.git/acme.yaml",
		"orders/00/../../../x.yaml", NULL};
	const char *const *p;
	gd_record *r = NULL;

	(void)state;
	for (p = bad; *p; p++) {
		assert_int_equal(gd_record_parse(&r, *p, "name: x\n", 8), GD_EINVALID);
		assert_null(r);
		assert_non_null(strstr(gd_error_last(), "no empty or hidden parts"));
	}
}

static void test_record__order_plan_counts_back_from_internal_by(void **state)
{
	gd_record *r = gd_record_new(GD_ORDER, "po-1");
	gd_date d;
	char *out;

	(void)state;
	/* over a month end and a leap day: ship-by 2028-03-03, buffer 5d */
	assert_int_equal(gd_date_parse(&d, "2028-03-03"), 0);
	gd_node_set_str(r->root, "number", "PO-1", 0);
	gd_node_set_str(r->root, "customer", "acme", 0);
	gd_order_plan(r, cfg, d, 5 * 86400);
	out = test_emit(r);
	assert_string_equal(out,
			    "number: PO-1\n"
			    "customer: acme\n"
			    "ship-by: 2028-03-03\n"
			    "internal-by: 2028-02-27\n"
			    "stages:\n"
			    "  - name: materials\n"
			    "    plan: 2028-02-07\n"
			    "  - name: production\n"
			    "    plan: 2028-02-20\n"
			    "  - name: inspection\n"
			    "    plan: 2028-02-25\n"
			    "  - name: shipping\n"
			    "    plan: 2028-02-27\n");
	free(out);
	/* a buffer in hours is rounded up to whole days */
	gd_order_plan(r, cfg, d, 36 * 3600);
	assert_string_equal(gd_node_str(r->root, "internal-by"), "2028-03-01");
	assert_int_equal(gd_record_validate(r, cfg), 0);
	gd_record_free(r);
}

static void test_record__open_inquiries_are_the_ones_still_worked(void **state)
{
	static const char *const open[] = {"new", "replied", "quoted", "sampling"};
	static const char *const closed[] = {"won", "lost", "dormant"};
	gd_record *q = gd_record_new(GD_INQUIRY, "q-1");
	gd_record *c = gd_record_new(GD_CUSTOMER, "acme");
	size_t i;

	(void)state;
	/* no status: a new inquiry */
	assert_true(gd_inquiry_open(q));
	for (i = 0; i < 4; i++) {
		gd_node_set_str(q->root, "status", open[i], 0);
		assert_true(gd_inquiry_open(q));
	}
	for (i = 0; i < 3; i++) {
		gd_node_set_str(q->root, "status", closed[i], 0);
		assert_false(gd_inquiry_open(q));
	}
	assert_false(gd_inquiry_open(c));
	gd_record_free(q);
	gd_record_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_record__kinds_and_paths),
		cmocka_unit_test(test_record__canonical_order_keeps_unknown_keys),
		cmocka_unit_test(test_record__canonical_text_is_a_fixed_point),
		cmocka_unit_test(test_record__text_that_looks_typed_is_quoted),
		cmocka_unit_test(test_record__logging_only_adds_lines),
		cmocka_unit_test(test_record__first_log_entry_starts_the_log),
		cmocka_unit_test(test_record__validation_names_file_line_and_field),
		cmocka_unit_test(test_record__validation_says_which_field),
		cmocka_unit_test(test_record__quoted_numbers_must_read_back_as_numbers),
		cmocka_unit_test(test_record__valid_records_and_accessors),
		cmocka_unit_test(test_record__inquiry_name_falls_back_to_the_sender),
		cmocka_unit_test(test_record__file_names_must_be_ids),
		cmocka_unit_test(test_record__paths_never_climb_out_or_hide),
		cmocka_unit_test(test_record__order_plan_counts_back_from_internal_by),
		cmocka_unit_test(test_record__open_inquiries_are_the_ones_still_worked),
	};
	int rc;

	cfg = gd_config_default();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	gd_config_free(cfg);
	return rc;
}
