/*
 * store.c - the ledger as a git repository (see gendan/store.h).  The only
 * file that sees libgit2.
 */
#include <errno.h>
#include <fcntl.h>
#include <git2.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gendan/error.h"
#include "gendan/store.h"
#include "internal.h"

struct gd_store {
	git_repository *repo;
	char *root;
	int lock_fd;
	char *name, *email; /* identity, once asked for */
	int identity_read;
};

struct change_item {
	char *path;
	char *data; /* NULL: delete */
	size_t len;
};

struct gd_change {
	struct change_item *items;
	size_t n, cap;
};

static int git_fail(int code, const char *what)
{
	const git_error *e = git_error_last();

	return gd_error_set(code, "%s: %s", what,
			    e && e->message ? e->message : "unknown git error");
}

static void lib_init(void)
{
	git_libgit2_init();
	/* a power cut must not lose a commit gendan said it made */
	git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
}

/* --- locating the ledger ----------------------------------------------- */

static int has_config(const char *root)
{
	char *path = gd__xasprintf("%s/gendan.yaml", root);
	struct stat st;
	int ok = lstat(path, &st) == 0 && S_ISREG(st.st_mode);

	free(path);
	return ok;
}

static int open_at(gd_store *s, const char *dir, int required)
{
	const char *wd;
	size_t len;

	if (git_repository_open_ext(&s->repo, dir, 0, NULL) < 0) {
		if (!required)
			return GD_ENOTFOUND;
		return gd_error_set(GD_ENOTFOUND,
				    "not a gendan ledger: '%s' (run 'gendan init')", dir);
	}
	if (git_repository_is_bare(s->repo) || !(wd = git_repository_workdir(s->repo))) {
		git_repository_free(s->repo);
		s->repo = NULL;
		return gd_error_set(GD_ENOTFOUND,
				    "not a gendan ledger: '%s' is a bare repository", dir);
	}
	s->root = gd__xstrdup(wd);
	len = strlen(s->root);
	while (len > 1 && s->root[len - 1] == '/')
		s->root[--len] = '\0';
	if (!has_config(s->root)) {
		git_repository_free(s->repo);
		s->repo = NULL;
		free(s->root);
		s->root = NULL;
		if (!required)
			return GD_ENOTFOUND;
		return gd_error_set(GD_ENOTFOUND,
				    "not a gendan ledger: '%s' has no gendan.yaml (run 'gendan init')",
				    dir);
	}
	return 0;
}

int gd_store_open(gd_store **out, const char *dir)
{
	gd_store *s = gd__xcalloc(1, sizeof(*s));
	const char *env = getenv("GENDAN_DIR");
	char *def = NULL;
	int err;

	*out = NULL;
	s->lock_fd = -1;
	lib_init();
	if (dir)
		err = open_at(s, dir, 1);
	else if (env && *env)
		err = open_at(s, env, 1);
	else if ((err = open_at(s, ".", 0)) == GD_ENOTFOUND) {
		const char *xdg = getenv("XDG_DATA_HOME");
		const char *home = getenv("HOME");
		if (xdg && *xdg)
			def = gd__xasprintf("%s/gendan", xdg);
		else
			def = gd__xasprintf("%s/.local/share/gendan", home ? home : "");
		err = open_at(s, def, 1);
	}
	free(def);
	if (err < 0) {
		gd_store_free(s);
		return err;
	}
	*out = s;
	return 0;
}

void gd_store_free(gd_store *s)
{
	if (!s)
		return;
	gd_store_unlock(s);
	git_repository_free(s->repo);
	free(s->root);
	free(s->name);
	free(s->email);
	free(s);
	git_libgit2_shutdown();
}

const char *gd_store_root(const gd_store *s)
{
	return s->root;
}

/* --- lock and identity ------------------------------------------------- */

int gd_store_lock(gd_store *s)
{
	char *path;
	int r;

	if (s->lock_fd >= 0)
		return 0;
	path = gd__xasprintf("%sgendan.lock", git_repository_path(s->repo));
	s->lock_fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0644);
	if (s->lock_fd < 0) {
		int e = errno;
		r = gd_error_set(GD_EIO, "cannot open the lock '%s': %s", path,
				 strerror(e));
		free(path);
		return r;
	}
	free(path);
	while ((r = flock(s->lock_fd, LOCK_EX)) < 0 && errno == EINTR)
		;
	if (r < 0) {
		close(s->lock_fd);
		s->lock_fd = -1;
		return gd_error_set(GD_EIO, "cannot lock the ledger: %s",
				    strerror(errno));
	}
	return 0;
}

void gd_store_unlock(gd_store *s)
{
	if (s->lock_fd >= 0) {
		flock(s->lock_fd, LOCK_UN);
		close(s->lock_fd);
		s->lock_fd = -1;
	}
}

static char *config_string(git_config *cfg, const char *key)
{
	const char *v = NULL;

	if (cfg && git_config_get_string(&v, cfg, key) == 0 && v && *v)
		return gd__xstrdup(v);
	git_error_clear();
	return NULL;
}

/* name and email from the environment, else git config (repo, or the
 * user's global config when repo is NULL). */
static void read_identity(git_repository *repo, char **name, char **email)
{
	const char *en = getenv("GIT_AUTHOR_NAME"), *ee = getenv("GIT_AUTHOR_EMAIL");
	git_config *cfg = NULL, *snap = NULL;

	if (repo ? git_repository_config_snapshot(&snap, repo) < 0
		 : (git_config_open_default(&cfg) < 0 ||
		    git_config_snapshot(&snap, cfg) < 0))
		snap = NULL;
	*name = en && *en ? gd__xstrdup(en) : config_string(snap, "user.name");
	*email = ee && *ee ? gd__xstrdup(ee) : config_string(snap, "user.email");
	git_config_free(snap);
	git_config_free(cfg);
	git_error_clear();
}

static int need_identity(const char *name, const char *email)
{
	if (name && email)
		return 0;
	return gd_error_set(GD_EIDENTITY,
			    "no identity: set it with 'git config --global user.name \"Your Name\"' and 'git config --global user.email you@example.com'");
}

static void identity(gd_store *s)
{
	if (!s->identity_read) {
		read_identity(s->repo, &s->name, &s->email);
		s->identity_read = 1;
	}
}

int gd_store_identity(gd_store *s, const char **name, const char **email)
{
	identity(s);
	*name = s->name;
	*email = s->email;
	return need_identity(s->name, s->email);
}

const char *gd_store_me(gd_store *s)
{
	identity(s);
	return s->email;
}

/* --- status ------------------------------------------------------------ */

static int head_state(gd_store *s, git_oid *head, int *unborn)
{
	int r = git_reference_name_to_id(head, s->repo, "HEAD");

	*unborn = 0;
	if (r == GIT_ENOTFOUND || r == GIT_EUNBORNBRANCH) {
		git_error_clear();
		*unborn = 1;
		return 0;
	}
	if (r < 0)
		return git_fail(GD_EIO, "cannot read HEAD");
	if (git_repository_head_detached(s->repo) == 1)
		return gd_error_set(GD_ECONFLICT,
				    "HEAD is detached: check out a branch first ('git switch main')");
	return 0;
}

/*
 * Dirty when the work tree file is not the blob HEAD has.  The index is not
 * asked: gendan stages the path from the work tree when it commits, so an
 * index left behind by a killed command heals with the next write.  Hashing
 * one file is cheaper than a status walk over a large index, and immune to
 * racy stat data.
 */
int gd_store_path_dirty(gd_store *s, const char *relpath, int *dirty)
{
	git_commit *head = NULL;
	git_tree *tree = NULL;
	git_tree_entry *te = NULL;
	git_oid head_oid, file_oid;
	char *abs = gd__xasprintf("%s/%s", s->root, relpath);
	struct stat st;
	int exists, unborn, err = 0, r;

	*dirty = 0;
	exists = lstat(abs, &st) == 0;
	if ((err = head_state(s, &head_oid, &unborn)) < 0)
		goto done;
	if (!unborn) {
		if (git_commit_lookup(&head, s->repo, &head_oid) < 0 ||
		    git_commit_tree(&tree, head) < 0) {
			err = git_fail(GD_EIO, "cannot read the HEAD commit");
			goto done;
		}
		r = git_tree_entry_bypath(&te, tree, relpath);
		if (r < 0 && r != GIT_ENOTFOUND) {
			err = git_fail(GD_EIO, "cannot read the HEAD tree");
			goto done;
		}
		git_error_clear();
	}
	if (!exists || !te) {
		*dirty = exists || te;
		goto done;
	}
	if (git_repository_hashfile(&file_oid, s->repo, abs, GIT_OBJECT_BLOB, NULL) < 0) {
		err = git_fail(GD_EIO, "cannot read the record");
		goto done;
	}
	*dirty = !git_oid_equal(&file_oid, git_tree_entry_id(te));
done:
	git_tree_entry_free(te);
	git_tree_free(tree);
	git_commit_free(head);
	free(abs);
	return err;
}

static int ledger_path(const char *p)
{
	return !strcmp(p, "gendan.yaml") || !strncmp(p, "customers/", 10) ||
	       !strncmp(p, "inquiries/", 10) || !strncmp(p, "orders/", 7);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int gd_store_changed_paths(gd_store *s, char ***out, size_t *n)
{
	git_status_options opts;
	git_status_list *list = NULL;
	char **paths = NULL;
	size_t i, count, k = 0;

	*out = NULL;
	*n = 0;
	if (git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION) < 0)
		return git_fail(GD_ERROR, "cannot read the status of the ledger");
	opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED |
		     GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
	if (git_status_list_new(&list, s->repo, &opts) < 0)
		return git_fail(GD_EIO, "cannot read the status of the ledger");
	count = git_status_list_entrycount(list);
	paths = gd__xcalloc(count * 2 + 1, sizeof(*paths));
	for (i = 0; i < count; i++) {
		const git_status_entry *e = git_status_byindex(list, i);
		const git_diff_delta *d[2] = {e->head_to_index, e->index_to_workdir};
		int j;
		for (j = 0; j < 2; j++) {
			const char *p;
			if (!d[j])
				continue;
			p = d[j]->new_file.path ? d[j]->new_file.path : d[j]->old_file.path;
			if (p && ledger_path(p))
				paths[k++] = gd__xstrdup(p);
		}
	}
	git_status_list_free(list);
	qsort(paths, k, sizeof(*paths), str_cmp);
	for (i = 0, count = 0; i < k; i++) {
		if (count && !strcmp(paths[count - 1], paths[i])) {
			free(paths[i]);
			continue;
		}
		paths[count++] = paths[i];
	}
	*out = paths;
	*n = count;
	return 0;
}

/* --- changes ----------------------------------------------------------- */

gd_change *gd_change_new(void)
{
	return gd__xcalloc(1, sizeof(gd_change));
}

void gd_change_free(gd_change *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->items[i].path);
		free(c->items[i].data);
	}
	free(c->items);
	free(c);
}

static struct change_item *slot(gd_change *c, const char *relpath)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (!strcmp(c->items[i].path, relpath)) {
			free(c->items[i].data);
			c->items[i].data = NULL;
			return &c->items[i];
		}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->items = gd__xrealloc(c->items, c->cap * sizeof(*c->items));
	}
	c->items[c->n].path = gd__xstrdup(relpath);
	c->items[c->n].data = NULL;
	c->items[c->n].len = 0;
	return &c->items[c->n++];
}

void gd_change_write(gd_change *c, const char *relpath, const char *data,
		     size_t len)
{
	struct change_item *it = slot(c, relpath);

	it->data = gd__xmalloc(len + 1);
	memcpy(it->data, data, len);
	it->data[len] = '\0';
	it->len = len;
}

void gd_change_remove(gd_change *c, const char *relpath)
{
	slot(c, relpath);
}

size_t gd_change_count(const gd_change *c)
{
	return c->n;
}

const char *gd_change_path(const gd_change *c, size_t i)
{
	return c->items[i].path;
}

/* --- files ------------------------------------------------------------- */

static int mkdirs(const char *path)
{
	char *copy = gd__xstrdup(path), *p;
	int err = 0;

	for (p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0755) < 0 && errno != EEXIST) {
			err = gd_error_set(GD_EIO, "cannot create '%s': %s", copy,
					   strerror(errno));
			break;
		}
		*p = '/';
	}
	free(copy);
	return err;
}

static void fsync_dir_of(const char *path)
{
	char *dir = gd__xstrdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (slash)
		*slash = '\0';
	if ((fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Write data to a new temp file beside abs, fsynced; *tmp its name. */
static int write_temp(char **tmp, const char *abs, const char *data, size_t len,
		      size_t seq)
{
	const char *slash = strrchr(abs, '/');
	size_t dirlen = slash ? (size_t)(slash - abs) + 1 : 0;
	size_t off = 0;
	int fd, err = 0;

	*tmp = gd__xasprintf("%.*s.%s.tmp-%ld-%zu", (int)dirlen, abs,
			     slash ? slash + 1 : abs, (long)getpid(), seq);
	fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return gd_error_set(GD_EIO, "cannot create '%s': %s", *tmp,
				    strerror(errno));
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			err = gd_error_set(GD_EIO, "cannot write '%s': %s", abs,
					   strerror(errno));
			break;
		}
		off += (size_t)w;
	}
	if (!err && fsync(fd) < 0)
		err = gd_error_set(GD_EIO, "cannot write '%s': %s", abs, strerror(errno));
	if (close(fd) < 0 && !err)
		err = gd_error_set(GD_EIO, "cannot write '%s': %s", abs, strerror(errno));
	if (err)
		unlink(*tmp);
	return err;
}

/* What a path held before a change, to put it back on failure. */
struct saved {
	char *data; /* NULL: did not exist */
	size_t len;
};

static void restore(gd_store *s, gd_change *c, struct saved *old, size_t upto)
{
	size_t i;

	for (i = 0; i < upto; i++) {
		char *abs = gd__xasprintf("%s/%s", s->root, c->items[i].path), *tmp = NULL;
		if (!old[i].data) {
			unlink(abs);
		} else if (write_temp(&tmp, abs, old[i].data, old[i].len, i) == 0) {
			if (rename(tmp, abs) < 0)
				unlink(tmp);
		}
		free(tmp);
		free(abs);
	}
}

/* --- committing -------------------------------------------------------- */

static int signatures(gd_store *s, git_signature **author, git_signature **committer)
{
	const char *cn = getenv("GIT_COMMITTER_NAME");
	const char *ce = getenv("GIT_COMMITTER_EMAIL");
	int err;

	*author = *committer = NULL;
	identity(s);
	if ((err = need_identity(s->name, s->email)) < 0)
		return err;
	if (git_signature_now(author, s->name, s->email) < 0)
		return git_fail(GD_EIDENTITY, "invalid identity");
	if (git_signature_now(committer, cn && *cn ? cn : s->name,
			      ce && *ce ? ce : s->email) < 0) {
		git_signature_free(*author);
		*author = NULL;
		return git_fail(GD_EIDENTITY, "invalid committer identity");
	}
	return 0;
}

/*
 * Stage `paths` as they are in the work tree and commit the index on the
 * checked-out branch.  Only the entries of those paths change; one index
 * write at the end.
 */
static int commit_index(gd_store *s, char *const *paths, size_t n,
			const char *message, int *committed)
{
	git_index *idx = NULL;
	git_oid tree_oid, head_oid, commit_oid;
	git_tree *tree = NULL;
	git_commit *parent = NULL;
	git_reference *head = NULL, *updated = NULL;
	git_signature *author = NULL, *committer = NULL;
	const char *branch;
	int err = 0, unborn, tries;
	size_t i;

	*committed = 0;
	if (git_repository_index(&idx, s->repo) < 0)
		return git_fail(GD_EIO, "cannot open the git index");
	if (git_index_read(idx, 0) < 0) {
		err = git_fail(GD_EIO, "cannot read the git index");
		goto done;
	}
	for (i = 0; i < n; i++) {
		char *abs = gd__xasprintf("%s/%s", s->root, paths[i]);
		struct stat st;
		int exists = lstat(abs, &st) == 0, r;
		free(abs);
		r = exists ? git_index_add_bypath(idx, paths[i])
			   : git_index_remove_bypath(idx, paths[i]);
		if (r < 0) {
			err = git_fail(GD_EIO, "cannot stage the change");
			goto done;
		}
	}
	if (git_index_write_tree(&tree_oid, idx) < 0) {
		err = git_fail(GD_EIO, "cannot write the tree");
		goto done;
	}
	if ((err = signatures(s, &author, &committer)) < 0)
		goto done;
	for (tries = 0;; tries++) {
		if ((err = head_state(s, &head_oid, &unborn)) < 0)
			goto done;
		git_commit_free(parent);
		parent = NULL;
		if (!unborn) {
			if (git_commit_lookup(&parent, s->repo, &head_oid) < 0) {
				err = git_fail(GD_EIO, "cannot read the HEAD commit");
				goto done;
			}
			if (git_oid_equal(git_commit_tree_id(parent), &tree_oid))
				break; /* nothing changed: no commit */
		}
		if (!tree && git_tree_lookup(&tree, s->repo, &tree_oid) < 0) {
			err = git_fail(GD_EIO, "cannot read the new tree");
			goto done;
		}
		if (git_commit_create(&commit_oid, s->repo, NULL, author, committer,
				      NULL, message, tree, unborn ? 0 : 1,
				      (const git_commit **)&parent) < 0) {
			err = git_fail(GD_EIO, "cannot commit");
			goto done;
		}
		if (git_reference_lookup(&head, s->repo, "HEAD") < 0) {
			err = git_fail(GD_EIO, "cannot read HEAD");
			goto done;
		}
		branch = git_reference_symbolic_target(head);
		if (!branch) {
			err = gd_error_set(GD_ECONFLICT, "HEAD is detached: check out a branch first");
			goto done;
		}
		if (git_reference_create_matching(&updated, s->repo, branch, &commit_oid,
						  1, unborn ? NULL : &head_oid,
						  "gendan") == 0) {
			*committed = 1;
			break;
		}
		git_reference_free(head);
		head = NULL;
		/* someone committed beneath us: build on their commit */
		if (git_error_last() && tries < 3 &&
		    (git_error_last()->klass == GIT_ERROR_REFERENCE)) {
			git_error_clear();
			continue;
		}
		err = git_fail(GD_ECONFLICT, "cannot update the branch");
		goto done;
	}
	if (git_index_write(idx) < 0) {
		/* the commit stands and the files match it; only the index is
		 * stale, and gendan restages the path on its next write */
		err = git_fail(GD_EIO, "committed, but cannot write the git index (run 'git reset' to refresh it)");
		goto done;
	}
done:
	if (err < 0 && idx)
		git_index_read(idx, 1); /* forget the staged entries */
	git_reference_free(updated);
	git_reference_free(head);
	git_signature_free(author);
	git_signature_free(committer);
	git_commit_free(parent);
	git_tree_free(tree);
	git_index_free(idx);
	return err;
}

int gd_store_apply(gd_store *s, gd_change *c, const char *message, int *committed)
{
	struct saved *old = gd__xcalloc(c->n + 1, sizeof(*old));
	char **tmps = gd__xcalloc(c->n + 1, sizeof(*tmps));
	char **paths = gd__xcalloc(c->n + 1, sizeof(*paths));
	size_t i, renamed = 0;
	int err = 0;

	*committed = 0;
	/* first every temp file, so a failure here touches no record */
	for (i = 0; i < c->n; i++) {
		char *abs = gd__xasprintf("%s/%s", s->root, c->items[i].path);
		paths[i] = c->items[i].path;
		err = gd__read_file(&old[i].data, &old[i].len, abs, SIZE_MAX / 2);
		if (err == GD_ENOTFOUND)
			err = 0;
		if (!err && c->items[i].data && !(err = mkdirs(abs)))
			err = write_temp(&tmps[i], abs, c->items[i].data,
					 c->items[i].len, i);
		free(abs);
		if (err < 0)
			goto fail;
	}
	for (i = 0; i < c->n; i++, renamed++) {
		char *abs = gd__xasprintf("%s/%s", s->root, c->items[i].path);
		int r = tmps[i] ? rename(tmps[i], abs) : unlink(abs);
		if (r < 0 && !(errno == ENOENT && !tmps[i]))
			err = gd_error_set(GD_EIO, "cannot write '%s': %s",
					   c->items[i].path, strerror(errno));
		else
			fsync_dir_of(abs);
		free(abs);
		if (err < 0)
			goto fail;
		free(tmps[i]);
		tmps[i] = NULL;
	}
	if ((err = commit_index(s, paths, c->n, message, committed)) < 0 &&
	    !*committed)
		goto fail;
	goto done;
fail:
	restore(s, c, old, renamed);
done:
	for (i = 0; i < c->n; i++) {
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

/* --- init -------------------------------------------------------------- */

int gd_store_init(const char *dir, const char *config_text, const char *remote_url)
{
	git_repository_init_options opts;
	git_remote *remote = NULL;
	gd_store *s = NULL;
	gd_change *c = NULL;
	char *name = NULL, *email = NULL, *msg = NULL, *abs = NULL;
	char *paths[1] = {"gendan.yaml"};
	git_repository *existing = NULL;
	int err, committed = 0;

	lib_init();
	read_identity(NULL, &name, &email);
	if ((err = need_identity(name, email)) < 0)
		goto done;
	abs = gd__xasprintf("%s/gendan.yaml", dir);
	if (access(abs, F_OK) == 0) {
		err = gd_error_set(GD_EEXISTS, "'%s' already holds a gendan ledger", dir);
		goto done;
	}
	if (git_repository_open_ext(&existing, dir, GIT_REPOSITORY_OPEN_NO_SEARCH,
				    NULL) == 0) {
		int empty = git_repository_is_empty(existing);
		git_repository_free(existing);
		if (empty != 1) {
			err = gd_error_set(GD_EEXISTS,
					   "'%s' is already a git repository with commits", dir);
			goto done;
		}
	}
	git_error_clear();
	s = gd__xcalloc(1, sizeof(*s));
	s->lock_fd = -1;
	lib_init();
	if (git_repository_init_options_init(&opts,
					     GIT_REPOSITORY_INIT_OPTIONS_VERSION) < 0) {
		err = git_fail(GD_ERROR, "cannot create the git repository");
		goto done;
	}
	opts.flags = GIT_REPOSITORY_INIT_MKPATH;
	opts.initial_head = "main";
	if (git_repository_init_ext(&s->repo, dir, &opts) < 0) {
		err = git_fail(GD_EIO, "cannot create the git repository");
		goto done;
	}
	{
		const char *wd = git_repository_workdir(s->repo);
		size_t len;
		s->root = gd__xstrdup(wd ? wd : dir);
		len = strlen(s->root);
		while (len > 1 && s->root[len - 1] == '/')
			s->root[--len] = '\0';
	}
	s->name = name;
	s->email = email;
	s->identity_read = 1;
	name = email = NULL;
	if (remote_url && git_remote_create(&remote, s->repo, "origin", remote_url) < 0) {
		err = git_fail(GD_EINVALID, "cannot add the remote");
		goto done;
	}
	if ((err = gd_store_lock(s)) < 0)
		goto done;
	c = gd_change_new();
	gd_change_write(c, "gendan.yaml", config_text, strlen(config_text));
	msg = gd_store_message("init: new ledger", "init", paths, 1);
	err = gd_store_apply(s, c, msg, &committed);
done:
	git_remote_free(remote);
	gd_change_free(c);
	gd_store_free(s);
	free(msg);
	free(abs);
	free(name);
	free(email);
	git_libgit2_shutdown();
	return err;
}
