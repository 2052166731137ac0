/*
 * test-guard.c - the rules of a shared remote, one file at a time: the
 * append-only log compared parsed, new entries by their author, owners,
 * deletes and the configuration by role, who may push whose commits.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/error.h"
#include "gendan/guard.h"

static const char team[] = "team:\n"
			   "  - {email: zhao@x.com, role: manager}\n"
			   "  - {email: li@x.com, role: sales, login: lilei}\n"
			   "  - {email: wu@x.com, role: assistant}\n"
			   "  - {email: chen@x.com}\n";

static const char rec[] = "name: Acme\nowner: li@x.com\nlog:\n"
			  "  - at: 2026-11-20T10:00:00+00:00\n    by: li@x.com\n    note: first\n"
			  "  - at: 2026-11-21T10:00:00+00:00\n    by: chen@x.com\n    note: second\n";

#define P "customers/ab/acme.yaml"

static int kept(const char *new_)
{
	return gd_guard_log_kept(P, rec, strlen(rec), new_, strlen(new_));
}

static void test_guard__log_compared_parsed_in_any_order(void **state)
{
	(void)state;
	assert_int_equal(kept(rec), 0);
	assert_int_equal(kept("name: Acme\nlog:\n"
			      "  - {note: second, by: chen@x.com, at: '2026-11-21T10:00:00+00:00'}\n"
			      "  - {at: 2026-11-20T10:00:00+00:00, by: li@x.com, note: first}\n"
			      "  - {at: 2026-11-22T10:00:00+00:00, by: li@x.com, note: third}\n"), 0);
	assert_int_equal(kept("name: Acme\nlog:\n"
			      "  - {at: 2026-11-20T10:00:00+00:00, by: li@x.com, note: first}\n"),
			 GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "the log entry of 2026-11-21T10:00:00+00:00"));
	assert_int_equal(kept("name: Acme\nlog:\n"
			      "  - {at: 2026-11-20T10:00:00+00:00, by: li@x.com, note: First}\n"
			      "  - {at: 2026-11-21T10:00:00+00:00, by: chen@x.com, note: second}\n"),
			 GD_EINVALID);
	assert_int_equal(kept("name: Acme\n"), GD_EINVALID);
	/* hostile text: no log to keep it, or no parse */
	assert_int_equal(kept("log: [\n"), GD_EINVALID);
	assert_int_equal(gd_guard_log_kept(P, "log: {a: 1}\n", 12, "x: 1\n", 5), 0);
}

static void test_guard__new_entries_by_their_author(void **state)
{
	const char *parent = "log:\n  - {at: 2026-11-20T10:00:00+00:00, by: li@x.com}\n";
	const char *mine = "log:\n  - {at: 2026-11-20T10:00:00+00:00, by: li@x.com}\n"
			   "  - {at: 2026-11-22T10:00:00+00:00, by: chen@x.com}\n";
	const char *const parents[] = {parent};
	size_t plens[] = {strlen(parent)};

	(void)state;
	assert_int_equal(gd_guard_log_by(P, mine, strlen(mine), parents, plens, 1, mine,
					 strlen(mine), "CHEN@x.com"), 0);
	assert_int_equal(gd_guard_log_by(P, mine, strlen(mine), parents, plens, 1, mine,
					 strlen(mine), "li@x.com"), GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "is by 'chen@x.com', not by its author 'li@x.com'"));
	/* added and undone within the push: not a change */
	assert_int_equal(gd_guard_log_by(P, mine, strlen(mine), parents, plens, 1, parent,
					 strlen(parent), "li@x.com"), 0);
	/* a merge brings a teammate's entry from a parent */
	{
		const char *const two[] = {parent, mine};
		size_t lens[] = {strlen(parent), strlen(mine)};
		assert_int_equal(gd_guard_log_by(P, mine, strlen(mine), two, lens, 2, mine,
						 strlen(mine), "li@x.com"), 0);
	}
}

static void test_guard__owners_deletes_and_config_by_role(void **state)
{
	gd_guard *g = gd_guard_new(team, strlen(team), NULL, NULL);
	gd_guard *free_ = gd_guard_new(NULL, 0, NULL, NULL);
	char *o = gd_guard_owner(P, rec, strlen(rec));

	(void)state;
	assert_string_equal(o, "li@x.com");
	free(o);
	assert_null(gd_guard_owner(P, "owner: ''\n", 10));
	assert_int_equal(gd_guard_owner_change(g, "li@x.com", "chen@x.com", "li@x.com"), 0);
	assert_int_equal(gd_guard_owner_change(g, "li@x.com", "chen@x.com", "zhao@x.com"), 0);
	assert_int_equal(gd_guard_owner_change(g, "li@x.com", "chen@x.com", "wu@x.com"), 0);
	assert_int_equal(gd_guard_owner_change(g, "li@x.com", "chen@x.com", "chen@x.com"),
			 GD_EINVALID);
	assert_int_equal(gd_guard_owner_change(g, NULL, "chen@x.com", "chen@x.com"), 0);
	assert_int_equal(gd_guard_owner_change(g, NULL, "li@x.com", "chen@x.com"), GD_EINVALID);
	assert_int_equal(gd_guard_owner_change(free_, "li@x.com", "chen@x.com", "chen@x.com"), 0);
	assert_int_equal(gd_guard_delete(g, "zhao@x.com"), 0);
	assert_int_equal(gd_guard_delete(g, "li@x.com"), GD_EINVALID);
	assert_int_equal(gd_guard_delete(free_, "zhao@x.com"), GD_EINVALID);
	assert_int_equal(gd_guard_config(g, "zhao@x.com"), 0);
	assert_int_equal(gd_guard_config(g, "wu@x.com"), GD_EINVALID);
	assert_int_equal(gd_guard_config(free_, "anyone@x.com"), 0);
	gd_guard_free(g);
	gd_guard_free(free_);
}

static void test_guard__who_pushes(void **state)
{
	gd_guard *li = gd_guard_new(team, strlen(team), NULL, "lilei");
	gd_guard *boss = gd_guard_new(team, strlen(team), "zhao@x.com", NULL);
	gd_guard *stranger = gd_guard_new(team, strlen(team), NULL, "mallory");
	gd_guard *unknown = gd_guard_new(team, strlen(team), NULL, NULL);
	gd_guard *noteam = gd_guard_new(NULL, 0, NULL, "lilei");

	(void)state;
	assert_int_equal(gd_guard_author(li, "li@x.com"), 0);
	assert_int_equal(gd_guard_author(li, "chen@x.com"), GD_EINVALID);
	assert_int_equal(gd_guard_author(boss, "chen@x.com"), 0);
	assert_int_equal(gd_guard_author(stranger, "li@x.com"), GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "'mallory' is not a member"));
	assert_int_equal(gd_guard_author(unknown, "anyone@x.com"), 0);
	assert_int_equal(gd_guard_author(noteam, "anyone@x.com"), 0);
	gd_guard_free(li);
	gd_guard_free(boss);
	gd_guard_free(stranger);
	gd_guard_free(unknown);
	gd_guard_free(noteam);
}

static void test_guard__files_and_top_level(void **state)
{
	gd_guard *g = gd_guard_new(NULL, 0, NULL, NULL);
	const char *cfg = "tiers: {X: {every: 7d}}\n";

	(void)state;
	assert_true(gd_guard_top_level("README.md"));
	assert_true(gd_guard_top_level(".gitattributes"));
	assert_false(gd_guard_top_level("notes.txt"));
	assert_false(gd_guard_top_level(".gitmodules"));
	assert_int_equal(gd_guard_file(g, P, "name: A\ntier: B\n", 16, NULL, 0), 0);
	assert_int_equal(gd_guard_file(g, P, "name: A\ntier: B\n", 16, cfg, strlen(cfg)),
			 GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "tier 'B' is not one of X"));
	assert_null(strstr(gd_error_last(), P));
	assert_int_equal(gd_guard_file(g, "gendan.yaml", "tiers: [A]\n", 11, NULL, 0), GD_EINVALID);
	assert_int_equal(gd_guard_file(g, P, "name: A\n", 8, "tiers: [A]\n", 11), GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "gendan.yaml is invalid"));
	gd_guard_free(g);
}
static void test_guard__signers_of_the_author(void **state)
{
	static const char cfg[] =
		"team:\n"
		"  - {email: a@x.example, role: manager, key: ssh-ed25519 AAAA1 a}\n"
		"  - email: b@x.example\n"
		"    key: [ssh-ed25519 AAAA2 b, \"ssh-ed25519 AAAA3\\nevil\"]\n"
		"  - {email: c@x.example}\n"
		"policy: {signed: true}\n";
	gd_guard *g = gd_guard_new(cfg, strlen(cfg), NULL, NULL);
	gd_guard *off = gd_guard_new("team: [{email: a@x.example}]\n", 29, NULL, NULL);
	char *s = NULL;

	(void)state;
	assert_int_equal(gd_guard_signers(off, "a@x.example", &s), 0);
	assert_null(s);
	assert_int_equal(gd_guard_signers(g, "A@x.example", &s), 0);
	assert_string_equal(s, "A@x.example namespaces=\"git\" ssh-ed25519 AAAA1 a\n");
	free(s);
	/* a key that would add a line of its own is left out */
	assert_int_equal(gd_guard_signers(g, "b@x.example", &s), 0);
	assert_string_equal(s, "b@x.example namespaces=\"git\" ssh-ed25519 AAAA2 b\n");
	free(s);
	assert_int_equal(gd_guard_signers(g, "c@x.example", &s), GD_EINVALID);
	assert_null(s);
	assert_non_null(strstr(gd_error_last(), "has no key"));
	assert_int_equal(gd_guard_signers(g, "z@x.example", &s), GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "not a member"));
	gd_guard_free(g);
	gd_guard_free(off);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_guard__log_compared_parsed_in_any_order),
		cmocka_unit_test(test_guard__new_entries_by_their_author),
		cmocka_unit_test(test_guard__owners_deletes_and_config_by_role),
		cmocka_unit_test(test_guard__who_pushes),
		cmocka_unit_test(test_guard__files_and_top_level),
		cmocka_unit_test(test_guard__signers_of_the_author),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
