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

void gd__list_add_phone(gd__buf *list, const char *phone)
{
	char *digits;

	if (!phone)
		return;
	digits = gd_phone_digits(phone);
	gd__list_add(list, digits);
	free(digits);
}

int gd__phone_digit_count(const char *s)
{
	int digits = 0;

	for (; *s; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if (!strchr(" +-().", *s))
			return -1;
	}
	return digits;
}

static void contact_lists(const gd_node *m, gd__buf *emails, gd__buf *phones)
{
	if (!m || m->type != GD_MAP)
		return;
	if (emails)
		gd__list_add(emails, gd_node_str(m, "email"));
	if (phones)
		gd__list_add_phone(phones, gd_node_str(m, "phone"));
}

void gd__ref_lists(const gd_record *r, gd__buf *emails, gd__buf *phones,
		   gd__buf *texts)
{
	const gd_node *from = gd_node_get(r->root, "from");
	const gd_node *people = gd_node_get(r->root, "people");
	size_t i;

	/* every contact of a record: itself, from, people */
	contact_lists(r->root, emails, phones);
	contact_lists(from, emails, phones);
	for (i = 0; people && people->type == GD_SEQ && i < people->n; i++)
		contact_lists(people->vals[i], emails, phones);
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
		gd__ref_lists(v->rec, made == &l->emails ? made : NULL,
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

/* Digits equal, or the record's end with the 7 or more given. */
static int rule_phone(const gd_ref_view *v, const char *ref, const void *arg,
		      struct lists *l)
{
	const char *want = arg, *p;
	size_t wl = strlen(want), dl;

	(void)ref;
	for (p = list_of(v, v->phones, &l->phones, l); *p; p += dl + 1) {
		dl = strlen(p);
		if (!strcmp(p, want) ||
		    (wl >= 7 && dl > wl && !strcmp(p + dl - wl, want)))
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
		 int kind, rule_fn fn, const void *arg)
{
	size_t *hits = NULL;
	size_t i, nhits = 0;
	gd__buf b = {0};
	int err;

	for (i = 0; i < n; i++) {
		struct lists l = {{0}, {0}, {0}, 0};
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

int gd_ref_resolve_views(size_t *out, const gd_ref_view *v, size_t n,
			 const char *ref, int kind)
{
	/* by kind + 1: any kind, then GD_CUSTOMER, GD_INQUIRY, GD_ORDER */
	static const char *const no_match[] = {
		N_("no record matches '%s'"), N_("no customer matches '%s'"),
		N_("no inquiry matches '%s'"), N_("no order matches '%s'")};
	const char *slash = strchr(ref, '/');
	char *digits = NULL, *folded;
	int got = 0;

	*out = 0;
	if (!*ref)
		return gd_error_set(GD_EINVALID, _("empty record reference"));
	if (slash) {
		char *k = gd__xstrndup(ref, (size_t)(slash - ref));
		gd_kind kk;
		if (gd_kind_parse(&kk, k) == 0 && (kind < 0 || (int)kk == kind))
			got = apply(out, v, n, slash + 1, (int)kk, rule_kind_id, &kk);
		free(k);
		gd_error_clear();
	}
	if (!got)
		got = apply(out, v, n, ref, kind, rule_id, NULL);
	if (!got && strchr(ref, '@'))
		got = apply(out, v, n, ref, kind, rule_email, NULL);
	if (!got && gd__phone_digit_count(ref) > 0) {
		digits = gd_phone_digits(ref);
		got = apply(out, v, n, ref, kind, rule_phone, digits);
		free(digits);
	}
	if (!got)
		got = apply(out, v, n, ref, kind, rule_prefix, NULL);
	if (!got) {
		folded = gd_text_fold(ref);
		got = apply(out, v, n, ref, kind, rule_text, folded);
		free(folded);
	}
	if (got < 0)
		return got;
	if (!got)
		return gd_error_set(GD_ENOTFOUND, _(no_match[kind + 1]), ref);
	return 0;
}

int gd_ref_resolve(gd_record **out, gd_record *const *recs, size_t n,
		   const char *ref, int kind)
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
	if ((err = gd_ref_resolve_views(&hit, v, n, ref, kind)) == 0)
		*out = recs[hit];
	free(v);
	return err;
}
