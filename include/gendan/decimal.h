/*
 * decimal.h - money and quantities as exact decimals (SPEC 2.2).
 *
 * A gd_dec is an integer count of ten-thousandths, so 7.8 is read, added,
 * written and printed as 7.8, never 7.7999999999999998, and sums are
 * exact.  Four decimals hold a unit price of 0.0125; the range, about
 * ±9.2e14, holds any amount a ledger sees.
 */
#ifndef GENDAN_DECIMAL_H
#define GENDAN_DECIMAL_H

#include <stdint.h>

typedef struct {
	int64_t units; /* the value times GD_DEC_ONE */
} gd_dec;

#define GD_DEC_ONE 10000
#define GD_DEC_PLACES 4
#define GD_DEC_LEN 32 /* the longest text gd_dec_format writes, with NUL */

/*
 * A number as people write it: an optional '-', digits with '.' as the
 * decimal mark (at most four decimals), thousands grouped by ',' or by a
 * space when each group after the first has exactly three digits (2,000,
 * 2 000, 1,234.50; not 1,5 nor 12,34,567).  Nothing else: no '+', no
 * exponent, no spaces around.  GD_EINVALID naming s otherwise.
 */
int gd_dec_parse(gd_dec *out, const char *s);

/* The shortest text of d: 7.8, 3202.5, 2000, -0.0125. */
void gd_dec_format(char buf[GD_DEC_LEN], gd_dec d);

/* a + b, a - b, a * b (rounded half away from zero to four decimals):
 * GD_EINVALID when the result is out of range, *out untouched. */
int gd_dec_add(gd_dec *out, gd_dec a, gd_dec b);
int gd_dec_sub(gd_dec *out, gd_dec a, gd_dec b);
int gd_dec_mul(gd_dec *out, gd_dec a, gd_dec b);

/* <0, 0, >0 as a is less than, equal to or greater than b. */
static inline int gd_dec_cmp(gd_dec a, gd_dec b)
{
	return (a.units > b.units) - (a.units < b.units);
}

#endif
