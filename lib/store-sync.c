/*
 * store-sync.c - gd_store_sync: fetch, bring the remote's commits in
 * (fast-forward, or a merge of trees that asks lib/sync.c's callback to
 * merge a record both sides changed), push; and where the branch stands
 * against its upstream.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store-private.h"

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
		return gd__git_fail(GD_EIO, _("cannot compare the remote's tree"));
	if ((err = gd__incoming_check(diff, remote)) < 0)
		goto done;
	if (git_index_new(&idx) < 0 || git_index_read_tree(idx, ours) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot build the merge"));
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
					err = gd__git_fail(GD_EIO, _("cannot build the merge"));
			} else if (git_index_remove(idx, path, 0) < 0) {
				err = gd__git_fail(GD_EIO, _("cannot build the merge"));
			}
		} else if (t) {
			/* both changed it: record by record */
			char *bb = NULL, *ob = NULL, *tb = NULL, *mb = NULL;
			size_t bl = 0, ol = 0, tl = 0, ml = 0;
			if ((b && (err = gd__blob_read(s->repo, b, &bb, &bl)) < 0) ||
			    (err = gd__blob_read(s->repo, o, &ob, &ol)) < 0 ||
			    (err = gd__blob_read(s->repo, t, &tb, &tl)) < 0) {
				/* err set */
			} else if ((err = fn(ctx, path, bb, bl, ob, ol, tb, tl, &mb, &ml)) == 0) {
				if (git_blob_create_from_buffer(&ie.id, s->repo, mb, ml) < 0 ||
				    git_index_add(idx, &ie) < 0)
					err = gd__git_fail(GD_EIO, _("cannot build the merge"));
				rep->merged++;
			}
			free(bb);
			free(ob);
			free(tb);
			free(mb);
		}
		/* else: they deleted what we changed: ours is kept */
		gd__progress(GD_PROGRESS_MERGED, i + 1, n);
		git_tree_entry_free(be);
		git_tree_entry_free(oe);
		git_tree_entry_free(te);
	}
	if (!err && git_index_write_tree_to(out, idx, s->repo) < 0)
		err = gd__git_fail(GD_EIO, _("cannot write the merged tree"));
done:
	git_index_free(idx);
	git_diff_free(diff);
	return err;
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

	if ((err = gd__store_signatures(s, &author, &committer)) < 0)
		return err;
	msg = gd__xasprintf("sync: merge %s/%s (%zu file%s, %zu merged record by record)\n\n"
			    "Gendan-Action: sync\n",
			    remote, branch_short, rep->changed,
			    rep->changed == 1 ? "" : "s", rep->merged);
	if (git_tree_lookup(&tree, s->repo, tree_oid) < 0 ||
	    git_commit_lookup(&parents[0], s->repo, ours) < 0 ||
	    git_commit_lookup(&parents[1], s->repo, theirs) < 0)
		err = gd__git_fail(GD_EIO, _("cannot commit the merge"));
	else
		err = gd__commit_create(out, s, author, committer, msg, tree, 2,
					(const git_commit **)parents);
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
		err = gd__git_fail(GD_EIO, _("cannot read the commits to merge"));
		goto done;
	}
	if (has_base && git_oid_equal(&base, head)) {
		git_diff *diff = NULL;
		if (git_diff_tree_to_tree(&diff, s->repo, ot, tt, NULL) < 0) {
			err = gd__git_fail(GD_EIO, _("cannot compare the remote's tree"));
			goto done;
		}
		rep->changed = git_diff_num_deltas(diff);
		err = gd__incoming_check(diff, remote);
		git_diff_free(diff);
		if (!err && !(err = gd__store_move_to(s, branch, head, theirs))) {
			rep->fast_forward = 1;
			gd__progress(GD_PROGRESS_MERGED, rep->changed, rep->changed);
		}
		goto done;
	}
	if ((err = merge_trees(s, bt, ot, tt, remote, fn, ctx, &tree_oid, rep)) < 0)
		goto done;
	if ((err = commit_merge(s, &tree_oid, head, theirs, remote, branch_short,
				rep, &merged)) < 0)
		goto done;
	err = gd__store_move_to(s, branch, head, &merged);
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

/* What one sync works on: the remote, the checked-out branch, and the
 * remote-tracking branch a fetch moves. */
struct sync_target {
	git_remote *remote;
	const char *name;         /* of the remote */
	const char *branch;       /* refs/heads/... */
	const char *branch_short;
	char *tracking;           /* refs/remotes/<name>/<branch> */
	char *refspec;            /* <branch>:<branch> */
};

/* Fetch, journaled: a fetch killed midway leaves the locks of the refs it
 * was moving, for the next command to drop. */
static int fetch(gd_store *s, const struct sync_target *t)
{
	git_fetch_options fo;
	struct gd__xfer xf;
	int err;

	if (git_fetch_options_init(&fo, GIT_FETCH_OPTIONS_VERSION) < 0)
		return gd__git_fail(GD_ERROR, _("cannot set up the transfer"));
	if ((err = gd__xfer_start(&xf, s->repo, remote_url(t->remote), &fo.callbacks)) < 0 ||
	    (err = gd__journal_begin(s, NULL, 0)) < 0) {
		gd__xfer_end(&xf, 0);
		return err;
	}
	if (git_remote_fetch(t->remote, NULL, &fo, "gendan sync") < 0)
		err = gd__transfer_fail(_("cannot fetch from"), t->name,
					remote_url(t->remote));
	gd__journal_end(s);
	gd__xfer_end(&xf, err == 0);
	return err;
}

/* A refused update: the remote moved meanwhile (git's answers to a
 * non-fast-forward), or it said no (a hook). */
static int moved_on(const char *status)
{
	return strstr(status, "fast-forward") || strstr(status, "fetch first") ||
	       strstr(status, "stale info");
}

/* Push the branch; *moved = 1 when the remote moved meanwhile.  To a
 * path, through git itself, so that the remote's hooks run as they do
 * for `git push` (libgit2's local transport runs none). */
static int push(gd_store *s, const struct sync_target *t, int *moved)
{
	git_push_options po;
	struct gd__xfer xp;
	char *spec = t->refspec;
	git_strarray specs = {&spec, 1};
	int err = 0;

	*moved = 0;
	if (git_push_options_init(&po, GIT_PUSH_OPTIONS_VERSION) < 0)
		return gd__git_fail(GD_ERROR, _("cannot set up the transfer"));
	if ((err = gd__xfer_start(&xp, s->repo, remote_url(t->remote), &po.callbacks)) < 0) {
		/* nothing to free */
	} else if (gd__url_is_path(xp.url)) {
		err = gd__push_with_git(s->root, t->name, t->refspec, &xp);
	} else {
		if (git_remote_push(t->remote, &specs, &po) < 0) {
			const git_error *e = git_error_last();
			if (e && e->message && strstr(e->message, "fast-forward")) {
				git_error_clear();
				*moved = 1;
			} else {
				err = gd__transfer_fail(_("cannot push to"), t->name, xp.url);
			}
		}
	}
	if (!err && xp.rejected) {
		if (xp.status && !moved_on(xp.status))
			err = gd__xfer_refused(&xp, t->name);
		else
			*moved = 1;
	}
	gd__xfer_end(&xp, !err && !xp.rejected);
	return err;
}

/* How many commits HEAD has that theirs has not (all, with no theirs). */
static int outgoing(gd_store *s, const git_oid *head, const git_oid *theirs,
		    size_t *ahead)
{
	size_t behind = 0;

	*ahead = 0;
	if (!theirs) {
		*ahead = count_commits(s, head);
		return 0;
	}
	if (git_graph_ahead_behind(ahead, &behind, s->repo, head, theirs) < 0)
		return gd__git_fail(GD_EIO, "cannot compare with the remote");
	return 0;
}

static void tracking_back(gd_store *s, const struct sync_target *t, const git_oid *last)
{
	git_reference *ref = NULL;

	git_reference_create(&ref, s->repo, t->tracking, last, 1, "gendan sync: nothing merged");
	git_reference_free(ref);
	git_error_clear();
}

/* SPEC 5: a remote whose branch no longer holds what was last fetched
 * from it, or that shares no history with ours, stops the sync before
 * anything is merged; after a rewrite the remote-tracking branch goes back
 * to what was fetched, so that the next sync stops too. */
static int history_kept(gd_store *s, const struct sync_target *t, int had_last,
			const git_oid *last, const git_oid *head, int unborn,
			const git_oid *theirs)
{
	char lh[GIT_OID_HEXSZ + 1], th[GIT_OID_HEXSZ + 1];
	git_oid base;

	git_oid_tostr(th, sizeof(th), theirs);
	if (had_last && !git_oid_equal(last, theirs) &&
	    git_graph_descendant_of(s->repo, theirs, last) != 1) {
		git_oid_tostr(lh, sizeof(lh), last);
		tracking_back(s, t, last);
		return gd_error_set(GD_ECONFLICT,
				    _("the remote '%s' rewrote its history: %s, fetched last, is not in its new tip %s; nothing merged"),
				    t->name, lh, th);
	}
	if (!unborn && git_merge_base(&base, s->repo, head, theirs) < 0) {
		git_error_clear();
		git_oid_tostr(lh, sizeof(lh), head);
		return gd_error_set(GD_ECONFLICT,
				    _("the remote '%s' shares no history with this ledger: its tip %s, ours %s; nothing merged"),
				    t->name, th, lh);
	}
	return 0;
}

/* One round: fetch, bring theirs in, push.  1 when the remote moved
 * before the push landed, for another round. */
static int sync_once(gd_store *s, const struct sync_target *t,
		     gd_merge_file_fn fn, void *ctx, gd_sync_report *rep)
{
	git_oid head, theirs, last;
	size_t ahead;
	int unborn, has_theirs, had_last, moved, err;

	had_last = git_reference_name_to_id(&last, s->repo, t->tracking) == 0;
	if ((err = fetch(s, t)) < 0 || (err = gd__store_head(s, &head, &unborn)) < 0)
		return err;
	has_theirs = git_reference_name_to_id(&theirs, s->repo, t->tracking) == 0;
	git_error_clear();
	if (has_theirs &&
	    (err = history_kept(s, t, had_last, &last, &head, unborn, &theirs)) < 0)
		return err;
	if (has_theirs && !unborn &&
	    (err = integrate(s, t->name, t->branch, t->branch_short, &head,
			     &theirs, fn, ctx, rep)) < 0) {
		/* a sync that fails changes nothing: not even what was fetched */
		if (had_last)
			tracking_back(s, t, &last);
		return err;
	}
	if ((err = gd__store_head(s, &head, &unborn)) < 0)
		return err;
	if (unborn || (has_theirs && git_oid_equal(&head, &theirs))) {
		rep->up_to_date = !rep->incoming;
		return 0;
	}
	if ((err = outgoing(s, &head, has_theirs ? &theirs : NULL, &ahead)) < 0)
		return err;
	rep->outgoing = ahead;
	if ((err = push(s, t, &moved)) < 0)
		return err;
	if (moved)
		return 1;
	rep->pushed = 1;
	return 0;
}

/* So that git status, too, tells ahead and behind. */
static void set_upstream(gd_store *s, const struct sync_target *t)
{
	git_reference *local = NULL;
	char *up = gd__xasprintf("%s/%s", t->name, t->branch_short);

	if (git_reference_lookup(&local, s->repo, t->branch) == 0)
		git_branch_set_upstream(local, up);
	git_error_clear();
	git_reference_free(local);
	free(up);
}

int gd_store_sync(gd_store *s, const char *remote_name, gd_merge_file_fn fn,
		  void *ctx, gd_sync_report *rep)
{
	struct sync_target t = {NULL, NULL, NULL, NULL, NULL, NULL};
	git_reference *head_ref = NULL;
	int err = 0, tries;

	memset(rep, 0, sizeof(*rep));
	t.name = remote_name ? remote_name : "origin";
	if (git_remote_lookup(&t.remote, s->repo, t.name) < 0) {
		git_error_clear();
		return gd_error_set(GD_ENOTFOUND,
				    _("no remote '%s': add one with 'git remote add %s URL'"),
				    t.name, t.name);
	}
	if (git_reference_lookup(&head_ref, s->repo, "HEAD") < 0 ||
	    !(t.branch = git_reference_symbolic_target(head_ref))) {
		err = gd_error_set(GD_ECONFLICT, _("HEAD is detached: check out a branch first"));
		goto done;
	}
	t.branch_short = !strncmp(t.branch, "refs/heads/", 11) ? t.branch + 11 : t.branch;
	t.tracking = gd__xasprintf("refs/remotes/%s/%s", t.name, t.branch_short);
	t.refspec = gd__xasprintf("%s:%s", t.branch, t.branch);
	/* a round is redone when the remote moved before its push */
	for (tries = 0; tries < 4; tries++) {
		if ((err = sync_once(s, &t, fn, ctx, rep)) <= 0)
			break;
		err = 0;
	}
	if (err < 0)
		goto done;
	if (tries == 4) {
		err = gd_error_set(GD_ECONFLICT,
				   _("the remote '%s' kept moving: try 'gendan sync' again"),
				   t.name);
		goto done;
	}
	set_upstream(s, &t);
	remember_sync(s);
done:
	free(t.tracking);
	free(t.refspec);
	git_reference_free(head_ref);
	git_remote_free(t.remote);
	return err;
}

/* The commit the branch's remote counterpart points at: its upstream, else
 * origin's branch of the same name. */
int gd__store_upstream(gd_store *s, const char *branch_short, git_oid *out)
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
	if ((err = gd__store_head(s, &head, &unborn)) < 0)
		return err;
	if (!unborn && *st->branch && gd__store_upstream(s, st->branch, &theirs)) {
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

