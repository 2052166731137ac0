/*
 * test-alloc.c - a failed allocation never crashes the YAML codec or the
 * merge: with the N-th allocation failing, for every N until the call
 * needs fewer, each call returns GD_ENOMEM ("out of memory") with nothing
 * built and nothing leaked (LeakSanitizer checks the b-asan build), and
 * the call that runs out of failure points gives the expected result.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/error.h"
#include "gendan/merge.h"
#include "gendan/yaml.h"
#include "internal.h"

/* A record that makes the codec grow every array it has. */
static const char record[] =
	"name: \"ACME \\\"Trading\\\" Co.\"\n"
	"tier: A\nstatus: active\nowner: li.lei@example.com\n"
	"phone: \"+1 312 555 0100\"\ncountry: \"NO\"\ncity: 宁波\n"
	"people:\n  - name: John Smith\n    role: purchasing\n"
	"  - {name: Mary, email: mary@acme.example}\n"
	"tags: [lighting, canton-fair-2026, 'yes', \"0123\"]\n"
	"hold: {until: 2027-02-20, reason: Chinese New Year}\n"
	"note: \"tab\\there, line\\nbreak, cr\\r\"\n"
	"log:\n"
	"  - at: 2026-11-22T10:15:00+08:00\n    by: li.lei@example.com\n"
	"    via: phone\n    note: Wants samples of DL-20; quote by Friday.\n"
	"    next: 2026-11-25\n"
	"  - at: 2026-11-25T09:00:00+08:00\n    note: 样品已寄出\n"
	"empty:\nnested: {a: {b: {c: [1, [2, [3]]]}}}\n"
	"k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\n"
	/* keys and text long enough to grow the emitter's buffers */
	"\"a key of more than sixty-four characters, quoted: it holds \\\" and \\\\\": "
	"\"and a value, with a byte order mark \\uFEFF inside, that is longer still\"\n";

static size_t left; /* the fault counter as the call under test left it */

/* The call under test is over: keep the counter and stop failing. */
static void hook_off(void)
{
	left = gd__alloc_fail_at;
	gd__alloc_fail_at = 0;
}

static gd_node *parse(const char *text)
{
	gd_node *n = NULL;

	if (gd_yaml_parse(&n, text, strlen(text), "t.yaml") < 0)
		fail_msg("%s", gd_error_last());
	return n;
}

static char *emit(const gd_node *n)
{
	char *out = NULL;
	size_t len;

	if (gd_yaml_emit(&out, &len, n) < 0)
		fail_msg("%s", gd_error_last());
	return out;
}

/* An operation: the call under test, hook_off(), then its result as text
 * (*text malloc'd) when it succeeded. */
typedef int (*op_fn)(char **text, const void *arg);

/* Fail allocation 1, 2, ... of op until it makes fewer; want_err (0 or a
 * code) and want (text when want_err is 0) are what op gives unhindered.
 * Returns how many failure points there were. */
static size_t every_failure(op_fn op, const void *arg, int want_err,
			    const char *want)
{
	size_t n;

	for (n = 1;; n++) {
		char *text = NULL;
		int err;

		gd_error_clear();
		gd__alloc_fail_at = n;
		err = op(&text, arg);
		assert_int_equal(gd__alloc_fail_at, 0); /* op called hook_off() */
		if (left) {
			/* fewer than n allocations: nothing failed */
			assert_int_equal(err, want_err);
			if (!want_err)
				assert_string_equal(text, want);
			free(text);
			return n - 1;
		}
		if (err != GD_ENOMEM)
			fail_msg("allocation %zu failed, yet the call returned %d: %s",
				 n, err, gd_error_last());
		assert_null(text);
		assert_non_null(strstr(gd_error_last(), "out of memory"));
	}
}

/* The end of an operation that builds the tree n (taken). */
static int as_text(char **text, int err, gd_node *n)
{
	hook_off();
	if (err < 0) {
		assert_null(n);
		return err;
	}
	*text = emit(n);
	gd_node_free(n);
	return 0;
}

static int op_parse(char **text, const void *arg)
{
	gd_node *n = NULL;
	int err = gd_yaml_parse(&n, arg, strlen(arg), "t.yaml");

	return as_text(text, err, n);
}

static void test_alloc__a_refused_file_fails_cleanly_too(void **state)
{
	/* the duplicate is found when the mapping ends, all built by then */
	static const char dup[] = "name: a\nlog:\n  - at: 2026-11-22\n"
				  "    note: x\nname: b\n";

	(void)state;
	assert_true(every_failure(op_parse, dup, GD_EINVALID, NULL) > 5);
}

static int op_emit(char **text, const void *arg)
{
	size_t len;
	int err = gd_yaml_emit(text, &len, arg);

	hook_off();
	return err;
}

static void test_alloc__codec_fails_cleanly_at_every_allocation(void **state)
{
	gd_node *n = parse(record);
	char *want = emit(n);
	size_t parse_points, emit_points;

	(void)state;
	parse_points = every_failure(op_parse, record, 0, want);
	emit_points = every_failure(op_emit, n, 0, want);
	print_message("parse: %zu, emit: %zu allocation failures tried\n",
		      parse_points, emit_points);
	assert_true(parse_points > 50 && emit_points > 5);
	free(want);
	gd_node_free(n);
}

struct three {
	gd_node *b, *o, *t;
};

static int op_merge(char **text, const void *arg)
{
	const struct three *x = arg;
	gd_merge_ctx ctx = {"li.lei@example.com", "2026-11-23T09:00:00+08:00", 0};
	gd_node *m = NULL;
	int err = gd_merge_nodes(&m, x->b, x->o, x->t, &ctx, 0);

	return as_text(text, err, m);
}

static void test_alloc__merge_fails_cleanly_at_every_allocation(void **state)
{
	/* a union of logs, named stages merged item by item, a nested map,
	 * a conflict on top of an old one, a field only one side added */
	struct three x = {
		parse("number: PO-1\nnote: base\nhold: {until: 2026-12-01}\n"
		      "stages:\n  - {name: cut, plan: 2026-12-01}\n  - {name: ship, plan: 2026-12-20}\n"
		      "log:\n  - {at: 2026-11-01T10:00:00+08:00, note: base}\n"
		      "conflicts:\n  - {field: x, value: 1}\n"),
		parse("number: PO-1\nnote: mine\nhold: {until: 2026-12-02, reason: CNY}\n"
		      "stages:\n  - {name: cut, plan: 2026-12-01, done: 2026-11-30}\n"
		      "  - {name: ship, plan: 2026-12-20}\n  - {name: pack}\n  - {plan: 2026-12-24}\n"
		      "log:\n  - {at: 2026-11-01T10:00:00+08:00, note: base}\n"
		      "  - {at: 2026-11-03T10:00:00+08:00, note: mine}\n"
		      "conflicts:\n  - {field: x, value: 1}\n"),
		parse("number: PO-1\nnote: theirs\nhold: {until: 2026-12-03}\n"
		      "stages:\n  - {name: cut, plan: 2026-12-02}\n  - {name: ship, plan: 2026-12-21}\n"
		      "log:\n  - {at: 2026-11-01T10:00:00+08:00, note: base}\n"
		      "  - {at: 2026-11-02T10:00:00+08:00, note: theirs}\n"
		      "conflicts:\n  - {field: x, value: 1}\ncurrency: USD\n"),
	};
	gd_merge_ctx ctx = {"li.lei@example.com", "2026-11-23T09:00:00+08:00", 0};
	gd_node *m = NULL;
	char *want;
	size_t points;

	(void)state;
	assert_int_equal(gd_merge_nodes(&m, x.b, x.o, x.t, &ctx, 0), 0);
	assert_true(ctx.nconflicts >= 2);
	want = emit(m);
	points = every_failure(op_merge, &x, 0, want);
	print_message("merge: %zu allocation failures tried\n", points);
	assert_true(points > 50);
	free(want);
	gd_node_free(m);
	gd_node_free(x.b);
	gd_node_free(x.o);
	gd_node_free(x.t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc__codec_fails_cleanly_at_every_allocation),
		cmocka_unit_test(test_alloc__a_refused_file_fails_cleanly_too),
		cmocka_unit_test(test_alloc__merge_fails_cleanly_at_every_allocation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
