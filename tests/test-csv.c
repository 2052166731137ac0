/*
 * test-csv.c - CSV as spreadsheets write it: encodings, separators, blank
 * rows, and cells that must never run as formulas.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/csv.h"
#include "gendan/error.h"

static gd_csv *parse(const char *buf, size_t len, const char *enc)
{
	gd_csv *c = NULL;

	if (gd_csv_parse_text(&c, buf, len, enc, "t.csv") < 0)
		fail_msg("parse: %s", gd_error_last());
	return c;
}

static void refused(const char *buf, size_t len, const char *enc, const char *want)
{
	gd_csv *c = NULL;

	assert_int_equal(gd_csv_parse_text(&c, buf, len, enc, "t.csv"), GD_EINVALID);
	assert_null(c);
	if (!strstr(gd_error_last(), want))
		fail_msg("expected '%s' in '%s'", want, gd_error_last());
}

static void test_csv__separators(void **state)
{
	gd_csv *c;

	(void)state;
	c = parse("name;city\nA, B;Lyon\n", 20, NULL);
	assert_int_equal(c->n, 2);
	assert_string_equal(c->rows[1][0], "A, B");
	assert_string_equal(c->rows[1][1], "Lyon");
	gd_csv_free(c);
	c = parse("\"a;b\"\tcity\nx\ty\n", 15, NULL);
	assert_int_equal(c->ncols[0], 2);
	assert_string_equal(c->rows[0][0], "a;b");
	gd_csv_free(c);
	c = parse("name\nx\n", 7, NULL);
	assert_int_equal(c->ncols[1], 1);
	gd_csv_free(c);
}

static void test_csv__blank_rows_keep_lines(void **state)
{
	static const char text[] = "a,b\r\n,\r\n\r\nx,y\r\n\"\",\"\"\r\nz,w\r\n";
	gd_csv *c;

	(void)state;
	c = parse(text, sizeof(text) - 1, NULL);
	assert_int_equal(c->n, 3);
	assert_int_equal(c->lines[1], 4);
	assert_int_equal(c->lines[2], 6);
	gd_csv_free(c);
}

static void test_csv__encodings(void **state)
{
	/* 石狮 in GB18030 is also valid UTF-8 (ʯʨ); 宁 is not */
	static const char gbk[] = "name,city\r\n\xc4\xfe,\xca\xaf\xca\xa8\r\n";
	static const char u16be[] = "\xfe\xff\0n\0a\0m\0e\0\n\0\xe5\xae\x81\0\n";
	static const char u16le[] = "\xff\xfen\0\n\0\x81\x5b\n\0";
	gd_csv *c;

	(void)state;
	c = parse(gbk, sizeof(gbk) - 1, NULL);
	assert_string_equal(c->rows[1][0], "宁");
	assert_string_equal(c->rows[1][1], "石狮");
	gd_csv_free(c);
	c = parse(u16le, sizeof(u16le) - 1, NULL);
	assert_string_equal(c->rows[1][0], "宁");
	gd_csv_free(c);
	c = parse(u16be, 16, NULL);
	assert_string_equal(c->rows[0][0], "name");
	gd_csv_free(c);
	c = parse("name\n\xe9t\xe9\n", 9, "ISO-8859-1");
	assert_string_equal(c->rows[1][0], "été");
	gd_csv_free(c);
	refused("name\n", 5, "NO-SUCH-CHARSET", "unknown encoding 'NO-SUCH-CHARSET'");
	refused("a\nb\n\xff\xff\n", 7, NULL, "t.csv:3: the text is neither UTF-8 nor GB18030");
	refused("a\nb\xe4\n", 5, "UTF-8", "t.csv:2: the text is not UTF-8");
	refused("\xef\xbb\xbf" "a\n\xff\n", 7, NULL, "t.csv:2: the text is not UTF-8");
	refused("a\nb\0c\n", 6, NULL, "t.csv:2: the text holds a NUL byte");
}

static void test_csv__formulas_never_run(void **state)
{
	static const char *const cells[] = {"=1+2", "+86 574", "-3", "@SUM(A1)",
					    "\tx", "'kept", "a=b", "=a,b"};
	char *line = gd_csv_line(cells, 8);
	gd_record *r = gd_record_new(GD_CUSTOMER, "x");

	(void)state;
	assert_string_equal(line, "'=1+2,'+86 574,'-3,'@SUM(A1),'\tx,'kept,a=b,\"'=a,b\"\r\n");
	free(line);
	assert_int_equal(gd_csv_set(r, "note", "'=1+2", 0), 0);
	assert_string_equal(gd_node_str(r->root, "note"), "=1+2");
	assert_int_equal(gd_csv_set(r, "city", "'kept", 0), 0);
	assert_string_equal(gd_node_str(r->root, "city"), "'kept");
	assert_int_equal(gd_csv_set(r, "phone", "''+86", 0), 0);
	assert_string_equal(gd_node_str(r->root, "phone"), "''+86");
	gd_record_free(r);
}

static void test_csv__header_aliases(void **state)
{
	(void)state;
	assert_string_equal(gd_csv_alias(GD_CUSTOMER, "客户名称"), "name");
	assert_string_equal(gd_csv_alias(GD_CUSTOMER, " E-mail 1 - Value "), "email");
	assert_string_equal(gd_csv_alias(GD_CUSTOMER, "Country/Region"), "country");
	assert_string_equal(gd_csv_alias(GD_CUSTOMER, "国家/地区"), "country");
	assert_string_equal(gd_csv_alias(GD_CUSTOMER, "MOBILE PHONE"), "phone");
	assert_null(gd_csv_alias(GD_CUSTOMER, "Fax"));
	/* an inquiry's contact is under from. */
	assert_string_equal(gd_csv_alias(GD_INQUIRY, "邮箱"), "from.email");
	assert_string_equal(gd_csv_alias(GD_INQUIRY, "From Company"), "from.company");
	assert_string_equal(gd_csv_alias(GD_ORDER, "Ship-By"), "ship-by");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv__separators),
		cmocka_unit_test(test_csv__blank_rows_keep_lines),
		cmocka_unit_test(test_csv__encodings),
		cmocka_unit_test(test_csv__formulas_never_run),
		cmocka_unit_test(test_csv__header_aliases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
