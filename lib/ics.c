/*
 * ics.c - iCalendar export (see gendan/ics.h, RFC 5545).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gendan/due.h"
#include "gendan/ics.h"
#include "internal.h"

/* Escape TEXT (RFC 5545 3.3.11) and fold the content line at 75 octets,
 * never inside a UTF-8 character. */
static void line(gd__buf *b, const char *name, const char *value, int text)
{
	gd__buf l = {0};
	size_t i, col = 0;
	const char *p;

	gd__buf_puts(&l, name);
	for (p = value; *p; p++) {
		if (text && (*p == '\\' || *p == ';' || *p == ','))
			gd__buf_putc(&l, '\\');
		if (text && *p == '\n') {
			gd__buf_puts(&l, "\\n");
			continue;
		}
		if (text && (*p == '\r' || (unsigned char)*p < 0x20))
			continue;
		gd__buf_putc(&l, *p);
	}
	for (i = 0; i < l.len; i++) {
		unsigned char c = (unsigned char)l.buf[i];
		size_t clen = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
		if (col + clen > 75) {
			gd__buf_puts(b, "\r\n ");
			col = 1;
		}
		gd__buf_add(b, l.buf + i, clen);
		i += clen - 1;
		col += clen;
	}
	gd__buf_puts(b, "\r\n");
	gd__buf_free(&l);
}

char *gd_ics(gd_record *const *recs, size_t n, const gd_config *cfg,
	     gd_date today, const char *stamp)
{
	gd__buf b = {0};
	size_t i, j;

	gd__buf_puts(&b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//gendan//gendan//EN\r\n"
			 "CALSCALE:GREGORIAN\r\n");
	for (i = 0; i < n; i++) {
		gd_due_item *items = NULL, *first = NULL;
		size_t ni = 0;
		char d1[GD_DATE_LEN], d2[GD_DATE_LEN], ymd[9], next[9], *s;
		const char *name = gd_record_name(recs[i]);
		gd_time at;
		const gd_node *last;

		gd_due_record(&items, &ni, recs[i], cfg, today);
		for (j = 0; j < ni; j++)
			if (!first || items[j].due < first->due)
				first = &items[j];
		if (!first) {
			gd_due_items_free(items, ni);
			continue;
		}
		gd_date_format(d1, first->due);
		gd_date_format(d2, first->due + 1);
		snprintf(ymd, sizeof(ymd), "%.4s%.2s%.2s", d1, d1 + 5, d1 + 8);
		snprintf(next, sizeof(next), "%.4s%.2s%.2s", d2, d2 + 5, d2 + 8);
		gd__buf_puts(&b, "BEGIN:VEVENT\r\n");
		s = gd__xasprintf("%s-%s@gendan", gd_kind_name(recs[i]->kind), recs[i]->id);
		line(&b, "UID:", s, 0);
		free(s);
		line(&b, "DTSTAMP:", stamp, 0);
		line(&b, "DTSTART;VALUE=DATE:", ymd, 0);
		line(&b, "DTEND;VALUE=DATE:", next, 0);
		s = gd__xasprintf("%s: %s", gd_due_reason_name(first->reason),
				  name ? name : recs[i]->id);
		line(&b, "SUMMARY:", s, 1);
		free(s);
		if ((last = gd_record_last_log(recs[i], &at))) {
			const char *note = gd_node_str(last, "note");
			char d[GD_DATE_LEN];
			gd_date_format(d, gd_time_date(&at));
			s = gd__xasprintf("%s\nlast contact %s%s%s", first->detail, d,
					  note ? ": " : "", note ? note : "");
		} else {
			s = gd__xstrdup(first->detail);
		}
		line(&b, "DESCRIPTION:", s, 1);
		free(s);
		gd__buf_puts(&b, "END:VEVENT\r\n");
		gd_due_items_free(items, ni);
	}
	gd__buf_puts(&b, "END:VCALENDAR\r\n");
	return gd__buf_detach(&b, NULL);
}
