/*
 * cmd-edit.c - gendan edit REF: the record in $VISUAL/$EDITOR; on save it
 * is validated (reopened with the error at the top, like crontab -e) and
 * committed in canonical form.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	gd_record *r = NULL, *edited = NULL;
	char *text = NULL, *shown = NULL, *back = NULL;
	char *before = NULL, *after = NULL;
	size_t blen, alen;
	int ch, err;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h': return cmd_help(&cmd_edit_entry);
		default: return cmd_usage(&cmd_edit_entry);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(&cmd_edit_entry);
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = cmd_find_clean(l, &r, argv[optind], -1)) < 0)
		goto done;
	if ((err = gd_record_emit(&before, &blen, r)) < 0)
		goto done;
	if (!(text = strdup(before))) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	for (;;) {
		free(back);
		back = NULL;
		if ((err = cmd_edit_text(&back, text, ".yaml")) < 0)
			goto done;
		if (!strcmp(back, text)) {
			/* saved as shown: nothing to do, or giving up on an error */
			if (shown)
				err = gd_error_set(GD_EINVALID, _("%s: not changed: %s"), r->path, shown);
			else
				printf(_("%s/%s unchanged\n"), gd_kind_name(r->kind), r->id);
			goto done;
		}
		gd_record_free(edited);
		edited = NULL;
		if (gd_record_parse(&edited, r->path, back, strlen(back)) == 0 &&
		    gd_record_validate(edited, gd_ledger_config(l)) == 0)
			break;
		free(shown);
		if (!(shown = strdup(gd_error_last()))) {
			err = gd_error_set(GD_ERROR, _("out of memory"));
			goto done;
		}
		free(text);
		if (asprintf(&text, _("# gendan: %s\n# Fix the record and save; save it unchanged to give up.\n%s"),
			     shown, back) < 0) {
			text = NULL;
			err = gd_error_set(GD_ERROR, _("out of memory"));
			goto done;
		}
	}
	if ((err = gd_record_emit(&after, &alen, edited)) < 0)
		goto done;
	if (alen == blen && !memcmp(after, before, blen)) {
		printf(_("%s/%s unchanged\n"), gd_kind_name(r->kind), r->id);
		goto done;
	}
	err = cmd_save(l, edited, "edit", "by hand");
done:
	free(before);
	free(after);
	free(text);
	free(shown);
	free(back);
	gd_record_free(edited);
	return err;
}

const struct cmd_entry cmd_edit_entry = {
	"edit", "edit REF",
	N_("edit a record in $EDITOR; validated (reopened on error) and committed on save"),
	CMD_LEDGER | CMD_LOCK,
	run,
};
