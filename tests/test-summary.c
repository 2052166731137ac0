/*
 * test-summary.c - the scan stack below the ledger (docs/modules.md): the
 * summary files' encoding, their freshness by stat data, the list and due
 * answers against the record files, ids found twice, damaged summaries,
 * and the tree cache.
 *
 * The fixture ledgers are made once and left alone for more than the
 * racy window (gd__stat_racy), so that their files can be answered from
 * a summary; a test that changes a record file has a ledger of its own.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "gendan/config.h"
#include "gendan/due.h"
#include "gendan/error.h"
#include "gendan/record.h"
#include "cache.h"
#include "duescan.h"
#include "listscan.h"
#include "summary.h"
#include "walk.h"

#define HASH 0x1234u /* the fixture's "hash of gendan.yaml" */

static char tmp[256];
static gd_config *cfg;

/* The records of every fixture ledger: kind, id, text.  The last one is
 * bad, under a path of its own. */
static const struct {
	gd_kind kind;
	const char *id, *text;
} files[] = {
	{GD_CUSTOMER, "acme",
	 "name: Acme Lamps\ntier: B\ncreated: 2026-11-01\nowner: li.lei@example.com\n"
	 "email: john@acme.example\nphone: \"+1 312 555 0100\"\n"},
	{GD_CUSTOMER, "haitian",
	 "name: Haitian Trading\ntier: A\ncreated: 2026-10-01\ncity: Ningbo\ncountry: CN\n"
	 "log:\n  - at: 2026-11-20T10:00:00+08:00\n    via: phone\n"},
	/* no created: due on the day it is looked at, so read by every scan */
	{GD_CUSTOMER, "no-date", "name: No Date\ntier: C\n"},
	{GD_INQUIRY, "q-20261112-d289",
	 "received: 2026-11-12T10:00:00+08:00\n"
	 "from: {name: Ahmed, company: Gulf Lights LLC, email: ahmed@gulflights.ae}\n"},
	{GD_ORDER, "po-1", "number: PO-1\ncustomer: acme\nship-by: 2026-12-30\n"},
};
#define NFILES (sizeof(files) / sizeof(files[0]))
#define BAD_PATH "customers/zz/broken.yaml"
#define NALL (NFILES + 1)

static void write_file(const char *root, const char *rel, const char *text)
{
	char path[512], *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (slash = strchr(path + strlen(root) + 1, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* A ledger of the fixture's records under tmp/name, its summaries in
 * tmp/name/.git/. */
static void make_ledger(const char *name)
{
	char root[512], git[600];
	size_t i;

	snprintf(root, sizeof(root), "%s/%s", tmp, name);
	snprintf(git, sizeof(git), "%s/.git", root);
	mkdir(root, 0755);
	mkdir(git, 0755);
	for (i = 0; i < NFILES; i++) {
		char *path = gd_record_path_for(files[i].kind, files[i].id);
		write_file(root, path, files[i].text);
		free(path);
	}
	write_file(root, BAD_PATH, "name: [unclosed\n");
}

struct ledger {
	char root[512], git[600];
	gd__source src;
};

static void ledger_at(struct ledger *l, const char *name, uint64_t hash)
{
	snprintf(l->root, sizeof(l->root), "%s/%s", tmp, name);
	snprintf(l->git, sizeof(l->git), "%s/.git/", l->root);
	l->src.root = l->root;
	l->src.gitdir = l->git;
	l->src.cfg = cfg;
	l->src.config_hash = hash;
}

static int setup(void **state)
{
	char cmd[1024];
	struct timespec wait = {3, 100000000};

	(void)state;
	snprintf(tmp, sizeof(tmp), "/tmp/gendan-summary.XXXXXX");
	if (!mkdtemp(tmp) || !(cfg = gd_config_default()))
		return -1;
	make_ledger("l");       /* only read */
	make_ledger("stale");   /* records changed */
	make_ledger("twice");   /* an id found twice */
	make_ledger("damaged"); /* summaries damaged */
	write_file(tmp, "twice/customers/zz/acme.yaml", "name: Acme Again\ntier: D\n");
	snprintf(cmd, sizeof(cmd), "cp -R '%s/l' '%s/cache'", tmp, tmp);
	if (system(cmd) != 0)
		return -1;
	/* past the racy window: stat data can now say a file is unchanged */
	nanosleep(&wait, NULL);
	return 0;
}

static int teardown(void **state)
{
	char cmd[1024];

	(void)state;
	gd_config_free(cfg);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	return system(cmd) == 0 ? 0 : -1;
}

/* The messages a scan names, one line each. */
struct said {
	char text[4096];
	size_t n;
};

static void say(void *ctx, const char *message)
{
	struct said *s = ctx;
	size_t len = strlen(s->text);

	snprintf(s->text + len, sizeof(s->text) - len, "%s\n", message);
	s->n++;
}

static size_t count(const char *text, const char *what)
{
	size_t n = 0;

	for (; (text = strstr(text, what)); text += strlen(what))
		n++;
	return n;
}

static gd__sumscan *list_scan(const struct ledger *l, struct said *said)
{
	memset(said, 0, sizeof(*said));
	return gd__list_scan(&l->src, say, said);
}

/* Every valid record of the ledger, read from its file. */
static size_t read_all(gd_record **recs, const struct ledger *l)
{
	size_t i, n = 0;

	for (i = 0; i < NFILES; i++) {
		char *path = gd_record_path_for(files[i].kind, files[i].id);
		if (gd__record_read(&recs[n], l->root, cfg, path) < 0)
			fail_msg("%s: %s", path, gd_error_last());
		free(path);
		n++;
	}
	return n;
}

static void free_all(gd_record **recs, size_t n)
{
	while (n)
		gd_record_free(recs[--n]);
}

static int null_eq(const char *a, const char *b)
{
	return (!a || !*a) ? (!b || !*b) : b && !strcmp(a, b);
}

/* The scan lists exactly the records of the files, as they read. */
static void list_is_the_files(const gd__sumscan *sc, const struct ledger *l)
{
	gd_list_filter all = {-1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL};
	gd_record *recs[NFILES];
	gd_entry *e = NULL;
	size_t n = 0, nrecs = read_all(recs, l), i, j;

	gd__list_entries(&e, &n, sc, &all, NULL);
	assert_int_equal(n, nrecs);
	for (i = 0; i < nrecs; i++) {
		for (j = 0; j < n && strcmp(e[j].path, recs[i]->path); j++)
			;
		if (j == n)
			fail_msg("%s: not listed", recs[i]->path);
		assert_int_equal(e[j].kind, recs[i]->kind);
		assert_string_equal(e[j].id, recs[i]->id);
		assert_true(null_eq(e[j].cells[0], gd_record_name(recs[i])));
		assert_true(null_eq(e[j].cells[1], gd_record_grade(recs[i])));
		assert_true(null_eq(e[j].cells[3], gd_record_owner(recs[i])));
	}
	for (j = 1; j < n; j++) /* in the order of a loaded ledger */
		assert_true(gd__record_order((int)e[j - 1].kind, e[j - 1].id, e[j - 1].path,
					     (int)e[j].kind, e[j].id, e[j].path) < 0);
	free(e);
	free_all(recs, nrecs);
}

/* --- the encoding --------------------------------------------------------- */

static void test_summary__strings_and_lists_round_trip(void **state)
{
	gd__buf b = {0}, list = {0}, empty = {0};
	gd__rd r;
	const char *s;

	(void)state;
	gd__sum_put_str(&b, NULL);
	gd__sum_put_str(&b, "");
	gd__sum_put_str(&b, "宁波 trading");
	gd__list_add(&list, "a");
	gd__list_add(&list, "bc");
	gd__sum_put_list(&b, &list);
	gd__sum_put_list(&b, &empty);
	r = (gd__rd){(const unsigned char *)b.buf, (const unsigned char *)b.buf + b.len, 0};
	assert_null(gd__sum_get_str(&r));
	assert_false(r.bad);
	assert_string_equal(gd__sum_get_str(&r), "");
	assert_string_equal(gd__sum_get_str(&r), "宁波 trading");
	assert_non_null(s = gd__sum_get_list(&r));
	assert_string_equal(s, "a");
	assert_string_equal(s + 2, "bc");
	assert_string_equal(s + 5, "");
	assert_non_null(s = gd__sum_get_list(&r));
	assert_string_equal(s, "");
	assert_false(r.bad);
	assert_true(r.p == r.end);
	/* past the end: bad, and stays bad */
	assert_null(gd__sum_get_str(&r));
	assert_true(r.bad);
	/* a string whose length runs past the end */
	r = (gd__rd){(const unsigned char *)b.buf + 4, (const unsigned char *)b.buf + 12, 0};
	gd__sum_get_str(&r);
	gd__sum_get_str(&r);
	assert_true(r.bad);
	gd__buf_free(&b);
	gd__buf_free(&list);
}

static void test_summary__list_round_trips_through_its_file(void **state)
{
	struct ledger l;
	struct said said;
	gd__sumscan *cold, *warm;
	size_t i;

	(void)state;
	ledger_at(&l, "l", HASH);
	cold = list_scan(&l, &said);
	/* cold: every file read, the bad one named once */
	assert_int_equal(cold->n, NALL);
	assert_int_equal(cold->nfresh, NALL);
	assert_int_equal(said.n, 1);
	assert_int_equal(count(said.text, BAD_PATH), 1);
	list_is_the_files(cold, &l);
	warm = list_scan(&l, &said);
	/* warm: nothing read but the file, every entry as it was made */
	assert_int_equal(warm->nfresh, 0);
	assert_int_equal(warm->n, NALL);
	assert_int_equal(said.n, 1);
	for (i = 0; i < NALL; i++) {
		const struct gd__sum *a = cold->sums[i], *b = warm->sums[i];
		assert_string_equal(a->path, b->path);
		assert_int_equal(a->rawlen, b->rawlen);
		assert_memory_equal(a->raw, b->raw, a->rawlen);
	}
	list_is_the_files(warm, &l);
	gd__sum_scan_free(cold);
	gd__sum_scan_free(warm);
}

static void test_summary__ref_lookup_and_ids_from_the_list(void **state)
{
	struct ledger l;
	struct said said;
	gd__sumscan *sc;
	char *path, *want = gd_record_path_for(GD_CUSTOMER, "acme");

	(void)state;
	ledger_at(&l, "l", HASH);
	sc = list_scan(&l, &said);
	assert_non_null(path = gd__list_resolve(sc, "acme lamps", -1, NULL));
	assert_string_equal(path, want);
	free(path);
	assert_non_null(path = gd__list_resolve(sc, "john@acme.example", GD_CUSTOMER, NULL));
	assert_string_equal(path, want);
	free(path);
	assert_null(gd__list_resolve(sc, "nobody at all", -1, NULL));
	assert_int_equal(gd_error_code_last(), GD_ENOTFOUND);
	assert_true(gd__list_has_id(sc, GD_ORDER, "po-1"));
	assert_false(gd__list_has_id(sc, GD_CUSTOMER, "po-1"));
	assert_false(gd__list_has_id(sc, GD_CUSTOMER, "broken"));
	gd__sum_scan_free(sc);
	free(want);
}

/* --- due ------------------------------------------------------------------ */

static void due_is_the_files(const struct ledger *l, gd_date today)
{
	gd_due_filter f = {3650, 1, NULL, NULL, -1, NULL, 0};
	gd_record *recs[NFILES];
	gd_due_item *want = NULL, *got = NULL;
	gd_due_scan *keep = NULL;
	size_t nwant = 0, ngot = 0, nrecs = read_all(recs, l), i;
	struct said said = {{0}, 0};

	gd_due_list(&want, &nwant, recs, nrecs, cfg, today, &f);
	gd__due_scan(&got, &ngot, &keep, &l->src, today, &f, say, &said);
	assert_int_equal(said.n, 1);
	assert_true(nwant >= 4);
	assert_int_equal(ngot, nwant);
	for (i = 0; i < nwant; i++) {
		assert_string_equal(got[i].id, want[i].id);
		assert_string_equal(got[i].path, want[i].path);
		assert_int_equal(got[i].reason, want[i].reason);
		assert_int_equal(got[i].due, want[i].due);
		assert_int_equal(got[i].days_late, want[i].days_late);
		assert_string_equal(got[i].detail, want[i].detail);
		assert_string_equal(got[i].explain, want[i].explain);
		assert_true(null_eq(got[i].owner, want[i].owner));
	}
	gd_due_items_free(got, ngot);
	gd_due_scan_free(keep);
	gd_due_items_free(want, nwant);
	free_all(recs, nrecs);
}

static void test_summary__due_from_its_file_is_due_from_the_files(void **state)
{
	struct ledger l;
	gd_date today, later;

	(void)state;
	ledger_at(&l, "l", HASH);
	assert_int_equal(gd_date_parse(&today, "2026-11-23"), 0);
	assert_int_equal(gd_date_parse(&later, "2027-01-15"), 0);
	due_is_the_files(&l, today); /* cold, or made by another test */
	due_is_the_files(&l, today); /* warm */
	/* another day from the same summary: lateness is worded when listed */
	due_is_the_files(&l, later);
}

/* --- stat data -------------------------------------------------------------- */

static void test_summary__a_change_keeping_size_and_mtime_is_seen(void **state)
{
	struct ledger l;
	struct said said;
	gd__sumscan *sc;
	char *rel = gd_record_path_for(GD_CUSTOMER, "acme"), path[700];
	struct timespec times[2];
	struct stat st;
	gd_entry *e = NULL;
	gd_list_filter acme = {GD_CUSTOMER, NULL, NULL, NULL, NULL, NULL, NULL, "acme lamps", 0, NULL};
	size_t n = 0;

	(void)state;
	ledger_at(&l, "stale", HASH);
	gd__sum_scan_free(list_scan(&l, &said));
	sc = list_scan(&l, &said);
	assert_int_equal(sc->nfresh, 0);
	gd__sum_scan_free(sc);
	/* tier B becomes A: same size, and mtime put back */
	snprintf(path, sizeof(path), "%s/%s", l.root, rel);
	assert_int_equal(stat(path, &st), 0);
	write_file(l.root, rel,
		   "name: Acme Lamps\ntier: A\ncreated: 2026-11-01\nowner: li.lei@example.com\n"
		   "email: john@acme.example\nphone: \"+1 312 555 0100\"\n");
	times[0] = st.st_atim;
	times[1] = st.st_mtim;
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	sc = list_scan(&l, &said);
	assert_int_equal(sc->nfresh, 1); /* ctime said so */
	gd__list_entries(&e, &n, sc, &acme, NULL);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].cells[1], "A");
	free(e);
	gd__sum_scan_free(sc);
	/* changed within the racy window: read again by the next scan too */
	sc = list_scan(&l, &said);
	assert_int_equal(sc->nfresh, 1);
	list_is_the_files(sc, &l);
	gd__sum_scan_free(sc);
	free(rel);
}

/* --- ids found twice -------------------------------------------------------- */

static void test_summary__an_id_found_twice_is_named_once(void **state)
{
	struct ledger l;
	struct said said;
	gd__sumscan *sc;
	gd_entry *e = NULL;
	gd_list_filter all = {-1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL};
	char *kept = gd_record_path_for(GD_CUSTOMER, "acme"), want[300];
	size_t n = 0, i, acmes = 0, round;

	(void)state;
	ledger_at(&l, "twice", HASH);
	snprintf(want, sizeof(want), "customers/zz/acme.yaml: duplicate id 'acme' (also %s)\n",
		 kept);
	for (round = 0; round < 2; round++) { /* cold, then warm */
		sc = list_scan(&l, &said);
		assert_int_equal(said.n, 2); /* the bad record, the duplicate */
		assert_int_equal(count(said.text, "duplicate id"), 1);
		assert_non_null(strstr(said.text, want));
		gd__list_entries(&e, &n, sc, &all, NULL);
		assert_int_equal(n, NFILES);
		for (i = 0; i < n; i++)
			if (!strcmp(e[i].id, "acme")) {
				acmes++;
				assert_string_equal(e[i].path, kept);
			}
		free(e);
		gd__sum_scan_free(sc);
	}
	assert_int_equal(acmes, 2);
	free(kept);
}

static void test_summary__ids_twice_keeps_the_first_in_ledger_order(void **state)
{
	const gd__record_name v[] = {
		{"acme", "customers/zz/acme.yaml", GD_CUSTOMER},
		{"acme", "orders/zz/acme.yaml", GD_ORDER}, /* another kind: no twin */
		{NULL, "customers/zz/bad.yaml", GD_CUSTOMER},
		{"acme", "customers/aa/acme.yaml", GD_CUSTOMER},
		{"acme", "customers/mm/acme.yaml", GD_CUSTOMER},
	};
	char *path = gd_record_path_for(GD_CUSTOMER, "acme");
	gd__record_name in_place[] = {
		{"acme", path, GD_CUSTOMER},
		{"acme", path, GD_ORDER},
	};
	unsigned char dropped[5] = {0};
	struct said said = {{0}, 0};

	(void)state;
	assert_int_equal(gd__ids_twice(dropped, v, 5, say, &said), 2);
	assert_int_equal(dropped[0], 1);
	assert_int_equal(dropped[1], 0);
	assert_int_equal(dropped[2], 0);
	assert_int_equal(dropped[3], 0);
	assert_int_equal(dropped[4], 1);
	assert_string_equal(said.text,
			    "customers/mm/acme.yaml: duplicate id 'acme' (also customers/aa/acme.yaml)\n"
			    "customers/zz/acme.yaml: duplicate id 'acme' (also customers/aa/acme.yaml)\n");
	/* records where gendan keeps them cannot share an id: not looked at
	 * (the order is not in its folder, so it counts as misplaced) */
	memset(dropped, 0, sizeof(dropped));
	assert_int_equal(gd__ids_twice(dropped, in_place, 1, say, &said), 0);
	assert_int_equal(gd__ids_twice(dropped, in_place, 2, say, &said), 0);
	assert_int_equal(said.n, 2);
	free(path);
}

/* --- damaged summaries ------------------------------------------------------ */

enum damage { TRUNCATE_HALF, TRUNCATE_HEAD, FLIP_MIDDLE, FLIP_CHECKSUM, FOREIGN, EMPTY };

static void damage(const char *file, enum damage how)
{
	struct stat st;
	int fd;
	unsigned char c;
	off_t at;

	assert_int_equal(stat(file, &st), 0);
	switch (how) {
	case TRUNCATE_HALF: assert_int_equal(truncate(file, st.st_size / 2), 0); return;
	case TRUNCATE_HEAD: assert_int_equal(truncate(file, 31), 0); return;
	case EMPTY: assert_int_equal(truncate(file, 0), 0); return;
	case FLIP_MIDDLE: at = st.st_size / 2; break;
	case FLIP_CHECKSUM: at = st.st_size - 1; break;
	case FOREIGN: at = 0; break;
	}
	assert_true((fd = open(file, O_RDWR)) >= 0);
	assert_int_equal(pread(fd, &c, 1, at), 1);
	c ^= how == FOREIGN ? 0x20 : 0x01; /* GDLIST05 -> gDLIST05 */
	assert_int_equal(pwrite(fd, &c, 1, at), 1);
	assert_int_equal(close(fd), 0);
}

static void test_summary__a_damaged_summary_is_ignored_and_rebuilt(void **state)
{
	struct ledger l;
	struct said said;
	gd__sumscan *sc;
	char file[700];
	enum damage how;

	(void)state;
	ledger_at(&l, "damaged", HASH);
	snprintf(file, sizeof(file), "%sgendan-list", l.git);
	gd__sum_scan_free(list_scan(&l, &said));
	for (how = TRUNCATE_HALF; how <= EMPTY; how++) {
		sc = list_scan(&l, &said);
		assert_int_equal(sc->nfresh, 0);
		gd__sum_scan_free(sc);
		damage(file, how);
		sc = list_scan(&l, &said);
		if (sc->nfresh != NALL)
			fail_msg("damage %d: %zu files read, not all %zu", (int)how,
				 sc->nfresh, (size_t)NALL);
		assert_int_equal(said.n, 1);
		list_is_the_files(sc, &l);
		gd__sum_scan_free(sc);
	}
	/* another configuration's summary is not this one's */
	sc = list_scan(&l, &said);
	assert_int_equal(sc->nfresh, 0);
	gd__sum_scan_free(sc);
	ledger_at(&l, "damaged", HASH + 1);
	sc = list_scan(&l, &said);
	assert_int_equal(sc->nfresh, NALL);
	gd__sum_scan_free(sc);
}

/* --- the tree cache ---------------------------------------------------------- */

static void test_summary__tree_cache_round_trip_and_damage(void **state)
{
	struct ledger l;
	gd_record *recs[NFILES];
	char *paths[NFILES], file[700], cmd[2048];
	struct stat sts[NFILES];
	gd_node *roots[NFILES];
	size_t n, i;
	gd__cache *c;
	gd_node *tree;

	(void)state;
	ledger_at(&l, "cache", HASH);
	n = read_all(recs, &l);
	for (i = 0; i < n; i++) {
		char abs[800];
		snprintf(abs, sizeof(abs), "%s/%s", l.root, recs[i]->path);
		assert_int_equal(lstat(abs, &sts[i]), 0);
		paths[i] = recs[i]->path;
		roots[i] = recs[i]->root;
	}
	snprintf(file, sizeof(file), "%sgendan-cache", l.git);
	gd__cache_write(file, HASH, paths, sts, roots, n);
	assert_non_null(c = gd__cache_read(file, HASH));
	assert_int_equal(gd__cache_count(c), n);
	for (i = 0; i < n; i++) {
		gd_record *r = NULL;
		assert_non_null(tree = gd__cache_get(c, paths[i], &sts[i]));
		assert_int_equal(gd_record_from_node(&r, paths[i], tree), 0);
		assert_true(null_eq(gd_record_name(r), gd_record_name(recs[i])));
		assert_true(null_eq(gd_record_grade(r), gd_record_grade(recs[i])));
		gd_record_free(r);
	}
	/* a file whose stat data changed is not answered from the cache */
	sts[0].st_ctim.tv_nsec ^= 1;
	assert_null(gd__cache_get(c, paths[0], &sts[0]));
	assert_null(gd__cache_get(c, "customers/00/nobody.yaml", &sts[1]));
	gd__cache_free(c);
	assert_null(gd__cache_read(file, HASH + 1));
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s.good'", file, file);
	assert_int_equal(system(cmd), 0);
	damage(file, FOREIGN);
	assert_null(gd__cache_read(file, HASH));
	snprintf(cmd, sizeof(cmd), "cp '%s.good' '%s'", file, file);
	assert_int_equal(system(cmd), 0);
	damage(file, TRUNCATE_HALF);
	assert_null(gd__cache_read(file, HASH));
	damage(file, EMPTY);
	assert_null(gd__cache_read(file, HASH));
	free_all(recs, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary__strings_and_lists_round_trip),
		cmocka_unit_test(test_summary__list_round_trips_through_its_file),
		cmocka_unit_test(test_summary__ref_lookup_and_ids_from_the_list),
		cmocka_unit_test(test_summary__due_from_its_file_is_due_from_the_files),
		cmocka_unit_test(test_summary__a_change_keeping_size_and_mtime_is_seen),
		cmocka_unit_test(test_summary__an_id_found_twice_is_named_once),
		cmocka_unit_test(test_summary__ids_twice_keeps_the_first_in_ledger_order),
		cmocka_unit_test(test_summary__a_damaged_summary_is_ignored_and_rebuilt),
		cmocka_unit_test(test_summary__tree_cache_round_trip_and_damage),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, setup, teardown);
}
