/*
 * cmd-import.c - gendan import [csv|xlsx|vcf] FILE [--kind KIND]
 * [--map COL=FIELD]... [--encoding ENC] [--sheet NAME] [--update]
 * [--rejects OUT.csv] [--dry-run] [--force]: bulk add or update in one commit (SPEC 3.6).
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "gendan/import.h"

static void say(void *ctx, const char *message)
{
	(void)ctx;
	cmd_say(stderr, "gendan: %s\n", message);
}

/* A progress line on a terminal, for files of thousands of rows. */
static void progress(void *ctx, size_t done, size_t total)
{
	(void)ctx;
	fputc('\r', stderr);
	fprintf(stderr, _("checking rows: %zu/%zu (%zu%%)"), done, total,
		total ? done * 100 / total : 100);
	if (done == total)
		fputc('\n', stderr);
}

/* Split each COLUMN=FIELD in place (at mapbuf[i]) and check that FIELD
 * is a column of the kind. */
static int split_maps(const gd_import_map *map, char **mapbuf, size_t nmap,
		      gd_kind kind)
{
	size_t i;

	for (i = 0; i < nmap; i++)
		*mapbuf[i] = '\0';
	for (i = 0; i < nmap; i++) {
		const char *const *cols = gd_csv_columns(kind);
		int known = 0;
		for (; *cols; cols++)
			known |= !strcmp(*cols, map[i].field);
		if (!known)
			return gd_error_set(GD_EINVALID, _("--map %s=%s: '%s' is not a %s column"),
					    map[i].column, map[i].field, map[i].field,
					    gd_kind_name(kind));
	}
	return 0;
}

/* What the content is (SPEC 3.6): a zip holding xl/workbook.xml is xlsx,
 * BEGIN:VCARD is vCard, anything else CSV; "zip" for another zip and "xls"
 * for Excel's old binary format, which are errors. */
static const char *format_of(const char *buf, size_t len)
{
	size_t i = len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;

	if (len > 4 && !memcmp(buf, "PK\x03\x04", 4))
		return memmem(buf, len, "xl/workbook.xml", 15) ? "xlsx" : "zip";
	if (len > 8 && !memcmp(buf, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
		return "xls"; /* an OLE2 compound file: Excel 97-2003 */
	while (i < len && strchr(" \t\r\n", buf[i]))
		i++;
	if (len - i >= 11 && !strncasecmp(buf + i, "BEGIN:VCARD", 11))
		return "vcf";
	return "csv";
}

/* The format of FILE's content into o, checked against the word given (or
 * NULL) and o->sheet. */
static int check_format(gd_import_opts *o, const char *word, const char *buf,
			size_t len, const char *file)
{
	static const char *const names[] = {"csv", "xlsx", "vcf"};
	static const char *const what[] = {N_("a csv"), N_("an xlsx"), N_("a vCard")};
	const char *fmt = format_of(buf, len);
	size_t i, k = 0;

	if (!strcmp(fmt, "zip"))
		return gd_error_set(GD_EINVALID, _("%s is a zip archive without xl/workbook.xml: not an xlsx file"),
				    file);
	if (!strcmp(fmt, "xls"))
		return gd_error_set(GD_EINVALID, _("%s is an Excel 97-2003 (.xls) file: save it as .xlsx or CSV UTF-8 and import that"),
				    file);
	for (i = 0; i < 3; i++)
		if (!strcmp(names[i], fmt))
			k = i;
	if (word && strcmp(word, fmt))
		return gd_error_set(GD_EINVALID, _("%s is %s file, not %s"), file,
				    _(what[k]), word);
	o->vcard = k == 2;
	o->xlsx = k == 1;
	if (o->sheet && !o->xlsx)
		return gd_error_set(GD_EINVALID, _("%s: --sheet is for xlsx files"), file);
	return 0;
}

/* FILE of "[csv|xlsx|vcf] FILE", with *word the format word or NULL; NULL
 * for any other arguments. */
static const char *file_arg(const char **word, int argc, char **argv)
{
	*word = NULL;
	if (argc == 2 && (!strcmp(argv[0], "csv") || !strcmp(argv[0], "xlsx") ||
			  !strcmp(argv[0], "vcf"))) {
		*word = argv[0];
		return argv[1];
	}
	return argc == 1 ? argv[0] : NULL;
}

/* The command line of import. */
struct import_args {
	gd_import_opts o;
	gd_import_map map[64];
	const char *word, *file, *rejects;
	int dry;
};

/* 0, 1 when --help was printed, or a negative error. */
static int parse_args(struct import_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{"kind", required_argument, NULL, 'k'},
		{"map", required_argument, NULL, 'm'},
		{"encoding", required_argument, NULL, 'e'},
		{"sheet", required_argument, NULL, 's'},
		{"update", no_argument, NULL, 'u'},
		{"rejects", required_argument, NULL, 'r'},
		{"dry-run", no_argument, NULL, 'n'},
		{"force", no_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char *mapbuf[64];
	size_t nmap = 0;
	int ch, err, k;

	memset(a, 0, sizeof(*a));
	a->o.kind = GD_CUSTOMER;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'k':
			if ((err = cmd_kind(&k, optarg, &cmd_import_entry)) < 0)
				return err;
			a->o.kind = (gd_kind)k;
			break;
		case 'm': {
			char *eq = strchr(optarg, '=');
			if (!eq || eq == optarg || !eq[1] || nmap == 64) {
				fprintf(stderr, _("gendan: --map takes COLUMN=FIELD\n"));
				return cmd_usage(&cmd_import_entry);
			}
			a->map[nmap].column = optarg;
			a->map[nmap].field = eq + 1;
			mapbuf[nmap++] = eq;
			break;
		}
		case 'e': a->o.encoding = optarg; break;
		case 's': a->o.sheet = optarg; break;
		case 'u': a->o.update = 1; break;
		case 'r': a->rejects = optarg; break;
		case 'n': a->dry = 1; break;
		case 'f': a->o.force = 1; break;
		case 'h': return (err = cmd_help(&cmd_import_entry)) < 0 ? err : 1;
		default: return cmd_usage(&cmd_import_entry);
		}
	}
	if (!(a->file = file_arg(&a->word, argc - optind, argv + optind)))
		return cmd_usage(&cmd_import_entry);
	if ((err = split_maps(a->map, mapbuf, nmap, a->o.kind)) < 0)
		return err;
	a->o.map = a->map;
	a->o.nmap = nmap;
	a->o.keep_going = a->rejects != NULL;
	a->o.detail = a->dry;
	a->o.warn = say;
	if (isatty(STDERR_FILENO))
		a->o.progress = progress;
	return 0;
}

/* Refuse --rejects OUT.csv when it is the file being imported, however
 * either is named. */
static int check_rejects(const char *out, const char *file)
{
	struct stat a, b;

	if (!strcmp(out, "-"))
		return gd_error_set(GD_EUSAGE, _("--rejects needs a file, not '-'"));
	if (stat(out, &a) == 0 && stat(file, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino)
		return gd_error_set(GD_EINVALID,
				    _("--rejects %s is the file being imported: name another file"),
				    out);
	return 0;
}

static int write_rejects(const char *out, const gd_import_result *res)
{
	FILE *f = fopen(out, "wb");
	int ok;

	if (!f)
		return gd_error_set(GD_EIO, _("cannot write %s: %s"), out, strerror(errno));
	ok = fwrite(res->rejects, 1, res->rejects_len, f) == res->rejects_len;
	ok &= fclose(f) == 0;
	if (!ok) {
		unlink(out);
		return gd_error_set(GD_EIO, _("cannot write %s: %s"), out, strerror(errno));
	}
	return 0;
}

/* The rows of one fate, each "  FILE:LINE: what". */
static void print_rows(FILE *to, const gd_import_result *res,
		       gd_import_fate fate, const char *file)
{
	size_t i;

	for (i = 0; i < res->nrows; i++) {
		const gd_import_row *w = &res->rows[i];
		if (w->fate != fate)
			continue;
		/* a row's text quotes the file's cells: inert */
		if (fate == GD_IMPORT_REJECTED)
			cmd_say(to, to == stderr ? "gendan: %s\n" : "  %s\n", w->text);
		else
			cmd_say(to, "  %s:%d: %s\n", file, w->line, w->text);
	}
}

/* --dry-run: what would be added, updated and rejected. */
static void print_dry(const gd_import_result *res, const struct import_args *a)
{
	const char *kind = gd_kind_name(a->o.kind);

	printf(P_("would import %zu %s record\n", "would import %zu %s records\n",
		  res->added), res->added, kind);
	print_rows(stdout, res, GD_IMPORT_ADDED, a->file);
	if (a->o.update) {
		printf(P_("would update %zu %s record\n", "would update %zu %s records\n",
			  res->updated), res->updated, kind);
		print_rows(stdout, res, GD_IMPORT_UPDATED, a->file);
	}
	if (res->rejected) {
		printf(P_("would reject %zu row\n", "would reject %zu rows\n",
			  res->rejected), res->rejected);
		print_rows(stdout, res, GD_IMPORT_REJECTED, a->file);
	}
}

/* Write the rejects, then commit the good rows: a rejects file that
 * cannot be written imports nothing, a failed commit takes it back. */
static int finish(gd_ledger *l, gd_change *c, const gd_import_result *res,
		  const struct import_args *a)
{
	const char *kind = gd_kind_name(a->o.kind);
	char *summary = NULL;
	int err = 0, committed = 0;

	if (res->rejects && (err = write_rejects(a->rejects, res)) < 0)
		return err;
	if (!res->added && !res->updated) {
		if (!res->rejected)
			puts(_("nothing to import"));
		goto done;
	}
	if ((res->updated
		     ? asprintf(&summary, "import: %zu %s record%s added, %zu updated from %s",
				res->added, kind, res->added == 1 ? "" : "s",
				res->updated, a->file)
		     : asprintf(&summary, "import: %zu %s record%s from %s", res->added,
				kind, res->added == 1 ? "" : "s", a->file)) < 0) {
		summary = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	if ((err = cmd_commit(l, c, "import", summary, &committed)) < 0) {
		if (res->rejects)
			unlink(a->rejects);
		goto done;
	}
	if (res->added || !a->o.update)
		printf(P_("imported %zu %s record\n", "imported %zu %s records\n",
			  res->added), res->added, kind);
	if (res->updated)
		printf(P_("updated %zu %s record\n", "updated %zu %s records\n",
			  res->updated), res->updated, kind);
done:
	if (res->rejected)
		printf(P_("rejected %zu row: see %s\n", "rejected %zu rows: see %s\n",
			  res->rejected), res->rejected, a->rejects);
	free(summary);
	return err;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct import_args a;
	gd_import_result res;
	gd_ledger *l = NULL;
	gd_change *c = NULL;
	gd_time now;
	char *buf = NULL;
	size_t len = 0;
	int err;

	memset(&res, 0, sizeof(res));
	if ((err = parse_args(&a, argc, argv)) != 0)
		return err < 0 ? err : 0;
	if ((err = cmd_now(&now, &a.o.today)) < 0)
		return err;
	a.o.now = &now;
	if (a.rejects && (err = check_rejects(a.rejects, a.file)) < 0)
		return err;
	if ((err = cmd_read_file(&buf, &len, a.file)) < 0)
		return err;
	if ((err = check_format(&a.o, a.word, buf, len, a.file)) < 0)
		goto done;
	if (a.dry)
		ctx->flags &= ~CMD_LOCK;
	if ((err = cmd_setup(ctx, &l)) < 0)
		goto done;
	c = gd_change_new();
	err = gd_import_csv(l, c, buf, len, a.file, &a.o, &res);
	if (err < 0) {
		print_rows(stderr, &res, GD_IMPORT_REJECTED, a.file);
		goto done;
	}
	if (a.dry)
		print_dry(&res, &a);
	else
		err = finish(l, c, &res, &a);
done:
	gd_import_result_clear(&res);
	free(buf);
	gd_change_free(c);
	return err;
}

const struct cmd_entry cmd_import_entry = {
	"import", "import [csv|xlsx|vcf] FILE [--kind KIND] [--map COLUMN=FIELD]... [--encoding ENC] [--sheet NAME] [--update] [--rejects OUT.csv] [--dry-run] [--force]",
	N_("add (or update) records from a CSV file, an Excel workbook (xlsx) or vCards in one commit"),
	CMD_LEDGER | CMD_LOAD | CMD_LOCK,
	run,
};
