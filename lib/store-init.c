/*
 * store-init.c - gd_store_init: a new ledger, a git repository on main
 * with gendan.yaml as its first commit.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store-private.h"

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
	gd__identity_read(NULL, &name, &email);
	if ((err = gd__identity_need(name, email)) < 0)
		goto done;
	abs = gd__xasprintf("%s/gendan.yaml", dir);
	if (access(abs, F_OK) == 0) {
		err = gd_error_set(GD_EEXISTS, _("'%s' already holds a gendan ledger"), dir);
		goto done;
	}
	if (git_repository_open_ext(&existing, dir, GIT_REPOSITORY_OPEN_NO_SEARCH,
				    NULL) == 0) {
		int empty = git_repository_is_empty(existing);
		git_repository_free(existing);
		if (empty != 1) {
			err = gd_error_set(GD_EEXISTS,
					   _("'%s' is already a git repository with commits"), dir);
			goto done;
		}
	}
	git_error_clear();
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
	if ((err = gd_store_lock(s)) < 0)
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
