/*
 * test-stats.c - the counts of stats, on records in memory.
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

#include "gendan/error.h"
#include "gendan/record.h"
#include "gendan/stats.h"

static void test_stats__count_by_field_most_first(void **state)
{
	gd_record *recs[5];
	gd_stats s;
	size_t i;

	(void)state;
	recs[0] = test_record("customers/00/a.yaml", "name: A\ntier: A\ncountry: DE\n");
	recs[1] = test_record("customers/00/b.yaml", "name: B\ntier: B\ncountry: DE\n");
	recs[2] = test_record("customers/00/c.yaml", "name: C\n");
	recs[3] = test_record("inquiries/00/q.yaml",
		      "received: 2026-01-01T08:00:00+00:00\nfrom:\n  name: X\n"
		      "  country: CN\ngrade: B\ncustomer: c\nchannel: fax\n");
	recs[4] = test_record("orders/00/o.yaml",
		      "number: PO\ncustomer: c\nitems:\n"
		      "  - product: bolt\n    qty: 1\n  - product: nut\n    qty: 2\n"
		      "  - product: bolt\n    qty: 3\n");
	assert_int_equal(gd_stats_count(&s, recs, 5, "tier", -1), 0);
	assert_int_equal(s.total, 5);
	assert_int_equal(s.records, 5);
	assert_int_equal(s.inquiries, 1);
	assert_int_equal(s.won, 1); /* its customer has an order */
	assert_int_equal(s.nb, 3);
	assert_string_equal(s.b[0].key, "(none)"); /* c and the order */
	assert_int_equal(s.b[0].n, 2);
	assert_string_equal(s.b[1].key, "B");
	assert_int_equal(s.b[1].n, 2);
	assert_string_equal(s.b[2].key, "A");
	gd_stats_clear(&s);
	/* country: the sender's for an inquiry */
	assert_int_equal(gd_stats_count(&s, recs, 5, "country", GD_INQUIRY), 0);
	assert_int_equal(s.total, 1);
	assert_int_equal(s.nb, 1);
	assert_string_equal(s.b[0].key, "CN");
	gd_stats_clear(&s);
	/* source: an inquiry's channel */
	assert_int_equal(gd_stats_count(&s, recs, 5, "source", GD_INQUIRY), 0);
	assert_string_equal(s.b[0].key, "fax");
	gd_stats_clear(&s);
	/* product: each item of an order, no customer */
	assert_int_equal(gd_stats_count(&s, recs, 5, "product", -1), 0);
	/* an order of bolt, nut, bolt counts once under each (SPEC 3) */
	assert_int_equal(s.nb, 3);
	assert_string_equal(s.b[0].key, "(none)"); /* the inquiry's */
	assert_string_equal(s.b[1].key, "bolt");
	assert_int_equal(s.b[1].n, 1);
	assert_string_equal(s.b[2].key, "nut");
	assert_int_equal(s.total, 3);   /* the rows */
	assert_int_equal(s.records, 2); /* the inquiry and the order */
	gd_stats_clear(&s);
	for (i = 0; i < 5; i++)
		gd_record_free(recs[i]);
}


int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stats__count_by_field_most_first),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
