/*
 * test-refs.c - REF resolution, rule by rule, in SPEC 3's order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/error.h"
#include "gendan/record.h"
#include "gendan/refs.h"

static gd_record *recs[6];
static const size_t nrecs = 6;

static gd_record *rec(const char *path, const char *text)
{
	gd_record *r = NULL;

	if (gd_record_parse(&r, path, text, strlen(text)) < 0)
		fail_msg("parse: %s", gd_error_last());
	return r;
}

static int setup(void **state)
{
	(void)state;
	recs[0] = rec("customers/48/acme-trading-co.yaml",
		      "name: ACME Trading Co.\nemail: john@acme.example\n"
		      "phone: \"+1 312 555 0100\"\n"
		      "people: [{name: Mary, email: mary@acme.example}]\n");
	recs[1] = rec("customers/95/haitian.yaml",
		      "name: 宁波海天贸易有限公司\nphone: \"+86 574 8888 1234\"\n");
	recs[2] = rec("customers/00/acme.yaml", "name: Acme Lamps\n");
	recs[3] = rec("inquiries/00/q-20261112-d289.yaml",
		      "received: 2026-11-12T10:00:00+08:00\n"
		      "from: {name: Ahmed, company: Gulf Lights LLC, email: ahmed@gulflights.ae}\n");
	recs[4] = rec("orders/00/po-2026-118.yaml",
		      "number: PO#2026/118\ncustomer: gulf\nship-by: 2026-12-30\n");
	recs[5] = rec("orders/00/acme.yaml",
		      "number: ACME-1\ncustomer: acme\nship-by: 2026-12-30\n");
	return 0;
}

static int teardown(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < nrecs; i++)
		gd_record_free(recs[i]);
	return 0;
}

static void finds(const char *ref, int kind, const char *path)
{
	gd_record *r = NULL;

	if (gd_ref_resolve(&r, recs, nrecs, ref, kind) < 0)
		fail_msg("'%s': %s", ref, gd_error_last());
	assert_string_equal(r->path, path);
}

static void fails(const char *ref, int kind, int code, const char *want)
{
	gd_record *r = NULL;

	assert_int_equal(gd_ref_resolve(&r, recs, nrecs, ref, kind), code);
	assert_null(r);
	if (!strstr(gd_error_last(), want))
		fail_msg("expected '%s' in '%s'", want, gd_error_last());
}

static void test_refs__rules_in_order(void **state)
{
	(void)state;
	finds("customer/acme", -1, "customers/00/acme.yaml");
	finds("order/acme", -1, "orders/00/acme.yaml");
	finds("HAITIAN", -1, "customers/95/haitian.yaml");
	finds("john@acme.example", -1, "customers/48/acme-trading-co.yaml");
	finds("MARY@acme.example", -1, "customers/48/acme-trading-co.yaml");
	finds("ahmed@gulflights.ae", -1, "inquiries/00/q-20261112-d289.yaml");
	finds("+86 574 8888 1234", -1, "customers/95/haitian.yaml");
	finds("88881234", -1, "customers/95/haitian.yaml");
	finds("3125550100", -1, "customers/48/acme-trading-co.yaml");
	finds("acme-t", -1, "customers/48/acme-trading-co.yaml");
	finds("q-2026", -1, "inquiries/00/q-20261112-d289.yaml");
	finds("海天", -1, "customers/95/haitian.yaml");
	finds("gulf lights", -1, "inquiries/00/q-20261112-d289.yaml");
	finds("PO#2026/118", -1, "orders/00/po-2026-118.yaml");
	finds("lamps", -1, "customers/00/acme.yaml");
}

static void test_refs__ambiguous_and_missing(void **state)
{
	(void)state;
	/* exact id in two kinds */
	fails("acme", -1, GD_EAMBIGUOUS, "'acme' matches 2 records: customer/acme (Acme Lamps), order/acme (ACME-1)");
	fails("trading", GD_ORDER, GD_ENOTFOUND, "no order matches 'trading'");
	fails("nobody", -1, GD_ENOTFOUND, "no record matches 'nobody'");
	fails("555", -1, GD_ENOTFOUND, "no record matches");
	fails("", -1, GD_EINVALID, "empty");
	finds("acme", GD_CUSTOMER, "customers/00/acme.yaml");
	finds("acme", GD_ORDER, "orders/00/acme.yaml");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refs__rules_in_order),
		cmocka_unit_test(test_refs__ambiguous_and_missing),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
