/*
 * team.c - records changing hands: a hand-over to a colleague and the
 * public pool (公海) taking back what its owner neglects (gendan/team.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/team.h"
#include "gendan/error.h"
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

int gd_record_hand_over(gd_record *r, const char *to, const gd_config *cfg)
{
	gd_node_set_str(r->root, "owner", to, 0);
	return gd_record_validate(r, cfg);
}

/* When the owner last touched r: their last contact, else its start. */
static int owner_since(const gd_record *r, const char *owner, int64_t *since)
{
	const gd_node *log = gd_node_get(r->root, "log");
	const char *start;
	gd_time t;
	gd_date d;
	size_t i;
	int found = 0;

	for (i = 0; log && log->type == GD_SEQ && i < log->n; i++) {
		const char *by = gd_node_str(log->vals[i], "by");
		const char *at = gd_node_str(log->vals[i], "at");
		if (by && at && !strcasecmp(by, owner) && gd_time_parse_iso(&t, at) == 0 &&
		    (!found || t.t > *since)) {
			*since = t.t;
			found = 1;
		}
	}
	if (found)
		return 1;
	if ((start = gd_node_str(r->root, "received")) && gd_time_parse_iso(&t, start) == 0) {
		*since = t.t;
		return 1;
	}
	if ((start = gd_node_str(r->root, "created")) && gd_date_parse(&d, start) == 0) {
		*since = gd_time_local(d, 0, 0).t;
		return 1;
	}
	return 0;
}

/* Only records still being worked go back to the pool. */
static int poolable(const gd_record *r)
{
	if (r->kind == GD_CUSTOMER)
		return !strcmp(gd_record_status(r), "active");
	return gd_inquiry_open(r);
}

int gd_reclaim_candidates(gd_reclaim **out, size_t *n, gd_record *const *recs,
			  size_t nrecs, const gd_config *cfg, const gd_time *now)
{
	gd_reclaim *c;
	size_t i;

	*out = NULL;
	*n = 0;
	if (!cfg->pool)
		return gd_error_set(GD_EINVALID,
				    _("the public pool is off: add 'pool: {reclaim-after: 30d}' to gendan.yaml"));
	c = gd__xcalloc(nrecs + 1, sizeof(*c));
	for (i = 0; i < nrecs; i++) {
		gd_record *r = recs[i];
		const char *owner = gd_record_owner(r);
		int64_t since = 0;
		if (!owner || !*owner || !poolable(r) || !owner_since(r, owner, &since) ||
		    now->t - since < cfg->reclaim_after)
			continue;
		c[*n].rec = r;
		c[*n].owner = owner;
		c[*n].idle = now->t - since;
		(*n)++;
	}
	*out = c;
	return 0;
}

void gd_record_reclaim(gd_record *r)
{
	gd_node_remove(r->root, "owner");
}
