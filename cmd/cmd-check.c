/*
 * cmd-check.c - gendan check: validate the configuration and every record,
 * one line per problem naming its file; exit 1 if anything is wrong.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "gendan/phone.h"

static void count(void *ctx, const char *message)
{
	size_t *problems = ctx;

	cmd_say(stderr, "%s\n", message);
	(*problems)++;
}

static void hook_report(void *ctx, const char *message)
{
	(void)ctx;
	cmd_say(stderr, "gendan: %s\n", message);
}

/* The first of the environment variables naming who pushes. */
static const char *env_first(const char *const *names)
{
	const char *v;

	for (; *names; names++)
		if ((v = getenv(*names)) && *v)
			return v;
	return NULL;
}

static int run_hook(void)
{
	static const char *const pusher[] = {"GENDAN_PUSHER", "GITEA_PUSHER_EMAIL", NULL};
	static const char *const login[] = {"GL_USERNAME", "GL_USER", "GITHUB_USER_LOGIN", NULL};
	const char *gitdir = getenv("GIT_DIR");

	return gd_store_hook(gitdir && *gitdir ? gitdir : ".", stdin, env_first(pusher),
			     env_first(login), NULL, hook_report);
}

/* Orders and inquiries must name customers that exist. */
static void dangling(gd_ledger *l, size_t *problems)
{
	size_t i, nrecs;
	gd_record *const *recs = gd_ledger_records(l, &nrecs);

	for (i = 0; i < nrecs; i++) {
		const gd_record *r = recs[i];
		const char *cust = gd_node_str(r->root, "customer");
		if (r->kind == GD_CUSTOMER || !cust)
			continue;
		if (gd_ledger_id_free(l, GD_CUSTOMER, cust)) {
			cmd_say(stderr, _("%s: customer '%s' does not exist\n"), r->path, cust);
			(*problems)++;
		}
	}
}

/* With a roster, every owner must be a member who has not left: nobody's
 * `due` shows a record owned by anyone else. */
static void strangers(gd_ledger *l, gd_date today, size_t *problems)
{
	const gd_roster *t = gd_ledger_config(l)->team;
	size_t i, nrecs;
	gd_record *const *recs = gd_ledger_records(l, &nrecs);

	for (i = 0; t && i < nrecs; i++) {
		const char *owner = gd_record_owner(recs[i]);
		const gd_member *m = gd_roster_member(t, owner);
		char *shown;
		if (!owner || !*owner || gd_member_current(m, today))
			continue;
		shown = gd_inert(owner);
		if (m)
			fprintf(stderr, _("%s: owner '%s' has left the team: hand the record over (gendan reassign)\n"),
				recs[i]->path, shown);
		else
			fprintf(stderr, _("%s: owner '%s' is not a member of the team\n"),
				recs[i]->path, shown);
		free(shown);
		(*problems)++;
	}
}

struct key {
	char *key;
	const gd_record *r;
};

static int key_cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : strcmp(x->r->path, y->r->path);
}

static void add_key(struct key **k, size_t *n, const char *prefix, char *value,
		    const gd_record *r)
{
	struct key *nk;

	if (!value || !*value || !(nk = realloc(*k, (*n + 1) * sizeof(**k)))) {
		free(value);
		return;
	}
	*k = nk;
	if (asprintf(&nk[*n].key, "%s%s", prefix, value) < 0) {
		free(value);
		return;
	}
	free(value);
	nk[*n].r = r;
	(*n)++;
}

/* Customers that share an email, a company email domain, phone digits or
 * a company name without its legal form: named as notes, since a team may
 * have added them on purpose (--force). */
static void likely_duplicates(const gd_ledger *l)
{
	struct key *k = NULL;
	size_t n = 0, i, nrecs;
	gd_record *const *recs = gd_ledger_records(l, &nrecs);
	static const char *const what[] = {N_("email"), N_("email domain"),
					   N_("phone number"), N_("company name")};

	for (i = 0; i < nrecs; i++) {
		const gd_record *r = recs[i];
		const char *email = gd_node_str(r->root, "email");
		const char *phone = gd_node_str(r->root, "phone");
		char *dom;
		if (r->kind != GD_CUSTOMER)
			continue;
		if (email) {
			add_key(&k, &n, "0", gd_email_norm(email), r);
			dom = gd_email_domain(email);
			if (dom && gd_freemail(dom, gd_ledger_config(l)->freemail,
					       gd_ledger_config(l)->nfreemail)) {
				free(dom);
				dom = NULL;
			}
			add_key(&k, &n, "1", dom, r);
		}
		if (phone) {
			char *d = gd_phone_e164(phone,
						gd_ledger_config(l)->phone_region);
			if (strlen(d) < 6) {
				free(d);
				d = NULL;
			}
			add_key(&k, &n, "2", d, r);
		}
		if (gd_record_name(r))
			add_key(&k, &n, "3", gd_name_norm(gd_record_name(r)), r);
	}
	if (n > 1)
		qsort(k, n, sizeof(*k), key_cmp);
	for (i = 1; i < n; i++) {
		size_t first = i - 1;
		if (strcmp(k[i].key, k[i - 1].key))
			continue;
		while (first > 0 && !strcmp(k[first - 1].key, k[i].key))
			first--;
		cmd_say(stderr, _("note: %s looks like a duplicate of %s (the same %s)\n"),
			k[i].r->path, k[first].r->path, _(what[k[i].key[0] - '0']));
	}
	for (i = 0; i < n; i++)
		free(k[i].key);
	free(k);
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"hook", no_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	gd_record *const *recs;
	size_t i, nrecs, problems = 0;
	int ch, err, hook = 0;
	gd_time now;
	gd_date today;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'k': hook = 1; break;
		case 'h': return cmd_help(&cmd_check_entry);
		default: return cmd_usage(&cmd_check_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_check_entry);
	if (hook)
		return run_hook();
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	gd_ledger_load(l, count, &problems);
	gd_ledger_misplaced(l, count, &problems);
	dangling(l, &problems);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	strangers(l, today, &problems);
	likely_duplicates(l);
	recs = gd_ledger_records(l, &nrecs);
	for (i = 0; i < nrecs; i++) {
		const gd_node *c = gd_node_get(recs[i]->root, "conflicts");
		if (c && c->type == GD_SEQ && c->n) {
			fprintf(stderr, P_("%s: %zu open conflict from sync (edit the record to resolve)\n",
				   "%s: %zu open conflicts from sync (edit the record to resolve)\n",
				   c->n),
				recs[i]->path, c->n);
			problems++;
		}
	}
	if (problems) {
		err = gd_error_set(GD_EINVALID, P_("%zu problem in %s", "%zu problems in %s", problems),
				   problems, gd_ledger_root(l));
	} else {
		printf(P_("%zu record, no problems\n", "%zu records, no problems\n", nrecs), nrecs);
	}
	return err;
}

const struct cmd_entry cmd_check_entry = {
	"check", "check [--hook]",
	N_("validate gendan.yaml and every record; exit 1 if anything is wrong (--hook: as a pre-receive hook)"),
	CMD_LEDGER,
	run,
};
