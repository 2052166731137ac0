/*
 * refs.c - REF resolution (see gendan/refs.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/error.h"
#include "gendan/ids.h"
#include "gendan/phone.h"
#include "gendan/refs.h"
#include "internal.h"

/*
 * Rules look at a view of a record: what a summary keeps of it, or the
 * record itself, from which the same lists are made when a rule needs
 * them (a loaded ledger asks few records for more than their id).
 */
struct lists {
	gd__buf emails, phones, texts;
	int made; /* one of them, for the one rule that asked */
	const char *region; /* phone-region, for phones made from a record */
};

/* What rule_phone compares: the REF in E.164 form, and its digits. */
struct phone_ref {
	char *e164, *digits;
};

void gd__list_add_folded(gd__buf *list, const char *s)
{
	char *f;

	if (!s || !*s)
		return;
	f = gd_text_fold(s);
	gd__list_add(list, f);
	free(f);
}

void gd__list_add_phone(gd__buf *list, const char *phone, const char *region)
{
	char *e164;

	if (!phone)
		return;
	e164 = gd_phone_e164(phone, region);
	gd__list_add(list, e164);
	free(e164);
}

/* The length of the full-width character at s that people write in a
 * phone number (digits U+FF10..U+FF19 counted in *digits; plus, hyphen,
 * parentheses, ideographic space), else 0. */
static int wide_phone_char(const unsigned char *s, int *digits)
{
	if (s[0] == 0xef && s[1] == 0xbc && s[2] >= 0x90 && s[2] <= 0x99) {
		(*digits)++;
		return 3;
	}
	if (s[0] == 0xef && s[1] == 0xbc &&
	    (s[2] == 0x8b || s[2] == 0x8d || s[2] == 0x88 || s[2] == 0x89))
		return 3;
	return s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80 ? 3 : 0;
}

char *gd__phone_given_digits(const char *s)
{
	char *d = gd_phone_e164(s, NULL);

	if (*d == '+')
		memmove(d, d + 1, strlen(d));
	return d;
}

int gd__phone_digit_count(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int digits = 0, w;

	while (*p) {
		if (isdigit(*p))
			digits++;
		else if ((w = wide_phone_char(p, &digits)) > 0)
			p += w - 1;
		else if (!strchr(" +-().", *p))
			return -1;
		p++;
	}
	return digits;
}

static void contact_lists(const gd_node *m, const char *region,
			  gd__buf *emails, gd__buf *phones)
{
	if (!m || m->type != GD_MAP)
		return;
	if (emails)
		gd__list_add(emails, gd_node_str(m, "email"));
	if (phones)
		gd__list_add_phone(phones, gd_node_str(m, "phone"), region);
}

void gd__ref_lists(const gd_record *r, const char *region, gd__buf *emails,
		   gd__buf *phones, gd__buf *texts)
{
	const gd_node *from = gd_node_get(r->root, "from");
	const gd_node *people = gd_node_get(r->root, "people");
	size_t i;

	/* every contact of a record: itself, from, people */
	contact_lists(r->root, region, emails, phones);
	contact_lists(from, region, emails, phones);
	for (i = 0; people && people->type == GD_SEQ && i < people->n; i++)
		contact_lists(people->vals[i], region, emails, phones);
	if (!texts)
		return;
	gd__list_add_folded(texts, gd_record_name(r));
	gd__list_add_folded(texts, gd_node_str(r->root, "name"));
	if (from && from->type == GD_MAP) {
		gd__list_add_folded(texts, gd_node_str(from, "company"));
		gd__list_add_folded(texts, gd_node_str(from, "name"));
	}
}

/* A list of v: the kept one, or that one alone made from its record into
 * made, one of l's buffers (names are folded only when names are asked). */
static const char *list_of(const gd_ref_view *v, const char *kept, gd__buf *made,
			   struct lists *l)
{
	if (!v->rec)
		return kept;
	if (!l->made) {
		gd__ref_lists(v->rec, l->region, made == &l->emails ? made : NULL,
			      made == &l->phones ? made : NULL,
			      made == &l->texts ? made : NULL);
		l->made = 1;
	}
	return made->len ? made->buf : "";
}

typedef int (*rule_fn)(const gd_ref_view *v, const char *ref, const void *arg,
		       struct lists *l);

static int rule_kind_id(const gd_ref_view *v, const char *ref, const void *arg,
			struct lists *l)
{
	const gd_kind *kind = arg;

	(void)l;
	return kind && v->kind == *kind && !strcasecmp(v->id, ref);
}

static int rule_id(const gd_ref_view *v, const char *ref, const void *arg,
		   struct lists *l)
{
	(void)arg;
	(void)l;
	return !strcasecmp(v->id, ref);
}

static int rule_email(const gd_ref_view *v, const char *ref, const void *arg,
		      struct lists *l)
{
	const char *p;

	(void)arg;
	for (p = list_of(v, v->emails, &l->emails, l); *p; p += strlen(p) + 1)
		if (!strcasecmp(p, ref))
			return 1;
	return 0;
}

/* E.164 forms equal, or the record's digits end with the 7 or more given. */
static int rule_phone(const gd_ref_view *v, const char *ref, const void *arg,
		      struct lists *l)
{
	const struct phone_ref *want = arg;
	const char *p;
	size_t wl = strlen(want->digits), dl;

	(void)ref;
	for (p = list_of(v, v->phones, &l->phones, l); *p; p += dl + 1) {
		dl = strlen(p);
		if (!strcmp(p, want->e164) ||
		    (wl >= 7 && dl > wl && !strcmp(p + dl - wl, want->digits)))
			return 1;
	}
	return 0;
}

static int rule_prefix(const gd_ref_view *v, const char *ref, const void *arg,
		       struct lists *l)
{
	(void)arg;
	(void)l;
	return !strncasecmp(v->id, ref, strlen(ref));
}

/* arg: the REF folded */
static int rule_text(const gd_ref_view *v, const char *ref, const void *arg,
		     struct lists *l)
{
	const char *p;

	(void)ref;
	for (p = list_of(v, v->texts, &l->texts, l); *p; p += strlen(p) + 1)
		if (strstr(p, (const char *)arg))
			return 1;
	return 0;
}

static int apply(size_t *out, const gd_ref_view *v, size_t n, const char *ref,
		 int kind, const char *region, rule_fn fn, const void *arg)
{
	size_t *hits = NULL;
	size_t i, nhits = 0;
	gd__buf b = {0};
	int err;

	for (i = 0; i < n; i++) {
		struct lists l = {{0}, {0}, {0}, 0, region};
		int hit;
		if (kind >= 0 && (int)v[i].kind != kind)
			continue;
		hit = fn(&v[i], ref, arg, &l);
		gd__buf_free(&l.emails);
		gd__buf_free(&l.phones);
		gd__buf_free(&l.texts);
		if (!hit)
			continue;
		hits = gd__xrealloc(hits, (nhits + 1) * sizeof(*hits));
		hits[nhits++] = i;
	}
	if (nhits == 1) {
		*out = hits[0];
		free(hits);
		return 1;
	}
	if (nhits == 0)
		return 0;
	gd__buf_printf(&b, _("'%s' matches %zu records:"), ref, nhits);
	for (i = 0; i < nhits && i < 10; i++) {
		const gd_ref_view *h = &v[hits[i]];
		gd__buf_printf(&b, "%s %s/%s%s%s%s", i ? "," : "",
			       gd_kind_name(h->kind), h->id, h->name ? " (" : "",
			       h->name ? h->name : "", h->name ? ")" : "");
	}
	if (nhits > 10)
		gd__buf_printf(&b, _(", and %zu more"), nhits - 10);
	err = gd_error_set(GD_EAMBIGUOUS, "%s", b.buf);
	gd__buf_free(&b);
	free(hits);
	return err;
}

/* The phone rule, when ref is written as a phone number. */
static int apply_phone(size_t *out, const gd_ref_view *v, size_t n,
		       const char *ref, int kind, const char *region)
{
	struct phone_ref want;
	int got;

	if (gd__phone_digit_count(ref) <= 0)
		return 0;
	want.e164 = gd_phone_e164(ref, region);
	want.digits = gd__phone_given_digits(ref);
	got = apply(out, v, n, ref, kind, region, rule_phone, &want);
	free(want.e164);
	free(want.digits);
	return got;
}

int gd_ref_resolve_views(size_t *out, const gd_ref_view *v, size_t n,
			 const char *ref, int kind, const char *region)
{
	/* by kind + 1: any kind, then GD_CUSTOMER, GD_INQUIRY, GD_ORDER */
	static const char *const no_match[] = {
		N_("no record matches '%s'"), N_("no customer matches '%s'"),
		N_("no inquiry matches '%s'"), N_("no order matches '%s'")};
	const char *slash = strchr(ref, '/');
	char *folded;
	int got = 0;

	*out = 0;
	if (!*ref)
		return gd_error_set(GD_EINVALID, _("empty record reference"));
	if (slash) {
		char *k = gd__xstrndup(ref, (size_t)(slash - ref));
		gd_kind kk;
		if (gd_kind_parse(&kk, k) == 0 && (kind < 0 || (int)kk == kind))
			got = apply(out, v, n, slash + 1, (int)kk, region, rule_kind_id, &kk);
		free(k);
		gd_error_clear();
	}
	if (!got)
		got = apply(out, v, n, ref, kind, region, rule_id, NULL);
	if (!got && strchr(ref, '@'))
		got = apply(out, v, n, ref, kind, region, rule_email, NULL);
	if (!got)
		got = apply_phone(out, v, n, ref, kind, region);
	if (!got)
		got = apply(out, v, n, ref, kind, region, rule_prefix, NULL);
	if (!got) {
		folded = gd_text_fold(ref);
		got = apply(out, v, n, ref, kind, region, rule_text, folded);
		free(folded);
	}
	if (got < 0)
		return got;
	if (!got)
		return gd_error_set(GD_ENOTFOUND, _(no_match[kind + 1]), ref);
	return 0;
}

int gd_ref_resolve(gd_record **out, gd_record *const *recs, size_t n,
		   const char *ref, int kind, const char *region)
{
	gd_ref_view *v = gd__xcalloc(n + 1, sizeof(*v));
	size_t i, hit;
	int err;

	*out = NULL;
	for (i = 0; i < n; i++) {
		v[i].kind = recs[i]->kind;
		v[i].id = recs[i]->id;
		v[i].name = gd_record_name(recs[i]);
		v[i].rec = recs[i];
	}
	if ((err = gd_ref_resolve_views(&hit, v, n, ref, kind, region)) == 0)
		*out = recs[hit];
	free(v);
	return err;
}
