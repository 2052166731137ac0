/*
 * test-dates.c - dates, times, durations and "now".
 *
 * Tests that depend on the time zone set TZ themselves and put it back to
 * UTC, so their order does not matter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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

/* The formatted date d, in a buffer that lives until the next call. */
static const char *S(gd_date d)
{
	static char buf[GD_DATE_LEN];

	gd_date_format(buf, d);
	return buf;
}

static void test_dates__civil_round_trip_and_weekdays(void **state)
{
	gd_date d;
	int y, m, dd;

	(void)state;
	assert_int_equal(gd_date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(gd_date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(gd_date_from_ymd(2000, 3, 1), 11017);
	/* every day of four centuries converts there and back */
	for (d = gd_date_from_ymd(1800, 1, 1); d < gd_date_from_ymd(2200, 1, 1); d++) {
		gd_date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(gd_date_from_ymd(y, m, dd), d);
		assert_int_equal(D(S(d)), d);
	}
	assert_int_equal(gd_date_weekday(D("2026-11-23")), 0); /* Monday */
	assert_int_equal(gd_date_weekday(D("2026-11-29")), 6); /* Sunday */
	assert_int_equal(gd_date_weekday(D("1970-01-01")), 3); /* Thursday */
	assert_int_equal(gd_date_weekday(D("1969-12-31")), 2); /* Wednesday */
	assert_int_equal(gd_date_weekday(D("1900-01-01")), 0); /* Monday */
}

static void test_dates__leap_days_and_month_ends(void **state)
{
	(void)state;
	assert_int_equal(D("2024-03-01") - D("2024-02-28"), 2);
	assert_int_equal(D("2026-03-01") - D("2026-02-28"), 1);
	assert_int_equal(D("2000-03-01") - D("2000-02-28"), 2); /* 400 rule */
	assert_int_equal(D("2100-03-01") - D("2100-02-28"), 1); /* 100 rule */
	assert_int_equal(D("2025-01-01") - D("2024-01-01"), 366);
	assert_int_equal(D("2026-01-01") - D("2025-01-01"), 365);
	assert_string_equal(S(D("2024-02-28") + 1), "2024-02-29");
	assert_string_equal(S(D("2026-02-28") + 1), "2026-03-01");
	assert_string_equal(S(D("2026-01-31") + 1), "2026-02-01");
	assert_string_equal(S(D("2026-04-30") + 1), "2026-05-01");
	assert_string_equal(S(D("2026-12-31") + 1), "2027-01-01");
	assert_string_equal(S(D("2027-01-01") - 1), "2026-12-31");
	assert_string_equal(S(D("2026-11-23") + 38), "2026-12-31");
	assert_int_equal(D("2024-02-29"), gd_date_from_ymd(2024, 2, 29));
	assert_int_equal(D("2000-02-29"), gd_date_from_ymd(2000, 2, 29));
}

static void test_dates__impossible_dates_are_refused(void **state)
{
	static const char *const bad[] = {
		"2025-02-29", "2026-02-29", "1900-02-29", "2100-02-29",
		"2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00",
		"2026-01-32", "2026-04-31", "2026-06-31", "2026-09-31",
		"2026-11-31", "2026-1-01", "2026-01-1", "26-01-01",
		"02026-01-01", "2026-01-01x", "2026/01/01", "2026-01-01T00:00Z",
		"", " 2026-01-01", "2026-01-01 ", "+026-01-01", "today",
		NULL};
	gd_date d;
	size_t i;

	(void)state;
	for (i = 0; bad[i]; i++) {
		d = 42;
		if (gd_date_parse(&d, bad[i]) != GD_EINVALID)
			fail_msg("'%s' was accepted as a date", bad[i]);
		assert_int_equal(d, 42);
	}
	assert_int_equal(gd_date_parse(&d, "2026-02-30"), GD_EINVALID);
	assert_string_equal(gd_error_last(),
			    "invalid date '2026-02-30': expected YYYY-MM-DD");
	assert_int_equal(gd_date_parse(&d, "2024-02-29"), 0);
	assert_int_equal(gd_date_parse(&d, "2026-12-31"), 0);
	assert_int_equal(gd_date_parse(&d, "2026-04-30"), 0);
}

static void test_dates__when_forms(void **state)
{
	gd_date today = D("2026-11-23"), d; /* a Monday */
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"2026-12-01", "2026-12-01"}, {"2024-02-29", "2024-02-29"},
		{"today", "2026-11-23"}, {"TODAY", "2026-11-23"},
		{"yesterday", "2026-11-22"}, {"Yesterday", "2026-11-22"},
		{"tomorrow", "2026-11-24"}, {"ToMorrow", "2026-11-24"},
		{"+3d", "2026-11-26"}, {"+2w", "2026-12-07"},
		{"-3d", "2026-11-20"}, {"-1w", "2026-11-16"},
		{"+0d", "2026-11-23"}, {"+10d", "2026-12-03"},
		{"+26000d", "2098-01-29"}, {"-00001w", "2026-11-16"},
		{"+9d", "2026-12-02"}, {"-23d", "2026-10-31"},
		/* weekdays: the next one, never today (today is a Monday) */
		{"mon", "2026-11-30"}, {"monday", "2026-11-30"},
		{"tue", "2026-11-24"}, {"tuesday", "2026-11-24"},
		{"wed", "2026-11-25"}, {"wednesday", "2026-11-25"},
		{"thu", "2026-11-26"}, {"thursday", "2026-11-26"},
		{"fri", "2026-11-27"}, {"FRIDAY", "2026-11-27"},
		{"sat", "2026-11-28"}, {"Saturday", "2026-11-28"},
		{"SUN", "2026-11-29"}, {"sunday", "2026-11-29"},
		/* the forms people type (SPEC 3, DATE) */
		{"2026/12/03", "2026-12-03"}, {"2026.12.03", "2026-12-03"},
		{"2026-1-1", "2026-01-01"}, {"2026/1/9", "2026-01-09"},
		{"2026年12月3日", "2026-12-03"}, {"2027年1月5日", "2027-01-05"},
		{"12月3日", "2026-12-03"}, {"12月3号", "2026-12-03"},
		{"11月23日", "2026-11-23"}, /* today included */
		{"11月22日", "2027-11-22"}, {"1月5日", "2027-01-05"},
		{"2月29日", "2028-02-29"},
		{"今天", "2026-11-23"}, {"昨天", "2026-11-22"},
		{"明天", "2026-11-24"}, {"后天", "2026-11-25"},
		{"前天", "2026-11-21"},
		{"周五", "2026-11-27"}, {"星期五", "2026-11-27"},
		{"礼拜五", "2026-11-27"}, {"周一", "2026-11-30"},
		{"周日", "2026-11-29"}, {"星期天", "2026-11-29"},
		{"礼拜天", "2026-11-29"},
		{"下周一", "2026-11-30"}, {"下周五", "2026-12-04"},
		{"下星期日", "2026-12-06"}, {"上周五", "2026-11-20"},
		{NULL, NULL}};
	static const char *const bad[] = {
		"3d", "+3", "-3", "+d", "+w", "+3x", "+3D", "+3W", "3w", "+-3d",
		"++3d", "+123456d", "+3dd", "+3 d", "+ 3d", "next week", "fr",
		"tues", "thurs", "mondays", "mo", "today ", " today", "to day",
		"", "now", "2026-02-30", "2026-11-23T09:00:00Z", "2026/12-03",
		"2026/12/3/", "2026/123/1", "2026/13/01", "26/12/03", "12/03",
		"2026年12月3", "12月3", "13月1日", "2月30日", "12月32日", "周八",
		"周", "下周", "下下周一", "星期", "下fri", "2026年2月30日",
		"１２月３日", NULL};
	size_t i;

	(void)state;
	for (i = 0; cases[i].in; i++) {
		if (gd_when_parse(&d, cases[i].in, today) != 0)
			fail_msg("'%s' was refused: %s", cases[i].in, gd_error_last());
		assert_string_equal(S(d), cases[i].out);
	}
	for (i = 0; bad[i]; i++) {
		if (gd_when_parse(&d, bad[i], today) != GD_EINVALID)
			fail_msg("'%s' was accepted as a date", bad[i]);
	}
	assert_int_equal(gd_when_parse(&d, "next week", today), GD_EINVALID);
	assert_string_equal(gd_error_last(),
			    "invalid date 'next week': use YYYY-MM-DD, YYYY/MM/DD, "
			    "12月3日, today, tomorrow, 明天, +3d, +2w, -3d, a weekday "
			    "(fri, 周五) or 下周一");
	/* a typo of the year hides nothing for decades */
	static const char *const far[] = {"1999-12-31",
					  "2100-01-01", "+99999d", "-10000w",
					  "2206年1月1日", NULL};
	for (i = 0; far[i]; i++) {
		if (gd_when_parse(&d, far[i], today) != GD_EINVALID)
			fail_msg("'%s' was accepted as a date", far[i]);
	}
	assert_int_equal(gd_when_parse(&d, "2100-01-01", today), GD_EINVALID);
	assert_string_equal(gd_error_last(),
			    "date '2100-01-01' is not between the years 2000 and 2099");
	assert_int_equal(gd_when_parse(&d, "2099-12-31", today), 0);
	assert_int_equal(gd_when_parse(&d, "2000-01-01", today), 0);
}

static void test_dates__past_forms_look_back(void **state)
{
	gd_date today = D("2026-11-23"), d; /* a Monday */
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"11月23日", "2026-11-23"}, {"11月22日", "2026-11-22"},
		{"12月3日", "2025-12-03"}, {"2月29日", "2024-02-29"},
		{"fri", "2026-11-20"}, {"周五", "2026-11-20"},
		{"mon", "2026-11-16"}, {"星期日", "2026-11-22"},
		{"下周一", "2026-11-30"}, {"上周一", "2026-11-16"},
		{"2026/12/03", "2026-12-03"}, {"yesterday", "2026-11-22"},
		{"-3d", "2026-11-20"}, {NULL, NULL}};
	size_t i;

	(void)state;
	for (i = 0; cases[i].in; i++) {
		if (gd_when_parse_past(&d, cases[i].in, today) != 0)
			fail_msg("'%s' was refused: %s", cases[i].in, gd_error_last());
		assert_string_equal(S(d), cases[i].out);
	}
}

static void test_dates__a_weekday_is_never_today(void **state)
{
	static const char *const names[] = {"mon", "tue", "wed", "thu",
					    "fri", "sat", "sun"};
	gd_date today = D("2026-11-23"), d;
	int i, j;

	(void)state;
	for (i = 0; i < 7; i++, today++) {
		for (j = 0; j < 7; j++) {
			assert_int_equal(gd_when_parse(&d, names[j], today), 0);
			assert_int_equal(gd_date_weekday(d), j);
			assert_in_range(d - today, 1, 7);
		}
		/* on a Friday "fri" is a week away */
		assert_int_equal(gd_when_parse(&d, names[i], today), 0);
		assert_int_equal(d - today, 7);
	}
	/* across a month and a year end */
	assert_int_equal(gd_when_parse(&d, "fri", D("2026-12-30")), 0);
	assert_string_equal(S(d), "2027-01-01");
}

static void test_dates__iso_times_keep_their_offset(void **state)
{
	static const struct {
		const char *in, *out;
		int64_t t;
		int32_t off;
	} cases[] = {
		{"2026-11-22T10:15:00+08:00", "2026-11-22T10:15:00+08:00",
		 1795313700, 8 * 3600},
		{"2026-11-22T10:15+08:00", "2026-11-22T10:15:00+08:00",
		 1795313700, 8 * 3600},
		{"2026-11-22 10:15:00+0800", "2026-11-22T10:15:00+08:00",
		 1795313700, 8 * 3600},
		{"2026-11-22T02:15Z", "2026-11-22T02:15:00+00:00", 1795313700, 0},
		{"2026-11-22T02:15:00+00:00", "2026-11-22T02:15:00+00:00",
		 1795313700, 0},
		{"2026-11-21T21:15:00-05:00", "2026-11-21T21:15:00-05:00",
		 1795313700, -5 * 3600},
		{"2026-11-22T07:45:00+05:30", "2026-11-22T07:45:00+05:30",
		 1795313700, 5 * 3600 + 30 * 60},
		{"2026-11-21T22:45:00-0330", "2026-11-21T22:45:00-03:30",
		 1795313700, -(3 * 3600 + 30 * 60)},
		{"2026-11-22T02:15:59Z", "2026-11-22T02:15:59+00:00", 1795313759, 0},
		/* the offset moves the UTC instant over a day and a year end */
		{"2027-01-01T01:00:00+08:00", "2027-01-01T01:00:00+08:00",
		 1798736400, 8 * 3600},
		{"2024-02-29T23:59:59-12:00", "2024-02-29T23:59:59-12:00",
		 1709294399, -12 * 3600},
		{"1969-12-31T23:59:59Z", "1969-12-31T23:59:59+00:00", -1, 0},
		{NULL, NULL, 0, 0}};
	static const char *const bad[] = {
		"2026-11-22T10:15:00", "2026-11-22T10:15", "2026-11-22",
		"2026-11-22T24:00:00Z", "2026-11-22T10:60:00Z",
		"2026-11-22T10:15:60Z", "2026-02-30T10:00:00Z",
		"2026-11-22T10:15:00.5Z", "2026-11-22T10:15:00+08",
		"2026-11-22T10:15:00+8:00", "2026-11-22T10:15:00+24:00",
		"2026-11-22T10:15:00+08:60", "2026-11-22T10:15:00+08:00 ",
		"2026-11-22T10:15:00ZZ", "2026-11-22t10:15:00Z",
		"2026-11-22T10:15:00z", "2026-11-22T1:15:00Z",
		"2026-11-22T10:15:0Z", "2026-11-22T1015Z", "2026-11-22T10:15:00+08:0",
		"2026-11-22T10:15:00+08:000", "2026-11-22X10:15:00Z",
		" 2026-11-22T10:15:00Z", "2026-11-22T10:15:00 +08:00", "today",
		"", NULL};
	gd_time t, back;
	char buf[GD_TIME_LEN];
	size_t i;

	(void)state;
	for (i = 0; cases[i].in; i++) {
		if (gd_time_parse_iso(&t, cases[i].in) != 0)
			fail_msg("'%s' was refused: %s", cases[i].in, gd_error_last());
		assert_int_equal(t.t, cases[i].t);
		assert_int_equal(t.off, cases[i].off);
		gd_time_format(buf, &t);
		assert_string_equal(buf, cases[i].out);
		assert_int_equal(gd_time_parse_iso(&back, buf), 0);
		assert_int_equal(back.t, t.t);
		assert_int_equal(back.off, t.off);
	}
	for (i = 0; bad[i]; i++) {
		if (gd_time_parse_iso(&t, bad[i]) != GD_EINVALID)
			fail_msg("'%s' was accepted as a time", bad[i]);
	}
	assert_int_equal(gd_time_parse_iso(&t, "2026-11-22T10:15:00"), GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "invalid time '2026-11-22T10:15:00'"));
}

static void test_dates__time_takes_iso_or_any_date_form(void **state)
{
	gd_date today = D("2026-11-23");
	gd_time t;
	char buf[GD_TIME_LEN];

	(void)state;
	tz("Asia/Shanghai");
	assert_int_equal(gd_time_parse(&t, "2026-11-22T10:15:00-05:00", today), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-22T10:15:00-05:00"); /* its own offset */
	assert_int_equal(gd_time_parse(&t, "+1d", today), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-24T09:00:00+08:00");
	assert_int_equal(gd_time_parse(&t, "fri", today), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-27T09:00:00+08:00");
	assert_int_equal(gd_time_parse(&t, "today", today), 0);
	assert_int_equal(t.t, 1795395600); /* 2026-11-23T01:00:00Z */
	/* a local time without offset is one in the local zone */
	assert_int_equal(gd_time_parse(&t, "2026-11-22T10:15", today), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-22T10:15:00+08:00");
	assert_int_equal(gd_time_parse(&t, "2026-11-30 08:15", today), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-30T08:15:00+08:00");
	/* Chinese dates, and a day name looking back when it is past */
	assert_int_equal(gd_time_parse(&t, "明天", today), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-24T09:00:00+08:00");
	assert_int_equal(gd_time_parse_past(&t, "周五", today), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-20T09:00:00+08:00");
	assert_int_equal(gd_time_parse(&t, "2027-12-10T10:00", today), 0);
	assert_int_equal(gd_time_parse(&t, "2127-12-10T10:00", today), GD_EINVALID);
	assert_int_equal(gd_time_parse(&t, "2026-11-22T25:15", today), GD_EINVALID);
	assert_int_equal(gd_time_parse(&t, "noon", today), GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "invalid time 'noon'"));
	tz("UTC");
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
	assert_int_equal(t.t, 1795136400); /* 2026-11-20T01:00:00Z */
	assert_int_equal(gd_time_date(&t), D("2026-11-20"));
	tz("America/Chicago");
	assert_int_equal(gd_time_parse(&t, "yesterday", D("2026-11-23")), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-22T09:00:00-06:00");
	assert_int_equal(t.t, 1795359600); /* 2026-11-22T15:00:00Z */
	assert_int_equal(gd_time_parse(&t, "2026-07-01", 0), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-07-01T09:00:00-05:00"); /* summer time */
	/* the days either side of the change to summer time */
	t = gd_time_local(D("2026-03-08"), 9, 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-03-08T09:00:00-05:00");
	t = gd_time_local(D("2026-03-07"), 9, 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-03-07T09:00:00-06:00");
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
	/* written in one zone, its date is still the reader's local one */
	assert_int_equal(gd_time_parse_iso(&t, "2026-11-23T08:00:00+08:00"), 0);
	assert_int_equal(gd_time_date(&t), D("2026-11-22"));
	tz("Asia/Shanghai");
	assert_int_equal(gd_time_date(&t), D("2026-11-23"));
	/* the first and last second of a local day */
	t = gd_time_local(D("2026-11-23"), 0, 0);
	assert_int_equal(gd_time_date(&t), D("2026-11-23"));
	t.t--;
	assert_int_equal(gd_time_date(&t), D("2026-11-22"));
	tz("UTC");
}

static void test_dates__offsets_with_seconds_are_written_in_minutes(void **state)
{
	gd_time t, back;
	char buf[GD_TIME_LEN];

	(void)state;
	/* before 1901 Shanghai kept local mean time, UTC+08:05:43 */
	tz("Asia/Shanghai");
	t = gd_time_local(D("1900-01-01"), 9, 0);
	assert_int_equal(t.off, 8 * 3600 + 5 * 60 + 43);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "1900-01-01T08:59:17+08:05");
	assert_int_equal(gd_time_parse_iso(&back, buf), 0);
	assert_int_equal(back.t, t.t);
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
	assert_int_equal(t.t, 1795395600);
	gd_time_format(buf, &t);
	/* written with the user's own offset, not the one $GENDAN_NOW had */
	assert_string_equal(buf, "2026-11-23T09:00:00+08:00");
	setenv("GENDAN_NOW", "2026-11-23T09:00:00Z", 1);
	assert_int_equal(gd_now(&t), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-23T17:00:00+08:00");
	setenv("GENDAN_NOW", "2026-11-23T09:30", 1); /* no offset: local */
	assert_int_equal(gd_now(&t), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-23T09:30:00+08:00");
	setenv("GENDAN_NOW", "2026-11-23 09:30:15", 1);
	assert_int_equal(gd_now(&t), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-23T09:30:15+08:00");
	setenv("GENDAN_NOW", "2026-11-23", 1); /* a date: its local midnight */
	assert_int_equal(gd_now(&t), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-23T00:00:00+08:00");
	assert_int_equal(gd_time_date(&t), D("2026-11-23"));

	tz("America/Chicago");
	setenv("GENDAN_NOW", "2026-11-23T09:00:00+08:00", 1);
	assert_int_equal(gd_now(&t), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-11-22T19:00:00-06:00");
	assert_int_equal(gd_time_date(&t), D("2026-11-22"));
	setenv("GENDAN_NOW", "2026-07-01", 1);
	assert_int_equal(gd_now(&t), 0);
	gd_time_format(buf, &t);
	assert_string_equal(buf, "2026-07-01T00:00:00-05:00");

	setenv("GENDAN_NOW", "xyz", 1);
	assert_int_equal(gd_now(&t), GD_EINVALID);
	assert_string_equal(gd_error_last(),
			    "invalid GENDAN_NOW 'xyz': expected an ISO 8601 time");
	setenv("GENDAN_NOW", "2026-02-30", 1);
	assert_int_equal(gd_now(&t), GD_EINVALID);
	setenv("GENDAN_NOW", "today", 1);
	assert_int_equal(gd_now(&t), GD_EINVALID);
	setenv("GENDAN_NOW", "2026-11-23T25:00:00Z", 1);
	assert_int_equal(gd_now(&t), GD_EINVALID);

	unsetenv("GENDAN_NOW");
	assert_int_equal(gd_now(&t), 0);
	assert_in_range(t.t, (int64_t)time(NULL) - 5, (int64_t)time(NULL));
	assert_true(t.off == -6 * 3600 || t.off == -5 * 3600); /* Chicago */
	tz("UTC");
}

static void test_dates__durations(void **state)
{
	static const struct {
		const char *in;
		int64_t secs;
	} cases[] = {
		{"84h", 84 * 3600}, {"7d", 7 * 86400}, {"2w", 14 * 86400},
		{"0d", 0}, {"0h", 0}, {"007d", 7 * 86400}, {"1h", 3600},
		{"87672h", INT64_C(87672) * 3600}, {"3653d", INT64_C(3653) * 86400},
		{"521w", INT64_C(521) * 7 * 86400}, {NULL, 0}};
	static const char *const bad[] = {
		"3", "3x", "-1d", "+1d", "1.5d", " 3d", "3d ", "d", "h", "",
		"3dd", "3 d", "1234567d", "3D", "3H", "3m", "3s", "1d2h", "0x10d",
		NULL};
	int64_t s;
	size_t i;

	(void)state;
	for (i = 0; cases[i].in; i++) {
		if (gd_duration_parse(&s, cases[i].in) != 0)
			fail_msg("'%s' was refused: %s", cases[i].in, gd_error_last());
		assert_int_equal(s, cases[i].secs);
	}
	for (i = 0; bad[i]; i++) {
		if (gd_duration_parse(&s, bad[i]) != GD_EINVALID)
			fail_msg("'%s' was accepted as a duration", bad[i]);
	}
	assert_int_equal(gd_duration_parse(&s, "3x"), GD_EINVALID);
	assert_string_equal(gd_error_last(),
			    "invalid duration '3x': expected <n>h, <n>d or <n>w");
	/* more than ten years would wrap dates */
	assert_int_equal(gd_duration_parse(&s, "999999w"), GD_EINVALID);
	assert_string_equal(gd_error_last(),
			    "duration '999999w' is longer than 10 years");
	assert_int_equal(gd_duration_parse(&s, "3654d"), GD_EINVALID);
	assert_int_equal(gd_duration_parse(&s, "522w"), GD_EINVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates__civil_round_trip_and_weekdays),
		cmocka_unit_test(test_dates__leap_days_and_month_ends),
		cmocka_unit_test(test_dates__impossible_dates_are_refused),
		cmocka_unit_test(test_dates__when_forms),
		cmocka_unit_test(test_dates__a_weekday_is_never_today),
		cmocka_unit_test(test_dates__past_forms_look_back),
		cmocka_unit_test(test_dates__iso_times_keep_their_offset),
		cmocka_unit_test(test_dates__time_takes_iso_or_any_date_form),
		cmocka_unit_test(test_dates__a_date_as_time_is_nine_local),
		cmocka_unit_test(test_dates__local_date_depends_on_the_zone),
		cmocka_unit_test(test_dates__offsets_with_seconds_are_written_in_minutes),
		cmocka_unit_test(test_dates__gendan_now),
		cmocka_unit_test(test_dates__durations),
	};

	unsetenv("GENDAN_NOW");
	tz("UTC");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
