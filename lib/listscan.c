/*
 * listscan.c - ls, find and REF lookup over the whole ledger without
 * loading it.
 *
 * The summary .git/gendan-list keeps, for every record file (see
 * summary.h): the columns `ls` and `find` print, what their filters
 * compare, the text `find` searches, already folded as gd_text_contains()
 * folds it, and what REF resolution looks at (emails, E.164 phones, folded
 * names), and the keys the duplicate check of `add` compares -- a
 * customer's people's emails and phones among all of these.  Phones are
 * kept in E.164 form for the ledger's phone-region, which is part of
 * gendan.yaml and so of the summary's key.  So a name
 * given as REF, a search or a new customer costs a walk that stats every
 * file plus a look at the summary, not a parse of every record.  Nothing
 * kept depends on the day.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "gendan/error.h"
#include "gendan/ids.h"
#include "gendan/money.h"
#include "gendan/phone.h"
#include "gendan/refs.h"
#include "listscan.h"

/* The body of an entry. */
struct body {
	const char *cells[7]; /* name grade status owner country city last */
	const char *status;   /* as written, for --status */
	const char *ended;    /* cells[2] once the hold has ended, or NULL */
	const char *until;    /* the hold's end as written, or NULL */
	const char *tags;     /* lists, see summary.h */
	const char *emails, *phones, *names;
	const char *text;     /* what find searches, folded */
	const char *digits;   /* the phones find searches, E.164 */
	const char *dupkeys;  /* what the duplicate check compares */
	/* an inquiry's or order's customer link; an order's ship-by,
	 * currency and outstanding (gd_order_outstanding), else NULL */
	const char *customer, *shipby, *currency, *owed;
};

static int decode_body(struct body *b, gd__rd *r)
{
	int i;

	for (i = 0; i < 7; i++)
		b->cells[i] = gd__sum_get_str(r);
	b->status = gd__sum_get_str(r);
	b->ended = gd__sum_get_str(r);
	b->until = gd__sum_get_str(r);
	b->tags = gd__sum_get_list(r);
	b->emails = gd__sum_get_list(r);
	b->phones = gd__sum_get_list(r);
	b->names = gd__sum_get_list(r);
	b->text = gd__sum_get_list(r);
	b->digits = gd__sum_get_list(r);
	b->dupkeys = gd__sum_get_list(r);
	b->customer = gd__sum_get_str(r);
	b->shipby = gd__sum_get_str(r);
	b->currency = gd__sum_get_str(r);
	b->owed = gd__sum_get_str(r);
	return r->bad ? -1 : 0;
}

static int check(gd__rd *r)
{
	struct body b;

	return decode_body(&b, r);
}

static void body_of(const struct gd__sum *s, struct body *b)
{
	gd__rd r = gd__sum_body(s);

	decode_body(b, &r);
}

/* The last contact: its date and channel. */
static void last_contact(char *buf, size_t size, const gd_record *r)
{
	gd_time at;
	const gd_node *e = gd_record_last_log(r, &at);
	char d[GD_DATE_LEN];
	const char *via;

	buf[0] = '\0';
	if (!e)
		return;
	gd_date_format(d, gd_time_date(&at));
	via = gd_node_str(e, "via");
	snprintf(buf, size, "%s%s%s", d, via ? " " : "", via ? via : "");
}

/* What find searches in one mapping: record, from, a person, a log entry. */
static void find_map(const gd_node *m, const char *region, gd__buf *text,
		     gd__buf *digits)
{
	static const char *const keys[] = {"name", "company", "number", "email",
					   "note", "product", "city", NULL};
	size_t i;

	if (!m || m->type != GD_MAP)
		return;
	for (i = 0; keys[i]; i++)
		gd__list_add_folded(text, gd_node_str(m, keys[i]));
	gd__list_add_phone(digits, gd_node_str(m, "phone"), region);
}

static void find_seq(const gd_node *seq, const char *region, gd__buf *text,
		     gd__buf *digits)
{
	size_t i;

	for (i = 0; seq && seq->type == GD_SEQ && i < seq->n; i++)
		find_map(seq->vals[i], region, text, digits);
}

/* What links an inquiry or order to its customer, and an order's
 * ship-by and money; a customer has none of them. */
static void put_links(gd__buf *b, const gd_record *r)
{
	const char *cust = NULL, *shipby = NULL, *cur = NULL;
	char owed[GD_DEC_LEN];
	gd_dec d = {0};

	if (r->kind != GD_CUSTOMER)
		cust = gd_node_str(r->root, "customer");
	if (r->kind == GD_ORDER) {
		shipby = gd_node_str(r->root, "ship-by");
		cur = gd_node_str(r->root, "currency");
		if (gd_order_outstanding(&d, r->root) < 0) {
			gd_error_clear(); /* a valid record's amounts are numbers */
			d.units = 0;
		}
	}
	gd_dec_format(owed, d);
	gd__sum_put_str(b, cust);
	gd__sum_put_str(b, shipby);
	gd__sum_put_str(b, cur);
	gd__sum_put_str(b, d.units ? owed : NULL);
}

static unsigned encode(gd__buf *b, const gd_record *r, const gd_config *cfg,
		       const void *arg)
{
	const gd_node *from = gd_node_get(r->root, "from");
	const gd_node *hold = gd_node_get(r->root, "hold");
	const gd_node *tags = gd_node_get(r->root, "tags");
	const char *until = hold && hold->type == GD_MAP ? gd_node_str(hold, "until") : NULL;
	const char *status = gd_record_status(r); /* never NULL */
	const char *region = cfg->phone_region;
	gd__buf lists[7];
	char last[64], *cell, *ended;
	size_t i;

	(void)arg;
	memset(lists, 0, sizeof(lists));
	last_contact(last, sizeof(last), r);
	cell = until ? gd__xasprintf(_("%s (hold until %s)"), status, until)
		     : gd__xstrdup(status);
	ended = until ? gd__xasprintf(_("%s (hold ended %s)"), status, until) : NULL;
	gd__sum_put_str(b, gd_record_name(r));
	gd__sum_put_str(b, gd_record_grade(r));
	gd__sum_put_str(b, cell);
	gd__sum_put_str(b, gd_record_owner(r));
	gd__sum_put_str(b, gd_node_str(from && from->type == GD_MAP ? from : r->root,
				       "country"));
	gd__sum_put_str(b, gd_node_str(r->root, "city"));
	gd__sum_put_str(b, last);
	gd__sum_put_str(b, status);
	gd__sum_put_str(b, ended);
	gd__sum_put_str(b, until);
	free(cell);
	free(ended);
	for (i = 0; tags && tags->type == GD_SEQ && i < tags->n; i++)
		if (tags->vals[i]->type == GD_SCALAR)
			gd__list_add(&lists[0], tags->vals[i]->str);
	gd__ref_lists(r, region, &lists[1], &lists[2], &lists[3]);
	gd__list_add_folded(&lists[4], r->id);
	find_map(r->root, region, &lists[4], &lists[5]);
	find_map(from, region, &lists[4], &lists[5]);
	find_seq(gd_node_get(r->root, "people"), region, &lists[4], &lists[5]);
	find_seq(gd_node_get(r->root, "log"), region, &lists[4], &lists[5]);
	gd__dup_keys(&lists[6], cfg, r);
	for (i = 0; i < 7; i++) {
		gd__sum_put_list(b, &lists[i]);
		gd__buf_free(&lists[i]);
	}
	put_links(b, r);
	return 0;
}

/* A summary of another utf8proc may fold text another way. */
static uint64_t list_key(uint64_t config_hash)
{
	const char *v = utf8proc_version();

	return gd__sum_key(config_hash) ^ ((uint64_t)gd_fnv1a(v, strlen(v)) << 16);
}

const struct gd__sum_type gd__list_summary = {"GDLIST05", "gendan-list", encode, check};

/* --- filters -------------------------------------------------------------- */

static int eq(const char *value, const char *want)
{
	return value && !strcasecmp(value, want);
}

static int in_list(const char *list, const char *want)
{
	for (; *list; list += strlen(list) + 1)
		if (!strcasecmp(list, want))
			return 1;
	return 0;
}

static int contains(const char *list, const char *want)
{
	for (; *list; list += strlen(list) + 1)
		if (strstr(list, want))
			return 1;
	return 0;
}

/* "8888", "+86 574", "0574-8888-1234": a phone number or part of one, as
 * people type it: its digits, and its E.164 form for region. */
struct query_phone {
	char *digits, *e164;
};

static void query_phone(struct query_phone *q, const char *s, const char *region)
{
	q->digits = q->e164 = NULL;
	if (!s || gd__phone_digit_count(s) < 3)
		return;
	q->digits = gd__phone_given_digits(s);
	q->e164 = gd_phone_e164(s, region);
}

static int match(const struct gd__sum *s, const struct body *b,
		 const gd_list_filter *f, const char *text,
		 const struct query_phone *q)
{
	const char *owner = b->cells[3];

	if (f->kind >= 0 && (int)s->kind != f->kind)
		return 0;
	if (f->tier && !eq(b->cells[1], f->tier))
		return 0;
	if (f->owner) {
		if (!strcmp(f->owner, "none") ? owner && *owner : !eq(owner, f->owner))
			return 0;
	}
	if (f->country && !eq(b->cells[4], f->country))
		return 0;
	if (f->city && !eq(b->cells[5], f->city))
		return 0;
	if (f->tag && !in_list(b->tags, f->tag))
		return 0;
	if (f->status && !eq(b->status, f->status))
		return 0;
	if (f->customer && !(s->kind == GD_CUSTOMER ? !strcmp(s->id, f->customer)
						     : b->customer && !strcmp(b->customer, f->customer)))
		return 0;
	if (text && !contains(b->text, text) &&
	    !(q->digits && (contains(b->digits, q->digits) ||
			    contains(b->digits, q->e164))))
		return 0;
	return 1;
}

static int entry_cmp(const void *a, const void *b)
{
	const gd_entry *x = a, *y = b;

	return gd__record_order((int)x->kind, x->id, x->path, (int)y->kind, y->id, y->path);
}

/* The scan's records that are not bad and not dropped. */
static int listed(const struct gd__sum *s)
{
	return !(s->flags & GD__SUM_BAD) && !s->dropped;
}

gd__sumscan *gd__list_scan(const gd__source *src, gd__problem_fn bad, void *ctx)
{
	return gd__sum_scan(src, &gd__list_summary, NULL, list_key(src->config_hash),
			    bad, ctx);
}

/* Has the hold of an entry ended by today (its end day included)? */
static int hold_ended(const struct body *b, gd_date today)
{
	gd_date until;

	return b->ended && b->until && today &&
	       gd_date_parse(&until, b->until) == 0 && until <= today;
}

/* The names of the customers the n entries link to: looked up by id
 * among sc's customers; the id itself for one the ledger does not hold. */
static void customer_names(gd_entry *e, size_t n, const gd__sumscan *sc)
{
	gd__hash ids = {0};
	size_t i, k;

	for (i = 0; i < n && !e[i].customer; i++)
		;
	if (i == n)
		return;
	for (k = 0; k < sc->n; k++)
		if (listed(sc->sums[k]) && sc->sums[k]->kind == GD_CUSTOMER)
			gd__hash_add(&ids, gd__hash_str(sc->sums[k]->id), k);
	for (; i < n; i++) {
		gd__hash_pos pos;
		if (!e[i].customer)
			continue;
		e[i].customer_name = e[i].customer;
		pos = gd__hash_find(&ids, gd__hash_str(e[i].customer));
		while (gd__hash_next(&ids, &pos, &k)) {
			struct body b;
			if (strcmp(sc->sums[k]->id, e[i].customer))
				continue;
			body_of(sc->sums[k], &b);
			if (b.cells[0] && *b.cells[0])
				e[i].customer_name = b.cells[0];
			break;
		}
	}
	gd__hash_free(&ids);
}

void gd__list_entries(gd_entry **out, size_t *nout, const gd__sumscan *sc,
		      const gd_list_filter *f, const char *region)
{
	char *text = f->text ? gd_text_fold(f->text) : NULL;
	struct query_phone q;
	gd_entry *e = gd__xcalloc(sc->n + 1, sizeof(*e));
	size_t i, n = 0;

	query_phone(&q, f->text, region);
	for (i = 0; i < sc->n; i++) {
		const struct gd__sum *s = sc->sums[i];
		struct body b;
		if (!listed(s))
			continue;
		body_of(s, &b);
		if (!match(s, &b, f, text, &q))
			continue;
		e[n].kind = (gd_kind)s->kind;
		e[n].id = s->id;
		e[n].path = s->path;
		memcpy(e[n].cells, b.cells, sizeof(b.cells));
		e[n].status = b.status;
		e[n].hold_until = b.until;
		e[n].hold_ended = hold_ended(&b, f->today);
		if (e[n].hold_ended)
			e[n].cells[2] = b.ended;
		e[n].customer = b.customer;
		e[n].ship_by = b.shipby;
		e[n].currency = b.currency;
		e[n].outstanding = b.owed;
		n++;
	}
	customer_names(e, n, sc);
	free(text);
	free(q.digits);
	free(q.e164);
	if (n > 1)
		qsort(e, n, sizeof(*e), entry_cmp);
	*out = e;
	*nout = n;
}

/* What REF resolution looks at, for each of sums. */
static void views_of(gd_ref_view *v, const struct gd__sum **sums, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct body b;
		body_of(sums[i], &b);
		v[i].kind = (gd_kind)sums[i]->kind;
		v[i].id = sums[i]->id;
		v[i].name = b.cells[0];
		v[i].emails = b.emails;
		v[i].phones = b.phones;
		v[i].texts = b.names;
	}
}

char *gd__list_resolve(const gd__sumscan *sc, const char *ref, int kind,
		       const char *region)
{
	const struct gd__sum **sums = gd__xcalloc(sc->n + 1, sizeof(*sums));
	gd_ref_view *v = gd__xcalloc(sc->n + 1, sizeof(*v));
	size_t i, n = 0, hit;
	char *path = NULL;
	int err;

	for (i = 0; i < sc->n; i++)
		if (listed(sc->sums[i]))
			sums[n++] = sc->sums[i];
	views_of(v, sums, n);
	err = gd_ref_resolve_views(&hit, v, n, ref, kind, region);
	/* several: listed in the order of a loaded ledger, as before */
	if (err == GD_EAMBIGUOUS) {
		qsort(sums, n, sizeof(*sums), gd__sum_cmp);
		views_of(v, sums, n);
		err = gd_ref_resolve_views(&hit, v, n, ref, kind, region);
	}
	if (err == 0)
		path = gd__xstrdup(sums[hit]->path);
	free(v);
	free(sums);
	return path;
}

int gd__list_has_id(const gd__sumscan *sc, int kind, const char *id)
{
	size_t i;

	for (i = 0; i < sc->n; i++)
		if (listed(sc->sums[i]) && (int)sc->sums[i]->kind == kind &&
		    !strcmp(sc->sums[i]->id, id))
			return 1;
	return 0;
}

/* Does the list of keys a share one with the list b? */
static int share_key(const char *a, const char *b)
{
	const char *p;

	for (; *a; a += strlen(a) + 1)
		for (p = b; *p; p += strlen(p) + 1)
			if (!strcmp(a, p))
				return 1;
	return 0;
}

const char **gd__list_dup_candidates(size_t *nout, const gd__sumscan *sc,
				     const gd_config *cfg, const gd_dup_probe *probe)
{
	const struct gd__sum **cands = gd__xcalloc(sc->n + 1, sizeof(*cands));
	const char **paths;
	gd__buf keys = {0};
	size_t i, n = 0;

	gd__dup_probe_keys(&keys, cfg, probe);
	for (i = 0; keys.len && i < sc->n; i++) {
		struct body b;
		if (!listed(sc->sums[i]))
			continue;
		body_of(sc->sums[i], &b);
		if (share_key(b.dupkeys, keys.buf))
			cands[n++] = sc->sums[i];
	}
	gd__buf_free(&keys);
	if (n > 1)
		qsort(cands, n, sizeof(*cands), gd__sum_cmp);
	paths = gd__xcalloc(n + 1, sizeof(*paths));
	for (i = 0; i < n; i++)
		paths[i] = cands[i]->path;
	free(cands);
	*nout = n;
	return paths;
}
