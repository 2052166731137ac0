/*
 * store-history.c - the commits that changed a record (following renames,
 * with their patch text for the caller to print), and undo.
 */
#include <stdlib.h>
#include <string.h>

#include "store-private.h"

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
		return gd__git_fail(GD_EIO, _("cannot read a commit"));
	r = git_tree_entry_bypath(&e, t, path);
	if (r == 0)
		*out = *git_tree_entry_id(e);
	else if (r == GIT_ENOTFOUND)
		git_error_clear();
	else
		r = gd__git_fail(GD_EIO, _("cannot read a commit"));
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
		err = gd__git_fail(GD_EIO, _("cannot compare commits"));
		goto done;
	}
	o.pathspec.strings = ps;
	o.pathspec.count = nps;
	fo.flags = GIT_DIFF_FIND_RENAMES;
	if (git_diff_tree_to_tree(out, repo, t1, t2, &o) < 0 ||
	    git_diff_find_similar(*out, &fo) < 0) {
		git_diff_free(*out);
		*out = NULL;
		err = gd__git_fail(GD_EIO, _("cannot compare commits"));
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
		return gd__git_fail(GD_EIO, _("cannot read a commit"));
	ps[0] = (char *)path;
	ps[1] = (char *)from;
	if ((err = diff_commits(&diff, repo, p, c, ps, from ? 2 : 1)) == 0 &&
	    git_diff_print(diff, GIT_DIFF_FORMAT_PATCH, patch_line, b) < 0)
		err = gd__git_fail(GD_EIO, _("cannot compare commits"));
	git_diff_free(diff);
	git_commit_free(p);
	return err;
}

/*
 * Did c change path?  *changed when it differs from every parent (a
 * merge: from all of them).  *from: where c brought it from by a rename,
 * when the path is new to every parent; else NULL.
 */
static int path_change(int *changed, char **from, git_repository *repo,
		       git_commit *c, const char *path)
{
	git_commit *p = NULL;
	git_oid mine, theirs;
	unsigned i, np = git_commit_parentcount(c);
	int have, had, absent = 1, err = 0;

	*changed = 0;
	*from = NULL;
	if ((have = path_id(c, path, &mine)) < 0)
		return have;
	*changed = np == 0 ? have : 1;
	for (i = 0; i < np && !err; i++) {
		if (git_commit_parent(&p, c, i) < 0) {
			err = gd__git_fail(GD_EIO, _("cannot read a commit"));
			break;
		}
		had = path_id(p, path, &theirs);
		if (i == 0 && have && had == 0)
			err = renamed_from(from, repo, p, c, path);
		git_commit_free(p);
		p = NULL;
		if (!err && had < 0)
			err = had;
		absent &= !had;
		if (had == have && (!have || git_oid_equal(&mine, &theirs)))
			*changed = 0;
	}
	/* a rename counts only where the path is new to every parent */
	if (err < 0 || !absent) {
		free(*from);
		*from = NULL;
	}
	return err;
}

/* Hand c to cb, with its patch of path (renamed from `from`) when asked. */
static int emit(git_repository *repo, git_commit *c, const char *path,
		const char *from, int patch,
		void (*cb)(void *ctx, const gd_commit_info *c), void *ctx)
{
	const git_signature *a = git_commit_author(c);
	gd_commit_info info;
	gd__buf text = {0};
	int err;

	if (patch && (err = patch_text(&text, repo, c, path, from)) < 0) {
		gd__buf_free(&text);
		return err;
	}
	git_oid_tostr(info.id, sizeof(info.id), git_commit_id(c));
	info.time = (long long)a->when.time;
	info.offset = a->when.offset;
	info.author = a->name;
	info.email = a->email;
	info.summary = git_commit_summary(c);
	info.patch = patch ? (text.buf ? text.buf : "") : NULL;
	info.patch_len = text.len;
	cb(ctx, &info);
	gd__buf_free(&text);
	return 0;
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
		err = gd__git_fail(GD_EIO, _("cannot walk the history"));
		goto done;
	}
	while (!err && git_revwalk_next(&oid, walk) == 0) {
		git_commit *c = NULL;
		int changed;

		if (git_commit_lookup(&c, s->repo, &oid) < 0) {
			err = gd__git_fail(GD_EIO, _("cannot read a commit"));
			break;
		}
		if ((err = path_change(&changed, &from, s->repo, c, path)) == 0 && changed)
			err = emit(s->repo, c, path, from, patch, cb, ctx);
		/* older commits knew the record under its former path */
		if (!err && from) {
			free(path);
			path = from;
			from = NULL;
		}
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
	if ((err = gd__store_head(s, &head_oid, &unborn)) < 0)
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
	if (!force && gd__store_upstream(s, git_reference_shorthand(branch), &up) &&
	    (git_oid_equal(&up, &head_oid) ||
	     git_graph_descendant_of(s->repo, &up, &head_oid) == 1)) {
		err = gd_error_set(GD_ECONFLICT,
				   _("the last commit is already pushed: your team has it; use --force to undo it with a new commit anyway"));
		goto done;
	}
	git_error_clear();
	if (git_revert_options_init(&ro, GIT_REVERT_OPTIONS_VERSION) < 0 ||
	    git_revert_commit(&idx, s->repo, head, head, 0, NULL) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot undo"));
		goto done;
	}
	if (git_index_has_conflicts(idx)) {
		err = gd_error_set(GD_ECONFLICT, _("cannot undo: the change does not revert cleanly"));
		goto done;
	}
	if (git_index_write_tree_to(&tree_oid, idx, s->repo) < 0 ||
	    git_tree_lookup(&tree, s->repo, &tree_oid) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot undo"));
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
	if ((err = gd__store_signatures(s, &author, &committer)) < 0)
		goto done;
	if ((err = gd__commit_create(&new_oid, s, author, committer, newmsg, tree, 1,
				     (const git_commit **)&head)) < 0) {
		goto done;
	}
	err = gd__store_move_to(s, git_reference_symbolic_target(ref), &head_oid, &new_oid);
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

