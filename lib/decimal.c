/*
 * decimal.c - money and quantities as exact decimals (see gendan/decimal.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "gendan/decimal.h"
#include "gendan/error.h"
#include "internal.h"

/* Append one digit to *v (a count of units), refusing an overflow. */
static int push_digit(int64_t *v, int digit)
{
	if (*v > (INT64_MAX - digit) / 10)
		return -1;
	*v = *v * 10 + digit;
	return 0;
}

/*
 * The integer part at *p: plain digits, or groups of three after a first
 * of one to three, all separated by the same ',' or ' '.  Advances *p
 * past it; -1 when it is none of these or too large.
 */
static int integer_part(int64_t *v, const char **p)
{
	const char *s = *p;
	char sep = 0;
	size_t run = 0;

	*v = 0;
	for (; *s; s++) {
		if (isdigit((unsigned char)*s)) {
			if (push_digit(v, *s - '0') < 0)
				return -1;
			run++;
			continue;
		}
		if (*s != ',' && *s != ' ')
			break;
		/* a separator: after a first group of 1-3, or a group of 3 */
		if (run == 0 || (sep && run != 3) || (!sep && run > 3) ||
		    (sep && *s != sep))
			return -1;
		sep = *s;
		run = 0;
	}
	if (run == 0 || (sep && run != 3))
		return -1;
	*p = s;
	return 0;
}

int gd_dec_parse(gd_dec *out, const char *s)
{
	const char *p = s;
	int64_t v;
	int neg = 0, places = 0;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (integer_part(&v, &p) < 0)
		goto bad;
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++, places++) {
			/* zeros past the fourth decimal say nothing */
			if (places >= GD_DEC_PLACES) {
				if (*p != '0')
					goto bad;
				continue;
			}
			if (push_digit(&v, *p - '0') < 0)
				goto bad;
		}
		if (places == 0)
			goto bad;
	}
	if (*p)
		goto bad;
	for (; places < GD_DEC_PLACES; places++)
		if (push_digit(&v, 0) < 0)
			goto bad;
	out->units = neg ? -v : v;
	return 0;
bad:
	return gd_error_set(GD_EINVALID,
			    _("invalid number '%s': use digits with '.' for at most 4 decimals, thousands grouped by ',' or a space (2,000.50)"),
			    s);
}

void gd_dec_format(char buf[GD_DEC_LEN], gd_dec d)
{
	/* unsigned, so that the most negative value has a magnitude too */
	uint64_t mag = d.units < 0 ? -(uint64_t)d.units : (uint64_t)d.units;
	unsigned frac = (unsigned)(mag % GD_DEC_ONE);
	int n, places = GD_DEC_PLACES;

	n = snprintf(buf, GD_DEC_LEN, "%s%llu", d.units < 0 ? "-" : "",
		     (unsigned long long)(mag / GD_DEC_ONE));
	if (!frac || n < 0)
		return;
	while (frac % 10 == 0) {
		frac /= 10;
		places--;
	}
	snprintf(buf + n, (size_t)(GD_DEC_LEN - n), ".%0*u", places, frac);
}

static int out_of_range(void)
{
	return gd_error_set(GD_EINVALID, _("amount out of range"));
}

int gd_dec_add(gd_dec *out, gd_dec a, gd_dec b)
{
	int64_t r;

	if (__builtin_add_overflow(a.units, b.units, &r))
		return out_of_range();
	out->units = r;
	return 0;
}

int gd_dec_sub(gd_dec *out, gd_dec a, gd_dec b)
{
	int64_t r;

	if (__builtin_sub_overflow(a.units, b.units, &r))
		return out_of_range();
	out->units = r;
	return 0;
}

/* 128 bits hold any product of two gd_dec before it is scaled back */
__extension__ typedef __int128 wide;

int gd_dec_mul(gd_dec *out, gd_dec a, gd_dec b)
{
	wide p = (wide)a.units * b.units;
	wide half = GD_DEC_ONE / 2;
	wide q = (p + (p < 0 ? -half : half)) / GD_DEC_ONE;

	if (q > INT64_MAX || q < INT64_MIN)
		return out_of_range();
	out->units = (int64_t)q;
	return 0;
}
