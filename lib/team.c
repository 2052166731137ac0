/*
 * team.c - records changing hands: a hand-over to a colleague and the
 * public pool (公海) taking back the customers its owner neglects
 * (gendan/team.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/team.h"
#include "gendan/error.h"
#include "hash.h"
#include "internal.h"

static int hands_over(const gd_record *r, const gd_handover *h)
{
	const char *owner = gd_record_owner(r), *grade = gd_record_grade(r);

	return owner && !strcasecmp(owner, h->from) &&
	       (h->kind < 0 || (int)r->kind == h->kind) &&
	       (!h->tier || (grade && !strcmp(grade, h->tier)));
}

int gd_handover_select(gd_record ***out, size_t *n, gd_record *const *recs,
		       size_t nrecs, const gd_handover *h)
{
	gd_record **sel = gd__xcalloc(nrecs + 1, sizeof(*sel));
	size_t i;

	*n = 0;
	for (i = 0; i < nrecs; i++)
		if (hands_over(recs[i], h))
			sel[(*n)++] = recs[i];
	*out = sel;
	return 0;
}

int gd_record_hand_over(gd_record *r, const char *to, const gd_config *cfg,
			gd_date today)
{
	gd_record_set_owner(r, to, today);
	return gd_record_validate(r, cfg);
}

/* The latest of *since and the contacts `owner` logged on r. */
static void owner_contacts(const gd_record *r, const char *owner, int64_t *since)
{
	const gd_node *log = gd_node_get(r->root, "log");
	gd_time t;
	size_t i;

	for (i = 0; log && log->type == GD_SEQ && i < log->n; i++) {
		const char *by = gd_node_str(log->vals[i], "by");
		const char *at = gd_node_str(log->vals[i], "at");
		if (by && at && !strcasecmp(by, owner) && gd_time_parse_iso(&t, at) == 0 &&
		    t.t > *since)
			*since = t.t;
	}
}

/* Since when the owner has had r: its owner-since (SPEC 2.2), else its
 * creation; 0 when it says neither. */
static int64_t held_since(const gd_record *r)
{
	const char *s = gd_node_str(r->root, "owner-since");
	gd_date d;

	if (!s || gd_date_parse(&d, s) < 0) {
		gd_error_clear();
		s = gd_node_str(r->root, "created");
		if (!s || gd_date_parse(&d, s) < 0) {
			gd_error_clear();
			return 0;
		}
	}
	return gd_time_local(d, 0, 0).t;
}

/* An active customer with an owner: what the public pool may take. */
static int poolable(const gd_record *r)
{
	const char *owner = gd_record_owner(r);

	return r->kind == GD_CUSTOMER && owner && *owner &&
	       !strcmp(gd_record_status(r), "active");
}

/* The contacts their owners logged on the inquiries and orders linked to
 * the poolable customers, into since[] (by index of recs). */
static void linked_contacts(gd_record *const *recs, size_t nrecs, int64_t *since)
{
	gd__hash ids = {0};
	gd__hash_pos pos;
	size_t i, j;

	gd__hash_init(&ids, nrecs);
	for (i = 0; i < nrecs; i++)
		if (poolable(recs[i]))
			gd__hash_add(&ids, gd__hash_str(recs[i]->id), i);
	for (i = 0; i < nrecs; i++) {
		const char *cust = recs[i]->kind == GD_CUSTOMER ? NULL
				   : gd_node_str(recs[i]->root, "customer");
		if (!cust)
			continue;
		pos = gd__hash_find(&ids, gd__hash_str(cust));
		while (gd__hash_next(&ids, &pos, &j))
			if (!strcmp(recs[j]->id, cust))
				owner_contacts(recs[i], gd_record_owner(recs[j]), &since[j]);
	}
	gd__hash_free(&ids);
}

int gd_reclaim_candidates(gd_reclaim **out, size_t *n, gd_record *const *recs,
			  size_t nrecs, const gd_config *cfg, const gd_time *now)
{
	gd_reclaim *c;
	int64_t *since;
	size_t i;

	*out = NULL;
	*n = 0;
	if (!cfg->pool)
		return gd_error_set(GD_EINVALID,
				    _("the public pool is off: add 'pool: {reclaim-after: 30d}' to gendan.yaml"));
	c = gd__xcalloc(nrecs + 1, sizeof(*c));
	since = gd__xcalloc(nrecs + 1, sizeof(*since));
	for (i = 0; i < nrecs; i++)
		if (poolable(recs[i])) {
			since[i] = held_since(recs[i]);
			owner_contacts(recs[i], gd_record_owner(recs[i]), &since[i]);
		}
	linked_contacts(recs, nrecs, since);
	for (i = 0; i < nrecs; i++) {
		if (!poolable(recs[i]) || !since[i] || now->t - since[i] < cfg->reclaim_after)
			continue;
		c[*n].rec = recs[i];
		c[*n].owner = gd_record_owner(recs[i]);
		c[*n].idle = now->t - since[i];
		(*n)++;
	}
	free(since);
	*out = c;
	return 0;
}

void gd_record_reclaim(gd_record *r, gd_date today)
{
	gd_record_set_owner(r, NULL, today);
}
