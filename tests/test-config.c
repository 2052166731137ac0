/*
 * test-config.c - gendan.yaml: defaults, other grade schemes, errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/config.h"
#include "gendan/error.h"
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
	assert_int_equal(c->tiers[0].every, 3 * D);
	assert_null(c->tiers[1].label);
	assert_string_equal(c->tiers[2].label, "only asking prices");
	assert_true(c->pool);
	assert_int_equal(c->reclaim_after, 45 * D);
	assert_int_equal(c->nfreemail, 1);
	assert_true(gd_config_has_channel(c, "line"));
	assert_false(gd_config_has_channel(c, "email"));
	gd_config_free(c);
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
	refused("tiers:\n  A: {every: 0d}\n", "n > 0");
	refused("tiers: [A, B]\n", "gendan.yaml:1:8: tiers must be a mapping");
	refused("tiers: {}\n", "at least one grade");
	refused("channels: phone\n", "channels must be a list");
	refused("gendan: 2\n", "unsupported format version");
	refused("order: {buffer: soon}\n", "order.buffer");
	refused("order: {stages: [{before: 2d}]}\n", "needs a name");
	refused("inquiry: {reply-within: 1.5h}\n", "inquiry.reply-within");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config__defaults),
		cmocka_unit_test(test_config__three_grade_scheme_and_pool),
		cmocka_unit_test(test_config__errors_name_line_and_column),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
