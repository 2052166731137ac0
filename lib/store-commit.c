/*
 * store-commit.c - the commit path: apply a gd_change (journal, temp files,
 * renames), stage exactly its paths (one pack for bulk changes), and move
 * the branch only from the HEAD the tree was built on (compare and swap).
 */
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "gendan/dates.h"
#include "store-private.h"

/* Changes of more files than this sync the file system once instead of
 * every file and object. */
#define BULK 16

/* One syncfs() for the ledger's file system: the work tree and .git. */
static int sync_all(gd_store *s)
{
	int fd = open(s->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC), r;

	if (fd < 0)
		return gd_error_set(GD_EIO, _("cannot sync '%s': %s"), s->root, strerror(errno));
	r = syncfs(fd);
	close(fd);
	if (r < 0)
		return gd_error_set(GD_EIO, _("cannot sync '%s': %s"), s->root, strerror(errno));
	return 0;
}

/* What a path held before a change, to put it back on failure. */
struct saved {
	char *data; /* NULL: did not exist */
	size_t len;
};

static void restore(gd_store *s, char *const *paths, struct saved *old, size_t upto)
{
	size_t i;

	for (i = 0; i < upto; i++) {
		char *abs = gd__xasprintf("%s/%s", s->root, paths[i]), *tmp = NULL;
		if (!old[i].data) {
			unlink(abs);
		} else if (gd__write_temp(&tmp, abs, old[i].data, old[i].len, i, 1) == 0) {
			if (rename(tmp, abs) < 0)
				unlink(tmp);
		}
		free(tmp);
		free(abs);
	}
}

/* "+zzzz" or "-zzzz" into seconds east of UTC. */
static int zone(int32_t *off, const char *z)
{
	int i;

	if (strlen(z) != 5 || (z[0] != '+' && z[0] != '-'))
		return -1;
	for (i = 1; i < 5; i++)
		if (z[i] < '0' || z[i] > '9')
			return -1;
	*off = ((z[1] - '0') * 10 + (z[2] - '0')) * 3600 + ((z[3] - '0') * 10 + (z[4] - '0')) * 60;
	if (z[0] == '-')
		*off = -*off;
	return 0;
}

/* A date as git reads GIT_AUTHOR_DATE: "@<seconds> [+zzzz]", "<seconds>
 * +zzzz", ISO 8601 with its offset, or RFC 2822. */
static int git_date(gd_time *out, const char *s)
{
	const char *p = s[0] == '@' ? s + 1 : s, *end;
	char *num_end;
	struct tm tm;
	long long secs;

	out->off = 0;
	if (*p >= '0' && *p <= '9') {
		secs = strtoll(p, &num_end, 10);
		if (*num_end == '\0' && s[0] == '@') {
			out->t = secs;
			return 0;
		}
		if (*num_end == ' ' && zone(&out->off, num_end + 1) == 0) {
			out->t = secs;
			return 0;
		}
	}
	if (gd_time_parse_iso(out, s) == 0)
		return 0;
	gd_error_clear();
	memset(&tm, 0, sizeof(tm));
	if ((end = strptime(s, "%a, %d %b %Y %H:%M:%S %z", &tm)) && !*end) {
		out->off = (int32_t)tm.tm_gmtoff;
		out->t = (int64_t)timegm(&tm) - out->off;
		return 0;
	}
	return -1;
}

/* A signature at the time the variable names (as git), else $GENDAN_NOW,
 * else the clock. */
static int signature_at(git_signature **out, const char *name, const char *email,
			const char *var)
{
	const char *v = getenv(var);
	gd_time when;
	int err;

	if (v && *v) {
		if (git_date(&when, v) < 0)
			return gd_error_set(GD_EINVALID,
					    _("invalid %s '%s': expected @SECONDS +ZZZZ, ISO 8601 or RFC 2822"),
					    var, v);
	} else if ((err = gd_now(&when)) < 0) {
		return err;
	}
	if (git_signature_new(out, name, email, (git_time_t)when.t, when.off / 60) < 0)
		return gd__git_fail(GD_EIDENTITY, _("invalid identity"));
	return 0;
}

int gd__store_signatures(gd_store *s, git_signature **author, git_signature **committer)
{
	char *cn = NULL, *ce = NULL;
	int err;

	*author = *committer = NULL;
	gd__store_identity_load(s);
	if ((err = gd__identity_need(s->name, s->email)) < 0)
		return err;
	/* as git: borrowing an author (GIT_AUTHOR_*) does not borrow the
	 * committer, who is GIT_COMMITTER_*, else user.name and user.email */
	gd__committer_read(s->repo, &cn, &ce);
	if ((err = gd__identity_need(cn, ce)) < 0)
		goto done;
	if ((err = signature_at(author, s->name, s->email, "GIT_AUTHOR_DATE")) < 0 ||
	    (err = signature_at(committer, cn, ce, "GIT_COMMITTER_DATE")) < 0) {
		git_signature_free(*author);
		*author = NULL;
	}
done:
	free(cn);
	free(ce);
	return err;
}

/* Stage `paths` as they are in the work tree: only their index entries
 * change. */
static int stage(gd_store *s, git_index *idx, char *const *paths, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *abs = gd__xasprintf("%s/%s", s->root, paths[i]);
		struct stat st;
		int exists = lstat(abs, &st) == 0, r;
		free(abs);
		r = exists ? git_index_add_bypath(idx, paths[i])
			   : git_index_remove_bypath(idx, paths[i]);
		if (r < 0)
			return gd__git_fail(GD_EIO, _("cannot stage the change"));
	}
	return 0;
}

/*
 * Bulk changes (an import of thousands of rows) write their objects as one
 * pack, not one loose file each: blobs and trees go to an object database
 * in memory (libgit2's mempack, put in front of the repository's own
 * objects in a second handle of the repository, so nothing else writes
 * there) and are written out as one pack, synced, before the commit names
 * them and the branch moves.
 */
struct bulk {
	git_repository *repo;  /* a second handle, for this change only */
	git_odb *odb;          /* its objects: the mempack first */
	git_odb_backend *mem;  /* owned by odb */
	git_oid *blobs;        /* made by this try */
	size_t nblobs, capblobs;
};

static void bulk_close(struct bulk *b)
{
	git_odb_free(b->odb);
	git_repository_free(b->repo);
	free(b->blobs);
	memset(b, 0, sizeof(*b));
}

static int bulk_open(gd_store *s, struct bulk *b)
{
	memset(b, 0, sizeof(*b));
	if (git_repository_open(&b->repo, gd_store_gitdir(s)) == 0 &&
	    git_repository_odb(&b->odb, b->repo) == 0 && git_mempack_new(&b->mem) == 0) {
		if (git_odb_add_backend(b->odb, b->mem, 1000) == 0)
			return 0;
		b->mem->free(b->mem);
		b->mem = NULL;
	}
	bulk_close(b);
	/* GD_EIO itself, not what gd__git_fail returns: the analyzer then
	 * sees that b->mem is never NULL after a success */
	(void)gd__git_fail(GD_EIO, _("cannot write the objects"));
	return GD_EIO;
}

/* Stage paths with their blobs in b: stat data from the files, content
 * read back from them, no filters (records are plain YAML). */
static int stage_bulk(gd_store *s, git_index *idx, struct bulk *b,
		      char *const *paths, size_t n)
{
	size_t i;
	int err = 0;

	for (i = 0; i < n && !err; i++) {
		char *abs = gd__xasprintf("%s/%s", s->root, paths[i]), *buf = NULL;
		git_index_entry e;
		struct stat st;
		size_t len;
		int exists = lstat(abs, &st) == 0;

		if (!exists || !S_ISREG(st.st_mode)) {
			/* gone (or not ours to read): as git add would */
			if ((exists ? git_index_add_bypath(idx, paths[i])
				    : git_index_remove_bypath(idx, paths[i])) < 0)
				err = gd__git_fail(GD_EIO, _("cannot stage the change"));
			free(abs);
			continue;
		}
		memset(&e, 0, sizeof(e));
		/* straight to the mempack: the object database would look
		 * for each new blob in every pack first */
		if ((err = gd__read_file(&buf, &len, abs, SIZE_MAX / 2)) == 0 &&
		    (git_odb_hash(&e.id, buf, len, GIT_OBJECT_BLOB) < 0 ||
		     b->mem->write(b->mem, &e.id, buf, len, GIT_OBJECT_BLOB) < 0))
			err = gd__git_fail(GD_EIO, _("cannot stage the change"));
		if (!err) {
			if (b->nblobs == b->capblobs) {
				b->capblobs = b->capblobs ? b->capblobs * 2 : 256;
				b->blobs = gd__xrealloc(b->blobs, b->capblobs * sizeof(*b->blobs));
			}
			b->blobs[b->nblobs++] = e.id;
			e.ctime.seconds = (int32_t)st.st_ctim.tv_sec;
			e.ctime.nanoseconds = (uint32_t)st.st_ctim.tv_nsec;
			e.mtime.seconds = (int32_t)st.st_mtim.tv_sec;
			e.mtime.nanoseconds = (uint32_t)st.st_mtim.tv_nsec;
			e.dev = (uint32_t)st.st_dev;
			e.ino = (uint32_t)st.st_ino;
			e.mode = (st.st_mode & 0111) ? GIT_FILEMODE_BLOB_EXECUTABLE
						     : GIT_FILEMODE_BLOB;
			e.uid = (uint32_t)st.st_uid;
			e.gid = (uint32_t)st.st_gid;
			e.file_size = (uint32_t)st.st_size;
			e.path = paths[i];
			if (git_index_add(idx, &e) < 0)
				err = gd__git_fail(GD_EIO, _("cannot stage the change"));
		}
		free(buf);
		free(abs);
	}
	return err;
}

/* Add to pb the trees under id that this try made (those in b); the
 * others are in the repository already. */
static int insert_new_trees(git_packbuilder *pb, struct bulk *b,
			    const git_oid *id, int depth)
{
	git_tree *t = NULL;
	size_t i;
	int err = 0;

	if (depth > 16 || !b->mem->exists(b->mem, id))
		return 0;
	if (git_packbuilder_insert(pb, id, NULL) < 0 || git_tree_lookup(&t, b->repo, id) < 0)
		return -1;
	for (i = 0; i < git_tree_entrycount(t) && !err; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(t, i);
		if (git_tree_entry_type(e) == GIT_OBJECT_TREE)
			err = insert_new_trees(pb, b, git_tree_entry_id(e), depth + 1);
	}
	git_tree_free(t);
	return err;
}

/* Write the blobs and trees of this try (tree is the root) to the
 * repository as one pack. */
static int bulk_flush(gd_store *s, struct bulk *b, const git_oid *tree)
{
	char *dir = gd__xasprintf("%sobjects/pack", gd_store_gitdir(s));
	git_packbuilder *pb = NULL;
	git_odb *odb = NULL;
	size_t i;
	int ok;

	ok = git_packbuilder_new(&pb, b->repo) == 0;
	/* the delta search on every core (it returns how many it will use) */
	if (ok)
		(void)git_packbuilder_set_threads(pb, 0);
	for (i = 0; ok && i < b->nblobs; i++)
		ok = git_packbuilder_insert(pb, &b->blobs[i], NULL) == 0;
	ok = ok && insert_new_trees(pb, b, tree, 0) == 0 &&
	     git_packbuilder_write(pb, dir, 0, NULL, NULL) == 0 &&
	     git_repository_odb(&odb, s->repo) == 0 && git_odb_refresh(odb) == 0;
	git_odb_free(odb);
	git_packbuilder_free(pb);
	free(dir);
	return ok ? 0 : gd__git_fail(GD_EIO, _("cannot write the objects"));
}

/* Make the index HEAD's tree again, keeping the stat data of entries that
 * did not change, so the paths can be staged on top of a HEAD that moved. */
static int reset_index(git_index *idx, git_commit *head)
{
	git_tree *tree = NULL;
	int err = 0;

	if (git_commit_tree(&tree, head) < 0 || git_index_read_tree(idx, tree) < 0)
		err = gd__git_fail(GD_EIO, _("cannot read the new HEAD into the git index"));
	git_tree_free(tree);
	return err;
}

/*
 * The tree of the commit: parent's tree with only `paths` changed to what
 * the index now holds for them.  Only the trees on those paths are read
 * and written.  (git_index_write_tree would do the same work, then read
 * every tree of the ledger again to rebuild the index's tree cache: at
 * 100k records, a fifth of a `log`.)  Without a parent, the index's tree.
 */
static int path_tree(git_oid *out, gd_store *s, git_index *idx,
		     git_commit *parent, char *const *paths, size_t n)
{
	git_tree *base = NULL;
	git_tree_update *up;
	char **sorted;
	size_t i, k = 0;
	int err = 0;

	if (!parent) {
		if (git_index_write_tree(out, idx) < 0)
			return gd__git_fail(GD_EIO, _("cannot write the tree"));
		return 0;
	}
	if (git_commit_tree(&base, parent) < 0)
		return gd__git_fail(GD_EIO, _("cannot read the HEAD commit"));
	/* sorted, each path once: libgit2 refuses two updates of one path */
	sorted = gd__xcalloc(n + 1, sizeof(*sorted));
	if (n)
		memcpy(sorted, paths, n * sizeof(*paths));
	qsort(sorted, n, sizeof(*sorted), gd__paths_cmp);
	up = gd__xcalloc(n + 1, sizeof(*up));
	for (i = 0; i < n && !err; i++) {
		const git_index_entry *e;
		git_tree_entry *te = NULL;
		int r;
		if (i && !strcmp(sorted[i], sorted[i - 1]))
			continue;
		e = git_index_get_bypath(idx, sorted[i], 0);
		if (e) {
			up[k].action = GIT_TREE_UPDATE_UPSERT;
			git_oid_cpy(&up[k].id, &e->id);
			up[k].filemode = (git_filemode_t)e->mode;
			up[k++].path = sorted[i];
			continue;
		}
		/* gone from the index: out of the tree, if it was there */
		r = git_tree_entry_bypath(&te, base, sorted[i]);
		if (r == 0) {
			up[k].action = GIT_TREE_UPDATE_REMOVE;
			up[k++].path = sorted[i];
		} else if (r != GIT_ENOTFOUND) {
			err = gd__git_fail(GD_EIO, _("cannot read the HEAD tree"));
		}
		git_error_clear();
		git_tree_entry_free(te);
	}
	if (!err && git_tree_create_updated(out, s->repo, base, k, up) < 0)
		err = gd__git_fail(GD_EIO, _("cannot write the tree"));
	free(up);
	free(sorted);
	git_tree_free(base);
	return err;
}

/* The tree of `paths` staged as they are in the work tree on top of the
 * index (parent's tree on a retry): for a bulk change as one pack, written
 * and synced before a commit names it. */
static int stage_tree(git_oid *out, gd_store *s, git_index *idx, struct bulk *b,
		      git_commit *parent, char *const *paths, size_t n)
{
	int err;

	if (!b->repo) {
		if ((err = stage(s, idx, paths, n)) < 0)
			return err;
		return path_tree(out, s, idx, parent, paths, n);
	}
	/* a retry: what the last try wrote is in a pack already */
	git_mempack_reset(b->mem);
	b->nblobs = 0;
	/* the index would look for the new blobs in the repository, where
	 * they are not yet */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
	err = stage_bulk(s, idx, b, paths, n);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 1);
	if (!err && git_index_write_tree_to(out, idx, b->repo) < 0)
		err = gd__git_fail(GD_EIO, _("cannot write the tree"));
	/* on disk, synced, before a commit names them */
	if (err < 0)
		return err;
	return bulk_flush(s, b, out);
}

/* A commit of tree_oid on parent (NULL: none), not yet on any branch. */
static int make_commit(git_oid *out, gd_store *s, const git_oid *tree_oid,
		       git_commit *parent, const git_signature *author,
		       const git_signature *committer, const char *message)
{
	git_tree *tree = NULL;
	int err = 0;

	if (git_tree_lookup(&tree, s->repo, tree_oid) < 0)
		return gd__git_fail(GD_EIO, _("cannot read the new tree"));
	err = gd__commit_create(out, s, author, committer, message, tree, parent ? 1 : 0,
				(const git_commit **)&parent);
	git_tree_free(tree);
	return err;
}

/* Move the checked-out branch to commit_oid, only from where it was when
 * the commit was built (head_oid; unborn: still unborn).  *moved = 1 when
 * something else moved it meanwhile. */
static int swap_branch(gd_store *s, const git_oid *commit_oid,
		       const git_oid *head_oid, int unborn, int *moved)
{
	git_reference *head = NULL, *updated = NULL;
	const char *branch;
	int err = 0, r;

	*moved = 0;
	if (git_reference_lookup(&head, s->repo, "HEAD") < 0)
		return gd__git_fail(GD_EIO, _("cannot read HEAD"));
	branch = git_reference_symbolic_target(head);
	if (!branch) {
		err = gd_error_set(GD_ECONFLICT, _("HEAD is detached: check out a branch first"));
		goto done;
	}
	r = git_reference_create_matching(&updated, s->repo, branch, commit_oid,
					  !unborn, unborn ? NULL : head_oid, "gendan");
	if (r == GIT_EMODIFIED || r == GIT_EEXISTS) {
		*moved = 1; /* libgit2's message kept, for the last try */
	} else if (r < 0) {
		err = gd__git_fail(GD_ECONFLICT, _("cannot update the branch"));
	}
done:
	git_reference_free(updated);
	git_reference_free(head);
	return err;
}

/* Write the index, as version 4 when large: paths prefix-compressed, a
 * quarter smaller, so a quarter less to hash, write and sync on every
 * command; git reads it since 1.8. */
static int write_index(git_index *idx)
{
	if (git_index_entrycount(idx) >= 10000 && git_index_version(idx) < 4 &&
	    git_index_set_version(idx, 4) < 0)
		git_error_clear(); /* the old version still works */
	if (git_index_write(idx) < 0)
		/* the commit stands and the files match it; only the index is
		 * stale, and gendan restages the path on its next write */
		return gd__git_fail(GD_EIO, _("committed, but cannot write the git index (run 'git reset' to refresh it)"));
	return 0;
}

/*
 * Stage `paths` as they are in the work tree and commit the index on the
 * checked-out branch.  Only the entries of those paths change; one index
 * write at the end.  The branch moves only from the HEAD the tree was built
 * on: when something else committed meanwhile, the paths are staged again
 * on its commit, so that commit is never undone by ours.
 */
static int commit_index(gd_store *s, char *const *paths, size_t n,
			const char *message, int *committed)
{
	git_index *idx = NULL;
	git_oid tree_oid, head_oid, commit_oid;
	git_commit *parent = NULL;
	git_signature *author = NULL, *committer = NULL;
	struct bulk b = {0};
	int err = 0, unborn, tries, moved;

	*committed = 0;
	if (n > BULK && (err = bulk_open(s, &b)) < 0)
		return err;
	if (git_repository_index(&idx, s->repo) < 0) {
		bulk_close(&b);
		return gd__git_fail(GD_EIO, _("cannot open the git index"));
	}
	if (git_index_read(idx, 0) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot read the git index"));
		goto done;
	}
	if ((err = gd__store_signatures(s, &author, &committer)) < 0)
		goto done;
	for (tries = 0;; tries++) {
		if ((err = gd__store_head(s, &head_oid, &unborn)) < 0)
			goto done;
		git_commit_free(parent);
		parent = NULL;
		if (!unborn && git_commit_lookup(&parent, s->repo, &head_oid) < 0) {
			err = gd__git_fail(GD_EIO, _("cannot read the HEAD commit"));
			goto done;
		}
		if ((tries && parent && (err = reset_index(idx, parent)) < 0) ||
		    (err = stage_tree(&tree_oid, s, idx, &b, parent, paths, n)) < 0)
			goto done;
		if (parent && git_oid_equal(git_commit_tree_id(parent), &tree_oid))
			break; /* nothing changed: no commit */
		if ((err = make_commit(&commit_oid, s, &tree_oid, parent, author,
				       committer, message)) < 0 ||
		    (err = swap_branch(s, &commit_oid, &head_oid, unborn, &moved)) < 0)
			goto done;
		if (!moved) {
			*committed = 1;
			break;
		}
		if (tries == 3) {
			err = gd__git_fail(GD_ECONFLICT, _("cannot update the branch"));
			goto done;
		}
		git_error_clear();
	}
	err = write_index(idx);
done:
	if (err < 0 && idx)
		git_index_read(idx, 1); /* forget the staged entries */
	git_signature_free(author);
	git_signature_free(committer);
	git_commit_free(parent);
	git_index_free(idx);
	bulk_close(&b);
	return err;
}

/* Put the work tree and index at `target` and move the branch there. */
int gd__store_move_to(gd_store *s, const char *branch, const git_oid *from,
		      const git_oid *target)
{
	git_checkout_options co;
	git_commit *c = NULL, *fc = NULL;
	git_tree *ft = NULL, *tt = NULL;
	git_diff *diff = NULL;
	git_reference *ref = NULL;
	char **paths = NULL;
	size_t i, n = 0;
	int err = 0;

	if (git_checkout_options_init(&co, GIT_CHECKOUT_OPTIONS_VERSION) < 0 ||
	    git_commit_lookup(&c, s->repo, target) < 0 ||
	    git_commit_lookup(&fc, s->repo, from) < 0 ||
	    git_commit_tree(&ft, fc) < 0 || git_commit_tree(&tt, c) < 0 ||
	    git_diff_tree_to_tree(&diff, s->repo, ft, tt, NULL) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot read the merged commit"));
		goto done;
	}
	/* journaled like any change: a kill in the middle is put back to
	 * HEAD by the next command, before or after the branch moved */
	n = git_diff_num_deltas(diff);
	paths = gd__xcalloc(n + 1, sizeof(*paths));
	for (i = 0; i < n; i++)
		paths[i] = (char *)git_diff_get_delta(diff, i)->new_file.path;
	if ((err = gd__journal_begin(s, paths, n)) < 0)
		goto done;
	co.checkout_strategy = GIT_CHECKOUT_SAFE;
	if (git_checkout_tree(s->repo, (git_object *)c, &co) < 0)
		err = gd__git_fail(GD_EIO, _("cannot update the work tree"));
	else if (git_reference_create_matching(&ref, s->repo, branch, target, 1,
						 from, "gendan sync") < 0)
		err = gd__git_fail(GD_EIO, _("cannot update the branch"));
	if (!err)
		gd__journal_end(s);
	else
		gd__journal_recover(s);
done:
	free(paths);
	git_diff_free(diff);
	git_tree_free(ft);
	git_tree_free(tt);
	git_reference_free(ref);
	git_commit_free(c);
	git_commit_free(fc);
	return err;
}

int gd_store_apply(gd_store *s, gd_change *c, const char *message, int *committed)
{
	size_t n = gd_change_count(c);
	struct saved *old = gd__xcalloc(n + 1, sizeof(*old));
	char **tmps = gd__xcalloc(n + 1, sizeof(*tmps));
	char **paths = gd__xcalloc(n + 1, sizeof(*paths));
	size_t i, renamed = 0;
	int err = 0, bulk = n > BULK;

	*committed = 0;
	/* no identity, no commit: found out before any file is touched */
	gd__store_identity_load(s);
	if ((err = gd__identity_need(s->name, s->email)) < 0)
		goto done;
	/* borrowed from c, which outlives them */
	for (i = 0; i < n; i++)
		paths[i] = (char *)gd_change_path(c, i);
	/* the journal first: a kill from here on is repaired by the next
	 * command, temp files included */
	if ((err = gd__journal_begin(s, paths, n)) < 0)
		goto done;
	/* then every temp file, so a failure here touches no record */
	for (i = 0; i < n; i++) {
		char *abs = gd__xasprintf("%s/%s", s->root, paths[i]);
		size_t len;
		const char *data = gd_change_data(c, i, &len);
		err = gd__read_file(&old[i].data, &old[i].len, abs, SIZE_MAX / 2);
		if (err == GD_ENOTFOUND)
			err = 0;
		if (!err && data && !(err = gd__mkdirs(abs)))
			err = gd__write_temp(&tmps[i], abs, data, len, i, !bulk);
		free(abs);
		if (err < 0)
			goto fail;
	}
	/* bulk changes (import, reassign): one sync for all the temp files */
	if (bulk && (err = sync_all(s)) < 0)
		goto fail;
	for (i = 0; i < n; i++, renamed++) {
		char *abs = gd__xasprintf("%s/%s", s->root, paths[i]);
		int r = tmps[i] ? rename(tmps[i], abs) : unlink(abs);
		if (r < 0 && !(errno == ENOENT && !tmps[i]))
			err = gd_error_set(GD_EIO, _("cannot write '%s': %s"),
					   paths[i], strerror(errno));
		else if (!bulk)
			gd__fsync_dir_of(abs);
		free(abs);
		if (err < 0)
			goto fail;
		free(tmps[i]);
		tmps[i] = NULL;
	}
	if (bulk && (err = sync_all(s)) < 0)
		goto fail;
	if ((err = commit_index(s, paths, n, message, committed)) < 0 &&
	    !*committed)
		goto fail;
	gd__journal_end(s);
	goto done;
fail:
	restore(s, paths, old, renamed);
	gd__journal_end(s);
done:
	for (i = 0; i < n; i++) {
		if (tmps[i]) {
			unlink(tmps[i]);
			free(tmps[i]);
		}
		free(old[i].data);
	}
	free(old);
	free(tmps);
	free(paths);
	return err;
}

int gd_store_commit_paths(gd_store *s, char *const *paths, size_t n,
			  const char *message)
{
	int committed;

	return commit_index(s, paths, n, message, &committed);
}

char *gd_store_message(const char *summary, const char *action,
		       char *const *paths, size_t n)
{
	gd__buf b = {0};
	size_t i;

	gd__buf_printf(&b, "%s\n\nGendan-Action: %s\n", summary, action);
	if (n > 100)
		gd__buf_printf(&b, "Gendan-Records: %zu\n", n);
	else
		for (i = 0; i < n; i++)
			gd__buf_printf(&b, "Gendan-Record: %s\n", paths[i]);
	return gd__buf_detach(&b, NULL);
}

