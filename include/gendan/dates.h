/*
 * dates.h - dates, times, durations and "now".
 *
 * A gd_date is a civil day (days since 1970-01-01, proleptic Gregorian).  A
 * gd_time is an instant plus the UTC offset it was written with, so a time
 * read from a record is written back the same.  Dates are compared in the
 * local time zone (TZ): the local date of an instant is what "today" means.
 * "Now" is the clock, or $GENDAN_NOW when set (every test relies on this).
 */
#ifndef GENDAN_DATES_H
#define GENDAN_DATES_H

#include <stdint.h>

typedef int32_t gd_date;

typedef struct {
	int64_t t;  /* seconds since the epoch, UTC */
	int32_t off; /* UTC offset in seconds it is written with */
} gd_time;

#define GD_DATE_LEN 11  /* "YYYY-MM-DD" + NUL */
#define GD_TIME_LEN 26  /* "YYYY-MM-DDTHH:MM:SS+HH:MM" + NUL */

/* Now: $GENDAN_NOW (an ISO 8601 time, with or without offset, or a
 * YYYY-MM-DD date meaning its local midnight) or the clock, with the local
 * offset.  Error when $GENDAN_NOW is set but not valid. */
int gd_now(gd_time *out);

/* The local date of an instant. */
gd_date gd_time_date(const gd_time *t);

/* The instant at hh:mm local time on date d, with the local offset. */
gd_time gd_time_local(gd_date d, int hh, int mm);

/* Civil conversions. */
gd_date gd_date_from_ymd(int y, int m, int d);
void gd_date_to_ymd(gd_date date, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday */
int gd_date_weekday(gd_date d);

/* Strict "YYYY-MM-DD" of a date that exists (2026-02-30 is refused). */
int gd_date_parse(gd_date *out, const char *s);

/*
 * DATE or WHEN as people type them (SPEC 3): YYYY-MM-DD, YYYY/MM/DD,
 * YYYY.MM.DD and YYYY年M月D日 (month and day of one or two digits);
 * M月D日, the next such day, today included; today, yesterday, tomorrow,
 * 今天, 昨天, 明天, 后天, 前天; +Nd, +Nw, -Nd, -Nw; day names (mon, monday,
 * 周一, 星期一, 礼拜一 ...), the next one, never today; 下周一 and 上周一,
 * that day of next or last week.  English words in any case.  A date
 * outside the years 2000-2099 is refused.
 */
int gd_when_parse(gd_date *out, const char *s, gd_date today);

/* The same for a date that says when something happened (--at, --done,
 * --received, a report's date, an import): M月D日 is the most recent such
 * day, today included, and a day name the last one, never today. */
int gd_when_parse_past(gd_date *out, const char *s, gd_date today);

/* TIME: ISO 8601 with offset (2026-11-22T10:15:00+08:00, seconds optional,
 * Z allowed), a local YYYY-MM-DD HH:MM or YYYY-MM-DDTHH:MM, or any DATE
 * form at 09:00 local; gd_time_parse_past reads a DATE as
 * gd_when_parse_past does.  Outside 2000-2099: refused. */
int gd_time_parse(gd_time *out, const char *s, gd_date today);
int gd_time_parse_past(gd_time *out, const char *s, gd_date today);

/* Strict record form of a time: ISO 8601 with offset or Z only. */
int gd_time_parse_iso(gd_time *out, const char *s);

void gd_date_format(char buf[GD_DATE_LEN], gd_date d);
/* 2026-11-22T10:15:00+08:00 in the time's own offset ("Z" never written). */
void gd_time_format(char buf[GD_TIME_LEN], const gd_time *t);

/* Durations "<n>h", "<n>d", "<n>w", n a non-negative integer, to seconds;
 * longer than ten years is refused. */
int gd_duration_parse(int64_t *secs, const char *s);

/* Whole days d2 - d1. */
static inline int32_t gd_date_diff(gd_date d2, gd_date d1) { return d2 - d1; }

#endif
