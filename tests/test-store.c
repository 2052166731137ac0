/*
 * test-store.c - the ledger as a git repository: init, open, apply,
 * commit, status and the lock, on real repositories in temp directories.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "gendan/error.h"
#include "gendan/store.h"

static char tmp[256];

/* The whole output of a shell command. */
static char *run(const char *fmt, ...)
{
	char cmd[1024], *out = calloc(1, 65536);
	va_list ap;
	FILE *p;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	assert_non_null(p = popen(cmd, "r"));
	n = fread(out, 1, 65535, p);
	out[n] = '\0';
	pclose(p);
	return out;
}

static void expect(char *got, const char *want)
{
	assert_string_equal(got, want);
	free(got);
}

static int setup(void **state)
{
	(void)state;
	snprintf(tmp, sizeof(tmp), "/tmp/gendan-store.XXXXXX");
	if (!mkdtemp(tmp))
		return -1;
	setenv("HOME", tmp, 1);
	setenv("XDG_CONFIG_HOME", tmp, 1);
	setenv("GIT_AUTHOR_NAME", "Li Lei", 1);
	setenv("GIT_AUTHOR_EMAIL", "li.lei@example.com", 1);
	setenv("GIT_COMMITTER_NAME", "Li Lei", 1);
	setenv("GIT_COMMITTER_EMAIL", "li.lei@example.com", 1);
	unsetenv("GENDAN_DIR");
	/* set by `git rebase -x` and hooks: git would act on that repository */
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	unsetenv("GIT_INDEX_FILE");
	return 0;
}

static int teardown(void **state)
{
	char *out;

	(void)state;
	out = run("rm -rf '%s'", tmp);
	free(out);
	return 0;
}

static gd_store *new_ledger(const char *name)
{
	char dir[512];
	gd_store *s = NULL;

	snprintf(dir, sizeof(dir), "%s/%s", tmp, name);
	assert_int_equal(gd_store_init(dir, "gendan: 1\n", NULL), 0);
	assert_int_equal(gd_store_open(&s, dir), 0);
	return s;
}

static void test_store__init_makes_main_with_one_commit(void **state)
{
	gd_store *s = new_ledger("l");
	char dir[512];

	(void)state;
	snprintf(dir, sizeof(dir), "%s/l", tmp);
	expect(run("git -C %s symbolic-ref --short HEAD", dir), "main\n");
	expect(run("git -C %s rev-list --count HEAD", dir), "1\n");
	expect(run("git -C %s log -1 --format=%%B", dir),
	       "init: new ledger\n\nGendan-Action: init\nGendan-Record: gendan.yaml\n\n");
	expect(run("git -C %s status --porcelain", dir), "");
	assert_int_equal(gd_store_init(dir, "gendan: 1\n", NULL), GD_EEXISTS);
	gd_store_free(s);
}

static void test_store__init_without_identity_creates_nothing(void **state)
{
	char dir[512];
	struct stat st;

	(void)state;
	unsetenv("GIT_AUTHOR_NAME");
	unsetenv("GIT_AUTHOR_EMAIL");
	snprintf(dir, sizeof(dir), "%s/noid", tmp);
	assert_int_equal(gd_store_init(dir, "gendan: 1\n", NULL), GD_EIDENTITY);
	assert_non_null(strstr(gd_error_last(), "user.email"));
	assert_int_not_equal(stat(dir, &st), 0);
}

static void test_store__open_finds_the_ledger(void **state)
{
	gd_store *s = new_ledger("l"), *t = NULL;
	char dir[512], sub[600], cwd[4096], *root;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/l", tmp);
	root = realpath(dir, NULL);
	assert_string_equal(gd_store_root(s), root);
	snprintf(sub, sizeof(sub), "%s/customers/ab", dir);
	free(run("mkdir -p %s", sub));
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(sub), 0);
	assert_int_equal(gd_store_open(&t, NULL), 0);
	assert_string_equal(gd_store_root(t), root);
	gd_store_free(t);
	assert_int_equal(chdir(cwd), 0);
	setenv("GENDAN_DIR", dir, 1);
	assert_int_equal(gd_store_open(&t, NULL), 0);
	assert_string_equal(gd_store_root(t), root);
	gd_store_free(t);
	unsetenv("GENDAN_DIR");
	assert_int_equal(gd_store_open(&t, tmp), GD_ENOTFOUND);
	assert_null(t);
	assert_non_null(strstr(gd_error_last(), "not a gendan ledger"));
	free(root);
	gd_store_free(s);
}

static void test_store__apply_commits_once_and_leaves_status_clean(void **state)
{
	gd_store *s = new_ledger("l");
	gd_change *c = gd_change_new();
	char dir[512], *msg;
	char *paths[] = {"customers/3f/acme.yaml"};
	int committed = -1;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/l", tmp);
	gd_change_write(c, "customers/3f/acme.yaml", "name: ACME\n", 11);
	msg = gd_store_message("add: acme (customer) ACME", "add", paths, 1);
	assert_int_equal(gd_store_apply(s, c, msg, &committed), 0);
	assert_int_equal(committed, 1);
	expect(run("git -C %s rev-list --count HEAD", dir), "2\n");
	expect(run("git -C %s show HEAD:customers/3f/acme.yaml", dir), "name: ACME\n");
	expect(run("git -C %s status --porcelain", dir), "");
	expect(run("ls -A %s/customers/3f", dir), "acme.yaml\n");
	/* the same content again: no commit */
	assert_int_equal(gd_store_apply(s, c, msg, &committed), 0);
	assert_int_equal(committed, 0);
	expect(run("git -C %s rev-list --count HEAD", dir), "2\n");
	/* a deletion */
	gd_change_free(c);
	c = gd_change_new();
	gd_change_remove(c, "customers/3f/acme.yaml");
	assert_int_equal(gd_store_apply(s, c, msg, &committed), 0);
	assert_int_equal(committed, 1);
	expect(run("git -C %s ls-files customers", dir), "");
	expect(run("git -C %s status --porcelain", dir), "");
	free(msg);
	gd_change_free(c);
	gd_store_free(s);
}

static void test_store__hand_edits_are_seen_and_committed(void **state)
{
	gd_store *s = new_ledger("l");
	gd_change *c = gd_change_new();
	char dir[512], **paths = NULL;
	size_t n = 0, i;
	int dirty = -1, committed;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/l", tmp);
	gd_change_write(c, "customers/3f/acme.yaml", "name: ACME\n", 11);
	assert_int_equal(gd_store_apply(s, c, "add\n", &committed), 0);
	assert_int_equal(gd_store_path_dirty(s, "customers/3f/acme.yaml", &dirty), 0);
	assert_int_equal(dirty, 0);
	free(run("echo 'tier: A' >> %s/customers/3f/acme.yaml", dir));
	free(run("mkdir -p %s/customers/00 && echo 'name: X' > %s/customers/00/x.yaml", dir, dir));
	assert_int_equal(gd_store_path_dirty(s, "customers/3f/acme.yaml", &dirty), 0);
	assert_int_equal(dirty, 1);
	assert_int_equal(gd_store_path_dirty(s, "customers/00/x.yaml", &dirty), 0);
	assert_int_equal(dirty, 1);
	assert_int_equal(gd_store_path_dirty(s, "customers/00/none.yaml", &dirty), 0);
	assert_int_equal(dirty, 0);
	assert_int_equal(gd_store_changed_paths(s, &paths, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(paths[0], "customers/00/x.yaml");
	assert_string_equal(paths[1], "customers/3f/acme.yaml");
	assert_int_equal(gd_store_commit_paths(s, paths, n, "commit: hand edits\n"), 0);
	expect(run("git -C %s status --porcelain", dir), "");
	expect(run("git -C %s rev-list --count HEAD", dir), "3\n");
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	gd_change_free(c);
	gd_store_free(s);
}

/* A path given twice, a path removed and a path in a new folder: one
 * commit, HEAD's tree with just those changes. */
static void test_store__commit_paths_twice_and_removed(void **state)
{
	gd_store *s = new_ledger("l");
	gd_change *c = gd_change_new();
	char dir[512];
	char *paths[] = {"customers/3f/acme.yaml", "customers/7a/new.yaml",
			 "customers/3f/acme.yaml", "customers/00/gone.yaml"};
	char *head;
	int committed;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/l", tmp);
	gd_change_write(c, "customers/3f/acme.yaml", "name: ACME\n", 11);
	gd_change_write(c, "customers/00/gone.yaml", "name: Gone\n", 11);
	assert_int_equal(gd_store_apply(s, c, "add\n", &committed), 0);
	free(run("echo 'tier: A' >> %s/customers/3f/acme.yaml && rm %s/customers/00/gone.yaml"
		 " && mkdir -p %s/customers/7a && echo 'name: New' > %s/customers/7a/new.yaml",
		 dir, dir, dir, dir));
	assert_int_equal(gd_store_commit_paths(s, paths, 4, "commit: hand edits\n"), 0);
	expect(run("git -C %s status --porcelain", dir), "");
	expect(run("git -C %s diff-tree --no-commit-id --name-status -r HEAD", dir),
	       "D\tcustomers/00/gone.yaml\nM\tcustomers/3f/acme.yaml\nA\tcustomers/7a/new.yaml\n");
	head = run("git -C %s rev-parse 'HEAD^{tree}'", dir);
	expect(run("git -C %s write-tree", dir), head);
	free(head);
	gd_change_free(c);
	gd_store_free(s);
}

static void test_store__message_trailers(void **state)
{
	char *paths[101], *msg;
	size_t i;

	(void)state;
	for (i = 0; i < 101; i++)
		paths[i] = "customers/00/x.yaml";
	msg = gd_store_message("log: acme (phone) hi", "log", paths, 1);
	assert_string_equal(msg, "log: acme (phone) hi\n\nGendan-Action: log\n"
				 "Gendan-Record: customers/00/x.yaml\n");
	free(msg);
	msg = gd_store_message("import: 101 records", "import", paths, 101);
	assert_string_equal(msg, "import: 101 records\n\nGendan-Action: import\n"
				 "Gendan-Records: 101\n");
	free(msg);
}

static void test_store__the_lock_is_held(void **state)
{
	gd_store *s = new_ledger("l");
	char path[600];
	int fd;

	(void)state;
	assert_int_equal(gd_store_lock(s), 0);
	snprintf(path, sizeof(path), "%s/l/.git/gendan.lock", tmp);
	fd = open(path, O_RDWR);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), -1);
	gd_store_unlock(s);
	assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), 0);
	close(fd);
	gd_store_free(s);
}

static void test_store__identity_from_environment(void **state)
{
	gd_store *s = new_ledger("l");
	const char *name, *email;

	(void)state;
	assert_int_equal(gd_store_identity(s, &name, &email), 0);
	assert_string_equal(name, "Li Lei");
	assert_string_equal(email, "li.lei@example.com");
	assert_string_equal(gd_store_me(s), "li.lei@example.com");
	gd_store_free(s);
}

static void test_store__init_refuses_a_repository_with_commits(void **state)
{
	char dir[512];

	(void)state;
	snprintf(dir, sizeof(dir), "%s/repo", tmp);
	free(run("git init -q %s && git -C %s commit -q --allow-empty -m x 2>&1", dir, dir));
	expect(run("git -C %s rev-list --count HEAD", dir), "1\n");
	assert_int_equal(gd_store_init(dir, "gendan: 1\n", NULL), GD_EEXISTS);
	assert_non_null(strstr(gd_error_last(), "with commits"));
	expect(run("ls -A %s", dir), ".git\n");
}

static void test_store__init_adds_the_remote(void **state)
{
	char dir[512];

	(void)state;
	snprintf(dir, sizeof(dir), "%s/r", tmp);
	assert_int_equal(gd_store_init(dir, "gendan: 1\n", "https://example.com/l.git"), 0);
	expect(run("git -C %s remote get-url origin", dir), "https://example.com/l.git\n");
	expect(run("git -C %s status --porcelain", dir), "");
}

static void test_store__identity_from_git_config(void **state)
{
	gd_store *s = NULL;
	const char *name = NULL, *email = NULL;
	char dir[512];

	(void)state;
	unsetenv("GIT_AUTHOR_NAME");
	unsetenv("GIT_AUTHOR_EMAIL");
	unsetenv("GIT_COMMITTER_NAME");
	unsetenv("GIT_COMMITTER_EMAIL");
	free(run("printf '[user]\\n\\tname = Wang Fang\\n\\temail = wang@example.com\\n' > %s/.gitconfig", tmp));
	snprintf(dir, sizeof(dir), "%s/l", tmp);
	assert_int_equal(gd_store_init(dir, "gendan: 1\n", NULL), 0);
	expect(run("git -C %s log -1 --format='%%an <%%ae> %%cn <%%ce>'", dir),
	       "Wang Fang <wang@example.com> Wang Fang <wang@example.com>\n");
	assert_int_equal(gd_store_open(&s, dir), 0);
	assert_int_equal(gd_store_identity(s, &name, &email), 0);
	assert_string_equal(name, "Wang Fang");
	assert_string_equal(email, "wang@example.com");
	assert_string_equal(gd_store_me(s), "wang@example.com");
	gd_store_free(s);
	/* the environment overrides the config, as in git */
	setenv("GIT_AUTHOR_EMAIL", "env@example.com", 1);
	assert_int_equal(gd_store_open(&s, dir), 0);
	assert_string_equal(gd_store_me(s), "env@example.com");
	gd_store_free(s);
}

static void test_store__no_identity_is_refused_before_any_write(void **state)
{
	gd_store *s = new_ledger("l");
	gd_change *c = gd_change_new();
	const char *name = NULL, *email = NULL;
	char dir[512];
	int committed = -1;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/l", tmp);
	gd_store_free(s);
	unsetenv("GIT_AUTHOR_NAME");
	unsetenv("GIT_AUTHOR_EMAIL");
	assert_int_equal(gd_store_open(&s, dir), 0);
	assert_int_equal(gd_store_identity(s, &name, &email), GD_EIDENTITY);
	assert_null(gd_store_me(s));
	assert_string_equal(gd_error_last(),
			    "no identity: set it with 'git config --global user.name \"Your Name\"' and 'git config --global user.email you@example.com'");
	gd_change_write(c, "customers/3f/acme.yaml", "name: ACME\n", 11);
	assert_int_equal(gd_store_apply(s, c, "add\n", &committed), GD_EIDENTITY);
	assert_int_equal(committed, 0);
	expect(run("git -C %s status --porcelain --untracked-files=all", dir), "");
	expect(run("git -C %s rev-list --count HEAD", dir), "1\n");
	gd_change_free(c);
	gd_store_free(s);
}

static void test_store__open_gives_the_real_path(void **state)
{
	gd_store *s = new_ledger("l"), *t = NULL;
	char link[512], cwd[4096], *root;

	(void)state;
	root = realpath(gd_store_root(s), NULL);
	assert_string_equal(gd_store_root(s), root);
	snprintf(link, sizeof(link), "%s/link", tmp);
	assert_int_equal(symlink("l", link), 0);
	assert_int_equal(gd_store_open(&t, link), 0);
	assert_string_equal(gd_store_root(t), root);
	gd_store_free(t);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(tmp), 0);
	assert_int_equal(gd_store_open(&t, "l/"), 0);
	assert_string_equal(gd_store_root(t), root);
	assert_int_equal(chdir(cwd), 0);
	gd_store_free(t);
	free(root);
	gd_store_free(s);
}

static void test_store__a_git_repository_without_config_is_no_ledger(void **state)
{
	gd_store *s = NULL;
	char dir[512];

	(void)state;
	snprintf(dir, sizeof(dir), "%s/plain", tmp);
	free(run("git init -q %s", dir));
	assert_int_equal(gd_store_open(&s, dir), GD_ENOTFOUND);
	assert_null(s);
	assert_non_null(strstr(gd_error_last(), "run 'gendan init'"));
	snprintf(dir, sizeof(dir), "%s/bare", tmp);
	free(run("git init -q --bare %s", dir));
	assert_int_equal(gd_store_open(&s, dir), GD_ENOTFOUND);
	assert_null(s);
}

static void test_store__a_failed_apply_changes_nothing(void **state)
{
	gd_store *s = new_ledger("l");
	gd_change *c = gd_change_new();
	char dir[512], *head;
	int committed = -1;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/l", tmp);
	gd_change_write(c, "customers/3f/acme.yaml", "name: ACME\n", 11);
	assert_int_equal(gd_store_apply(s, c, "add\n", &committed), 0);
	/* a detached HEAD is found only after the files were renamed */
	free(run("git -C %s checkout -q --detach", dir));
	head = run("git -C %s rev-parse HEAD", dir);
	gd_change_free(c);
	c = gd_change_new();
	gd_change_write(c, "customers/3f/acme.yaml", "name: ACME Ltd\n", 15);
	gd_change_write(c, "orders/01/po-1.yaml", "number: PO 1\n", 13);
	gd_change_remove(c, "gendan.yaml");
	assert_int_equal(gd_store_apply(s, c, "set\n", &committed), GD_ECONFLICT);
	assert_int_equal(committed, 0);
	assert_non_null(strstr(gd_error_last(), "detached"));
	expect(run("cat %s/customers/3f/acme.yaml %s/gendan.yaml", dir, dir),
	       "name: ACME\ngendan: 1\n");
	expect(run("git -C %s rev-parse HEAD", dir), head);
	expect(run("git -C %s status --porcelain --untracked-files=all --ignored", dir), "");
	expect(run("find %s -name '.*.tmp-*' -o -name 'gendan-journal'", dir), "");
	free(head);
	gd_change_free(c);
	gd_store_free(s);
}

static void test_store__a_second_lock_waits_for_the_first(void **state)
{
	gd_store *s = new_ledger("l");
	char dir[512];
	struct timespec pause = {0, 300 * 1000 * 1000};
	pid_t pid;
	int status = -1;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/l", tmp);
	assert_int_equal(gd_store_lock(s), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		gd_store *t = NULL;
		int ok = gd_store_open(&t, dir) == 0 && gd_store_lock(t) == 0;
		gd_store_free(t);
		_exit(ok ? 0 : 1);
	}
	nanosleep(&pause, NULL);
	assert_int_equal(waitpid(pid, &status, WNOHANG), 0);
	gd_store_unlock(s);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	gd_store_free(s);
}

/* gd_change_take moves every write and deletion, in order, a path given
 * to both taking from's; from is left empty and reusable */
static void test_store__change_take_moves_in_order(void **state)
{
	gd_change *to = gd_change_new(), *from = gd_change_new();
	size_t len;

	(void)state;
	gd_change_write(to, "a.yaml", "old\n", 4);
	gd_change_write(from, "b.yaml", "bee\n", 4);
	gd_change_write(from, "a.yaml", "new\n", 4);
	gd_change_remove(from, "c.yaml");
	gd_change_take(to, from);
	assert_int_equal(gd_change_count(from), 0);
	assert_int_equal(gd_change_count(to), 3);
	assert_string_equal(gd_change_path(to, 0), "a.yaml");
	assert_string_equal(gd_change_data(to, 0, &len), "new\n");
	assert_string_equal(gd_change_path(to, 1), "b.yaml");
	assert_string_equal(gd_change_data(to, 1, &len), "bee\n");
	assert_int_equal(len, 4);
	assert_string_equal(gd_change_path(to, 2), "c.yaml");
	assert_null(gd_change_data(to, 2, &len));
	gd_change_write(from, "a.yaml", "again\n", 6);
	assert_int_equal(gd_change_count(from), 1);
	gd_change_free(to);
	gd_change_free(from);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_store__change_take_moves_in_order),
		cmocka_unit_test_setup_teardown(test_store__init_makes_main_with_one_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__init_without_identity_creates_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__open_finds_the_ledger, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__apply_commits_once_and_leaves_status_clean, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__hand_edits_are_seen_and_committed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__message_trailers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__the_lock_is_held, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__identity_from_environment, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__init_refuses_a_repository_with_commits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__init_adds_the_remote, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__identity_from_git_config, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__no_identity_is_refused_before_any_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__open_gives_the_real_path, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__a_git_repository_without_config_is_no_ledger, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__a_failed_apply_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__a_second_lock_waits_for_the_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store__commit_paths_twice_and_removed, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
