/*
 * phone.h - phone numbers compared in E.164 form (SPEC 3, duplicate check).
 *
 * A record keeps a number as the user typed it; gendan compares the E.164
 * form of it: +86 574 8888 1234, 0086-574-88881234, 0574-8888-1234 (with
 * phone-region CN), +86 (0)574 8888 1234 and ＋８６ ５７４ ８８８８ １２３４ are
 * all +8657488881234.
 */
#ifndef GENDAN_PHONE_H
#define GENDAN_PHONE_H

/*
 * The E.164 form of a number as typed: full-width digits and plus fold to
 * ASCII, separators go, a leading 00 is +, a "(0)" after the country code
 * and the trunk prefix of a national number go, and a number without + or
 * 00 gets the country code of region (an ISO 3166 code such as "CN").
 * Without a region such a number is its digits alone, without '+'.  What
 * follows the number (an extension: "x12", "ext. 12") is left out.
 * Malloc'd; "" when the text holds no digit.
 */
char *gd_phone_e164(const char *typed, const char *region);

/* Is region (any case) a country gendan knows the calling code of? */
int gd_phone_region_known(const char *region);

#endif
