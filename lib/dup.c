/*
 * dup.c - the duplicate check (see gendan/dup.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gendan/dup.h"
#include "gendan/error.h"
#include "gendan/ids.h"
#include "internal.h"

/* A probe's normal forms, computed once. */
struct probe {
	char *email, *domain, *phone, *name;
};

/* The contact fields of a record: itself and `from` (inquiries). */
static const gd_node *contact(const gd_record *r)
{
	const gd_node *from = gd_node_get(r->root, "from");

	return r->kind == GD_INQUIRY && from && from->type == GD_MAP ? from
								       : r->root;
}

/* What r shares with p, as text for the message, or NULL. */
static char *shared(const gd_record *r, const struct probe *p)
{
	const gd_node *c = contact(r);
	const char *v;
	char *x, *why = NULL;

	if (p->email && (v = gd_node_str(c, "email")) && (x = gd_email_norm(v))) {
		if (!strcmp(x, p->email))
			why = gd__xasprintf("same email %s", x);
		free(x);
	}
	if (!why && p->domain && (v = gd_node_str(c, "email")) &&
	    (x = gd_email_domain(v))) {
		if (!strcmp(x, p->domain))
			why = gd__xasprintf("same email domain %s", x);
		free(x);
	}
	if (!why && p->phone && (v = gd_node_str(c, "phone"))) {
		x = gd_phone_digits(v);
		if (!strcmp(x, p->phone))
			why = gd__xasprintf("same phone %s", v);
		free(x);
	}
	if (!why && p->name) {
		v = r->kind == GD_INQUIRY ? gd_node_str(c, "company")
					  : gd_node_str(r->root, "name");
		if (v && (x = gd_name_norm(v))) {
			if (*x && !strcmp(x, p->name))
				why = gd__xasprintf("same company name as '%s'", v);
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
		return gd__xasprintf("%s already wrote on %.10s%s%s: inquiry/%s, grade %s, status %s",
				     name ? name : r->id, received ? received : "?",
				     product ? " about " : "", product ? product : "",
				     r->id, grade ? grade : "-", status);
	}
	return gd__xasprintf("customer/%s (%s), tier %s, status %s", r->id,
			     name ? name : "", grade ? grade : "-", status);
}

int gd_dup_check(gd_record *const *recs, size_t n, const gd_config *cfg,
		 const gd_dup_probe *probe, const char *what)
{
	struct probe p = {0};
	size_t i;
	int err = 0;

	if (probe->email && *probe->email) {
		p.email = gd_email_norm(probe->email);
		p.domain = gd_email_domain(probe->email);
		if (p.domain && gd_freemail(p.domain, cfg->freemail, cfg->nfreemail)) {
			free(p.domain);
			p.domain = NULL;
		}
	}
	if (probe->phone && *probe->phone) {
		p.phone = gd_phone_digits(probe->phone);
		/* a few digits say nothing about who it is */
		if (strlen(p.phone) < 6) {
			free(p.phone);
			p.phone = NULL;
		}
	}
	if (probe->name && *probe->name) {
		p.name = gd_name_norm(probe->name);
		if (p.name && !*p.name) {
			free(p.name);
			p.name = NULL;
		}
	}
	for (i = 0; i < n && !err; i++) {
		char *why, *who;
		if (recs[i]->kind == GD_ORDER)
			continue;
		if (!(why = shared(recs[i], &p)))
			continue;
		who = describe(recs[i]);
		err = gd_error_set(GD_EEXISTS, "%s looks like a duplicate: %s (%s); use --force to add anyway",
				   what, who, why);
		free(who);
		free(why);
	}
	free(p.email);
	free(p.domain);
	free(p.phone);
	free(p.name);
	return err;
}
