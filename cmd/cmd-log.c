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
	const char *note = NULL, *via = NULL, *next_s = NULL, *at_s = NULL;
	gd_ledger *l = NULL;
	gd_record *r = NULL;
	gd_change *c = NULL;
	gd_node *entry = NULL;
	gd_time now, at;
	gd_date today, next;
	char *edited = NULL, *line = NULL, *summary = NULL;
	char buf[GD_TIME_LEN];
	const char *name = NULL, *email = NULL;
	int ch, err, committed = 0;

	while ((ch = getopt_long(argc, argv, "m:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'm': note = optarg; break;
		case 'v': via = optarg; break;
		case 'n': next_s = optarg; break;
		case 'a': at_s = optarg; break;
		case 'h': return cmd_help(&cmd_log_entry);
		default: return cmd_usage(&cmd_log_entry);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(&cmd_log_entry);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	at = now;
	if (at_s && (err = gd_time_parse_past(&at, at_s, today)) < 0)
		return err;
	if (next_s && (err = gd_when_parse(&next, next_s, today)) < 0)
		return err;
	if ((err = cmd_open(ctx, &l, 0, 1)) < 0)
		return err;
	if (via && !gd_config_has_channel(gd_ledger_config(l), via)) {
		err = gd_error_set(GD_EINVALID, _("channel '%s' is not one of the channels in gendan.yaml"),
				   via);
		goto done;
	}
	if ((err = gd_store_identity(gd_ledger_store(l), &name, &email)) < 0)
		goto done;
	if ((err = cmd_find_clean(l, &r, argv[optind], -1)) < 0)
		goto done;
	if (!note) {
		if ((err = ask_note(&edited, r)) < 0)
			goto done;
		note = edited;
	}
	entry = gd_node_map();
	gd_time_format(buf, &at);
	gd_node_set_str(entry, "at", buf, 1);
	gd_node_set_str(entry, "by", email, 0);
	if (via)
		gd_node_set_str(entry, "via", via, 0);
	if (*note)
		gd_node_set_str(entry, "note", note, 0);
	if (next_s) {
		char d[GD_DATE_LEN];
		gd_date_format(d, next);
		gd_node_set_str(entry, "next", d, 1);
	}
	gd_record_add_log(r, entry);
	entry = NULL;
	/* the first contact on an inquiry is its reply */
	if (r->kind == GD_INQUIRY && !gd_node_str(r->root, "replied")) {
		gd_node_set_str(r->root, "replied", buf, 1);
		if (!strcmp(gd_record_status(r), "new"))
			gd_node_set_str(r->root, "status", "replied", 0);
	}
	if ((err = gd_record_validate(r, gd_ledger_config(l))) < 0)
		goto done;
	c = gd_change_new();
	if ((err = gd_ledger_stage(c, r)) < 0)
		goto done;
	summary = cmd_oneline(note, 40);
	if (asprintf(&line, "log: %s%s%s%s %s", r->id, via ? " (" : "",
		     via ? via : "", via ? ")" : "", summary ? summary : "") < 0) {
		line = NULL;
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	if ((err = cmd_commit(l, c, "log", line, &committed)) < 0)
		goto done;
	if (via)
		printf(_("logged %s on %s/%s"), via, gd_kind_name(r->kind), r->id);
	else
		printf(_("logged contact on %s/%s"), gd_kind_name(r->kind), r->id);
	if (next_s) {
		char d[GD_DATE_LEN];
		gd_date_format(d, next);
		printf(_(", next %s"), d);
	}
	putchar('\n');
done:
	gd_node_free(entry);
	free(edited);
	free(summary);
	free(line);
	gd_change_free(c);
	gd_ledger_free(l);
	return err;
}

const struct cmd_entry cmd_log_entry = {
	"log", "log REF [-m NOTE] [--via CHANNEL] [--next WHEN] [--at TIME]",
	N_("log a contact on a record (no -m: write the note in $EDITOR)"),
	run,
};
