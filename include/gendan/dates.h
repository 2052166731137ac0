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

/* DATE or WHEN: YYYY-MM-DD, today, yesterday, tomorrow, +Nd, +Nw, -Nd, -Nw,
 * and weekday names mon..sun (also monday..sunday): the next one, never
 * today.  Case-insensitive words.  Nothing else. */
int gd_when_parse(gd_date *out, const char *s, gd_date today);

/* TIME: ISO 8601 with offset (2026-11-22T10:15:00+08:00, seconds optional,
 * Z allowed), or any DATE form of gd_when_parse() at 09:00 local. */
int gd_time_parse(gd_time *out, const char *s, gd_date today);

/* Strict record form of a time: ISO 8601 with offset or Z only. */
int gd_time_parse_iso(gd_time *out, const char *s);

void gd_date_format(char buf[GD_DATE_LEN], gd_date d);
/* 2026-11-22T10:15:00+08:00 in the time's own offset ("Z" never written). */
void gd_time_format(char buf[GD_TIME_LEN], const gd_time *t);

/* Durations "<n>h", "<n>d", "<n>w", n a non-negative integer, to seconds. */
int gd_duration_parse(int64_t *secs, const char *s);

/* Whole days d2 - d1. */
static inline int32_t gd_date_diff(gd_date d2, gd_date d1) { return d2 - d1; }

#endif
