/*
 * store-ssh.c - ssh remotes through the OpenSSH program, as git reaches
 * them (SPEC 5): a libgit2 smart transport for ssh://, ssh+git://,
 * git+ssh:// and scp-like user@host:path URLs whose one stream is
 * `ssh [-p PORT] [user@]host "git-upload-pack '/path'"` (receive-pack for
 * a push), speaking pkt-lines over the child's standard input and output.
 * So known_hosts (user and system, hashed, @revoked), ~/.ssh/config, the
 * agent and ProxyJump are OpenSSH's own.  The program: $GIT_SSH_COMMAND,
 * else core.sshCommand (both through sh, as git runs them), else $GIT_SSH,
 * else ssh.  What ssh says on its error output is kept for the error when
 * it fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <git2/sys/transport.h>

#include "store-private.h"

#define SAID_MAX 2048

struct ssh_stream {
	git_smart_subtransport_stream parent;
	struct ssh_sub *owner;
	pid_t pid;
	int sock;       /* the child's standard input and output */
	int err_fd;     /* the child's error output, -1 at its end */
	char said[SAID_MAX]; /* its last words on its error output */
	size_t nsaid;
	int said_cut; /* its first line there lost its start */
	int finished, status;
};

struct ssh_sub {
	git_smart_subtransport parent;
	char *command; /* core.sshCommand of the remote's repository */
	char *variant; /* its ssh.variant */
	struct ssh_stream *current;
};

/* The remote a transport is being made for, between ssh_transport() and
 * the subtransport it makes at once (one thread: the CLI's). */
static git_remote *making_for;

/* --- what ssh says ------------------------------------------------------ */

static void said_keep(struct ssh_stream *st, const char *buf, size_t n)
{
	if (n >= SAID_MAX) {
		buf += n - (SAID_MAX - 1);
		n = SAID_MAX - 1;
		st->said_cut = 1;
	}
	if (st->nsaid + n >= SAID_MAX) {
		/* keep the last words: they say why it ended */
		size_t drop = st->nsaid + n - (SAID_MAX - 1);
		memmove(st->said, st->said + drop, st->nsaid - drop);
		st->nsaid -= drop;
		st->said_cut = 1;
	}
	memcpy(st->said + st->nsaid, buf, n);
	st->nsaid += n;
	st->said[st->nsaid] = '\0';
}

static void said_read(struct ssh_stream *st)
{
	char buf[1024];
	ssize_t n = read(st->err_fd, buf, sizeof(buf));

	if (n > 0) {
		said_keep(st, buf, (size_t)n);
	} else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
		close(st->err_fd);
		st->err_fd = -1;
	}
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * The child's end: its standard input and output closed, then reaped
 * while what it still says is read; once it has exited, what is left in
 * the pipe is read without waiting (a ControlPersist master may hold the
 * pipe open).  One that lingers past wait_ms is killed, so a transport
 * never hangs on it.
 */
static void child_finish(struct ssh_stream *st, int wait_ms)
{
	long long end = now_ms() + wait_ms;
	int exited = 0;

	if (st->finished)
		return;
	st->finished = 1;
	if (st->sock >= 0)
		shutdown(st->sock, SHUT_RDWR);
	while (!exited && now_ms() < end) {
		struct pollfd p = {st->err_fd, POLLIN, 0};
		pid_t w = waitpid(st->pid, &st->status, WNOHANG);
		/* gone when reaped, or when it is no child of ours any more
		 * (ECHILD): never a kill of a pid that may be another's now */
		exited = w == st->pid || (w < 0 && errno != EINTR);
		if (!exited && st->err_fd >= 0 && poll(&p, 1, 20) > 0) {
			said_read(st);
		} else if (!exited) {
			struct timespec ts = {0, 20000000L};
			nanosleep(&ts, NULL);
		}
	}
	while (exited && st->err_fd >= 0) {
		struct pollfd p = {st->err_fd, POLLIN, 0};
		if (poll(&p, 1, 0) <= 0)
			break;
		said_read(st);
	}
	if (!exited) {
		kill(st->pid, SIGKILL);
		while (waitpid(st->pid, &st->status, 0) < 0 && errno == EINTR)
			;
	}
}

/* One of ssh's lines, cleaned in place: no control characters, no '@'
 * banner around it; NULL when nothing is left. */
static char *line_clean(char *p)
{
	char *q;
	size_t n;

	for (q = p; *q; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			*q = '?';
	while (*p == '@' || *p == ' ')
		p++;
	n = strlen(p);
	while (n && (p[n - 1] == '@' || p[n - 1] == ' '))
		p[--n] = '\0';
	return *p ? p : NULL;
}

/* The transport's error, one line: ssh's exit and its last lines on
 * error output (those say why), joined by "; ". */
static int child_failed(struct ssh_stream *st)
{
	char lines[SAID_MAX], *p, *save = NULL, *kept[64], msg[800];
	const char *sep = ": ", *warning;
	size_t n = 0, i, len, budget = 560;

	child_finish(st, 10000);
	memcpy(lines, st->said, st->nsaid + 1);
	p = st->said_cut ? lines + strcspn(lines, "\r\n") : lines; /* no half line */
	for (p = strtok_r(p, "\r\n", &save); p; p = strtok_r(NULL, "\r\n", &save))
		if ((p = line_clean(p)) && strncmp(p, "debug", 5) != 0) { /* -v's own */
			if (n == 64)
				memmove(kept, kept + 1, --n * sizeof(*kept));
			kept[n++] = p;
		}
	/* ssh's banner ("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!"),
	 * then the last lines that fit */
	for (i = 0; i < n && !strstr(kept[i], "WARNING"); i++)
		;
	warning = i < n && strlen(kept[i]) < 200 ? kept[i] : NULL;
	if (warning)
		budget -= strlen(warning) + 2;
	for (i = n; i > 0 && strlen(kept[i - 1]) + 2 <= budget && kept[i - 1] != warning; i--)
		budget -= strlen(kept[i - 1]) + 2;
	if (WIFEXITED(st->status))
		snprintf(msg, sizeof(msg), _("ssh exited with %d"), WEXITSTATUS(st->status));
	else
		snprintf(msg, sizeof(msg), "%s", _("ssh was killed"));
	if (warning && i > 0) {
		len = strlen(msg);
		snprintf(msg + len, sizeof(msg) - len, ": %s", warning);
		sep = "; ";
	}
	for (; i < n; i++, sep = "; ") {
		len = strlen(msg);
		snprintf(msg + len, sizeof(msg) - len, "%s%s", sep, kept[i]);
	}
	git_error_set_str(GIT_ERROR_SSH, msg);
	return -1;
}

/* --- the stream ---------------------------------------------------------- */

static int stream_read(git_smart_subtransport_stream *s, char *buf, size_t size,
		       size_t *got)
{
	struct ssh_stream *st = (struct ssh_stream *)s;

	*got = 0;
	for (;;) {
		struct pollfd p[2] = {{st->sock, POLLIN, 0}, {st->err_fd, POLLIN, 0}};
		ssize_t n;

		if (poll(p, st->err_fd >= 0 ? 2 : 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			git_error_set_str(GIT_ERROR_OS, _("cannot read from ssh"));
			return -1;
		}
		if (st->err_fd >= 0 && p[1].revents)
			said_read(st);
		if (!p[0].revents)
			continue;
		n = recv(st->sock, buf, size, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n > 0) {
			*got = (size_t)n;
			return 0;
		}
		/* the end: a clean one only when ssh says it went well */
		child_finish(st, 10000);
		if (n == 0 && WIFEXITED(st->status) && WEXITSTATUS(st->status) == 0)
			return 0;
		return child_failed(st);
	}
}

static int stream_write(git_smart_subtransport_stream *s, const char *buf, size_t len)
{
	struct ssh_stream *st = (struct ssh_stream *)s;

	while (len) {
		/* what ssh says is read while it is written to: a full error
		 * pipe would stop it reading, and this write with it */
		struct pollfd p[2] = {{st->sock, POLLOUT, 0}, {st->err_fd, POLLIN, 0}};
		ssize_t n;

		if (poll(p, st->err_fd >= 0 ? 2 : 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			return child_failed(st);
		}
		if (st->err_fd >= 0 && p[1].revents)
			said_read(st);
		if (!p[0].revents)
			continue;
		n = send(st->sock, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			return child_failed(st);
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

static void stream_free(git_smart_subtransport_stream *s)
{
	struct ssh_stream *st = (struct ssh_stream *)s;

	child_finish(st, 5000);
	if (st->sock >= 0)
		close(st->sock);
	if (st->err_fd >= 0)
		close(st->err_fd);
	if (st->owner && st->owner->current == st)
		st->owner->current = NULL;
	free(st);
}

/* --- the URL and the command --------------------------------------------- */

/* An ssh URL's parts, as git reads them; each to free. */
struct ssh_url {
	char *host; /* [user@]host */
	char *port; /* NULL: ssh's own choice */
	char *path;
};

static void url_clear(struct ssh_url *u)
{
	free(u->host);
	free(u->port);
	free(u->path);
}

/* ssh://[user@]host[:port]/path (and ssh+git://, git+ssh://), else scp-like
 * [user@]host:path; "/~" starts a path relative to a home, as in git. */
static int url_parse(struct ssh_url *u, const char *url)
{
	static const char *const schemes[] = {"ssh://", "ssh+git://", "git+ssh://"};
	const char *rest = NULL, *slash, *colon, *at, *close_br;
	size_t i;

	memset(u, 0, sizeof(*u));
	for (i = 0; i < 3 && !rest; i++)
		if (!strncasecmp(url, schemes[i], strlen(schemes[i])))
			rest = url + strlen(schemes[i]);
	if (rest) {
		if (!(slash = strchr(rest, '/')))
			return -1;
		at = memchr(rest, '@', (size_t)(slash - rest));
		at = at ? at + 1 : rest;
		close_br = *at == '[' ? memchr(at, ']', (size_t)(slash - at)) : NULL;
		colon = memchr(close_br ? close_br : at, ':', (size_t)(slash - (close_br ? close_br : at)));
		if (colon && colon + 1 < slash)
			u->port = strndup(colon + 1, (size_t)(slash - colon - 1));
		u->host = strndup(rest, (size_t)((colon ? colon : slash) - rest));
		u->path = gd__xstrdup(slash[1] == '~' ? slash + 1 : slash);
	} else {
		colon = strchr(url, ':');
		at = strchr(url, '@');
		at = at && colon && at < colon ? at + 1 : url;
		close_br = *at == '[' ? strchr(at, ']') : NULL;
		colon = strchr(close_br ? close_br : url, ':');
		if (!colon)
			return -1;
		u->host = strndup(url, (size_t)(colon - url));
		u->path = gd__xstrdup(colon + 1);
	}
	if (!u->host)
		abort();
	/* "[host]" as a whole: without the brackets */
	at = strchr(u->host, '@');
	at = at ? at + 1 : u->host;
	if (*at == '[' && at[strlen(at) - 1] == ']') {
		memmove((char *)at, at + 1, strlen(at));
		((char *)at)[strlen(at) - 1] = '\0';
	}
	return 0;
}

/* git's sq_quote: in single quotes, ' and ! outside them. */
static char *sq_quote(const char *s)
{
	char *out = gd__xmalloc(strlen(s) * 4 + 3), *o = out;

	*o++ = '\'';
	for (; *s; s++) {
		if (*s == '\'' || *s == '!') {
			*o++ = '\'';
			*o++ = '\\';
			*o++ = *s;
			*o++ = '\'';
		} else {
			*o++ = *s;
		}
	}
	*o++ = '\'';
	*o = '\0';
	return out;
}

/*
 * The kind of ssh program, as git tells them (git-config(1) ssh.variant):
 * OpenSSH takes -p PORT; PuTTY's plink and putty take -P PORT;
 * TortoiseGit's tortoiseplink takes -P PORT and -batch; a "simple" one
 * takes nothing but the host and the command.
 */
enum ssh_variant { V_AUTO, V_SSH, V_SIMPLE, V_PLINK, V_TORTOISE };

/* A variant by its ssh.variant / GIT_SSH_VARIANT name: any other is ssh. */
static enum ssh_variant variant_named(const char *name)
{
	if (!strcmp(name, "auto"))
		return V_AUTO;
	if (!strcmp(name, "simple"))
		return V_SIMPLE;
	if (!strcmp(name, "plink") || !strcmp(name, "putty"))
		return V_PLINK;
	if (!strcmp(name, "tortoiseplink"))
		return V_TORTOISE;
	return V_SSH;
}

/* A variant by the program's base name (with or without ".exe", any
 * case); V_AUTO when it says nothing. */
static enum ssh_variant variant_of_program(const char *prog, size_t len)
{
	static const char *const names[] = {"ssh", "plink", "putty", "tortoiseplink"};
	static const enum ssh_variant kinds[] = {V_SSH, V_PLINK, V_PLINK, V_TORTOISE};
	const char *base = prog;
	size_t i, n;

	for (i = 0; i < len; i++)
		if (prog[i] == '/' || prog[i] == '\\')
			base = prog + i + 1;
	n = len - (size_t)(base - prog);
	if (n > 4 && !strncasecmp(base + n - 4, ".exe", 4))
		n -= 4;
	for (i = 0; i < 4; i++)
		if (n == strlen(names[i]) && !strncasecmp(base, names[i], n))
			return kinds[i];
	return V_AUTO;
}

/* The first word of a shell command (its quotes taken off), for its base
 * name; NULL when there is none.  To free. */
static char *first_word(const char *cmd)
{
	char *w = gd__xmalloc(strlen(cmd) + 1), *o = w;
	char q = 0;

	cmd += strspn(cmd, " \t\n");
	for (; *cmd && (q || !strchr(" \t\n", *cmd)); cmd++) {
		if (q && *cmd == q)
			q = 0;
		else if (!q && (*cmd == '\'' || *cmd == '"'))
			q = *cmd;
		else if (*cmd == '\\' && q != '\'' && cmd[1])
			*o++ = *++cmd;
		else
			*o++ = *cmd;
	}
	*o = '\0';
	if (!*w) {
		free(w);
		return NULL;
	}
	return w;
}

/* In the child: run argv with nothing in, nothing out; its exit status,
 * -1 when it could not be run or had not ended after 5 seconds (then it
 * is killed: a probe never hangs). */
static int run_quietly(const char *prog, const char *const *argv)
{
	int status, fd;
	long long end = now_ms() + 5000;
	pid_t w, pid = fork();

	if (pid == 0) {
		fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execvp(prog, (char *const *)argv);
		_exit(127);
	}
	if (pid < 0)
		return -1;
	while (((w = waitpid(pid, &status, WNOHANG)) == 0 || (w < 0 && errno == EINTR)) &&
	       now_ms() < end) {
		struct timespec ts = {0, 20000000L};
		nanosleep(&ts, NULL);
	}
	if (w == 0 || (w < 0 && errno == EINTR)) { /* still ours, still running */
		kill(pid, SIGKILL);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		return -1;
	}
	return w == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* In the child: the variant git would use for this program: GIT_SSH_VARIANT,
 * else ssh.variant, else the program's name, else (auto) OpenSSH when it
 * takes -G (print its configuration), else simple. */
static enum ssh_variant variant_find(const char *config_variant, const char *prog, int is_cmd,
				     const char *const *argv, size_t n, const struct ssh_url *u)
{
	const char *env = getenv("GIT_SSH_VARIANT"), *probe[16];
	enum ssh_variant v = V_AUTO;
	char *word;
	size_t i;

	if (env && *env)
		v = variant_named(env);
	else if (config_variant && *config_variant)
		v = variant_named(config_variant);
	else if (!is_cmd)
		v = variant_of_program(prog, strlen(prog));
	else if ((word = first_word(argv[3]))) {
		v = variant_of_program(word, strlen(word));
		free(word);
	} else {
		v = V_SSH;
	}
	if (v != V_AUTO)
		return v;
	for (i = 0; i < n; i++)
		probe[i] = argv[i];
	probe[n++] = "-G";
	if (u->port) {
		probe[n++] = "-p";
		probe[n++] = u->port;
	}
	probe[n++] = u->host;
	probe[n] = NULL;
	return run_quietly(prog, probe) == 0 ? V_SSH : V_SIMPLE;
}

/* In the child: run the ssh program git would run, with the options its
 * variant takes. */
static void child_exec(const char *config_cmd, const char *config_variant,
		       const struct ssh_url *u, const char *remote_cmd)
{
	const char *cmd = getenv("GIT_SSH_COMMAND"), *prog = getenv("GIT_SSH");
	const char *argv[12];
	size_t n = 0;
	char *script = NULL;
	enum ssh_variant v;

	if (!cmd || !*cmd)
		cmd = config_cmd;
	if (cmd && *cmd) {
		script = gd__xasprintf("%s \"$@\"", cmd);
		argv[n++] = "sh";
		argv[n++] = "-c";
		argv[n++] = script;
		argv[n++] = cmd;
		prog = "/bin/sh";
	} else {
		if (!prog || !*prog)
			prog = "ssh";
		argv[n++] = prog;
	}
	v = variant_find(config_variant, prog, script != NULL, argv, n, u);
	if (v == V_SIMPLE && u->port) {
		dprintf(2, "%s\n", _("ssh variant 'simple' does not support setting a port"));
		_exit(128);
	}
	if (v == V_TORTOISE)
		argv[n++] = "-batch";
	if (u->port) {
		argv[n++] = v == V_SSH ? "-p" : "-P";
		argv[n++] = u->port;
	}
	argv[n++] = u->host;
	argv[n++] = remote_cmd;
	argv[n] = NULL;
	execvp(prog, (char *const *)argv);
	dprintf(2, "cannot run %s: %s\n", prog, strerror(errno));
	_exit(127);
}

static int spawn(struct ssh_stream *st, const struct ssh_sub *t, const struct ssh_url *u,
		 const char *remote_cmd)
{
	int sv[2], ev[2];

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	if (pipe2(ev, O_CLOEXEC) < 0) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	if ((st->pid = fork()) == 0) {
		dup2(sv[1], 0);
		dup2(sv[1], 1);
		dup2(ev[1], 2);
		child_exec(t->command, t->variant, u, remote_cmd);
	}
	close(sv[1]);
	close(ev[1]);
	st->sock = sv[0];
	st->err_fd = ev[0];
	if (st->pid < 0) {
		st->finished = 1;
		return -1;
	}
	return 0;
}

/* --- the subtransport ---------------------------------------------------- */

static int sub_action(git_smart_subtransport_stream **out, git_smart_subtransport *sub,
		      const char *url, git_smart_service_t action)
{
	struct ssh_sub *t = (struct ssh_sub *)sub;
	const char *program = "git-upload-pack";
	struct ssh_stream *st;
	struct ssh_url u;
	char *quoted, *remote_cmd;
	const char *h;
	int err = 0;

	if (action == GIT_SERVICE_UPLOADPACK || action == GIT_SERVICE_RECEIVEPACK) {
		if (!t->current) {
			git_error_set_str(GIT_ERROR_NET, "ssh: no connection to use");
			return -1;
		}
		*out = &t->current->parent;
		return 0;
	}
	if (action == GIT_SERVICE_RECEIVEPACK_LS)
		program = "git-receive-pack";
	if (url_parse(&u, url) < 0) {
		git_error_set_str(GIT_ERROR_NET, _("not an ssh URL"));
		return -1;
	}
	h = strchr(u.host, '@') ? strchr(u.host, '@') + 1 : u.host;
	if (*u.host == '-' || *h == '-' || !*h || (u.port && *u.port == '-')) {
		/* as git: never an option to ssh */
		git_error_set_str(GIT_ERROR_NET, _("strange host name in the ssh URL"));
		url_clear(&u);
		return -1;
	}
	quoted = sq_quote(u.path);
	remote_cmd = gd__xasprintf("%s %s", program, quoted);
	st = gd__xmalloc(sizeof(*st));
	memset(st, 0, sizeof(*st));
	st->parent.read = stream_read;
	st->parent.write = stream_write;
	st->parent.free = stream_free;
	st->sock = st->err_fd = -1;
	if (spawn(st, t, &u, remote_cmd) < 0) {
		git_error_set_str(GIT_ERROR_OS, _("cannot run ssh"));
		stream_free(&st->parent);
		err = -1;
	} else {
		st->owner = t;
		t->current = st;
		*out = &st->parent;
	}
	free(remote_cmd);
	free(quoted);
	url_clear(&u);
	return err;
}

static int sub_close(git_smart_subtransport *sub)
{
	(void)sub;
	return 0;
}

static void sub_free(git_smart_subtransport *sub)
{
	struct ssh_sub *t = (struct ssh_sub *)sub;

	if (t->current)
		t->current->owner = NULL;
	free(t->command);
	free(t->variant);
	free(t);
}

static int sub_new(git_smart_subtransport **out, git_transport *owner, void *param)
{
	struct ssh_sub *t = gd__xmalloc(sizeof(*t));
	git_repository *repo = making_for ? git_remote_owner(making_for) : NULL;
	git_config *cfg = NULL;
	git_buf cmd = {NULL, 0, 0};

	(void)owner;
	(void)param;
	memset(t, 0, sizeof(*t));
	t->parent.action = sub_action;
	t->parent.close = sub_close;
	t->parent.free = sub_free;
	if ((repo ? git_repository_config_snapshot(&cfg, repo) : git_config_open_default(&cfg)) == 0 &&
	    git_config_get_string_buf(&cmd, cfg, "core.sshCommand") == 0)
		t->command = gd__xstrdup(cmd.ptr);
	git_buf_dispose(&cmd);
	if (cfg && git_config_get_string_buf(&cmd, cfg, "ssh.variant") == 0)
		t->variant = gd__xstrdup(cmd.ptr);
	git_error_clear();
	git_buf_dispose(&cmd);
	git_config_free(cfg);
	*out = &t->parent;
	return 0;
}

static int ssh_transport(git_transport **out, git_remote *owner, void *param)
{
	static git_smart_subtransport_definition def = {sub_new, 0, NULL};
	int err;

	(void)param;
	making_for = owner;
	err = git_transport_smart(out, owner, &def);
	making_for = NULL;
	return err;
}

void gd__ssh_register(void)
{
	static const char *const schemes[] = {"ssh", "ssh+git", "git+ssh"};
	static int done;
	size_t i;

	if (done)
		return;
	done = 1;
	/* libgit2 hands scp-like URLs to whatever "ssh" is */
	for (i = 0; i < 3; i++)
		if (git_transport_register(schemes[i], ssh_transport, NULL) < 0)
			git_error_clear();
}
