/*
 * test-team.c - hand-overs and the public pool, on records in memory.
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
#include "gendan/team.h"

static gd_config *cfg;
static gd_date today;

static void test_team__hand_over_selects_by_owner_kind_and_tier(void **state)
{
	gd_record *recs[4];
	gd_record **sel = NULL;
	gd_handover h = {"Ann@Example.com", -1, NULL};
	size_t n = 0;

	(void)state;
	recs[0] = test_record("customers/00/a.yaml", "name: A\ntier: A\nowner: ann@example.com\n");
	recs[1] = test_record("customers/00/b.yaml", "name: B\ntier: B\nowner: ann@example.com\n");
	recs[2] = test_record("customers/00/c.yaml", "name: C\ntier: A\nowner: bob@example.com\n");
	recs[3] = test_record("inquiries/00/q.yaml",
		      "received: 2026-11-01T08:00:00+00:00\nfrom:\n  name: X\n"
		      "grade: A\nowner: ann@example.com\n");
	assert_int_equal(gd_handover_select(&sel, &n, recs, 4, &h), 0);
	assert_int_equal(n, 3);
	assert_ptr_equal(sel[0], recs[0]);
	assert_ptr_equal(sel[2], recs[3]);
	free(sel);
	h.tier = "A";
	h.kind = GD_CUSTOMER;
	assert_int_equal(gd_handover_select(&sel, &n, recs, 4, &h), 0);
	assert_int_equal(n, 1);
	assert_ptr_equal(sel[0], recs[0]);
	assert_int_equal(gd_record_hand_over(sel[0], "cy@example.com", cfg, today), 0);
	assert_string_equal(gd_record_owner(recs[0]), "cy@example.com");
	assert_string_equal(gd_node_str(recs[0]->root, "owner-since"), "2026-12-01");
	free(sel);
	for (n = 0; n < 4; n++)
		gd_record_free(recs[n]);
}

static void test_team__the_pool_takes_back_what_its_owner_neglects(void **state)
{
	gd_record *recs[9];
	gd_reclaim *c = NULL;
	gd_time now = test_time("2026-12-01T12:00:00+00:00");
	size_t n = 0, i;

	(void)state;
	/* the owner's own contact 40 days ago: reclaimed */
	recs[0] = test_record("customers/00/a.yaml",
		      "name: A\nowner: ann@example.com\ncreated: 2026-01-01\n"
		      "log:\n  - at: 2026-10-22T12:00:00+00:00\n    by: ann@example.com\n"
		      "  - at: 2026-11-30T12:00:00+00:00\n    by: bob@example.com\n");
	/* contacted by the owner yesterday: kept */
	recs[1] = test_record("customers/00/b.yaml",
		      "name: B\nowner: ann@example.com\ncreated: 2026-01-01\n"
		      "log:\n  - at: 2026-11-30T12:00:00+00:00\n    by: ANN@example.com\n");
	/* inquiries are not the pool's */
	recs[2] = test_record("inquiries/00/r.yaml",
		      "received: 2026-10-01T12:00:00+00:00\nfrom:\n  name: Y\n"
		      "owner: ann@example.com\n");
	/* nobody's: nothing to take */
	recs[3] = test_record("customers/00/e.yaml", "name: E\ncreated: 2026-01-01\n");
	/* handed over last week, never contacted since: kept */
	recs[4] = test_record("customers/00/f.yaml",
		      "name: F\nowner: cy@example.com\ncreated: 2026-01-01\n"
		      "owner-since: 2026-11-24\n"
		      "log:\n  - at: 2026-03-01T12:00:00+00:00\n    by: ann@example.com\n");
	/* contacted by its owner on a linked inquiry last week: kept */
	recs[5] = test_record("customers/00/g.yaml",
		      "name: G\nowner: ann@example.com\ncreated: 2026-01-01\n");
	recs[6] = test_record("inquiries/00/s.yaml",
		      "received: 2026-11-01T12:00:00+00:00\nfrom:\n  name: Z\n"
		      "customer: g\nstatus: replied\nowner: ann@example.com\n"
		      "log:\n  - at: 2026-11-25T12:00:00+00:00\n    by: ann@example.com\n");
	/* on a linked order, but by somebody else: reclaimed */
	recs[7] = test_record("customers/00/h.yaml",
		      "name: H\nowner: ann@example.com\ncreated: 2026-01-01\n"
		      "owner-since: 2026-09-01\n");
	recs[8] = test_record("orders/00/o.yaml",
		      "number: O\ncustomer: h\nship-by: 2027-01-01\n"
		      "log:\n  - at: 2026-11-25T12:00:00+00:00\n    by: bob@example.com\n");
	cfg->pool = 0;
	assert_int_equal(gd_reclaim_candidates(&c, &n, recs, 9, cfg, &now), GD_EINVALID);
	assert_null(c);
	cfg->pool = 1;
	cfg->reclaim_after = 30 * 86400;
	assert_int_equal(gd_reclaim_candidates(&c, &n, recs, 9, cfg, &now), 0);
	assert_int_equal(n, 2);
	assert_ptr_equal(c[0].rec, recs[0]);
	assert_string_equal(c[0].owner, "ann@example.com");
	assert_int_equal(c[0].idle / 86400, 40);
	assert_ptr_equal(c[1].rec, recs[7]);
	assert_int_equal(c[1].idle / 86400, 91);
	gd_record_reclaim(c[0].rec, today);
	assert_null(gd_record_owner(recs[0]));
	assert_string_equal(gd_node_str(recs[0]->root, "owner-since"), "2026-12-01");
	free(c);
	cfg->pool = 0;
	for (i = 0; i < 9; i++)
		gd_record_free(recs[i]);
}

static void test_team__owner_since_follows_each_change_of_hands(void **state)
{
	gd_record *r = test_record("customers/00/a.yaml",
				   "name: A\ncity: X\nowner: ann@example.com\n"
				   "created: 2026-01-01\n");
	gd_record *q = test_record("inquiries/00/q.yaml",
				   "received: 2026-10-01T12:00:00+00:00\nowner: a@x\n");

	(void)state;
	/* the same owner (in another case): no change of hands */
	assert_int_equal(gd_record_set_owner(r, "ann@example.com", today), 0);
	assert_int_equal(gd_record_set_owner(r, "Ann@example.com", today), 1);
	assert_null(gd_node_get(r->root, "owner-since"));
	assert_int_equal(gd_record_set_owner(r, "bob@example.com", today), 1);
	assert_string_equal(gd_node_str(r->root, "owner-since"), "2026-12-01");
	/* released to the pool: since when it is there */
	assert_int_equal(gd_record_set_owner(r, "", test_date("2026-12-05")), 1);
	assert_null(gd_record_owner(r));
	assert_string_equal(gd_node_str(r->root, "owner-since"), "2026-12-05");
	assert_int_equal(gd_record_set_owner(r, NULL, today), 0);
	/* inquiries and orders keep no owner-since */
	assert_int_equal(gd_record_set_owner(q, "b@x", today), 1);
	assert_null(gd_node_get(q->root, "owner-since"));
	gd_record_free(r);
	gd_record_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_team__hand_over_selects_by_owner_kind_and_tier),
		cmocka_unit_test(test_team__the_pool_takes_back_what_its_owner_neglects),
		cmocka_unit_test(test_team__owner_since_follows_each_change_of_hands),
	};
	int rc;

	cfg = gd_config_default();
	today = test_date("2026-12-01");
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	gd_config_free(cfg);
	return rc;
}
