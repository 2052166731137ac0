/*
 * store-sign.c - commits signed as git signs them when commit.gpgsign is
 * on (SPEC 3.3): gpg.format=ssh through `ssh-keygen -Y sign` with
 * user.signingkey, openpgp through gpg.program.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-private.h"

static char *config_str(git_config *cfg, const char *key)
{
	git_buf b = {0};
	char *s = NULL;

	if (git_config_get_string_buf(&b, cfg, key) == 0 && b.ptr && *b.ptr)
		s = gd__xstrdup(b.ptr);
	git_buf_dispose(&b);
	git_error_clear();
	return s;
}

/* Run argv with in on its standard input; its standard output into
 * *out.  0 when it exits 0. */
static int filter(char *const *argv, const char *in, size_t inlen, char **out)
{
	int to[2], from[2], status = 0;
	size_t have = 0, cap = 4096;
	struct sigaction ign, old;
	ssize_t n;
	pid_t pid;

	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;

	*out = NULL;
	if (pipe(to) < 0)
		return -1;
	if (pipe(from) < 0) {
		close(to[0]);
		close(to[1]);
		return -1;
	}
	if ((pid = fork()) == 0) {
		dup2(to[0], 0);
		dup2(from[1], 1);
		close(to[0]);
		close(to[1]);
		close(from[0]);
		close(from[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(to[0]);
	close(from[1]);
	/* a signer that exits before reading all is a failure, not a
	 * SIGPIPE that kills gendan */
	sigaction(SIGPIPE, &ign, &old);
	while (pid > 0 && inlen > 0 && (n = write(to[1], in, inlen)) > 0) {
		in += n;
		inlen -= (size_t)n;
	}
	sigaction(SIGPIPE, &old, NULL);
	close(to[1]);
	*out = gd__xmalloc(cap);
	while (pid > 0 && (n = read(from[0], *out + have, cap - have - 1)) > 0) {
		have += (size_t)n;
		if (cap - have < 2) {
			cap *= 2;
			if (!(*out = realloc(*out, cap)))
				abort();
		}
	}
	(*out)[have] = '\0';
	close(from[0]);
	if (pid < 0)
		return -1;
	while (waitpid(pid, &status, 0) < 0)
		;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 && have ? 0 : -1;
}

/* The signature of buf as the user's git config would make it. */
static int sign(char **sig, git_config *cfg, const char *buf, const git_signature *committer)
{
	char *format = config_str(cfg, "gpg.format"), *key = config_str(cfg, "user.signingkey");
	char *program = NULL, *ident = NULL;
	int err = 0;

	*sig = NULL;
	if (format && !strcmp(format, "ssh")) {
		char *argv[] = {"ssh-keygen", "-Y", "sign", "-n", "git", "-f", key, NULL};
		if (!key)
			err = gd_error_set(GD_EINVALID, _("commit.gpgsign: gpg.format ssh needs user.signingkey"));
		else if (filter(argv, buf, strlen(buf), sig) < 0)
			err = gd_error_set(GD_EIO, _("cannot sign the commit with ssh-keygen and '%s'"), key);
	} else if (!format || !strcmp(format, "openpgp")) {
		char *argv[] = {NULL, "--status-fd=2", "-bsau", NULL, NULL};
		program = config_str(cfg, "gpg.program");
		ident = gd__xasprintf("%s <%s>", committer->name, committer->email);
		argv[0] = program ? program : "gpg";
		argv[3] = key ? key : ident;
		if (filter(argv, buf, strlen(buf), sig) < 0)
			err = gd_error_set(GD_EIO, _("cannot sign the commit with '%s'"), argv[0]);
	} else {
		err = gd_error_set(GD_EINVALID, _("gpg.format '%s': gendan signs with ssh or openpgp"),
				   format);
	}
	if (err < 0) {
		free(*sig);
		*sig = NULL;
	}
	free(format);
	free(key);
	free(program);
	free(ident);
	return err;
}

int gd__commit_create(git_oid *out, gd_store *s, const git_signature *author,
		      const git_signature *committer, const char *message,
		      const git_tree *tree, size_t n, const git_commit **parents)
{
	git_config *cfg = NULL;
	git_buf buf = {0};
	char *sig = NULL;
	int on = 0, err = 0;

	if (git_repository_config_snapshot(&cfg, s->repo) < 0 ||
	    git_config_get_bool(&on, cfg, "commit.gpgsign") < 0)
		on = 0;
	git_error_clear();
	if (!on) {
		if (git_commit_create(out, s->repo, NULL, author, committer, NULL, message, tree, n,
				      parents) < 0)
			err = gd__git_fail(GD_EIO, _("cannot commit"));
		goto done;
	}
	if (git_commit_create_buffer(&buf, s->repo, author, committer, NULL, message, tree, n,
				     parents) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot commit"));
		goto done;
	}
	if ((err = sign(&sig, cfg, buf.ptr, committer)) < 0)
		goto done;
	if (git_commit_create_with_signature(out, s->repo, buf.ptr, sig, NULL) < 0)
		err = gd__git_fail(GD_EIO, _("cannot commit"));
done:
	free(sig);
	git_buf_dispose(&buf);
	git_config_free(cfg);
	return err;
}
