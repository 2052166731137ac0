/*
 * store.h - the ledger as a git repository: locate it, lock it, write files
 * atomically and commit every change.  Only the store's files (lib/store.c,
 * lib/store-*.c) see libgit2.
 *
 * A ledger is a non-bare git repository whose work tree root holds
 * gendan.yaml.  Every command that changes data builds one gd_change (files
 * to write or delete) and applies it with gd_store_apply(): temp files are
 * written and fsynced, then renamed into place, the index entries of exactly
 * those paths are updated, and one commit is made on the checked-out branch,
 * so the work tree, index and HEAD agree afterwards (git status stays clean).
 * A failed apply restores the files and leaves index and HEAD as they were.
 */
#ifndef GENDAN_STORE_H
#define GENDAN_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "gendan/change.h"

typedef struct gd_store gd_store;

/*
 * Open the ledger: `dir` when not NULL (-C), else $GENDAN_DIR, else the git
 * work tree around the current directory if its root has gendan.yaml, else
 * $XDG_DATA_HOME/gendan (default ~/.local/share/gendan).  GD_ENOTFOUND
 * with a message naming the directory when there is no ledger there.
 */
int gd_store_open(gd_store **out, const char *dir);
void gd_store_free(gd_store *s);

/* Absolute path of the work tree root, no trailing slash.  Borrowed. */
const char *gd_store_root(const gd_store *s);

/* The git directory, with a trailing slash.  Borrowed. */
const char *gd_store_gitdir(const gd_store *s);

/*
 * Create a ledger in `dir` (created when missing; refused when it already
 * holds a gendan.yaml or a git repository with commits): a git repository
 * whose branch is main, gendan.yaml holding config_text, remote "origin" when
 * remote_url is not NULL, and a first commit.  Needs an identity.
 */
int gd_store_init(const char *dir, const char *config_text,
		  const char *remote_url);

/* A shared server repository (SPEC 5): bare, HEAD main, history
 * protected, hooks/pre-receive running `program check --hook`. */
int gd_store_init_bare(const char *dir, const char *program);

/* Serialise with other gendan processes: blocking flock() on
 * .git/gendan.lock, released by gd_store_unlock() or gd_store_free() (and by
 * the kernel when the process dies, so a lock is never stale). */
int gd_store_lock(gd_store *s);
void gd_store_unlock(gd_store *s);

/* The author: GIT_AUTHOR_NAME / GIT_AUTHOR_EMAIL, else user.name /
 * user.email from git config.  GD_EIDENTITY with a message telling the user
 * how to set it when either is missing.  Borrowed strings. */
int gd_store_identity(gd_store *s, const char **name, const char **email);

/* "Me": GIT_AUTHOR_EMAIL, else user.email; NULL when neither.  Borrowed. */
const char *gd_store_me(gd_store *s);

/* *dirty = 1 when the work tree file differs from HEAD's (modified, added,
 * deleted, or untracked): hand edits not committed. */
int gd_store_path_dirty(gd_store *s, const char *relpath, int *dirty);

/* HEAD's version of relpath, NUL-terminated after *len bytes; *out NULL
 * when HEAD has none (or is unborn). */
int gd_store_head_file(gd_store *s, const char *relpath, char **out, size_t *len);

/* Every path under customers/, inquiries/, orders/, plus gendan.yaml, that
 * differs from HEAD in the index or work tree, including untracked files and
 * deletions; sorted; *out is a malloc'd array of malloc'd strings. */
int gd_store_changed_paths(gd_store *s, char ***out, size_t *n);

/*
 * Apply c and commit it with `message`.  When the resulting tree equals
 * HEAD's, nothing is committed and *committed is 0.  If HEAD moves
 * underneath, the commit is redone on the new HEAD.
 */
int gd_store_apply(gd_store *s, gd_change *c, const char *message,
		   int *committed);

/* Stage the given paths as they are in the work tree (added, modified or
 * deleted) and commit them; for `gendan commit`. */
int gd_store_commit_paths(gd_store *s, char *const *paths, size_t n,
			  const char *message);

/*
 * A commit message of SPEC 3.3: summary line, blank line, then
 * "Gendan-Action: <action>" and one "Gendan-Record: <path>" per path (at most
 * 100; beyond that one "Gendan-Records: N").  Malloc'd.
 */
char *gd_store_message(const char *summary, const char *action,
		       char *const *paths, size_t n);

/* --- a shared remote's pre-receive hook ------------------------------ */

/*
 * As a git pre-receive hook in the repository at gitdir (bare or not;
 * GIT_DIR and git's quarantine variables win): read "<old> <new> <ref>"
 * lines from in and enforce SPEC 5's rules (include/gendan/guard.h) on
 * every commit the push brings and on its net change.  pusher and login
 * name who pushes (gd_guard_new).  report(ctx, "refused <commit> <path>:
 * <reason>") for each problem; GD_EINVALID, with no message, when any.
 */
int gd_store_hook(const char *gitdir, FILE *in, const char *pusher,
		  const char *login, void *ctx,
		  void (*report)(void *ctx, const char *message));

/* --- history ------------------------------------------------------- */

typedef struct {
	char id[12];        /* abbreviated commit id */
	long long time;     /* author time */
	int offset;         /* author UTC offset, minutes */
	const char *author; /* borrowed for the callback's duration */
	const char *email;
	const char *summary;
	const char *patch;  /* with patch: the commit's diff of the path, as
			     * git prints it (patch_len bytes); else NULL */
	size_t patch_len;
} gd_commit_info;

/* The commits that changed relpath, newest first, following renames (git
 * log --follow): past the commit that renamed a file to relpath, the
 * commits of its former path.  With patch, each commit's diff of that
 * path comes with it (cb prints). */
int gd_store_history(gd_store *s, const char *relpath, int patch,
		     void (*cb)(void *ctx, const gd_commit_info *c), void *ctx);

/*
 * Revert HEAD with a new commit, when HEAD is a gendan commit (it has a
 * Gendan-Action trailer) and not a merge.  Refused when HEAD is already on
 * the remote-tracking branch unless force.  *summary gets the undone
 * commit's summary (malloc'd).
 */
int gd_store_undo(gd_store *s, int force, char **summary);

/* --- the ledger as it stood ------------------------------------------ */

/* One record file of a snapshot: buf NULL when the snapshot lacks path,
 * or when it has there what is not read (problem): something else than a
 * file (a symbolic link, a submodule), or a file larger than a record may
 * be (GD_YAML_MAX_SIZE).  Return < 0 to stop. */
enum { GD_SNAP_OK, GD_SNAP_NOT_FILE, GD_SNAP_TOO_LARGE };
typedef int (*gd_snap_file_fn)(void *ctx, const char *path, const char *buf,
			       size_t len, int problem);

/*
 * The record files as they stood at `end` (unix time): those of the
 * newest commit on HEAD's first-parent line whose committer time is at or
 * before end (SPEC 3.5).  *found 0 when there is none (HEAD unborn, or
 * every commit later).  Otherwise file() is called for every *.yaml under
 * customers/, inquiries/ and orders/ (no hidden component) whose blob in
 * that commit is not the one HEAD has, for those HEAD has and it lacks,
 * and for each of the `also` paths (the work tree's uncommitted changes):
 * every other record file of the snapshot is HEAD's, unchanged.  Reading
 * only what changed since keeps a past report as fast as a current one.
 */
int gd_store_snapshot(gd_store *s, int64_t end, char *const *also, size_t nalso,
		      int *found, gd_snap_file_fn file, void *ctx);

/* --- sharing over a remote ----------------------------------------- */

/* Merge one file changed on both sides: base NULL when added on both;
 * *out malloc'd.  Return < 0 to keep ours and report the error. */
typedef int (*gd_merge_file_fn)(void *ctx, const char *path,
				const char *base, size_t blen,
				const char *ours, size_t olen,
				const char *theirs, size_t tlen,
				char **out, size_t *outlen);

typedef struct {
	size_t incoming;   /* commits fetched that were new here */
	size_t outgoing;   /* commits pushed */
	size_t changed;    /* files that came in */
	size_t merged;     /* files merged record by record */
	int fast_forward;
	int up_to_date;
	int pushed;
} gd_sync_report;

/*
 * Fetch `remote` (NULL: origin), bring its branch of the same name in
 * (fast-forward, or a merge commit whose files changed on both sides are
 * merged by fn), update the work tree and index, push, and if the push is
 * refused because the remote moved, fetch and merge again (3 tries).  A tree
 * from the remote with unsafe paths (outside the ledger folders, symlinks,
 * submodules, .git-like names, names that are not ids) is refused and
 * nothing changes.  Needs a clean work tree and the lock.
 */
int gd_store_sync(gd_store *s, const char *remote, gd_merge_file_fn fn,
		  void *ctx, gd_sync_report *rep);

/* How far a clone or sync is, for a progress line: objects received
 * (done of total), objects sent, records merged (total 0: not known). */
typedef enum {
	GD_PROGRESS_RECEIVED,
	GD_PROGRESS_SENT,
	GD_PROGRESS_MERGED,
} gd_progress_kind;
typedef void (*gd_progress_fn)(void *ctx, gd_progress_kind kind, size_t done,
			       size_t total);

/* The progress callback of the clones and syncs that follow, for this
 * process (fn NULL: none, the default). */
void gd_store_progress_set(gd_progress_fn fn, void *ctx);

/* Clone a shared ledger into dir (checking its tree before writing it). */
int gd_store_clone(const char *url, const char *dir);

typedef struct {
	int has_upstream;  /* the branch has a remote-tracking branch */
	size_t ahead;      /* commits not pushed */
	size_t behind;     /* commits fetched and not merged */
	long long last_sync; /* unix time of the last sync, 0 never */
	char branch[128];
} gd_store_state;

/* Where the ledger stands against its remote, without the network. */
int gd_store_state_get(gd_store *s, gd_store_state *st);

#endif
