/*
 * test-timeline.c - one timeline of a customer's log and its linked
 * records' logs: oldest first by instant, offsets compared; ties and
 * unreadable times keep the order of the records and of each log.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "helpers.h"

#include "gendan/timeline.h"

static const char *note(const gd_timeline_item *it)
{
	return gd_node_str(it->entry, "note");
}

static void test_timeline__merges_by_instant(void **state)
{
	gd_record *recs[3];
	gd_timeline_item *t = NULL;
	size_t n = 0;

	(void)state;
	recs[0] = test_record("customers/00/acme.yaml",
		"name: ACME\nlog:\n"
		"  - {at: \"2026-11-19T16:00:00+08:00\", by: a@x.example, note: call}\n"
		/* 09:50 in Ningbo: after the inquiry's 08:45, though it reads earlier */
		"  - {at: \"2026-11-19T20:50:00-05:00\", by: a@x.example, note: visit}\n"
		"  - {at: \"2026-12-16T11:00:00+08:00\", by: a@x.example, note: same}\n");
	recs[1] = test_record("inquiries/00/q-1.yaml",
		"received: 2026-11-20T08:30:00+08:00\ncustomer: acme\nlog:\n"
		"  - {at: \"2026-11-20T08:45:00+08:00\", by: a@x.example, note: reply}\n"
		"  - {at: not a time, by: a@x.example, note: odd}\n");
	recs[2] = test_record("orders/00/po-1.yaml",
		"number: PO-1\ncustomer: acme\nship-by: 2026-12-30\nlog:\n"
		"  - {at: \"2026-12-16T03:00:00Z\", by: a@x.example, note: tie}\n"
		"  - not a mapping\n");
	gd_timeline(&t, &n, recs, 3);
	assert_int_equal(n, 6);
	assert_string_equal(note(&t[0]), "odd"); /* no time: first */
	assert_int_equal(t[0].at.t, 0);
	assert_string_equal(note(&t[1]), "call");
	assert_string_equal(note(&t[2]), "reply");
	assert_ptr_equal(t[2].rec, recs[1]);
	assert_string_equal(note(&t[3]), "visit");
	assert_int_equal(t[3].at.off, -5 * 3600);
	/* the same instant: the customer's own first, as the records are given */
	assert_string_equal(note(&t[4]), "same");
	assert_string_equal(note(&t[5]), "tie");
	assert_ptr_equal(t[5].rec, recs[2]);
	free(t);
	gd_timeline(&t, &n, recs + 2, 0);
	assert_int_equal(n, 0);
	free(t);
	gd_record_free(recs[0]);
	gd_record_free(recs[1]);
	gd_record_free(recs[2]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timeline__merges_by_instant),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
