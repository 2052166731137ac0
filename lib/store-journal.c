/*
 * store-journal.c - the crash journal: the paths a change is about to
 * touch, written before it touches them, and the repair the next command
 * makes (under the lock) when a gendan command died halfway.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store-private.h"

static char *journal_path(gd_store *s)
{
	return gd__xasprintf("%sgendan-journal", git_repository_path(s->repo));
}

/* Before the files of a change are renamed into place: their paths. */
int gd__journal_begin(gd_store *s, char *const *paths, size_t n)
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

void gd__journal_end(gd_store *s)
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
int gd__journal_recover(gd_store *s)
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
		err = gd__git_fail(GD_EIO, _("cannot repair the interrupted change"));
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
				err = gd__git_fail(GD_EIO, _("cannot repair the interrupted change"));
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
		err = gd__git_fail(GD_EIO, _("cannot repair the interrupted change"));
done:
	fclose(f);
	if (!err)
		unlink(jpath);
	git_index_free(idx);
	git_object_free(head);
	free(jpath);
	return err;
}

