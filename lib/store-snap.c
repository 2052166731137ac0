/*
 * store-snap.c - the ledger as it stood at a time: the record files of the
 * newest commit on HEAD's first-parent line made at or before it, handed
 * over as the blobs that differ from HEAD's (see gd_store_snapshot).
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/yaml.h"
#include "store-private.h"

/* The newest commit on HEAD's first-parent line whose committer time is
 * at or before end; *out NULL when there is none. */
static int snap_commit(gd_store *s, int64_t end, git_commit **out)
{
	git_oid head;
	git_commit *c = NULL, *p = NULL;
	int unborn, err;

	*out = NULL;
	if ((err = gd__store_head(s, &head, &unborn)) < 0 || unborn)
		return err;
	if (git_commit_lookup(&c, s->repo, &head) < 0)
		return gd__git_fail(GD_EIO, _("cannot read HEAD"));
	while ((int64_t)git_commit_time(c) > end) {
		if (git_commit_parentcount(c) == 0) {
			git_commit_free(c);
			return 0;
		}
		if (git_commit_parent(&p, c, 0) < 0) {
			git_commit_free(c);
			return gd__git_fail(GD_EIO, _("cannot read a commit"));
		}
		git_commit_free(c);
		c = p;
	}
	*out = c;
	return 0;
}

/* A record file as the ledger reads them: *.yaml under a kind folder,
 * no hidden component. */
static int record_path(const char *p)
{
	size_t n = strlen(p);

	if (strncmp(p, "customers/", 10) && strncmp(p, "inquiries/", 10) &&
	    strncmp(p, "orders/", 7))
		return 0;
	if (n < 6 || strcmp(p + n - 5, ".yaml") || strstr(p, "/."))
		return 0;
	return 1;
}

/* 1 when blob id is larger than a record may be: it is not read. */
static int too_large(gd_store *s, const git_oid *id)
{
	git_odb *odb = NULL;
	git_object_t type;
	size_t len = 0;
	int r;

	if (git_repository_odb(&odb, s->repo) < 0)
		return gd__git_fail(GD_EIO, _("cannot read a commit"));
	r = git_odb_read_header(&len, &type, odb, id);
	git_odb_free(odb);
	if (r < 0)
		return gd__git_fail(GD_EIO, _("cannot read a commit"));
	return len > GD_YAML_MAX_SIZE;
}

/* Hand over the blob id of path (NULL: the snapshot lacks it). */
static int hand(gd_store *s, const char *path, const git_oid *id,
		git_filemode_t mode, gd_snap_file_fn file, void *ctx)
{
	char *buf = NULL;
	size_t len = 0;
	int err;

	if (id && mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE)
		return file(ctx, path, NULL, 0, GD_SNAP_NOT_FILE);
	if (id && (err = too_large(s, id)) != 0)
		return err < 0 ? err : file(ctx, path, NULL, 0, GD_SNAP_TOO_LARGE);
	if (id && (err = gd__blob_read(s->repo, id, &buf, &len)) < 0)
		return err;
	err = file(ctx, path, buf, len, 0);
	free(buf);
	return err;
}

/* The paths whose blobs differ between snap and head. */
static int differing(gd_store *s, git_tree *snap, git_tree *head,
		     gd_snap_file_fn file, void *ctx)
{
	static char *folders[] = {"customers", "inquiries", "orders"};
	git_diff_options o;
	git_diff *diff = NULL;
	size_t i, n;
	int err = 0;

	if (git_diff_options_init(&o, GIT_DIFF_OPTIONS_VERSION) < 0)
		return gd__git_fail(GD_EIO, _("cannot compare commits"));
	o.pathspec.strings = folders;
	o.pathspec.count = 3;
	o.flags |= GIT_DIFF_SKIP_BINARY_CHECK;
	if (git_diff_tree_to_tree(&diff, s->repo, snap, head, &o) < 0)
		return gd__git_fail(GD_EIO, _("cannot compare commits"));
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n && err == 0; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_ADDED) {
			if (record_path(d->new_file.path))
				err = file(ctx, d->new_file.path, NULL, 0, 0);
		} else if (record_path(d->old_file.path)) {
			err = hand(s, d->old_file.path, &d->old_file.id,
				   (git_filemode_t)d->old_file.mode, file, ctx);
		}
	}
	git_diff_free(diff);
	return err;
}

/* The also paths, as the snapshot has them. */
static int also_paths(gd_store *s, git_tree *snap, char *const *also,
		      size_t nalso, gd_snap_file_fn file, void *ctx)
{
	size_t i;
	int err = 0, r;

	for (i = 0; i < nalso && err == 0; i++) {
		git_tree_entry *e = NULL;
		if (!record_path(also[i]))
			continue;
		r = git_tree_entry_bypath(&e, snap, also[i]);
		if (r == GIT_ENOTFOUND) {
			git_error_clear();
			err = file(ctx, also[i], NULL, 0, 0);
		} else if (r < 0) {
			err = gd__git_fail(GD_EIO, _("cannot read a commit"));
		} else {
			err = hand(s, also[i], git_tree_entry_id(e),
				   git_tree_entry_filemode(e), file, ctx);
		}
		git_tree_entry_free(e);
	}
	return err;
}

int gd_store_snapshot(gd_store *s, int64_t end, char *const *also, size_t nalso,
		      int *found, gd_snap_file_fn file, void *ctx)
{
	git_commit *snap = NULL, *head = NULL;
	git_tree *st = NULL, *ht = NULL;
	git_oid hid;
	int err, unborn;

	*found = 0;
	if ((err = snap_commit(s, end, &snap)) < 0 || !snap)
		goto done;
	*found = 1;
	if ((err = gd__store_head(s, &hid, &unborn)) < 0)
		goto done;
	if (git_commit_lookup(&head, s->repo, &hid) < 0 ||
	    git_commit_tree(&st, snap) < 0 || git_commit_tree(&ht, head) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot read a commit"));
		goto done;
	}
	if ((err = differing(s, st, ht, file, ctx)) < 0)
		goto done;
	err = also_paths(s, st, also, nalso, file, ctx);
done:
	git_tree_free(st);
	git_tree_free(ht);
	git_commit_free(snap);
	git_commit_free(head);
	return err;
}
