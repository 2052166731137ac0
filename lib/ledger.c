/*
 * ledger.c - open a ledger and read its records (see gendan/ledger.h):
 * the top of the scan stack (docs/modules.md).  It answers from the list
 * and due summaries (listscan.h, duescan.h) or the tree cache (cache.h),
 * or reads the record files (walk.h), and counts the bad records they
 * name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "gendan/error.h"
#include "gendan/ids.h"
#include "gendan/ledger.h"
#include "gendan/refs.h"
#include "gendan/yaml.h"
#include "cache.h"
#include "duescan.h"
#include "hash.h"
#include "internal.h"
#include "ledger-private.h"
#include "listscan.h"
#include "walk.h"

static void ids_drop(gd_ledger *l);
static void forget_list(gd_ledger *l);

int gd_ledger_open(gd_ledger **out, const char *dir)
{
	gd_ledger *l = gd__xcalloc(1, sizeof(*l));
	char *path = NULL;
	int err;

	*out = NULL;
	if ((err = gd_store_open(&l->store, dir)) < 0)
		goto done;
	l->root = gd_store_root(l->store);
	path = gd__xasprintf("%s/gendan.yaml", l->root);
	if ((err = gd_config_load(&l->cfg, path, "gendan.yaml")) < 0)
		goto done;
	{
		char *text = NULL;
		size_t len = 0;
		if (gd__read_file(&text, &len, path, GD_YAML_MAX_SIZE) == 0)
			l->config_hash = ((unsigned long long)len << 32) | gd_fnv1a(text, len);
		free(text);
	}
	*out = l;
	l = NULL;
done:
	free(path);
	gd_ledger_free(l);
	return err;
}

void gd_ledger_free(gd_ledger *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		gd_record_free(l->recs[i]);
	free(l->recs);
	ids_drop(l);
	forget_list(l);
	gd_config_free(l->cfg);
	gd_store_free(l->store);
	free(l);
}

const gd_config *gd_ledger_config(const gd_ledger *l)
{
	return l->cfg;
}

gd_store *gd_ledger_store(const gd_ledger *l)
{
	return l->store;
}

const char *gd_ledger_root(const gd_ledger *l)
{
	return l->root;
}

gd_record *const *gd_ledger_records(const gd_ledger *l, size_t *n)
{
	*n = l->n;
	return l->recs;
}

size_t gd_ledger_nbad(const gd_ledger *l)
{
	return l->nbad;
}

int gd_ledger_read(gd_ledger *l, gd_record **out, const char *relpath)
{
	return gd__record_read(out, l->root, l->cfg, relpath);
}

/* The ledger as the layers below see it. */
static gd__source source_of(const gd_ledger *l)
{
	gd__source src = {l->root, gd_store_gitdir(l->store), l->cfg,
			  l->config_hash};

	return src;
}

/* Where the layers below name bad records: counted, then passed on. */
struct tally {
	gd_ledger *l;
	gd_bad_fn bad;
	void *ctx;
};

static void tally_bad(void *ctx, const char *message)
{
	struct tally *t = ctx;

	t->l->nbad++;
	if (t->bad)
		t->bad(t->ctx, message);
}

struct walk {
	gd_ledger *l;
	struct tally tally;
	size_t cap;
	gd__cache *cache;
	int changed;          /* a record did not come from the cache */
	char **paths;         /* valid records and their files' stat data, */
	struct stat *sts;     /* for the next cache */
	gd_node **roots;
	size_t nkept, capkept;
	struct timespec since; /* when the load began */
};

static void keep(struct walk *w, gd_record *r, const struct stat *st)
{
	if (gd__stat_racy(st, &w->since)) {
		w->changed = 1; /* not kept: read again next time */
		return;
	}
	if (w->nkept == w->capkept) {
		w->capkept = w->capkept ? w->capkept * 2 : 256;
		w->paths = gd__xrealloc(w->paths, w->capkept * sizeof(*w->paths));
		w->sts = gd__xrealloc(w->sts, w->capkept * sizeof(*w->sts));
		w->roots = gd__xrealloc(w->roots, w->capkept * sizeof(*w->roots));
	}
	w->paths[w->nkept] = r->path;
	w->sts[w->nkept] = *st;
	w->roots[w->nkept++] = r->root;
}

static void add(struct walk *w, gd_record *r)
{
	gd_ledger *l = w->l;

	if (l->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		l->recs = gd__xrealloc(l->recs, w->cap * sizeof(*l->recs));
	}
	l->recs[l->n++] = r;
}

static void report(struct walk *w, const char *msg)
{
	tally_bad(&w->tally, msg);
}

/* The record at rel, from the tree cache when its entry is fresh for st,
 * else from its file (then *missed is set). */
static int read_cached(gd_ledger *l, const gd__cache *cache, gd_record **r,
		       const char *rel, const struct stat *st, int *missed)
{
	gd_node *root = gd__cache_get(cache, rel, st);

	if (root && gd_record_from_node(r, rel, root) == 0)
		return 0;
	*missed = 1;
	return gd_ledger_read(l, r, rel);
}

/* A record file found by the walk. */
static void load_file(void *ctx, const char *rel, const struct stat *st)
{
	struct walk *w = ctx;
	gd_record *r = NULL;

	/* a miss: the cache must be written again */
	if (read_cached(w->l, w->cache, &r, rel, st, &w->changed) < 0) {
		report(w, gd_error_last());
		return;
	}
	add(w, r);
	keep(w, r, st);
}

static void load_problem(void *ctx, const char *message)
{
	report(ctx, message);
}

static int rec_cmp(const void *a, const void *b)
{
	const gd_record *x = *(gd_record *const *)a;
	const gd_record *y = *(gd_record *const *)b;

	return gd__record_order((int)x->kind, x->id, x->path, (int)y->kind, y->id, y->path);
}

/* Ids found twice (see gd__ids_twice): the records left out are freed. */
static void drop_duplicates(gd_ledger *l, struct tally *t)
{
	gd__record_name *v = gd__xcalloc(l->n + 1, sizeof(*v));
	unsigned char *dropped = gd__xcalloc(l->n + 1, 1);
	size_t i, j;

	for (i = 0; i < l->n; i++) {
		v[i].id = l->recs[i]->id;
		v[i].path = l->recs[i]->path;
		v[i].kind = (int)l->recs[i]->kind;
	}
	if (gd__ids_twice(dropped, v, l->n, tally_bad, t)) {
		for (i = 0, j = 0; i < l->n; i++) {
			if (dropped[i])
				gd_record_free(l->recs[i]);
			else
				l->recs[j++] = l->recs[i];
		}
		l->n = j;
	}
	free(dropped);
	free(v);
}

int gd_ledger_load(gd_ledger *l, gd_bad_fn bad, void *ctx)
{
	struct walk w;
	gd_record **old = l->recs;
	size_t nold = l->n, i, j;
	char *cache = gd__xasprintf("%sgendan-cache", gd_store_gitdir(l->store));

	memset(&w, 0, sizeof(w));
	ids_drop(l);
	forget_list(l);
	w.l = l;
	w.tally.l = l;
	w.tally.bad = bad;
	w.tally.ctx = ctx;
	w.cache = gd__cache_read(cache, l->config_hash);
	if (clock_gettime(CLOCK_REALTIME, &w.since) < 0)
		w.since.tv_sec = (time_t)INT64_MAX; /* no clock: keep nothing */
	l->recs = NULL;
	l->n = 0;
	l->loaded = 1;
	gd__walk_records(l->root, load_file, load_problem, &w);
	/* new, changed or deleted records: the next command reads the rest */
	if (w.changed || w.nkept != gd__cache_count(w.cache))
		gd__cache_write(cache, l->config_hash, w.paths, w.sts, w.roots, w.nkept);
	gd__cache_free(w.cache);
	free(cache);
	free(w.paths);
	free(w.sts);
	free(w.roots);
	if (l->n > 1)
		qsort(l->recs, l->n, sizeof(*l->recs), rec_cmp);
	drop_duplicates(l, &w.tally);
	/* records found one by one before stay the ones callers hold */
	for (j = 0; j < nold; j++) {
		for (i = 0; i < l->n; i++) {
			if (strcmp(l->recs[i]->path, old[j]->path))
				continue;
			gd_record_free(l->recs[i]);
			l->recs[i] = old[j];
			old[j] = NULL;
			break;
		}
		if (old[j])
			add(&w, old[j]);
	}
	free(old);
	return 0;
}

size_t gd_ledger_read_entries(gd_ledger *l, gd_record **out, const gd_entry *e,
			      size_t n, gd_bad_fn bad, void *ctx)
{
	gd__cache *cache = NULL;
	size_t i, k = 0;
	int missed = 0, err;

	/* a few files are read faster than the whole tree cache */
	if (n >= 64) {
		char *file = gd__xasprintf("%sgendan-cache", gd_store_gitdir(l->store));
		cache = gd__cache_read(file, l->config_hash);
		free(file);
	}
	for (i = 0; i < n; i++) {
		char *abs = gd__xasprintf("%s/%s", l->root, e[i].path);
		struct stat st;
		if (cache && lstat(abs, &st) == 0)
			err = read_cached(l, cache, &out[k], e[i].path, &st, &missed);
		else
			err = gd_ledger_read(l, &out[k], e[i].path);
		free(abs);
		if (err == 0)
			k++;
		else if (bad) /* changed since it was listed, and now bad */
			bad(ctx, gd_error_last());
	}
	gd__cache_free(cache);
	return k;
}

/* The ledger's list scan, made once per command (ls, find, REF lookup,
 * free ids and the duplicate check all look at it) and freed with the
 * ledger or when it is loaded. */
static gd__sumscan *list_of(gd_ledger *l, gd_bad_fn bad, void *ctx)
{
	if (!l->list) {
		gd__source src = source_of(l);
		struct tally t = {l, bad, ctx};
		l->list = gd__list_scan(&src, tally_bad, &t);
	}
	return l->list;
}

static void forget_list(gd_ledger *l)
{
	gd__sum_scan_free(l->list);
	l->list = NULL;
}

int gd_ledger_list(gd_ledger *l, gd_entry **out, size_t *n,
		   const gd_list_filter *f, gd_bad_fn bad, void *ctx)
{
	gd__list_entries(out, n, list_of(l, bad, ctx), f, l->cfg->phone_region);
	return 0;
}

void gd_ledger_survey(gd_ledger *l, gd_bad_fn bad, void *ctx)
{
	list_of(l, bad, ctx);
}

int gd_ledger_due(gd_ledger *l, gd_due_item **items, size_t *n,
		  gd_due_scan **keep, gd_date today, const gd_due_filter *f,
		  gd_bad_fn bad, void *ctx)
{
	gd__source src = source_of(l);
	struct tally t = {l, bad, ctx};

	gd__due_scan(items, n, keep, &src, today, f, tally_bad, &t);
	return 0;
}

/* Is r left out of the check: the record being turned into another
 * (skip), or one linked to the customer `linked`? */
static int exempt(const gd_record *r, const char *skip, const char *linked)
{
	const char *cust = gd_node_str(r->root, "customer");

	if (skip && !strcmp(r->path, skip))
		return 1;
	return linked && ((r->kind == GD_CUSTOMER && !strcmp(r->id, linked)) ||
			  (cust && !strcmp(cust, linked)));
}

int gd_ledger_dup_check(gd_ledger *l, const gd_dup_probe *probe,
			const char *what, const char *skip, const char *linked,
			gd_bad_fn bad, void *ctx)
{
	gd_record **others;
	const char **paths;
	size_t i, n = 0, k = 0;
	int err;

	if (l->loaded) {
		others = gd__xcalloc(l->n + 1, sizeof(*others));
		for (i = 0; i < l->n; i++)
			if (!exempt(l->recs[i], skip, linked))
				others[k++] = l->recs[i];
		err = gd_dup_check(others, k, l->cfg, probe, what);
		free(others);
		return err;
	}
	/* from the summary: the records that share a key, read again and
	 * checked in the order of a loaded ledger, so the one named is the
	 * one a loaded ledger names */
	paths = gd__list_dup_candidates(&n, list_of(l, bad, ctx), l->cfg, probe);
	others = gd__xcalloc(n + 1, sizeof(*others));
	for (i = 0; i < n; i++) {
		gd_record *r = NULL;
		if (gd_ledger_read(l, &r, paths[i]) < 0)
			continue; /* bad since the scan: as a loaded ledger would */
		if (exempt(r, skip, linked))
			gd_record_free(r);
		else
			others[k++] = r;
	}
	gd_error_clear();
	err = gd_dup_check(others, k, l->cfg, probe, what);
	for (i = 0; i < k; i++)
		gd_record_free(others[i]);
	free(others);
	free(paths);
	return err;
}

/* REF as an id, lowercased, and the kind it names, if it has the form. */
static char *ref_id(const char *ref, int *kind)
{
	const char *slash = strchr(ref, '/');
	char *id, *p;
	gd_kind k;

	if (slash) {
		char *name = gd__xstrndup(ref, (size_t)(slash - ref));
		int err = gd_kind_parse(&k, name);
		free(name);
		gd_error_clear();
		if (err < 0 || (*kind >= 0 && *kind != (int)k))
			return NULL;
		*kind = (int)k;
		ref = slash + 1;
	}
	id = gd__xstrdup(ref);
	for (p = id; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	if (!gd_id_valid(id)) {
		free(id);
		return NULL;
	}
	return id;
}

/* A record found on its own: the ledger holds it for the caller. */
static int keep_found(gd_ledger *l, gd_record *r)
{
	l->recs = gd__xrealloc(l->recs, (l->n + 1) * sizeof(*l->recs));
	l->recs[l->n++] = r;
	return 0;
}

int gd_ledger_find(gd_ledger *l, gd_record **out, const char *ref, int kind,
		   gd_bad_fn bad, void *ctx)
{
	gd_record *found[GD_NKINDS];
	size_t nfound = 0, i;
	int k, err = 0, only = kind;
	char *id;

	*out = NULL;
	if (!l->loaded && (id = ref_id(ref, &only))) {
		for (k = 0; k < GD_NKINDS && !err; k++) {
			char *path, *abs;
			struct stat st;
			if (only >= 0 && k != only)
				continue;
			path = gd_record_path_for((gd_kind)k, id);
			abs = gd__xasprintf("%s/%s", l->root, path);
			if (lstat(abs, &st) == 0 &&
			    (err = gd_ledger_read(l, &found[nfound], path)) == 0)
				nfound++;
			free(abs);
			free(path);
		}
		free(id);
		if (!err && nfound == 1) {
			*out = found[0];
			return keep_found(l, found[0]);
		}
		if (!err && nfound > 1)
			err = gd_ref_resolve(out, found, nfound, ref, kind,
					     l->cfg->phone_region);
		for (i = 0; i < nfound; i++)
			gd_record_free(found[i]);
		*out = NULL;
		if (err < 0)
			return err;
	}
	if (!l->loaded) {
		/* any other rule: from the summary, then the one file */
		char *path = gd__list_resolve(list_of(l, bad, ctx), ref, kind,
					      l->cfg->phone_region);
		if (!path)
			return gd_error_code_last();
		err = gd_ledger_read(l, out, path);
		free(path);
		return err < 0 ? err : keep_found(l, *out);
	}
	return gd_ref_resolve(out, l->recs, l->n, ref, kind, l->cfg->phone_region);
}

/*
 * The ids of l->recs, hashed: an import of 100k rows asks for each of
 * them.  Records are only ever appended to l->recs between loads, so the
 * index catches up with the appended ones on each question; a load drops
 * it.
 */
struct gd_ledger_ids {
	gd__hash recs; /* l->recs by kind and id, the first of each */
	size_t count;  /* of l->recs in it */
};

static uint32_t id_hash(gd_kind kind, const char *id)
{
	return gd__hash_str(id) ^ (uint32_t)kind;
}

/* The record of kind and id the index holds, or NULL. */
static const gd_record *id_find(const gd_ledger *l, gd_kind kind, const char *id)
{
	const struct gd_ledger_ids *ix = l->ids;
	gd__hash_pos pos = gd__hash_find(&ix->recs, id_hash(kind, id));
	size_t i;

	while (gd__hash_next(&ix->recs, &pos, &i))
		if (l->recs[i]->kind == kind && !strcmp(l->recs[i]->id, id))
			return l->recs[i];
	return NULL;
}

static void ids_drop(gd_ledger *l)
{
	if (l->ids) {
		gd__hash_free(&l->ids->recs);
		free(l->ids);
		l->ids = NULL;
	}
}

static void ids_update(gd_ledger *l)
{
	struct gd_ledger_ids *ix = l->ids;
	size_t i;

	if (ix && ix->count > l->n)
		ids_drop(l), ix = NULL;
	if (!ix)
		ix = l->ids = gd__xcalloc(1, sizeof(*ix));
	for (i = ix->count; i < l->n; i++)
		if (!id_find(l, l->recs[i]->kind, l->recs[i]->id))
			gd__hash_add(&ix->recs, id_hash(l->recs[i]->kind, l->recs[i]->id), i);
	ix->count = l->n;
}

gd_record *gd_ledger_get(gd_ledger *l, gd_kind kind, const char *id)
{
	ids_update(l);
	return (gd_record *)id_find(l, kind, id);
}

int gd_ledger_id_free(gd_ledger *l, gd_kind kind, const char *id)
{
	char *path, *abs;
	struct stat st;
	int taken;

	ids_update(l);
	if (id_find(l, kind, id))
		return 0;
	if (l->loaded)
		return 1;
	/* not loaded: a file where the id would be, or the id in the list
	 * summary (a record kept at another path) */
	path = gd_record_path_for(kind, id);
	abs = gd__xasprintf("%s/%s", l->root, path);
	taken = lstat(abs, &st) == 0 ||
		gd__list_has_id(list_of(l, NULL, NULL), (int)kind, id);
	free(abs);
	free(path);
	return !taken;
}

char *gd_ledger_unique_id(gd_ledger *l, gd_kind kind, const char *base)
{
	char *id = gd__xstrdup(base);
	int n;

	for (n = 2; !gd_ledger_id_free(l, kind, id); n++) {
		free(id);
		id = gd__xasprintf("%s-%d", base, n);
	}
	return id;
}

/* prefix + hex digits of a hash of seed and the time. */
static char *hashed_id(const char *prefix, const char *seed, const gd_time *now,
		       int digits)
{
	char at[GD_TIME_LEN], *text, *id;
	uint32_t h;

	gd_time_format(at, now);
	text = gd__xasprintf("%s\n%s", seed, at);
	h = gd_fnv1a(text, strlen(text));
	free(text);
	id = gd__xasprintf("%s%0*x", prefix, digits,
			   (unsigned)(h & (digits == 6 ? 0xffffffu : 0xffffu)));
	return id;
}

char *gd_ledger_new_id(gd_ledger *l, gd_kind kind, const char *text,
		       const gd_time *now, gd_date day)
{
	char *base, *id;

	if (kind == GD_INQUIRY) {
		char prefix[16];
		int y, m, d;
		gd_date_to_ymd(day, &y, &m, &d);
		snprintf(prefix, sizeof(prefix), "q-%04d%02d%02d-", y % 10000, m % 100, d % 100);
		base = hashed_id(prefix, text, now, 4);
	} else {
		base = gd_slug(text, 48);
		if (!*base) {
			free(base);
			base = hashed_id(kind == GD_CUSTOMER ? "c-" : "o-", text, now, 6);
		}
	}
	id = gd_ledger_unique_id(l, kind, base);
	free(base);
	return id;
}

void gd_ledger_misplaced(const gd_ledger *l, gd_bad_fn bad, void *ctx)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		char *want = gd_record_path_for(l->recs[i]->kind, l->recs[i]->id);
		if (strcmp(want, l->recs[i]->path) != 0) {
			char *m = gd__xasprintf(_("%s: misplaced, gendan keeps it at %s"),
						l->recs[i]->path, want);
			bad(ctx, m);
			free(m);
		}
		free(want);
	}
}

int gd_ledger_stage(gd_change *c, gd_record *r)
{
	char *buf = NULL;
	size_t len;
	int err;

	if ((err = gd_record_emit(&buf, &len, r)) < 0)
		return err;
	/* what gendan writes it must be able to read back */
	if (len > GD_YAML_MAX_SIZE) {
		free(buf);
		return gd_error_set(GD_EINVALID,
				    _("%s would be larger than %zu bytes: split its history into another record"),
				    r->path, GD_YAML_MAX_SIZE);
	}
	gd_change_write(c, r->path, buf, len);
	free(buf);
	return 0;
}

int gd_ledger_check_clean(gd_ledger *l, const gd_record *r)
{
	int dirty = 0, err;

	if ((err = gd_store_path_dirty(l->store, r->path, &dirty)) < 0)
		return err;
	if (dirty)
		return gd_error_set(GD_ECONFLICT,
				    _("%s has uncommitted hand edits: run 'gendan commit' first"),
				    r->path);
	return 0;
}
