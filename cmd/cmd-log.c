/*
 * cmd-log.c - gendan log REF [-m NOTE] [--via CH] [--next WHEN] [--at TIME]:
 * leave a trace of a contact, right after the call.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* The note from the editor: lines starting with '#' dropped, trimmed. */
static char *strip_comments(const char *text)
{
	size_t n = strlen(text), o = 0;
	char *out = malloc(n + 1);
	const char *p = text;

	if (!out)
		return NULL;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (*p != '#') {
			memcpy(out + o, p, len);
			o += len;
			out[o++] = '\n';
		}
		p += len + (eol ? 1 : 0);
	}
	while (o && strchr(" \t\r\n", out[o - 1]))
		o--;
	out[o] = '\0';
	p = out;
	while (*p && strchr(" \t\r\n", *p))
		p++;
	memmove(out, p, strlen(p) + 1);
	return out;
}

static int ask_note(char **out, const gd_record *r)
{
	char *text = NULL, *tmpl;
	const char *name = gd_record_name(r);
	int err;

	*out = NULL;
	if (asprintf(&tmpl,
		     _("\n# Contact with %s (%s/%s).\n"
		       "# What was said, what was promised.  Lines starting with '#'\n"
		       "# are ignored; an empty note aborts.\n"),
		     name ? name : r->id, gd_kind_name(r->kind), r->id) < 0)
		return gd_error_set(GD_ERROR, _("out of memory"));
	err = cmd_edit_text(&text, tmpl, ".txt");
	free(tmpl);
	if (err < 0)
		return err;
	*out = strip_comments(text);
	free(text);
	if (!*out)
		return gd_error_set(GD_ERROR, _("out of memory"));
	if (!**out) {
		free(*out);
		*out = NULL;
		return gd_error_set(GD_EINVALID, _("empty note: nothing logged"));
	}
	return 0;
}

struct log_opts {
	const char *note, *via, *next_s, *at_s;
};

/* The commit's summary: "log: ID (VIA) NOTE…". */
static int log_summary(char **out, const gd_record *r, const char *via,
		       const char *note)
{
	char *one = cmd_oneline(note, 40);
	int err = 0;

	if (asprintf(out, "log: %s%s%s%s %s", r->id, via ? " (" : "",
		     via ? via : "", via ? ")" : "", one ? one : "") < 0) {
		*out = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
	}
	free(one);
	return err;
}

static void print_logged(const gd_record *r, const char *via,
			 const gd_date *next)
{
	if (via)
		printf(_("logged %s on %s/%s"), via, gd_kind_name(r->kind), r->id);
	else
		printf(_("logged contact on %s/%s"), gd_kind_name(r->kind), r->id);
	if (next) {
		char d[GD_DATE_LEN];
		gd_date_format(d, *next);
		printf(_(", next %s"), d);
	}
	putchar('\n');
}

/* Log contact c on the record ref names; the note from the editor when
 * c has none. */
static int log_contact(gd_ledger *l, const char *ref, gd_contact *c)
{
	gd_record *r = NULL;
	gd_change *ch = NULL;
	char *edited = NULL, *line = NULL;
	const char *name = NULL;
	int err, committed = 0;

	if ((err = gd_contact_check_via(gd_ledger_config(l), c->via)) < 0)
		return err;
	if ((err = gd_store_identity(gd_ledger_store(l), &name, &c->by)) < 0)
		return err;
	if ((err = cmd_find_clean(l, &r, ref, -1)) < 0)
		return err;
	if (!c->note) {
		if ((err = ask_note(&edited, r)) < 0)
			goto done;
		c->note = edited;
	}
	if ((err = gd_record_log_contact(r, c, gd_ledger_config(l))) < 0)
		goto done;
	ch = gd_change_new();
	if ((err = gd_ledger_stage(ch, r)) < 0)
		goto done;
	if ((err = log_summary(&line, r, c->via, c->note)) < 0)
		goto done;
	if ((err = cmd_commit(l, ch, "log", line, &committed)) < 0)
		goto done;
	print_logged(r, c->via, c->next);
done:
	free(edited);
	free(line);
	gd_change_free(ch);
	return err;
}

/* A contact happened (now or earlier), and the next one agreed is not
 * before it (SPEC 3: log). */
static int plausible(const gd_time *at, const gd_time *now, const gd_date *next)
{
	char a[GD_TIME_LEN], d[GD_DATE_LEN], c[GD_DATE_LEN];

	if (at->t > now->t) {
		gd_time_format(a, at);
		return gd_error_set(GD_EINVALID,
				    _("--at %s is after now: a contact is logged when it happened, now or earlier"),
				    a);
	}
	if (next && *next < gd_time_date(at)) {
		gd_date_format(d, *next);
		gd_date_format(c, gd_time_date(at));
		return gd_error_set(GD_EINVALID,
				    _("--next %s is before the contact (%s): give its day or a later one"),
				    d, c);
	}
	return 0;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"message", required_argument, NULL, 'm'},
		{"via", required_argument, NULL, 'v'},
		{"next", required_argument, NULL, 'n'},
		{"at", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct log_opts o = {0};
	gd_contact c = {0};
	gd_ledger *l = NULL;
	gd_time now;
	gd_date today, next;
	int ch, err;

	while ((ch = getopt_long(argc, argv, "m:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'm': o.note = optarg; break;
		case 'v': o.via = optarg; break;
		case 'n': o.next_s = optarg; break;
		case 'a': o.at_s = optarg; break;
		case 'h': return cmd_help(&cmd_log_entry);
		default: return cmd_usage(&cmd_log_entry);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(&cmd_log_entry);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	c.at = now;
	if (o.at_s && (err = gd_time_parse_past(&c.at, o.at_s, today)) < 0)
		return err;
	if (o.next_s && (err = gd_when_parse(&next, o.next_s, today)) < 0)
		return err;
	if ((err = plausible(&c.at, &now, o.next_s ? &next : NULL)) < 0)
		return err;
	c.via = o.via;
	c.note = o.note;
	c.next = o.next_s ? &next : NULL;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	err = log_contact(l, argv[optind], &c);
	return err;
}

const struct cmd_entry cmd_log_entry = {
	"log", "log REF [-m NOTE] [--via CHANNEL] [--next WHEN] [--at TIME]",
	N_("log a contact on a record (no -m: write the note in $EDITOR)"),
	CMD_LEDGER | CMD_LOCK,
	run,
};
