/*
 * helpers.h - what the unit tests share: records, dates and times made
 * from text and a record's text, failing the test when one is not valid.  Include it
 * after <cmocka.h>.
 */
#ifndef GENDAN_TEST_HELPERS_H
#define GENDAN_TEST_HELPERS_H

#include <string.h>

#include "gendan/dates.h"
#include "gendan/error.h"
#include "gendan/record.h"

/* The record at path (which decides its kind and id) of that YAML. */
static inline gd_record *test_record(const char *path, const char *text)
{
	gd_record *r = NULL;

	if (gd_record_parse(&r, path, text, strlen(text)) < 0)
		fail_msg("parse: %s", gd_error_last());
	return r;
}

/* The canonical text of r (malloc'd). */
static inline char *test_emit(gd_record *r)
{
	char *out = NULL;
	size_t len;

	assert_int_equal(gd_record_emit(&out, &len, r), 0);
	return out;
}

/* The date of "YYYY-MM-DD". */
static inline gd_date test_date(const char *s)
{
	gd_date d = 0;

	assert_int_equal(gd_date_parse(&d, s), 0);
	return d;
}

/* The time of an ISO 8601 text with its offset. */
static inline gd_time test_time(const char *iso)
{
	gd_time t = {0, 0};

	assert_int_equal(gd_time_parse_iso(&t, iso), 0);
	return t;
}

#endif
