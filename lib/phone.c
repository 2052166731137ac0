/*
 * phone.c - phone numbers in E.164 form (see gendan/phone.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/phone.h"
#include "internal.h"

/*
 * Country calling codes are prefix-free (ITU-T Recommendation E.164,
 * "List of ITU-T Recommendation E.164 assigned country codes", ITU
 * Operational Bulletin, 2016, and its amendments): 1 and 7 are the only
 * one-digit codes, these are every two-digit code, and every other code
 * has three digits.  That is all it takes to find where a number's
 * country code ends.
 */
static const char two_digit_codes[][3] = {
	"20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41",
	"43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54",
	"55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66",
	"81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
};

static size_t code_length(const char *digits)
{
	size_t i;

	if (digits[0] == '1' || digits[0] == '7')
		return 1;
	for (i = 0; i < sizeof(two_digit_codes) / sizeof(*two_digit_codes); i++)
		if (!strncmp(digits, two_digit_codes[i], 2))
			return 2;
	return 3;
}

/*
 * Regions a ledger may name as phone-region: their calling code and the
 * trunk prefix dialled before a national number (from each country's
 * numbering plan as notified to the ITU, "National Numbering Plans",
 * ITU-T E.164 supplement pages).  "" where a country dials none, as in
 * Italy, whose numbers keep their leading 0 after +39.
 */
static const struct region {
	char iso[3];
	char code[4];
	char trunk[2];
} regions[] = {
	{"AE", "971", "0"}, {"AF", "93", "0"}, {"AR", "54", "0"},
	{"AT", "43", "0"}, {"AU", "61", "0"}, {"BD", "880", "0"},
	{"BE", "32", "0"}, {"BG", "359", "0"}, {"BH", "973", ""},
	{"BR", "55", "0"}, {"BY", "375", "8"}, {"CA", "1", "1"},
	{"CH", "41", "0"}, {"CL", "56", ""}, {"CN", "86", "0"},
	{"CO", "57", ""}, {"CY", "357", ""}, {"CZ", "420", ""},
	{"DE", "49", "0"}, {"DK", "45", ""}, {"DZ", "213", "0"},
	{"EE", "372", ""}, {"EG", "20", "0"}, {"ES", "34", ""},
	{"ET", "251", "0"}, {"FI", "358", "0"}, {"FR", "33", "0"},
	{"GB", "44", "0"}, {"GH", "233", "0"}, {"GR", "30", ""},
	{"HK", "852", ""}, {"HR", "385", "0"}, {"ID", "62", "0"},
	{"IE", "353", "0"}, {"IL", "972", "0"}, {"IN", "91", "0"},
	{"IQ", "964", "0"}, {"IR", "98", "0"}, {"IS", "354", ""},
	{"IT", "39", ""}, {"JO", "962", "0"}, {"JP", "81", "0"},
	{"KE", "254", "0"}, {"KH", "855", "0"}, {"KR", "82", "0"},
	{"KW", "965", ""}, {"KZ", "7", "8"}, {"LB", "961", "0"},
	{"LK", "94", "0"}, {"LU", "352", ""}, {"LV", "371", ""},
	{"MA", "212", "0"}, {"MM", "95", "0"}, {"MO", "853", ""},
	{"MT", "356", ""}, {"MX", "52", ""}, {"MY", "60", "0"},
	{"NG", "234", "0"}, {"NL", "31", "0"}, {"NO", "47", ""},
	{"NP", "977", "0"}, {"NZ", "64", "0"}, {"OM", "968", ""},
	{"PE", "51", "0"}, {"PH", "63", "0"}, {"PK", "92", "0"},
	{"PL", "48", ""}, {"PT", "351", ""}, {"QA", "974", ""},
	{"RO", "40", "0"}, {"RS", "381", "0"}, {"RU", "7", "8"},
	{"SA", "966", "0"}, {"SE", "46", "0"}, {"SG", "65", ""},
	{"SI", "386", "0"}, {"SK", "421", "0"}, {"SY", "963", "0"},
	{"TH", "66", "0"}, {"TN", "216", "0"}, {"TR", "90", "0"},
	{"TW", "886", "0"}, {"TZ", "255", "0"}, {"UA", "380", "0"},
	{"US", "1", "1"}, {"VN", "84", "0"}, {"ZA", "27", "0"},
};

static const struct region *region_of(const char *iso)
{
	size_t i;

	if (!iso)
		return NULL;
	for (i = 0; i < sizeof(regions) / sizeof(*regions); i++)
		if (!strcasecmp(iso, regions[i].iso))
			return &regions[i];
	return NULL;
}

int gd_phone_region_known(const char *region)
{
	return region_of(region) != NULL;
}

/* The trunk prefix a country's numbers drop after its calling code, or
 * "" when its code is not one of the regions above or it has none. */
static const char *trunk_of_code(const char *code, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(regions) / sizeof(*regions); i++)
		if (strlen(regions[i].code) == len &&
		    !strncmp(regions[i].code, code, len))
			return regions[i].trunk;
	return "";
}

/*
 * The number's digits, ASCII, with *plus set when it starts with '+'
 * (also the full-width U+FF0B) and "(0)" left out; stops at a letter
 * (an extension).  out has room for strlen(typed) + 1.
 */
static void fold(char *out, const char *typed, int *plus)
{
	const unsigned char *p = (const unsigned char *)typed;
	char *o = out;

	*plus = 0;
	while (*p) {
		/* full-width digits U+FF10..U+FF19 and plus U+FF0B */
		if (p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 && p[2] <= 0x99) {
			*o++ = (char)('0' + (p[2] - 0x90));
			p += 3;
		} else if (p[0] == 0xef && p[1] == 0xbc && p[2] == 0x8b) {
			*plus |= o == out;
			p += 3;
		} else if (*p == '+') {
			*plus |= o == out;
			p++;
		} else if (!strncmp((const char *)p, "(0)", 3) && o > out) {
			p += 3;
		} else if (isdigit(*p)) {
			*o++ = (char)*p++;
		} else if (isalpha(*p)) {
			break;
		} else {
			p++;
		}
	}
	*o = '\0';
}

char *gd_phone_e164(const char *typed, const char *region)
{
	const struct region *r = region_of(region);
	char *digits = gd__xmalloc(strlen(typed) + 1), *d = digits, *out;
	const char *trunk;
	size_t cc, tl;
	int plus;

	fold(digits, typed, &plus);
	if (!plus && d[0] == '0' && d[1] == '0') {
		plus = 1;
		d += 2;
	}
	if (!*d) {
		free(digits);
		return gd__xstrdup("");
	}
	if (plus) {
		/* a national trunk prefix written after the country code */
		cc = code_length(d);
		trunk = trunk_of_code(d, cc);
		tl = strlen(trunk);
		if (tl && strlen(d) > cc + tl && !strncmp(d + cc, trunk, tl) &&
		    *trunk == '0')
			memmove(d + cc, d + cc + tl, strlen(d + cc + tl) + 1);
		out = gd__xasprintf("+%s", d);
	} else if (r) {
		tl = strlen(r->trunk);
		/* in North America a 1 before ten digits, elsewhere the prefix */
		if (tl && !strncmp(d, r->trunk, tl) &&
		    (strcmp(r->code, "1") || strlen(d) == 11))
			d += tl;
		out = gd__xasprintf("+%s%s", r->code, d);
	} else {
		out = gd__xstrdup(d);
	}
	free(digits);
	return out;
}
