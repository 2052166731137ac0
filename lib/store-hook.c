/*
 * store-hook.c - gd_store_hook: the pre-receive hook of a shared remote,
 * checking every file each pushed update brings.
 */
#include <stdio.h>
#include <stdlib.h>

#include "store-private.h"

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
		err = gd__git_fail(GD_EIO, _("pre-receive: cannot read the pushed commit"));
		goto done;
	}
	if (!git_oid_is_zero(&old_oid) &&
	    (git_commit_lookup(&oc, repo, &old_oid) < 0 || git_commit_tree(&ot, oc) < 0)) {
		err = gd__git_fail(GD_EIO, _("pre-receive: cannot read the old commit"));
		goto done;
	}
	{
		git_tree_entry *ce = NULL;
		if (git_tree_entry_bypath(&ce, nt, "gendan.yaml") == 0)
			gd__blob_read(repo, git_tree_entry_id(ce), &config, &clen);
		git_error_clear();
		git_tree_entry_free(ce);
	}
	if (git_diff_tree_to_tree(&diff, repo, ot, nt, NULL) < 0) {
		err = gd__git_fail(GD_EIO, _("pre-receive: cannot compare the trees"));
		goto done;
	}
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		char *buf = NULL;
		size_t len = 0;
		if (d->status == GIT_DELTA_DELETED)
			continue;
		if (!gd__path_safe(d->new_file.path, d->new_file.mode)) {
			char *m = gd__xasprintf(_("%s: not a path a ledger may hold"), d->new_file.path);
			report(ctx, m);
			free(m);
			bad++;
			continue;
		}
		if (gd__blob_read(repo, &d->new_file.id, &buf, &len) < 0 ||
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

	gd__git_init();
	/* git receive-pack keeps the pushed objects in a quarantine named by
	 * GIT_OBJECT_DIRECTORY and GIT_ALTERNATE_OBJECT_DIRECTORIES: only the
	 * environment-aware open sees them */
	if ((getenv("GIT_DIR") ? git_repository_open_ext(&repo, NULL, GIT_REPOSITORY_OPEN_FROM_ENV, NULL)
			       : git_repository_open_ext(&repo, gitdir,
							 GIT_REPOSITORY_OPEN_BARE, NULL)) < 0) {
		err = gd__git_fail(GD_ENOTFOUND, _("pre-receive: cannot open the repository"));
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

