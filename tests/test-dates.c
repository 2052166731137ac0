/*
 * test-dates.c - dates, times, durations and "now".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "gendan/dates.h"
#include "gendan/error.h"

static void tz(const char *zone)
{
	setenv("TZ", zone, 1);
	tzset();
}

static gd_date D(const char *s)
{
	gd_date d = 0;

	assert_int_equal(gd_date_parse(&d, s), 0);
	return d;
}

static void fmt_date(char *buf, gd_date d)
{
	gd_date_format(buf, d);
}

static void test_dates__civil_round_trip_and_weekdays(void **state)
{
	char buf[GD_DATE_LEN];

	(void)state;
	assert_int_equal(gd_date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(D("2024-03-01") - D("2024-02-28"), 2);
	assert_int_equal(D("2026-03-01") - D("2026-02-28"), 1);
	assert_int_equal(D("2027-01-01") - D("2026-12-31"), 1);
	fmt_date(buf, D("2024-02-29"));
	assert_string_equal(buf, "2024-02-29");
	fmt_date(buf, D("2026-11-23") + 38);
	assert_string_equal(buf, "2026-12-31");
	assert_int_equal(gd_date_weekday(D("2026-11-23")), 0); /* Monday */
	assert_int_equal(gd_date_weekday(D("2026-11-29")), 6); /* Sunday */
	assert_int_equal(gd_date_weekday(D("1969-12-31")), 2); /* Wednesday */
}

static void test_dates__impossible_dates_are_refused(void **state)
{
	static const char *const bad[] = {
		"2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10",
		"2026-04-31", "2026-1-01", "26-01-01", "2026-01-01x",
		"2026/01/01", "", " 2026-01-01", NULL};
	gd_date d;
	size_t i;

	(void)state;
	for (i = 0; bad[i]; i++) {
		assert_int_equal(gd_date_parse(&d, bad[i]), GD_EINVALID);
		assert_non_null(strstr(gd_error_last(), "invalid date"));
	}
	assert_int_equal(gd_date_parse(&d, "2024-02-29"), 0);
}

static void test_dates__when_forms(void **state)
{
	gd_date today = D("2026-11-23"), d; /* a Monday */
	char buf[GD_DATE_LEN];
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"2026-12-01", "2026-12-01"}, {"today", "2026-11-23"},
		{"Yesterday", "2026-11-22"}, {"tomorrow", "2026-11-24"},
		{"+3d", "2026-11-26"}, {"+2w", "2026-12-07"},
		{"-3d", "2026-11-20"}, {"-1w", "2026-11-16"},
		{"fri", "2026-11-27"}, {"FRIDAY", "2026-11-27"},
		{"mon", "2026-11-30"}, /* the next one, never today */
		{"sun", "2026-11-29"}, {"tue", "2026-11-24"},
		{NULL, NULL}};
	static const char *const bad[] = {"3d", "+3", "+d", "next week", "fr",
					  "today ", "+3x", "2026-02-30", NULL};
	size_t i;

	(void)state;
	for (i = 0; cases[i].in; i++) {
		assert_int_equal(gd_when_parse(&d, cases[i].in, today), 0);
		gd_date_format(buf, d);
		assert_string_equal(buf, cases[i].out);
	}
	for (i = 0; bad[i]; i++)
		assert_int_equal(gd_when_parse(&d, bad[i], today), GD_EINVALID);
}

static void test_dates__iso_times_keep_their_offset(void **state)
{
	gd_time t;
	char buf[GD_TIME_LEN];

	(void)state;
	assert_int_equal(gd_time_parse_iso(&t, "2026-11-22T10:15:00+08:00"), 0);
	assert_int_equal(t.t, 1795313700);
	assert_int_equal(t.off, 8 * 3600);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-22T10:15:00+08:00");
	assert_int_equal(gd_time_parse_iso(&t, "2026-11-22T02:15Z"), 0);
	assert_int_equal(t.t, 1795313700);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-22T02:15:00+00:00");
	assert_int_equal(gd_time_parse_iso(&t, "2026-11-21T21:15:00-05:00"), 0);
	assert_int_equal(t.t, 1795313700);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-21T21:15:00-05:00");
	assert_int_equal(gd_time_parse_iso(&t, "2026-11-22T10:15:00"), GD_EINVALID);
	assert_int_equal(gd_time_parse_iso(&t, "2026-11-22T24:00:00Z"), GD_EINVALID);
	assert_int_equal(gd_time_parse_iso(&t, "2026-02-30T10:00:00Z"), GD_EINVALID);
}

static void test_dates__a_date_as_time_is_nine_local(void **state)
{
	gd_time t;
	char buf[GD_TIME_LEN];

	(void)state;
	tz("Asia/Shanghai");
	assert_int_equal(gd_time_parse(&t, "2026-11-20", D("2026-11-23")), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-20T09:00:00+08:00");
	tz("America/Chicago");
	assert_int_equal(gd_time_parse(&t, "yesterday", D("2026-11-23")), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-22T09:00:00-06:00");
	assert_int_equal(gd_time_parse(&t, "2026-07-01", 0), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-07-01T09:00:00-05:00"); /* summer time */
	assert_int_equal(gd_time_parse(&t, "noon", 0), GD_EINVALID);
	tz("UTC");
}

static void test_dates__local_date_depends_on_the_zone(void **state)
{
	gd_time t;

	(void)state;
	assert_int_equal(gd_time_parse_iso(&t, "2026-11-22T23:30:00+00:00"), 0);
	tz("UTC");
	assert_int_equal(gd_time_date(&t), D("2026-11-22"));
	tz("Asia/Shanghai");
	assert_int_equal(gd_time_date(&t), D("2026-11-23"));
	tz("America/Chicago");
	assert_int_equal(gd_time_date(&t), D("2026-11-22"));
	tz("UTC");
}

static void test_dates__gendan_now(void **state)
{
	gd_time t;
	char buf[GD_TIME_LEN];

	(void)state;
	tz("Asia/Shanghai");
	setenv("GENDAN_NOW", "2026-11-23T01:00:00+00:00", 1);
	assert_int_equal(gd_now(&t), 0);
	gd_time_format(buf, &t);
	/* written with the user's own offset */
	assert_string_equal(buf, "2026-11-23T09:00:00+08:00");
	setenv("GENDAN_NOW", "2026-11-23", 1);
	assert_int_equal(gd_now(&t), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-23T00:00:00+08:00");
	setenv("GENDAN_NOW", "next tuesday", 1);
	assert_int_equal(gd_now(&t), GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "GENDAN_NOW"));
	unsetenv("GENDAN_NOW");
	assert_int_equal(gd_now(&t), 0);
	assert_true(t.t > 1700000000);
	tz("UTC");
}

static void test_dates__durations(void **state)
{
	int64_t s;
	static const char *const bad[] = {"3", "3x", "-1d", "1.5d", " 3d", "d",
					  "", "3dd", "1234567d", NULL};
	size_t i;

	(void)state;
	assert_int_equal(gd_duration_parse(&s, "84h"), 0);
	assert_int_equal(s, 84 * 3600);
	assert_int_equal(gd_duration_parse(&s, "7d"), 0);
	assert_int_equal(s, 7 * 86400);
	assert_int_equal(gd_duration_parse(&s, "2w"), 0);
	assert_int_equal(s, 14 * 86400);
	assert_int_equal(gd_duration_parse(&s, "0d"), 0);
	assert_int_equal(s, 0);
	for (i = 0; bad[i]; i++)
		assert_int_equal(gd_duration_parse(&s, bad[i]), GD_EINVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates__civil_round_trip_and_weekdays),
		cmocka_unit_test(test_dates__impossible_dates_are_refused),
		cmocka_unit_test(test_dates__when_forms),
		cmocka_unit_test(test_dates__iso_times_keep_their_offset),
		cmocka_unit_test(test_dates__a_date_as_time_is_nine_local),
		cmocka_unit_test(test_dates__local_date_depends_on_the_zone),
		cmocka_unit_test(test_dates__gendan_now),
		cmocka_unit_test(test_dates__durations),
	};

	tz("UTC");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
