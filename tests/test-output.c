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
		cmocka_unit_test(test_output__json_keeps_types_and_chinese),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
