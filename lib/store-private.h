/*
 * store-private.h - what the store's files (lib/store.c, lib/store-*.c)
 * share: struct gd_store and their gd__ helpers.  These files, and no
 * other, see libgit2: include this header only from them.
 * docs/modules.md lists which file holds what.
 */
#ifndef GENDAN_STORE_PRIVATE_H
#define GENDAN_STORE_PRIVATE_H

#include <git2.h>
#include <stddef.h>
#include <stdint.h>

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

/* --- lib/store.c ------------------------------------------------------- */

/* libgit2 up, with fsync of the git directory (one gd__git_init per
 * git_libgit2_shutdown). */
void gd__git_init(void);

/* Set code with "what: <libgit2's last message>"; returns code. */
int gd__git_fail(int code, const char *what);

/* HEAD's commit into *head, or *unborn = 1; GD_ECONFLICT when detached. */
int gd__store_head(gd_store *s, git_oid *head, int *unborn);

/* name and email from the environment, else git config (repo's, or the
 * user's global config when repo is NULL).  Either may come back NULL. */
void gd__identity_read(git_repository *repo, char **name, char **email);
/* The committer's: GIT_COMMITTER_*, else git config. */
void gd__committer_read(git_repository *repo, char **name, char **email);
/* GD_EIDENTITY, telling how to set it, when either is missing. */
int gd__identity_need(const char *name, const char *email);

/* Run argv with in on its standard input, its standard output into *out
 * (malloc'd, NUL-terminated; NULL when it could not start), its standard
 * error to /dev/null when quiet.  0 when it exits 0.  (store-sign.c) */
int gd__run_program(char *const *argv, const char *in, size_t inlen, char **out,
		    int quiet);
/* Read s's identity once. */
void gd__store_identity_load(gd_store *s);

/* A blob's content, NUL-terminated after *len bytes; *out to free. */
int gd__blob_read(git_repository *repo, const git_oid *id, char **out,
		  size_t *len);

/* qsort() comparator of char * paths. */
int gd__paths_cmp(const void *a, const void *b);

/* --- lib/store-ssh.c ---------------------------------------------------- */

/* Make ssh://, ssh+git://, git+ssh:// and scp-like URLs go through the
 * ssh program, as git does (once a process). */
void gd__ssh_register(void);

/* --- lib/store-journal.c ----------------------------------------------- */

/* Before the files of a change are renamed into place: their paths (none
 * for a fetch, whose ref locks the repair then drops). */
int gd__journal_begin(gd_store *s, char *const *paths, size_t n);
void gd__journal_end(gd_store *s);
/* Under the lock: undo what a command that died left half done. */
int gd__journal_recover(gd_store *s);

/* --- lib/store-commit.c ------------------------------------------------ */

/* Author and committer as git makes them: GIT_AUTHOR_* and
 * GIT_COMMITTER_* each over git config; at GIT_AUTHOR_DATE and
 * GIT_COMMITTER_DATE, else $GENDAN_NOW, else now. */
int gd__store_signatures(gd_store *s, git_signature **author,
			 git_signature **committer);

/* --- lib/store-sign.c -------------------------------------------------- */

/* git_commit_create on no ref, signed as git would sign it when
 * commit.gpgsign is on (SPEC 3.3); the message is set on failure. */
int gd__commit_create(git_oid *out, gd_store *s, const git_signature *author,
		      const git_signature *committer, const char *message,
		      const git_tree *tree, size_t n, const git_commit **parents);

/* Is commit id signed by `signer` (an email) with a key of signers (an
 * allowed-signers text, gd_guard_signers)?  Through `ssh-keygen -Y
 * verify` over the commit without its gpgsig header, in the namespace
 * git (SPEC 5 rule 8).  0, or GD_EINVALID with the reason. */
int gd__commit_verify(git_repository *repo, const git_oid *id,
		      const char *signer, const char *signers);

/* --- lib/store-paths.c ------------------------------------------------- */

/* Is path, with its mode, something a ledger may bring in? */
int gd__path_safe(const char *path, uint32_t mode);
/* Refuse a diff that brings any unsafe path (GD_EINVALID naming it). */
int gd__incoming_check(git_diff *diff, const char *remote);

/* --- lib/store-transport.c --------------------------------------------- */

/* What the transfer callbacks share: credentials given, push answers,
 * progress.  Made by gd__xfer_start, emptied by gd__xfer_end. */
struct gd__xfer {
	const char *url;
	char *cred_url;     /* the URL git's credential helper answered for */
	char *user, *pass;  /* its answer */
	int rejected;
	char *status; /* the remote's answer to a refused update */
	char *said;   /* what the remote said (hooks' lines) */
	unsigned int received, sent; /* objects, as last shown */
};

/* x zeroed for url, and cb's callbacks set with the settings of repo
 * (NULL: the user's) as git reads them: http.sslCAInfo (GIT_SSL_CAINFO),
 * http.sslCAPath, credential helpers, progress. */
int gd__xfer_start(struct gd__xfer *x, git_repository *repo, const char *url,
		   git_remote_callbacks *cb);
/* After the transfer (ok: it worked): git's credential helper told to keep
 * an answer that worked; what x holds freed. */
void gd__xfer_end(struct gd__xfer *x, int ok);
/* GD_EINVALID: "the remote 'name' refused the push (status)", then the
 * remote's lines. */
int gd__xfer_refused(struct gd__xfer *x, const char *name);
/* Is url a path on this machine (a path or file://)? */
int gd__url_is_path(const char *url);
/* Push refspec to remote with git itself, from workdir: git runs the
 * remote's hooks, which libgit2's local transport skips.  x gets the
 * answers as the callbacks would. */
int gd__push_with_git(const char *workdir, const char *remote, const char *refspec,
		      struct gd__xfer *x);

/* "cannot fetch from 'origin' (URL): <libgit2's reason>" (no URL: without
 * the parenthesis); returns GD_EIO. */
int gd__transfer_fail(const char *what, const char *name, const char *url);

/* The progress callback of gd_store_progress_set, if any. */
void gd__progress(gd_progress_kind kind, size_t done, size_t total);

/* libgit2 remote callbacks; their payload is a struct gd__xfer. */
int gd__xfer_push_update(const char *refname, const char *status,
			 void *payload);
int gd__xfer_sideband(const char *str, int len, void *payload);
int gd__xfer_received(const git_indexer_progress *stats, void *payload);
int gd__xfer_sent(unsigned int current, unsigned int total, size_t bytes,
		  void *payload);

/* Put the work tree and index at `target` and move branch there from
 * `from`, journaled (sync's merges, undo). */
int gd__store_move_to(gd_store *s, const char *branch, const git_oid *from,
		      const git_oid *target);

/* --- lib/store-sync.c -------------------------------------------------- */

/* The commit the branch's remote counterpart points at: 1 found. */
int gd__store_upstream(gd_store *s, const char *branch_short, git_oid *out);

#endif
