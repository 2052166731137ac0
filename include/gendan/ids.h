/*
 * ids.h - record ids, shards, and the normal forms used to spot duplicates.
 *
 * An id is [a-z0-9][a-z0-9._-]{0,63} without "..".  The shard of an id is two
 * lowercase hex digits: the low byte of the 32-bit FNV-1a hash of the id's
 * bytes, so customers/<shard>/<id>.yaml spreads 100,000 records over 256
 * folders and every clone computes the same place.
 */
#ifndef GENDAN_IDS_H
#define GENDAN_IDS_H

#include <stddef.h>
#include <stdint.h>

#define GD_ID_MAX 64

int gd_id_valid(const char *id);

/* Two lowercase hex digits and a NUL. */
void gd_shard(char out[3], const char *id);

uint32_t gd_fnv1a(const void *data, size_t len);

/* Slug: ASCII letters and digits lowercased, every run of other characters
 * one '-', trimmed of '-', at most `max` bytes (then trimmed of '-' again).
 * "" when the text has no ASCII letter or digit.  Malloc'd. */
char *gd_slug(const char *text, size_t max);

/* Lowercased email, trimmed; NULL when it has no single '@' with text on
 * both sides.  Malloc'd. */
char *gd_email_norm(const char *email);

/* The lowercased domain of an email ("a@B.com" -> "b.com"), or NULL.
 * Malloc'd. */
char *gd_email_domain(const char *email);

/* 1 when domain (lowercase) is a free-mail domain: the built-in list
 * (gmail.com, yahoo.com, hotmail.com, outlook.com, qq.com, 163.com, 126.com,
 * sina.com, ...) or one of extra[0..nextra). */
int gd_freemail(const char *domain, char *const *extra, size_t nextra);

/* Normalised company name: NFKC, lowercased, letters and digits only, legal
 * forms removed (Co., Company, Ltd, Limited, LLC, Inc, Corp, GmbH, AG,
 * S.R.L./SRL, S.p.A., S.A., AB, B.V., 有限公司, 股份有限公司, 有限责任公司 ...).
 * "" when nothing is left.  Malloc'd. */
char *gd_name_norm(const char *name);

/* Case-insensitive (Unicode case folding) substring test; works for Chinese. */
int gd_text_contains(const char *haystack, const char *needle);

/* Text as gd_text_contains compares it: NFKC, case folded (a copy when it
 * is not UTF-8).  strstr(gd_text_fold(h), gd_text_fold(n)) is
 * gd_text_contains(h, n) for a needle not empty.  Malloc'd. */
char *gd_text_fold(const char *s);

/* Terminal display width of UTF-8 text (CJK wide characters count 2). */
size_t gd_text_width(const char *s);

#endif
