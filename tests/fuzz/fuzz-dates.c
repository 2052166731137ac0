/*
 * fuzz-dates.c - DATE, WHEN, TIME, duration and id parsers on arbitrary
 * text: never a crash, and what parses formats back to something that
 * parses to the same value.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gendan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[GD_TIME_LEN], *slug;
	gd_date d, d2;
	gd_time t, t2;
	int64_t secs;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (gd_when_parse(&d, s, 20000) == 0 && d > -700000 && d < 2900000) {
		gd_date_format(buf, d);
		if (gd_date_parse(&d2, buf) < 0 || d2 != d)
			abort();
	}
	if (gd_time_parse_iso(&t, s) == 0) {
		gd_time_format(buf, &t);
		if (gd_time_parse_iso(&t2, buf) < 0 || t2.t != t.t)
			abort();
	}
	gd_time_parse(&t, s, 20000);
	gd_duration_parse(&secs, s);
	if (gd_id_valid(s) && (strstr(s, "..") || strchr(s, '/')))
		abort();
	slug = gd_slug(s, 48);
	if (*slug && !gd_id_valid(slug))
		abort();
	free(slug);
	free(s);
	return 0;
}
