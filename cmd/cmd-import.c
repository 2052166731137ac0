/*
 * cmd-import.c - gendan import [csv|xlsx|vcf] FILE [--kind KIND]
 * [--map COL=FIELD]... [--encoding ENC] [--dry-run] [--force]: bulk add
 * in one commit.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd.h"
#include "gendan/import.h"

static void say(void *ctx, const char *message)
{
	(void)ctx;
	fprintf(stderr, "gendan: %s\n", message);
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
 * BEGIN:VCARD is vCard, anything else CSV. */
static const char *format_of(const char *buf, size_t len)
{
	size_t i = len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;

	if (len > 4 && !memcmp(buf, "PK\x03\x04", 4) &&
	    memmem(buf, len, "xl/workbook.xml", 15))
		return "xlsx";
	while (i < len && strchr(" \t\r\n", buf[i]))
		i++;
	if (len - i >= 11 && !strncasecmp(buf + i, "BEGIN:VCARD", 11))
		return "vcf";
	return "csv";
}

/* The format of FILE's content, checked against the word given (or
 * NULL). */
static int check_format(const char **fmt, const char *word, const char *buf,
			size_t len, const char *file)
{
	static const char *const names[] = {"csv", "xlsx", "vcf"};
	static const char *const what[] = {N_("a csv"), N_("an xlsx"), N_("a vCard")};
	size_t i, k = 0;

	*fmt = format_of(buf, len);
	for (i = 0; i < 3; i++)
		if (!strcmp(names[i], *fmt))
			k = i;
	if (word && strcmp(word, *fmt))
		return gd_error_set(GD_EINVALID, _("%s is %s file, not %s"), file,
				    _(what[k]), word);
	if (!strcmp(*fmt, "xlsx"))
		return gd_error_set(GD_EINVALID,
				    _("%s: xlsx files are not read yet: save the sheet as CSV UTF-8 and import that"),
				    file);
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

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"kind", required_argument, NULL, 'k'},
		{"map", required_argument, NULL, 'm'},
		{"encoding", required_argument, NULL, 'e'},
		{"dry-run", no_argument, NULL, 'n'},
		{"force", no_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_import_map map[64];
	char *mapbuf[64];
	gd_import_opts o;
	gd_ledger *l = NULL;
	gd_change *c = NULL;
	gd_time now;
	int ch, err, dry = 0, committed = 0, k;
	const char *word, *file, *fmt;
	size_t nmap = 0, count = 0;
	char *buf = NULL, *summary = NULL;
	size_t len = 0;
	gd_kind kind = GD_CUSTOMER;

	memset(&o, 0, sizeof(o));
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'k':
			if ((err = cmd_kind(&k, optarg, &cmd_import_entry)) < 0)
				return err;
			kind = (gd_kind)k;
			break;
		case 'm': {
			char *eq = strchr(optarg, '=');
			if (!eq || eq == optarg || !eq[1] || nmap == 64) {
				fprintf(stderr, _("gendan: --map takes COLUMN=FIELD\n"));
				return cmd_usage(&cmd_import_entry);
			}
			map[nmap].column = optarg;
			map[nmap].field = eq + 1;
			mapbuf[nmap++] = eq;
			break;
		}
		case 'e': o.encoding = optarg; break;
		case 'n': dry = 1; break;
		case 'f': o.force = 1; break;
		case 'h': return cmd_help(&cmd_import_entry);
		default: return cmd_usage(&cmd_import_entry);
		}
	}
	if (!(file = file_arg(&word, argc - optind, argv + optind)))
		return cmd_usage(&cmd_import_entry);
	if ((err = split_maps(map, mapbuf, nmap, kind)) < 0)
		return err;
	if ((err = cmd_now(&now, &o.today)) < 0)
		return err;
	o.kind = kind;
	o.map = map;
	o.nmap = nmap;
	o.now = &now;
	o.warn = say;
	if (isatty(STDERR_FILENO))
		o.progress = progress;
	if ((err = cmd_read_file(&buf, &len, file)) < 0)
		return err;
	if ((err = check_format(&fmt, word, buf, len, file)) < 0)
		goto done;
	o.vcard = !strcmp(fmt, "vcf");
	if (dry)
		ctx->flags &= ~CMD_LOCK;
	if ((err = cmd_setup(ctx, &l)) < 0)
		goto done;
	c = gd_change_new();
	if ((err = gd_import_csv(l, c, buf, len, file, &o, &count)) < 0)
		goto done;
	if (dry) {
		printf(P_("would import %zu %s record\n", "would import %zu %s records\n",
			  count), count, gd_kind_name(kind));
		goto done;
	}
	if (!count) {
		puts(_("nothing to import"));
		goto done;
	}
	if (asprintf(&summary, "import: %zu %s record%s from %s", count,
		     gd_kind_name(kind), count == 1 ? "" : "s", file) < 0) {
		summary = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	if ((err = cmd_commit(l, c, "import", summary, &committed)) < 0)
		goto done;
	printf(P_("imported %zu %s record\n", "imported %zu %s records\n", count),
	       count, gd_kind_name(kind));
done:
	free(summary);
	free(buf);
	gd_change_free(c);
	return err;
}

const struct cmd_entry cmd_import_entry = {
	"import", "import [csv|xlsx|vcf] FILE [--kind KIND] [--map COLUMN=FIELD]... [--encoding ENC] [--dry-run] [--force]",
	N_("add records from a CSV file (an Excel export) or vCards in one commit"),
	CMD_LEDGER | CMD_LOAD | CMD_LOCK,
	run,
};
