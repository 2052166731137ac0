/*
 * merge.c - three-way merge of one record (see gendan/merge.h).
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/dates.h"
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

/* ours, then every entry of theirs ours does not have, ordered by `at`. */
static gd_node *merge_union(const gd_node *ours, const gd_node *theirs)
{
	gd_node *out = gd_node_seq();
	size_t i, j;

	for (i = 0; ours && i < ours->n; i++)
		gd_node_push(out, gd_node_dup(ours->vals[i]));
	for (i = 0; theirs && i < theirs->n; i++) {
		int seen = 0;
		for (j = 0; j < out->n && !seen; j++)
			seen = eq(out->vals[j], theirs->vals[i]);
		if (!seen) {
			int64_t t = entry_time(theirs->vals[i]);
			size_t at = out->n;
			/* after every entry not later than it */
			while (at > 0 && entry_time(out->vals[at - 1]) > t)
				at--;
			gd_node_insert(out, at, gd_node_dup(theirs->vals[i]));
		}
	}
	return out;
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

static void add_conflict(gd_node *conflicts, const char *field,
			 const gd_node *value, const gd_merge_ctx *ctx)
{
	gd_node *c = gd_node_map();

	gd_node_set_str(c, "field", field, 0);
	gd_node_set(c, "value", value ? gd_node_dup(value) : gd_node_scalar("", 1));
	if (ctx->by)
		gd_node_set_str(c, "by", ctx->by, 0);
	if (ctx->at)
		gd_node_set_str(c, "at", ctx->at, 1);
	gd_node_push(conflicts, c);
}

struct mctx {
	gd_merge_ctx *pub;
	gd_node *conflicts; /* new conflicts found */
};

static gd_node *merge_value(const gd_node *b, const gd_node *o,
			    const gd_node *t, const char *field,
			    struct mctx *m);

static gd_node *merge_map(const gd_node *b, const gd_node *o, const gd_node *t,
			  const char *prefix, struct mctx *m)
{
	gd_node *out = gd_node_map();
	size_t i;
	int pass;

	/* ours' keys in order, then keys only theirs has */
	for (pass = 0; pass < 2; pass++) {
		const gd_node *side = pass ? t : o;
		for (i = 0; side && i < side->n; i++) {
			const char *k = side->keys[i];
			char *field;
			gd_node *v;
			if (pass && gd_node_index(o, k) >= 0)
				continue;
			if (gd_node_index(out, k) >= 0)
				continue;
			field = prefix ? gd__xasprintf("%s.%s", prefix, k) : gd__xstrdup(k);
			v = merge_value(b ? gd_node_get(b, k) : NULL, gd_node_get(o, k),
					gd_node_get(t, k), field, m);
			if (v)
				gd_node_set(out, k, v);
			free(field);
		}
	}
	return out;
}

static gd_node *merge_named(const gd_node *b, const gd_node *o,
			    const gd_node *t, const char *key,
			    const char *field, struct mctx *m)
{
	gd_node *out = gd_node_seq();
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		const gd_node *side = pass ? t : o;
		for (i = 0; side && i < side->n; i++) {
			const gd_node *item = side->vals[i];
			const char *name = gd_node_str(item, key);
			char *sub;
			gd_node *v;
			if (!name) {
				/* an item without its name merges as a whole */
				size_t j;
				int seen = 0;
				for (j = 0; j < out->n && !seen; j++)
					seen = eq(out->vals[j], item);
				if (!seen)
					gd_node_push(out, gd_node_dup(item));
				continue;
			}
			if (find_named(out, key, name))
				continue;
			sub = gd__xasprintf("%s[%s]", field, name);
			v = merge_value(find_named(b, key, name), find_named(o, key, name),
					find_named(t, key, name), sub, m);
			if (v)
				gd_node_push(out, v);
			free(sub);
		}
	}
	return out;
}

static gd_node *merge_value(const gd_node *b, const gd_node *o,
			    const gd_node *t, const char *field,
			    struct mctx *m)
{
	const char *last = strrchr(field, '.');
	const char *key = last ? last + 1 : field;

	/* a contact is never dropped: both sides' entries are kept even when
	 * the other side deleted the list or holds something that is not one
	 * (that is kept under conflicts) */
	if (!last && union_list(key)) {
		int os = o && o->type == GD_SEQ, ts = t && t->type == GD_SEQ;
		if (os && ts)
			return eq(o, t) ? gd_node_dup(o) : merge_union(o, t);
		if (os || ts) {
			const gd_node *other = os ? t : o;
			if (other) {
				m->pub->nconflicts++;
				if (m->conflicts)
					add_conflict(m->conflicts, field, other, m->pub);
			}
			return gd_node_dup(os ? o : t);
		}
	}
	if (eq(o, t))
		return o ? gd_node_dup(o) : NULL;
	if (eq(o, b))
		return t ? gd_node_dup(t) : NULL;
	if (eq(t, b))
		return o ? gd_node_dup(o) : NULL;
	/* both changed it, differently */
	if (o && t && o->type == GD_SEQ && t->type == GD_SEQ) {
		if (union_list(key))
			return merge_union(o, t);
		if (named_key(key))
			return merge_named(b && b->type == GD_SEQ ? b : NULL, o, t,
					   named_key(key), field, m);
	}
	if (o && t && o->type == GD_MAP && t->type == GD_MAP)
		return merge_map(b && b->type == GD_MAP ? b : NULL, o, t, field, m);
	m->pub->nconflicts++;
	if (m->conflicts)
		add_conflict(m->conflicts, field, o, m->pub);
	return t ? gd_node_dup(t) : NULL;
}

gd_node *gd_merge_nodes(const gd_node *base, const gd_node *ours,
			const gd_node *theirs, gd_merge_ctx *ctx,
			int no_conflict_list)
{
	struct mctx m = {ctx, NULL};
	gd_node *out, *all;

	if (!no_conflict_list)
		m.conflicts = gd_node_seq();
	out = merge_map(base, ours, theirs, NULL, &m);
	if (m.conflicts && m.conflicts->n) {
		all = merge_union(gd_node_get(out, "conflicts"), m.conflicts);
		gd_node_set(out, "conflicts", all);
	}
	gd_node_free(m.conflicts);
	return out;
}
