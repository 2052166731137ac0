/*
 * cmd-person.c - gendan person add|set|rm REF NAME [--role --email --phone
 * --wechat --whatsapp --note] [--force]: a customer's contact persons.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "gendan/people.h"

enum { O_ROLE = 256, O_EMAIL, O_PHONE, O_WECHAT, O_WHATSAPP, O_NOTE, O_FORCE };

/* A person's email or phone that another record has: the duplicate check
 * of add (SPEC 3), the customer itself and what is linked to it aside. */
static int dup_check(gd_ledger *l, const gd_record *r, const char *name,
		     const gd_person_fields *f)
{
	gd_dup_probe probe = {NULL, f->email, f->phone, 0};
	char *what;
	int err;

	if ((!f->email || !*f->email) && (!f->phone || !*f->phone))
		return 0;
	if (asprintf(&what, _("person '%s' of customer/%s"), name, r->id) < 0)
		return gd_error_set(GD_ERROR, _("out of memory"));
	err = gd_ledger_dup_check(l, &probe, what, r->path, r->id, cmd_print_bad, NULL);
	free(what);
	return err;
}

static int apply(gd_ledger *l, gd_record *r, const char *action,
		 const char *name, const gd_person_fields *f, int force)
{
	int err;

	if (!strcmp(action, "add"))
		err = gd_person_add(r, name, f);
	else if (!strcmp(action, "set"))
		err = gd_person_set(r, name, f);
	else
		return gd_person_remove(r, name);
	if (err < 0 || force)
		return err;
	return dup_check(l, r, name, f);
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"role", required_argument, NULL, O_ROLE},
		{"email", required_argument, NULL, O_EMAIL},
		{"phone", required_argument, NULL, O_PHONE},
		{"wechat", required_argument, NULL, O_WECHAT},
		{"whatsapp", required_argument, NULL, O_WHATSAPP},
		{"note", required_argument, NULL, O_NOTE},
		{"force", no_argument, NULL, O_FORCE},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_person_fields f = {0};
	const char *action, *name;
	int ch, err, force = 0, given = 0;
	gd_ledger *l = NULL;
	gd_record *r = NULL;
	char *summary = NULL;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		given += ch >= O_ROLE && ch <= O_NOTE;
		switch (ch) {
		case O_ROLE: f.role = optarg; break;
		case O_EMAIL: f.email = optarg; break;
		case O_PHONE: f.phone = optarg; break;
		case O_WECHAT: f.wechat = optarg; break;
		case O_WHATSAPP: f.whatsapp = optarg; break;
		case O_NOTE: f.note = optarg; break;
		case O_FORCE: force = 1; break;
		case 'h': return cmd_help(&cmd_person_entry);
		default: return cmd_usage(&cmd_person_entry);
		}
	}
	if (argc - optind != 3)
		return cmd_usage(&cmd_person_entry);
	action = argv[optind];
	name = argv[optind + 2];
	if (strcmp(action, "add") && strcmp(action, "set") && strcmp(action, "rm"))
		return cmd_usage(&cmd_person_entry);
	if (!strcmp(action, "rm") && (given || force))
		return cmd_usage(&cmd_person_entry);
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = cmd_find_clean(l, &r, argv[optind + 1], -1)) < 0)
		goto done;
	if ((err = apply(l, r, action, name, &f, force)) < 0)
		goto done;
	if (!(summary = cmd_oneline(name, 40))) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	{
		char *line = NULL;
		if (asprintf(&line, "%s %s", action, summary) < 0) {
			err = gd_error_set(GD_ERROR, _("out of memory"));
			goto done;
		}
		free(summary);
		summary = line;
	}
	err = cmd_save(l, r, "person", summary);
done:
	free(summary);
	return err;
}

const struct cmd_entry cmd_person_entry = {
	"person",
	"person add|set|rm REF NAME [--role ROLE] [--email EMAIL] [--phone PHONE]\n"
	"                  [--wechat ID] [--whatsapp PHONE] [--note TEXT] [--force]",
	N_("manage a customer's contact persons: name, role, email, phone, WeChat, WhatsApp"),
	CMD_LEDGER | CMD_LOCK,
	run,
};
