/*
 * dates.c - dates, times, durations and "now" (see gendan/dates.h).
 *
 * Civil dates use Howard Hinnant's days-from-civil algorithm, so date
 * arithmetic never depends on the time zone; only the conversion between an
 * instant and a local date goes through localtime_r()/mktime().
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "gendan/dates.h"
#include "internal.h"
#include "gendan/error.h"

gd_date gd_date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (gd_date)(era * 146097 + doe - 719468);
}

void gd_date_to_ymd(gd_date date, int *y, int *m, int *d)
{
	/* 64 bits: date + 719468 overflows int near INT32_MAX */
	int64_t z = (int64_t)date + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = (int)(z - era * 146097);
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int gd_date_weekday(gd_date d)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0) */
	int w = (int)((d + 3) % 7);

	return w < 0 ? w + 7 : w;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* The day of an instant counted in seconds, rounding down before 1970. */
static int64_t day_of(int64_t secs)
{
	return secs / 86400 - (secs % 86400 < 0);
}

/* n digits at s as a number, or -1. */
static int digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* YYYY-MM-DD at the start of s; 0 when it is a date that exists. */
static int ymd_prefix(gd_date *out, const char *s)
{
	int y = digits(s, 4), m, d;

	if (y < 0 || s[4] != '-' || (m = digits(s + 5, 2)) < 0 || s[7] != '-' ||
	    (d = digits(s + 8, 2)) < 0)
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*out = gd_date_from_ymd(y, m, d);
	return 0;
}

int gd_date_parse(gd_date *out, const char *s)
{
	if (strlen(s) != 10 || ymd_prefix(out, s) < 0)
		return gd_error_set(GD_EINVALID,
				    _("invalid date '%s': expected YYYY-MM-DD"), s);
	return 0;
}

void gd_date_format(char buf[GD_DATE_LEN], gd_date d)
{
	int y, m, dd;

	gd_date_to_ymd(d, &y, &m, &dd);
	/* years outside 0000-9999 cannot be written in this format */
	snprintf(buf, GD_DATE_LEN, "%04u-%02u-%02u", (unsigned)y % 10000u,
		 (unsigned)m % 100u, (unsigned)dd % 100u);
}

gd_date gd_time_date(const gd_time *t)
{
	time_t tt = (time_t)t->t;
	struct tm tm;

	if (!localtime_r(&tt, &tm))
		return (gd_date)day_of(t->t);
	return gd_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int32_t local_offset(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm))
		return 0;
	return (int32_t)tm.tm_gmtoff;
}

gd_time gd_time_local(gd_date d, int hh, int mm)
{
	struct tm tm;
	time_t tt;
	int y, m, dd;
	gd_time t;

	gd_date_to_ymd(d, &y, &m, &dd);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = dd;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_isdst = -1;
	/* mktime() sets tm_wday only when it succeeds; -1 is also a valid time */
	tm.tm_wday = -1;
	tt = mktime(&tm);
	if (tm.tm_wday < 0) {
		/* beyond what the C library can place: UTC is the best guess */
		t.t = (int64_t)d * 86400 + (int64_t)hh * 3600 + (int64_t)mm * 60;
		t.off = 0;
		return t;
	}
	t.t = (int64_t)tt;
	t.off = (int32_t)tm.tm_gmtoff;
	return t;
}

/*
 * ISO 8601 as records hold it: YYYY-MM-DD(T| )HH:MM[:SS] then Z, +HH:MM,
 * -HH:MM, +HHMM or -HHMM.  With need_offset 0 ($GENDAN_NOW) the offset may
 * be left out, meaning local time.
 */
static int iso(gd_time *out, const char *s, int need_offset)
{
	gd_date d;
	int hh, mm, ss = 0, oh, om, off = 0;
	const char *p, *q;

	if (ymd_prefix(&d, s) < 0 || (s[10] != 'T' && s[10] != ' '))
		return -1;
	p = s + 11;
	if ((hh = digits(p, 2)) < 0 || p[2] != ':' || (mm = digits(p + 3, 2)) < 0)
		return -1;
	p += 5;
	if (*p == ':') {
		if ((ss = digits(p + 1, 2)) < 0)
			return -1;
		p += 3;
	}
	if (hh > 23 || mm > 59 || ss > 59)
		return -1;
	if (*p == '\0') {
		if (need_offset)
			return -1;
		*out = gd_time_local(d, hh, mm);
		out->t += ss;
		return 0;
	}
	if (strcmp(p, "Z") != 0) {
		if ((*p != '+' && *p != '-') || (oh = digits(p + 1, 2)) < 0)
			return -1;
		q = p[3] == ':' ? p + 4 : p + 3;
		if ((om = digits(q, 2)) < 0 || q[2] || oh > 23 || om > 59)
			return -1;
		off = (*p == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	}
	out->off = off;
	out->t = (int64_t)d * 86400 + (int64_t)hh * 3600 + (int64_t)mm * 60 + ss - off;
	return 0;
}

int gd_time_parse_iso(gd_time *out, const char *s)
{
	if (iso(out, s, 1) < 0)
		return gd_error_set(GD_EINVALID,
				    _("invalid time '%s': expected ISO 8601 with offset (2026-11-22T10:15:00+08:00)"),
				    s);
	return 0;
}

int gd_now(gd_time *out)
{
	const char *env = getenv("GENDAN_NOW");
	gd_date d;

	if (env && *env) {
		if (strlen(env) == 10 && ymd_prefix(&d, env) == 0) {
			*out = gd_time_local(d, 0, 0);
			return 0;
		}
		if (iso(out, env, 0) < 0)
			return gd_error_set(GD_EINVALID,
					    _("invalid GENDAN_NOW '%s': expected an ISO 8601 time"),
					    env);
	} else {
		time_t now = time(NULL);

		if (now == (time_t)-1)
			return gd_error_set(GD_EIO, _("cannot read the clock"));
		out->t = (int64_t)now;
	}
	/* times gendan writes carry the user's own offset */
	out->off = local_offset(out->t);
	return 0;
}

/* --- the dates people type (SPEC 3, DATE and WHEN) ----------------------- */

/* A date must fall within these years, whatever form it was typed in: a
 * typo such as 2062 for 2026 would otherwise hide a record for decades. */
#define YEAR_MIN 2000
#define YEAR_MAX 2099

/* 1 or 2 digits at *p, advancing *p; -1 when there are none. */
static int small_number(const char **p)
{
	int v;

	if (!isdigit((unsigned char)**p))
		return -1;
	v = *(*p)++ - '0';
	if (isdigit((unsigned char)**p))
		v = v * 10 + (*(*p)++ - '0');
	return v;
}

/* Does s start with word?  Then *rest is what follows it. */
static int starts(const char *s, const char *word, const char **rest)
{
	size_t n = strlen(word);

	if (strncmp(s, word, n) != 0)
		return 0;
	*rest = s + n;
	return 1;
}

/* 日 or 号 (the day's mark, written and spoken) ending s. */
static int day_mark_ends(const char *p)
{
	return !strcmp(p, "日") || !strcmp(p, "号");
}

/* The date of y, m, d when it exists. */
static int civil(gd_date *out, int y, int m, int d)
{
	if (y < 0 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*out = gd_date_from_ymd(y, m, d);
	return 0;
}

/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (month and day of one or two
 * digits) or YYYY年M月D日, the whole of s. */
static int full_date(gd_date *out, const char *s)
{
	int y = digits(s, 4), m, d;
	const char *p = s + 4;

	if (y < 0)
		return -1;
	if (*p == '-' || *p == '/' || *p == '.') {
		char sep = *p++;

		if ((m = small_number(&p)) < 0 || *p++ != sep ||
		    (d = small_number(&p)) < 0 || *p)
			return -1;
		return civil(out, y, m, d);
	}
	if (!starts(p, "年", &p) || (m = small_number(&p)) < 0 ||
	    !starts(p, "月", &p) || (d = small_number(&p)) < 0 || !day_mark_ends(p))
		return -1;
	return civil(out, y, m, d);
}

/* M月D日: the next such day (today included), or with past the most
 * recent one.  A 29 February looks as many years on (or back) as it must. */
static int month_day(gd_date *out, const char *s, gd_date today, int past)
{
	const char *p = s;
	int m, d, y, ty, tm, td, i;

	if ((m = small_number(&p)) < 0 || !starts(p, "月", &p) ||
	    (d = small_number(&p)) < 0 || !day_mark_ends(p) || m < 1 || m > 12 ||
	    d < 1 || d > days_in_month(2024, m))
		return -1;
	gd_date_to_ymd(today, &ty, &tm, &td);
	for (i = 0; i <= 8; i++) {
		y = past ? ty - i : ty + i;
		if (civil(out, y, m, d) == 0 &&
		    (past ? *out <= today : *out >= today))
			return 0;
	}
	return -1;
}

/* 周一, 星期一, 礼拜一 ... (日 or 天 for Sunday): 0 = Monday, or -1. */
static int weekday_zh(const char *s)
{
	static const char *const days[] = {"一", "二", "三", "四", "五", "六", "日"};
	const char *p;
	int i;

	if (!starts(s, "周", &p) && !starts(s, "星期", &p) && !starts(s, "礼拜", &p))
		return -1;
	if (!strcmp(p, "天"))
		return 6;
	for (i = 0; i < 7; i++)
		if (!strcmp(p, days[i]))
			return i;
	return -1;
}

/* A day's name in English (three letters or whole, any case) or Chinese:
 * 0 = Monday, or -1. */
static int weekday_name(const char *s)
{
	static const char *const days[] = {"monday", "tuesday", "wednesday",
					   "thursday", "friday", "saturday",
					   "sunday"};
	int i;

	for (i = 0; i < 7; i++)
		if ((strlen(s) == 3 && !strncasecmp(s, days[i], 3)) ||
		    !strcasecmp(s, days[i]))
			return i;
	return weekday_zh(s);
}

/* today, 明天 ...: days from today, or 0 with *ok unset. */
static int relative_word(const char *s, int *ok)
{
	static const struct {
		const char *word;
		int days;
	} words[] = {
		{"today", 0}, {"yesterday", -1}, {"tomorrow", 1},
		{"今天", 0}, {"昨天", -1}, {"明天", 1}, {"后天", 2}, {"前天", -2},
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (!strcasecmp(s, words[i].word)) {
			*ok = 1;
			return words[i].days;
		}
	*ok = 0;
	return 0;
}

/* +3d, -2w: days from today; 0 with *ok unset when s is not one. */
static int offset_days(const char *s, int *ok)
{
	size_t len = strlen(s), i;
	int n = 0;

	*ok = 0;
	if ((s[0] != '+' && s[0] != '-') || len < 3 || len > 7 ||
	    (s[len - 1] != 'd' && s[len - 1] != 'w'))
		return 0;
	for (i = 1; i < len - 1; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		n = n * 10 + (s[i] - '0');
	}
	*ok = 1;
	if (s[len - 1] == 'w')
		n *= 7;
	return s[0] == '-' ? -n : n;
}

/* Any form of SPEC 3's DATE; past: the date says when something
 * happened, so a month and day, or a day name, is the latest such day. */
static int when(gd_date *out, const char *s, gd_date today, int past)
{
	int ok, n, wd;
	const char *p;

	if (full_date(out, s) == 0 || month_day(out, s, today, past) == 0)
		return 0;
	n = relative_word(s, &ok);
	if (!ok)
		n = offset_days(s, &ok);
	if (ok) {
		*out = today + n;
		return 0;
	}
	/* that day of next (last) week, weeks going Monday to Sunday */
	if (starts(s, "下", &p) && (wd = weekday_zh(p)) >= 0) {
		*out = today - gd_date_weekday(today) + 7 + wd;
		return 0;
	}
	if (starts(s, "上", &p) && (wd = weekday_zh(p)) >= 0) {
		*out = today - gd_date_weekday(today) - 7 + wd;
		return 0;
	}
	if ((wd = weekday_name(s)) >= 0) {
		/* the next one (the last one), never today */
		int ahead = (wd - gd_date_weekday(today) + 7) % 7;
		int back = (gd_date_weekday(today) - wd + 7) % 7;

		*out = past ? today - (back ? back : 7) : today + (ahead ? ahead : 7);
		return 0;
	}
	return -1;
}

/* Refuse a date outside YEAR_MIN..YEAR_MAX, naming what was typed. */
static int plausible(gd_date d, const char *s)
{
	int y, m, dd;

	gd_date_to_ymd(d, &y, &m, &dd);
	if (y < YEAR_MIN || y > YEAR_MAX)
		return gd_error_set(GD_EINVALID,
				    _("date '%s' is not between the years 2000 and 2099"),
				    s);
	return 0;
}

static int when_parse(gd_date *out, const char *s, gd_date today, int past)
{
	gd_date d;

	if (when(&d, s, today, past) < 0)
		return gd_error_set(GD_EINVALID,
				    _("invalid date '%s': use YYYY-MM-DD, YYYY/MM/DD, 12月3日, today, tomorrow, 明天, +3d, +2w, -3d, a weekday (fri, 周五) or 下周一"),
				    s);
	if (plausible(d, s) < 0)
		return GD_EINVALID;
	*out = d;
	return 0;
}

int gd_when_parse(gd_date *out, const char *s, gd_date today)
{
	return when_parse(out, s, today, 0);
}

int gd_when_parse_past(gd_date *out, const char *s, gd_date today)
{
	return when_parse(out, s, today, 1);
}

static int time_parse(gd_time *out, const char *s, gd_date today, int past)
{
	gd_time t;
	gd_date d;

	if (iso(&t, s, 0) == 0) {
		if (plausible(gd_time_date(&t), s) < 0)
			return GD_EINVALID;
		*out = t;
		return 0;
	}
	if (when(&d, s, today, past) < 0)
		return gd_error_set(GD_EINVALID,
				    _("invalid time '%s': use ISO 8601 (2026-11-22T10:15:00+08:00), a local 2026-11-22 10:15, or a date"),
				    s);
	if (plausible(d, s) < 0)
		return GD_EINVALID;
	*out = gd_time_local(d, 9, 0);
	return 0;
}

int gd_time_parse(gd_time *out, const char *s, gd_date today)
{
	return time_parse(out, s, today, 0);
}

int gd_time_parse_past(gd_time *out, const char *s, gd_date today)
{
	return time_parse(out, s, today, 1);
}

void gd_time_format(char buf[GD_TIME_LEN], const gd_time *t)
{
	/* local mean time offsets have seconds, the written form has none: the
	 * clock moves with the rounded offset so the text names the same instant */
	int32_t off = t->off - t->off % 60;
	int64_t local = t->t + off;
	int64_t days = day_of(local);
	int64_t secs = local - days * 86400;
	int32_t aoff = off < 0 ? -off : off;
	char date[GD_DATE_LEN];

	gd_date_format(date, (gd_date)days);
	snprintf(buf, GD_TIME_LEN, "%.10sT%02u:%02u:%02u%c%02u:%02u", date,
		 (unsigned)(secs / 3600), (unsigned)(secs / 60 % 60),
		 (unsigned)(secs % 60), off < 0 ? '-' : '+',
		 (unsigned)(aoff / 3600) % 100u, (unsigned)(aoff / 60 % 60));
}

/* Ten years of 365.25 days. */
#define DURATION_MAX (INT64_C(3653) * 86400)

int gd_duration_parse(int64_t *secs, const char *s)
{
	size_t len = strlen(s), i;
	int64_t n = 0;

	if (len < 2 || len > 7)
		goto bad;
	for (i = 0; i < len - 1; i++) {
		if (!isdigit((unsigned char)s[i]))
			goto bad;
		n = n * 10 + (s[i] - '0');
	}
	switch (s[len - 1]) {
	case 'h': n *= 3600; break;
	case 'd': n *= 86400; break;
	case 'w': n *= INT64_C(7) * 86400; break;
	default: goto bad;
	}
	/* 999999w would carry a date past the year 20000 and wrap it */
	if (n > DURATION_MAX)
		return gd_error_set(GD_EINVALID,
				    _("duration '%s' is longer than 10 years"), s);
	*secs = n;
	return 0;
bad:
	return gd_error_set(GD_EINVALID,
			    _("invalid duration '%s': expected <n>h, <n>d or <n>w"), s);
}
