/*
 * util.c - helpers shared by the subcommands (see cmd.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"

int cmd_usage(const struct cmd_entry *e)
{
	fprintf(stderr, _("usage: gendan %s\n"), e->usage);
	return GD_EUSAGE;
}

int cmd_help(const struct cmd_entry *e)
{
	printf(_("usage: gendan %s\n"), e->usage);
	printf("\n%s\n", _(e->summary));
	return 0;
}

void cmd_print_bad(void *ctx, const char *message)
{
	(void)ctx;
	cmd_say(stderr, "gendan: %s\n", message);
}

int cmd_setup(struct cmd_ctx *ctx, gd_ledger **out)
{
	gd_ledger *l = NULL;
	int err;

	*out = NULL;
	if ((err = gd_ledger_open(&l, ctx->dir)) < 0)
		return err;
	ctx->ledger = l;
	if ((ctx->flags & CMD_LOCK) && (err = gd_store_lock(gd_ledger_store(l))) < 0)
		return err;
	if ((ctx->flags & CMD_LOAD) &&
	    (err = gd_ledger_load(l, cmd_print_bad, NULL)) < 0)
		return err;
	*out = l;
	return 0;
}

int cmd_kind(int *out, const char *value, const struct cmd_entry *e)
{
	gd_kind k;

	*out = -1;
	if (!value)
		return 0;
	if (gd_kind_parse(&k, value) < 0) {
		cmd_say(stderr, "gendan: %s\n", gd_error_last());
		return cmd_usage(e);
	}
	*out = (int)k;
	return 0;
}

int cmd_now(gd_time *now, gd_date *today)
{
	int err;

	if ((err = gd_now(now)) < 0)
		return err;
	*today = gd_time_date(now);
	return 0;
}

int cmd_format(int *out, const char *value, const char *allowed)
{
	static const char *const names[] = {"table", "json", "tsv", "yaml"};
	size_t i, n = strlen(value);
	const char *p;

	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		if (strcmp(value, names[i]))
			continue;
		for (p = allowed; (p = strstr(p, value)); p += n)
			if ((p == allowed || p[-1] == ',') &&
			    (p[n] == ',' || p[n] == '\0')) {
				*out = (int)i;
				return 0;
			}
	}
	gd_error_set(GD_EUSAGE, _("invalid format '%s': use one of %s"), value,
		     allowed);
	cmd_say(stderr, "gendan: %s\n", gd_error_last());
	return GD_EUSAGE;
}

int cmd_commit(gd_ledger *l, gd_change *c, const char *action,
	       const char *summary, int *committed)
{
	size_t i, n = gd_change_count(c);
	char **paths = malloc((n ? n : 1) * sizeof(*paths));
	char *msg;
	int err;

	if (!paths)
		return gd_error_set(GD_ERROR, _("out of memory"));
	for (i = 0; i < n; i++)
		paths[i] = (char *)gd_change_path(c, i);
	msg = gd_store_message(summary, action, paths, n);
	err = gd_store_apply(gd_ledger_store(l), c, msg, committed);
	free(msg);
	free(paths);
	return err;
}

char *cmd_oneline(const char *text, size_t max)
{
	size_t i = 0, o = 0, w = 0;
	char *out = malloc(strlen(text) + 4);

	if (!out)
		return NULL;
	while (text[i] && w < max) {
		unsigned char c = (unsigned char)text[i];
		size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
		if (c == '\n' || c == '\r' || c == '\t') {
			if (o && out[o - 1] != ' ')
				out[o++] = ' ';
			i++;
			continue;
		}
		if (strnlen(text + i, len) < len)
			break;
		memcpy(out + o, text + i, len);
		o += len;
		i += len;
		w += len > 2 ? 2 : 1;
	}
	while (o && out[o - 1] == ' ')
		o--;
	if (text[i]) {
		memcpy(out + o, "…", strlen("…"));
		o += strlen("…");
	}
	out[o] = '\0';
	return out;
}

void cmd_print(char *s)
{
	if (s)
		fputs(s, stdout);
	free(s);
}

void cmd_print_inert(char *s)
{
	if (s)
		cmd_print(gd_inert_lines(s));
	free(s);
}

void cmd_say(FILE *f, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL, *x;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (!s)
		return;
	x = gd_inert_lines(s);
	fputs(x, f);
	free(x);
	free(s);
}

int cmd_edit_text(char **out, const char *text, const char *suffix)
{
	const char *editor = getenv("VISUAL");
	char path[64];
	char *buf = NULL, *cmd = NULL;
	size_t len, tl = strlen(text);
	int fd, status, err = 0;

	*out = NULL;
	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	/* the suffix lets the editor pick its highlighting (.yaml, .txt) */
	snprintf(path, sizeof(path), "/tmp/gendan-XXXXXX%.16s", suffix);
	if ((fd = mkstemps(path, (int)strlen(path) - (int)strlen("/tmp/gendan-XXXXXX"))) < 0)
		return gd_error_set(GD_EIO, _("cannot create a temporary file: %s"),
				    strerror(errno));
	if (write(fd, text, tl) != (ssize_t)tl || close(fd) < 0) {
		err = gd_error_set(GD_EIO, _("cannot write '%s': %s"), path,
				   strerror(errno));
		goto done;
	}
	/* like git, the editor is run by the shell so "code --wait" works */
	if (asprintf(&cmd, "%s \"$@\"", editor) < 0) {
		cmd = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	{
		pid_t pid = fork();
		if (pid < 0) {
			err = gd_error_set(GD_EIO, _("cannot run the editor: %s"),
					   strerror(errno));
			goto done;
		}
		if (pid == 0) {
			execl("/bin/sh", "sh", "-c", cmd, editor, path, (char *)NULL);
			_exit(127);
		}
		while (waitpid(pid, &status, 0) < 0)
			if (errno != EINTR) {
				err = gd_error_set(GD_EIO, _("cannot wait for the editor"));
				goto done;
			}
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		err = gd_error_set(GD_ERROR, _("the editor '%s' failed; nothing changed"),
				   editor);
		goto done;
	}
	if ((err = cmd_read_file(&buf, &len, path)) < 0)
		goto done;
	*out = buf;
	buf = NULL;
done:
	unlink(path);
	free(cmd);
	free(buf);
	return err;
}

/* The records of entries, read again, for JSON. */
static int list_json(gd_ledger *l, const gd_entry *e, size_t n)
{
	gd_record **recs = calloc(n + 1, sizeof(*recs));
	size_t i, k;

	if (!recs)
		return gd_error_set(GD_ERROR, _("out of memory"));
	k = gd_ledger_read_entries(l, recs, e, n, cmd_print_bad, NULL);
	cmd_print(gd_json_records(recs, k));
	for (i = 0; i < k; i++)
		gd_record_free(recs[i]);
	free(recs);
	return 0;
}

char *cmd_money_text(const char *cur, gd_dec amount)
{
	size_t size = (cur ? strlen(cur) : 0) + 2 * (size_t)GD_DEC_LEN + 2;
	char *buf = malloc(size);

	if (buf)
		gd_money_format(buf, size, cur, amount);
	return buf;
}

/* An order's outstanding as people read it ("USD 3,202.50"), or NULL;
 * malloc'd. */
static char *owed_text(const gd_entry *e)
{
	gd_dec d;
	char *s = NULL;

	if (e->outstanding && gd_dec_parse(&d, e->outstanding) == 0)
		s = cmd_money_text(e->currency, d);
	gd_error_clear();
	return s;
}

/* ls order: number, customer, status, ship-by, outstanding (SPEC 3). */
static void order_table(gd_ledger *l, const gd_entry *e, size_t n,
			struct cmd_ctx *ctx)
{
	static const char *const headers[] = {N_("REF"), N_("NUMBER"), N_("CUSTOMER"),
					      N_("STATUS"), N_("SHIP-BY"),
					      N_("OUTSTANDING"), N_("OWNER")};
	gd_table *t = cmd_table_new(7, headers);
	size_t i;

	for (i = 0; i < n; i++) {
		char ref[128], *owed = owed_text(&e[i]);
		const char *cells[7];
		snprintf(ref, sizeof(ref), "%s/%s", gd_kind_name(e[i].kind), e[i].id);
		cells[0] = ref;
		cells[1] = e[i].cells[0];
		cells[2] = e[i].customer_name;
		cells[3] = e[i].cells[2];
		cells[4] = e[i].ship_by;
		cells[5] = owed;
		cells[6] = gd_roster_display(gd_ledger_config(l)->team, e[i].cells[3]);
		gd_table_add(t, cells, GD_PLAIN);
		free(owed);
	}
	if (n)
		cmd_print(gd_table_render(t, ctx->color, 0));
	gd_table_free(t);
}

/* The status column of TSV: what scripts read is the same in every
 * language, so a hold is worded in English, as the C locale words it. */
static void tsv_status(char *buf, size_t size, const gd_entry *e)
{
	const char *status = e->status ? e->status : "";

	if (e->hold_until)
		snprintf(buf, size, e->hold_ended ? "%s (hold ended %s)" : "%s (hold until %s)",
			 status, e->hold_until);
	else
		snprintf(buf, size, "%s", status);
}

int cmd_list(gd_ledger *l, const gd_entry *e, size_t n, int kind, int format,
	     struct cmd_ctx *ctx)
{
	static const char *const headers[] = {N_("REF"), N_("NAME"), N_("GRADE"),
					      N_("STATUS"), N_("OWNER"), N_("COUNTRY"),
					      N_("CITY"), N_("LAST CONTACT")};
	static const char *const tsv_headers[] = {
		"id", "kind", "name", "grade", "status", "owner", "country", "city",
		"last_contact", "path", "customer", "ship_by", "currency", "outstanding"};
	gd_table *t = NULL;
	size_t i;

	if (format == FMT_JSON)
		return list_json(l, e, n);
	if (format != FMT_TSV && kind == GD_ORDER) {
		order_table(l, e, n, ctx);
		return 0;
	}
	if (format == FMT_TSV)
		cmd_print(gd_tsv_line(tsv_headers, 14));
	else
		t = cmd_table_new(8, headers);
	for (i = 0; i < n; i++) {
		char ref[128], status[128];
		const char *cells[14];
		memcpy(cells + 2, e[i].cells, sizeof(e[i].cells));
		cells[9] = e[i].path;
		if (t) {
			snprintf(ref, sizeof(ref), "%s/%s", gd_kind_name(e[i].kind), e[i].id);
			cells[1] = ref;
			/* people read names; scripts (TSV) the email */
			cells[5] = gd_roster_display(gd_ledger_config(l)->team, cells[5]);
			gd_table_add(t, cells + 1, GD_PLAIN);
		} else {
			cells[0] = e[i].id;
			cells[1] = gd_kind_name(e[i].kind);
			tsv_status(status, sizeof(status), &e[i]);
			cells[4] = status;
			cells[10] = e[i].customer;
			cells[11] = e[i].ship_by;
			cells[12] = e[i].currency;
			cells[13] = e[i].outstanding;
			cmd_print(gd_tsv_line(cells, 14));
		}
	}
	if (t && n)
		cmd_print(gd_table_render(t, ctx->color, 0));
	gd_table_free(t);
	return 0;
}

gd_table *cmd_table_new(size_t ncols, const char *const *headers)
{
	const char *h[16];
	size_t i;

	for (i = 0; i < ncols && i < 16; i++)
		h[i] = *headers[i] ? _(headers[i]) : "";
	return gd_table_new(i, h);
}

int cmd_optional_date(gd_date *out, const char *optarg_, int argc, char **argv,
		      int *optind_, gd_date today)
{
	if (optarg_)
		return gd_when_parse_past(out, optarg_, today);
	if (*optind_ < argc && gd_when_parse_past(out, argv[*optind_], today) == 0) {
		(*optind_)++;
		return 0;
	}
	gd_error_clear();
	*out = today;
	return 0;
}

int cmd_find(gd_ledger *l, gd_record **out, const char *ref, int kind)
{
	return gd_ledger_find(l, out, ref, kind, cmd_print_bad, NULL);
}

int cmd_find_clean(gd_ledger *l, gd_record **out, const char *ref, int kind)
{
	int err;

	if ((err = cmd_find(l, out, ref, kind)) < 0)
		return err;
	return gd_ledger_check_clean(l, *out);
}

int cmd_owner(gd_ledger *l, char **out, const char *value, gd_date today)
{
	return gd_roster_owner(out, gd_ledger_config(l)->team, value,
			     gd_store_me(gd_ledger_store(l)), today);
}

int cmd_owner_filter(gd_ledger *l, char **out, const char *value, gd_date today)
{
	return gd_roster_filter(out, gd_ledger_config(l)->team, value,
				gd_store_me(gd_ledger_store(l)), today);
}

int cmd_save(gd_ledger *l, gd_record *r, const char *action,
	     const char *summary)
{
	gd_change *c;
	char *line = NULL;
	int err, committed = 0;

	if ((err = gd_record_validate(r, gd_ledger_config(l))) < 0)
		return err;
	c = gd_change_new();
	if ((err = gd_ledger_stage(c, r)) < 0)
		goto done;
	if (asprintf(&line, "%s: %s %s", action, r->id, summary) < 0) {
		line = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	if ((err = cmd_commit(l, c, action, line, &committed)) < 0)
		goto done;
	if (committed)
		printf(_("updated %s/%s\n"), gd_kind_name(r->kind), r->id);
	else
		printf(_("%s/%s unchanged\n"), gd_kind_name(r->kind), r->id);
done:
	free(line);
	gd_change_free(c);
	return err;
}

int cmd_read_file(char **out, size_t *len, const char *path)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0, r;

	*out = NULL;
	if (!f)
		return gd_error_set(GD_ENOTFOUND, _("cannot open '%s'"), path);
	do {
		if (n + 65536 > cap) {
			cap = cap ? cap * 2 : 65536;
			if (!(nb = realloc(buf, cap + 1))) {
				free(buf);
				if (f != stdin)
					(void)fclose(f);
				return gd_error_set(GD_ERROR, _("out of memory"));
			}
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	if (ferror(f)) {
		free(buf);
		if (f != stdin)
			(void)fclose(f);
		return gd_error_set(GD_EIO, _("cannot read '%s'"), path);
	}
	if (f != stdin)
		(void)fclose(f); /* read only: nothing to lose */
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

/* --- progress of clone and sync ----------------------------------------- */

static int progress_open; /* a line not yet ended, of this kind + 1 */
static size_t progress_pct; /* what it shows */

static void progress_line(void *ctx, gd_progress_kind kind, size_t done, size_t total)
{
	const char *what = kind == GD_PROGRESS_RECEIVED ? _("receiving objects")
			   : kind == GD_PROGRESS_SENT   ? _("sending objects")
							: _("records merged");

	(void)ctx;
	/* as git: the line changes when its percentage does */
	if (progress_open == (int)kind + 1 && done < total &&
	    (total ? done * 100 / total : 0) == progress_pct)
		return;
	progress_pct = total ? done * 100 / total : 0;
	if (progress_open && progress_open != (int)kind + 1)
		fputc('\n', stderr);
	/* one line, rewritten, as git's "Receiving objects: 40% (4/10)" */
	fputc('\r', stderr);
	if (kind == GD_PROGRESS_MERGED)
		fprintf(stderr, "%s: %zu/%zu", what, done, total);
	else
		fprintf(stderr, "%s: %3zu%% (%zu/%zu)", what, total ? done * 100 / total : 100,
			done, total);
	progress_open = (int)kind + 1;
	if (done >= total) {
		fputs(_(", done."), stderr);
		fputc('\n', stderr);
		progress_open = 0;
	}
	(void)fflush(stderr);
}

void cmd_progress_start(void)
{
	if (isatty(STDERR_FILENO))
		gd_store_progress_set(progress_line, NULL);
}

void cmd_progress_end(void)
{
	if (progress_open)
		fputc('\n', stderr);
	progress_open = 0;
	gd_store_progress_set(NULL, NULL);
}
