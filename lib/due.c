/*
 * due.c - compute what is due (SPEC 2.3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/decimal.h"
#include "gendan/due.h"
#include "gendan/money.h"
#include "hash.h"
#include "internal.h"

#define DAY 86400

/* Texts for people in their language (tables, show, the Markdown report);
 * for machines (JSON, TSV, ICS) in English, whatever the locale. */
__attribute__((format_arg(2)))
static const char *tr(int local, const char *msgid)
{
	return local ? _(msgid) : msgid;
}

__attribute__((format_arg(2)))
static const char *tr_plural(int local, const char *one, const char *many,
			     unsigned long n)
{
	if (local)
		return P_(one, many, n);
	return n == 1 ? one : many;
}

static const char *const reason_names[] = {N_("reply"), N_("follow-up"), N_("stage"),
					   N_("payment")};

const char *gd_due_reason_name(gd_due_reason r)
{
	return reason_names[r];
}

void gd_duration_format_local(char *buf, size_t size, int64_t secs, int local)
{
	/* TRANSLATORS: a duration of whole days, as gendan.yaml writes "7d" */
	if (secs % DAY == 0)
		snprintf(buf, size, tr(local, N_("%lldd")), (long long)(secs / DAY));
	/* TRANSLATORS: a duration of hours, as gendan.yaml writes "84h" */
	else
		snprintf(buf, size, tr(local, N_("%lldh")), (long long)(secs / 3600));
}

void gd_duration_format(char *buf, size_t size, int64_t secs)
{
	gd_duration_format_local(buf, size, secs, 0);
}

static void push(gd_due_item **items, size_t *n, const gd_record *r,
		 gd_date due, gd_date today, gd_due_reason reason, char *detail,
		 char *explain)
{
	gd_due_item *it;

	*items = gd__xrealloc(*items, (*n + 1) * sizeof(**items));
	it = &(*items)[(*n)++];
	it->rec = r;
	it->kind = r->kind;
	it->id = r->id;
	it->path = r->path;
	it->name = gd_record_name(r);
	it->owner = gd_record_owner(r);
	it->grade = gd_record_grade(r);
	it->received = reason == GD_DUE_REPLY ? gd_due_received(r) : 0;
	it->due = due;
	it->days_late = gd_date_diff(today, due);
	it->reason = reason;
	it->detail = detail;
	it->explain = explain;
}

/* A date field of a mapping, or 0 when absent or invalid. */
static int date_of(gd_date *out, const gd_node *map, const char *key)
{
	const char *s = gd_node_str(map, key);

	return s && gd_date_parse(out, s) == 0;
}

void gd_due_contacts_of(gd_due_contacts *c, const gd_record *r)
{
	const gd_node *log = gd_node_get(r->root, "log");
	size_t i;

	memset(c, 0, sizeof(*c));
	for (i = 0; log && log->type == GD_SEQ && i < log->n; i++) {
		const gd_node *e = log->vals[i];
		const char *s = e->type == GD_MAP ? gd_node_str(e, "at") : NULL;
		gd_time t;
		gd_date next;

		if (!s || gd_time_parse_iso(&t, s) < 0)
			continue;
		if (!c->has_last || t.t >= c->last.t) {
			c->has_last = 1;
			c->last = t;
			c->via = gd_node_str(e, "via");
		}
		if (date_of(&next, e, "next") &&
		    (!c->has_agreed || t.t >= c->agreed_at.t)) {
			c->has_agreed = 1;
			c->agreed_at = t;
			c->agreed = next;
		}
	}
}

void gd_due_contacts_merge(gd_due_contacts *into, const gd_due_contacts *c)
{
	if (c->has_last && (!into->has_last || c->last.t > into->last.t)) {
		into->has_last = 1;
		into->last = c->last;
		into->via = c->via;
	}
	if (c->has_agreed && (!into->has_agreed || c->agreed_at.t > into->agreed_at.t)) {
		into->has_agreed = 1;
		into->agreed_at = c->agreed_at;
		into->agreed = c->agreed;
	}
}

/* The agreed next of SPEC 2.3 rule 2, if it still stands: no contact on
 * or after its date. */
static int agreed_stands(const gd_due_contacts *c, gd_date *next)
{
	if (!c->has_agreed || gd_time_date(&c->last) >= c->agreed)
		return 0;
	*next = c->agreed;
	return 1;
}

/* The words of the last contact: "last contact 2026-11-24 (visit)". */
static char *contact_words(const gd_due_contacts *c, int local)
{
	char d[GD_DATE_LEN];

	if (!c->has_last)
		return gd__xstrdup(tr(local, N_("never contacted")));
	gd_date_format(d, gd_time_date(&c->last));
	return c->via ? gd__xasprintf(tr(local, N_("last contact %s (%s)")), d, c->via)
		      : gd__xasprintf(tr(local, N_("last contact %s")), d);
}

void gd_due_marks_of(gd_due_marks *m, const gd_record *r)
{
	const gd_node *hold = gd_node_get(r->root, "hold");

	memset(m, 0, sizeof(*m));
	m->grade = gd_record_grade(r);
	m->has_next = date_of(&m->next, r->root, "next");
	m->has_hold = hold && hold->type == GD_MAP && date_of(&m->hold, hold, "until");
}

/* A hold keeps a record out until its end, never due before it. */
static void held_until(const gd_due_marks *m, gd_date *due, char **explain,
		       int local)
{
	char d[GD_DATE_LEN], *e;

	if (!m->has_hold || m->hold <= *due)
		return;
	gd_date_format(d, m->hold);
	e = gd__xasprintf(tr(local, N_("%s; on hold until %s")), *explain, d);
	free(*explain);
	*explain = e;
	*due = m->hold;
}

/*
 * The follow-up rule shared by customers and contacted inquiries, over the
 * contacts c: explicit next, the agreed next, last contact + cadence, else
 * `since`.
 */
static gd_date follow_rule(const gd_due_marks *m, const gd_due_contacts *c,
			   const gd_config *cfg, gd_date since,
			   const char *since_what, char **detail,
			   char **explain, int local)
{
	const gd_tier *tier = gd_config_tier(cfg, m->grade);
	gd_date next, lastdate = c->has_last ? gd_time_date(&c->last) : 0, due;
	char d1[GD_DATE_LEN], d2[GD_DATE_LEN], every[16];
	char *contact = contact_words(c, local);

	if (!tier)
		tier = &cfg->tiers[cfg->ntiers - 1];
	gd_duration_format_local(every, sizeof(every), tier->every, local);
	gd_date_format(d1, lastdate);
	if (m->has_next && (!c->has_last || m->next > lastdate)) {
		next = m->next;
		gd_date_format(d2, next);
		*detail = gd__xasprintf(tr(local, N_("next set to %s, %s")), d2, contact);
		*explain = gd__xasprintf(tr(local, N_("explicit next: %s (set on the record)")), d2);
		due = next;
	} else if (agreed_stands(c, &next)) {
		gd_date_format(d1, gd_time_date(&c->agreed_at));
		gd_date_format(d2, next);
		*detail = gd__xasprintf(tr(local, N_("next agreed %s, %s")), d2, contact);
		*explain = gd__xasprintf(tr(local, N_("next agreed at the contact of %s: %s (no contact on or after that day)")),
					 d1, d2);
		due = next;
	} else if (c->has_last) {
		gd_time t = c->last;
		t.t += tier->every;
		due = gd_time_date(&t);
		*detail = gd__xasprintf(tr(local, N_("%s every %s, %s")), tier->name,
					every, contact);
		*explain = gd__xasprintf(tr(local, N_("cadence: tier %s every %s after the last contact %s")),
					 tier->name, every, d1);
	} else {
		due = since;
		gd_date_format(d2, since);
		*detail = gd__xasprintf(tr(local, N_("never contacted, %s %s")),
					tr(local, since_what), d2);
		*explain = gd__xasprintf(tr(local, N_("never contacted: due from %s %s")),
					 tr(local, since_what), d2);
	}
	free(contact);
	return due;
}

gd_date gd_due_follow_up(const gd_due_marks *m, const gd_due_contacts *c,
			 const gd_config *cfg, gd_date since,
			 const char *since_what, char **detail, char **explain,
			 int local)
{
	gd_date due = follow_rule(m, c, cfg, since, since_what, detail, explain,
				  local);

	held_until(m, &due, explain, local);
	return due;
}

/* The follow-up of r over its own contacts (own, else read from its log)
 * and those linked to it. */
static gd_date follow_up(const gd_record *r, const gd_due_contacts *own,
			 const gd_due_contacts *linked, const gd_config *cfg,
			 gd_date since, const char *since_what, char **detail,
			 char **explain, int local)
{
	gd_due_contacts c;
	gd_due_marks m;

	if (own)
		c = *own;
	else
		gd_due_contacts_of(&c, r);
	if (linked)
		gd_due_contacts_merge(&c, linked);
	gd_due_marks_of(&m, r);
	return gd_due_follow_up(&m, &c, cfg, since, since_what, detail, explain,
				local);
}

static void held(const gd_record *r, gd_date *due, char **explain, int local)
{
	gd_due_marks m;

	gd_due_marks_of(&m, r);
	held_until(&m, due, explain, local);
}

static void customer(gd_due_item **items, size_t *n, const gd_record *r,
		     const gd_due_contacts *own, const gd_due_contacts *linked,
		     const gd_config *cfg, gd_date today, int local)
{
	gd_date created, due;
	char *detail = NULL, *explain = NULL;

	if (strcmp(gd_record_status(r), "active") != 0)
		return;
	if (!date_of(&created, r->root, "created"))
		created = today;
	due = follow_up(r, own, linked, cfg, created, N_("created"), &detail,
			&explain, local);
	push(items, n, r, due, today, GD_DUE_FOLLOWUP, detail, explain);
}

static void inquiry(gd_due_item **items, size_t *n, const gd_record *r,
		    const gd_due_contacts *own, const gd_config *cfg, gd_date today,
		    int local)
{
	const char *status = gd_record_status(r);
	const char *rs = gd_node_str(r->root, "received");
	const char *replied = gd_node_str(r->root, "replied");
	gd_time received = {0, 0}, t;
	gd_date due, since;
	char *detail = NULL, *explain = NULL, every[16], d[GD_TIME_LEN];

	if (!rs || gd_time_parse_iso(&received, rs) < 0)
		return;
	if (!strcmp(status, "new") && !replied) {
		t = received;
		t.t += cfg->reply_within;
		due = gd_time_date(&t);
		gd_duration_format_local(every, sizeof(every), cfg->reply_within, local);
		gd_time_format(d, &received);
		detail = gd__xasprintf(tr(local, N_("reply owed, received %s")), d);
		explain = gd__xasprintf(tr(local, N_("reply owed: received %s, reply within %s")),
					d, every);
		held(r, &due, &explain, local);
		push(items, n, r, due, today, GD_DUE_REPLY, detail, explain);
		return;
	}
	if (!gd_inquiry_open(r))
		return;
	since = gd_time_date(&received);
	if (replied && gd_time_parse_iso(&t, replied) == 0)
		since = gd_time_date(&t);
	due = follow_up(r, own, NULL, cfg, since, N_("replied"), &detail, &explain,
			local);
	push(items, n, r, due, today, GD_DUE_FOLLOWUP, detail, explain);
}

char *gd_due_stage_late(const gd_due_stage_at *at, int slip, int local)
{
	gd__buf b = {0};
	char d[GD_DATE_LEN];

	gd__buf_puts(&b, "");
	if (slip <= 0)
		return gd__buf_detach(&b, NULL);
	gd__buf_printf(&b, tr_plural(local, ", %d day late", ", %d days late",
				     (unsigned long)slip), slip);
	/* the rest of the plan slips as much: the buffer between
	 * internal-by and ship-by absorbs it or not */
	if (at->has_internal) {
		gd_date_format(d, at->internal);
		gd__buf_printf(&b, tr(local, N_("; internal-by %s at risk")), d);
	}
	if (at->has_shipby && (!at->has_internal || at->internal + slip > at->shipby)) {
		gd_date_format(d, at->shipby);
		gd__buf_printf(&b, tr(local, N_("; ship-by %s at risk")), d);
	}
	return gd__buf_detach(&b, NULL);
}

int gd_due_outstanding(gd_dec *out, gd_dec *paid, const gd_node *p)
{
	out->units = 0;
	paid->units = 0;
	if (gd_node_get(p, "received"))
		return 0;
	/* no amount planned: due all the same, for an amount nobody wrote */
	if (!gd_node_str(p, "amount"))
		return 1;
	if (gd_payment_paid(out, paid, p) < 0) {
		/* an invalid record: check names it; still chase the payment */
		gd_error_clear();
		out->units = 0;
		paid->units = 0;
		return 1;
	}
	return out->units > 0;
}

/* Each stage of an open order without `done`, due on its plan. */
static void stages_due(gd_due_item **items, size_t *n, const gd_record *r,
		       gd_date today, int local)
{
	const gd_node *stages = gd_node_get(r->root, "stages");
	gd_due_stage_at at = {0};
	gd_date due;
	char d1[GD_DATE_LEN];
	size_t i;

	at.has_internal = date_of(&at.internal, r->root, "internal-by");
	at.has_shipby = date_of(&at.shipby, r->root, "ship-by");
	for (i = 0; stages && stages->type == GD_SEQ && i < stages->n; i++) {
		const gd_node *s = stages->vals[i];
		const char *name = gd_node_str(s, "name");
		gd__buf detail = {0};
		char *explain, *late;

		if (s->type != GD_MAP || gd_node_get(s, "done") ||
		    !date_of(&due, s, "plan") || !name)
			continue;
		gd_date_format(d1, due);
		at.plan = due;
		late = gd_due_stage_late(&at, gd_date_diff(today, due), local);
		gd__buf_printf(&detail, tr(local, N_("%s planned %s")), name, d1);
		gd__buf_puts(&detail, late);
		free(late);
		explain = gd__xasprintf(tr(local, N_("stage %s not done, planned %s")),
					name, d1);
		held(r, &due, &explain, local);
		push(items, n, r, due, today, GD_DUE_STAGE,
		     gd__buf_detach(&detail, NULL), explain);
		(*items)[*n - 1].stage = at;
	}
}

/* Each payment of an open or shipped order with money outstanding, due on
 * its `due` date: a balance does not vanish when the goods leave. */
static void payments_due(gd_due_item **items, size_t *n, const gd_record *r,
			 gd_date today, int local)
{
	const gd_node *payments = gd_node_get(r->root, "payments");
	const char *cur = gd_node_str(r->root, "currency");
	gd_date due;
	char d1[GD_DATE_LEN];
	size_t i;

	for (i = 0; payments && payments->type == GD_SEQ && i < payments->n; i++) {
		const gd_node *p = payments->vals[i];
		const char *what = gd_node_str(p, "what");
		const char *amount = gd_node_str(p, "amount");
		char *detail, *explain;
		gd_dec owed, paid;

		if (p->type != GD_MAP || !gd_due_outstanding(&owed, &paid, p) ||
		    !date_of(&due, p, "due") || !what)
			continue;
		gd_date_format(d1, due);
		/* the amount as written until money comes, then what is owed */
		if (amount) {
			char owed_s[GD_DEC_LEN];

			if (paid.units != 0)
				gd_dec_format(owed_s, owed);
			else
				snprintf(owed_s, sizeof(owed_s), "%s", amount);
			detail = gd__xasprintf(tr(local, N_("%s %s%s%s due %s")), what,
					       cur ? cur : "", cur ? " " : "",
					       owed_s, d1);
		}
		else
			detail = gd__xasprintf(tr(local, N_("%s due %s")), what, d1);
		explain = gd__xasprintf(tr(local, N_("payment %s not received, due %s")),
					what, d1);
		held(r, &due, &explain, local);
		push(items, n, r, due, today, GD_DUE_PAYMENT, detail, explain);
	}
}

static void order(gd_due_item **items, size_t *n, const gd_record *r,
		  gd_date today, int local)
{
	const char *status = gd_record_status(r);

	if (!strcmp(status, "open"))
		stages_due(items, n, r, today, local);
	if (!strcmp(status, "open") || !strcmp(status, "shipped"))
		payments_due(items, n, r, today, local);
}

/* The contacts of the records linked to each customer, by its id. */
struct gd_due_links {
	gd__hash t;
	struct link {
		char *id;
		gd_due_contacts c;
	} *v;
	size_t n, cap;
};

gd_due_links *gd_due_links_new(void)
{
	return gd__xcalloc(1, sizeof(gd_due_links));
}

static struct link *link_find(const gd_due_links *l, const char *id)
{
	gd__hash_pos pos = gd__hash_find(&l->t, gd__hash_str(id));
	size_t i;

	while (gd__hash_next(&l->t, &pos, &i))
		if (!strcmp(l->v[i].id, id))
			return &l->v[i];
	return NULL;
}

void gd_due_links_add(gd_due_links *l, const char *customer,
		      const gd_due_contacts *c)
{
	struct link *k;

	if (!c->has_last && !c->has_agreed)
		return;
	if ((k = link_find(l, customer))) {
		gd_due_contacts_merge(&k->c, c);
		return;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = gd__xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n].id = gd__xstrdup(customer);
	l->v[l->n].c = *c;
	gd__hash_add(&l->t, gd__hash_str(customer), l->n++);
}

const gd_due_contacts *gd_due_links_get(const gd_due_links *l, const char *id)
{
	const struct link *k = link_find(l, id);

	return k ? &k->c : NULL;
}

void gd_due_links_free(gd_due_links *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		free(l->v[i].id);
	free(l->v);
	gd__hash_free(&l->t);
	free(l);
}

static void record_items(gd_due_item **items, size_t *n, const gd_record *r,
			 const gd_due_contacts *own, const gd_due_links *links,
			 const gd_config *cfg, gd_date today, int local)
{
	switch (r->kind) {
	case GD_CUSTOMER:
		customer(items, n, r, own, links ? gd_due_links_get(links, r->id) : NULL,
			 cfg, today, local);
		break;
	case GD_INQUIRY:
		inquiry(items, n, r, own, cfg, today, local);
		break;
	case GD_ORDER:
		order(items, n, r, today, local);
		break;
	}
}

void gd_due_record(gd_due_item **items, size_t *n, const gd_record *r,
		   const gd_config *cfg, gd_date today)
{
	record_items(items, n, r, NULL, NULL, cfg, today, 0);
}

void gd_due_record_local(gd_due_item **items, size_t *n, const gd_record *r,
			 const gd_config *cfg, gd_date today)
{
	record_items(items, n, r, NULL, NULL, cfg, today, 1);
}

void gd_due_record_own(gd_due_item **items, size_t *n, gd_due_item **litems,
		       size_t *ln, const gd_record *r, const gd_due_contacts *own,
		       const gd_config *cfg, gd_date today)
{
	record_items(items, n, r, own, NULL, cfg, today, 0);
	if (litems)
		record_items(litems, ln, r, own, NULL, cfg, today, 1);
}

static int owner_match(const char *owner, const gd_due_filter *f)
{
	if (f->all)
		return 1;
	if (f->owner) {
		if (!strcmp(f->owner, "none"))
			return !owner || !*owner;
		return owner && !strcasecmp(owner, f->owner);
	}
	return !owner || !*owner || (f->me && !strcasecmp(owner, f->me));
}

int gd_due_owner_match(const gd_record *r, const gd_due_filter *f)
{
	return owner_match(gd_record_owner(r), f);
}

int gd_due_match(gd_kind kind, const char *owner, const char *grade,
		 const gd_due_filter *f)
{
	if (f->kind >= 0 && (int)kind != f->kind)
		return 0;
	if (!owner_match(owner, f))
		return 0;
	return !f->tier || (grade && !strcmp(grade, f->tier));
}

static const gd_config *sort_cfg;

int64_t gd_due_received(const gd_record *r)
{
	const char *s = r->kind == GD_INQUIRY ? gd_node_str(r->root, "received") : NULL;
	gd_time t;

	return s && gd_time_parse_iso(&t, s) == 0 ? t.t : 0;
}

static int item_cmp(const void *a, const void *b)
{
	const gd_due_item *x = a, *y = b;
	int rx = x->reason == GD_DUE_REPLY, ry = y->reason == GD_DUE_REPLY;
	int64_t tx, ty;
	size_t gx, gy;
	int c;

	if (rx != ry)
		return ry - rx;
	/* replies owed: the sender who has waited longest first, even when
	 * two are due on the same day */
	if (rx && (tx = x->received) != (ty = y->received))
		return tx < ty ? -1 : 1;
	if (x->days_late != y->days_late)
		return x->days_late > y->days_late ? -1 : 1;
	gx = gd_config_tier_rank(sort_cfg, x->grade);
	gy = gd_config_tier_rank(sort_cfg, y->grade);
	if (gx != gy)
		return gx < gy ? -1 : 1;
	if ((c = strcmp(x->id, y->id)))
		return c;
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	return (int)x->reason - (int)y->reason;
}

void gd_due_finish(gd_due_item *items, size_t *n, const gd_config *cfg,
		   const gd_due_filter *f)
{
	size_t i, kept = 0;

	for (i = 0; i < *n; i++) {
		if (items[i].reason == GD_DUE_REPLY ||
		    items[i].days_late >= -f->days) {
			items[kept++] = items[i];
		} else {
			free(items[i].detail);
			free(items[i].explain);
		}
	}
	sort_cfg = cfg;
	if (kept > 1)
		qsort(items, kept, sizeof(*items), item_cmp);
	*n = kept;
}

void gd_due_list(gd_due_item **out, size_t *n, gd_record *const *recs,
		 size_t nrecs, const gd_config *cfg, gd_date today,
		 const gd_due_filter *f)
{
	gd_due_item *items = NULL;
	gd_due_links *links = gd_due_links_new();
	gd_due_contacts c;
	size_t i, count = 0;

	for (i = 0; i < nrecs; i++) {
		const char *cust = recs[i]->kind != GD_CUSTOMER
					   ? gd_node_str(recs[i]->root, "customer")
					   : NULL;
		if (!cust)
			continue;
		gd_due_contacts_of(&c, recs[i]);
		gd_due_links_add(links, cust, &c);
	}
	for (i = 0; i < nrecs; i++) {
		const gd_record *r = recs[i];
		if (gd_due_match(r->kind, gd_record_owner(r), gd_record_grade(r), f))
			record_items(&items, &count, r, NULL, links, cfg, today, f->local);
	}
	gd_due_links_free(links);
	gd_due_finish(items, &count, cfg, f);
	*out = items;
	*n = count;
}

void gd_due_items_free(gd_due_item *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(items[i].detail);
		free(items[i].explain);
	}
	free(items);
}
