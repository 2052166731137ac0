/*
 * test-decimal.c - money and quantities as exact decimals: what people
 * write is read, printed back as written, and summed without a binary
 * float's error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/decimal.h"
#include "gendan/error.h"

static gd_dec dec(const char *s)
{
	gd_dec d = {0};

	if (gd_dec_parse(&d, s) != 0)
		fail_msg("'%s' was refused: %s", s, gd_error_last());
	return d;
}

static void expect_text(gd_dec d, const char *want)
{
	char buf[GD_DEC_LEN];

	gd_dec_format(buf, d);
	assert_string_equal(buf, want);
}

static void test_decimal__numbers_as_people_write_them(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"7.8", "7.8"}, {"3202.50", "3202.5"}, {"0", "0"}, {"0.0", "0"},
		{"2,000", "2000"}, {"2 000", "2000"}, {"1,234.50", "1234.5"},
		{"1,234,567.0125", "1234567.0125"}, {"12 345 678", "12345678"},
		{"18.5", "18.5"}, {"0.0125", "0.0125"}, {"-3", "-3"},
		{"-0.5", "-0.5"}, {"007", "7"}, {"1.23450000", "1.2345"},
		{"999", "999"}, {"100,000", "100000"}, {NULL, NULL}};
	size_t i;

	(void)state;
	for (i = 0; cases[i].in; i++)
		expect_text(dec(cases[i].in), cases[i].out);
	assert_int_equal(dec("7.8").units, 78000);
	assert_int_equal(dec("2,000").units, 20000000);
}

static void test_decimal__what_is_not_a_number_is_refused(void **state)
{
	static const char *const bad[] = {
		"", "-", ".", "1.", ".5", "1,5", "12,34,567", "1,2345", "1,234,56",
		"1,,000", ",000", "1000,", "1 000,000", "1, 000", " 1", "1 ", "+1",
		"1e3", "1E3", "0x10", "1.2.3", "1.23456", "NaN", "inf", "1,000 .5",
		"１２", "--1", "1-", "12.5%", "$12", "1.000,50",
		"9999999999999999", "922337203685477.5808", NULL};
	gd_dec d = {42};
	size_t i;

	(void)state;
	for (i = 0; bad[i]; i++) {
		if (gd_dec_parse(&d, bad[i]) != GD_EINVALID)
			fail_msg("'%s' was accepted as a number", bad[i]);
		assert_int_equal(d.units, 42);
	}
	assert_int_equal(gd_dec_parse(&d, "1,5"), GD_EINVALID);
	assert_string_equal(gd_error_last(),
			    "invalid number '1,5': use digits with '.' for at most 4 "
			    "decimals, thousands grouped by ',' or a space (2,000.50)");
}

static void test_decimal__sums_are_exact(void **state)
{
	gd_dec sum = {0}, d;
	int i;

	(void)state;
	/* 0.1 ten times is 1, and 7.8 three times 23.4: no float error */
	for (i = 0; i < 10; i++)
		assert_int_equal(gd_dec_add(&sum, sum, dec("0.1")), 0);
	expect_text(sum, "1");
	sum.units = 0;
	for (i = 0; i < 3; i++)
		assert_int_equal(gd_dec_add(&sum, sum, dec("7.8")), 0);
	expect_text(sum, "23.4");
	/* a receipt of 3180 and 22.50 of bank charges pay 3202.50 */
	assert_int_equal(gd_dec_add(&d, dec("3180"), dec("22.50")), 0);
	assert_int_equal(gd_dec_cmp(d, dec("3202.5")), 0);
	assert_int_equal(gd_dec_sub(&d, dec("3202.50"), dec("3180")), 0);
	expect_text(d, "22.5");
	assert_int_equal(gd_dec_sub(&d, dec("3180"), dec("3202.50")), 0);
	expect_text(d, "-22.5");
	assert_true(gd_dec_cmp(dec("2"), dec("10")) < 0);
	assert_true(gd_dec_cmp(dec("10"), dec("2")) > 0);
}

static void test_decimal__products_round_to_four_places(void **state)
{
	gd_dec d;

	(void)state;
	assert_int_equal(gd_dec_mul(&d, dec("5000"), dec("2.10")), 0);
	expect_text(d, "10500");
	assert_int_equal(gd_dec_mul(&d, dec("3"), dec("0.0125")), 0);
	expect_text(d, "0.0375");
	assert_int_equal(gd_dec_mul(&d, dec("0.5"), dec("0.0125")), 0);
	expect_text(d, "0.0063"); /* 0.00625, half away from zero */
	assert_int_equal(gd_dec_mul(&d, dec("-0.5"), dec("0.0125")), 0);
	expect_text(d, "-0.0063");
	assert_int_equal(gd_dec_mul(&d, dec("2,000"), dec("18.5")), 0);
	expect_text(d, "37000");
}

static void test_decimal__overflow_is_an_error_not_a_wrap(void **state)
{
	gd_dec max = {INT64_MAX}, min = {INT64_MIN}, d = {42};
	char buf[GD_DEC_LEN];

	(void)state;
	assert_int_equal(gd_dec_add(&d, max, dec("0.0001")), GD_EINVALID);
	assert_int_equal(d.units, 42);
	assert_string_equal(gd_error_last(), "amount out of range");
	assert_int_equal(gd_dec_sub(&d, min, dec("0.0001")), GD_EINVALID);
	assert_int_equal(gd_dec_mul(&d, max, dec("2")), GD_EINVALID);
	assert_int_equal(d.units, 42);
	/* the extremes print in full */
	gd_dec_format(buf, max);
	assert_string_equal(buf, "922337203685477.5807");
	gd_dec_format(buf, min);
	assert_string_equal(buf, "-922337203685477.5808");
	expect_text(dec("922337203685477.5807"), "922337203685477.5807");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decimal__numbers_as_people_write_them),
		cmocka_unit_test(test_decimal__what_is_not_a_number_is_refused),
		cmocka_unit_test(test_decimal__sums_are_exact),
		cmocka_unit_test(test_decimal__products_round_to_four_places),
		cmocka_unit_test(test_decimal__overflow_is_an_error_not_a_wrap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
