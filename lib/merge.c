/*
 * merge.c - three-way merge of one record (see gendan/merge.h).
 *
 * Every function here hands an allocation failure back (GD_ENOMEM) and
 * frees what it built: the gd__node_* functions of internal.h.
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/dates.h"
#include "gendan/error.h"
#include "gendan/merge.h"
#include "internal.h"

/* Lists whose items are mappings known by one key. */
static const char *named_key(const char *list)
{
	if (!strcmp(list, "stages") || !strcmp(list, "people"))
		return "name";
	if (!strcmp(list, "payments"))
		return "what";
	return NULL;
}

static int union_list(const char *key)
{
	return !strcmp(key, "log") || !strcmp(key, "conflicts");
}

static int eq(const gd_node *a, const gd_node *b)
{
	return gd_node_equal(a, b);
}

static int64_t entry_time(const gd_node *e)
{
	const char *at = e && e->type == GD_MAP ? gd_node_str(e, "at") : NULL;
	gd_time t;

	return at && gd_time_parse_iso(&t, at) == 0 ? t.t : 0;
}

/* A copy of n, or none (NULL) for none. */
static int dup_or_null(gd_node **out, const gd_node *n)
{
	*out = NULL;
	if (n && !(*out = gd__node_dup(n)))
		return GD_ENOMEM;
	return 0;
}

/* ours, then every entry of theirs ours does not have, ordered by `at`. */
static int merge_union(gd_node **out, const gd_node *ours,
		       const gd_node *theirs)
{
	gd_node *u = gd__node_seq();
	size_t i, j;
	int err = 0;

	*out = NULL;
	if (!u)
		return GD_ENOMEM;
	for (i = 0; ours && i < ours->n && !err; i++)
		err = gd__node_push(u, gd__node_dup(ours->vals[i]));
	for (i = 0; theirs && i < theirs->n && !err; i++) {
		int seen = 0;
		for (j = 0; j < u->n && !seen; j++)
			seen = eq(u->vals[j], theirs->vals[i]);
		if (!seen) {
			int64_t t = entry_time(theirs->vals[i]);
			size_t at = u->n;
			/* after every entry not later than it */
			while (at > 0 && entry_time(u->vals[at - 1]) > t)
				at--;
			err = gd__node_insert(u, at, gd__node_dup(theirs->vals[i]));
		}
	}
	if (err < 0) {
		gd_node_free(u);
		return err;
	}
	*out = u;
	return 0;
}

static const gd_node *find_named(const gd_node *seq, const char *key,
				 const char *name)
{
	size_t i;

	for (i = 0; seq && seq->type == GD_SEQ && i < seq->n; i++) {
		const char *v = gd_node_str(seq->vals[i], key);
		if (v && !strcmp(v, name))
			return seq->vals[i];
	}
	return NULL;
}

struct mctx {
	gd_merge_ctx *pub;
	gd_node *conflicts; /* new conflicts found */
};

/* Count a conflict on field and keep the local value in m->conflicts. */
static int conflict(struct mctx *m, const char *field, const gd_node *value)
{
	gd_node *c;
	int err;

	m->pub->nconflicts++;
	if (!m->conflicts)
		return 0;
	if (!(c = gd__node_map()))
		return GD_ENOMEM;
	if ((err = gd__node_set_str(c, "field", field, 0)) < 0 ||
	    (err = gd__node_set(c, "value", value ? gd__node_dup(value) :
						     gd__node_scalar("", 1))) < 0 ||
	    (m->pub->by && (err = gd__node_set_str(c, "by", m->pub->by, 0)) < 0) ||
	    (m->pub->at && (err = gd__node_set_str(c, "at", m->pub->at, 1)) < 0)) {
		gd_node_free(c);
		return err;
	}
	return gd__node_push(m->conflicts, c);
}

static int merge_value(gd_node **out, const gd_node *b, const gd_node *o,
		       const gd_node *t, const char *field, struct mctx *m);

static int merge_map(gd_node **out, const gd_node *b, const gd_node *o,
		     const gd_node *t, const char *prefix, struct mctx *m)
{
	gd_node *res = gd__node_map(), *v;
	size_t i;
	int pass, err = 0;

	*out = NULL;
	if (!res)
		return GD_ENOMEM;
	/* ours' keys in order, then keys only theirs has */
	for (pass = 0; pass < 2 && !err; pass++) {
		const gd_node *side = pass ? t : o;
		for (i = 0; side && i < side->n && !err; i++) {
			const char *k = side->keys[i];
			char *field;
			if ((pass && gd_node_index(o, k) >= 0) ||
			    gd_node_index(res, k) >= 0)
				continue;
			field = prefix ? gd__asprintf("%s.%s", prefix, k) : gd__strdup(k);
			if (!field) {
				err = GD_ENOMEM;
				break;
			}
			err = merge_value(&v, b ? gd_node_get(b, k) : NULL,
					  gd_node_get(o, k), gd_node_get(t, k),
					  field, m);
			if (!err && v)
				err = gd__node_set(res, k, v);
			free(field);
		}
	}
	if (err < 0) {
		gd_node_free(res);
		return err;
	}
	*out = res;
	return 0;
}

/* An item without its name merges as a whole: kept once. */
static int add_whole(gd_node *res, const gd_node *item)
{
	size_t j;

	for (j = 0; j < res->n; j++)
		if (eq(res->vals[j], item))
			return 0;
	return gd__node_push(res, gd__node_dup(item));
}

static int merge_named(gd_node **out, const gd_node *b, const gd_node *o,
		       const gd_node *t, const char *key, const char *field,
		       struct mctx *m)
{
	gd_node *res = gd__node_seq(), *v;
	size_t i;
	int pass, err = 0;

	*out = NULL;
	if (!res)
		return GD_ENOMEM;
	for (pass = 0; pass < 2 && !err; pass++) {
		const gd_node *side = pass ? t : o;
		for (i = 0; side && i < side->n && !err; i++) {
			const gd_node *item = side->vals[i];
			const char *name = gd_node_str(item, key);
			char *sub;
			if (!name) {
				err = add_whole(res, item);
				continue;
			}
			if (find_named(res, key, name))
				continue;
			if (!(sub = gd__asprintf("%s[%s]", field, name))) {
				err = GD_ENOMEM;
				break;
			}
			err = merge_value(&v, find_named(b, key, name),
					  find_named(o, key, name),
					  find_named(t, key, name), sub, m);
			if (!err && v)
				err = gd__node_push(res, v);
			free(sub);
		}
	}
	if (err < 0) {
		gd_node_free(res);
		return err;
	}
	*out = res;
	return 0;
}

/* *out: the merged value, NULL when the field is to be absent. */
static int merge_value(gd_node **out, const gd_node *b, const gd_node *o,
		       const gd_node *t, const char *field, struct mctx *m)
{
	const char *last = strrchr(field, '.');
	const char *key = last ? last + 1 : field;
	int err;

	*out = NULL;
	/* a contact is never dropped: both sides' entries are kept even when
	 * the other side deleted the list or holds something that is not one
	 * (that is kept under conflicts) */
	if (!last && union_list(key)) {
		int os = o && o->type == GD_SEQ, ts = t && t->type == GD_SEQ;
		if (os && ts)
			return eq(o, t) ? dup_or_null(out, o) : merge_union(out, o, t);
		if (os || ts) {
			const gd_node *other = os ? t : o;
			if (other && (err = conflict(m, field, other)) < 0)
				return err;
			return dup_or_null(out, os ? o : t);
		}
	}
	if (eq(o, t) || eq(t, b))
		return dup_or_null(out, o);
	if (eq(o, b))
		return dup_or_null(out, t);
	/* both changed it, differently */
	if (o && t && o->type == GD_SEQ && t->type == GD_SEQ) {
		if (union_list(key))
			return merge_union(out, o, t);
		if (named_key(key))
			return merge_named(out, b && b->type == GD_SEQ ? b : NULL,
					   o, t, named_key(key), field, m);
	}
	if (o && t && o->type == GD_MAP && t->type == GD_MAP)
		return merge_map(out, b && b->type == GD_MAP ? b : NULL, o, t,
				 field, m);
	if ((err = conflict(m, field, o)) < 0)
		return err;
	return dup_or_null(out, t);
}

int gd_merge_nodes(gd_node **out, const gd_node *base, const gd_node *ours,
		   const gd_node *theirs, gd_merge_ctx *ctx,
		   int no_conflict_list)
{
	struct mctx m = {ctx, NULL};
	gd_node *res = NULL, *all = NULL;
	int err;

	*out = NULL;
	if (!no_conflict_list && !(m.conflicts = gd__node_seq()))
		return GD_ENOMEM;
	if ((err = merge_map(&res, base, ours, theirs, NULL, &m)) < 0)
		goto done;
	if (m.conflicts && m.conflicts->n &&
	    ((err = merge_union(&all, gd_node_get(res, "conflicts"), m.conflicts)) < 0 ||
	     (err = gd__node_set(res, "conflicts", all)) < 0))
		goto done;
	*out = res;
	res = NULL;
done:
	gd_node_free(res);
	gd_node_free(m.conflicts);
	return err;
}
