/*
 * store-transport.c - what a fetch, push or clone needs to reach a remote
 * over https (ssh is the ssh program's business: store-ssh.c): the CA
 * certificates git would trust (http.sslCAInfo), git's credential helpers
 * (fill, then approve or reject), push answers and what the remote says,
 * the progress of a transfer; a push to a path through git itself, so
 * that the remote's hooks run.
 */
#include <fcntl.h>
#include <signal.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-private.h"
#include "urlmatch.h"

/* "cannot fetch from 'origin' (URL): <libgit2's reason>" */
int gd__transfer_fail(const char *what, const char *name, const char *url)
{
	const git_error *e = git_error_last();
	char reason[800];

	snprintf(reason, sizeof(reason), "%s",
		 e && e->message ? e->message : _("unknown git error"));
	if (url)
		return gd_error_set(GD_EIO, "%s '%s' (%s): %s", what, name, url, reason);
	return gd_error_set(GD_EIO, "%s '%s': %s", what, name, reason);
}


/*
 * `git credential ACTION`: url (and for approve and reject the user name
 * and password) on its stdin, through a pipe and never a shell; for fill,
 * its answer into *user and *pass.  git's prompt, where there is one, is
 * git's own (on the terminal).
 */
static int credential_run(const char *action, const char *url, char **user, char **pass)
{
	char *argv[] = {"git", "credential", (char *)action, NULL};
	char *in, *out = NULL;
	int err;

	if (strchr(url, '\n') || (*user && strchr(*user, '\n')) || (*pass && strchr(*pass, '\n')))
		return -1;
	in = *user ? gd__xasprintf("url=%s\nusername=%s\npassword=%s\n\n", url, *user,
				   *pass ? *pass : "")
		   : gd__xasprintf("url=%s\n\n", url);
	err = gd__run_program(argv, in, strlen(in), &out, 1);
	memset(in, 0, strlen(in));
	free(in);
	if (err < 0) {
		free(out);
		return -1;
	}
	if (!strcmp(action, "fill")) {
		char *line, *save = NULL;
		for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
			if (!strncmp(line, "username=", 9) && !*user)
				*user = gd__xstrdup(line + 9);
			else if (!strncmp(line, "password=", 9) && !*pass)
				*pass = gd__xstrdup(line + 9);
	}
	memset(out, 0, strlen(out));
	free(out);
	return 0;
}

static void credential_forget(struct gd__xfer *x)
{
	if (x->pass)
		memset(x->pass, 0, strlen(x->pass));
	free(x->user);
	free(x->pass);
	x->user = x->pass = NULL;
}

/* https: git's credential helpers answer a 401 (an ssh remote is the ssh
 * program's business); a second 401 means they answered wrong: git is
 * told to forget that answer, and the transfer stops. */
static int xfer_credentials(git_credential **out, const char *url, const char *user_from_url,
			    unsigned int allowed, void *payload)
{
	struct gd__xfer *x = payload;

	if (!(allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT))
		return GIT_PASSTHROUGH;
	if (x->user) {
		(void)credential_run("reject", x->cred_url, &x->user, &x->pass);
		credential_forget(x);
		git_error_set_str(GIT_ERROR_HTTP,
				  _("the server refused the user name and password git's credential helper gave"));
		return -1;
	}
	free(x->cred_url);
	x->cred_url = gd__xstrdup(url);
	if (user_from_url)
		x->user = gd__xstrdup(user_from_url);
	if (credential_run("fill", url, &x->user, &x->pass) < 0 || !x->user || !x->pass) {
		credential_forget(x);
		git_error_set_str(GIT_ERROR_HTTP,
				  _("the server asks for a user name and password: set up a git credential helper (git config credential.helper)"));
		return -1;
	}
	return git_credential_userpass_plaintext_new(out, x->user, x->pass);
}

/* https: the server's certificate as libgit2 checked it (against
 * http.sslCAInfo when set); an untrusted one is refused, whatever
 * http.sslVerify says (docs/gendan-sync.1). */
static int xfer_certificate(git_cert *cert, int valid, const char *host, void *payload)
{
	(void)payload;
	if (valid || cert->cert_type != GIT_CERT_X509)
		return valid ? 0 : GIT_PASSTHROUGH;
	(void)host; /* the caller's message names the URL */
	git_error_set_str(GIT_ERROR_SSL,
			  _("the certificate of the https server is not trusted: give the file of its CA with 'git config http.sslCAInfo FILE'"));
	return -1;
}

/* The value of http.<url>.<var> whose URL matches url best (git's rules,
 * urlmatch.c; at a tie the more specific config file's, then the later
 * one's), else of http.<var>; NULL when none. */
static char *http_for_url(git_config *cfg, const char *url, const char *var)
{
	git_config_iterator *it = NULL;
	git_config_entry *e;
	git_buf buf = {NULL, 0, 0};
	char *regex = gd__xasprintf("^http\\..+\\.%s$", var), *plain, *val = NULL;
	long best = -1, score;
	int level = 0;
	size_t cut = strlen(var) + 1;

	if (git_config_iterator_glob_new(&it, cfg, regex) == 0)
		while (git_config_next(&e, it) == 0) {
			char *key_url = gd__xstrndup(e->name + 5, strlen(e->name) - 5 - cut);
			score = gd_urlmatch(key_url, url);
			free(key_url);
			if (score < 0 || score < best || (score == best && (int)e->level < level))
				continue;
			best = score;
			level = (int)e->level;
			free(val);
			val = gd__xstrdup(e->value);
		}
	git_config_iterator_free(it);
	free(regex);
	plain = gd__xasprintf("http.%s", var);
	if (!val && git_config_get_string_buf(&buf, cfg, plain) == 0)
		val = gd__xstrdup(buf.ptr);
	free(plain);
	git_buf_dispose(&buf);
	git_error_clear();
	return val;
}

/* The user's value of an https setting for url: the environment's, else
 * the repository's config (NULL: the user's own), per URL as git reads
 * it. */
static char *setting(git_repository *repo, const char *url, const char *env, const char *var)
{
	git_config *cfg = NULL;
	char *val = NULL;
	const char *e = env ? getenv(env) : NULL;

	if (e && *e)
		return gd__xstrdup(e);
	if ((repo ? git_repository_config_snapshot(&cfg, repo) : git_config_open_default(&cfg)) == 0)
		val = http_for_url(cfg, url, var);
	git_error_clear();
	git_config_free(cfg);
	return val;
}

int gd__xfer_start(struct gd__xfer *x, git_repository *repo, const char *url,
		   git_remote_callbacks *cb)
{
	char *file = setting(repo, url, "GIT_SSL_CAINFO", "sslcainfo");
	char *dir = setting(repo, url, "GIT_SSL_CAPATH", "sslcapath");
	int err = 0;

	memset(x, 0, sizeof(*x));
	x->url = url;
	/* as git: the CA file or folder the user named replaces the system's */
	if ((file || dir) && !strncmp(url, "https://", 8) &&
	    git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, dir) < 0)
		err = gd_error_set(GD_EIO, _("cannot read the CA certificates in '%s' (http.sslCAInfo): %s"),
				   file ? file : dir,
				   git_error_last() ? git_error_last()->message : "?");
	free(file);
	free(dir);
	cb->credentials = xfer_credentials;
	cb->certificate_check = xfer_certificate;
	cb->push_update_reference = gd__xfer_push_update;
	cb->sideband_progress = gd__xfer_sideband;
	cb->transfer_progress = gd__xfer_received;
	cb->push_transfer_progress = gd__xfer_sent;
	cb->payload = x;
	return err;
}

void gd__xfer_end(struct gd__xfer *x, int ok)
{
	/* the helper keeps an answer that worked, as after git's own */
	if (ok && x->user && x->pass)
		(void)credential_run("approve", x->cred_url, &x->user, &x->pass);
	credential_forget(x);
	free(x->cred_url);
	free(x->status);
	free(x->said);
	x->cred_url = x->status = x->said = NULL;
}

int gd__xfer_push_update(const char *refname, const char *status, void *payload)
{
	struct gd__xfer *x = payload;

	(void)refname;
	if (status) {
		x->rejected = 1;
		free(x->status);
		x->status = gd__xstrdup(status);
	}
	return 0;
}

/* Keep what the remote says, in whole lines. */
static void said_add(struct gd__xfer *x, const char *str, size_t len)
{
	size_t have = x->said ? strlen(x->said) : 0;

	if (have + len > 16384)
		return; /* a remote that talks on and on is not read further */
	x->said = realloc(x->said, have + len + 1);
	if (!x->said)
		abort();
	memcpy(x->said + have, str, len);
	x->said[have + len] = '\0';
}

int gd__xfer_sideband(const char *str, int len, void *payload)
{
	if (len > 0)
		said_add(payload, str, (size_t)len);
	return 0;
}

/* --- progress ----------------------------------------------------------- */

static gd_progress_fn progress_fn;
static void *progress_ctx;

void gd_store_progress_set(gd_progress_fn fn, void *ctx)
{
	progress_fn = fn;
	progress_ctx = ctx;
}

void gd__progress(gd_progress_kind kind, size_t done, size_t total)
{
	if (progress_fn)
		progress_fn(progress_ctx, kind, done, total);
}

int gd__xfer_received(const git_indexer_progress *stats, void *payload)
{
	struct gd__xfer *x = payload;

	/* once per object is too often for a terminal: when the count moves */
	if (stats->total_objects && stats->received_objects != x->received) {
		x->received = stats->received_objects;
		gd__progress(GD_PROGRESS_RECEIVED, stats->received_objects, stats->total_objects);
	}
	return 0;
}

int gd__xfer_sent(unsigned int current, unsigned int total, size_t bytes, void *payload)
{
	struct gd__xfer *x = payload;

	(void)bytes;
	if (total && current != x->sent) {
		x->sent = current;
		gd__progress(GD_PROGRESS_SENT, current, total);
	}
	return 0;
}

int gd__xfer_refused(struct gd__xfer *x, const char *name)
{
	char *lines = gd__xstrdup(x->said ? x->said : ""), *p, *save = NULL;
	char *msg = gd__xasprintf(_("the remote '%s' refused the push (%s)"), name,
				  x->status ? x->status : "?");
	int err;

	/* the hook's lines, as git shows them, without control characters */
	for (p = strtok_r(lines, "\r\n", &save); p; p = strtok_r(NULL, "\r\n", &save)) {
		char *q, *next;
		size_t n = strlen(p);
		while (n && p[n - 1] == ' ')
			p[--n] = '\0';
		for (q = p; *q; q++)
			if ((unsigned char)*q < 0x20 || *q == 0x7f)
				*q = '?';
		if (!*p)
			continue;
		next = gd__xasprintf("%s\n%s", msg, p);
		free(msg);
		msg = next;
	}
	err = gd_error_set(GD_EINVALID, "%s", msg);
	free(msg);
	free(lines);
	return err;
}

int gd__url_is_path(const char *url)
{
	const char *colon = strchr(url, ':'), *slash = strchr(url, '/');

	if (!strncmp(url, "file://", 7))
		return 1;
	/* git's rule: a colon before any slash makes host:path (scp-like) */
	return !strstr(url, "://") && (!colon || (slash && slash < colon));
}

/* Run `git push --porcelain`, all it says into *out. */
static int git_push_run(const char *workdir, const char *remote, const char *refspec,
			char **out, int *status)
{
	int fds[2];
	pid_t pid;
	char buf[4096];
	ssize_t n;
	struct gd__xfer acc = {0};

	if (pipe(fds) < 0)
		return gd_error_set(GD_EIO, _("cannot run git push"));
	if ((pid = fork()) < 0) {
		close(fds[0]);
		close(fds[1]);
		return gd_error_set(GD_EIO, _("cannot run git push"));
	}
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		execlp("git", "git", "-C", workdir, "push", "--porcelain", "--quiet", remote,
		       refspec, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0)
		said_add(&acc, buf, (size_t)n);
	close(fds[0]);
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR) {
			*status = -1; /* reaped by someone else: unknown, a failure */
			break;
		}
	*out = acc.said ? acc.said : gd__xstrdup("");
	return 0;
}

int gd__push_with_git(const char *workdir, const char *remote, const char *refspec,
		      struct gd__xfer *x)
{
	char *out = NULL, *line, *save = NULL;
	int status = 0, err;

	if ((err = git_push_run(workdir, remote, refspec, &out, &status)) < 0)
		return err;
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "remote: ", 8)) {
			said_add(x, line + 8, strlen(line + 8));
			said_add(x, "\n", 1);
		} else if (line[0] == '!' && line[1] == '\t') {
			const char *why = strrchr(line, '\t');
			x->rejected = 1;
			free(x->status);
			x->status = gd__xstrdup(why ? why + 1 : line);
		}
	}
	free(out);
	if (!x->rejected && (!WIFEXITED(status) || WEXITSTATUS(status) != 0))
		return gd_error_set(GD_EIO, _("cannot push to '%s': git push failed"), remote);
	return 0;
}

