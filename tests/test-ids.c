/*
 * test-ids.c - ids, shards, slugs and the normal forms of the duplicate
 * check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/ids.h"

static void eq_free(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_ids__valid_ids(void **state)
{
	char max[GD_ID_MAX + 2];

	(void)state;
	assert_true(gd_id_valid("acme"));
	assert_true(gd_id_valid("0day"));
	assert_true(gd_id_valid("q-20261121-7b0a"));
	assert_true(gd_id_valid("a.b_c-d"));
	assert_false(gd_id_valid(""));
	assert_false(gd_id_valid(NULL));
	assert_false(gd_id_valid(".git"));
	assert_false(gd_id_valid("-a"));
	assert_false(gd_id_valid("_a"));
	assert_false(gd_id_valid("Acme"));
	assert_false(gd_id_valid("a..b"));
	assert_false(gd_id_valid("a/b"));
	assert_false(gd_id_valid("a b"));
	assert_false(gd_id_valid("海天"));
	memset(max, 'a', GD_ID_MAX);
	max[GD_ID_MAX] = '\0';
	assert_true(gd_id_valid(max));
	max[GD_ID_MAX] = 'a';
	max[GD_ID_MAX + 1] = '\0';
	assert_false(gd_id_valid(max));
}

static void test_ids__shard_is_the_low_fnv1a_byte(void **state)
{
	char s[3];

	(void)state;
	/* expected values computed independently from the FNV-1a definition */
	gd_shard(s, "acme");
	assert_string_equal(s, "af");
	gd_shard(s, "acme-trading-co");
	assert_string_equal(s, "48");
	gd_shard(s, "haitian");
	assert_string_equal(s, "95");
	assert_int_equal(gd_fnv1a("", 0), 2166136261u);
}

static void test_ids__slugs(void **state)
{
	(void)state;
	eq_free(gd_slug("ACME Trading Co.", 48), "acme-trading-co");
	eq_free(gd_slug("PO#2026/118", 48), "po-2026-118");
	eq_free(gd_slug("宁波海天贸易有限公司", 48), "");
	eq_free(gd_slug("  --Foo__Bar--  ", 48), "foo-bar");
	eq_free(gd_slug("Müller Leuchten", 48), "m-ller-leuchten");
	eq_free(gd_slug("abc def ghi", 4), "abc");
}

static void test_ids__company_names_without_legal_forms(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"ACME Trading Co., Ltd.", "acmetrading"},
		{"Acme Trading Company", "acmetrading"},
		{"ACME TRADING LIMITED", "acmetrading"},
		{"Rossi S.p.A.", "rossi"},
		{"Rossi SpA", "rossi"},
		{"Rossi S.R.L.", "rossi"},
		{"Müller GmbH", "müller"},
		{"ＡＣＭＥ　Ｔｒａｄｉｎｇ", "acmetrading"},
		{"宁波海天贸易有限公司", "宁波海天贸易"},
		{"宁波海天贸易股份有限公司", "宁波海天贸易"},
		{"宁波海天贸易有限责任公司", "宁波海天贸易"},
		{"Volvo AB", "volvo"},
		{"Philips B.V.", "philips"},
		{"Gulf Lights LLC", "gulflights"},
		{"Inc.", ""},
		{NULL, NULL}};
	size_t i;

	(void)state;
	for (i = 0; cases[i].in; i++)
		eq_free(gd_name_norm(cases[i].in), cases[i].out);
}

static void test_ids__contacts(void **state)
{
	(void)state;
	eq_free(gd_email_norm("  John@ACME.example "), "john@acme.example");
	assert_null(gd_email_norm("no-at-sign"));
	assert_null(gd_email_norm("a@b@c"));
	assert_null(gd_email_norm("@acme.example"));
	eq_free(gd_email_domain("a@B.Example"), "b.example");
	assert_true(gd_freemail("gmail.com", NULL, 0));
	assert_true(gd_freemail("QQ.com", NULL, 0));
	assert_true(gd_freemail("163.com", NULL, 0));
	assert_false(gd_freemail("acme.example", NULL, 0));
	{
		char *extra[] = {"acme.example"};
		assert_true(gd_freemail("acme.example", extra, 1));
	}
}

static void test_ids__text_search_and_width(void **state)
{
	(void)state;
	assert_true(gd_text_contains("宁波海天贸易有限公司", "海天"));
	assert_true(gd_text_contains("Gulf Lights LLC", "LIGHTS"));
	assert_true(gd_text_contains("Müller", "MÜLLER"));
	assert_true(gd_text_contains("anything", ""));
	assert_false(gd_text_contains("ACME", "acmex"));
	assert_int_equal(gd_text_width("ACME"), 4);
	assert_int_equal(gd_text_width("宁波"), 4);
	assert_int_equal(gd_text_width("A宁"), 3);
	assert_int_equal(gd_text_width("é"), 1);
	assert_int_equal(gd_text_width("\xff"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids__valid_ids),
		cmocka_unit_test(test_ids__shard_is_the_low_fnv1a_byte),
		cmocka_unit_test(test_ids__slugs),
		cmocka_unit_test(test_ids__company_names_without_legal_forms),
		cmocka_unit_test(test_ids__contacts),
		cmocka_unit_test(test_ids__text_search_and_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
