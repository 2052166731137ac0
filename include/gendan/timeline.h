/*
 * timeline.h - one timeline of a record's contacts and those of its
 * linked records (lib/timeline.c): a customer's own log merged with the
 * logs of its inquiries and orders (SPEC 3, `show`).
 */
#ifndef GENDAN_TIMELINE_H
#define GENDAN_TIMELINE_H

#include <stddef.h>

#include "gendan/dates.h"
#include "gendan/node.h"
#include "gendan/record.h"

typedef struct gd_timeline_item {
	const gd_record *rec; /* where it was logged */
	const gd_node *entry; /* the log entry, a mapping */
	gd_time at;           /* {0, 0} when its `at` is missing or unreadable */
} gd_timeline_item;

/*
 * The log entries of the n records, oldest first by the instant of their
 * `at` (offsets compared, not text); entries of one instant, and those
 * whose `at` does not read (first), in the order of recs and of each
 * log.  *out points into recs (free the array); *nout may be 0.
 */
void gd_timeline(gd_timeline_item **out, size_t *nout, gd_record *const *recs, size_t n);

#endif
