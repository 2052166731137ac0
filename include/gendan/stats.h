/*
 * stats.h - the counts of `gendan stats`: records by a field, and how many
 * inquiries became orders.
 */
#ifndef GENDAN_STATS_H
#define GENDAN_STATS_H

#include <stddef.h>

#include "gendan/record.h"

/* The counts of `gendan stats`. */
typedef struct gd_stat_bucket {
	char *key;            /* "(none)" for records without the field */
	size_t n;
} gd_stat_bucket;

typedef struct gd_stats {
	gd_stat_bucket *b;    /* most first, then by key */
	size_t nb;
	size_t total;         /* rows: the sum of the buckets' counts */
	size_t records;       /* records counted (one may make several rows) */
	size_t inquiries;     /* of which inquiries */
	size_t won;           /* inquiries won, or whose customer has an order */
} gd_stats;

/*
 * Count the records of recs (of kind, or every kind when -1) by the field
 * `by`: tier, country, owner, source, status, product, or any other
 * top-level field.  Tier is a customer's tier or an inquiry's grade; country and
 * source those of an inquiry's sender and channel; product counts each
 * product of an order once, and no customer.  A record without a value
 * counts under "(none)".  Clear *out with gd_stats_clear.
 */
int gd_stats_count(gd_stats *out, gd_record *const *recs, size_t nrecs,
		   const char *by, int kind);
void gd_stats_clear(gd_stats *s);

#endif
