/*
 * duescan.c - gendan due over the whole ledger without loading it.
 *
 * `due` needs little of each record: its name, owner and grade, and its
 * pending items with their dates.  The summary .git/gendan-due keeps
 * exactly that for every record file (see summary.h), so an unchanged
 * file's items come from there, and a new or changed file is read,
 * summarised and its tree freed at once: memory stays small whatever the
 * size of the ledger.  Nothing kept depends on the day: a stage keeps its
 * plan, internal-by and ship-by, and its lateness is worded when listed; a
 * customer without `created` (due on the day it is looked at) is marked
 * volatile and read again by every run.  Detail and explain are kept in
 * English and, when a translation is in use, in that language too.  The
 * magic changes with the due rules: a summary made by older rules is
 * read again.
 *
 * A customer's contacts include those of the inquiries and orders linked
 * to it (SPEC 2.3), so its follow-up depends on other files.  Each entry
 * keeps only its own facts: the customer it is linked to, its last
 * contact and latest agreed next, its next, hold and created.  The list
 * combines them when it is made: the contacts of linked records are
 * merged by customer id, and a customer with any is computed again from
 * its facts and theirs.  A hand edit of any of those files refreshes that
 * file's entry, so the very next command answers from it.
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/due.h"
#include "gendan/error.h"
#include "duescan.h"

/* The body of an entry: name, owner, grade, received; the customer it is
 * linked to, its contacts and marks (what a customer's follow-up is
 * computed from when linked records add contacts to it); then the items. */
struct body {
	const char *name, *owner, *grade;
	int64_t received;
	const char *link;     /* an inquiry's or order's `customer` */
	gd_due_contacts c;
	gd_due_marks m;
	int has_created;
	gd_date created;
	const unsigned char *items; /* serialized items */
	size_t itemslen, nitems;
};

/* Farther from 1970 than any date a record can hold (years 0 to 9999),
 * yet near enough that a due list's sums of dates and days cannot
 * overflow: a summary with another date is damaged. */
#define DATE_FAR 100000000

static gd_date take_date(gd__rd *r)
{
	int32_t d = (int32_t)(uint32_t)gd__rd_num(r, 4);

	if (d <= -DATE_FAR || d >= DATE_FAR)
		r->bad = 1;
	return d;
}

static gd_time take_time(gd__rd *r)
{
	gd_time t;

	t.t = (int64_t)gd__rd_num(r, 8);
	t.off = (int32_t)(uint32_t)gd__rd_num(r, 4);
	if (t.t <= -(int64_t)DATE_FAR * 86400 || t.t >= (int64_t)DATE_FAR * 86400 ||
	    t.off <= -86400 || t.off >= 86400)
		r->bad = 1;
	return t;
}

enum { HAS_LAST = 1, HAS_AGREED = 2, HAS_NEXT = 4, HAS_HOLD = 8, HAS_CREATED = 16 };

/* The link, contacts and marks of an entry. */
static void decode_links(struct body *b, gd__rd *r)
{
	unsigned has;

	b->link = gd__sum_get_str(r);
	has = (unsigned)gd__rd_num(r, 1);
	b->c.has_last = (has & HAS_LAST) != 0;
	b->c.has_agreed = (has & HAS_AGREED) != 0;
	b->m.has_next = (has & HAS_NEXT) != 0;
	b->m.has_hold = (has & HAS_HOLD) != 0;
	b->has_created = (has & HAS_CREATED) != 0;
	b->c.last = take_time(r);
	b->c.via = gd__sum_get_str(r);
	b->c.agreed_at = take_time(r);
	b->c.agreed = take_date(r);
	b->m.next = take_date(r);
	b->m.hold = take_date(r);
	b->created = take_date(r);
	b->m.grade = b->grade;
}

static void encode_links(gd__buf *b, const gd_record *r, const gd_due_contacts *own)
{
	gd_due_contacts c = *own;
	gd_due_marks m;
	gd_date created = 0;
	int has_created = 0;
	const char *s = gd_node_str(r->root, "created");

	gd_due_marks_of(&m, r);
	if (s && gd_date_parse(&created, s) == 0)
		has_created = 1;
	gd__sum_put_str(b, r->kind != GD_CUSTOMER ? gd_node_str(r->root, "customer") : NULL);
	gd__buf_num(b, (uint64_t)((c.has_last ? HAS_LAST : 0) | (c.has_agreed ? HAS_AGREED : 0) |
				  (m.has_next ? HAS_NEXT : 0) | (m.has_hold ? HAS_HOLD : 0) |
				  (has_created ? HAS_CREATED : 0)), 1);
	gd__buf_num(b, (uint64_t)c.last.t, 8);
	gd__buf_num(b, (uint64_t)(uint32_t)c.last.off, 4);
	gd__sum_put_str(b, c.via);
	gd__buf_num(b, (uint64_t)c.agreed_at.t, 8);
	gd__buf_num(b, (uint64_t)(uint32_t)c.agreed_at.off, 4);
	gd__buf_num(b, (uint64_t)(uint32_t)c.agreed, 4);
	gd__buf_num(b, (uint64_t)(uint32_t)m.next, 4);
	gd__buf_num(b, (uint64_t)(uint32_t)m.hold, 4);
	gd__buf_num(b, (uint64_t)(uint32_t)created, 4);
}

static int decode_body(struct body *b, gd__rd *r)
{
	const unsigned char *start;
	size_t i;

	memset(b, 0, sizeof(*b));
	b->name = gd__sum_get_str(r);
	b->owner = gd__sum_get_str(r);
	b->grade = gd__sum_get_str(r);
	b->received = (int64_t)gd__rd_num(r, 8);
	decode_links(b, r);
	b->nitems = (size_t)gd__rd_num(r, 2);
	start = r->p;
	for (i = 0; i < b->nitems && !r->bad; i++) {
		uint64_t reason = gd__rd_num(r, 1);
		const char *detail, *explain;
		if (reason > GD_DUE_PAYMENT)
			r->bad = 1;
		take_date(r); /* due */
		/* detail and explain, then in the user's language or none */
		detail = gd__sum_get_str(r);
		explain = gd__sum_get_str(r);
		if (!detail || !explain)
			r->bad = 1;
		gd__sum_get_str(r);
		gd__sum_get_str(r);
		/* a stage: its plan, which of the two it has, internal-by and
		 * ship-by */
		if (reason == GD_DUE_STAGE) {
			take_date(r);
			gd__rd_num(r, 1);
			take_date(r);
			take_date(r);
		}
	}
	b->items = start;
	b->itemslen = (size_t)(r->p - start);
	return r->bad ? -1 : 0;
}

static int check(gd__rd *r)
{
	struct body b;

	return decode_body(&b, r);
}

/* The body of an entry that decoded once already. */
static void body_of(const struct gd__sum *s, struct body *b)
{
	gd__rd r = gd__sum_body(s);

	decode_body(b, &r);
}

struct due_arg {
	gd_date today;
	int local; /* also in the user's language */
};

/* Does the record's due text depend on the day it is computed?  (A
 * customer without `created` is due on the day it is looked at.  A late
 * stage's words are added when listed, from what the summary keeps.) */
static int is_volatile(const gd_record *r)
{
	return r->kind == GD_CUSTOMER && !gd_node_str(r->root, "created");
}

/* A day before any record: computed "on" it, no stage is late yet. */
#define BEFORE_ALL ((gd_date)-1000000000)

static unsigned encode(gd__buf *b, const gd_record *r, const gd_config *cfg,
		       const void *arg)
{
	const struct due_arg *a = arg;
	gd_due_item *items = NULL, *litems = NULL;
	gd_due_contacts own;
	size_t n = 0, ln = 0, i;
	int vol = is_volatile(r);

	/* the log read once: for the items, in both languages, and the links */
	gd_due_contacts_of(&own, r);
	gd_due_record_own(&items, &n, a->local ? &litems : NULL, &ln, r, &own, cfg,
			  vol ? a->today : BEFORE_ALL);
	gd__sum_put_str(b, gd_record_name(r));
	gd__sum_put_str(b, gd_record_owner(r));
	gd__sum_put_str(b, gd_record_grade(r));
	gd__buf_num(b, (uint64_t)gd_due_received(r), 8);
	encode_links(b, r, &own);
	gd__buf_num(b, n, 2);
	for (i = 0; i < n; i++) {
		gd__buf_num(b, (uint64_t)items[i].reason, 1);
		gd__buf_num(b, (uint64_t)(uint32_t)items[i].due, 4);
		gd__sum_put_str(b, items[i].detail);
		gd__sum_put_str(b, items[i].explain);
		gd__sum_put_str(b, litems && ln == n ? litems[i].detail : NULL);
		gd__sum_put_str(b, litems && ln == n ? litems[i].explain : NULL);
		if (items[i].reason == GD_DUE_STAGE) {
			const gd_due_stage_at *at = &items[i].stage;
			gd__buf_num(b, (uint64_t)(uint32_t)at->plan, 4);
			gd__buf_num(b, (uint64_t)((at->has_internal ? 1 : 0) | (at->has_shipby ? 2 : 0)), 1);
			gd__buf_num(b, (uint64_t)(uint32_t)at->internal, 4);
			gd__buf_num(b, (uint64_t)(uint32_t)at->shipby, 4);
		}
	}
	gd_due_items_free(items, n);
	gd_due_items_free(litems, ln);
	return vol ? GD__SUM_VOLATILE : 0;
}

/* What the items listed point into. */
struct gd_due_scan {
	gd__sumscan *sc;
};

const struct gd__sum_type gd__due_summary = {"GDDUE005", "gendan-due", encode, check};

/* A new item of the entry s at the end of (*items, *n), room for *cap. */
static gd_due_item *new_item(gd_due_item **items, size_t *n, size_t *cap,
			     const struct gd__sum *s, const struct body *b)
{
	gd_due_item *it;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*items = gd__xrealloc(*items, *cap * sizeof(**items));
	}
	it = &(*items)[(*n)++];
	memset(it, 0, sizeof(*it));
	it->kind = (gd_kind)s->kind;
	it->id = s->id;
	it->path = s->path;
	it->name = b->name;
	it->owner = b->owner;
	it->grade = b->grade;
	return it;
}

static void push_items(gd_due_item **items, size_t *n, size_t *cap,
		       const struct gd__sum *s, const struct body *b,
		       gd_date today, int local)
{
	const char *detail, *explain, *ldetail, *lexplain;
	char *late;
	int local_text;
	gd__rd r = {b->items, b->items + b->itemslen, 0};
	size_t i;

	for (i = 0; i < b->nitems; i++) {
		gd_due_item *it = new_item(items, n, cap, s, b);
		it->received = b->received;
		it->reason = (gd_due_reason)gd__rd_num(&r, 1);
		it->due = (gd_date)(int32_t)(uint32_t)gd__rd_num(&r, 4);
		it->days_late = gd_date_diff(today, it->due);
		detail = gd__sum_get_str(&r);
		explain = gd__sum_get_str(&r);
		ldetail = gd__sum_get_str(&r);
		lexplain = gd__sum_get_str(&r);
		local_text = local && ldetail && lexplain;
		it->explain = gd__xstrdup(local_text ? lexplain : explain);
		late = NULL;
		if (it->reason == GD_DUE_STAGE) {
			unsigned has;
			it->stage.plan = (gd_date)(int32_t)(uint32_t)gd__rd_num(&r, 4);
			has = (unsigned)gd__rd_num(&r, 1);
			it->stage.has_internal = (has & 1) != 0;
			it->stage.has_shipby = (has & 2) != 0;
			it->stage.internal = (gd_date)(int32_t)(uint32_t)gd__rd_num(&r, 4);
			it->stage.shipby = (gd_date)(int32_t)(uint32_t)gd__rd_num(&r, 4);
			late = gd_due_stage_late(&it->stage,
						 gd_date_diff(today, it->stage.plan),
						 local_text);
		}
		it->detail = gd__xasprintf("%s%s", local_text ? ldetail : detail,
					   late ? late : "");
		free(late);
	}
}

/* A customer's follow-up over its own contacts and those linked to it,
 * computed when listed from what the summaries keep of each record. */
static void push_linked(gd_due_item **items, size_t *n, size_t *cap,
			const struct gd__sum *s, const struct body *b,
			const gd_due_contacts *linked, const gd_config *cfg,
			gd_date today, int local)
{
	gd_due_contacts c = b->c;
	gd_due_item *it = new_item(items, n, cap, s, b);

	gd_due_contacts_merge(&c, linked);
	it->reason = GD_DUE_FOLLOWUP;
	it->due = gd_due_follow_up(&b->m, &c, cfg, b->has_created ? b->created : today,
				   N_("created"), &it->detail, &it->explain, local);
	it->days_late = gd_date_diff(today, it->due);
}

/* The contacts of the records linked to each customer. */
static gd_due_links *links_of(const gd__sumscan *sc)
{
	gd_due_links *links = gd_due_links_new();
	size_t i;

	for (i = 0; i < sc->n; i++) {
		const struct gd__sum *s = sc->sums[i];
		struct body b;
		if (s->flags & GD__SUM_BAD || s->dropped || s->kind == GD_CUSTOMER)
			continue;
		body_of(s, &b);
		if (b.link)
			gd_due_links_add(links, b.link, &b.c);
	}
	return links;
}

void gd__due_items(gd_due_item **out, size_t *nout, const gd__sumscan *sc,
		   const gd_config *cfg, gd_date today, const gd_due_filter *f)
{
	gd_due_item *items = NULL;
	gd_due_links *links = links_of(sc);
	const gd_due_contacts *linked;
	size_t i, n = 0, cap = 0;

	for (i = 0; i < sc->n; i++) {
		const struct gd__sum *s = sc->sums[i];
		struct body b;
		if (s->flags & GD__SUM_BAD || s->dropped)
			continue;
		body_of(s, &b);
		if (!gd_due_match((gd_kind)s->kind, b.owner, b.grade, f))
			continue;
		/* an active customer (one item) with contacts linked to it */
		if (s->kind == GD_CUSTOMER && b.nitems == 1 &&
		    (linked = gd_due_links_get(links, s->id)))
			push_linked(&items, &n, &cap, s, &b, linked, cfg, today, f->local);
		else
			push_items(&items, &n, &cap, s, &b, today, f->local);
	}
	gd_due_links_free(links);
	gd_due_finish(items, &n, cfg, f);
	*out = items;
	*nout = n;
}

void gd__due_scan(gd_due_item **out, size_t *nout, gd_due_scan **keep,
		  const gd__source *src, gd_date today, const gd_due_filter *f,
		  gd__problem_fn bad, void *ctx)
{
	struct due_arg arg = {today, *gd__sum_language() != '\0'};
	gd__sumscan *sc = gd__sum_scan(src, &gd__due_summary, &arg,
				       gd__sum_key(src->config_hash), bad, ctx);

	gd__due_items(out, nout, sc, src->cfg, today, f);
	*keep = gd__xcalloc(1, sizeof(**keep));
	(*keep)->sc = sc;
}

void gd_due_scan_free(gd_due_scan *keep)
{
	if (!keep)
		return;
	gd__sum_scan_free(keep->sc);
	free(keep);
}
