/*
 * store-init.c - gd_store_init: a new ledger, a git repository on main
 * with gendan.yaml as its first commit.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-private.h"

static int set_bools(git_repository *repo)
{
	static const char *const keys[] = {"receive.denyNonFastForwards", "receive.denyDeletes",
					   "receive.fsckObjects", "core.logAllRefUpdates"};
	git_config *cfg = NULL;
	size_t i;
	int err = 0;

	if (git_repository_config(&cfg, repo) < 0)
		return gd__git_fail(GD_EIO, _("cannot write the repository's configuration"));
	for (i = 0; i < sizeof(keys) / sizeof(*keys) && !err; i++)
		if (git_config_set_bool(cfg, keys[i], 1) < 0)
			err = gd__git_fail(GD_EIO, _("cannot write the repository's configuration"));
	git_config_free(cfg);
	return err;
}

/* hooks/pre-receive: exec program check --hook, the path quoted for sh. */
static int write_hook(git_repository *repo, const char *program)
{
	char *path = gd__xasprintf("%shooks/pre-receive", git_repository_path(repo));
	FILE *f = NULL;
	const char *p;
	int err = 0;

	if (!(f = fopen(path, "w"))) {
		err = gd_error_set(GD_EIO, _("cannot write '%s'"), path);
		goto done;
	}
	fputs("#!/bin/sh\n# gendan: the shared ledger's rules (SPEC 5)\nexec '", f);
	for (p = program; *p; p++)
		fputs(*p == '\'' ? "'\\''" : (char[]){*p, 0}, f);
	fputs("' check --hook\n", f);
	if (fclose(f) != 0 || chmod(path, 0755) < 0)
		err = gd_error_set(GD_EIO, _("cannot write '%s'"), path);
done:
	free(path);
	return err;
}

int gd_store_init_bare(const char *dir, const char *program)
{
	git_repository_init_options opts;
	git_repository *repo = NULL;
	int err;

	gd__git_init();
	if (git_repository_open_ext(&repo, dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) == 0) {
		err = gd_error_set(GD_EEXISTS, _("'%s' is already a git repository"), dir);
		goto done;
	}
	git_error_clear();
	if (git_repository_init_options_init(&opts, GIT_REPOSITORY_INIT_OPTIONS_VERSION) < 0) {
		err = gd__git_fail(GD_ERROR, _("cannot create the git repository"));
		goto done;
	}
	opts.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_BARE;
	opts.initial_head = "main";
	if (git_repository_init_ext(&repo, dir, &opts) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot create the git repository"));
		goto done;
	}
	if ((err = set_bools(repo)) == 0)
		err = write_hook(repo, program);
done:
	git_repository_free(repo);
	git_libgit2_shutdown();
	return err;
}

/* An unborn HEAD, whatever branch it names, and no refs: libgit2's
 * is_empty wants HEAD on init.defaultBranch. */
static int no_commits(git_repository *repo)
{
	git_reference_iterator *it = NULL;
	git_reference *ref = NULL;
	int none;

	if (git_repository_head_unborn(repo) != 1 || git_reference_iterator_new(&it, repo) < 0)
		return 0;
	none = git_reference_next(&ref, it) == GIT_ITEROVER;
	git_reference_free(ref);
	git_reference_iterator_free(it);
	return none;
}

/* An empty repository's unborn HEAD (git's master) becomes main. */
static int head_to_main(git_repository *repo)
{
	git_reference *ref = NULL;
	int err = 0;

	if (git_repository_head_unborn(repo) == 1 &&
	    git_reference_symbolic_create(&ref, repo, "HEAD", "refs/heads/main", 1, NULL) < 0)
		err = gd__git_fail(GD_EIO, _("cannot create the git repository"));
	git_reference_free(ref);
	return err;
}

int gd_store_init(const char *dir, const char *config_text, const char *remote_url)
{
	git_repository_init_options opts;
	git_remote *remote = NULL;
	gd_store *s = NULL;
	gd_change *c = NULL;
	char *name = NULL, *email = NULL, *msg = NULL, *abs = NULL;
	char *paths[1] = {"gendan.yaml"};
	git_repository *existing = NULL;
	int err, committed = 0;

	gd__git_init();
	abs = gd__xasprintf("%s/gendan.yaml", dir);
	if (access(abs, F_OK) == 0) {
		err = gd_error_set(GD_EEXISTS, _("'%s' already holds a gendan ledger"), dir);
		goto done;
	}
	if (git_repository_open_ext(&existing, dir, GIT_REPOSITORY_OPEN_NO_SEARCH,
				    NULL) == 0) {
		int empty = no_commits(existing);
		/* a repository of one's own may hold one's identity */
		gd__identity_read(existing, &name, &email);
		git_repository_free(existing);
		if (!empty) {
			err = gd_error_set(GD_EEXISTS,
					   _("'%s' is already a git repository with commits"), dir);
			goto done;
		}
	}
	git_error_clear();
	if (!name && !email)
		gd__identity_read(NULL, &name, &email);
	if ((err = gd__identity_need(name, email)) < 0)
		goto done;
	s = gd__xcalloc(1, sizeof(*s));
	s->lock_fd = -1;
	gd__git_init();
	if (git_repository_init_options_init(&opts,
					     GIT_REPOSITORY_INIT_OPTIONS_VERSION) < 0) {
		err = gd__git_fail(GD_ERROR, _("cannot create the git repository"));
		goto done;
	}
	opts.flags = GIT_REPOSITORY_INIT_MKPATH;
	opts.initial_head = "main";
	if (git_repository_init_ext(&s->repo, dir, &opts) < 0) {
		err = gd__git_fail(GD_EIO, _("cannot create the git repository"));
		goto done;
	}
	{
		const char *wd = git_repository_workdir(s->repo);
		size_t len;
		s->root = gd__xstrdup(wd ? wd : dir);
		len = strlen(s->root);
		while (len > 1 && s->root[len - 1] == '/')
			s->root[--len] = '\0';
	}
	s->name = name;
	s->email = email;
	s->identity_read = 1;
	name = email = NULL;
	if (remote_url && git_remote_create(&remote, s->repo, "origin", remote_url) < 0) {
		err = gd__git_fail(GD_EINVALID, _("cannot add the remote"));
		goto done;
	}
	if ((err = head_to_main(s->repo)) < 0 || (err = gd_store_lock(s)) < 0)
		goto done;
	c = gd_change_new();
	gd_change_write(c, "gendan.yaml", config_text, strlen(config_text));
	msg = gd_store_message("init: new ledger", "init", paths, 1);
	err = gd_store_apply(s, c, msg, &committed);
done:
	git_remote_free(remote);
	gd_change_free(c);
	gd_store_free(s);
	free(msg);
	free(abs);
	free(name);
	free(email);
	git_libgit2_shutdown();
	return err;
}
