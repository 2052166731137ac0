/*
 * index-cost.c - how long libgit2 takes to read and to write the git index
 * of a ledger, alone: the part of every commit gendan cannot avoid while
 * it keeps the index consistent.  bench/run.sh prints it beside `log`.
 *
 * usage: bench-index-cost LEDGER
 * prints: ENTRIES READ_MS WRITE_MS (best of 5 each)
 */
#include <git2.h>
#include <stdio.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int fail(const char *what)
{
	const git_error *e = git_error_last();

	fprintf(stderr, "bench-index-cost: %s: %s\n", what, e ? e->message : "?");
	return 1;
}

int main(int argc, char **argv)
{
	git_repository *repo = NULL;
	git_index *idx = NULL;
	double best_read = 1e9, best_write = 1e9, t;
	int i, rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: bench-index-cost LEDGER\n");
		return 2;
	}
	if (git_libgit2_init() < 0)
		return fail("init");
	if (git_repository_open(&repo, argv[1]) < 0 ||
	    git_repository_index(&idx, repo) < 0) {
		rc = fail(argv[1]);
		goto done;
	}
	for (i = 0; i < 5; i++) {
		t = now_ms();
		if (git_index_read(idx, 1) < 0) {
			rc = fail("read");
			goto done;
		}
		t = now_ms() - t;
		best_read = t < best_read ? t : best_read;
		t = now_ms();
		if (git_index_write(idx) < 0) {
			rc = fail("write");
			goto done;
		}
		t = now_ms() - t;
		best_write = t < best_write ? t : best_write;
	}
	printf("%zu %.0f %.0f\n", git_index_entrycount(idx), best_read, best_write);
done:
	git_index_free(idx);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return rc;
}
