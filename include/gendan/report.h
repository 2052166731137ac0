/*
 * report.h - the weekly report and the monthly A-list (SPEC 3.5).
 *
 * A report reads two sets of records.  Events in the period (contacts,
 * new inquiries and their replies, receipts) come from today's records by
 * their own times, so work synced late counts where it happened.  States
 * at the period's end (tiers and the A-list, statuses, holds, money
 * outstanding, overdue items) come from the records as they stood then:
 * for a period that has ended, the ledger's snapshot at its end
 * (gd_ledger_snapshot); for the current one, today's records, overdue as
 * of now.  Nothing in a report says when it was made, so a past period's
 * report prints the same bytes whenever it is run.
 */
#ifndef GENDAN_REPORT_H
#define GENDAN_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "gendan/config.h"
#include "gendan/dates.h"
#include "gendan/due.h"
#include "gendan/record.h"

typedef enum { GD_REPORT_WEEK, GD_REPORT_MONTH } gd_report_kind;

typedef enum { GD_REPORT_MD, GD_REPORT_JSON, GD_REPORT_HTML } gd_report_format;

typedef struct {
	gd_report_kind kind;
	gd_date from, to;     /* its first and last day */
	int64_t start, end;   /* its first and last second, local time */
	int past;             /* it ended before now */
	int64_t at;           /* states as of: end when past, else now */
	gd_date at_day;       /* the local date of at */
} gd_report_period;

/* The week (Monday to Sunday) or calendar month holding day, in the
 * local time zone, seen at now. */
void gd_report_period_of(gd_report_period *p, gd_report_kind kind,
			 gd_date day, const gd_time *now);

/*
 * Is it overdue at `at` (a time on the local day at_day)?  A reply owed
 * is overdue once `received` + reply-within has passed (*late in
 * seconds); anything else once its day is before at_day (*late in days).
 */
int gd_report_overdue(const gd_due_item *it, const gd_config *cfg,
		      int64_t at, gd_date at_day, int64_t *late);

/*
 * The report of period p, for owner's records (NULL: the whole team):
 * events from recs (today's), states from state (as they stood at p->at;
 * recs itself for the current period).  A record is named, and counted
 * as an owner's, as it stood at p->at when state has it (a record made
 * later: as it is).  Markdown, JSON or one self-contained HTML page.
 * Malloc'd.
 *
 * A money total leaves out an amount it cannot count (not a decimal, or
 * the sum beyond gd_dec's range): the report marks that total ("(1 amount
 * unreadable, not counted)", in JSON the lists received_not_counted and
 * outstanding_not_counted), and bad(ctx, message), when bad is not NULL,
 * names each one's record and field, one line each.
 */
char *gd_report(const gd_report_period *p, gd_record *const *recs, size_t n,
		gd_record *const *state, size_t nstate, const gd_config *cfg,
		const char *owner, gd_report_format format,
		void (*bad)(void *ctx, const char *message), void *ctx);

#endif
