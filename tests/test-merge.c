/*
 * test-merge.c - the three-way record merge of SPEC 4.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/error.h"
#include "gendan/merge.h"
#include "gendan/yaml.h"

static gd_node *Y(const char *text)
{
	gd_node *n = NULL;

	if (gd_yaml_parse(&n, text, strlen(text), "t.yaml") < 0)
		fail_msg("%s", gd_error_last());
	return n;
}

static void merged(const char *base, const char *ours, const char *theirs,
		   const char *want, size_t conflicts)
{
	gd_node *b = base ? Y(base) : NULL, *o = Y(ours), *t = Y(theirs), *m;
	gd_merge_ctx ctx = {"li.lei@example.com", "2026-11-23T09:00:00+08:00", 0};
	char *out;
	size_t len;

	assert_int_equal(gd_merge_nodes(&m, b, o, t, &ctx, 0), 0);
	assert_int_equal(gd_yaml_emit(&out, &len, m), 0);
	assert_string_equal(out, want);
	assert_int_equal(ctx.nconflicts, conflicts);
	free(out);
	gd_node_free(b);
	gd_node_free(o);
	gd_node_free(t);
	gd_node_free(m);
}

static void test_merge__both_log_on_the_same_customer(void **state)
{
	(void)state;
	merged("name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n    note: base\n",
	       "name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n    note: base\n"
	       "  - at: 2026-11-03T10:00:00+08:00\n    note: mine\n",
	       "name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n    note: base\n"
	       "  - at: 2026-11-02T10:00:00+08:00\n    note: theirs\n",
	       "name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n    note: base\n"
	       "  - at: 2026-11-02T10:00:00+08:00\n    note: theirs\n"
	       "  - at: 2026-11-03T10:00:00+08:00\n    note: mine\n",
	       0);
}

static void test_merge__different_fields_take_their_side(void **state)
{
	(void)state;
	merged("name: A\ntier: B\nowner: a@x\n", "name: A\ntier: A\nowner: a@x\n",
	       "name: A\ntier: B\nowner: b@x\n", "name: A\ntier: A\nowner: b@x\n", 0);
}

static void test_merge__same_field_twice_keeps_remote_and_records_local(void **state)
{
	(void)state;
	merged("name: A\ntier: B\n", "name: A\ntier: A\n", "name: A\ntier: C\n",
	       "name: A\ntier: C\nconflicts:\n  - field: tier\n    value: A\n"
	       "    by: li.lei@example.com\n    at: 2026-11-23T09:00:00+08:00\n",
	       1);
}

static void test_merge__named_items_merge_one_by_one(void **state)
{
	(void)state;
	merged("number: P\nstages:\n  - name: a\n    plan: 2026-11-01\n  - name: b\n    plan: 2026-11-05\n",
	       "number: P\nstages:\n  - name: a\n    plan: 2026-11-01\n    done: 2026-11-01\n  - name: b\n    plan: 2026-11-05\n",
	       "number: P\nstages:\n  - name: a\n    plan: 2026-11-01\n  - name: b\n    plan: 2026-11-07\n  - name: c\n    plan: 2026-11-09\n",
	       "number: P\nstages:\n  - name: a\n    plan: 2026-11-01\n    done: 2026-11-01\n"
	       "  - name: b\n    plan: 2026-11-07\n  - name: c\n    plan: 2026-11-09\n",
	       0);
}

static void test_merge__added_on_both_sides_has_an_empty_base(void **state)
{
	(void)state;
	merged(NULL, "name: A\nemail: a@x\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n",
	       "name: A\nphone: \"123\"\nlog:\n  - at: 2026-11-02T10:00:00+08:00\n",
	       "name: A\nemail: a@x\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n"
	       "  - at: 2026-11-02T10:00:00+08:00\nphone: \"123\"\n",
	       0);
}

static void test_merge__nested_maps_and_deletions(void **state)
{
	(void)state;
	merged("name: A\nhold:\n  until: 2026-12-01\n  reason: trip\nnote: x\n",
	       "name: A\nhold:\n  until: 2026-12-05\n  reason: trip\n",
	       "name: A\nhold:\n  until: 2026-12-01\n  reason: fair\nnote: x\n",
	       "name: A\nhold:\n  until: 2026-12-05\n  reason: fair\n", 0);
}

static void test_merge__a_log_deleted_on_one_side_keeps_every_entry(void **state)
{
	(void)state;
	/* found by fuzz-merge: theirs dropped the log, ours added to it */
	merged("name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n",
	       "name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n  - at: 2026-11-03T10:00:00+08:00\n",
	       "name: A\n",
	       "name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n  - at: 2026-11-03T10:00:00+08:00\n",
	       0);
	merged("name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n", "name: A\n",
	       "name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n",
	       "name: A\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n", 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge__both_log_on_the_same_customer),
		cmocka_unit_test(test_merge__different_fields_take_their_side),
		cmocka_unit_test(test_merge__same_field_twice_keeps_remote_and_records_local),
		cmocka_unit_test(test_merge__named_items_merge_one_by_one),
		cmocka_unit_test(test_merge__added_on_both_sides_has_an_empty_base),
		cmocka_unit_test(test_merge__nested_maps_and_deletions),
		cmocka_unit_test(test_merge__a_log_deleted_on_one_side_keeps_every_entry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
