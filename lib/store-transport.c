/*
 * store-transport.c - what a fetch, push or clone needs to reach a remote:
 * credentials (ssh agent and keys, git's credential helpers for https),
 * the ssh host-key check against ~/.ssh/known_hosts, push answers and
 * what the remote says; a push to a path through git itself, so that the
 * remote's hooks run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-private.h"

/* "cannot fetch from 'origin' (URL): <libgit2's reason>" */
int gd__transfer_fail(const char *what, const char *name, const char *url)
{
	const git_error *e = git_error_last();
	char reason[512];

	snprintf(reason, sizeof(reason), "%s",
		 e && e->message ? e->message : _("unknown git error"));
	if (url)
		return gd_error_set(GD_EIO, "%s '%s' (%s): %s", what, name, url, reason);
	return gd_error_set(GD_EIO, "%s '%s': %s", what, name, reason);
}


/* `git credential fill`: the user's own helper answers for https. */
static int credential_fill(git_credential **out, const char *url)
{
	char *cmd = NULL, line[1024];
	char *user = NULL, *pass = NULL;
	FILE *p;
	int err = -1;
	size_t i;

	/* the URL goes through a pipe, never through a shell word */
	for (i = 0; url[i]; i++)
		if (strchr("'\\\n", url[i]))
			return -1;
	cmd = gd__xasprintf("printf 'url=%%s\\n\\n' '%s' | GIT_TERMINAL_PROMPT=0 git credential fill 2>/dev/null",
			    url);
	/* git's credential helpers need git; the URL is quoted and may hold no
	 * quote, backslash or newline (above) */
	if (!(p = popen(cmd, "r"))) { /* NOLINT(cert-env33-c) */
		free(cmd);
		return -1;
	}
	while (fgets(line, sizeof(line), p)) {
		line[strcspn(line, "\n")] = '\0';
		if (!strncmp(line, "username=", 9))
			user = gd__xstrdup(line + 9);
		else if (!strncmp(line, "password=", 9))
			pass = gd__xstrdup(line + 9);
	}
	pclose(p);
	if (user && pass)
		err = git_credential_userpass_plaintext_new(out, user, pass);
	free(user);
	free(pass);
	free(cmd);
	return err;
}

int gd__xfer_credentials(git_credential **out, const char *url,
			 const char *user_from_url, unsigned int allowed,
			 void *payload)
{
	static const char *const keys[] = {"id_ed25519", "id_ecdsa", "id_rsa"};
	struct gd__xfer *st = payload;
	const char *user = user_from_url ? user_from_url : "git";
	const char *home = getenv("HOME");

	if (allowed & GIT_CREDENTIAL_SSH_KEY) {
		if (!st->agent_tried) {
			st->agent_tried = 1;
			if (getenv("SSH_AUTH_SOCK"))
				return git_credential_ssh_key_from_agent(out, user);
		}
		while (home && st->key < 3) {
			char *priv = gd__xasprintf("%s/.ssh/%s", home, keys[st->key++]);
			char *pub = gd__xasprintf("%s.pub", priv);
			int r = 1;
			if (access(priv, R_OK) == 0)
				r = git_credential_ssh_key_new(out, user,
							       access(pub, R_OK) == 0 ? pub : NULL,
							       priv, NULL);
			free(priv);
			free(pub);
			if (r <= 0)
				return r;
		}
		return GIT_PASSTHROUGH;
	}
	if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) && !st->asked++) {
		if (credential_fill(out, url) == 0)
			return 0;
		return GIT_PASSTHROUGH;
	}
	if (allowed & GIT_CREDENTIAL_USERNAME)
		return git_credential_username_new(out, user);
	return GIT_PASSTHROUGH;
}

static char *base64(const unsigned char *in, size_t len)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *out = gd__xmalloc((len + 2) / 3 * 4 + 1), *o = out;
	size_t i;

	for (i = 0; i + 2 < len; i += 3) {
		*o++ = tab[in[i] >> 2];
		*o++ = tab[((in[i] & 3) << 4) | (in[i + 1] >> 4)];
		*o++ = tab[((in[i + 1] & 15) << 2) | (in[i + 2] >> 6)];
		*o++ = tab[in[i + 2] & 63];
	}
	if (i < len) {
		*o++ = tab[in[i] >> 2];
		if (i + 1 < len) {
			*o++ = tab[((in[i] & 3) << 4) | (in[i + 1] >> 4)];
			*o++ = tab[(in[i + 1] & 15) << 2];
		} else {
			*o++ = tab[(in[i] & 3) << 4];
			*o++ = '=';
		}
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

/* The port of an ssh:// URL, 22 for scp-like ones. */
static int url_port(const char *url)
{
	const char *p = strstr(url, "://"), *colon;

	if (!p)
		return 22;
	p += 3;
	if (strchr(p, '@') && strchr(p, '@') < strchr(p, '/'))
		p = strchr(p, '@') + 1;
	colon = strchr(p, ':');
	if (colon && (!strchr(p, '/') || colon < strchr(p, '/'))) {
		char *end;
		long port = strtol(colon + 1, &end, 10);
		return port > 0 && port < 65536 && end > colon + 1 ? (int)port : 22;
	}
	return 22;
}

/*
 * ssh host keys are checked against ~/.ssh/known_hosts (ssh-keygen -F
 * reads hashed entries too): a known, matching key is accepted; a
 * different key is refused as a possible attack; an unknown host is
 * refused with the command that checks and accepts it.
 */
int gd__xfer_check_host(git_cert *cert, int valid, const char *host, void *payload)
{
	struct gd__xfer *x = payload;
	git_cert_hostkey *hk = (git_cert_hostkey *)cert;
	const char *home = getenv("HOME");
	char name[300], line[8192], *key, *cmd;
	int port, found = 0, match = 0;
	const char *h;
	FILE *f;

	if (cert->cert_type != GIT_CERT_HOSTKEY_LIBSSH2)
		return valid ? 0 : GIT_PASSTHROUGH;
	if (!(hk->type & GIT_CERT_SSH_RAW) || !home)
		return -1;
	for (h = host; *h; h++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:", *h))
			return -1;
	port = x && x->url ? url_port(x->url) : 22;
	if (port != 22)
		snprintf(name, sizeof(name), "[%s]:%d", host, port);
	else
		snprintf(name, sizeof(name), "%s", host);
	key = base64((const unsigned char *)hk->hostkey, hk->hostkey_len);
	cmd = gd__xasprintf("ssh-keygen -F '%s' -f '%s/.ssh/known_hosts' 2>/dev/null", name, home);
	/* the host is [A-Za-z0-9.:-] only (above) */
	if ((f = popen(cmd, "r"))) { /* NOLINT(cert-env33-c) */
		while (fgets(line, sizeof(line), f)) {
			char *k;
			if (line[0] == '#' || !(k = strchr(line, ' ')) || !(k = strchr(k + 1, ' ')))
				continue;
			k++;
			k[strcspn(k, " \n")] = '\0';
			found = 1;
			match |= !strcmp(k, key);
		}
		pclose(f);
	}
	free(cmd);
	free(key);
	if (match)
		return 0;
	if (found)
		git_error_set_str(GIT_ERROR_SSH,
				  _("the host key of this server is not the one in ~/.ssh/known_hosts: refused (someone may be in the middle)"));
	else
		git_error_set_str(GIT_ERROR_SSH,
				  _("the server is not in ~/.ssh/known_hosts: connect once with ssh to check and accept its key"));
	return -1;
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

void gd__xfer_clear(struct gd__xfer *x)
{
	free(x->status);
	free(x->said);
	x->status = x->said = NULL;
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
		;
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

