/*
 * guard.h - the rules a shared remote enforces on a push (SPEC 5), one
 * record or config at a time, with no git: the pre-receive hook
 * (lib/store-hook.c) walks the pushed commits and asks these; `gendan
 * commit` asks gd_guard_log_kept of hand edits.
 *
 * Each check returns 0, or GD_EINVALID with a message giving the reason
 * without the path (the caller names commit and path).
 */
#ifndef GENDAN_GUARD_H
#define GENDAN_GUARD_H

#include <stddef.h>

typedef struct gd_guard gd_guard;

/* The rules as the old tip's gendan.yaml states them (config NULL, or a
 * config that does not parse: no team, no policy).  pusher: who pushes,
 * an email or a login (GENDAN_PUSHER, GITEA_PUSHER_EMAIL); login: a
 * forge's user name (GL_USERNAME ...), matched to a member's login.
 * Both NULL: the pusher is unknown, each commit's author is its actor. */
gd_guard *gd_guard_new(const char *config, size_t clen, const char *pusher,
		       const char *login);
void gd_guard_free(gd_guard *g);

/* May the pusher push a commit authored by `author` (an email)? */
int gd_guard_author(gd_guard *g, const char *author);

/*
 * Rule 8: with `policy: {signed: true}`, the allowed-signers file (as
 * `ssh-keygen -Y verify -f` reads it) of the keys of author's team entry,
 * each for the principal author (as the commit spells the member's email) in the namespace
 * git, malloc'd into *out; *out NULL when the policy asks for no
 * signature.  GD_EINVALID when the author has no key to sign with.
 */
int gd_guard_signers(gd_guard *g, const char *author, char **out);

/* Is `name` a file the top level of a ledger may hold: gendan.yaml,
 * README*, .gitignore, .gitattributes? */
int gd_guard_top_level(const char *name);

/* Is the file at path valid: gendan.yaml a configuration, a record valid
 * under the configuration text config (NULL: the defaults)? */
int gd_guard_file(gd_guard *g, const char *path, const char *buf, size_t len,
		  const char *config, size_t clen);

/* Does new_ keep every log entry of old (compared parsed, any order)?
 * Either text NULL: nothing to compare. */
int gd_guard_log_kept(const char *path, const char *old, size_t olen,
		      const char *new_, size_t nlen);

/* The log entries of mine that none of its parents' versions hold and
 * the tip still holds must be by actor. */
int gd_guard_log_by(const char *path, const char *mine, size_t mlen,
		    const char *const *parents, const size_t *plens, size_t np,
		    const char *tip, size_t tlen, const char *actor);

/* The owner of a record's text, malloc'd; NULL when none or empty. */
char *gd_guard_owner(const char *path, const char *buf, size_t len);

/* May actor change the owner from old_owner to new_owner (NULL: none)? */
int gd_guard_owner_change(gd_guard *g, const char *old_owner,
			  const char *new_owner, const char *actor);

/* May actor delete a record? */
int gd_guard_delete(gd_guard *g, const char *actor);

/* May actor change gendan.yaml? */
int gd_guard_config(gd_guard *g, const char *actor);

#endif
