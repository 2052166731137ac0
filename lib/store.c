/*
 * store.c - the ledger as a git repository (see gendan/store.h): open it,
 * lock it, who is committing, and what the work tree holds against HEAD;
 * the helpers every store file uses.  The store's other jobs are in the lib/store-*.c files,
 * which share struct gd_store and their helpers through store-private.h;
 * docs/modules.md says which file holds what.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-private.h"

int gd__git_fail(int code, const char *what)
{
	const git_error *e = git_error_last();

	return gd_error_set(code, "%s: %s", what,
			    e && e->message ? e->message : _("unknown git error"));
}

void gd__git_init(void)
{
	git_libgit2_init();
	/* a power cut must not lose a commit gendan said it made */
	git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
	/* ssh is OpenSSH's, as for git (SPEC 5) */
	gd__ssh_register();
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
	gd__git_init();
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
	return gd__journal_recover(s);
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
/* name and email from the environment variables given, else git config. */
static void person_read(git_repository *repo, const char *name_var, const char *email_var,
			char **name, char **email)
{
	const char *en = getenv(name_var), *ee = getenv(email_var);
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

void gd__identity_read(git_repository *repo, char **name, char **email)
{
	person_read(repo, "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", name, email);
}

void gd__committer_read(git_repository *repo, char **name, char **email)
{
	person_read(repo, "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", name, email);
}

int gd__identity_need(const char *name, const char *email)
{
	if (name && email)
		return 0;
	return gd_error_set(GD_EIDENTITY,
			    _("no identity: set it with 'git config --global user.name \"Your Name\"' and 'git config --global user.email you@example.com'"));
}

void gd__store_identity_load(gd_store *s)
{
	if (!s->identity_read) {
		gd__identity_read(s->repo, &s->name, &s->email);
		s->identity_read = 1;
	}
}

int gd_store_identity(gd_store *s, const char **name, const char **email)
{
	gd__store_identity_load(s);
	*name = s->name;
	*email = s->email;
	return gd__identity_need(s->name, s->email);
}

const char *gd_store_me(gd_store *s)
{
	gd__store_identity_load(s);
	return s->email;
}

/* --- status ------------------------------------------------------------ */

int gd__store_head(gd_store *s, git_oid *head, int *unborn)
{
	int r = git_reference_name_to_id(head, s->repo, "HEAD");

	*unborn = 0;
	if (r == GIT_ENOTFOUND || r == GIT_EUNBORNBRANCH) {
		git_error_clear();
		*unborn = 1;
		return 0;
	}
	if (r < 0)
		return gd__git_fail(GD_EIO, _("cannot read HEAD"));
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
	if ((err = gd__store_head(s, &head_oid, &unborn)) < 0)
		goto done;
	if (!unborn) {
		if (git_commit_lookup(&head, s->repo, &head_oid) < 0 ||
		    git_commit_tree(&tree, head) < 0) {
			err = gd__git_fail(GD_EIO, _("cannot read the HEAD commit"));
			goto done;
		}
		r = git_tree_entry_bypath(&te, tree, relpath);
		if (r < 0 && r != GIT_ENOTFOUND) {
			err = gd__git_fail(GD_EIO, _("cannot read the HEAD tree"));
			goto done;
		}
		git_error_clear();
	}
	if (!exists || !te) {
		*dirty = exists || te;
		goto done;
	}
	if (git_repository_hashfile(&file_oid, s->repo, abs, GIT_OBJECT_BLOB, NULL) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot read the record"));
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

int gd_store_head_file(gd_store *s, const char *relpath, char **out, size_t *len)
{
	git_commit *head = NULL;
	git_tree *tree = NULL;
	git_tree_entry *te = NULL;
	git_oid head_oid;
	int unborn, err;

	*out = NULL;
	*len = 0;
	if ((err = gd__store_head(s, &head_oid, &unborn)) < 0 || unborn)
		return err;
	if (git_commit_lookup(&head, s->repo, &head_oid) < 0 || git_commit_tree(&tree, head) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot read the HEAD commit"));
		goto done;
	}
	if (git_tree_entry_bypath(&te, tree, relpath) == 0 &&
	    git_tree_entry_type(te) == GIT_OBJECT_BLOB)
		err = gd__blob_read(s->repo, git_tree_entry_id(te), out, len);
	git_error_clear();
done:
	git_tree_entry_free(te);
	git_tree_free(tree);
	git_commit_free(head);
	return err;
}

static int ledger_path(const char *p)
{
	return !strcmp(p, "gendan.yaml") || !strncmp(p, "customers/", 10) ||
	       !strncmp(p, "inquiries/", 10) || !strncmp(p, "orders/", 7);
}

int gd__paths_cmp(const void *a, const void *b)
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
		return gd__git_fail(GD_ERROR, _("cannot read the status of the ledger"));
	opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED |
		     GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
	if (git_status_list_new(&list, s->repo, &opts) < 0)
		return gd__git_fail(GD_EIO, _("cannot read the status of the ledger"));
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
	qsort(paths, k, sizeof(*paths), gd__paths_cmp);
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

int gd__blob_read(git_repository *repo, const git_oid *id, char **out,
		  size_t *len)
{
	git_blob *b = NULL;

	*out = NULL;
	*len = 0;
	if (git_blob_lookup(&b, repo, id) < 0)
		return gd__git_fail(GD_EIO, _("cannot read a blob"));
	*len = (size_t)git_blob_rawsize(b);
	*out = gd__xmalloc(*len + 1);
	memcpy(*out, git_blob_rawcontent(b), *len);
	(*out)[*len] = '\0';
	git_blob_free(b);
	return 0;
}

