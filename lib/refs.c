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

typedef int (*rule_fn)(const gd_record *r, const char *ref, const void *arg);

static int rule_kind_id(const gd_record *r, const char *ref, const void *arg)
{
	const gd_kind *kind = arg;

	return kind && r->kind == *kind && !strcasecmp(r->id, ref);
}

static int rule_id(const gd_record *r, const char *ref, const void *arg)
{
	(void)arg;
	return !strcasecmp(r->id, ref);
}

/* Calls fn on every contact of a record: itself, from, people. */
static int any_contact(const gd_record *r, const char *key,
		       int (*fn)(const char *value, const void *arg),
		       const void *arg)
{
	const gd_node *from = gd_node_get(r->root, "from");
	const gd_node *people = gd_node_get(r->root, "people");
	const char *v;
	size_t i;

	if ((v = gd_node_str(r->root, key)) && fn(v, arg))
		return 1;
	if (from && from->type == GD_MAP && (v = gd_node_str(from, key)) &&
	    fn(v, arg))
		return 1;
	for (i = 0; people && people->type == GD_SEQ && i < people->n; i++)
		if (people->vals[i]->type == GD_MAP &&
		    (v = gd_node_str(people->vals[i], key)) && fn(v, arg))
			return 1;
	return 0;
}

static int email_eq(const char *value, const void *arg)
{
	return !strcasecmp(value, (const char *)arg);
}

static int rule_email(const gd_record *r, const char *ref, const void *arg)
{
	(void)arg;
	return any_contact(r, "email", email_eq, ref);
}

static int phone_eq(const char *value, const void *arg)
{
	const char *want = arg;
	char *digits = gd_phone_digits(value);
	size_t dl = strlen(digits), wl = strlen(want);
	int match = dl && (!strcmp(digits, want) ||
			   (wl >= 7 && dl > wl && !strcmp(digits + dl - wl, want)));

	free(digits);
	return match;
}

static int rule_phone(const gd_record *r, const char *ref, const void *arg)
{
	(void)ref;
	return any_contact(r, "phone", phone_eq, arg);
}

static int rule_prefix(const gd_record *r, const char *ref, const void *arg)
{
	(void)arg;
	return !strncasecmp(r->id, ref, strlen(ref));
}

static int rule_text(const gd_record *r, const char *ref, const void *arg)
{
	const gd_node *from = gd_node_get(r->root, "from");
	const char *v;

	(void)arg;
	if ((v = gd_record_name(r)) && gd_text_contains(v, ref))
		return 1;
	if ((v = gd_node_str(r->root, "name")) && gd_text_contains(v, ref))
		return 1;
	if (from && from->type == GD_MAP) {
		if ((v = gd_node_str(from, "company")) && gd_text_contains(v, ref))
			return 1;
		if ((v = gd_node_str(from, "name")) && gd_text_contains(v, ref))
			return 1;
	}
	return 0;
}

/* Only digits and what people write between them. */
static int looks_like_phone(const char *s)
{
	int digits = 0;

	for (; *s; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if (!strchr(" +-().", *s))
			return 0;
	}
	return digits > 0;
}

static int apply(gd_record **out, gd_record *const *recs, size_t n,
		 const char *ref, int kind, rule_fn fn, const void *arg)
{
	gd_record **hits = NULL;
	size_t i, nhits = 0;
	gd__buf b = {0};
	int err;

	for (i = 0; i < n; i++) {
		if (kind >= 0 && (int)recs[i]->kind != kind)
			continue;
		if (!fn(recs[i], ref, arg))
			continue;
		hits = gd__xrealloc(hits, (nhits + 1) * sizeof(*hits));
		hits[nhits++] = recs[i];
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
		const char *name = gd_record_name(hits[i]);
		gd__buf_printf(&b, "%s %s/%s%s%s%s", i ? "," : "",
			       gd_kind_name(hits[i]->kind), hits[i]->id,
			       name ? " (" : "", name ? name : "", name ? ")" : "");
	}
	if (nhits > 10)
		gd__buf_printf(&b, _(", and %zu more"), nhits - 10);
	err = gd_error_set(GD_EAMBIGUOUS, "%s", b.buf);
	gd__buf_free(&b);
	free(hits);
	return err;
}

int gd_ref_resolve(gd_record **out, gd_record *const *recs, size_t n,
		   const char *ref, int kind)
{
	/* by kind + 1: any kind, then GD_CUSTOMER, GD_INQUIRY, GD_ORDER */
	static const char *const no_match[] = {
		N_("no record matches '%s'"), N_("no customer matches '%s'"),
		N_("no inquiry matches '%s'"), N_("no order matches '%s'")};
	const char *slash = strchr(ref, '/');
	char *digits = NULL;
	int got = 0;

	*out = NULL;
	if (!*ref)
		return gd_error_set(GD_EINVALID, _("empty record reference"));
	if (slash) {
		char *k = gd__xstrndup(ref, (size_t)(slash - ref));
		gd_kind kk;
		if (gd_kind_parse(&kk, k) == 0 && (kind < 0 || (int)kk == kind))
			got = apply(out, recs, n, slash + 1, (int)kk,
				    rule_kind_id, &kk);
		free(k);
		gd_error_clear();
	}
	if (!got)
		got = apply(out, recs, n, ref, kind, rule_id, NULL);
	if (!got && strchr(ref, '@'))
		got = apply(out, recs, n, ref, kind, rule_email, NULL);
	if (!got && looks_like_phone(ref)) {
		digits = gd_phone_digits(ref);
		got = apply(out, recs, n, ref, kind, rule_phone, digits);
		free(digits);
	}
	if (!got)
		got = apply(out, recs, n, ref, kind, rule_prefix, NULL);
	if (!got)
		got = apply(out, recs, n, ref, kind, rule_text, NULL);
	if (got < 0)
		return got;
	if (!got)
		return gd_error_set(GD_ENOTFOUND, _(no_match[kind + 1]), ref);
	return 0;
}
