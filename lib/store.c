/*
 * store.c - the ledger as a git repository (see gendan/store.h).  The only
 * file that sees libgit2.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <strings.h>
#include <time.h>
#include <dirent.h>
#include <unistd.h>

#include "gendan/error.h"
#include "gendan/ids.h"
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
	size_t *slots;   /* open addressing over items by path: index + 1 */
	size_t nslots;
};

static int git_fail(int code, const char *what)
{
	const git_error *e = git_error_last();

	return gd_error_set(code, "%s: %s", what,
			    e && e->message ? e->message : _("unknown git error"));
}

/* "cannot fetch from 'origin' (URL): <libgit2's reason>" */
static int transfer_fail(const char *what, const char *name, const char *url)
{
	const git_error *e = git_error_last();
	char reason[512];

	snprintf(reason, sizeof(reason), "%s",
		 e && e->message ? e->message : _("unknown git error"));
	if (url)
		return gd_error_set(GD_EIO, "%s '%s' (%s): %s", what, name, url, reason);
	return gd_error_set(GD_EIO, "%s '%s': %s", what, name, reason);
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
				    _("not a gendan ledger: '%s' (run 'gendan init')"), dir);
	}
	if (git_repository_is_bare(s->repo) || !(wd = git_repository_workdir(s->repo))) {
		git_repository_free(s->repo);
		s->repo = NULL;
		return gd_error_set(GD_ENOTFOUND,
				    _("not a gendan ledger: '%s' is a bare repository"), dir);
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
				    _("not a gendan ledger: '%s' has no gendan.yaml (run 'gendan init')"),
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

/* --- the journal: a change interrupted is undone by the next command ---- */

static char *journal_path(gd_store *s)
{
	return gd__xasprintf("%sgendan-journal", git_repository_path(s->repo));
}

/* Before the files of a change are renamed into place: their paths. */
static int journal_begin(gd_store *s, char *const *paths, size_t n)
{
	char *path = journal_path(s), *tmp = gd__xasprintf("%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	size_t i;
	int err = 0;

	if (!f) {
		err = gd_error_set(GD_EIO, _("cannot write '%s': %s"), tmp, strerror(errno));
		goto done;
	}
	for (i = 0; i < n; i++)
		fprintf(f, "%s\n", paths[i]);
	if (fflush(f) != 0 || fsync(fileno(f)) != 0)
		err = gd_error_set(GD_EIO, _("cannot write '%s': %s"), tmp, strerror(errno));
	if (fclose(f) != 0 && !err)
		err = gd_error_set(GD_EIO, _("cannot write '%s': %s"), tmp, strerror(errno));
	if (!err && rename(tmp, path) < 0)
		err = gd_error_set(GD_EIO, _("cannot write '%s': %s"), path, strerror(errno));
done:
	if (err)
		unlink(tmp);
	free(tmp);
	free(path);
	return err;
}

static void journal_end(gd_store *s)
{
	char *path = journal_path(s);

	unlink(path);
	free(path);
}

/* Drop ".<name>.tmp-*" files a killed writer left beside path. */
static void drop_temps(const char *abs)
{
	char *dir = gd__xstrdup(abs), *slash = strrchr(dir, '/');
	const char *base = strrchr(abs, '/') ? strrchr(abs, '/') + 1 : abs;
	char *prefix = gd__xasprintf(".%s.tmp-", base);
	DIR *d;
	struct dirent *e;

	if (slash)
		*slash = '\0';
	if ((d = opendir(slash ? dir : "."))) {
		while ((e = readdir(d)))
			if (!strncmp(e->d_name, prefix, strlen(prefix)))
				unlinkat(dirfd(d), e->d_name, 0);
		closedir(d);
	}
	free(prefix);
	free(dir);
}

/* Drop the *.lock files under dir (the refs a killed fetch was moving). */
static void drop_ref_locks(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char *child;
		if (e->d_name[0] == '.')
			continue;
		child = gd__xasprintf("%s/%s", dir, e->d_name);
		if (len > 5 && !strcmp(e->d_name + len - 5, ".lock"))
			unlink(child);
		else if (depth < 8 && (e->d_type == DT_DIR || e->d_type == DT_UNKNOWN))
			drop_ref_locks(child, depth + 1);
		free(child);
	}
	closedir(d);
}

/*
 * A journal left behind means a gendan command died while changing those
 * paths (or while fetching, with no paths: then the remote-tracking refs
 * and FETCH_HEAD were being moved).  We hold the lock, so no gendan runs: the git index lock is
 * stale, and each path goes back to what HEAD has.  Either the commit was
 * made (the files already match HEAD) or it was not (the change is undone):
 * the whole change or none of it.
 */
static int recover(gd_store *s)
{
	char *jpath = journal_path(s), *lock = NULL, line[4096];
	git_checkout_options co;
	git_object *head = NULL;
	git_index *idx = NULL;
	FILE *f = fopen(jpath, "r");
	int err = 0, removed = 0;

	if (!f) {
		free(jpath);
		return 0;
	}
	lock = gd__xasprintf("%sindex.lock", git_repository_path(s->repo));
	unlink(lock);
	free(lock);
	{
		/* and the lock of the branch it was moving */
		git_reference *h = NULL;
		if (git_reference_lookup(&h, s->repo, "HEAD") == 0 &&
		    git_reference_symbolic_target(h)) {
			lock = gd__xasprintf("%s%s.lock", git_repository_path(s->repo),
					     git_reference_symbolic_target(h));
			unlink(lock);
			free(lock);
		}
		git_error_clear();
		git_reference_free(h);
	}
	lock = gd__xasprintf("%sFETCH_HEAD.lock", git_repository_path(s->repo));
	unlink(lock);
	free(lock);
	lock = gd__xasprintf("%srefs/remotes", git_repository_path(s->repo));
	drop_ref_locks(lock, 0);
	free(lock);
	if (git_revparse_single(&head, s->repo, "HEAD") < 0)
		git_error_clear();
	if (git_repository_index(&idx, s->repo) < 0 || git_index_read(idx, 1) < 0) {
		err = git_fail(GD_EIO, _("cannot repair the interrupted change"));
		goto done;
	}
	while (fgets(line, sizeof(line), f)) {
		char *abs, *paths[1];
		git_tree_entry *te = NULL;
		git_tree *tree = NULL;
		line[strcspn(line, "\n")] = '\0';
		if (!*line)
			continue;
		abs = gd__xasprintf("%s/%s", s->root, line);
		drop_temps(abs);
		if (head && git_commit_tree(&tree, (git_commit *)head) == 0 &&
		    git_tree_entry_bypath(&te, tree, line) == 0) {
			git_checkout_options_init(&co, GIT_CHECKOUT_OPTIONS_VERSION);
			co.checkout_strategy = GIT_CHECKOUT_FORCE;
			paths[0] = line;
			co.paths.strings = paths;
			co.paths.count = 1;
			if (git_checkout_tree(s->repo, head, &co) < 0)
				err = git_fail(GD_EIO, _("cannot repair the interrupted change"));
		} else {
			/* a file the change added and HEAD never had */
			unlink(abs);
			git_index_remove_bypath(idx, line);
			removed = 1;
		}
		git_error_clear();
		git_tree_entry_free(te);
		git_tree_free(tree);
		free(abs);
	}
	if (removed && git_index_write(idx) < 0)
		err = git_fail(GD_EIO, _("cannot repair the interrupted change"));
done:
	fclose(f);
	if (!err)
		unlink(jpath);
	git_index_free(idx);
	git_object_free(head);
	free(jpath);
	return err;
}

const char *gd_store_gitdir(const gd_store *s)
{
	return git_repository_path(s->repo);
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
		r = gd_error_set(GD_EIO, _("cannot open the lock '%s': %s"), path,
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
		return gd_error_set(GD_EIO, _("cannot lock the ledger: %s"),
				    strerror(errno));
	}
	return recover(s);
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
			    _("no identity: set it with 'git config --global user.name \"Your Name\"' and 'git config --global user.email you@example.com'"));
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
		return git_fail(GD_EIO, _("cannot read HEAD"));
	if (git_repository_head_detached(s->repo) == 1)
		return gd_error_set(GD_ECONFLICT,
				    _("HEAD is detached: check out a branch first ('git switch main')"));
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
			err = git_fail(GD_EIO, _("cannot read the HEAD commit"));
			goto done;
		}
		r = git_tree_entry_bypath(&te, tree, relpath);
		if (r < 0 && r != GIT_ENOTFOUND) {
			err = git_fail(GD_EIO, _("cannot read the HEAD tree"));
			goto done;
		}
		git_error_clear();
	}
	if (!exists || !te) {
		*dirty = exists || te;
		goto done;
	}
	if (git_repository_hashfile(&file_oid, s->repo, abs, GIT_OBJECT_BLOB, NULL) < 0) {
		err = git_fail(GD_EIO, _("cannot read the record"));
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
		return git_fail(GD_ERROR, _("cannot read the status of the ledger"));
	opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED |
		     GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
	if (git_status_list_new(&list, s->repo, &opts) < 0)
		return git_fail(GD_EIO, _("cannot read the status of the ledger"));
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
	free(c->slots);
	free(c);
}

/* Where relpath's item is, or goes, in c's table. */
static size_t *path_slot(const gd_change *c, const char *relpath)
{
	size_t s;

	for (s = gd_fnv1a(relpath, strlen(relpath)) % c->nslots; c->slots[s];
	     s = (s + 1) % c->nslots)
		if (!strcmp(c->items[c->slots[s] - 1].path, relpath))
			break;
	return &c->slots[s];
}

/* The item of relpath, emptied, or a new one: an import adds 100k. */
static struct change_item *slot(gd_change *c, const char *relpath)
{
	size_t *s, i;

	if ((c->n + 1) * 2 > c->nslots) {
		free(c->slots);
		c->nslots = (c->n + 1) * 4 + 1;
		c->slots = gd__xcalloc(c->nslots, sizeof(*c->slots));
		for (i = 0; i < c->n; i++)
			*path_slot(c, c->items[i].path) = i + 1;
	}
	s = path_slot(c, relpath);
	if (*s) {
		struct change_item *it = &c->items[*s - 1];
		free(it->data);
		it->data = NULL;
		return it;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->items = gd__xrealloc(c->items, c->cap * sizeof(*c->items));
	}
	c->items[c->n].path = gd__xstrdup(relpath);
	c->items[c->n].data = NULL;
	c->items[c->n].len = 0;
	*s = ++c->n;
	return &c->items[c->n - 1];
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

/* Make the folder dir and any missing parents (dir is changed and put
 * back).  The deepest first: the parents of a record's folder nearly
 * always exist, so one mkdir() a file. */
static int make_dir(char *dir)
{
	char *slash;
	int err;

	if (mkdir(dir, 0755) == 0 || errno == EEXIST)
		return 0;
	if (errno == ENOENT && (slash = strrchr(dir, '/')) && slash != dir) {
		*slash = '\0';
		err = make_dir(dir);
		*slash = '/';
		if (err < 0)
			return err;
		if (mkdir(dir, 0755) == 0 || errno == EEXIST)
			return 0;
	}
	return gd_error_set(GD_EIO, _("cannot create '%s': %s"), dir, strerror(errno));
}

/* The folders above the file path. */
static int mkdirs(const char *path)
{
	char *dir = gd__xstrdup(path), *slash = strrchr(dir, '/');
	int err = 0;

	if (slash && slash != dir) {
		*slash = '\0';
		err = make_dir(dir);
	}
	free(dir);
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

/* Write data to a new temp file beside abs (fsynced when sync); *tmp its
 * name. */
static int write_temp(char **tmp, const char *abs, const char *data, size_t len,
		      size_t seq, int sync)
{
	const char *slash = strrchr(abs, '/');
	size_t dirlen = slash ? (size_t)(slash - abs) + 1 : 0;
	size_t off = 0;
	int fd, err = 0;

	*tmp = gd__xasprintf("%.*s.%s.tmp-%ld-%zu", (int)dirlen, abs,
			     slash ? slash + 1 : abs, (long)getpid(), seq);
	fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return gd_error_set(GD_EIO, _("cannot create '%s': %s"), *tmp,
				    strerror(errno));
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			err = gd_error_set(GD_EIO, _("cannot write '%s': %s"), abs,
					   strerror(errno));
			break;
		}
		off += (size_t)w;
	}
	if (!err && sync && fsync(fd) < 0)
		err = gd_error_set(GD_EIO, _("cannot write '%s': %s"), abs, strerror(errno));
	if (close(fd) < 0 && !err)
		err = gd_error_set(GD_EIO, _("cannot write '%s': %s"), abs, strerror(errno));
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
		} else if (write_temp(&tmp, abs, old[i].data, old[i].len, i, 1) == 0) {
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
		return git_fail(GD_EIDENTITY, _("invalid identity"));
	if (git_signature_now(committer, cn && *cn ? cn : s->name,
			      ce && *ce ? ce : s->email) < 0) {
		git_signature_free(*author);
		*author = NULL;
		return git_fail(GD_EIDENTITY, _("invalid committer identity"));
	}
	return 0;
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
			return git_fail(GD_EIO, _("cannot stage the change"));
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
	return git_fail(GD_EIO, _("cannot write the objects"));
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
				err = git_fail(GD_EIO, _("cannot stage the change"));
			free(abs);
			continue;
		}
		memset(&e, 0, sizeof(e));
		/* straight to the mempack: the object database would look
		 * for each new blob in every pack first */
		if ((err = gd__read_file(&buf, &len, abs, SIZE_MAX / 2)) == 0 &&
		    (git_odb_hash(&e.id, buf, len, GIT_OBJECT_BLOB) < 0 ||
		     b->mem->write(b->mem, &e.id, buf, len, GIT_OBJECT_BLOB) < 0))
			err = git_fail(GD_EIO, _("cannot stage the change"));
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
				err = git_fail(GD_EIO, _("cannot stage the change"));
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
	return ok ? 0 : git_fail(GD_EIO, _("cannot write the objects"));
}

/* Make the index HEAD's tree again, keeping the stat data of entries that
 * did not change, so the paths can be staged on top of a HEAD that moved. */
static int reset_index(git_index *idx, git_commit *head)
{
	git_tree *tree = NULL;
	int err = 0;

	if (git_commit_tree(&tree, head) < 0 || git_index_read_tree(idx, tree) < 0)
		err = git_fail(GD_EIO, _("cannot read the new HEAD into the git index"));
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
			return git_fail(GD_EIO, _("cannot write the tree"));
		return 0;
	}
	if (git_commit_tree(&base, parent) < 0)
		return git_fail(GD_EIO, _("cannot read the HEAD commit"));
	/* sorted, each path once: libgit2 refuses two updates of one path */
	sorted = gd__xcalloc(n + 1, sizeof(*sorted));
	if (n)
		memcpy(sorted, paths, n * sizeof(*paths));
	qsort(sorted, n, sizeof(*sorted), str_cmp);
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
			err = git_fail(GD_EIO, _("cannot read the HEAD tree"));
		}
		git_error_clear();
		git_tree_entry_free(te);
	}
	if (!err && git_tree_create_updated(out, s->repo, base, k, up) < 0)
		err = git_fail(GD_EIO, _("cannot write the tree"));
	free(up);
	free(sorted);
	git_tree_free(base);
	return err;
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
	git_tree *tree = NULL;
	git_commit *parent = NULL;
	git_reference *head = NULL, *updated = NULL;
	git_signature *author = NULL, *committer = NULL;
	struct bulk b = {0};
	const char *branch;
	int err = 0, unborn, tries, r, bulk = n > BULK;

	*committed = 0;
	if (bulk && (err = bulk_open(s, &b)) < 0)
		return err;
	if (git_repository_index(&idx, s->repo) < 0) {
		bulk_close(&b);
		return git_fail(GD_EIO, _("cannot open the git index"));
	}
	if (git_index_read(idx, 0) < 0) {
		err = git_fail(GD_EIO, _("cannot read the git index"));
		goto done;
	}
	if ((err = signatures(s, &author, &committer)) < 0)
		goto done;
	for (tries = 0;; tries++) {
		if ((err = head_state(s, &head_oid, &unborn)) < 0)
			goto done;
		git_commit_free(parent);
		parent = NULL;
		if (!unborn && git_commit_lookup(&parent, s->repo, &head_oid) < 0) {
			err = git_fail(GD_EIO, _("cannot read the HEAD commit"));
			goto done;
		}
		if (tries && parent && (err = reset_index(idx, parent)) < 0)
			goto done;
		if (bulk) {
			/* a retry: what the last try wrote is in a pack already */
			git_mempack_reset(b.mem);
			b.nblobs = 0;
			/* the index would look for the new blobs in the
			 * repository, where they are not yet */
			git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
			err = stage_bulk(s, idx, &b, paths, n);
			git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 1);
			if (!err && git_index_write_tree_to(&tree_oid, idx, b.repo) < 0)
				err = git_fail(GD_EIO, _("cannot write the tree"));
			/* on disk, synced, before a commit names them */
			if (err < 0 || (err = bulk_flush(s, &b, &tree_oid)) < 0)
				goto done;
		} else if ((err = stage(s, idx, paths, n)) < 0 ||
			   (err = path_tree(&tree_oid, s, idx, parent, paths, n)) < 0) {
			goto done;
		}
		if (parent && git_oid_equal(git_commit_tree_id(parent), &tree_oid))
			break; /* nothing changed: no commit */
		git_tree_free(tree);
		tree = NULL;
		if (git_tree_lookup(&tree, s->repo, &tree_oid) < 0) {
			err = git_fail(GD_EIO, _("cannot read the new tree"));
			goto done;
		}
		if (git_commit_create(&commit_oid, s->repo, NULL, author, committer,
				      NULL, message, tree, parent ? 1 : 0,
				      (const git_commit **)&parent) < 0) {
			err = git_fail(GD_EIO, _("cannot commit"));
			goto done;
		}
		git_reference_free(head);
		head = NULL;
		if (git_reference_lookup(&head, s->repo, "HEAD") < 0) {
			err = git_fail(GD_EIO, _("cannot read HEAD"));
			goto done;
		}
		branch = git_reference_symbolic_target(head);
		if (!branch) {
			err = gd_error_set(GD_ECONFLICT, _("HEAD is detached: check out a branch first"));
			goto done;
		}
		/* an unborn branch must still be unborn; a born one still at
		 * the commit we built on */
		r = git_reference_create_matching(&updated, s->repo, branch, &commit_oid,
						  !unborn, unborn ? NULL : &head_oid,
						  "gendan");
		if (r == 0) {
			*committed = 1;
			break;
		}
		if ((r == GIT_EMODIFIED || r == GIT_EEXISTS) && tries < 3) {
			git_error_clear();
			continue;
		}
		err = git_fail(GD_ECONFLICT, _("cannot update the branch"));
		goto done;
	}
	/* a large index is written as version 4 (paths prefix-compressed):
	 * a quarter smaller, so a quarter less to hash, write and sync on
	 * every command; git reads it since 1.8 */
	if (git_index_entrycount(idx) >= 10000 && git_index_version(idx) < 4 &&
	    git_index_set_version(idx, 4) < 0)
		git_error_clear(); /* the old version still works */
	if (git_index_write(idx) < 0) {
		/* the commit stands and the files match it; only the index is
		 * stale, and gendan restages the path on its next write */
		err = git_fail(GD_EIO, _("committed, but cannot write the git index (run 'git reset' to refresh it)"));
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
	bulk_close(&b);
	return err;
}

int gd_store_apply(gd_store *s, gd_change *c, const char *message, int *committed)
{
	struct saved *old = gd__xcalloc(c->n + 1, sizeof(*old));
	char **tmps = gd__xcalloc(c->n + 1, sizeof(*tmps));
	char **paths = gd__xcalloc(c->n + 1, sizeof(*paths));
	size_t i, renamed = 0;
	int err = 0, bulk = c->n > BULK;

	*committed = 0;
	/* no identity, no commit: found out before any file is touched */
	identity(s);
	if ((err = need_identity(s->name, s->email)) < 0)
		goto done;
	for (i = 0; i < c->n; i++)
		paths[i] = c->items[i].path;
	/* the journal first: a kill from here on is repaired by the next
	 * command, temp files included */
	if ((err = journal_begin(s, paths, c->n)) < 0)
		goto done;
	/* then every temp file, so a failure here touches no record */
	for (i = 0; i < c->n; i++) {
		char *abs = gd__xasprintf("%s/%s", s->root, c->items[i].path);
		err = gd__read_file(&old[i].data, &old[i].len, abs, SIZE_MAX / 2);
		if (err == GD_ENOTFOUND)
			err = 0;
		if (!err && c->items[i].data && !(err = mkdirs(abs)))
			err = write_temp(&tmps[i], abs, c->items[i].data,
					 c->items[i].len, i, !bulk);
		free(abs);
		if (err < 0)
			goto fail;
	}
	/* bulk changes (import, reassign): one sync for all the temp files */
	if (bulk && (err = sync_all(s)) < 0)
		goto fail;
	for (i = 0; i < c->n; i++, renamed++) {
		char *abs = gd__xasprintf("%s/%s", s->root, c->items[i].path);
		int r = tmps[i] ? rename(tmps[i], abs) : unlink(abs);
		if (r < 0 && !(errno == ENOENT && !tmps[i]))
			err = gd_error_set(GD_EIO, _("cannot write '%s': %s"),
					   c->items[i].path, strerror(errno));
		else if (!bulk)
			fsync_dir_of(abs);
		free(abs);
		if (err < 0)
			goto fail;
		free(tmps[i]);
		tmps[i] = NULL;
	}
	if (bulk && (err = sync_all(s)) < 0)
		goto fail;
	if ((err = commit_index(s, paths, c->n, message, committed)) < 0 &&
	    !*committed)
		goto fail;
	journal_end(s);
	goto done;
fail:
	restore(s, c, old, renamed);
	journal_end(s);
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
		err = gd_error_set(GD_EEXISTS, _("'%s' already holds a gendan ledger"), dir);
		goto done;
	}
	if (git_repository_open_ext(&existing, dir, GIT_REPOSITORY_OPEN_NO_SEARCH,
				    NULL) == 0) {
		int empty = git_repository_is_empty(existing);
		git_repository_free(existing);
		if (empty != 1) {
			err = gd_error_set(GD_EEXISTS,
					   _("'%s' is already a git repository with commits"), dir);
			goto done;
		}
	}
	git_error_clear();
	s = gd__xcalloc(1, sizeof(*s));
	s->lock_fd = -1;
	lib_init();
	if (git_repository_init_options_init(&opts,
					     GIT_REPOSITORY_INIT_OPTIONS_VERSION) < 0) {
		err = git_fail(GD_ERROR, _("cannot create the git repository"));
		goto done;
	}
	opts.flags = GIT_REPOSITORY_INIT_MKPATH;
	opts.initial_head = "main";
	if (git_repository_init_ext(&s->repo, dir, &opts) < 0) {
		err = git_fail(GD_EIO, _("cannot create the git repository"));
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
		err = git_fail(GD_EINVALID, _("cannot add the remote"));
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

/* --- sharing over a remote --------------------------------------------- */

/* What the transfer callbacks share: credentials tried, push answers. */
struct xfer {
	int agent_tried;
	int key;
	int asked;
	int rejected;
	const char *url;
};

/* `git credential fill`: the user's own helper answers for https. */
static int credential_fill(git_credential **out, const char *url)
{
	char *cmd = NULL, line[1024];
	char *user = NULL, *pass = NULL;
	FILE *p;
	int err = -1;
	size_t i;

	/* the URL goes through a pipe, never through a shell word */
	for (i = 0; url[i]; i++)
		if (strchr("'\\\n", url[i]))
			return -1;
	cmd = gd__xasprintf("printf 'url=%%s\\n\\n' '%s' | GIT_TERMINAL_PROMPT=0 git credential fill 2>/dev/null",
			    url);
	/* git's credential helpers need git; the URL is quoted and may hold no
	 * quote, backslash or newline (above) */
	if (!(p = popen(cmd, "r"))) { /* NOLINT(cert-env33-c) */
		free(cmd);
		return -1;
	}
	while (fgets(line, sizeof(line), p)) {
		line[strcspn(line, "\n")] = '\0';
		if (!strncmp(line, "username=", 9))
			user = gd__xstrdup(line + 9);
		else if (!strncmp(line, "password=", 9))
			pass = gd__xstrdup(line + 9);
	}
	pclose(p);
	if (user && pass)
		err = git_credential_userpass_plaintext_new(out, user, pass);
	free(user);
	free(pass);
	free(cmd);
	return err;
}

static int credentials(git_credential **out, const char *url,
		       const char *user_from_url, unsigned int allowed,
		       void *payload)
{
	static const char *const keys[] = {"id_ed25519", "id_ecdsa", "id_rsa"};
	struct xfer *st = payload;
	const char *user = user_from_url ? user_from_url : "git";
	const char *home = getenv("HOME");

	if (allowed & GIT_CREDENTIAL_SSH_KEY) {
		if (!st->agent_tried) {
			st->agent_tried = 1;
			if (getenv("SSH_AUTH_SOCK"))
				return git_credential_ssh_key_from_agent(out, user);
		}
		while (home && st->key < 3) {
			char *priv = gd__xasprintf("%s/.ssh/%s", home, keys[st->key++]);
			char *pub = gd__xasprintf("%s.pub", priv);
			int r = 1;
			if (access(priv, R_OK) == 0)
				r = git_credential_ssh_key_new(out, user,
							       access(pub, R_OK) == 0 ? pub : NULL,
							       priv, NULL);
			free(priv);
			free(pub);
			if (r <= 0)
				return r;
		}
		return GIT_PASSTHROUGH;
	}
	if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) && !st->asked++) {
		if (credential_fill(out, url) == 0)
			return 0;
		return GIT_PASSTHROUGH;
	}
	if (allowed & GIT_CREDENTIAL_USERNAME)
		return git_credential_username_new(out, user);
	return GIT_PASSTHROUGH;
}

static char *base64(const unsigned char *in, size_t len)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *out = gd__xmalloc((len + 2) / 3 * 4 + 1), *o = out;
	size_t i;

	for (i = 0; i + 2 < len; i += 3) {
		*o++ = tab[in[i] >> 2];
		*o++ = tab[((in[i] & 3) << 4) | (in[i + 1] >> 4)];
		*o++ = tab[((in[i + 1] & 15) << 2) | (in[i + 2] >> 6)];
		*o++ = tab[in[i + 2] & 63];
	}
	if (i < len) {
		*o++ = tab[in[i] >> 2];
		if (i + 1 < len) {
			*o++ = tab[((in[i] & 3) << 4) | (in[i + 1] >> 4)];
			*o++ = tab[(in[i + 1] & 15) << 2];
		} else {
			*o++ = tab[(in[i] & 3) << 4];
			*o++ = '=';
		}
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

/* The port of an ssh:// URL, 22 for scp-like ones. */
static int url_port(const char *url)
{
	const char *p = strstr(url, "://"), *colon;

	if (!p)
		return 22;
	p += 3;
	if (strchr(p, '@') && strchr(p, '@') < strchr(p, '/'))
		p = strchr(p, '@') + 1;
	colon = strchr(p, ':');
	if (colon && (!strchr(p, '/') || colon < strchr(p, '/'))) {
		char *end;
		long port = strtol(colon + 1, &end, 10);
		return port > 0 && port < 65536 && end > colon + 1 ? (int)port : 22;
	}
	return 22;
}

/*
 * ssh host keys are checked against ~/.ssh/known_hosts (ssh-keygen -F
 * reads hashed entries too): a known, matching key is accepted; a
 * different key is refused as a possible attack; an unknown host is
 * refused with the command that checks and accepts it.
 */
static int check_host(git_cert *cert, int valid, const char *host, void *payload)
{
	struct xfer *x = payload;
	git_cert_hostkey *hk = (git_cert_hostkey *)cert;
	const char *home = getenv("HOME");
	char name[300], line[8192], *key, *cmd;
	int port, found = 0, match = 0;
	const char *h;
	FILE *f;

	if (cert->cert_type != GIT_CERT_HOSTKEY_LIBSSH2)
		return valid ? 0 : GIT_PASSTHROUGH;
	if (!(hk->type & GIT_CERT_SSH_RAW) || !home)
		return -1;
	for (h = host; *h; h++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:", *h))
			return -1;
	port = x && x->url ? url_port(x->url) : 22;
	if (port != 22)
		snprintf(name, sizeof(name), "[%s]:%d", host, port);
	else
		snprintf(name, sizeof(name), "%s", host);
	key = base64((const unsigned char *)hk->hostkey, hk->hostkey_len);
	cmd = gd__xasprintf("ssh-keygen -F '%s' -f '%s/.ssh/known_hosts' 2>/dev/null", name, home);
	/* the host is [A-Za-z0-9.:-] only (above) */
	if ((f = popen(cmd, "r"))) { /* NOLINT(cert-env33-c) */
		while (fgets(line, sizeof(line), f)) {
			char *k;
			if (line[0] == '#' || !(k = strchr(line, ' ')) || !(k = strchr(k + 1, ' ')))
				continue;
			k++;
			k[strcspn(k, " \n")] = '\0';
			found = 1;
			match |= !strcmp(k, key);
		}
		pclose(f);
	}
	free(cmd);
	free(key);
	if (match)
		return 0;
	if (found)
		git_error_set_str(GIT_ERROR_SSH,
				  _("the host key of this server is not the one in ~/.ssh/known_hosts: refused (someone may be in the middle)"));
	else
		git_error_set_str(GIT_ERROR_SSH,
				  _("the server is not in ~/.ssh/known_hosts: connect once with ssh to check and accept its key"));
	return -1;
}

/* A name a ledger may hold: no dot files, no .git look-alikes. */
static int safe_name(const char *name, int leaf)
{
	size_t len = strlen(name);
	char *id;
	int ok;

	if (!len || name[0] == '.' || strchr(name, '~') || strchr(name, '\\') ||
	    name[len - 1] == '.' || name[len - 1] == ' ' ||
	    !strncasecmp(name, "git", 3))
		return 0;
	if (!leaf) {
		for (; *name; name++)
			if (!((*name >= 'a' && *name <= 'z') ||
			      (*name >= '0' && *name <= '9') ||
			      *name == '-' || *name == '_'))
				return 0;
		return 1;
	}
	if (len < 6 || strcmp(name + len - 5, ".yaml"))
		return 0;
	id = gd__xstrndup(name, len - 5);
	ok = gd_id_valid(id);
	free(id);
	return ok;
}

/* Is path, with its mode, something a ledger may bring in? */
static int safe_path(const char *path, uint32_t mode)
{
	const char *slash = strchr(path, '/');
	char *copy, *part, *save = NULL;
	int ok = 1, n = 0;

	if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE)
		return 0;
	if (!slash) {
		/* top level: the config and a few harmless documents */
		return !strcmp(path, "gendan.yaml") || !strncmp(path, "README", 6) ||
		       !strncmp(path, "LICENSE", 7) ||
		       (strlen(path) > 3 && !strcmp(path + strlen(path) - 3, ".md") &&
			path[0] != '.');
	}
	if (strncmp(path, "customers/", 10) && strncmp(path, "inquiries/", 10) &&
	    strncmp(path, "orders/", 7))
		return 0;
	copy = gd__xstrdup(slash + 1);
	for (part = strtok_r(copy, "/", &save); part && ok;
	     part = strtok_r(NULL, "/", &save)) {
		n++;
		ok = safe_name(part, save == NULL || *save == '\0');
	}
	free(copy);
	return ok && n > 0 && n <= 8;
}

/* Refuse a diff that brings any unsafe path. */
static int check_incoming(git_diff *diff, const char *remote)
{
	size_t i, n = git_diff_num_deltas(diff);

	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_DELETED)
			continue;
		if (!safe_path(d->new_file.path, d->new_file.mode))
			return gd_error_set(GD_EINVALID,
					    _("remote '%s' brings an unsafe path '%s': sync refused, nothing changed"),
					    remote, d->new_file.path);
	}
	return 0;
}

static int blob_content(git_repository *repo, const git_oid *id, char **out,
			size_t *len)
{
	git_blob *b = NULL;

	*out = NULL;
	*len = 0;
	if (git_blob_lookup(&b, repo, id) < 0)
		return git_fail(GD_EIO, _("cannot read a blob"));
	*len = (size_t)git_blob_rawsize(b);
	*out = gd__xmalloc(*len + 1);
	memcpy(*out, git_blob_rawcontent(b), *len);
	(*out)[*len] = '\0';
	git_blob_free(b);
	return 0;
}

static const git_oid *entry_id(git_tree *tree, const char *path,
			       git_tree_entry **te)
{
	*te = NULL;
	if (!tree || git_tree_entry_bypath(te, tree, path) < 0) {
		git_error_clear();
		return NULL;
	}
	return git_tree_entry_id(*te);
}

static int same(const git_oid *a, const git_oid *b)
{
	return (!a && !b) || (a && b && git_oid_equal(a, b));
}

/* The tree of ours with theirs' changes since base brought in. */
static int merge_trees(gd_store *s, git_tree *base, git_tree *ours,
		       git_tree *theirs, const char *remote, gd_merge_file_fn fn,
		       void *ctx, git_oid *out, gd_sync_report *rep)
{
	git_diff *diff = NULL;
	git_index *idx = NULL;
	size_t i, n;
	int err = 0;

	if (git_diff_tree_to_tree(&diff, s->repo, base, theirs, NULL) < 0)
		return git_fail(GD_EIO, _("cannot compare the remote's tree"));
	if ((err = check_incoming(diff, remote)) < 0)
		goto done;
	if (git_index_new(&idx) < 0 || git_index_read_tree(idx, ours) < 0) {
		err = git_fail(GD_EIO, _("cannot build the merge"));
		goto done;
	}
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n && !err; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		const char *path = d->new_file.path;
		git_tree_entry *be = NULL, *oe = NULL, *te = NULL;
		const git_oid *b = entry_id(base, path, &be);
		const git_oid *o = entry_id(ours, path, &oe);
		const git_oid *t = entry_id(theirs, path, &te);
		git_index_entry ie;

		memset(&ie, 0, sizeof(ie));
		ie.path = path;
		ie.mode = GIT_FILEMODE_BLOB;
		rep->changed++;
		if (same(o, t)) {
			/* nothing to do */
		} else if (same(o, b) || !o) {
			/* only they changed it, or we deleted what they changed */
			if (t) {
				ie.id = *t;
				if (git_index_add(idx, &ie) < 0)
					err = git_fail(GD_EIO, _("cannot build the merge"));
			} else if (git_index_remove(idx, path, 0) < 0) {
				err = git_fail(GD_EIO, _("cannot build the merge"));
			}
		} else if (t) {
			/* both changed it: record by record */
			char *bb = NULL, *ob = NULL, *tb = NULL, *mb = NULL;
			size_t bl = 0, ol = 0, tl = 0, ml = 0;
			if ((b && (err = blob_content(s->repo, b, &bb, &bl)) < 0) ||
			    (err = blob_content(s->repo, o, &ob, &ol)) < 0 ||
			    (err = blob_content(s->repo, t, &tb, &tl)) < 0) {
				/* err set */
			} else if ((err = fn(ctx, path, bb, bl, ob, ol, tb, tl, &mb, &ml)) == 0) {
				if (git_blob_create_from_buffer(&ie.id, s->repo, mb, ml) < 0 ||
				    git_index_add(idx, &ie) < 0)
					err = git_fail(GD_EIO, _("cannot build the merge"));
				rep->merged++;
			}
			free(bb);
			free(ob);
			free(tb);
			free(mb);
		}
		/* else: they deleted what we changed: ours is kept */
		git_tree_entry_free(be);
		git_tree_entry_free(oe);
		git_tree_entry_free(te);
	}
	if (!err && git_index_write_tree_to(out, idx, s->repo) < 0)
		err = git_fail(GD_EIO, _("cannot write the merged tree"));
done:
	git_index_free(idx);
	git_diff_free(diff);
	return err;
}

/* Put the work tree and index at `target` and move the branch there. */
static int move_to(gd_store *s, const char *branch, const git_oid *from,
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
		err = git_fail(GD_EIO, _("cannot read the merged commit"));
		goto done;
	}
	/* journaled like any change: a kill in the middle is put back to
	 * HEAD by the next command, before or after the branch moved */
	n = git_diff_num_deltas(diff);
	paths = gd__xcalloc(n + 1, sizeof(*paths));
	for (i = 0; i < n; i++)
		paths[i] = (char *)git_diff_get_delta(diff, i)->new_file.path;
	if ((err = journal_begin(s, paths, n)) < 0)
		goto done;
	co.checkout_strategy = GIT_CHECKOUT_SAFE;
	if (git_checkout_tree(s->repo, (git_object *)c, &co) < 0)
		err = git_fail(GD_EIO, _("cannot update the work tree"));
	else if (git_reference_create_matching(&ref, s->repo, branch, target, 1,
						 from, "gendan sync") < 0)
		err = git_fail(GD_EIO, _("cannot update the branch"));
	if (!err)
		journal_end(s);
	else
		recover(s);
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

static int push_update(const char *refname, const char *status, void *payload)
{
	struct xfer *x = payload;

	(void)refname;
	if (status)
		x->rejected = 1;
	return 0;
}

static int commit_merge(gd_store *s, const git_oid *tree_oid,
			const git_oid *ours, const git_oid *theirs,
			const char *remote, const char *branch_short,
			gd_sync_report *rep, git_oid *out)
{
	git_signature *author = NULL, *committer = NULL;
	git_tree *tree = NULL;
	git_commit *parents[2] = {NULL, NULL};
	char *msg = NULL;
	int err = 0;

	if ((err = signatures(s, &author, &committer)) < 0)
		return err;
	msg = gd__xasprintf("sync: merge %s/%s (%zu file%s, %zu merged record by record)\n\n"
			    "Gendan-Action: sync\n",
			    remote, branch_short, rep->changed,
			    rep->changed == 1 ? "" : "s", rep->merged);
	if (git_tree_lookup(&tree, s->repo, tree_oid) < 0 ||
	    git_commit_lookup(&parents[0], s->repo, ours) < 0 ||
	    git_commit_lookup(&parents[1], s->repo, theirs) < 0 ||
	    git_commit_create(out, s->repo, NULL, author, committer, NULL, msg,
			      tree, 2, (const git_commit **)parents) < 0)
		err = git_fail(GD_EIO, _("cannot commit the merge"));
	git_commit_free(parents[0]);
	git_commit_free(parents[1]);
	git_tree_free(tree);
	git_signature_free(author);
	git_signature_free(committer);
	free(msg);
	return err;
}

static void remember_sync(gd_store *s)
{
	char *path = gd__xasprintf("%sgendan-last-sync", git_repository_path(s->repo));
	FILE *f = fopen(path, "w");

	if (f) {
		fprintf(f, "%lld\n", (long long)time(NULL));
		/* only `gendan status` reads it: a failed write costs nothing */
		(void)fclose(f);
	}
	free(path);
}

/* Bring theirs into HEAD: nothing, fast-forward, or a merge commit. */
static int integrate(gd_store *s, const char *remote, const char *branch,
		     const char *branch_short, const git_oid *head,
		     const git_oid *theirs, gd_merge_file_fn fn, void *ctx,
		     gd_sync_report *rep)
{
	git_oid base, tree_oid, merged;
	git_commit *bc = NULL, *oc = NULL, *tc = NULL;
	git_tree *bt = NULL, *ot = NULL, *tt = NULL;
	size_t ahead = 0, behind = 0;
	int err = 0, has_base;

	if (git_oid_equal(head, theirs))
		return 0;
	has_base = git_merge_base(&base, s->repo, head, theirs) == 0;
	git_error_clear();
	if (has_base && git_oid_equal(&base, theirs))
		return 0; /* we are ahead */
	if (git_graph_ahead_behind(&ahead, &behind, s->repo, head, theirs) == 0)
		rep->incoming += behind;
	if (git_commit_lookup(&oc, s->repo, head) < 0 ||
	    git_commit_lookup(&tc, s->repo, theirs) < 0 ||
	    git_commit_tree(&ot, oc) < 0 || git_commit_tree(&tt, tc) < 0 ||
	    (has_base && (git_commit_lookup(&bc, s->repo, &base) < 0 ||
			  git_commit_tree(&bt, bc) < 0))) {
		err = git_fail(GD_EIO, _("cannot read the commits to merge"));
		goto done;
	}
	if (has_base && git_oid_equal(&base, head)) {
		git_diff *diff = NULL;
		if (git_diff_tree_to_tree(&diff, s->repo, ot, tt, NULL) < 0) {
			err = git_fail(GD_EIO, _("cannot compare the remote's tree"));
			goto done;
		}
		rep->changed = git_diff_num_deltas(diff);
		err = check_incoming(diff, remote);
		git_diff_free(diff);
		if (!err && !(err = move_to(s, branch, head, theirs)))
			rep->fast_forward = 1;
		goto done;
	}
	if ((err = merge_trees(s, bt, ot, tt, remote, fn, ctx, &tree_oid, rep)) < 0)
		goto done;
	if ((err = commit_merge(s, &tree_oid, head, theirs, remote, branch_short,
				rep, &merged)) < 0)
		goto done;
	err = move_to(s, branch, head, &merged);
done:
	git_tree_free(bt);
	git_tree_free(ot);
	git_tree_free(tt);
	git_commit_free(bc);
	git_commit_free(oc);
	git_commit_free(tc);
	return err;
}

/* Commits reachable from id: all of them go out to an empty remote. */
static size_t count_commits(gd_store *s, const git_oid *id)
{
	git_revwalk *walk = NULL;
	git_oid oid;
	size_t n = 0;

	if (git_revwalk_new(&walk, s->repo) == 0 && git_revwalk_push(walk, id) == 0)
		while (git_revwalk_next(&oid, walk) == 0)
			n++;
	git_error_clear();
	git_revwalk_free(walk);
	return n;
}

static const char *remote_url(git_remote *r)
{
	return git_remote_url(r) ? git_remote_url(r) : "?";
}

int gd_store_sync(gd_store *s, const char *remote_name, gd_merge_file_fn fn,
		  void *ctx, gd_sync_report *rep)
{
	git_remote *remote = NULL;
	git_reference *head_ref = NULL;
	const char *branch, *branch_short;
	char *tracking = NULL, *refspec = NULL;
	int err = 0, tries;

	memset(rep, 0, sizeof(*rep));
	if (!remote_name)
		remote_name = "origin";
	if (git_remote_lookup(&remote, s->repo, remote_name) < 0) {
		git_error_clear();
		return gd_error_set(GD_ENOTFOUND,
				    _("no remote '%s': add one with 'git remote add %s URL'"),
				    remote_name, remote_name);
	}
	if (git_reference_lookup(&head_ref, s->repo, "HEAD") < 0 ||
	    !(branch = git_reference_symbolic_target(head_ref))) {
		err = gd_error_set(GD_ECONFLICT, _("HEAD is detached: check out a branch first"));
		goto done;
	}
	branch_short = !strncmp(branch, "refs/heads/", 11) ? branch + 11 : branch;
	tracking = gd__xasprintf("refs/remotes/%s/%s", remote_name, branch_short);
	refspec = gd__xasprintf("%s:%s", branch, branch);
	for (tries = 0; tries < 4; tries++) {
		git_fetch_options fo;
		git_push_options po;
		struct xfer xf = {0, 0, 0, 0, NULL}, xp = {0, 0, 0, 0, NULL};
		git_strarray specs = {&refspec, 1};
		git_oid head, theirs;
		int unborn, has_theirs;

		if (git_fetch_options_init(&fo, GIT_FETCH_OPTIONS_VERSION) < 0 ||
		    git_push_options_init(&po, GIT_PUSH_OPTIONS_VERSION) < 0) {
			err = git_fail(GD_ERROR, _("cannot set up the transfer"));
			goto done;
		}
		xf.url = xp.url = remote_url(remote);
		fo.callbacks.credentials = credentials;
		fo.callbacks.certificate_check = check_host;
		fo.callbacks.payload = &xf;
		/* a journal without paths: a fetch killed midway leaves the
		 * locks of the refs it was moving, for the next command to drop */
		if ((err = journal_begin(s, NULL, 0)) < 0)
			goto done;
		if (git_remote_fetch(remote, NULL, &fo, "gendan sync") < 0) {
			err = transfer_fail(_("cannot fetch from"), remote_name,
					    remote_url(remote));
			journal_end(s);
			goto done;
		}
		journal_end(s);
		if ((err = head_state(s, &head, &unborn)) < 0)
			goto done;
		has_theirs = git_reference_name_to_id(&theirs, s->repo, tracking) == 0;
		git_error_clear();
		if (has_theirs && !unborn &&
		    (err = integrate(s, remote_name, branch, branch_short, &head,
				     &theirs, fn, ctx, rep)) < 0)
			goto done;
		if ((err = head_state(s, &head, &unborn)) < 0)
			goto done;
		if (unborn || (has_theirs && git_oid_equal(&head, &theirs))) {
			rep->up_to_date = !rep->incoming;
			break;
		}
		{
			size_t ahead = 0, behind = 0;
			if (!has_theirs) {
				ahead = count_commits(s, &head);
			} else if (git_graph_ahead_behind(&ahead, &behind, s->repo,
							  &head, &theirs) < 0) {
				err = git_fail(GD_EIO, "cannot compare with the remote");
				goto done;
			}
			rep->outgoing = ahead;
		}
		po.callbacks.credentials = credentials;
		po.callbacks.certificate_check = check_host;
		po.callbacks.push_update_reference = push_update;
		po.callbacks.payload = &xp;
		if (git_remote_push(remote, &specs, &po) < 0) {
			const git_error *e = git_error_last();
			/* a remote that moved answers non-fast-forward */
			if (e && e->message && strstr(e->message, "fast-forward")) {
				git_error_clear();
				continue;
			}
			err = transfer_fail(_("cannot push to"), remote_name,
					    remote_url(remote));
			goto done;
		}
		if (xp.rejected)
			continue;
		rep->pushed = 1;
		break;
	}
	if (!err && tries < 4) {
		/* so that git status, too, tells ahead and behind */
		git_reference *local = NULL;
		char *up = gd__xasprintf("%s/%s", remote_name, branch_short);
		if (git_reference_lookup(&local, s->repo, branch) == 0)
			git_branch_set_upstream(local, up);
		git_error_clear();
		git_reference_free(local);
		free(up);
	}
	if (tries == 4)
		err = gd_error_set(GD_ECONFLICT,
				   _("the remote '%s' kept moving: try 'gendan sync' again"),
				   remote_name);
	else
		remember_sync(s);
done:
	free(tracking);
	free(refspec);
	git_reference_free(head_ref);
	git_remote_free(remote);
	return err;
}

/*
 * The branch a clone works on when the remote's HEAD gave none (an empty
 * remote, or a HEAD naming a branch that does not exist, as a plain
 * `git init --bare` does with master): its main, else its only branch.
 * *name is NULL when there is none; *n counts the branches.
 */
static int fallback_branch(char **name, size_t *n, git_repository *repo)
{
	static const char prefix[] = "refs/remotes/origin/";
	git_reference_iterator *it = NULL;
	git_reference *ref = NULL;
	char *first = NULL;
	int err = 0, r;

	*name = NULL;
	*n = 0;
	if (git_reference_iterator_glob_new(&it, repo, "refs/remotes/origin/*") < 0)
		return git_fail(GD_EIO, _("cannot list the cloned branches"));
	while (!*name && (r = git_reference_next(&ref, it)) == 0) {
		const char *b = git_reference_name(ref) + sizeof(prefix) - 1;
		if (git_reference_type(ref) == GIT_REFERENCE_DIRECT && strcmp(b, "HEAD")) {
			if (!strcmp(b, "main"))
				*name = gd__xstrdup(b);
			else if ((*n)++ == 0)
				first = gd__xstrdup(b);
		}
		git_reference_free(ref);
	}
	if (!*name && r != GIT_ITEROVER) {
		err = git_fail(GD_EIO, _("cannot list the cloned branches"));
		goto done;
	}
	git_error_clear();
	if (!*name && *n == 1) {
		*name = first;
		first = NULL;
	}
done:
	free(first);
	git_reference_iterator_free(it);
	return err;
}

/* Make the local branch name from origin's, tracking it, and HEAD it. */
static int start_branch(git_repository *repo, const char *name)
{
	char *remote = gd__xasprintf("origin/%s", name);
	char *local_ref = gd__xasprintf("refs/heads/%s", name);
	git_reference *rb = NULL, *lb = NULL;
	git_commit *tip = NULL;
	int err = 0;

	if (git_branch_lookup(&rb, repo, remote, GIT_BRANCH_REMOTE) < 0 ||
	    git_commit_lookup(&tip, repo, git_reference_target(rb)) < 0 ||
	    git_branch_create(&lb, repo, name, tip, 0) < 0 ||
	    git_branch_set_upstream(lb, remote) < 0 ||
	    git_repository_set_head(repo, local_ref) < 0)
		err = git_fail(GD_EIO, _("cannot set up the cloned branch"));
	git_commit_free(tip);
	git_reference_free(lb);
	git_reference_free(rb);
	free(local_ref);
	free(remote);
	return err;
}

/* Check out the remote's default branch, else main, else its only one. */
static int clone_branch(git_repository *repo, const char *url)
{
	char *name = NULL;
	size_t n;
	int err, unborn = git_repository_head_unborn(repo);

	if (unborn < 0)
		return git_fail(GD_EIO, _("cannot read the cloned HEAD"));
	if (!unborn)
		return 0;
	if ((err = fallback_branch(&name, &n, repo)) < 0)
		return err;
	if (!name && n)
		return gd_error_set(GD_ENOTFOUND,
				    _("'%s' names no default branch and has no main: cannot choose among its branches"),
				    url);
	if (!name)
		return gd_error_set(GD_ENOTFOUND, _("'%s' is empty: not a gendan ledger"), url);
	err = start_branch(repo, name);
	free(name);
	return err;
}

static int clone_into(const char *url, const char *dir)
{
	git_clone_options co;
	git_repository *repo = NULL;
	git_object *head = NULL;
	git_tree *tree = NULL;
	git_diff *diff = NULL;
	struct xfer xf = {0, 0, 0, 0, url};
	int err = 0;

	if (git_clone_options_init(&co, GIT_CLONE_OPTIONS_VERSION) < 0) {
		err = git_fail(GD_ERROR, _("cannot set up the clone"));
		goto done;
	}
	/* look at the tree before any file of it is written */
	co.checkout_opts.checkout_strategy = GIT_CHECKOUT_NONE;
	co.fetch_opts.callbacks.credentials = credentials;
	co.fetch_opts.callbacks.certificate_check = check_host;
	co.fetch_opts.callbacks.payload = &xf;
	if (git_clone(&repo, url, dir, &co) < 0) {
		err = transfer_fail(_("cannot clone"), url, NULL);
		goto done;
	}
	if ((err = clone_branch(repo, url)) < 0)
		goto done;
	if (git_revparse_single(&head, repo, "HEAD^{tree}") < 0) {
		err = git_fail(GD_EIO, _("cannot read the cloned tree"));
		goto done;
	}
	tree = (git_tree *)head;
	head = NULL;
	if (git_diff_tree_to_tree(&diff, repo, NULL, tree, NULL) < 0) {
		err = git_fail(GD_EIO, _("cannot read the cloned tree"));
		goto done;
	}
	if ((err = check_incoming(diff, url)) < 0)
		goto done;
	if (!git_tree_entry_byname(tree, "gendan.yaml")) {
		err = gd_error_set(GD_ENOTFOUND, _("'%s' has no gendan.yaml: not a gendan ledger"),
				   url);
		goto done;
	}
	{
		git_checkout_options opts;
		if (git_checkout_options_init(&opts, GIT_CHECKOUT_OPTIONS_VERSION) < 0 ||
		    (opts.checkout_strategy = GIT_CHECKOUT_SAFE,
		     git_checkout_head(repo, &opts) < 0))
			err = git_fail(GD_EIO, _("cannot check out the ledger"));
	}
done:
	git_diff_free(diff);
	git_tree_free(tree);
	git_object_free(head);
	git_repository_free(repo);
	return err;
}

static int remove_entry(const char *path, const struct stat *st, int type,
			struct FTW *ftw)
{
	(void)st;
	if (ftw->level == 0)
		return 0; /* the directory itself: the caller decides */
	return (type == FTW_DP ? rmdir(path) : unlink(path)) < 0 ? -1 : 0;
}

/*
 * Take away what a failed clone made in dir: dir itself when it did not
 * exist, else (it was empty) everything in it.  Best effort: the clone's
 * own error is the one to report.
 */
static void unmake(const char *dir, int existed)
{
	(void)nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	if (!existed)
		(void)rmdir(dir);
}

/* 1 if dir is an existing empty directory, 0 if it does not exist, -1
 * otherwise (the clone refuses it, and nothing in it is ours). */
static int dir_before(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int empty = 1;

	if (!d)
		return errno == ENOENT ? 0 : -1;
	while (empty && (e = readdir(d)))
		empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	closedir(d);
	return empty ? 1 : -1;
}

int gd_store_clone(const char *url, const char *dir)
{
	int before = dir_before(dir), err;

	lib_init();
	if ((err = clone_into(url, dir)) < 0 && before >= 0)
		unmake(dir, before);
	git_libgit2_shutdown();
	return err;
}

/* The commit the branch's remote counterpart points at: its upstream, else
 * origin's branch of the same name. */
static int upstream_id(gd_store *s, const char *branch_short, git_oid *out)
{
	char *local = gd__xasprintf("refs/heads/%s", branch_short);
	char *t = gd__xasprintf("refs/remotes/origin/%s", branch_short);
	git_reference *lr = NULL, *up = NULL;
	int found = 0;

	/* the configured upstream, else origin's branch of the same name */
	found = (git_reference_lookup(&lr, s->repo, local) == 0 &&
		 git_branch_upstream(&up, lr) == 0 &&
		 git_reference_name_to_id(out, s->repo, git_reference_name(up)) == 0) ||
		git_reference_name_to_id(out, s->repo, t) == 0;
	git_error_clear();
	git_reference_free(up);
	git_reference_free(lr);
	free(local);
	free(t);
	return found;
}

int gd_store_state_get(gd_store *s, gd_store_state *st)
{
	git_reference *head_ref = NULL;
	git_oid head, theirs;
	char *path;
	FILE *f;
	int unborn, err;

	memset(st, 0, sizeof(*st));
	if (git_reference_lookup(&head_ref, s->repo, "HEAD") == 0 &&
	    git_reference_symbolic_target(head_ref)) {
		const char *b = git_reference_symbolic_target(head_ref);
		snprintf(st->branch, sizeof(st->branch), "%s",
			 !strncmp(b, "refs/heads/", 11) ? b + 11 : b);
	}
	git_reference_free(head_ref);
	git_error_clear();
	if ((err = head_state(s, &head, &unborn)) < 0)
		return err;
	if (!unborn && *st->branch && upstream_id(s, st->branch, &theirs)) {
		st->has_upstream = 1;
		if (git_graph_ahead_behind(&st->ahead, &st->behind, s->repo, &head,
					   &theirs) < 0) {
			st->ahead = st->behind = 0;
			git_error_clear();
		}
	}
	path = gd__xasprintf("%sgendan-last-sync", git_repository_path(s->repo));
	if ((f = fopen(path, "r"))) {
		char line[32], *end;
		if (fgets(line, sizeof(line), f)) {
			st->last_sync = strtoll(line, &end, 10);
			if (end == line || (*end && *end != '\n'))
				st->last_sync = 0;
		}
		(void)fclose(f); /* read only: nothing to lose */
	}
	free(path);
	return 0;
}

/* --- history and undo -------------------------------------------------- */

/* git_diff_print's callback: each line of the patch into the buffer. */
static int patch_line(const git_diff_delta *d, const git_diff_hunk *h,
		      const git_diff_line *l, void *payload)
{
	gd__buf *b = payload;

	(void)d;
	(void)h;
	if (l->origin == GIT_DIFF_LINE_CONTEXT || l->origin == GIT_DIFF_LINE_ADDITION ||
	    l->origin == GIT_DIFF_LINE_DELETION)
		gd__buf_putc(b, l->origin);
	gd__buf_add(b, l->content, l->content_len);
	return 0;
}

/* The blob id of path in commit c: 1 found, 0 absent, < 0 error. */
static int path_id(git_commit *c, const char *path, git_oid *out)
{
	git_tree *t = NULL;
	git_tree_entry *e = NULL;
	int r;

	if (git_commit_tree(&t, c) < 0)
		return git_fail(GD_EIO, _("cannot read a commit"));
	r = git_tree_entry_bypath(&e, t, path);
	if (r == 0)
		*out = *git_tree_entry_id(e);
	else if (r == GIT_ENOTFOUND)
		git_error_clear();
	else
		r = git_fail(GD_EIO, _("cannot read a commit"));
	git_tree_entry_free(e);
	git_tree_free(t);
	return r == 0 ? 1 : r == GIT_ENOTFOUND ? 0 : r;
}

/* The diff from parent p (NULL: none) to c of the paths ps, with renames
 * found among them. */
static int diff_commits(git_diff **out, git_repository *repo, git_commit *p,
			git_commit *c, char **ps, size_t nps)
{
	git_tree *t1 = NULL, *t2 = NULL;
	git_diff_options o;
	git_diff_find_options fo;
	int err = 0;

	*out = NULL;
	if (git_diff_options_init(&o, GIT_DIFF_OPTIONS_VERSION) < 0 ||
	    git_diff_find_options_init(&fo, GIT_DIFF_FIND_OPTIONS_VERSION) < 0 ||
	    (p && git_commit_tree(&t1, p) < 0) || git_commit_tree(&t2, c) < 0) {
		err = git_fail(GD_EIO, _("cannot compare commits"));
		goto done;
	}
	o.pathspec.strings = ps;
	o.pathspec.count = nps;
	fo.flags = GIT_DIFF_FIND_RENAMES;
	if (git_diff_tree_to_tree(out, repo, t1, t2, &o) < 0 ||
	    git_diff_find_similar(*out, &fo) < 0) {
		git_diff_free(*out);
		*out = NULL;
		err = git_fail(GD_EIO, _("cannot compare commits"));
	}
done:
	git_tree_free(t1);
	git_tree_free(t2);
	return err;
}

/*
 * Where path was in p when c brought it there by a rename (as `git log
 * --follow` finds it), into *from; NULL when c added it anew.  The whole
 * trees are compared, but only for the commit that brought the path.
 */
static int renamed_from(char **from, git_repository *repo, git_commit *p,
			git_commit *c, const char *path)
{
	git_diff *diff = NULL;
	size_t i, n;
	int err;

	*from = NULL;
	if ((err = diff_commits(&diff, repo, p, c, NULL, 0)) < 0)
		return err;
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_RENAMED && !strcmp(d->new_file.path, path)) {
			*from = gd__xstrdup(d->old_file.path);
			break;
		}
	}
	git_diff_free(diff);
	return 0;
}

/* c's diff of path (renamed from `from` when not NULL), as git prints it,
 * into b. */
static int patch_text(gd__buf *b, git_repository *repo, git_commit *c,
		      const char *path, const char *from)
{
	git_commit *p = NULL;
	git_diff *diff = NULL;
	char *ps[2];
	int err;

	if (git_commit_parentcount(c) && git_commit_parent(&p, c, 0) < 0)
		return git_fail(GD_EIO, _("cannot read a commit"));
	ps[0] = (char *)path;
	ps[1] = (char *)from;
	if ((err = diff_commits(&diff, repo, p, c, ps, from ? 2 : 1)) == 0 &&
	    git_diff_print(diff, GIT_DIFF_FORMAT_PATCH, patch_line, b) < 0)
		err = git_fail(GD_EIO, _("cannot compare commits"));
	git_diff_free(diff);
	git_commit_free(p);
	return err;
}

int gd_store_history(gd_store *s, const char *relpath, int patch,
		     void (*cb)(void *ctx, const gd_commit_info *c), void *ctx)
{
	git_revwalk *walk = NULL;
	git_oid oid;
	char *path = gd__xstrdup(relpath), *from = NULL;
	int err = 0;

	if (git_revwalk_new(&walk, s->repo) < 0 || git_revwalk_push_head(walk) < 0 ||
	    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) < 0) {
		err = git_fail(GD_EIO, _("cannot walk the history"));
		goto done;
	}
	while (!err && git_revwalk_next(&oid, walk) == 0) {
		git_commit *c = NULL, *p = NULL;
		git_oid mine, theirs;
		int have, had, changed, absent = 1;
		unsigned i, np;

		if (git_commit_lookup(&c, s->repo, &oid) < 0) {
			err = git_fail(GD_EIO, _("cannot read a commit"));
			break;
		}
		if ((have = path_id(c, path, &mine)) < 0) {
			err = have;
			goto next;
		}
		np = git_commit_parentcount(c);
		/* changed when it differs from every parent (merges: from all) */
		changed = np == 0 ? have : 1;
		for (i = 0; i < np; i++) {
			if (git_commit_parent(&p, c, i) < 0) {
				err = git_fail(GD_EIO, _("cannot read a commit"));
				goto next;
			}
			had = path_id(p, path, &theirs);
			if (i == 0 && have && had == 0 &&
			    (err = renamed_from(&from, s->repo, p, c, path)) < 0)
				goto next;
			git_commit_free(p);
			p = NULL;
			if (had < 0) {
				err = had;
				goto next;
			}
			absent &= !had;
			if (had == have && (!have || git_oid_equal(&mine, &theirs)))
				changed = 0;
		}
		/* a rename counts only where the path is new to every parent */
		if (from && !absent) {
			free(from);
			from = NULL;
		}
		if (changed) {
			const git_signature *a = git_commit_author(c);
			gd_commit_info info;
			gd__buf text = {0};
			if (patch && (err = patch_text(&text, s->repo, c, path, from)) < 0) {
				gd__buf_free(&text);
				goto next;
			}
			git_oid_tostr(info.id, sizeof(info.id), &oid);
			info.time = (long long)a->when.time;
			info.offset = a->when.offset;
			info.author = a->name;
			info.email = a->email;
			info.summary = git_commit_summary(c);
			info.patch = patch ? (text.buf ? text.buf : "") : NULL;
			info.patch_len = text.len;
			cb(ctx, &info);
			gd__buf_free(&text);
		}
		/* older commits knew the record under its former path */
		if (from) {
			free(path);
			path = from;
			from = NULL;
		}
next:
		git_commit_free(p);
		git_commit_free(c);
	}
done:
	free(path);
	free(from);
	git_revwalk_free(walk);
	return err;
}

int gd_store_undo(gd_store *s, int force, char **summary)
{
	git_commit *head = NULL;
	git_index *idx = NULL;
	git_oid head_oid, tree_oid, new_oid, up;
	git_tree *tree = NULL;
	git_signature *author = NULL, *committer = NULL;
	git_reference *ref = NULL, *branch = NULL;
	git_revert_options ro;
	const char *msg;
	char *newmsg = NULL;
	int err = 0, unborn;

	*summary = NULL;
	if ((err = head_state(s, &head_oid, &unborn)) < 0)
		return err;
	if (unborn || git_commit_lookup(&head, s->repo, &head_oid) < 0)
		return gd_error_set(GD_ENOTFOUND, _("nothing to undo"));
	msg = git_commit_message(head);
	if (!msg || !strstr(msg, "\nGendan-Action: ") || strstr(msg, "\nGendan-Action: init")) {
		err = gd_error_set(GD_EINVALID,
				   _("the last commit was not made by a gendan command: undo it with git"));
		goto done;
	}
	if (git_commit_parentcount(head) != 1) {
		err = gd_error_set(GD_EINVALID, _("the last commit is a merge (a sync): undo it with git revert -m 1"));
		goto done;
	}
	if (git_reference_lookup(&ref, s->repo, "HEAD") < 0 ||
	    !git_reference_symbolic_target(ref) ||
	    git_repository_head(&branch, s->repo) < 0) {
		err = gd_error_set(GD_ECONFLICT, _("HEAD is detached: check out a branch first"));
		goto done;
	}
	if (!force && upstream_id(s, git_reference_shorthand(branch), &up) &&
	    (git_oid_equal(&up, &head_oid) ||
	     git_graph_descendant_of(s->repo, &up, &head_oid) == 1)) {
		err = gd_error_set(GD_ECONFLICT,
				   _("the last commit is already pushed: your team has it; use --force to undo it with a new commit anyway"));
		goto done;
	}
	git_error_clear();
	if (git_revert_options_init(&ro, GIT_REVERT_OPTIONS_VERSION) < 0 ||
	    git_revert_commit(&idx, s->repo, head, head, 0, NULL) < 0) {
		err = git_fail(GD_EIO, _("cannot undo"));
		goto done;
	}
	if (git_index_has_conflicts(idx)) {
		err = gd_error_set(GD_ECONFLICT, _("cannot undo: the change does not revert cleanly"));
		goto done;
	}
	if (git_index_write_tree_to(&tree_oid, idx, s->repo) < 0 ||
	    git_tree_lookup(&tree, s->repo, &tree_oid) < 0) {
		err = git_fail(GD_EIO, _("cannot undo"));
		goto done;
	}
	*summary = gd__xstrdup(git_commit_summary(head));
	{
		/* keep the records' trailers: the undo touches the same files */
		const char *tr = strstr(msg, "\nGendan-Action: ");
		const char *records = strstr(tr + 1, "\nGendan-Record");
		newmsg = gd__xasprintf("undo: %s\n\nGendan-Action: undo\n%s", *summary,
				       records ? records + 1 : "");
	}
	if ((err = signatures(s, &author, &committer)) < 0)
		goto done;
	if (git_commit_create(&new_oid, s->repo, NULL, author, committer, NULL, newmsg,
			      tree, 1, (const git_commit **)&head) < 0) {
		err = git_fail(GD_EIO, _("cannot commit the undo"));
		goto done;
	}
	err = move_to(s, git_reference_symbolic_target(ref), &head_oid, &new_oid);
done:
	git_reference_free(ref);
	git_reference_free(branch);
	git_signature_free(author);
	git_signature_free(committer);
	git_tree_free(tree);
	git_index_free(idx);
	git_commit_free(head);
	free(newmsg);
	if (err < 0) {
		free(*summary);
		*summary = NULL;
	}
	return err;
}

/* --- pre-receive hook -------------------------------------------------- */

static int hook_update(git_repository *repo, const char *old_hex,
		       const char *new_hex, gd_hook_file_fn fn, void *ctx,
		       void (*report)(void *ctx, const char *message))
{
	git_oid old_oid, new_oid;
	git_commit *oc = NULL, *nc = NULL;
	git_tree *ot = NULL, *nt = NULL;
	git_diff *diff = NULL;
	char *config = NULL;
	size_t clen = 0, i, n, bad = 0;
	int err = 0;

	if (git_oid_fromstr(&new_oid, new_hex) < 0 || git_oid_fromstr(&old_oid, old_hex) < 0)
		return gd_error_set(GD_EINVALID, _("pre-receive: bad input line"));
	if (git_oid_is_zero(&new_oid))
		return 0; /* a deleted ref brings nothing */
	if (git_commit_lookup(&nc, repo, &new_oid) < 0 || git_commit_tree(&nt, nc) < 0) {
		err = git_fail(GD_EIO, _("pre-receive: cannot read the pushed commit"));
		goto done;
	}
	if (!git_oid_is_zero(&old_oid) &&
	    (git_commit_lookup(&oc, repo, &old_oid) < 0 || git_commit_tree(&ot, oc) < 0)) {
		err = git_fail(GD_EIO, _("pre-receive: cannot read the old commit"));
		goto done;
	}
	{
		git_tree_entry *ce = NULL;
		if (git_tree_entry_bypath(&ce, nt, "gendan.yaml") == 0)
			blob_content(repo, git_tree_entry_id(ce), &config, &clen);
		git_error_clear();
		git_tree_entry_free(ce);
	}
	if (git_diff_tree_to_tree(&diff, repo, ot, nt, NULL) < 0) {
		err = git_fail(GD_EIO, _("pre-receive: cannot compare the trees"));
		goto done;
	}
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		char *buf = NULL;
		size_t len = 0;
		if (d->status == GIT_DELTA_DELETED)
			continue;
		if (!safe_path(d->new_file.path, d->new_file.mode)) {
			char *m = gd__xasprintf(_("%s: not a path a ledger may hold"), d->new_file.path);
			report(ctx, m);
			free(m);
			bad++;
			continue;
		}
		if (blob_content(repo, &d->new_file.id, &buf, &len) < 0 ||
		    fn(ctx, d->new_file.path, buf, len, config, clen) < 0) {
			report(ctx, gd_error_last());
			bad++;
		}
		free(buf);
	}
	if (bad)
		err = gd_error_set(GD_EINVALID, P_("push refused: %zu bad file",
				      "push refused: %zu bad files", bad), bad);
done:
	free(config);
	git_diff_free(diff);
	git_tree_free(ot);
	git_tree_free(nt);
	git_commit_free(oc);
	git_commit_free(nc);
	return err;
}

int gd_store_hook(const char *gitdir, FILE *in, gd_hook_file_fn fn, void *ctx,
		  void (*report)(void *ctx, const char *message))
{
	git_repository *repo = NULL;
	char line[1024], oldh[64], newh[64], ref[512];
	int err = 0, e;

	lib_init();
	/* git receive-pack keeps the pushed objects in a quarantine named by
	 * GIT_OBJECT_DIRECTORY and GIT_ALTERNATE_OBJECT_DIRECTORIES: only the
	 * environment-aware open sees them */
	if ((getenv("GIT_DIR") ? git_repository_open_ext(&repo, NULL, GIT_REPOSITORY_OPEN_FROM_ENV, NULL)
			       : git_repository_open_ext(&repo, gitdir,
							 GIT_REPOSITORY_OPEN_BARE, NULL)) < 0) {
		err = git_fail(GD_ENOTFOUND, _("pre-receive: cannot open the repository"));
		goto done;
	}
	while (fgets(line, sizeof(line), in)) {
		if (sscanf(line, "%63s %63s %511s", oldh, newh, ref) != 3)
			continue;
		if ((e = hook_update(repo, oldh, newh, fn, ctx, report)) < 0 && !err)
			err = e;
	}
done:
	git_repository_free(repo);
	git_libgit2_shutdown();
	return err;
}
