/*
 * ids.c - record ids, shards, and normal forms for the duplicate check
 * (see gendan/ids.h).  Unicode work (NFKC, case folding, display width)
 * is utf8proc's.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "gendan/ids.h"
#include "internal.h"

int gd_id_valid(const char *id)
{
	size_t i, n;

	if (!id || !*id || (n = strlen(id)) > GD_ID_MAX)
		return 0;
	if (!islower((unsigned char)id[0]) && !isdigit((unsigned char)id[0]))
		return 0;
	for (i = 1; i < n; i++) {
		char c = id[i];
		if (!islower((unsigned char)c) && !isdigit((unsigned char)c) &&
		    c != '.' && c != '_' && c != '-')
			return 0;
	}
	return strstr(id, "..") == NULL;
}

uint32_t gd_fnv1a(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 16777619u;
	}
	return h;
}

void gd_shard(char out[3], const char *id)
{
	static const char hex[] = "0123456789abcdef";
	uint32_t h = gd_fnv1a(id, strlen(id));

	out[0] = hex[(h >> 4) & 0xf];
	out[1] = hex[h & 0xf];
	out[2] = '\0';
}

char *gd_slug(const char *text, size_t max)
{
	size_t n = strlen(text), o = 0;
	char *out = gd__xmalloc(n + 1);
	int dash = 0;

	for (; *text; text++) {
		unsigned char c = (unsigned char)*text;
		if (c < 0x80 && isalnum(c)) {
			if (dash && o)
				out[o++] = '-';
			dash = 0;
			out[o++] = (char)tolower(c);
		} else {
			dash = 1;
		}
	}
	if (o > max)
		o = max;
	while (o && out[o - 1] == '-')
		o--;
	out[o] = '\0';
	return out;
}

char *gd_email_norm(const char *email)
{
	const char *at, *start = email, *end;
	char *out, *p;

	while (isspace((unsigned char)*start))
		start++;
	end = start + strlen(start);
	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	at = memchr(start, '@', (size_t)(end - start));
	if (!at || at == start || at + 1 == end ||
	    memchr(at + 1, '@', (size_t)(end - at - 1)))
		return NULL;
	out = gd__xstrndup(start, (size_t)(end - start));
	for (p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

char *gd_email_domain(const char *email)
{
	char *norm = gd_email_norm(email), *domain;

	if (!norm)
		return NULL;
	domain = gd__xstrdup(strchr(norm, '@') + 1);
	free(norm);
	return domain;
}

static const char *const freemail[] = {
	"gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.co.in",
	"yahoo.co.jp", "ymail.com", "hotmail.com", "hotmail.co.uk", "live.com",
	"msn.com", "outlook.com", "icloud.com", "me.com", "aol.com", "mail.com",
	"gmx.de", "gmx.net", "web.de", "mail.ru", "yandex.ru", "protonmail.com",
	"proton.me", "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net",
	"sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com", "naver.com",
	"daum.net", "hanmail.net", "rediffmail.com", NULL};

int gd_freemail(const char *domain, char *const *extra, size_t nextra)
{
	size_t i;

	for (i = 0; freemail[i]; i++)
		if (!strcasecmp(domain, freemail[i]))
			return 1;
	for (i = 0; i < nextra; i++)
		if (!strcasecmp(domain, extra[i]))
			return 1;
	return 0;
}

char *gd_text_fold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE |
						  UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
						  UTF8PROC_CASEFOLD);
	char *copy;

	if (n < 0)
		return gd__xstrdup(s);
	copy = gd__xstrdup((char *)out);
	free(out);
	return copy;
}

/* Legal forms as the letters that remain of them, lowercased. */
static const char *const legal[] = {
	"co", "company", "corp", "corporation", "inc", "incorporated", "ltd",
	"limited", "llc", "llp", "plc", "gmbh", "ag", "kg", "ohg", "srl", "spa",
	"sa", "sas", "sarl", "ab", "bv", "nv", "oy", "as", "aps", "pty", "pte",
	"bhd", "sdn", "kk", "sac", "ltda", "jsc", "spzoo", "zoo", "sp", NULL};

static const char *const legal_zh[] = {"股份有限公司", "有限责任公司",
				       "有限公司", "公司", NULL};

static int is_legal(const char *word)
{
	size_t i;

	for (i = 0; legal[i]; i++)
		if (!strcmp(word, legal[i]))
			return 1;
	return 0;
}

char *gd_name_norm(const char *name)
{
	char *f = gd_text_fold(name);
	gd__buf out = {0}, word = {0}, run = {0};
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)f;
	size_t i, k;

	/*
	 * Words are runs of letters and digits; "S.p.A." is a run of
	 * one-letter words, so single letters joined by dots are put together
	 * first and judged as one word.
	 */
	for (;;) {
		utf8proc_int32_t cp = 0;
		utf8proc_ssize_t len = *p ? utf8proc_iterate(p, -1, &cp) : 0;
		int alnum = 0;

		if (len < 0) {
			len = 1;
			cp = -1;
		}
		if (len > 0 && cp >= 0) {
			utf8proc_category_t cat = utf8proc_category(cp);
			alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
				(cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
		}
		if (alnum) {
			gd__buf_add(&word, (const char *)p, (size_t)len);
		} else if (word.len || !len) {
			/* a one-letter word joins a run of them: s.p.a */
			if (word.len == 1 && len && *p == '.') {
				gd__buf_add(&run, word.buf, word.len);
			} else {
				if (word.len == 1 && run.len) {
					gd__buf_add(&run, word.buf, word.len);
					word.len = 0;
				}
				if (run.len) {
					if (!is_legal(run.buf))
						gd__buf_add(&out, run.buf, run.len);
					run.len = 0;
					run.buf[0] = '\0';
				}
				if (word.len && !is_legal(word.buf))
					gd__buf_add(&out, word.buf, word.len);
			}
			word.len = 0;
			if (word.buf)
				word.buf[0] = '\0';
		}
		if (!len)
			break;
		p += len;
	}
	gd__buf_free(&word);
	gd__buf_free(&run);
	free(f);
	f = gd__buf_detach(&out, NULL);
	/* Chinese legal forms end the name: strip the longest that fits */
	for (k = 0; k < 2; k++) {
		size_t n = strlen(f);
		for (i = 0; legal_zh[i]; i++) {
			size_t l = strlen(legal_zh[i]);
			if (n > l && !strcmp(f + n - l, legal_zh[i])) {
				f[n - l] = '\0';
				break;
			}
		}
	}
	return f;
}

int gd_text_contains(const char *haystack, const char *needle)
{
	char *h, *n;
	int found;

	if (!*needle)
		return 1;
	h = gd_text_fold(haystack);
	n = gd_text_fold(needle);
	found = strstr(h, n) != NULL;
	free(h);
	free(n);
	return found;
}

size_t gd_text_width(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t width = 0;

	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len;
		/* printable ASCII, most of any table: one column each */
		if (*p >= 0x20 && *p < 0x7f) {
			width++;
			p++;
			continue;
		}
		len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0) {
			width++;
			p++;
			continue;
		}
		if (cp >= 0x20) {
			int w = utf8proc_charwidth(cp);
			width += w > 0 ? (size_t)w : 0;
		}
		p += len;
	}
	return width;
}
