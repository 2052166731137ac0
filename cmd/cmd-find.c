/*
 * cmd-find.c - gendan find TEXT: search names, companies, emails, phones
 * (digits only) and notes.  Look before you add.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

struct query {
	const char *text;
	char *digits; /* the digits of the text, when it is mostly digits */
};

static int text_hit(const gd_node *map, const char *key, const struct query *q)
{
	const char *v = gd_node_str(map, key);

	return v && gd_text_contains(v, q->text);
}

static int phone_hit(const gd_node *map, const struct query *q)
{
	const char *v = gd_node_str(map, "phone");
	char *d;
	int hit;

	if (!v || !q->digits)
		return 0;
	d = gd_phone_digits(v);
	hit = d && strstr(d, q->digits) != NULL;
	free(d);
	return hit;
}

/* Any searchable field of one mapping: record, from, a person, a log entry. */
static int map_hit(const gd_node *m, const struct query *q)
{
	static const char *const keys[] = {"name", "company", "number", "email",
					   "note", "product", "city", NULL};
	size_t i;

	if (!m || m->type != GD_MAP)
		return 0;
	for (i = 0; keys[i]; i++)
		if (text_hit(m, keys[i], q))
			return 1;
	return phone_hit(m, q);
}

static int list_hit(const gd_node *seq, const struct query *q)
{
	size_t i;

	for (i = 0; seq && seq->type == GD_SEQ && i < seq->n; i++)
		if (map_hit(seq->vals[i], q))
			return 1;
	return 0;
}

static int record_hit(const gd_record *r, const struct query *q)
{
	return gd_text_contains(r->id, q->text) || map_hit(r->root, q) ||
	       map_hit(gd_node_get(r->root, "from"), q) ||
	       list_hit(gd_node_get(r->root, "people"), q) ||
	       list_hit(gd_node_get(r->root, "log"), q);
}

/* "8888", "+86 574": digits people type for a phone number. */
static char *query_digits(const char *s)
{
	size_t digits = 0;
	const char *p;

	for (p = s; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!strchr(" +-().", *p))
			return NULL;
	}
	return digits >= 3 ? gd_phone_digits(s) : NULL;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct query q = {NULL, NULL};
	gd_ledger *l = NULL;
	gd_record **hits = NULL;
	size_t i, n = 0;
	int ch, err, format = FMT_TABLE;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if ((err = cmd_format(&format, optarg, "table,json,tsv")) < 0)
				return err;
			break;
		case 'h': return cmd_help(&cmd_find_entry);
		default: return cmd_usage(&cmd_find_entry);
		}
	}
	if (argc - optind != 1 || !*argv[optind])
		return cmd_usage(&cmd_find_entry);
	q.text = argv[optind];
	if ((err = cmd_open(ctx, &l, 1, 0)) < 0)
		return err;
	q.digits = query_digits(q.text);
	hits = malloc((l->n ? l->n : 1) * sizeof(*hits));
	if (!hits) {
		err = gd_error_set(GD_ERROR, _("out of memory"));
		goto done;
	}
	for (i = 0; i < l->n; i++)
		if (record_hit(l->recs[i], &q))
			hits[n++] = l->recs[i];
	cmd_list(hits, n, format, ctx);
done:
	free(hits);
	free(q.digits);
	gd_ledger_free(l);
	return err;
}

const struct cmd_entry cmd_find_entry = {
	"find", "find TEXT [--format=table|json|tsv]",
	N_("search names, companies, emails, phones (digits only) and notes"),
	run,
};
