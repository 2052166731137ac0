/*
 * test-output.c - tables by display width, TSV escapes, JSON of records.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/error.h"
#include "gendan/output.h"

static void test_output__cjk_text_keeps_columns_aligned(void **state)
{
	const char *h[] = {"NAME", "GRADE"};
	const char *r1[] = {"宁波海天贸易有限公司", "A"};
	const char *r2[] = {"ACME", "B"};
	gd_table *t = gd_table_new(2, h);
	char *out;

	(void)state;
	gd_table_add(t, r1, GD_PLAIN);
	gd_table_add(t, r2, GD_RED);
	out = gd_table_render(t, 0, 0);
	/* 10 CJK characters are 20 columns: GRADE starts at column 22 */
	assert_string_equal(out, "NAME                  GRADE\n"
				 "宁波海天贸易有限公司  A\n"
				 "ACME                  B\n");
	free(out);
	out = gd_table_render(t, 1, 0);
	assert_non_null(strstr(out, "\033[31mACME                  B\033[0m\n"));
	free(out);
	gd_table_free(t);
}

static void test_output__long_last_column_is_cut_to_the_width(void **state)
{
	const char *h[] = {"ID", "DETAIL"};
	const char *r[] = {"a", "宁波海天贸易有限公司"};
	gd_table *t = gd_table_new(2, h);
	char *out;

	(void)state;
	gd_table_add(t, r, GD_PLAIN);
	out = gd_table_render(t, 0, 12);
	assert_string_equal(out, "ID  DETAIL\na   宁波海…\n"); /* 4 + 6 + 1 columns */
	free(out);
	gd_table_free(t);
}

static void test_output__tsv_escapes_tabs_and_newlines(void **state)
{
	const char *cells[] = {"a\tb", "line\nbreak", NULL, "back\\slash"};
	char *line = gd_tsv_line(cells, 4);

	(void)state;
	assert_string_equal(line, "a\\tb\tline\\nbreak\t\tback\\\\slash\n");
	free(line);
}

static void test_output__terminal_text_is_inert(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain 宁波 text", "plain 宁波 text"},
		{"\033[2J\033]0;owned\007", "\\x1b[2J\\x1b]0;owned\\x07"},
		{"a\rb\nc\td", "a\\rb\\nc\\td"},
		{"del\177", "del\\x7f"},
		{"c1 \302\233 csi", "c1 \\u009b csi"},
		{"abc\342\200\256cba", "abc\\u202ecba"},
		{"\342\201\246iso\342\201\251", "\\u2066iso\\u2069"},
		{"bad \377\376 utf8", "bad \\xff\\xfe utf8"},
		{"cut \344\275", "cut \\xe4\\xbd"},
		{"\342\200\217rlm stays", "\342\200\217rlm stays"},
		{"", ""}, {NULL, NULL}};
	const char *h[] = {"NAME", "NOTE"};
	const char *r[] = {"Evil\033[31m", "two\nlines\r\tand \342\200\256x"};
	const char *cells[] = {"esc\033c", "back\\slash\033"};
	gd_table *t;
	char *out;
	size_t i;

	(void)state;
	for (i = 0; cases[i].in; i++) {
		out = gd_inert(cases[i].in);
		assert_string_equal(out, cases[i].out);
		free(out);
	}
	/* a table cell is one line; what would act on the terminal is shown */
	t = gd_table_new(2, h);
	gd_table_add(t, r, GD_PLAIN);
	out = gd_table_render(t, 0, 0);
	assert_string_equal(out, "NAME          NOTE\n"
				 "Evil\\x1b[31m  two lines  and \\u202ex\n");
	free(out);
	gd_table_free(t);
	out = gd_tsv_line(cells, 2);
	assert_string_equal(out, "esc\\x1bc\tback\\\\slash\\x1b\n");
	free(out);
}

static void test_output__json_keeps_types_and_chinese(void **state)
{
	gd_record *r = NULL;
	const char *text = "name: 宁波\nphone: \"0574\"\nqty: 5\nok: true\nnothing: null\n";
	char *json;

	(void)state;
	assert_int_equal(gd_record_parse(&r, "customers/00/nb.yaml", text, strlen(text)), 0);
	json = gd_json_record(r);
	assert_non_null(strstr(json, "\"name\": \"宁波\""));
	assert_non_null(strstr(json, "\"phone\": \"0574\""));
	assert_non_null(strstr(json, "\"qty\": 5"));
	assert_non_null(strstr(json, "\"ok\": true"));
	assert_non_null(strstr(json, "\"nothing\": null"));
	assert_non_null(strstr(json, "\"kind\": \"customer\""));
	assert_non_null(strstr(json, "\"path\": \"customers/00/nb.yaml\""));
	free(json);
	gd_record_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output__cjk_text_keeps_columns_aligned),
		cmocka_unit_test(test_output__long_last_column_is_cut_to_the_width),
		cmocka_unit_test(test_output__tsv_escapes_tabs_and_newlines),
		cmocka_unit_test(test_output__terminal_text_is_inert),
		cmocka_unit_test(test_output__json_keeps_types_and_chinese),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
