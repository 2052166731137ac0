/*
 * timeline.c - a record's contacts merged with its linked records' (see
 * gendan/timeline.h).
 */
#include <stdlib.h>

#include "gendan/timeline.h"
#include "internal.h"

struct item {
	gd_timeline_item c;
	size_t order; /* where it was met: ties keep it */
};

static int item_cmp(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->c.at.t != y->c.at.t)
		return x->c.at.t < y->c.at.t ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

void gd_timeline(gd_timeline_item **out, size_t *nout, gd_record *const *recs, size_t n)
{
	struct item *items = NULL;
	size_t i, k, m = 0;

	for (i = 0; i < n; i++) {
		const gd_node *log = gd_node_get(recs[i]->root, "log");
		for (k = 0; gd_node_is(log, GD_SEQ) && k < gd_node_len(log); k++) {
			const gd_node *e = gd_node_at(log, k);
			const char *at = gd_node_str(e, "at");
			struct item *it;
			if (!gd_node_is(e, GD_MAP))
				continue;
			items = gd__xrealloc(items, (m + 1) * sizeof(*items));
			it = &items[m];
			it->c.rec = recs[i];
			it->c.entry = e;
			it->order = m++;
			if (!at || gd_time_parse_iso(&it->c.at, at) < 0)
				it->c.at = (gd_time){INT64_MIN, 0};
		}
	}
	if (m > 1)
		qsort(items, m, sizeof(*items), item_cmp);
	*out = gd__xcalloc(m + 1, sizeof(**out));
	for (i = 0; i < m; i++) {
		(*out)[i] = items[i].c;
		if ((*out)[i].at.t == INT64_MIN)
			(*out)[i].at = (gd_time){0, 0};
	}
	*nout = m;
	free(items);
}
