/*
 * walk.c - the bottom of the scan stack (see walk.h): walking the record
 * folders, reading one record file, and ids found twice.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gendan/error.h"
#include "gendan/ids.h"
#include "gendan/yaml.h"
#include "hash.h"
#include "internal.h"
#include "walk.h"

int gd__record_read(gd_record **out, const char *root, const gd_config *cfg,
		    const char *relpath)
{
	char *abs = gd__xasprintf("%s/%s", root, relpath);
	char *buf = NULL;
	size_t len;
	struct stat st;
	gd_record *r = NULL;
	int err;

	*out = NULL;
	if (lstat(abs, &st) == 0 && S_ISLNK(st.st_mode)) {
		err = gd_error_set(GD_EINVALID, _("%s: symbolic links are not allowed"),
				   relpath);
		goto done;
	}
	if ((err = gd__read_file(&buf, &len, abs, GD_YAML_MAX_SIZE)) < 0) {
		const char *m = gd_error_last();
		size_t rl = strlen(root);
		/* name the file relative to the ledger, as everywhere else */
		if (!strncmp(m, root, rl) && m[rl] == '/')
			gd_error_set(err, "%s", m + rl + 1);
		goto done;
	}
	if ((err = gd_record_parse(&r, relpath, buf, len)) < 0)
		goto done;
	if ((err = gd_record_validate(r, cfg)) < 0)
		goto done;
	*out = r;
	r = NULL;
done:
	gd_record_free(r);
	free(buf);
	free(abs);
	return err;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

struct gd__walker {
	const char *root;
	gd__walk_file_fn file;
	gd__problem_fn problem;
	void *ctx;
};

static void walk_dir(const struct gd__walker *w, const char *rel, int depth);

/* One entry of a folder, at rel, with its lstat data: a folder to walk,
 * a record file, or a symbolic link to refuse. */
static void visit(const struct gd__walker *w, const char *rel, const char *name,
		  const struct stat *st, int depth)
{
	if (S_ISDIR(st->st_mode)) {
		/* deep trees are someone's mistake or an attack */
		if (depth < 8)
			walk_dir(w, rel, depth + 1);
	} else if (ends_with(name, ".yaml")) {
		if (S_ISLNK(st->st_mode)) {
			char *m = gd__xasprintf(_("%s: symbolic links are not allowed"), rel);
			w->problem(w->ctx, m);
			free(m);
		} else {
			w->file(w->ctx, rel, st);
		}
	}
}

/* The entries of the folder at rel (depth 0: a kind's folder), each
 * visited, or only listed into top when it is given. */
static void read_dir(const struct gd__walker *w, const char *rel, int depth,
		     gd__walk_top *top)
{
	char *abs = gd__xasprintf("%s/%s", w->root, rel);
	DIR *d = opendir(abs);
	struct dirent *e;
	gd__buf child = {0};
	size_t prefix;

	if (!d) {
		if (errno != ENOENT) {
			char *m = gd__xasprintf("%s: %s", rel, strerror(errno));
			w->problem(w->ctx, m);
			free(m);
		}
		free(abs);
		return;
	}
	gd__buf_printf(&child, "%s/", rel);
	prefix = child.len;
	while ((e = readdir(d))) {
		struct stat st;

		/* hidden entries: ".", "..", and gendan's own temp files */
		if (e->d_name[0] == '.')
			continue;
		child.len = prefix;
		gd__buf_puts(&child, e->d_name);
		if (top) {
			top->rel = gd__xrealloc(top->rel, (top->n + 1) * sizeof(*top->rel));
			top->dir = gd__xrealloc(top->dir, top->n + 1);
			top->dir[top->n] = e->d_type == DT_DIR;
			top->rel[top->n++] = gd__xstrdup(child.buf);
			continue;
		}
		/* a folder says so itself; a file is stat'ed for its stat data */
		if (e->d_type == DT_DIR) {
			if (depth < 8)
				walk_dir(w, child.buf, depth + 1);
			continue;
		}
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
			visit(w, child.buf, e->d_name, &st, depth);
	}
	closedir(d);
	gd__buf_free(&child);
	free(abs);
}

static void walk_dir(const struct gd__walker *w, const char *rel, int depth)
{
	read_dir(w, rel, depth, NULL);
}

void gd__walk_top_read(gd__walk_top *top, const char *root,
		       gd__problem_fn problem_fn, void *ctx)
{
	struct gd__walker w = {root, NULL, problem_fn, ctx};
	int k;

	memset(top, 0, sizeof(*top));
	for (k = 0; k < GD_NKINDS; k++)
		read_dir(&w, gd_kind_dir((gd_kind)k), 0, top);
}

void gd__walk_top_free(gd__walk_top *top)
{
	size_t i;

	for (i = 0; i < top->n; i++)
		free(top->rel[i]);
	free(top->rel);
	free(top->dir);
	memset(top, 0, sizeof(*top));
}

void gd__walk_part(const char *root, const gd__walk_top *top, unsigned part,
		   unsigned nparts, gd__walk_file_fn file,
		   gd__problem_fn problem_fn, void *ctx)
{
	struct gd__walker w = {root, file, problem_fn, ctx};
	size_t i;

	for (i = part; i < top->n; i += nparts) {
		char *abs;
		const char *name = strrchr(top->rel[i], '/');
		struct stat st;
		if (top->dir[i]) {
			walk_dir(&w, top->rel[i], 1);
			continue;
		}
		abs = gd__xasprintf("%s/%s", root, top->rel[i]);
		if (lstat(abs, &st) == 0)
			visit(&w, top->rel[i], name ? name + 1 : top->rel[i], &st, 0);
		free(abs);
	}
}

void gd__walk_records(const char *root, gd__walk_file_fn file,
		      gd__problem_fn problem_fn, void *ctx)
{
	gd__walk_top top;

	gd__walk_top_read(&top, root, problem_fn, ctx);
	gd__walk_part(root, &top, 0, 1, file, problem_fn, ctx);
	gd__walk_top_free(&top);
}

/* Is the record at kind/shard/id.yaml, where gendan writes it? */
static int in_place(const gd__record_name *x)
{
	const char *dir = gd_kind_dir((gd_kind)x->kind), *p = x->path;
	size_t dlen = strlen(dir), ilen = strlen(x->id);
	char shard[3];

	gd_shard(shard, x->id);
	return !strncmp(p, dir, dlen) && p[dlen] == '/' &&
	       !strncmp(p + dlen + 1, shard, 2) && p[dlen + 3] == '/' &&
	       !strncmp(p + dlen + 4, x->id, ilen) &&
	       !strcmp(p + dlen + 4 + ilen, ".yaml");
}

/* qsort() order of pointers to names: a loaded ledger's. */
static int name_cmp(const void *a, const void *b)
{
	const gd__record_name *x = *(const gd__record_name *const *)a;
	const gd__record_name *y = *(const gd__record_name *const *)b;

	return gd__record_order(x->kind, x->id, x->path, y->kind, y->id, y->path);
}

/* The index of the first name of x's kind and id in the table, or -1. */
static ptrdiff_t seen(const gd__hash *ids, const gd__record_name *v,
		      const gd__record_name *x, uint32_t h)
{
	gd__hash_pos pos = gd__hash_find(ids, h);
	size_t j;

	while (gd__hash_next(ids, &pos, &j))
		if (v[j].kind == x->kind && !strcmp(v[j].id, x->id))
			return (ptrdiff_t)j;
	return -1;
}

/* Two records in place cannot share an id, so only a ledger with a
 * misplaced file is looked at, and only ids seen twice are sorted. */
size_t gd__ids_twice(unsigned char *dropped, const gd__record_name *v, size_t n,
		     gd__problem_fn problem, void *ctx)
{
	size_t i, ndup = 0, ndropped = 0;
	const gd__record_name **dups = NULL, *first = NULL;
	gd__hash ids;

	for (i = 0; i < n; i++)
		if (v[i].id && !in_place(&v[i]))
			break;
	if (i == n)
		return 0;
	gd__hash_init(&ids, n);
	for (i = 0; i < n; i++) {
		uint32_t h;
		ptrdiff_t j;
		if (!v[i].id)
			continue;
		h = gd__hash_str(v[i].id) ^ (uint32_t)v[i].kind;
		if ((j = seen(&ids, v, &v[i], h)) < 0) {
			gd__hash_add(&ids, h, i);
			continue;
		}
		dups = gd__xrealloc(dups, (ndup + 2) * sizeof(*dups));
		dups[ndup++] = &v[i];
		dups[ndup++] = &v[j];
	}
	gd__hash_free(&ids);
	if (ndup)
		qsort(dups, ndup, sizeof(*dups), name_cmp);
	/* paths are unique, so the same one twice sorts side by side */
	for (i = 0; i < ndup; i++) {
		const gd__record_name *x = dups[i];
		char *m;
		if (i && dups[i] == dups[i - 1])
			continue;
		if (!first || first->kind != x->kind || strcmp(first->id, x->id)) {
			first = x;
			continue;
		}
		dropped[x - v] = 1;
		ndropped++;
		m = gd__xasprintf(_("%s: duplicate id '%s' (also %s)"), x->path,
				  x->id, first->path);
		problem(ctx, m);
		free(m);
	}
	free(dups);
	return ndropped;
}
