/*
 * test-scan.c - the summaries under .git (gendan-list, gendan-due) are
 * never believed when damaged: with any byte overwritten, or cut at any
 * length, the answers of ls, find, REF lookup and due are those the record
 * files give, and nothing crashes.
 *
 * The end-to-end tests t0030 and t0031 try a sample of damaged bytes
 * through the real binary; here every byte of the header and the first
 * entries and every third after are tried, in one process, which is what
 * makes it affordable under AddressSanitizer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "gendan/dates.h"
#include "gendan/due.h"
#include "gendan/error.h"
#include "gendan/ledger.h"

static char tmp[256], dir[512];
/* Held open for the whole run: libgit2 stays initialised, instead of
 * reading the system's CA certificates again for every ledger opened. */
static gd_ledger *keeper;

static void sh(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	assert_int_equal(system(cmd), 0);
}

/* The ledger of t0031: customers (one Chinese, one on hold, one with a
 * contact), an inquiry and an order, made by the real binary. */
static int setup(void **state)
{
	const char *g = getenv("GENDAN");

	(void)state;
	if (!g)
		return -1;
	/* in memory where the system has it: the test rewrites its summaries
	 * thousands of times, and a disk busy with other work made that take
	 * minutes, not the scan */
	snprintf(tmp, sizeof(tmp), "%s/gendan-scan.XXXXXX",
		 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (!mkdtemp(tmp))
		return -1;
	snprintf(dir, sizeof(dir), "%s/l", tmp);
	setenv("HOME", tmp, 1);
	setenv("XDG_CONFIG_HOME", tmp, 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("GIT_AUTHOR_NAME", "Li Lei", 1);
	setenv("GIT_AUTHOR_EMAIL", "li.lei@example.com", 1);
	setenv("GIT_COMMITTER_NAME", "Li Lei", 1);
	setenv("GIT_COMMITTER_EMAIL", "li.lei@example.com", 1);
	setenv("GENDAN_NOW", "2026-11-23T09:00:00+00:00", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("LANGUAGE");
	unsetenv("GENDAN_DIR");
	/* set by `git rebase -x` and hooks: git would act on that repository */
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	unsetenv("GIT_INDEX_FILE");
	sh("set -e; G='%s'; $G init '%s' >/dev/null; cd '%s'; { "
	   "$G add customer 'ACME Trading Co.' --tier B --email john@acme.example"
	   " --phone '+1 312 555 0100' --country US --city Chicago --tag lighting;"
	   "$G add customer 'Bravo Lamps' --tier C --country DE;"
	   "$G add customer '宁波海天贸易有限公司' --tier A --country CN --city 宁波;"
	   "$G log bravo -m 'wants the 5W bulb price' --via phone;"
	   "$G add inquiry --from 'Carlos <carlos@andes.example>' --product 'LED strip';"
	   "$G add order PO-7 --customer bravo --ship-by 2026-12-30 --currency EUR;"
	   "$G pay po-7 deposit --amount 1,250.50 --due 2026-12-01;"
	   "$G hold bravo --until 2026-12-01 -m 'trade fair';"
	   "mkdir -p customers/00; printf 'name: [oops\\n' >customers/00/broken.yaml;"
	   "} >/dev/null",
	   g, dir, dir);
	/* a file is taken from a summary only once its stat data are two
	 * seconds old: older, so that a believed summary would be used */
	sleep(3);
	return gd_ledger_open(&keeper, dir);
}

static int teardown(void **state)
{
	(void)state;
	gd_ledger_free(keeper);
	sh("rm -rf '%s'", tmp);
	return 0;
}

static void on_bad(void *ctx, const char *message)
{
	fprintf(ctx, "bad: %s\n", message);
}

static void entries(FILE *f, gd_ledger *l, const gd_list_filter *filter)
{
	gd_entry *e = NULL;
	size_t n = 0, i, c;

	if (gd_ledger_list(l, &e, &n, filter, on_bad, f) < 0) {
		fprintf(f, "error: %s\n", gd_error_last());
		return;
	}
	for (i = 0; i < n; i++) {
		fprintf(f, "%s/%s %s", gd_kind_name(e[i].kind), e[i].id, e[i].path);
		for (c = 0; c < 7; c++)
			fprintf(f, "|%s", e[i].cells[c] ? e[i].cells[c] : "-");
		fprintf(f, "|%s|%s|%s|%s|%s", e[i].customer ? e[i].customer : "-",
			e[i].customer_name ? e[i].customer_name : "-",
			e[i].ship_by ? e[i].ship_by : "-",
			e[i].currency ? e[i].currency : "-",
			e[i].outstanding ? e[i].outstanding : "-");
		fputc('\n', f);
	}
	free(e);
}

/* What ls, find and show REF answer from one ledger newly opened, as a
 * command would open it: the listed entries, the record a REF names (its
 * canonical YAML), and every error.  The first look reads the summary;
 * the rest use what it saw. */
static char *list_answers(void)
{
	static const gd_list_filter filters[] = {
		{.kind = -1},
		{.kind = GD_CUSTOMER, .tier = "a"},
		{.kind = -1, .country = "de"},
		{.kind = -1, .city = "宁波"},
		{.kind = -1, .tag = "LIGHTING"},
		{.kind = -1, .owner = "none"},
		{.kind = -1, .status = "active"},
		{.kind = -1, .text = "acme"},
		{.kind = -1, .text = "5w BULB"},
		{.kind = -1, .text = "555-0100"},
		{.kind = -1, .text = "海天"},
		{.kind = GD_ORDER},
		{.kind = -1, .customer = "bravo-lamps"},
	};
	static const char *const refs[] = {
		"Bravo", "宁波", "JOHN@acme.example", "5550100", "po-7",
		"acme-t", "l", "nobody",
	};
	char *out = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&out, &len);
	gd_ledger *l = NULL;
	gd_record *r;
	char *yaml;
	size_t ylen;

	assert_non_null(f);
	assert_int_equal(gd_ledger_open(&l, dir), 0);
	for (i = 0; i < sizeof(filters) / sizeof(*filters); i++)
		entries(f, l, &filters[i]);
	for (i = 0; i < sizeof(refs) / sizeof(*refs); i++) {
		r = NULL;
		if (gd_ledger_find(l, &r, refs[i], -1, on_bad, f) < 0) {
			fprintf(f, "%s: %s\n", refs[i], gd_error_last());
		} else {
			assert_int_equal(gd_record_emit(&yaml, &ylen, r), 0);
			fprintf(f, "%s: %s\n%s", refs[i], r->path, yaml);
			free(yaml);
		}
	}
	gd_ledger_free(l);
	fclose(f);
	return out;
}

/* What due --all --days 400 answers, from a ledger newly opened. */
static char *due_answer(void)
{
	gd_due_filter filter = {.days = 400, .all = 1, .kind = -1};
	gd_due_item *items = NULL;
	gd_due_scan *keep = NULL;
	gd_ledger *l = NULL;
	char *out = NULL;
	size_t len = 0, n = 0, i;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	assert_int_equal(gd_ledger_open(&l, dir), 0);
	if (gd_ledger_due(l, &items, &n, &keep, gd_date_from_ymd(2026, 11, 23),
			  &filter, on_bad, f) < 0)
		fprintf(f, "error: %s\n", gd_error_last());
	for (i = 0; i < n; i++)
		fprintf(f, "%s/%s %s %s|%s|%s|%d|%d|%s|%s\n",
			gd_kind_name(items[i].kind), items[i].id, items[i].path,
			items[i].name ? items[i].name : "-",
			items[i].owner ? items[i].owner : "-",
			items[i].grade ? items[i].grade : "-", (int)items[i].due,
			items[i].days_late, gd_due_reason_name(items[i].reason),
			items[i].detail);
	gd_due_items_free(items, n);
	gd_due_scan_free(keep);
	gd_ledger_free(l);
	fclose(f);
	return out;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	*len = (size_t)ftell(f);
	rewind(f);
	assert_non_null(buf = malloc(*len + 1));
	assert_int_equal(fread(buf, 1, *len, f), *len);
	fclose(f);
	return buf;
}

static void spit(const char *path, const char *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Which byte to damage after byte i of a summary of len bytes (i < len),
 * or which length to cut it to after i - len: every byte of the first
 * 256 (the header and the first entries) and every 3rd after; every
 * length of the first 64 and every 13th after. */
static size_t step(size_t i, size_t len)
{
	if (i < len)
		return i < 256 ? 1 : 3;
	return i - len < 64 ? 1 : 13;
}

/* The summary `name` under .git, as answer() writes it: bytes overwritten
 * in turn, then cut to shorter lengths (see step()), each on a fresh copy;
 * answer() must give want each time.  Returns how many did not. */
static int damage_each(const char *name, char *(*answer)(void), const char *want)
{
	char path[600], *good, *got;
	size_t len, i;
	int wrong = 0;

	snprintf(path, sizeof(path), "%s/.git/%s", dir, name);
	good = slurp(path, &len);
	assert_true(len > 64);
	for (i = 0; i < 2 * len; i += step(i, len)) {
		if (i < len) {
			unsigned char saved = (unsigned char)good[i];

			good[i] = (char)(saved == 0xff ? 0x00 : 0xff);
			spit(path, good, len);
			good[i] = (char)saved;
		} else {
			spit(path, good, i - len);
		}
		got = answer();
		if (strcmp(got, want) != 0) {
			wrong++;
			print_message("%s: %s %zu: a wrong answer\n", name,
				      i < len ? "byte" : "cut at", i < len ? i : i - len);
		}
		free(got);
	}
	spit(path, good, len);
	free(good);
	return wrong;
}

/* The answers first from the files alone, then from the summary they
 * wrote: the same. */
static char *files_answer(const char *name, char *(*answer)(void))
{
	char path[600], *want, *again;

	snprintf(path, sizeof(path), "%s/.git/%s", dir, name);
	unlink(path);
	want = answer();
	assert_int_equal(access(path, F_OK), 0);
	again = answer();
	assert_string_equal(again, want);
	free(again);
	return want;
}

static void test_scan__a_damaged_list_summary_is_never_believed(void **state)
{
	char *want;

	(void)state;
	want = files_answer("gendan-list", list_answers);
	/* the answers cover what they should */
	assert_non_null(strstr(want, "customer/acme-trading-co "));
	assert_non_null(strstr(want, "bad: customers/00/broken.yaml:"));
	assert_non_null(strstr(want, "5550100: customers/"));
	/* an order's link, its customer's name, ship-by and what it owes */
	assert_non_null(strstr(want, "|bravo-lamps|Bravo Lamps|2026-12-30|EUR|1250.5\n"));
	assert_non_null(strstr(want, "nobody: no record matches 'nobody'"));
	assert_int_equal(damage_each("gendan-list", list_answers, want), 0);
	free(want);
}

static void test_scan__a_damaged_due_summary_is_never_believed(void **state)
{
	char *want;

	(void)state;
	want = files_answer("gendan-due", due_answer);
	assert_non_null(strstr(want, "inquiry/q-2026"));
	assert_non_null(strstr(want, "order/po-7 "));
	assert_non_null(strstr(want, "bad: customers/00/broken.yaml:"));
	assert_int_equal(damage_each("gendan-due", due_answer, want), 0);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scan__a_damaged_list_summary_is_never_believed),
		cmocka_unit_test(test_scan__a_damaged_due_summary_is_never_believed),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
