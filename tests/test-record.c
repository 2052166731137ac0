/*
 * test-record.c - record kinds: canonical form, logging adds lines only,
 * validation messages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/config.h"
#include "gendan/error.h"
#include "gendan/record.h"

static gd_config *cfg;

static gd_record *rec(const char *path, const char *text)
{
	gd_record *r = NULL;

	if (gd_record_parse(&r, path, text, strlen(text)) < 0)
		fail_msg("parse: %s", gd_error_last());
	return r;
}

static char *emit(gd_record *r)
{
	char *out = NULL;
	size_t len;

	assert_int_equal(gd_record_emit(&out, &len, r), 0);
	return out;
}

static void test_record__kinds_and_paths(void **state)
{
	gd_kind k;
	char *p;

	(void)state;
	assert_int_equal(gd_kind_parse(&k, "customers"), 0);
	assert_int_equal(k, GD_CUSTOMER);
	assert_int_equal(gd_kind_parse(&k, "inquiry"), 0);
	assert_int_equal(k, GD_INQUIRY);
	assert_int_equal(gd_kind_parse(&k, "order"), 0);
	assert_int_equal(k, GD_ORDER);
	assert_int_equal(gd_kind_parse(&k, "widget"), GD_EINVALID);
	p = gd_record_path_for(GD_CUSTOMER, "acme-trading-co");
	assert_string_equal(p, "customers/48/acme-trading-co.yaml");
	free(p);
}

static void test_record__canonical_order_keeps_unknown_keys(void **state)
{
	gd_record *r = rec("customers/zz/acme.yaml",
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
	char *out = emit(r), *again;

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
	again = emit(r);
	assert_string_equal(out, again);
	free(out);
	free(again);
	gd_record_free(r);
}

static gd_node *entry(const char *at, const char *note)
{
	gd_node *e = gd_node_map();

	gd_node_set_str(e, "at", at, 1);
	gd_node_set_str(e, "note", note, 0);
	return e;
}

static void test_record__logging_only_adds_lines(void **state)
{
	gd_record *r = rec("customers/48/acme.yaml",
			   "name: ACME\n"
			   "log:\n"
			   "  - at: 2026-11-20T10:00:00+08:00\n"
			   "    note: one\n"
			   "  - at: 2026-11-22T10:00:00+08:00\n"
			   "    note: three\n"
			   "extra: x\n");
	char *before = emit(r), *after;

	(void)state;
	gd_record_add_log(r, entry("2026-11-21T10:00:00+08:00", "two"));
	gd_record_add_log(r, entry("2026-11-22T10:00:00+08:00", "four"));
	after = emit(r);
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
			    "extra: x\n");
	/* every line of before is still there, in order */
	{
		const char *p = after, *line = before;
		while (*line) {
			const char *eol = strchr(line, '\n');
			size_t len = (size_t)(eol - line) + 1;
			while (*p && strncmp(p, line, len))
				p = strchr(p, '\n') + 1;
			assert_true(*p);
			p += len;
			line += len;
		}
	}
	free(before);
	free(after);
	gd_record_free(r);
}

static void invalid(const char *path, const char *text, const char *want)
{
	gd_record *r = rec(path, text);

	assert_int_equal(gd_record_validate(r, cfg), GD_EINVALID);
	if (!strstr(gd_error_last(), want))
		fail_msg("expected '%s' in '%s'", want, gd_error_last());
	gd_record_free(r);
}

static void test_record__validation_names_file_line_and_field(void **state)
{
	(void)state;
	invalid("customers/00/a.yaml", "tier: A\n", "customers/00/a.yaml:1:1: 'name' is required");
	invalid("customers/00/a.yaml", "name: A\ntier: Z\n",
		"customers/00/a.yaml:2:7: tier 'Z' is not one of A B C D");
	invalid("customers/00/a.yaml", "name: A\nstatus: sleeping\n",
		"status 'sleeping' is not one of active dormant lost");
	invalid("customers/00/a.yaml", "name: A\ncreated: 2026-02-30\n",
		"2:10: created: invalid date '2026-02-30'");
	invalid("customers/00/a.yaml", "name: A\nlog:\n  - note: x\n", "'log[1].at' is required");
	invalid("customers/00/a.yaml",
		"name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n    via: telegram\n",
		"log[1].via 'telegram' is not one of phone");
	invalid("customers/00/a.yaml", "name: A\ntags: lighting\n", "'tags' must be a list");
	invalid("customers/00/a.yaml", "name: {first: A}\n", "'name' must be a single value");
	invalid("orders/00/o.yaml",
		"number: PO1\ncustomer: acme\nship-by: 2026-12-01\nitems:\n  - product: x\n    qty: -5\n",
		"items[1].qty: '-5' must not be negative");
	invalid("orders/00/o.yaml", "number: PO1\nship-by: 2026-12-01\n", "'customer' is required");
	invalid("inquiries/00/q.yaml", "from: {name: X}\n", "'received' is required");
	invalid("inquiries/00/q.yaml", "received: 2026-11-01T10:00:00+08:00\ngrade: E\n",
		"grade 'E'");
}

static void test_record__valid_records_and_accessors(void **state)
{
	gd_record *c = rec("customers/00/acme.yaml",
			   "name: ACME\ntier: A\nlog:\n"
			   "  - at: 2026-11-22T10:00:00+08:00\n"
			   "  - at: 2026-11-20T10:00:00+08:00\n");
	gd_record *q = rec("inquiries/00/q-1.yaml",
			   "received: 2026-11-01T10:00:00+08:00\n"
			   "from: {name: Maria, company: Lopez SA}\ngrade: B\n");
	gd_record *o = rec("orders/00/po-1.yaml",
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
	assert_string_equal(gd_record_grade(q), "B");
	assert_string_equal(gd_record_status(c), "active");
	assert_string_equal(gd_record_status(q), "new");
	assert_string_equal(gd_record_status(o), "open");
	assert_non_null(gd_record_last_log(c, &at));
	assert_int_equal(at.t, 1795312800);
	assert_string_equal(c->id, "acme");
	assert_true(gd_record_field_is_date(GD_CUSTOMER, "next"));
	assert_false(gd_record_field_is_date(GD_CUSTOMER, "note"));
	assert_true(gd_record_field_settable(GD_CUSTOMER, "tier"));
	assert_false(gd_record_field_settable(GD_CUSTOMER, "log"));
	gd_record_free(c);
	gd_record_free(q);
	gd_record_free(o);
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
	out = emit(r);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_record__kinds_and_paths),
		cmocka_unit_test(test_record__canonical_order_keeps_unknown_keys),
		cmocka_unit_test(test_record__logging_only_adds_lines),
		cmocka_unit_test(test_record__validation_names_file_line_and_field),
		cmocka_unit_test(test_record__valid_records_and_accessors),
		cmocka_unit_test(test_record__file_names_must_be_ids),
		cmocka_unit_test(test_record__order_plan_counts_back_from_internal_by),
	};
	int rc;

	cfg = gd_config_default();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	gd_config_free(cfg);
	return rc;
}
