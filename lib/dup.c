/*
 * dup.c - the duplicate check (see gendan/dup.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gendan/dup.h"
#include "gendan/error.h"
#include "gendan/ids.h"
#include "gendan/phone.h"
#include "hash.h"
#include "internal.h"

/* A probe's normal forms, computed once. */
struct probe {
	char *email, *domain, *phone, *name;
	const char *region; /* phone-region, for the records' phones */
};

/* The contact fields of a record: itself and `from` (inquiries). */
static const gd_node *contact(const gd_record *r)
{
	const gd_node *from = gd_node_get(r->root, "from");

	return r->kind == GD_INQUIRY && from && from->type == GD_MAP ? from
								       : r->root;
}

/* The i-th mapping holding r's emails and phones: its contact fields,
 * then a customer's people; NULL past the last. */
static const gd_node *contact_at(const gd_record *r, size_t i)
{
	const gd_node *people;

	if (i == 0)
		return contact(r);
	people = r->kind == GD_CUSTOMER ? gd_node_get(r->root, "people") : NULL;
	if (!people || people->type != GD_SEQ || i > people->n)
		return NULL;
	return people->vals[i - 1];
}

/* What the contact fields c share with p, or NULL; *field the probe's
 * field it is ("email" or "phone"). */
static char *shared_contact(const gd_node *c, const struct probe *p,
			    const char **field)
{
	const char *v;
	char *x, *why = NULL;

	if (!c || c->type != GD_MAP)
		return NULL;
	*field = "email";
	if (p->email && (v = gd_node_str(c, "email")) && (x = gd_email_norm(v))) {
		if (!strcmp(x, p->email))
			why = gd__xasprintf(_("same email %s"), x);
		free(x);
	}
	if (!why && p->domain && (v = gd_node_str(c, "email")) &&
	    (x = gd_email_domain(v))) {
		if (!strcmp(x, p->domain))
			why = gd__xasprintf(_("same email domain %s"), x);
		free(x);
	}
	if (!why && p->phone && (v = gd_node_str(c, "phone"))) {
		*field = "phone";
		x = gd_phone_e164(v, p->region);
		if (!strcmp(x, p->phone))
			why = gd__xasprintf(_("same phone %s"), v);
		free(x);
	}
	return why;
}

/* What r shares with p, as text for the message, or NULL; *field the
 * probe's field it is ("email", "phone" or "name"). */
static char *shared(const gd_record *r, const struct probe *p,
		    const char **field)
{
	const gd_node *c;
	const char *v;
	char *x, *why = NULL;
	size_t i;

	for (i = 0; !why && (c = contact_at(r, i)); i++) {
		if (!(why = shared_contact(c, p, field)) || i == 0)
			continue;
		x = why;
		why = gd__xasprintf(_("%s, of its person '%s'"), x,
				    gd_node_str(c, "name") ? gd_node_str(c, "name") : "?");
		free(x);
	}
	if (!why && p->name) {
		c = contact(r);
		*field = "name";
		v = r->kind == GD_INQUIRY ? gd_node_str(c, "company")
					  : gd_node_str(r->root, "name");
		if (v && (x = gd_name_norm(v))) {
			if (*x && !strcmp(x, p->name))
				why = gd__xasprintf(_("same company name as '%s'"), v);
			free(x);
		}
	}
	return why;
}

static char *describe(const gd_record *r)
{
	const char *name = gd_record_name(r);
	const char *grade = gd_record_grade(r);
	const char *status = gd_record_status(r);

	if (r->kind == GD_INQUIRY) {
		const char *received = gd_node_str(r->root, "received");
		const char *product = gd_node_str(r->root, "product");
		if (product)
			return gd__xasprintf(_("%s already wrote on %.10s about %s: inquiry/%s, grade %s, status %s"),
					     name ? name : r->id, received ? received : "?",
					     product, r->id, grade ? grade : "-", status);
		return gd__xasprintf(_("%s already wrote on %.10s: inquiry/%s, grade %s, status %s"),
				     name ? name : r->id, received ? received : "?",
				     r->id, grade ? grade : "-", status);
	}
	return gd__xasprintf(_("customer/%s (%s), tier %s, status %s"), r->id,
			     name ? name : "", grade ? grade : "-", status);
}

/* The E.164 form of a phone of 6 digits or more as typed, else NULL: a few
 * digits say nothing about who it is. */
static char *phone_key(const char *typed, const char *region)
{
	char *digits = gd_phone_e164(typed, NULL);
	size_t n = strlen(digits) - (*digits == '+');

	free(digits);
	return n >= 6 ? gd_phone_e164(typed, region) : NULL;
}

/* The normal forms of a probe; free with probe_clear(). */
static void probe_make(struct probe *p, const gd_config *cfg,
		       const gd_dup_probe *probe)
{
	memset(p, 0, sizeof(*p));
	p->region = cfg->phone_region;
	if (probe->email && *probe->email) {
		p->email = gd_email_norm(probe->email);
		p->domain = gd_email_domain(probe->email);
		if (p->domain && gd_freemail(p->domain, cfg->freemail, cfg->nfreemail)) {
			free(p->domain);
			p->domain = NULL;
		}
	}
	if (probe->phone && *probe->phone)
		p->phone = phone_key(probe->phone, cfg->phone_region);
	if (probe->name && *probe->name) {
		p->name = gd_name_norm(probe->name);
		if (p->name && !*p->name) {
			free(p->name);
			p->name = NULL;
		}
	}
}

static void probe_clear(struct probe *p)
{
	free(p->email);
	free(p->domain);
	free(p->phone);
	free(p->name);
}

/* Name the record found and its owner; an inquiry that matches a
 * customer is told how to link it to that customer. */
static int refuse(const gd_record *r, const char *why, const char *what,
		  const gd_dup_probe *probe)
{
	char *who = describe(r);
	const char *owner = gd_record_owner(r);
	int err;

	if (!owner || !*owner)
		owner = _("nobody (the public pool)");
	if (probe->inquiry && r->kind == GD_CUSTOMER)
		err = gd_error_set(GD_EEXISTS,
				   _("%s looks like a duplicate: %s (%s), owned by %s; link the inquiry with --customer %s, or use --force to add anyway"),
				   what, who, why, owner, r->id);
	else
		err = gd_error_set(GD_EEXISTS,
				   _("%s looks like a duplicate: %s (%s), owned by %s; use --force to add anyway"),
				   what, who, why, owner);
	free(who);
	return err;
}

int gd_dup_check(gd_record *const *recs, size_t n, const gd_config *cfg,
		 const gd_dup_probe *probe, const char *what)
{
	struct probe p;
	size_t i;
	int err = 0;

	probe_make(&p, cfg, probe);
	for (i = 0; i < n && !err; i++) {
		const char *field;
		char *why;
		if (recs[i]->kind == GD_ORDER)
			continue;
		if (!(why = shared(recs[i], &p, &field)))
			continue;
		err = refuse(recs[i], why, what, probe);
		free(why);
	}
	probe_clear(&p);
	return err;
}

/* --- an index for bulk checks ----------------------------------------- */

struct gd_dup_index {
	char **keys;               /* "e:..", "d:..", "p:..", "n:.." */
	const gd_record **recs;    /* the first record of each key */
	int *tags;                 /* and its tag (gd_dup_index_add_tag) */
	size_t n, cap;
	gd__hash by_key;            /* keys */
	const gd_config *cfg;
};

/* The index of key in ix->keys, or -1. */
static ptrdiff_t index_find(const gd_dup_index *ix, const char *key, uint32_t h)
{
	gd__hash_pos pos = gd__hash_find(&ix->by_key, h);
	size_t i;

	while (gd__hash_next(&ix->by_key, &pos, &i))
		if (!strcmp(ix->keys[i], key))
			return (ptrdiff_t)i;
	return -1;
}

static void index_put(gd_dup_index *ix, const char *prefix, const char *v,
		      const gd_record *r, int tag)
{
	char *key;
	uint32_t h;

	if (!v)
		return;
	key = gd__xasprintf("%s%s", prefix, v);
	h = gd__hash_str(key);
	if (index_find(ix, key, h) >= 0) {
		free(key); /* the first record with a key stays its owner */
		return;
	}
	if (ix->n == ix->cap) {
		ix->cap = ix->cap ? ix->cap * 2 : 1024;
		ix->keys = gd__xrealloc(ix->keys, ix->cap * sizeof(*ix->keys));
		ix->recs = gd__xrealloc(ix->recs, ix->cap * sizeof(*ix->recs));
		ix->tags = gd__xrealloc(ix->tags, ix->cap * sizeof(*ix->tags));
	}
	ix->keys[ix->n] = key;
	ix->recs[ix->n] = r;
	ix->tags[ix->n] = tag;
	gd__hash_add(&ix->by_key, h, ix->n++);
}

/* The i-th probe r is compared by: its own fields, then each of a
 * customer's people (email and phone); false past the last, and for an
 * order. */
static int probe_of(gd_dup_probe *probe, const gd_record *r, size_t i)
{
	const gd_node *c = contact_at(r, i);

	if (r->kind == GD_ORDER || !c)
		return 0;
	memset(probe, 0, sizeof(*probe));
	if (i == 0)
		probe->name = r->kind == GD_INQUIRY ? gd_node_str(c, "company")
						    : gd_node_str(r->root, "name");
	if (c->type == GD_MAP) {
		probe->email = gd_node_str(c, "email");
		probe->phone = gd_node_str(c, "phone");
	}
	probe->inquiry = r->kind == GD_INQUIRY;
	return 1;
}

void gd_dup_index_add_tag(gd_dup_index *ix, const gd_record *r, int tag)
{
	gd_dup_probe probe;
	struct probe p;
	size_t i;

	for (i = 0; probe_of(&probe, r, i); i++) {
		probe_make(&p, ix->cfg, &probe);
		index_put(ix, "e:", p.email, r, tag);
		index_put(ix, "d:", p.domain, r, tag);
		index_put(ix, "p:", p.phone, r, tag);
		index_put(ix, "n:", p.name, r, tag);
		probe_clear(&p);
	}
}

void gd_dup_trim(gd_record *r)
{
	/* what contact_at(), shared() and gd_record_name() read */
	static const char *const keep[] = {"name", "number", "email", "phone", "from", "people"};
	gd_node *root = gd_node_map();
	const gd_node *v;
	size_t i;

	for (i = 0; i < sizeof(keep) / sizeof(*keep); i++)
		if ((v = gd_node_get(r->root, keep[i])))
			gd_node_set(root, keep[i], gd_node_dup(v));
	gd_node_free(r->root);
	r->root = root;
}

void gd_dup_index_add(gd_dup_index *ix, const gd_record *r)
{
	gd_dup_index_add_tag(ix, r, 0);
}

void gd__dup_probe_keys(gd__buf *list, const gd_config *cfg,
			const gd_dup_probe *probe)
{
	static const char *const prefixes[] = {"e:", "d:", "p:", "n:"};
	const char *vals[4];
	struct probe p;
	int i;

	probe_make(&p, cfg, probe);
	vals[0] = p.email;
	vals[1] = p.domain;
	vals[2] = p.phone;
	vals[3] = p.name;
	for (i = 0; i < 4; i++) {
		if (!vals[i])
			continue;
		gd__buf_puts(list, prefixes[i]);
		gd__buf_add(list, vals[i], strlen(vals[i]) + 1);
	}
	probe_clear(&p);
}

void gd__dup_keys(gd__buf *list, const gd_config *cfg, const gd_record *r)
{
	gd_dup_probe probe;
	size_t i;

	for (i = 0; probe_of(&probe, r, i); i++)
		gd__dup_probe_keys(list, cfg, &probe);
}

gd_dup_index *gd_dup_index_new(gd_record *const *recs, size_t n,
			       const gd_config *cfg)
{
	gd_dup_index *ix = gd__xcalloc(1, sizeof(*ix));
	size_t i;

	ix->cfg = cfg;
	for (i = 0; i < n; i++)
		gd_dup_index_add(ix, recs[i]);
	return ix;
}

/* The index of the key prefix v, or -1. */
static ptrdiff_t index_get(const gd_dup_index *ix, const char *prefix,
			   const char *v)
{
	char *key;
	ptrdiff_t i;

	if (!v)
		return -1;
	key = gd__xasprintf("%s%s", prefix, v);
	i = index_find(ix, key, gd__hash_str(key));
	free(key);
	return i;
}

int gd_dup_index_check_at(const gd_dup_index *ix, const gd_dup_probe *probe,
			  const char *what, const char **field, int *tag)
{
	static const char *const prefixes[] = {"e:", "d:", "p:", "n:"};
	struct probe p;
	const char *vals[4], *f = NULL;
	ptrdiff_t hit = -1;
	char *why;
	int i, err = 0;

	probe_make(&p, ix->cfg, probe);
	vals[0] = p.email;
	vals[1] = p.domain;
	vals[2] = p.phone;
	vals[3] = p.name;
	/* the message names what the record shares, as the linear check
	 * does; a key the record no longer has (an import --update changed
	 * it) shares nothing, and the next key is tried */
	for (i = 0, why = NULL; i < 4 && !why; i++)
		if ((hit = index_get(ix, prefixes[i], vals[i])) >= 0)
			why = shared(ix->recs[hit], &p, &f);
	if (why) {
		const char *name = gd_record_name(ix->recs[hit]);
		if (ix->tags[hit])
			err = gd_error_set(GD_EEXISTS,
					   _("%s looks like a duplicate of line %d, %s (%s); use --force to add anyway"),
					   what, ix->tags[hit],
					   name ? name : ix->recs[hit]->id, why);
		else
			err = refuse(ix->recs[hit], why, what, probe);
		if (tag)
			*tag = ix->tags[hit];
		free(why);
	}
	if (field)
		*field = err ? f : NULL;
	probe_clear(&p);
	return err;
}

int gd_dup_index_check(const gd_dup_index *ix, const gd_dup_probe *probe,
		       const char *what)
{
	return gd_dup_index_check_at(ix, probe, what, NULL, NULL);
}

void gd_dup_index_free(gd_dup_index *ix)
{
	size_t i;

	if (!ix)
		return;
	for (i = 0; i < ix->n; i++)
		free(ix->keys[i]);
	free(ix->keys);
	free(ix->recs);
	free(ix->tags);
	gd__hash_free(&ix->by_key);
	free(ix);
}
