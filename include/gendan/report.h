/*
 * report.h - the assistant's weekly report and the boss's monthly A-list.
 * Reports read only the records (log times, dates), so the same history
 * gives the same report for a past date.
 */
#ifndef GENDAN_REPORT_H
#define GENDAN_REPORT_H

#include <stddef.h>

#include "gendan/config.h"
#include "gendan/record.h"

typedef enum { GD_REPORT_WEEK, GD_REPORT_MONTH } gd_report_kind;

/* Markdown (json 0) or JSON (json 1) for the week (Monday to Sunday) or
 * month holding `day`; owner NULL for the whole team.  Malloc'd. */
char *gd_report(gd_report_kind kind, gd_record *const *recs, size_t n,
		const gd_config *cfg, gd_date day, const char *owner, int json);

#endif
