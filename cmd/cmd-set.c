/*
 * cmd-set.c - gendan set REF FIELD=VALUE...: change fields of a record.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* Apply one FIELD=VALUE to r; an empty VALUE removes the field. */
static int set_one(gd_ledger *l, gd_record *r, const char *arg, gd_date today)
{
	const char *eq = strchr(arg, '=');
	char *field;
	const char *value;
	int err = 0;

	if (!eq || eq == arg)
		return gd_error_set(GD_EUSAGE, _("expected FIELD=VALUE, got '%s'"), arg);
	field = strndup(arg, (size_t)(eq - arg));
	if (!field)
		return gd_error_set(GD_ERROR, _("out of memory"));
	value = eq + 1;
	if (r->kind == GD_CUSTOMER && !strcmp(field, "people")) {
		err = gd_error_set(GD_EINVALID,
				   _("set cannot change 'people': use 'gendan person add|set|rm %s NAME'"),
				   r->id);
		goto done;
	}
	if (!gd_record_field_settable(r->kind, field)) {
		err = gd_error_set(GD_EINVALID, _("%s has no field '%s' that set can change"),
				   gd_kind_name(r->kind), field);
		goto done;
	}
	if (!*value && !strcmp(field, "owner")) {
		gd_record_set_owner(r, NULL, today); /* to the public pool */
		goto done;
	}
	if (!*value) {
		gd_node_remove(r->root, field);
		goto done;
	}
	if (gd_record_field_is_date(r->kind, field)) {
		gd_date d;
		char buf[GD_DATE_LEN];
		if ((err = gd_when_parse(&d, value, today)) < 0)
			goto done;
		gd_date_format(buf, d);
		gd_node_set_str(r->root, field, buf, 1);
	} else if (!strcmp(field, "owner")) {
		char *owner = NULL;
		if ((err = cmd_owner(l, &owner, value, today)) < 0)
			goto done;
		gd_record_set_owner(r, owner, today);
		free(owner);
	} else if (!strcmp(field, "tags")) {
		gd_node *tags = gd_node_seq();
		char *copy = strdup(value), *tok, *save = NULL;
		if (!copy) {
			gd_node_free(tags);
			err = gd_error_set(GD_ERROR, _("out of memory"));
			goto done;
		}
		for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
			if (*tok)
				gd_node_push(tags, gd_node_scalar(tok, 0));
		free(copy);
		gd_node_set(r->root, field, tags);
	} else if (!strcmp(field, "customer") && r->kind != GD_CUSTOMER) {
		gd_record *cust = NULL;
		if ((err = cmd_find(l, &cust, value, GD_CUSTOMER)) < 0)
			goto done;
		gd_node_set_str(r->root, field, cust->id, 0);
	} else {
		gd_node_set_str(r->root, field, value, 0);
	}
done:
	free(field);
	return err;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	gd_record *r = NULL;
	gd_time now;
	gd_date today;
	char *args = NULL, *end, *summary = NULL;
	size_t len = 1;
	int ch, i, err;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h': return cmd_help(&cmd_set_entry);
		default: return cmd_usage(&cmd_set_entry);
		}
	}
	if (argc - optind < 2)
		return cmd_usage(&cmd_set_entry);
	for (i = optind + 1; i < argc; i++) {
		if (!strchr(argv[i], '=') || argv[i][0] == '=') {
			fprintf(stderr, _("gendan: expected FIELD=VALUE, got '%s'\n"), argv[i]);
			return cmd_usage(&cmd_set_entry);
		}
		len += strlen(argv[i]) + 1;
	}
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = cmd_find_clean(l, &r, argv[optind], -1)) < 0)
		goto done;
	for (i = optind + 1; i < argc; i++)
		if ((err = set_one(l, r, argv[i], today)) < 0)
			goto done;
	if (!(args = calloc(1, len))) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	for (i = optind + 1, end = args; i < argc; i++) {
		if (end > args)
			*end++ = ' ';
		end = stpcpy(end, argv[i]);
	}
	summary = cmd_oneline(args, 60);
	/* validates, and commits nothing when the values were already set */
	err = cmd_save(l, r, "set", summary ? summary : "");
done:
	free(args);
	free(summary);
	return err;
}

const struct cmd_entry cmd_set_entry = {
	"set", "set REF FIELD=VALUE...",
	N_("change fields of a record (tier, grade, status, owner, next ...; VALUE empty removes)"),
	CMD_LEDGER | CMD_LOCK,
	run,
};
