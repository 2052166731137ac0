/*
 * store-sign.c - commits signed as git signs them when commit.gpgsign is
 * on (SPEC 3.3): gpg.format=ssh through `ssh-keygen -Y sign` with
 * user.signingkey, openpgp through gpg.program.
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

int gd__run_program(char *const *argv, const char *in, size_t inlen, char **out,
		    int quiet)
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
		int null = quiet ? open("/dev/null", O_WRONLY) : -1;
		dup2(to[0], 0);
		dup2(from[1], 1);
		if (null >= 0)
			dup2(null, 2);
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
	while (pid > 0 && ((n = read(from[0], *out + have, cap - have - 1)) > 0 ||
			   (n < 0 && errno == EINTR))) {
		if (n < 0)
			continue;
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
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
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
		else if (gd__run_program(argv, buf, strlen(buf), sig, 0) < 0 || !**sig)
			err = gd_error_set(GD_EIO, _("cannot sign the commit with ssh-keygen and '%s'"), key);
	} else if (!format || !strcmp(format, "openpgp")) {
		char *argv[] = {NULL, "--status-fd=2", "-bsau", NULL, NULL};
		program = config_str(cfg, "gpg.program");
		ident = gd__xasprintf("%s <%s>", committer->name, committer->email);
		argv[0] = program ? program : "gpg";
		argv[3] = key ? key : ident;
		if (gd__run_program(argv, buf, strlen(buf), sig, 0) < 0 || !**sig)
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

/* Write len bytes of text to dir/name: 0, or -1. */
static int put_file(const char *dir, const char *name, const char *text, size_t len)
{
	char *path = gd__xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(text, 1, len, f) == len;

	if (f && fclose(f) != 0)
		ok = 0;
	free(path);
	return ok ? 0 : -1;
}

static void drop_file(const char *dir, const char *name)
{
	char *path = gd__xasprintf("%s/%s", dir, name);

	unlink(path);
	free(path);
}

int gd__commit_verify(git_repository *repo, const git_oid *id,
		      const char *signer, const char *signers)
{
	git_buf sig = {0}, data = {0};
	const char *tmp = getenv("TMPDIR");
	char *dir = gd__xasprintf("%s/gendan-verify.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	char *allowed = NULL, *sigfile = NULL, *out = NULL;
	int err = 0, made = 0;

	if (git_commit_extract_signature(&sig, &data, repo, (git_oid *)id, NULL) < 0) {
		git_error_clear();
		err = gd_error_set(GD_EINVALID, _("not signed, and policy.signed asks for an ssh signature by the author's key"));
		goto done;
	}
	if (strncmp(sig.ptr, "-----BEGIN SSH SIGNATURE-----", 29)) {
		err = gd_error_set(GD_EINVALID, _("not an ssh signature, and policy.signed asks for one by the author's key"));
		goto done;
	}
	if (!mkdtemp(dir) || !(made = 1) || put_file(dir, "allowed", signers, strlen(signers)) < 0 ||
	    put_file(dir, "sig", sig.ptr, sig.size) < 0) {
		err = gd_error_set(GD_EIO, _("cannot write a temporary file in '%s'"), dir);
		goto done;
	}
	allowed = gd__xasprintf("%s/allowed", dir);
	sigfile = gd__xasprintf("%s/sig", dir);
	{
		char *argv[] = {"ssh-keygen", "-Y", "verify", "-f", allowed, "-I", (char *)signer,
				"-n", "git", "-s", sigfile, NULL};
		if (gd__run_program(argv, data.ptr, data.size, &out, 1) < 0 || !*out)
			err = gd_error_set(GD_EINVALID, _("the signature is not a valid one by a key of '%s' in the team"),
					   signer);
	}
done:
	if (made) {
		drop_file(dir, "allowed");
		drop_file(dir, "sig");
		rmdir(dir);
	}
	free(out);
	free(allowed);
	free(sigfile);
	free(dir);
	git_buf_dispose(&sig);
	git_buf_dispose(&data);
	return err;
}
