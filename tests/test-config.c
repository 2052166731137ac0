/*
 * test-config.c - gendan.yaml: defaults, other grade schemes, errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "gendan/config.h"
#include "gendan/error.h"
#include "gendan/team.h"
#include "gendan/yaml.h"

#define H 3600
#define D (24 * H)

static int load(gd_config **out, const char *text)
{
	gd_node *root = NULL;
	int err;

	*out = NULL;
	if ((err = gd_yaml_parse(&root, text, strlen(text), "gendan.yaml")) < 0)
		return err;
	err = gd_config_from_node(out, root, "gendan.yaml");
	gd_node_free(root);
	return err;
}

static void check_defaults(const gd_config *c)
{
	assert_int_equal(c->ntiers, 4);
	assert_string_equal(c->tiers[0].name, "A");
	assert_int_equal(c->tiers[0].every, 84 * H);
	assert_string_equal(c->tiers[0].label, "clear intent");
	assert_int_equal(c->tiers[1].every, 7 * D);
	assert_int_equal(c->tiers[2].every, 15 * D);
	assert_string_equal(c->tiers[3].name, "D");
	assert_int_equal(c->tiers[3].every, 30 * D);
	assert_int_equal(c->reply_within, 24 * H);
	assert_int_equal(c->order_buffer, 5 * D);
	assert_int_equal(c->nstages, 4);
	assert_string_equal(c->stages[0].name, "materials");
	assert_int_equal(c->stages[0].before, 20 * D);
	assert_string_equal(c->stages[3].name, "shipping");
	assert_int_equal(c->stages[3].before, 0);
	assert_int_equal(c->nchannels, 9);
	assert_true(gd_config_has_channel(c, "wechat"));
	assert_false(gd_config_has_channel(c, "telegram"));
	assert_false(c->pool);
}

static void test_config__defaults(void **state)
{
	gd_config *c = gd_config_default(), *t = NULL;

	(void)state;
	check_defaults(c);
	assert_int_equal(load(&t, gd_config_default_text()), 0);
	check_defaults(t);
	gd_config_free(t);
	assert_int_equal(load(&t, "gendan: 1\n"), 0);
	check_defaults(t);
	assert_int_equal(gd_config_tier_rank(t, "A"), 0);
	assert_int_equal(gd_config_tier_rank(t, "D"), 3);
	assert_int_equal(gd_config_tier_rank(t, "Z"), 4);
	assert_null(gd_config_tier(t, "Z"));
	gd_config_free(t);
	gd_config_free(c);
}

static void test_config__three_grade_scheme_and_pool(void **state)
{
	gd_config *c = NULL;

	(void)state;
	assert_int_equal(load(&c, "tiers:\n"
				  "  A: {every: 3d, label: promised an order}\n"
				  "  B: {every: 7d}\n"
				  "  C: {every: 30d, label: only asking prices}\n"
				  "pool: {reclaim-after: 45d}\n"
				  "freemail: [example.org]\n"
				  "channels: [phone, line]\n"),
			 0);
	assert_int_equal(c->ntiers, 3);
	assert_string_equal(c->tiers[0].name, "A");
	assert_int_equal(c->tiers[0].every, 3 * D);
	assert_string_equal(c->tiers[1].name, "B");
	assert_int_equal(c->tiers[1].every, 7 * D);
	assert_null(c->tiers[1].label);
	assert_string_equal(c->tiers[2].name, "C");
	assert_int_equal(c->tiers[2].every, 30 * D);
	assert_string_equal(c->tiers[2].label, "only asking prices");
	/* the scheme replaces the default tiers: there is no D any more */
	assert_null(gd_config_tier(c, "D"));
	assert_int_equal(gd_config_tier_rank(c, "C"), 2);
	assert_int_equal(gd_config_tier_rank(c, "D"), 3);
	/* what the file does not name keeps its default */
	assert_int_equal(c->reply_within, 24 * H);
	assert_int_equal(c->order_buffer, 5 * D);
	assert_int_equal(c->nstages, 4);
	assert_true(c->pool);
	assert_int_equal(c->reclaim_after, 45 * D);
	assert_int_equal(c->nfreemail, 1);
	assert_true(gd_config_has_channel(c, "line"));
	assert_false(gd_config_has_channel(c, "email"));
	gd_config_free(c);
}

static void test_config__weeks_and_pool_defaults(void **state)
{
	gd_config *c = NULL;

	(void)state;
	assert_int_equal(load(&c, "tiers:\n  A: {every: 2w}\npool: {}\n"
				  "inquiry: {reply-within: 4h}\n"),
			 0);
	assert_int_equal(c->ntiers, 1);
	assert_int_equal(c->tiers[0].every, 14 * D);
	assert_int_equal(c->reply_within, 4 * H);
	/* an empty pool mapping turns the pool on with its default */
	assert_true(c->pool);
	assert_int_equal(c->reclaim_after, 30 * D);
	gd_config_free(c);
	/* a null pool is the same as none */
	assert_int_equal(load(&c, "pool:\n"), 0);
	assert_false(c->pool);
	gd_config_free(c);
}

static void test_config__load_reads_the_file(void **state)
{
	char path[] = "/tmp/test-config-XXXXXX";
	const char text[] = "tiers:\n  A: {every: 3d}\n  B: {every: 7x}\n";
	gd_config *c = NULL;
	FILE *f;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	assert_non_null(f = fdopen(fd, "w"));
	assert_int_equal(fwrite(text, 1, sizeof(text) - 1, f), sizeof(text) - 1);
	assert_int_equal(fclose(f), 0);
	/* the name given, not the path, is what messages show */
	assert_int_equal(gd_config_load(&c, path, "gendan.yaml"), GD_EINVALID);
	assert_null(c);
	assert_non_null(strstr(gd_error_last(), "gendan.yaml:3:14: tiers.B.every"));
	assert_int_equal(unlink(path), 0);
	assert_int_equal(gd_config_load(&c, path, "gendan.yaml"), GD_ENOTFOUND);
	assert_null(c);
}

static void refused(const char *text, const char *want)
{
	gd_config *c = NULL;

	assert_int_equal(load(&c, text), GD_EINVALID);
	assert_null(c);
	if (!strstr(gd_error_last(), want))
		fail_msg("expected '%s' in '%s'", want, gd_error_last());
}

static void test_config__errors_name_line_and_column(void **state)
{
	(void)state;
	refused("tiers:\n  A: {every: 7x}\n", "gendan.yaml:2:14: tiers.A.every: invalid duration");
	refused("tiers:\n  A: {every: 0d}\n",
		"gendan.yaml:2:14: tiers.A.every: invalid duration (use <n>h, <n>d or <n>w, n > 0, at most 10 years) '0d'");
	refused("tiers:\n  A: {every: -3d}\n", "gendan.yaml:2:14: tiers.A.every");
	/* a cadence that would carry dates past the year 20000 */
	refused("tiers:\n  A: {every: 999999w}\n",
		"gendan.yaml:2:14: tiers.A.every: invalid duration (use <n>h, <n>d or <n>w, n > 0, at most 10 years) '999999w'");
	refused("tiers:\n  A: {label: x}\n", "gendan.yaml:2:6: tiers.A.every: invalid duration");
	refused("tiers: [A, B]\n", "gendan.yaml:1:8: tiers must be a mapping");
	refused("tiers: {}\n", "gendan.yaml:1:8: tiers must name at least one grade");
	refused("channels: phone\n", "gendan.yaml:1:11: channels must be a list");
	refused("channels: [phone, [fax]]\n", "gendan.yaml:1:19: channels must be a single value");
	refused("gendan: 2\n", "gendan.yaml:1:9: unsupported format version (this gendan reads 1) '2'");
	refused("order: {buffer: soon}\n", "gendan.yaml:1:17: order.buffer: invalid duration");
	refused("order: {buffer: 0d}\n", "gendan.yaml:1:17: order.buffer");
	refused("order: {stages: [{before: 2d}]}\n",
		"gendan.yaml:1:18: order.stages: a stage needs a name");
	refused("order: {stages: [{name: x, before: -1d}]}\n",
		"gendan.yaml:1:36: order.stages.before: invalid duration (use <n>h, <n>d or <n>w, at most 10 years)");
	refused("inquiry: {reply-within: 1.5h}\n",
		"gendan.yaml:1:25: inquiry.reply-within: invalid duration");
	refused("pool: yes\n", "gendan.yaml:1:7: pool must be a mapping");
	refused("pool: {reclaim-after: 0d}\n", "gendan.yaml:1:23: pool.reclaim-after");
	refused("phone-region: XX\n",
		"gendan.yaml:1:15: phone-region must be a country code such as CN, US or DE, not 'XX'");
	refused("phone-region: [CN]\n", "gendan.yaml:1:15: phone-region must be a single value");
}

static void test_config__phone_region(void **state)
{
	gd_config *c = NULL;

	(void)state;
	assert_int_equal(load(&c, "phone-region: cn\n"), 0);
	assert_string_equal(c->phone_region, "CN");
	gd_config_free(c);
	c = gd_config_default();
	assert_null(c->phone_region);
	gd_config_free(c);
}

static const char roster[] =
	"team:\n"
	"  - {email: zhao.min@example.com, name: 赵敏, role: manager}\n"
	"  - {email: li.lei@example.com, name: 李雷, role: sales, login: lilei}\n"
	"  - {email: lin.na@example.com, role: assistant, key: ssh-ed25519 AAAA}\n"
	"  - {email: wang.fang@example.com, name: 王芳, role: sales, left: 2026-12-10}\n";

static void owner_is(const gd_roster *t, const char *value, const char *want,
		     gd_date today)
{
	char *got = NULL;

	if (gd_roster_owner(&got, t, value, "li.lei@example.com", today) < 0)
		fail_msg("'%s': %s", value, gd_error_last());
	assert_string_equal(got, want);
	free(got);
}

static void owner_refused(const gd_roster *t, const char *value, const char *msg,
		    gd_date today)
{
	char *got = NULL;

	assert_int_equal(gd_roster_owner(&got, t, value, NULL, today), GD_EINVALID);
	assert_null(got);
	if (!strstr(gd_error_last(), msg))
		fail_msg("expected '%s' in '%s'", msg, gd_error_last());
}

static void test_config__team_members_and_their_fields(void **state)
{
	gd_config *c = NULL;
	const gd_member *m;

	(void)state;
	assert_int_equal(load(&c, roster), 0);
	assert_int_equal(c->team->n, 4);
	m = gd_roster_member(c->team, "LI.LEI@example.com");
	assert_non_null(m);
	assert_string_equal(m->login, "lilei");
	assert_int_equal(m->role, GD_ROLE_SALES);
	assert_int_equal(c->team->members[2].nkeys, 1);
	assert_string_equal(gd_roster_display(c->team, "zhao.min@example.com"), "赵敏");
	assert_string_equal(gd_roster_display(c->team, "lin.na@example.com"), "lin.na@example.com");
	assert_string_equal(gd_roster_display(c->team, "x@y"), "x@y");
	gd_config_free(c);
}

static void test_config__team_owner_by_email_prefix_name_login_or_me(void **state)
{
	gd_config *c = NULL;
	gd_date today = gd_date_from_ymd(2026, 12, 2);

	(void)state;
	assert_int_equal(load(&c, roster), 0);
	owner_is(c->team, "zhao.min@example.com", "zhao.min@example.com", today);
	owner_is(c->team, "ZHAO", "zhao.min@example.com", today);
	owner_is(c->team, "李", "li.lei@example.com", today);
	owner_is(c->team, "lile", "li.lei@example.com", today);
	owner_is(c->team, "me", "li.lei@example.com", today);
	owner_is(c->team, "王", "wang.fang@example.com", today);
	owner_is(NULL, "Li Lei", "Li Lei", today);
	owner_refused(c->team, "li", "names several members", today);
	owner_refused(c->team, "li.lie@example.com", "did you mean li.lei@example.com?", today);
	owner_refused(c->team, "nobody", "zhao.min@example.com (赵敏), li.lei", today);
	owner_is(c->team, "", "", today); /* nobody's: the public pool */
	today = gd_date_from_ymd(2026, 12, 10);
	owner_refused(c->team, "王", "has left the team", today);
	owner_refused(c->team, "wang.fang@example.com", "has left the team", today);
	assert_false(gd_member_current(gd_roster_member(c->team, "wang.fang@example.com"), today));
	gd_config_free(c);
}

static void test_config__team_bad_rosters_are_refused(void **state)
{
	(void)state;
	refused("team: x\n", "team must be a list");
	refused("team: [x]\n", "each member must be a mapping");
	refused("team:\n  - {name: a, role: sales}\n", "needs an email");
	refused("team:\n  - {email: a@b, role: boss}\n", "unknown role 'boss'");
	refused("team:\n  - {email: a@b, role: sales, left: soon}\n", "left must be a date");
	refused("team:\n  - {email: a@b, role: sales, key: {a: b}}\n", "key must be");
	refused("team:\n  - {email: a@b, role: sales, name: [x]}\n", "name must be");
	refused("team:\n  - {email: a@b, role: sales}\n  - {email: A@B, role: manager}\n",
		"two members have the email 'A@B'");
}

static void test_config__team_and_policy(void **state)
{
	gd_config *c = NULL;
	const gd_member *m;
	gd_date left;

	(void)state;
	assert_int_equal(load(&c, "team:\n"
				  "  - {email: zhao.min@example.com, role: manager}\n"
				  "  - {email: li.lei@example.com, name: Li Lei, login: lilei,\n"
				  "     key: ssh-ed25519 AAAA, left: 2026-12-10}\n"
				  "  - {email: chen.jing@example.com, role: assistant, key: [k1, k2]}\n"
				  "policy: {signed: true}\n"), 0);
	assert_int_equal(c->has_team, 1);
	assert_int_equal(c->team->n, 3);
	assert_int_equal(c->policy_signed, 1);
	m = gd_config_member(c, "Li.Lei@example.com");
	assert_non_null(m);
	assert_string_equal(gd_role_name(m->role), "sales");
	assert_int_equal(m->has_left, 1);
	assert_int_equal(gd_date_parse(&left, "2026-12-10"), 0);
	assert_int_equal(m->left, left);
	assert_int_equal(m->nkeys, 1);
	assert_ptr_equal(gd_config_member(c, "lilei"), m);
	assert_int_equal(gd_config_member(c, "chen.jing@example.com")->nkeys, 2);
	assert_null(gd_config_member(c, "nobody"));
	gd_config_free(c);
	assert_int_equal(load(&c, "team:\n"), 0);
	assert_int_equal(c->has_team, 1);
	assert_null(c->team);
	assert_int_equal(c->policy_signed, 0);
	gd_config_free(c);
	refused("team: {a: b}\n", "gendan.yaml:1:7: team must be a list");
	refused("team: [{name: x}]\n", "team: a member needs an email");
	refused("team: [{email: a@b, role: boss}]\n",
		"team.role: not one of sales merchandiser assistant manager 'boss'");
	refused("team: [{email: a@b, left: soon}]\n", "team.left: not a date");
	refused("policy: {signed: maybe}\n", "policy.signed: not true or false 'maybe'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config__defaults),
		cmocka_unit_test(test_config__phone_region),
		cmocka_unit_test(test_config__three_grade_scheme_and_pool),
		cmocka_unit_test(test_config__weeks_and_pool_defaults),
		cmocka_unit_test(test_config__team_members_and_their_fields),
		cmocka_unit_test(test_config__team_owner_by_email_prefix_name_login_or_me),
		cmocka_unit_test(test_config__team_bad_rosters_are_refused),
		cmocka_unit_test(test_config__load_reads_the_file),
		cmocka_unit_test(test_config__errors_name_line_and_column),
		cmocka_unit_test(test_config__team_and_policy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
