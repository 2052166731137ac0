/*
 * people.c - a customer's contact persons (see gendan/people.h).
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/error.h"
#include "gendan/ids.h"
#include "gendan/people.h"
#include "gendan/phone.h"
#include "internal.h"

/* name without the blanks around it.  Malloc'd. */
static char *trimmed(const char *name)
{
	const char *end;

	while (*name == ' ' || *name == '\t')
		name++;
	end = name + strlen(name);
	while (end > name && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return gd__xstrndup(name, (size_t)(end - name));
}

/* The form two names are compared in: trimmed and case folded. */
static char *name_key(const char *name)
{
	char *t = trimmed(name), *k = gd_text_fold(t);

	free(t);
	return k;
}

static long person_index(const gd_record *r, const char *name)
{
	const gd_node *people = gd_node_get(r->root, "people");
	char *want = name_key(name);
	long hit = -1;
	size_t i;

	for (i = 0; people && people->type == GD_SEQ && i < people->n && hit < 0; i++) {
		const char *n = gd_node_str(people->vals[i], "name");
		char *k;
		if (!n)
			continue;
		k = name_key(n);
		if (!strcmp(k, want))
			hit = (long)i;
		free(k);
	}
	free(want);
	return hit;
}

const gd_node *gd_person_get(const gd_record *r, const char *name)
{
	long i = person_index(r, name);

	return i < 0 ? NULL : gd_node_get(r->root, "people")->vals[i];
}

static int only_customers(const gd_record *r)
{
	if (r->kind == GD_CUSTOMER)
		return 0;
	return gd_error_set(GD_EINVALID,
			    _("%s/%s is an %s: only customers have contact persons"),
			    gd_kind_name(r->kind), r->id, gd_kind_name(r->kind));
}

static int check_fields(const gd_person_fields *f)
{
	char *e;

	if (f->email && *f->email) {
		if (!(e = gd_email_norm(f->email)))
			return gd_error_set(GD_EINVALID, _("invalid email '%s'"), f->email);
		free(e);
	}
	if (f->phone && *f->phone) {
		/* full-width digits count: the E.164 form folds them */
		int none;
		e = gd_phone_e164(f->phone, NULL);
		none = !strpbrk(e, "0123456789");
		free(e);
		if (none)
			return gd_error_set(GD_EINVALID, _("invalid phone '%s': no digits"),
					    f->phone);
	}
	return 0;
}

static void put(gd_node *p, const char *key, const char *value)
{
	if (!value)
		return;
	if (*value)
		gd_node_set_str(p, key, value, 0);
	else
		gd_node_remove(p, key);
}

static void put_fields(gd_node *p, const gd_person_fields *f)
{
	put(p, "role", f->role);
	put(p, "email", f->email);
	put(p, "phone", f->phone);
	put(p, "wechat", f->wechat);
	put(p, "whatsapp", f->whatsapp);
	put(p, "note", f->note);
}

/* "John Smith, Mary Lee" or "none yet": the names r has.  Malloc'd. */
static char *names_of(const gd_record *r)
{
	const gd_node *people = gd_node_get(r->root, "people");
	gd__buf b = {0};
	size_t i;

	for (i = 0; people && people->type == GD_SEQ && i < people->n; i++) {
		const char *n = gd_node_str(people->vals[i], "name");
		if (n)
			gd__buf_printf(&b, "%s'%s'", b.len ? ", " : "", n);
	}
	if (!b.len)
		gd__buf_puts(&b, _("none yet"));
	return gd__buf_detach(&b, NULL);
}

static int not_found(const gd_record *r, const char *name)
{
	char *names = names_of(r);
	int err = gd_error_set(GD_ENOTFOUND,
			       _("customer/%s has no person named '%s' (people: %s)"),
			       r->id, name, names);

	free(names);
	return err;
}

int gd_person_add(gd_record *r, const char *name, const gd_person_fields *f)
{
	gd_node *people, *p;
	char *t = NULL;
	int err;

	if ((err = only_customers(r)) < 0 || (err = check_fields(f)) < 0)
		return err;
	t = trimmed(name);
	if (!*t) {
		err = gd_error_set(GD_EINVALID, _("a person needs a name"));
		goto done;
	}
	if (person_index(r, t) >= 0) {
		err = gd_error_set(GD_EEXISTS,
				   _("customer/%s already has a person named '%s': change it with 'gendan person set'"),
				   r->id, gd_node_str(gd_person_get(r, t), "name"));
		goto done;
	}
	people = gd_node_get(r->root, "people");
	if (!people || people->type != GD_SEQ) {
		people = gd_node_seq();
		gd_node_set(r->root, "people", people);
	}
	p = gd_node_map();
	gd_node_set_str(p, "name", t, 0);
	put_fields(p, f);
	gd_node_push(people, p);
done:
	free(t);
	return err;
}

int gd_person_set(gd_record *r, const char *name, const gd_person_fields *f)
{
	long i;
	int err;

	if ((err = only_customers(r)) < 0 || (err = check_fields(f)) < 0)
		return err;
	if ((i = person_index(r, name)) < 0)
		return not_found(r, name);
	put_fields(gd_node_get(r->root, "people")->vals[i], f);
	return 0;
}

int gd_person_remove(gd_record *r, const char *name)
{
	gd_node *people;
	long i;
	int err;

	if ((err = only_customers(r)) < 0)
		return err;
	if ((i = person_index(r, name)) < 0)
		return not_found(r, name);
	people = gd_node_get(r->root, "people");
	gd_node_free(people->vals[i]);
	memmove(&people->vals[i], &people->vals[i + 1],
		(people->n - (size_t)i - 1) * sizeof(*people->vals));
	people->n--;
	if (!people->n)
		gd_node_remove(r->root, "people");
	return 0;
}
