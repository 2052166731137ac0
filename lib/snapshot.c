/*
 * snapshot.c - the ledger's records as they stood at a time (SPEC 3.5),
 * for reports of a period that has ended (see gd_ledger_snapshot).
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/error.h"
#include "gendan/ledger.h"
#include "gendan/yaml.h"
#include "internal.h"

struct gd_snapshot {
	gd_record **recs; /* sorted by kind, then id */
	size_t n;
	gd_record **own;  /* those read from the snapshot's blobs */
	size_t nown;
};

/* A path the snapshot has otherwise than the work tree: its record there,
 * NULL when it has none (or none that is valid). */
struct over {
	char *path;
	gd_record *rec;
};

struct collect {
	const gd_config *cfg;
	struct over *v;
	size_t n, cap;
	gd_bad_fn bad;
	void *ctx;
};

static int take(void *ctx, const char *path, const char *buf, size_t len,
		int problem)
{
	struct collect *c = ctx;
	gd_record *r = NULL;

	if (problem) {
		if (problem == GD_SNAP_TOO_LARGE)
			gd_error_set(GD_EINVALID, _("%s: file is larger than %zu bytes"), path,
				     GD_YAML_MAX_SIZE);
		else
			gd_error_set(GD_EINVALID, _("%s: symbolic links are not allowed"), path);
		if (c->bad)
			c->bad(c->ctx, gd_error_last());
	} else if (buf && (gd_record_parse(&r, path, buf, len) < 0 ||
			   gd_record_validate(r, c->cfg) < 0)) {
		gd_record_free(r);
		r = NULL;
		if (c->bad)
			c->bad(c->ctx, gd_error_last());
	}
	gd_error_clear();
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->v = gd__xrealloc(c->v, c->cap * sizeof(*c->v));
	}
	c->v[c->n].path = gd__xstrdup(path);
	c->v[c->n++].rec = r;
	return 0;
}

static int over_cmp(const void *a, const void *b)
{
	return strcmp(((const struct over *)a)->path, ((const struct over *)b)->path);
}

static int rec_cmp(const void *a, const void *b)
{
	const gd_record *x = *(gd_record *const *)a;
	const gd_record *y = *(gd_record *const *)b;

	return gd__record_order((int)x->kind, x->id, x->path, (int)y->kind, y->id, y->path);
}

/* The work tree's records where the snapshot has the same files, then
 * the snapshot's own (a path told twice counts once). */
static void merge(gd_snapshot *s, gd_record *const *now, size_t n,
		  struct collect *c)
{
	size_t i;

	if (c->n > 1)
		qsort(c->v, c->n, sizeof(*c->v), over_cmp);
	s->recs = gd__xcalloc(n + c->n + 1, sizeof(*s->recs));
	s->own = gd__xcalloc(c->n + 1, sizeof(*s->own));
	for (i = 0; i < n; i++) {
		struct over key = {now[i]->path, NULL};
		if (!c->n || !bsearch(&key, c->v, c->n, sizeof(*c->v), over_cmp))
			s->recs[s->n++] = now[i];
	}
	for (i = 0; i < c->n; i++) {
		/* told twice (a type change is a delete and an add): the
		 * snapshot's record, if either is one */
		if (i + 1 < c->n && !strcmp(c->v[i].path, c->v[i + 1].path)) {
			if (!c->v[i + 1].rec) {
				c->v[i + 1].rec = c->v[i].rec;
				c->v[i].rec = NULL;
			}
			gd_record_free(c->v[i].rec);
			continue;
		}
		if (c->v[i].rec) {
			s->recs[s->n++] = c->v[i].rec;
			s->own[s->nown++] = c->v[i].rec;
		}
	}
	if (s->n > 1)
		qsort(s->recs, s->n, sizeof(*s->recs), rec_cmp);
}

int gd_ledger_snapshot(gd_snapshot **out, gd_ledger *l, int64_t end,
		       int *found, gd_bad_fn bad, void *ctx)
{
	gd_snapshot *s = gd__xcalloc(1, sizeof(*s));
	struct collect c;
	gd_record *const *now;
	char **dirty = NULL;
	size_t n, ndirty = 0, i;
	int err;

	memset(&c, 0, sizeof(c));
	c.cfg = gd_ledger_config(l);
	c.bad = bad;
	c.ctx = ctx;
	*out = NULL;
	now = gd_ledger_records(l, &n);
	if ((err = gd_store_changed_paths(gd_ledger_store(l), &dirty, &ndirty)) < 0)
		goto done;
	if ((err = gd_store_snapshot(gd_ledger_store(l), end, dirty, ndirty, found,
				     take, &c)) < 0)
		goto done;
	if (*found)
		merge(s, now, n, &c);
	else
		for (i = 0; i < c.n; i++)
			gd_record_free(c.v[i].rec);
	*out = s;
	s = NULL;
done:
	for (i = 0; i < c.n; i++)
		free(c.v[i].path);
	if (err < 0)
		for (i = 0; i < c.n; i++)
			gd_record_free(c.v[i].rec);
	free(c.v);
	for (i = 0; i < ndirty; i++)
		free(dirty[i]);
	free(dirty);
	gd_snapshot_free(s);
	return err;
}

gd_record *const *gd_snapshot_records(const gd_snapshot *s, size_t *n)
{
	*n = s->n;
	return s->recs;
}

void gd_snapshot_free(gd_snapshot *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->nown; i++)
		gd_record_free(s->own[i]);
	free(s->own);
	free(s->recs);
	free(s);
}
