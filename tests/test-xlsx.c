/*
 * test-xlsx.c - the xlsx reader on workbooks built here with libzip:
 * cell values (numbers kept exact, dates in both systems, Lotus's
 * 1900-02-29, booleans, rich text), placement by reference, the header's
 * width, and what it refuses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include <cmocka.h>

#include "gendan/error.h"
#include "gendan/xlsx.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* Styles: 0 General, 1 date (14), 2 "[h]:mm", 3 "yyyy\"年\"m\"月\"",
 * 4 "0.00E+00", 5 "[$-409]mmm d", 6 "mm:ss". */
static const char styles[] =
	"<styleSheet " NS "><numFmts>"
	"<numFmt numFmtId=\"164\" formatCode=\"[h]:mm\"/>"
	"<numFmt numFmtId=\"165\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>"
	"<numFmt numFmtId=\"166\" formatCode=\"0.00E+00\"/>"
	"<numFmt numFmtId=\"167\" formatCode=\"[$-409]mmm d\"/>"
	"<numFmt numFmtId=\"168\" formatCode=\"mm:ss\"/></numFmts>"
	"<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
	"<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/>"
	"<xf numFmtId=\"168\"/></cellXfs></styleSheet>";

static void add(zip_t *z, const char *name, const char *text)
{
	zip_source_t *s = zip_source_buffer(z, text, strlen(text), 0);

	assert_non_null(s);
	assert_true(zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) >= 0);
}

/* A workbook of one sheet "S" with sheetData rows, shared strings sst
 * (NULL: none), in the 1904 system when date1904. */
static char *book(size_t *len, const char *rows, const char *sst, int date1904)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_stat_t st;
	char wb[512], sheet[8192], strings[4096], *out;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	snprintf(wb, sizeof(wb), "<workbook " NS " xmlns:r=\"" R "\"><workbookPr date1904=\"%s\"/>"
		 "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId9\"/></sheets></workbook>",
		 date1904 ? "true" : "false");
	add(z, "xl/workbook.xml", wb);
	add(z, "xl/_rels/workbook.xml.rels",
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId9\" Type=\"" R "/worksheet\" Target=\"/xl/worksheets/s.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"" R "/styles\" Target=\"styles.xml\"/>"
	    "<Relationship Id=\"rId3\" Type=\"" R "/sharedStrings\" Target=\"sst.xml\"/>"
	    "</Relationships>");
	add(z, "xl/styles.xml", styles);
	snprintf(sheet, sizeof(sheet), "<worksheet " NS "><sheetData>%s</sheetData></worksheet>", rows);
	add(z, "xl/worksheets/s.xml", sheet);
	if (sst) {
		snprintf(strings, sizeof(strings), "<sst " NS ">%s</sst>", sst);
		add(z, "xl/sst.xml", strings);
	}
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	out = malloc(st.size);
	assert_non_null(out);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_read(src, out, st.size), (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	*len = st.size;
	return out;
}

static gd_csv *parse(const char *rows, const char *sst, int date1904)
{
	size_t len;
	char *buf = book(&len, rows, sst, date1904);
	gd_csv *t = NULL;

	if (gd_xlsx_parse(&t, buf, len, NULL, "b.xlsx") < 0)
		fail_msg("parse: %s", gd_error_last());
	free(buf);
	return t;
}

static void refused(const char *rows, const char *sst, const char *want)
{
	size_t len;
	char *buf = book(&len, rows, sst, 0);
	gd_csv *t = NULL;

	assert_int_equal(gd_xlsx_parse(&t, buf, len, NULL, "b.xlsx"), GD_EINVALID);
	assert_null(t);
	if (!strstr(gd_error_last(), want))
		fail_msg("expected '%s' in '%s'", want, gd_error_last());
	free(buf);
}

#define HEAD "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c></row>"
#define NUM(v) "<row r=\"2\"><c r=\"A2\"><v>" v "</v></c></row>"

/* The one value of row 2, column A, of a sheet with rows. */
static void value(const char *rows, int date1904, const char *want)
{
	gd_csv *t = parse(rows, NULL, date1904);

	assert_int_equal(t->n, 2);
	assert_string_equal(t->rows[1][0], want);
	gd_csv_free(t);
}

static void test_xlsx__numbers_exact(void **state)
{
	(void)state;
	value(HEAD NUM("5.0"), 0, "5");
	value(HEAD NUM("1.50"), 0, "1.5");
	value(HEAD NUM("-0.0"), 0, "0");
	value(HEAD NUM("8.613800138E+12"), 0, "8613800138000");
	value(HEAD NUM("1.5E-3"), 0, "0.0015");
	value(HEAD NUM("0.1"), 0, "0.1");
	value(HEAD NUM("0012"), 0, "12");
	value(HEAD NUM("123456789012345678901234567890"), 0, "123456789012345678901234567890");
	value(HEAD NUM("1E+99"), 0, "1E+99");
	value(HEAD NUM("abc"), 0, "abc");
}

#define STYLED(s, v) "<row r=\"2\"><c r=\"A2\" s=\"" s "\"><v>" v "</v></c></row>"

static void test_xlsx__dates(void **state)
{
	(void)state;
	value(HEAD STYLED("1", "46364"), 0, "2026-12-08");
	value(HEAD STYLED("1", "46364.75"), 0, "2026-12-08");
	value(HEAD STYLED("1", "44902"), 1, "2026-12-08");
	value(HEAD STYLED("3", "46364"), 0, "2026-12-08");
	value(HEAD STYLED("5", "46364"), 0, "2026-12-08");
	/* Lotus 1-2-3's 1900-02-29 is day 60: 59 and 61 around it */
	value(HEAD STYLED("1", "59"), 0, "1900-02-28");
	value(HEAD STYLED("1", "61"), 0, "1900-03-01");
	value(HEAD STYLED("1", "60"), 0, "60");
	value(HEAD STYLED("1", "0.5"), 0, "0.5");
	value(HEAD STYLED("1", "-3"), 0, "-3");
	/* elapsed hours, minutes and scientific numbers are not dates */
	value(HEAD STYLED("2", "1.25"), 0, "1.25");
	value(HEAD STYLED("6", "46364"), 0, "46364");
	value(HEAD STYLED("4", "46364"), 0, "46364");
	/* a style past cellXfs is General */
	value(HEAD STYLED("99", "46364"), 0, "46364");
	value(HEAD "<row r=\"2\"><c r=\"A2\" t=\"d\"><v>2026-12-08T00:00:00</v></c></row>", 0,
	      "2026-12-08");
}

static void test_xlsx__strings(void **state)
{
	gd_csv *t;

	(void)state;
	t = parse("<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"b\"><v>1</v></c>"
		  "<c t=\"b\"><v>0</v></c><c t=\"e\"><v>#N/A</v></c>"
		  "<c t=\"str\"><f>A1&amp;B1</f><v>ab</v></c></row>",
		  "<si><t>名称</t></si><si><r><t>A</t></r><r><rPr/><t xml:space=\"preserve\"> b</t></r>"
		  "<rPh><t>ey</t></rPh></si>", 0);
	assert_int_equal(t->n, 1);
	assert_int_equal(t->ncols[0], 6);
	assert_string_equal(t->rows[0][0], "名称");
	assert_string_equal(t->rows[0][1], "A b");
	assert_string_equal(t->rows[0][2], "TRUE");
	assert_string_equal(t->rows[0][3], "FALSE");
	assert_string_equal(t->rows[0][4], "#N/A");
	assert_string_equal(t->rows[0][5], "ab");
	assert_int_equal(t->lines[0], 1);
	gd_csv_free(t);
}

static void test_xlsx__placement(void **state)
{
	gd_csv *t;

	(void)state;
	/* blank rows and rows of empty cells are left out; gaps are empty
	 * cells; a row keeps its number; nothing right of the header */
	t = parse("<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>x</t></is></c>"
		  "<c r=\"D3\" t=\"inlineStr\"><is><t>y</t></is></c></row>"
		  "<row r=\"4\"><c r=\"A4\"/><c r=\"B4\" t=\"inlineStr\"><is><t></t></is></c></row>"
		  "<row r=\"9\"><c r=\"E9\"><v>1</v></c></row>"
		  "<row r=\"10\"><c r=\"AA10\"><v>1</v></c><c r=\"C10\"><v>2</v></c></row>",
		  NULL, 0);
	assert_int_equal(t->n, 2);
	assert_int_equal(t->lines[0], 3);
	assert_int_equal(t->ncols[0], 4);
	assert_string_equal(t->rows[0][0], "");
	assert_string_equal(t->rows[0][1], "x");
	assert_string_equal(t->rows[0][2], "");
	assert_string_equal(t->rows[0][3], "y");
	assert_int_equal(t->lines[1], 10);
	assert_int_equal(t->ncols[1], 3);
	assert_string_equal(t->rows[1][2], "2");
	gd_csv_free(t);
	/* an empty sheet is an empty table */
	t = parse("", NULL, 0);
	assert_int_equal(t->n, 0);
	gd_csv_free(t);
}

static void test_xlsx__refused(void **state)
{
	(void)state;
	refused("<row><c t=\"s\"><v>1</v></c></row>", "<si><t>a</t></si>",
		"b.xlsx:1: cell A1: shared string '1' does not exist (the file has 1)");
	refused("<row><c t=\"s\"><v>0</v></c></row>", NULL,
		"shared string '0' does not exist (the file has 0)");
	refused("<row r=\"0\"/>", NULL, "row '0' is not a row of a sheet");
	refused("<row><c r=\"1A\"/></row>", NULL, "cell '1A' is not a cell of a sheet");
	refused("<row><c r=\"AAAA1\"/></row>", NULL, "cell 'AAAA1' is not a cell of a sheet");
	refused("<row><c><v>1</c></row>", NULL, "b.xlsx: xl/worksheets/s.xml:1:");
}

static void test_xlsx__not_a_workbook(void **state)
{
	gd_csv *t = NULL;
	size_t len;
	char *buf;

	(void)state;
	assert_int_equal(gd_xlsx_parse(&t, "PK\3\4junk", 9, NULL, "j.xlsx"), GD_EINVALID);
	assert_string_equal(gd_error_last(), "j.xlsx: not an xlsx file (not a zip archive)");
	assert_int_equal(gd_xlsx_parse(&t, "", 0, NULL, "e.xlsx"), GD_EINVALID);
	buf = book(&len, HEAD, NULL, 0);
	assert_int_equal(gd_xlsx_parse(&t, buf, len, "T", "b.xlsx"), GD_EINVALID);
	assert_string_equal(gd_error_last(), "b.xlsx: no sheet 'T'; the sheets are: 'S'");
	assert_int_equal(gd_xlsx_parse(&t, buf, len, "s", "b.xlsx"), 0);
	assert_int_equal(t->n, 1);
	gd_csv_free(t);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx__numbers_exact),
		cmocka_unit_test(test_xlsx__dates),
		cmocka_unit_test(test_xlsx__strings),
		cmocka_unit_test(test_xlsx__placement),
		cmocka_unit_test(test_xlsx__refused),
		cmocka_unit_test(test_xlsx__not_a_workbook),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
