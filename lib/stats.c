/*
 * stats.c - the counts of `gendan stats` (see gendan/stats.h).
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/stats.h"
#include "internal.h"

/* One more row under key; a row is a record's value, and total counts
 * the rows. */
static void count(gd_stats *s, const char *key)
{
	size_t i;

	if (!key || !*key)
		key = "(none)";
	s->total++;
	for (i = 0; i < s->nb; i++)
		if (!strcmp(s->b[i].key, key)) {
			s->b[i].n++;
			return;
		}
	s->b = gd__xrealloc(s->b, (s->nb + 1) * sizeof(*s->b));
	s->b[s->nb].key = gd__xstrdup(key);
	s->b[s->nb].n = 1;
	s->nb++;
}

static int by_count(const void *x, const void *y)
{
	const gd_stat_bucket *a = x, *b = y;

	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return strcmp(a->key, b->key);
}

static const char *field_of(const gd_record *r, const char *by)
{
	const gd_node *from = gd_node_get(r->root, "from");

	if (!strcmp(by, "tier"))
		return gd_record_grade(r);
	if (!strcmp(by, "owner"))
		return gd_record_owner(r);
	if (!strcmp(by, "status"))
		return gd_record_status(r);
	if (!strcmp(by, "country"))
		return gd_node_str(from && from->type == GD_MAP ? from : r->root, "country");
	if (!strcmp(by, "source"))
		return gd_node_str(r->root, r->kind == GD_INQUIRY ? "channel" : "source");
	return gd_node_str(r->root, by);
}

/* An inquiry became an order when it is won or its customer has one. */
static int became_order(gd_record *const *recs, size_t nrecs, const gd_record *q)
{
	const char *cust = gd_node_str(q->root, "customer");
	size_t i;

	if (!strcmp(gd_record_status(q), "won"))
		return 1;
	for (i = 0; cust && i < nrecs; i++) {
		const char *c = gd_node_str(recs[i]->root, "customer");
		if (recs[i]->kind == GD_ORDER && c && !strcmp(c, cust))
			return 1;
	}
	return 0;
}

/* Count r: its field, or each of an order's products. */
static void count_record(gd_stats *s, const gd_record *r, const char *by)
{
	const gd_node *items = gd_node_get(r->root, "items");
	size_t j;

	if (strcmp(by, "product")) {
		count(s, field_of(r, by));
		return;
	}
	if (r->kind == GD_ORDER) {
		size_t k, rows = 0;
		for (j = 0; j < gd_node_len(items); j++) {
			const char *p = gd_node_str(items->vals[j], "product");
			if (!p || !*p)
				continue;
			for (k = 0; k < j; k++) /* once under each product */
				if (gd_node_str(items->vals[k], "product") &&
				    !strcmp(gd_node_str(items->vals[k], "product"), p))
					break;
			if (k == j) {
				count(s, p);
				rows++;
			}
		}
		if (!rows)
			count(s, NULL);
		return;
	}
	if (r->kind != GD_CUSTOMER)
		count(s, field_of(r, by));
}

int gd_stats_count(gd_stats *out, gd_record *const *recs, size_t nrecs,
		   const char *by, int kind)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < nrecs; i++) {
		const gd_record *r = recs[i];
		if (kind >= 0 && (int)r->kind != kind)
			continue;
		if (r->kind == GD_CUSTOMER && !strcmp(by, "product"))
			continue;
		out->records++;
		if (r->kind == GD_INQUIRY) {
			out->inquiries++;
			out->won += became_order(recs, nrecs, r);
		}
		count_record(out, r, by);
	}
	if (out->nb > 1)
		qsort(out->b, out->nb, sizeof(*out->b), by_count);
	return 0;
}

void gd_stats_clear(gd_stats *s)
{
	size_t i;

	for (i = 0; i < s->nb; i++)
		free(s->b[i].key);
	free(s->b);
	memset(s, 0, sizeof(*s));
}
