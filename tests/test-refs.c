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
#include "internal.h"

static gd_record *recs[8];
static const size_t nrecs = 8;

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
	/* shares Mary's address and a phone ending like ACME's */
	recs[6] = rec("customers/00/bright-lamps.yaml",
		      "name: Bright Lamps Ltd\nphone: \"+44 20 7555 0100\"\n"
		      "people: [{name: Mary, email: Mary@ACME.example, phone: \"(555) 867-5309\"}]\n");
	recs[7] = rec("inquiries/00/q-20261115-a1b2.yaml",
		      "received: 2026-11-15T10:00:00+08:00\n"
		      "from: {name: 周杰, email: zhou@sina.com, phone: \"138 0013 8000\"}\n");
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

/*
 * Resolve ref over recs twice: as records, and as views holding the lists
 * a summary keeps (gd__ref_lists).  Both must give the same answer, which
 * is returned: the record, or NULL with the error set.
 */
static const char *region; /* phone-region of the ledger, or NULL */

static gd_record *resolve(const char *ref, int kind, int *code)
{
	gd_ref_view v[8];
	gd__buf lists[8][3];
	gd_record *r = NULL;
	char *msg;
	size_t i, hit = 0;
	int err, verr;

	memset(lists, 0, sizeof(lists));
	err = gd_ref_resolve(&r, recs, nrecs, ref, kind, region);
	msg = strdup(err < 0 ? gd_error_last() : "");
	for (i = 0; i < nrecs; i++) {
		gd__ref_lists(recs[i], region, &lists[i][0], &lists[i][1], &lists[i][2]);
		v[i] = (gd_ref_view){recs[i]->kind, recs[i]->id, gd_record_name(recs[i]),
				     lists[i][0].len ? lists[i][0].buf : "",
				     lists[i][1].len ? lists[i][1].buf : "",
				     lists[i][2].len ? lists[i][2].buf : "", NULL};
	}
	verr = gd_ref_resolve_views(&hit, v, nrecs, ref, kind, region);
	assert_int_equal(verr, err);
	if (err == 0)
		assert_ptr_equal(recs[hit], r);
	else
		assert_string_equal(gd_error_last(), msg);
	for (i = 0; i < nrecs; i++) {
		gd__buf_free(&lists[i][0]);
		gd__buf_free(&lists[i][1]);
		gd__buf_free(&lists[i][2]);
	}
	free(msg);
	*code = err;
	return r;
}

static void finds(const char *ref, int kind, const char *path)
{
	int code;
	gd_record *r = resolve(ref, kind, &code);

	if (code < 0)
		fail_msg("'%s': %s", ref, gd_error_last());
	assert_string_equal(r->path, path);
}

static void fails(const char *ref, int kind, int code, const char *want)
{
	int got;
	gd_record *r = resolve(ref, kind, &got);

	assert_int_equal(got, code);
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
	finds("zhou@sina.com", -1, "inquiries/00/q-20261115-a1b2.yaml");
	finds("ahmed@gulflights.ae", -1, "inquiries/00/q-20261112-d289.yaml");
	finds("+86 574 8888 1234", -1, "customers/95/haitian.yaml");
	finds("88881234", -1, "customers/95/haitian.yaml");
	finds("3125550100", -1, "customers/48/acme-trading-co.yaml");
	finds("acme-t", -1, "customers/48/acme-trading-co.yaml");
	finds("q-20261112", -1, "inquiries/00/q-20261112-d289.yaml");
	finds("海天", -1, "customers/95/haitian.yaml");
	finds("gulf lights", -1, "inquiries/00/q-20261112-d289.yaml");
	finds("PO#2026/118", -1, "orders/00/po-2026-118.yaml");
	finds("bright", -1, "customers/00/bright-lamps.yaml");
	finds("周", -1, "inquiries/00/q-20261115-a1b2.yaml");
	finds("13800138000", -1, "inquiries/00/q-20261115-a1b2.yaml");
	finds("867-5309", -1, "customers/00/bright-lamps.yaml");
	finds("2026/118", -1, "orders/00/po-2026-118.yaml");
}

/* The first rule that matches anything decides, even when a later rule
 * would have found something else. */
static void test_refs__earlier_rule_wins(void **state)
{
	(void)state;
	/* an exact id beats the prefix it also is of acme-trading-co */
	finds("acme", GD_CUSTOMER, "customers/00/acme.yaml");
	/* kind/id beats the exact id in the other kind */
	finds("order/ACME", -1, "orders/00/acme.yaml");
	finds("customers/acme", -1, "customers/00/acme.yaml");
	/* "acme-trading-co" is an id, though "ACME Trading" is a name */
	finds("ACME-TRADING-CO", -1, "customers/48/acme-trading-co.yaml");
	/* an id prefix beats the order number "ACME-1" that holds it too */
	finds("acme-", -1, "customers/48/acme-trading-co.yaml");
	/* digits that are no phone here go on to the names: the order number */
	finds("2026", GD_ORDER, "orders/00/po-2026-118.yaml");
}

static void test_refs__phone_digits(void **state)
{
	(void)state;
	/* all digits, however they are written */
	finds("+86 (574) 8888-1234", -1, "customers/95/haitian.yaml");
	finds("8657488881234", -1, "customers/95/haitian.yaml");
	/* the last 7 or more digits */
	finds("8881234", -1, "customers/95/haitian.yaml");
	/* 6 trailing digits are too few to mean a phone */
	fails("881234", -1, GD_ENOTFOUND, "no record matches '881234'");
	/* 4 digits shared by two phones: too few, so nothing */
	fails("0100", -1, GD_ENOTFOUND, "no record matches '0100'");
	/* 7 digits shared by two phones */
	fails("555 0100", -1, GD_EAMBIGUOUS, "'555 0100' matches 2 records: "
	      "customer/acme-trading-co (ACME Trading Co.), customer/bright-lamps (Bright Lamps Ltd)");
	finds("3125550100", -1, "customers/48/acme-trading-co.yaml");
	/* the same digits inside a number, not at its end, are no match */
	fails("5748888", -1, GD_ENOTFOUND, "no record matches '5748888'");
}

/* With phone-region CN, numbers compare in E.164 form however written. */
static void test_refs__phone_e164(void **state)
{
	(void)state;
	region = "CN";
	finds("0574-8888-1234", -1, "customers/95/haitian.yaml");
	finds("0086-574-88881234", -1, "customers/95/haitian.yaml");
	finds("+86 (0)574 8888 1234", -1, "customers/95/haitian.yaml");
	finds("\xef\xbc\x8b\xef\xbc\x98\xef\xbc\x96 \xef\xbc\x95\xef\xbc\x97\xef\xbc\x94 "
	      "\xef\xbc\x98\xef\xbc\x98\xef\xbc\x98\xef\xbc\x98 "
	      "\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x94",
	      -1, "customers/95/haitian.yaml");
	/* a national mobile number and its international spelling */
	finds("0086 138 0013 8000", -1, "inquiries/00/q-20261115-a1b2.yaml");
	finds("+8613800138000", -1, "inquiries/00/q-20261115-a1b2.yaml");
	finds("+1 312-555-0100", -1, "customers/48/acme-trading-co.yaml");
	/* the last 7 or more digits still do */
	finds("8888 1234", -1, "customers/95/haitian.yaml");
	region = NULL;
	/* without a region a national number is its digits alone */
	fails("0574-8888-1234", -1, GD_ENOTFOUND, "no record matches");
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
	/* the same address on two customers */
	fails("mary@acme.example", -1, GD_EAMBIGUOUS,
	      "'mary@acme.example' matches 2 records: customer/acme-trading-co "
	      "(ACME Trading Co.), customer/bright-lamps (Bright Lamps Ltd)");
	/* a prefix of two ids */
	fails("q-2026111", -1, GD_EAMBIGUOUS,
	      "'q-2026111' matches 2 records: inquiry/q-20261112-d289 (Gulf Lights LLC), "
	      "inquiry/q-20261115-a1b2 (周杰)");
	/* a substring of two names, and a prefix of three ids */
	fails("lamps", -1, GD_EAMBIGUOUS, "'lamps' matches 2 records: customer/acme (Acme Lamps), "
	      "customer/bright-lamps (Bright Lamps Ltd)");
	fails("ac", -1, GD_EAMBIGUOUS, "'ac' matches 3 records: customer/acme-trading-co "
	      "(ACME Trading Co.), customer/acme (Acme Lamps), order/acme (ACME-1)");
	/* restricted to a kind, the other kinds are not candidates */
	finds("ac", GD_ORDER, "orders/00/acme.yaml");
	fails("ahmed@gulflights.ae", GD_CUSTOMER, GD_ENOTFOUND,
	      "no customer matches 'ahmed@gulflights.ae'");
	fails("order/acme", GD_CUSTOMER, GD_ENOTFOUND, "no customer matches 'order/acme'");
	fails("customer/nobody", -1, GD_ENOTFOUND, "no record matches 'customer/nobody'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refs__rules_in_order),
		cmocka_unit_test(test_refs__earlier_rule_wins),
		cmocka_unit_test(test_refs__phone_digits),
		cmocka_unit_test(test_refs__phone_e164),
		cmocka_unit_test(test_refs__ambiguous_and_missing),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
