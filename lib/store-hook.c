/*
 * store-hook.c - gd_store_hook: the pre-receive hook of a shared remote
 * (SPEC 5).  Each pushed update is walked commit by commit (rules 1, 2:
 * only the paths each commit changes, its whole tree when it changes
 * gendan.yaml), then judged on its net change, each changed path
 * attributed to the new commits that changed it (rules 3-7, by the
 * rules of lib/guard.c read from the old tip).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gendan/guard.h"
#include "store-private.h"

#define MAX_FILE ((git_object_size_t)1024 * 1024)

/* A path a new commit changed: the commit's index in the walk. */
struct touch {
	char *path;
	size_t commit;
};

struct hook {
	git_repository *repo;
	gd_guard *g;
	const char *ref;
	void (*report)(void *ctx, const char *message);
	void *ctx;
	size_t bad;
	git_oid *commits; /* the new commits, parents first */
	char **actors;    /* their authors' emails */
	size_t ncommits;
	struct touch *touch;
	size_t ntouch;
	git_oid cfg_id;   /* the configuration records are checked under */
	char *cfg;
	size_t cfg_len;
	int cfg_have;
};

static void refuse(struct hook *h, const git_oid *commit, const char *path,
		   const char *why)
{
	char hex[GIT_OID_HEXSZ + 1];
	char *m;

	git_oid_tostr(hex, sizeof(hex), commit);
	/* the form scripts read (SPEC 5): not translated */
	m = gd__xasprintf("refused %s %s: %s", hex, path, why);
	h->report(h->ctx, m);
	free(m);
	h->bad++;
}

/* The blob at path in tree: 1 with its text (NULL when over 1 MiB), 0
 * when there is none. */
static int blob_at(git_repository *repo, git_tree *tree, const char *path,
		   git_oid *id, char **buf, size_t *len)
{
	git_tree_entry *e = NULL;
	git_odb *odb = NULL;
	git_object_t type;
	size_t size = 0;
	int found = 0;

	*buf = NULL;
	*len = 0;
	if (tree && git_tree_entry_bypath(&e, tree, path) == 0 &&
	    git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
		found = 1;
		if (id)
			git_oid_cpy(id, git_tree_entry_id(e));
		if (git_repository_odb(&odb, repo) == 0 &&
		    git_odb_read_header(&size, &type, odb, git_tree_entry_id(e)) == 0 &&
		    size <= MAX_FILE && gd__blob_read(repo, git_tree_entry_id(e), buf, len) < 0)
			*buf = NULL;
	}
	git_error_clear();
	git_tree_entry_free(e);
	git_odb_free(odb);
	return found;
}

static git_tree *tree_of(git_repository *repo, const git_oid *commit)
{
	git_commit *c = NULL;
	git_tree *t = NULL;

	if (git_commit_lookup(&c, repo, commit) == 0)
		git_commit_tree(&t, c);
	git_commit_free(c);
	return t;
}

/* The commit's gendan.yaml, read again only when it changed. */
static void config_load(struct hook *h, git_tree *tree)
{
	git_oid id;
	char *buf;
	size_t len;

	if (!blob_at(h->repo, tree, "gendan.yaml", &id, &buf, &len)) {
		free(h->cfg);
		h->cfg = NULL;
		h->cfg_have = 0;
		return;
	}
	if (h->cfg_have && git_oid_equal(&id, &h->cfg_id)) {
		free(buf);
		return;
	}
	free(h->cfg);
	h->cfg = buf;
	h->cfg_len = len;
	h->cfg_have = 1;
	git_oid_cpy(&h->cfg_id, &id);
}

/* Rule 2 for one file of a new commit. */
static void check_file(struct hook *h, const git_oid *commit, const char *path,
		       const git_oid *id, uint32_t mode)
{
	git_odb *odb = NULL;
	git_object_t type;
	size_t size = 0;
	char *buf = NULL;
	size_t len = 0;

	if (strchr(path, '/') ? !gd__path_safe(path, mode)
			      : !gd_guard_top_level(path) ||
					(mode != GIT_FILEMODE_BLOB &&
					 mode != GIT_FILEMODE_BLOB_EXECUTABLE)) {
		refuse(h, commit, path, _("not a path a ledger may hold"));
		return;
	}
	if (git_repository_odb(&odb, h->repo) < 0 ||
	    git_odb_read_header(&size, &type, odb, id) < 0) {
		refuse(h, commit, path, _("cannot read the file"));
	} else if (size > MAX_FILE) {
		refuse(h, commit, path, _("a file over 1 MiB"));
	} else if (gd__blob_read(h->repo, id, &buf, &len) < 0 ||
		   gd_guard_file(h->g, path, buf, len, h->cfg_have ? h->cfg : NULL,
				 h->cfg_len) < 0) {
		refuse(h, commit, path, gd_error_last());
	}
	git_error_clear();
	free(buf);
	git_odb_free(odb);
}

struct walk_ctx {
	struct hook *h;
	const git_oid *commit;
};

static int walk_file(const char *root, const git_tree_entry *e, void *payload)
{
	struct walk_ctx *w = payload;
	char *path;

	if (git_tree_entry_type(e) == GIT_OBJECT_TREE)
		return 0;
	path = gd__xasprintf("%s%s", root, git_tree_entry_name(e));
	check_file(w->h, w->commit, path, git_tree_entry_id(e), git_tree_entry_filemode(e));
	free(path);
	return 0;
}

/* Did commit c (with its parents' trees) change path itself, rather than
 * take it from one of its parents? */
static int own_change(git_tree **ptrees, size_t np, git_tree *tree,
		      const char *path)
{
	git_tree_entry *mine = NULL, *theirs = NULL;
	size_t i;
	int own = 1;

	git_tree_entry_bypath(&mine, tree, path);
	for (i = 1; i < np && own; i++) {
		theirs = NULL;
		git_tree_entry_bypath(&theirs, ptrees[i], path);
		if ((!mine && !theirs) ||
		    (mine && theirs && git_oid_equal(git_tree_entry_id(mine), git_tree_entry_id(theirs)) &&
		     git_tree_entry_filemode(mine) == git_tree_entry_filemode(theirs)))
			own = 0;
		git_tree_entry_free(theirs);
	}
	git_error_clear();
	git_tree_entry_free(mine);
	return own;
}

static void touched(struct hook *h, const char *path, size_t commit)
{
	h->touch = realloc(h->touch, (h->ntouch + 1) * sizeof(*h->touch));
	if (!h->touch)
		abort();
	h->touch[h->ntouch].path = gd__xstrdup(path);
	h->touch[h->ntouch].commit = commit;
	h->ntouch++;
}

static size_t parent_trees(struct hook *h, git_commit *c, git_tree ***out)
{
	size_t np = git_commit_parentcount(c), i;
	git_tree **t = gd__xcalloc(np + 1, sizeof(*t));

	for (i = 0; i < np; i++)
		t[i] = tree_of(h->repo, git_commit_parent_id(c, (unsigned)i));
	*out = t;
	return np;
}

static void free_trees(git_tree **t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		git_tree_free(t[i]);
	free(t);
}

/* A merge also touches what it takes from one parent against another:
 * it must keep every parent's log entries (check_entries). */
static void merge_touches(struct hook *h, size_t i, git_tree **pt, size_t np, git_tree *tree)
{
	git_diff *diff = NULL;
	size_t k, d, n;

	for (k = 1; k < np; k++) {
		if (git_diff_tree_to_tree(&diff, h->repo, pt[k], tree, NULL) < 0)
			continue;
		n = git_diff_num_deltas(diff);
		for (d = 0; d < n; d++) {
			const git_diff_delta *dd = git_diff_get_delta(diff, d);
			if (dd->status != GIT_DELTA_DELETED)
				touched(h, dd->new_file.path, i);
		}
		git_diff_free(diff);
		diff = NULL;
	}
	git_error_clear();
}

/* Rule 8: with policy.signed, a valid ssh signature by one of the keys of
 * the author's team entry. */
static void signed_by_author(struct hook *h, const git_oid *id, const char *author)
{
	char *signers = NULL;

	if (gd_guard_signers(h->g, author, &signers) < 0 ||
	    (signers && gd__commit_verify(h->repo, id, author, signers) < 0))
		refuse(h, id, h->ref, gd_error_last());
	free(signers);
}

/* Rules 1 and 2 for the walk's commit i: who wrote it, the paths it
 * changes (its whole tree when it changes gendan.yaml). */
static void check_commit(struct hook *h, size_t i)
{
	const git_oid *id = &h->commits[i];
	git_commit *c = NULL;
	git_tree *tree = NULL, **pt = NULL;
	git_diff *diff = NULL;
	size_t np = 0, k, n;
	int whole = 0;

	if (git_commit_lookup(&c, h->repo, id) < 0 || git_commit_tree(&tree, c) < 0) {
		refuse(h, id, h->ref, _("cannot read the commit"));
		goto done;
	}
	h->actors[i] = gd__xstrdup(git_commit_author(c)->email);
	if (gd_guard_author(h->g, h->actors[i]) < 0)
		refuse(h, id, h->ref, gd_error_last());
	signed_by_author(h, id, h->actors[i]);
	np = parent_trees(h, c, &pt);
	if (git_diff_tree_to_tree(&diff, h->repo, np ? pt[0] : NULL, tree, NULL) < 0) {
		refuse(h, id, h->ref, _("cannot compare the trees"));
		goto done;
	}
	config_load(h, tree);
	n = git_diff_num_deltas(diff);
	for (k = 0; k < n; k++) {
		const git_diff_delta *d = git_diff_get_delta(diff, k);
		const char *path = d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path;
		if (!own_change(pt, np, tree, path))
			continue;
		touched(h, path, i);
		if (!strcmp(path, "gendan.yaml"))
			whole = 1;
		else if (d->status != GIT_DELTA_DELETED)
			check_file(h, id, path, &d->new_file.id, d->new_file.mode);
	}
	if (whole) {
		struct walk_ctx w = {h, id};
		git_tree_walk(tree, GIT_TREEWALK_PRE, walk_file, &w);
	}
	merge_touches(h, i, pt, np, tree);
done:
	git_error_clear();
	git_diff_free(diff);
	free_trees(pt, np);
	git_tree_free(tree);
	git_commit_free(c);
}

static int touch_cmp(const void *a, const void *b)
{
	const struct touch *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : (x->commit > y->commit) - (x->commit < y->commit);
}

/* The range of touches of path, in walk order. */
static size_t touches(struct hook *h, const char *path, size_t *first)
{
	size_t lo = 0, hi = h->ntouch, n = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(h->touch[mid].path, path) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo + n < h->ntouch && !strcmp(h->touch[lo + n].path, path))
		n++;
	return n;
}

/* Rule 4 for commit i's version of path: its new log entries are by its
 * author; and a merge keeps every parent's entries (rule 3). */
static void check_entries(struct hook *h, size_t i, const char *path,
			  const char *tip, size_t tlen)
{
	git_commit *c = NULL;
	git_tree *tree = NULL, **pt = NULL;
	char *mine = NULL, **pbuf = NULL;
	size_t mlen = 0, *plen = NULL, np = 0, k;

	if (git_commit_lookup(&c, h->repo, &h->commits[i]) < 0 || git_commit_tree(&tree, c) < 0)
		goto done;
	if (!blob_at(h->repo, tree, path, NULL, &mine, &mlen))
		goto done;
	np = parent_trees(h, c, &pt);
	pbuf = gd__xcalloc(np + 1, sizeof(*pbuf));
	plen = gd__xcalloc(np + 1, sizeof(*plen));
	for (k = 0; k < np; k++)
		blob_at(h->repo, pt[k], path, NULL, &pbuf[k], &plen[k]);
	if (gd_guard_log_by(path, mine, mlen, (const char *const *)pbuf, plen, np, tip, tlen,
			    h->actors[i]) < 0)
		refuse(h, &h->commits[i], path, gd_error_last());
	/* a merge is a union: it drops nothing any parent holds */
	for (k = 0; np > 1 && k < np; k++)
		if (gd_guard_log_kept(path, pbuf[k], plen[k], mine, mlen) < 0) {
			refuse(h, &h->commits[i], path, gd_error_last());
			break;
		}
done:
	git_error_clear();
	for (k = 0; k < np; k++)
		free(pbuf[k]);
	free(pbuf);
	free(plen);
	free(mine);
	free_trees(pt, np);
	git_tree_free(tree);
	git_commit_free(c);
}

/* The last of path's touches whose version has the tip's owner while its
 * first parent's does not: who made the owner what it is. */
static size_t owner_setter(struct hook *h, const char *path, size_t first,
			   size_t n, const char *owner)
{
	size_t k = n;

	while (k-- > 0) {
		size_t i = h->touch[first + k].commit;
		git_commit *c = NULL;
		git_tree *t = NULL, *pt = NULL;
		char *b = NULL, *pb = NULL, *o = NULL, *po = NULL;
		size_t bl, pl;
		int found;
		if (git_commit_lookup(&c, h->repo, &h->commits[i]) == 0 && git_commit_tree(&t, c) == 0 &&
		    git_commit_parentcount(c) > 0)
			pt = tree_of(h->repo, git_commit_parent_id(c, 0));
		blob_at(h->repo, t, path, NULL, &b, &bl);
		blob_at(h->repo, pt, path, NULL, &pb, &pl);
		o = gd_guard_owner(path, b, bl);
		po = gd_guard_owner(path, pb, pl);
		found = (o ? owner && !strcmp(o, owner) : !owner) &&
			!(po ? owner && !strcmp(po, owner) : !owner);
		free(b);
		free(pb);
		free(o);
		free(po);
		git_tree_free(t);
		git_tree_free(pt);
		git_commit_free(c);
		if (found)
			return i;
	}
	return h->touch[first + n - 1].commit;
}

/* Rules 3 to 7 for one path of the net change. */
static void check_path(struct hook *h, git_tree *ot, git_tree *nt, const char *path)
{
	size_t first, n = touches(h, path, &first), last, k;
	char *old = NULL, *new_ = NULL, *oo = NULL, *no = NULL;
	size_t olen = 0, nlen = 0;
	int had = blob_at(h->repo, ot, path, NULL, &old, &olen);
	int has = blob_at(h->repo, nt, path, NULL, &new_, &nlen);

	if (!n)
		goto done; /* nothing of this push's own */
	last = h->touch[first + n - 1].commit;
	if (!strcmp(path, "gendan.yaml")) {
		if (!has)
			refuse(h, &h->commits[last], path, _("deletes gendan.yaml"));
		else if (gd_guard_config(h->g, h->actors[last]) < 0)
			refuse(h, &h->commits[last], path, gd_error_last());
		goto done;
	}
	if (!strchr(path, '/'))
		goto done;
	if (had && !has) {
		if (gd_guard_delete(h->g, h->actors[last]) < 0)
			refuse(h, &h->commits[last], path, gd_error_last());
		goto done;
	}
	if (had && gd_guard_log_kept(path, old, olen, new_, nlen) < 0)
		refuse(h, &h->commits[last], path, gd_error_last());
	for (k = 0; k < n; k++)
		check_entries(h, h->touch[first + k].commit, path, new_, nlen);
	oo = gd_guard_owner(path, old, olen);
	no = gd_guard_owner(path, new_, nlen);
	if (had && (oo ? !no || strcmp(oo, no) : no != NULL)) {
		size_t i = owner_setter(h, path, first, n, no);
		if (gd_guard_owner_change(h->g, oo, no, h->actors[i]) < 0)
			refuse(h, &h->commits[i], path, gd_error_last());
	}
done:
	free(oo);
	free(no);
	free(old);
	free(new_);
}

/* The net change, old tip to new tip. */
static void check_net(struct hook *h, const git_oid *old_oid, const git_oid *new_oid)
{
	git_tree *ot = git_oid_is_zero(old_oid) ? NULL : tree_of(h->repo, old_oid);
	git_tree *nt = tree_of(h->repo, new_oid);
	git_diff *diff = NULL;
	size_t i, n;

	if (h->ntouch > 1)
		qsort(h->touch, h->ntouch, sizeof(*h->touch), touch_cmp);
	for (i = n = 0; i < h->ntouch; i++) {
		if (n && !touch_cmp(&h->touch[n - 1], &h->touch[i])) {
			free(h->touch[i].path);
			continue;
		}
		h->touch[n++] = h->touch[i];
	}
	h->ntouch = n;
	if (nt && git_diff_tree_to_tree(&diff, h->repo, ot, nt, NULL) == 0) {
		n = git_diff_num_deltas(diff);
		for (i = 0; i < n; i++) {
			const git_diff_delta *d = git_diff_get_delta(diff, i);
			check_path(h, ot, nt, d->status == GIT_DELTA_DELETED ? d->old_file.path
									    : d->new_file.path);
		}
	}
	git_error_clear();
	git_diff_free(diff);
	git_tree_free(ot);
	git_tree_free(nt);
}

/* The commits of the push: reachable from new, from no ref, parents
 * first. */
static int new_commits(struct hook *h, const git_oid *new_oid)
{
	git_revwalk *w = NULL;
	git_oid id;
	size_t cap = 0;
	int err = 0;

	if (git_revwalk_new(&w, h->repo) < 0 ||
	    git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE) < 0 ||
	    git_revwalk_push(w, new_oid) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot walk the pushed commits"));
		goto done;
	}
	git_revwalk_hide_glob(w, "refs/*");
	git_error_clear();
	while (git_revwalk_next(&id, w) == 0) {
		if (h->ncommits == cap) {
			cap = cap ? 2 * cap : 64;
			h->commits = realloc(h->commits, cap * sizeof(*h->commits));
			h->actors = realloc(h->actors, cap * sizeof(*h->actors));
			if (!h->commits || !h->actors)
				abort();
		}
		git_oid_cpy(&h->commits[h->ncommits], &id);
		h->actors[h->ncommits++] = NULL;
	}
done:
	git_revwalk_free(w);
	return err;
}

static void hook_clear(struct hook *h)
{
	size_t i;

	for (i = 0; i < h->ncommits; i++)
		free(h->actors[i]);
	for (i = 0; i < h->ntouch; i++)
		free(h->touch[i].path);
	free(h->commits);
	free(h->actors);
	free(h->touch);
	free(h->cfg);
	gd_guard_free(h->g);
	h->commits = NULL;
	h->actors = NULL;
	h->touch = NULL;
	h->cfg = NULL;
	h->g = NULL;
	h->ncommits = h->ntouch = 0;
	h->cfg_have = 0;
}

/*
 * The tree whose gendan.yaml gives roles, keys and policy: the old tip's;
 * for a new branch, the tip of the branch HEAD names, so that no branch
 * escapes them (a branch pushed under the default configuration could be
 * fast-forwarded into main later, its commits no longer new).  NULL for
 * the first push to an empty server.
 */
static git_tree *roles_tree(git_repository *repo, const git_oid *old_oid)
{
	git_reference *head = NULL;
	git_tree *t = NULL;

	if (!git_oid_is_zero(old_oid))
		return tree_of(repo, old_oid);
	if (git_repository_head(&head, repo) == 0 && git_reference_target(head))
		t = tree_of(repo, git_reference_target(head));
	git_error_clear();
	git_reference_free(head);
	return t;
}

/* Rule 1, then the guard of the old tip's configuration. */
static int update_start(struct hook *h, const git_oid *old_oid, const git_oid *new_oid,
			const char *pusher, const char *login)
{
	git_tree *ot = NULL;
	char *cfg = NULL;
	size_t clen = 0;

	if (git_oid_is_zero(new_oid)) {
		refuse(h, old_oid, h->ref, _("deletes a branch"));
		return -1;
	}
	if (!git_oid_is_zero(old_oid) && !git_oid_equal(old_oid, new_oid) &&
	    git_graph_descendant_of(h->repo, new_oid, old_oid) != 1) {
		refuse(h, new_oid, h->ref, _("not a fast-forward"));
		git_error_clear();
		return -1;
	}
	ot = roles_tree(h->repo, old_oid);
	if (!blob_at(h->repo, ot, "gendan.yaml", NULL, &cfg, &clen))
		cfg = NULL;
	h->g = gd_guard_new(cfg, clen, pusher, login);
	free(cfg);
	git_tree_free(ot);
	return 0;
}

static int hook_update(struct hook *h, const char *old_hex, const char *new_hex,
		       const char *pusher, const char *login)
{
	git_oid old_oid, new_oid;
	size_t i;
	int err = 0;

	if (git_oid_fromstr(&new_oid, new_hex) < 0 || git_oid_fromstr(&old_oid, old_hex) < 0)
		return gd_error_set(GD_EINVALID, _("pre-receive: bad input line"));
	if (update_start(h, &old_oid, &new_oid, pusher, login) < 0)
		goto done;
	if ((err = new_commits(h, &new_oid)) < 0)
		goto done;
	for (i = 0; i < h->ncommits; i++)
		check_commit(h, i);
	check_net(h, &old_oid, &new_oid);
done:
	hook_clear(h);
	return err;
}

static int open_repo(git_repository **repo, const char *gitdir)
{
	/* git receive-pack keeps the pushed objects in a quarantine named by
	 * GIT_OBJECT_DIRECTORY and GIT_ALTERNATE_OBJECT_DIRECTORIES: only the
	 * environment-aware open sees them */
	if ((getenv("GIT_DIR") ? git_repository_open_ext(repo, NULL, GIT_REPOSITORY_OPEN_FROM_ENV, NULL)
			       : git_repository_open_ext(repo, gitdir, GIT_REPOSITORY_OPEN_BARE,
							 NULL)) < 0)
		return gd__git_fail(GD_ENOTFOUND, _("pre-receive: cannot open the repository"));
	return 0;
}

int gd_store_hook(const char *gitdir, FILE *in, const char *pusher,
		  const char *login, void *ctx,
		  void (*report)(void *ctx, const char *message))
{
	struct hook h;
	char line[1024], oldh[64], newh[64], ref[512];
	int err = 0, e;

	memset(&h, 0, sizeof(h));
	h.report = report;
	h.ctx = ctx;
	gd__git_init();
	if ((err = open_repo(&h.repo, gitdir)) < 0)
		goto done;
	while (fgets(line, sizeof(line), in)) {
		if (sscanf(line, "%63s %63s %511s", oldh, newh, ref) != 3)
			continue;
		h.ref = ref;
		if ((e = hook_update(&h, oldh, newh, pusher, login)) < 0 && !err)
			err = e;
	}
	if (!err && h.bad) {
		gd_error_clear();
		err = GD_EINVALID;
	}
done:
	git_repository_free(h.repo);
	git_libgit2_shutdown();
	return err;
}
