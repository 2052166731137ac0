/*
 * store-clone.c - gd_store_clone: a shared ledger, checked before any file
 * of it is written; the branch to work on; nothing left when it fails.
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-private.h"

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
		return gd__git_fail(GD_EIO, _("cannot list the cloned branches"));
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
		err = gd__git_fail(GD_EIO, _("cannot list the cloned branches"));
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
		err = gd__git_fail(GD_EIO, _("cannot set up the cloned branch"));
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
		return gd__git_fail(GD_EIO, _("cannot read the cloned HEAD"));
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
	struct gd__xfer xf;
	int err = 0;

	if (git_clone_options_init(&co, GIT_CLONE_OPTIONS_VERSION) < 0)
		return gd__git_fail(GD_ERROR, _("cannot set up the clone"));
	/* look at the tree before any file of it is written */
	co.checkout_opts.checkout_strategy = GIT_CHECKOUT_NONE;
	if ((err = gd__xfer_start(&xf, NULL, url, &co.fetch_opts.callbacks)) < 0)
		goto done;
	if (git_clone(&repo, url, dir, &co) < 0) {
		err = gd__transfer_fail(_("cannot clone"), url, NULL);
		goto done;
	}
	if ((err = clone_branch(repo, url)) < 0)
		goto done;
	if (git_revparse_single(&head, repo, "HEAD^{tree}") < 0) {
		err = gd__git_fail(GD_EIO, _("cannot read the cloned tree"));
		goto done;
	}
	tree = (git_tree *)head;
	head = NULL;
	if (git_diff_tree_to_tree(&diff, repo, NULL, tree, NULL) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot read the cloned tree"));
		goto done;
	}
	if ((err = gd__incoming_check(diff, url)) < 0)
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
			err = gd__git_fail(GD_EIO, _("cannot check out the ledger"));
	}
done:
	gd__xfer_end(&xf, repo != NULL);
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

	gd__git_init();
	if ((err = clone_into(url, dir)) < 0 && before >= 0)
		unmake(dir, before);
	git_libgit2_shutdown();
	return err;
}

