/*
 * ics.h - iCalendar export: one all-day event for each record's next due
 * item, of the records the caller chose, no horizon; UIDs stable across exports so a calendar
 * updates events instead of doubling them.
 */
#ifndef GENDAN_ICS_H
#define GENDAN_ICS_H

#include <stddef.h>

#include "gendan/config.h"
#include "gendan/record.h"

/* stamp: DTSTAMP as YYYYMMDDTHHMMSSZ.  Malloc'd, CRLF lines folded at 75
 * octets. */
char *gd_ics(gd_record *const *recs, size_t n, const gd_config *cfg,
	     gd_date today, const char *stamp);

#endif
