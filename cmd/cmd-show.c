/*
 * cmd-show.c - gendan show REF: a record and its timeline.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"

/* The fields gendan knows, as people read them in their language; any
 * other key is shown as written. */
static const char *const known[] = {
	N_("path"), N_("name"), N_("tier"), N_("status"), N_("owner"),
	N_("email"), N_("phone"), N_("country"), N_("city"), N_("owner-since"),
	N_("people"), N_("tags"), N_("source"), N_("created"), N_("next"),
	N_("note"), N_("hold"), N_("until"), N_("reason"), N_("log"),
	N_("received"), N_("from"), N_("company"), N_("customer"), N_("channel"),
	N_("product"), N_("quantity"), N_("grade"), N_("replied"), N_("number"),
	N_("items"), N_("qty"), N_("unit"), N_("price"), N_("currency"),
	N_("ship-by"), N_("internal-by"), N_("stages"), N_("payments"), N_("due"),
	N_("role"), N_("wechat"), N_("whatsapp"), NULL,
};

static const char *label(const char *key)
{
	size_t i;

	for (i = 0; key && known[i]; i++)
		if (!strcmp(key, known[i]))
			return _(known[i]);
	return key;
}

/* "  LABEL   " : a field's label, padded to width display columns. */
static void put_label(const char *key, size_t width)
{
	char *x = gd_inert(label(key));
	size_t w = gd_text_width(x);

	printf("  %s%*s  ", x, (int)(width > w ? width - w : 0), "");
	free(x);
}

/* Text from a record, inert on a terminal (SPEC 5). */
static void out(const char *s)
{
	char *x = gd_inert(s ? s : "");

	fputs(x, stdout);
	free(x);
}

/* A record's value on one line, inert; NULL for what is not flat. */
static char *flat(const gd_node *n)
{
	char *raw = gd_node_flat(n), *x;

	if (!raw)
		return NULL;
	x = gd_inert(raw);
	free(raw);
	return x;
}

/* A note of several lines: each on its own line, indented; CR LF and a
 * bare CR end a line as LF does. */
static void out_lines(const char *indent, const char *s)
{
	while (s) {
		size_t n = strcspn(s, "\r\n");
		char *line = strndup(s, n);
		fputs(indent, stdout);
		out(line);
		putchar('\n');
		free(line);
		if (!s[n])
			break;
		s += n + (s[n] == '\r' && s[n + 1] == '\n' ? 2 : 1);
	}
}

/* One contact; where: the linked record it was logged on, or NULL. */
/* One contact: its time in the local time zone, so that contacts logged
 * from several offsets read in the order they are shown (t: NULL when its
 * `at` does not read: shown as written). */
static void print_entry(const gd_node *e, const gd_time *t, const gd_record *where,
			const gd_config *cfg)
{
	const char *at = gd_node_str(e, "at"), *via = gd_node_str(e, "via");
	const char *by = gd_node_str(e, "by"), *note = gd_node_str(e, "note");
	const char *next = gd_node_str(e, "next");
	char *a = gd_inert(at ? at : "?"), *v = gd_inert(via ? via : "-");
	char local[32];
	time_t secs = t ? (time_t)t->t : 0;
	struct tm tm;

	if (t && localtime_r(&secs, &tm) &&
	    strftime(local, sizeof(local), "%Y-%m-%d %H:%M", &tm))
		printf("  %s  %-8s ", local, v);
	else
		printf("  %.10s %.5s  %-8s ", a, strlen(a) > 11 ? a + 11 : "", v);
	/* who: the team member's name where the team knows the email */
	out(by ? gd_roster_display(cfg->team, by) : NULL);
	if (where && where->kind == GD_INQUIRY)
		printf(_("  (inquiry %s)"), where->id);
	else if (where) {
		char *x = gd_inert(gd_record_name(where));
		printf(_("  (order %s)"), x);
		free(x);
	}
	putchar('\n');
	free(a);
	free(v);
	if (note)
		out_lines("      ", note);
	if (next) {
		char *x = gd_inert(next);
		printf(_("      next: %s\n"), x);
		free(x);
	}
}

/* "3d late", "1d early", "on time", or "" when not comparable. */
static void versus(char *buf, size_t size, const char *plan, const char *done,
		   gd_date today)
{
	gd_date p, d;
	int diff;

	buf[0] = '\0';
	if (!plan || gd_date_parse(&p, plan) < 0)
		return;
	if (!done)
		d = today;
	else if (gd_date_parse(&d, done) < 0)
		return;
	diff = d - p;
	if (!done && diff < 0)
		snprintf(buf, size, _("in %dd"), -diff);
	else if (!done && diff == 0)
		snprintf(buf, size, "%s", _("due today"));
	else if (diff > 0)
		snprintf(buf, size, _("%dd late"), diff);
	else if (diff < 0)
		snprintf(buf, size, _("%dd early"), -diff);
	else
		snprintf(buf, size, "%s", _("on time"));
}

/* Plan against actual: the order's stages and payments (SPEC 1). */
static void print_stages(const gd_node *stages, gd_date today)
{
	static const char *const sh[] = {N_("STAGE"), N_("PLAN"), N_("DONE"), "",
					 N_("NOTE")};
	gd_table *t = cmd_table_new(5, sh);
	size_t i;

	for (i = 0; i < gd_node_len(stages); i++) {
		const gd_node *st = gd_node_at(stages, i);
		const char *cells[5];
		char vs[32];
		if (!gd_node_is(st, GD_MAP))
			continue;
		cells[0] = gd_node_str(st, "name");
		cells[1] = gd_node_str(st, "plan");
		cells[2] = gd_node_str(st, "done");
		versus(vs, sizeof(vs), cells[1], cells[2], today);
		cells[3] = vs;
		cells[4] = gd_node_str(st, "note");
		gd_table_add(t, cells, GD_PLAIN);
	}
	putchar('\n');
	cmd_print(gd_table_render(t, 0, 0));
	gd_table_free(t);
}

/* The amount of payment p: "USD 1000", and "(USD 600 outstanding)" once
 * part of it came in. */
static void amount_text(char *buf, size_t len, const gd_node *p, const char *cur)
{
	const char *amount = gd_node_str(p, "amount");
	char num[GD_DEC_LEN], owed[64];
	gd_dec d;

	snprintf(buf, len, "%s%s%s", cur ? cur : "", cur ? " " : "", amount ? amount : "");
	if (gd_payment_outstanding(&d, p) < 0) {
		gd_error_clear();
		return;
	}
	if (!gd_node_len(gd_node_get(p, "receipts")) || d.units == 0)
		return;
	gd_dec_format(num, d);
	snprintf(owed, sizeof(owed), "%s%s%s", cur ? cur : "", cur ? " " : "", num);
	snprintf(buf + strlen(buf), len - strlen(buf), _(" (%s outstanding)"), owed);
}

static void print_payments(const gd_node *pays, const char *cur, gd_date today)
{
	static const char *const ph[] = {N_("PAYMENT"), N_("AMOUNT"), N_("DUE"),
					 N_("RECEIVED"), ""};
	gd_table *t = cmd_table_new(5, ph);
	size_t i;

	for (i = 0; i < gd_node_len(pays); i++) {
		const gd_node *p = gd_node_at(pays, i);
		const char *cells[5];
		char amount[160], vs[32];
		if (!gd_node_is(p, GD_MAP))
			continue;
		amount_text(amount, sizeof(amount), p, cur);
		cells[0] = gd_node_str(p, "what");
		cells[1] = amount;
		cells[2] = gd_node_str(p, "due");
		cells[3] = gd_node_str(p, "received");
		versus(vs, sizeof(vs), cells[2], cells[3], today);
		cells[4] = vs;
		gd_table_add(t, cells, GD_PLAIN);
	}
	putchar('\n');
	cmd_print(gd_table_render(t, 0, 0));
	gd_table_free(t);
}

static void print_plan(const gd_record *r, gd_date today)
{
	const gd_node *stages = gd_node_get(r->root, "stages");
	const gd_node *pays = gd_node_get(r->root, "payments");

	if (gd_node_is(stages, GD_SEQ) && gd_node_len(stages))
		print_stages(stages, today);
	if (gd_node_is(pays, GD_SEQ) && gd_node_len(pays))
		print_payments(pays, gd_node_str(r->root, "currency"), today);
}

/* " key: value" for each entry of a mapping, on the current line. */
static void print_pairs(const gd_node *map)
{
	size_t k;

	for (k = 0; k < gd_node_len(map); k++) {
		char *x = flat(gd_node_at(map, k));
		char *key = gd_inert(label(gd_node_key(map, k)));
		/* TRANSLATORS: a key and its value within a field ("hold") */
		printf(_(" %s: %s"), key, x ? x : "…");
		free(key);
		free(x);
	}
}

/* One field of the record: a mapping on one line, a list of mappings a
 * line each, anything else flat. */
static void print_field(const char *raw_key, const gd_node *v, size_t width)
{
	char *s, *key = gd_inert(label(raw_key));
	size_t k;

	if (gd_node_is(v, GD_MAP) && gd_node_len(v)) {
		put_label(raw_key, width);
		print_pairs(v);
		putchar('\n');
		free(key);
		return;
	}
	if (gd_node_is(v, GD_SEQ) && gd_node_len(v) &&
	    gd_node_is(gd_node_at(v, 0), GD_MAP)) {
		printf("  %s:\n", key);
		for (k = 0; k < gd_node_len(v); k++) {
			const gd_node *m = gd_node_at(v, k);
			printf("    -");
			if (gd_node_is(m, GD_MAP))
				print_pairs(m);
			putchar('\n');
		}
		free(key);
		return;
	}
	s = flat(v);
	put_label(raw_key, width);
	printf("%s\n", s ? s : "");
	free(s);
	free(key);
}

/* A member's name, with the email the record holds: 1 when printed. */
static int print_owner(const gd_config *cfg, const char *email, size_t width)
{
	const char *name = gd_roster_display(cfg->team, email);
	char *a, *b;

	if (!email || name == email)
		return 0;
	a = gd_inert(name);
	b = gd_inert(email);
	put_label("owner", width);
	printf("%s <%s>\n", a, b);
	free(a);
	free(b);
	return 1;
}

/* An inquiry's or order's customer: "ACME Trading Co. (acme)" when the
 * ledger has it (cust: its name from the list summary), else the id. */
static int print_customer(const gd_record *r, const char *cust, size_t width)
{
	const char *id = gd_node_str(r->root, "customer");
	char *a, *b;

	if (r->kind == GD_CUSTOMER || !id || !cust)
		return 0;
	a = gd_inert(cust);
	b = gd_inert(id);
	put_label("customer", width);
	/* TRANSLATORS: a customer's name and its id */
	printf(_("%s (%s)\n"), a, b);
	free(a);
	free(b);
	return 1;
}

/* The fields but the log (and an order's plan, shown as tables); cust:
 * the name of an inquiry's or order's customer, or NULL. */
static void print_fields(const gd_record *r, const gd_config *cfg, const char *cust,
			 size_t width)
{
	const gd_node *root = r->root;
	size_t i;

	put_label("path", width);
	printf("%s\n", r->path);
	for (i = 0; i < gd_node_len(root); i++) {
		const char *key = gd_node_key(root, i);
		if (!strcmp(key, "log") ||
		    (r->kind == GD_CUSTOMER && !strcmp(key, "people")) ||
		    (r->kind == GD_ORDER && (!strcmp(key, "stages") ||
					     !strcmp(key, "payments"))))
			continue;
		if (!strcmp(key, "owner") && print_owner(cfg, gd_record_owner(r), width))
			continue;
		if (!strcmp(key, "customer") && print_customer(r, cust, width))
			continue;
		print_field(key, gd_node_at(root, i), width);
	}
}

/* What is due on recs[0]; a customer's contacts include those of its
 * linked records, recs[1..n) (SPEC 2.3), as in `due`. */
static void print_due(gd_record *const *recs, size_t nrecs, const gd_config *cfg,
		      gd_date today, size_t width)
{
	gd_due_filter f = {1 << 20, 1, NULL, NULL, GD_CUSTOMER, NULL, 1};
	gd_due_item *items = NULL;
	size_t i, n = 0;

	if (recs[0]->kind == GD_CUSTOMER && nrecs > 1)
		gd_due_list(&items, &n, recs, nrecs, cfg, today, &f);
	else
		gd_due_record_local(&items, &n, recs[0], cfg, today);
	for (i = 0; i < n; i++) {
		char d[GD_DATE_LEN];
		gd_date_format(d, items[i].due);
		char *x = gd_inert(items[i].detail);
		put_label("due", width);
		/* TRANSLATORS: a due date, its kind (follow-up, stage ...), why */
		printf(_("%s (%s: %s)\n"), d, _(gd_due_reason_name(items[i].reason)), x);
		free(x);
	}
	gd_due_items_free(items, n);
}

/* A customer's inquiries and orders (SPEC 3, `show`): found through the
 * list summary, then read, so their logs join the timeline. */
struct related {
	gd_entry *e;
	size_t n;
	gd_record **recs; /* recs[0] the customer, then those read */
	size_t nrecs;
	/* an inquiry's or order's customer, when the ledger has it: its
	 * entry in the list summary (its name in cells[0]) */
	gd_entry *cust;
	size_t ncust;
};

/* The list summary's entry of r's customer (an inquiry or an order),
 * without reading any record. */
static void customer_load(struct related *rel, gd_ledger *l, const gd_record *r,
			  gd_date today)
{
	gd_list_filter f = {GD_CUSTOMER, NULL, NULL, NULL, NULL, NULL, NULL, NULL, today, NULL};

	f.customer = gd_node_str(r->root, "customer");
	if (r->kind == GD_CUSTOMER || !f.customer ||
	    gd_ledger_list(l, &rel->cust, &rel->ncust, &f, cmd_print_bad, NULL) < 0) {
		gd_error_clear();
		rel->ncust = 0;
	}
}

static void related_load(struct related *rel, gd_ledger *l, gd_record *r,
			 gd_date today)
{
	gd_list_filter f = {-1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, today, NULL};
	gd_entry *linked;
	size_t i, k = 0;

	memset(rel, 0, sizeof(*rel));
	rel->recs = calloc(1, sizeof(*rel->recs));
	if (!rel->recs)
		return;
	rel->recs[rel->nrecs++] = r;
	if (r->kind != GD_CUSTOMER) {
		customer_load(rel, l, r, today);
		return;
	}
	f.customer = r->id;
	gd_ledger_list(l, &rel->e, &rel->n, &f, cmd_print_bad, NULL);
	/* the customer itself passes its own filter: keep only the others */
	for (i = 0; i < rel->n; i++)
		if (rel->e[i].kind != GD_CUSTOMER)
			rel->e[k++] = rel->e[i];
	rel->n = k;
	linked = rel->e;
	if (!(rel->recs = realloc(rel->recs, (k + 1) * sizeof(*rel->recs)))) {
		rel->nrecs = 0;
		return;
	}
	rel->nrecs += gd_ledger_read_entries(l, rel->recs + 1, linked, k,
					     cmd_print_bad, NULL);
}

static void related_free(struct related *rel)
{
	size_t i;

	/* recs[0] is the caller's */
	for (i = 1; i < rel->nrecs; i++)
		gd_record_free(rel->recs[i]);
	free(rel->recs);
	free(rel->e);
	free(rel->cust);
}

/* What a person has beyond name, role, email and phone: "wechat: x, …". */
static char *person_more(const gd_node *p)
{
	size_t k, len = 0;
	char *s = calloc(1, 1);

	for (k = 0; s && k < gd_node_len(p); k++) {
		const char *key = gd_node_key(p, k);
		char *v, *ns;
		if (!strcmp(key, "name") || !strcmp(key, "role") ||
		    !strcmp(key, "email") || !strcmp(key, "phone") ||
		    !(v = gd_node_flat(gd_node_at(p, k))))
			continue;
		/* TRANSLATORS: what came before, ", ", a key and its value */
		if (asprintf(&ns, _("%s%s%s: %s"), s, len ? _(", ") : "", label(key), v) < 0)
			ns = NULL;
		free(v);
		free(s);
		s = ns;
		len = s ? strlen(s) : 0;
	}
	return s;
}

/* A section of a customer's view, when it has rows: its heading (fmt, a
 * plural message of n) and its table, freed. */
static void section(const char *fmt, size_t n, gd_table *t)
{
	if (n) {
		printf(fmt, n);
		cmd_print(gd_table_render(t, 0, 0));
	}
	gd_table_free(t);
}

static void print_people(const gd_node *people)
{
	static const char *const h[] = {N_("NAME"), N_("ROLE"), N_("EMAIL"),
					N_("PHONE"), N_("MORE")};
	size_t i, n = gd_node_is(people, GD_SEQ) ? gd_node_len(people) : 0;
	gd_table *t;

	if (!n)
		return;
	t = cmd_table_new(5, h);
	for (i = 0; i < n; i++) {
		const gd_node *p = gd_node_at(people, i);
		const char *cells[5];
		char *more;
		if (!gd_node_is(p, GD_MAP))
			continue;
		more = person_more(p);
		cells[0] = gd_node_str(p, "name");
		cells[1] = gd_node_str(p, "role");
		cells[2] = gd_node_str(p, "email");
		cells[3] = gd_node_str(p, "phone");
		cells[4] = more;
		gd_table_add(t, cells, GD_PLAIN);
		free(more);
	}
	section(P_("\npeople (%zu):\n", "\npeople (%zu):\n", n), n, t);
}

static void print_inquiries(const struct related *rel, const gd_config *cfg)
{
	static const char *const h[] = {N_("REF"), N_("NAME"), N_("STATUS"),
					N_("RECEIVED AT"), N_("OWNER")};
	gd_table *t = cmd_table_new(5, h);
	size_t i, n = 0;

	for (i = 1; i < rel->nrecs; i++) {
		const gd_record *q = rel->recs[i];
		const char *cells[5];
		char ref[160];
		if (q->kind != GD_INQUIRY)
			continue;
		snprintf(ref, sizeof(ref), "inquiry/%s", q->id);
		cells[0] = ref;
		cells[1] = gd_record_name(q);
		cells[2] = gd_record_status(q);
		cells[3] = gd_node_str(q->root, "received");
		cells[4] = gd_roster_display(cfg->team, gd_record_owner(q));
		gd_table_add(t, cells, GD_PLAIN);
		n++;
	}
	section(P_("\ninquiries (%zu):\n", "\ninquiries (%zu):\n", n), n, t);
}

/* A payment of order o whose outstanding does not read: named on stderr
 * (record and field), left out of the sums. */
static void bad_payment(void *ctx, size_t i, const char *message)
{
	const gd_record *o = ctx;

	cmd_say(stderr, _("gendan: order/%s: payments[%zu]: %s; not counted\n"), o->id, i + 1,
		message);
}

/* "outstanding: EUR 799.75, USD 1,200.00", and how many amounts it
 * leaves out. */
static void print_sums(const gd_money *sums, size_t nsums, size_t nbad)
{
	size_t i;

	for (i = 0; i < nsums; i++) {
		char *m = cmd_money_text(sums[i].currency, sums[i].amount);
		cmd_say(stdout, i ? _(", %s") : _("outstanding: %s"), m ? m : "");
		free(m);
	}
	if (nbad)
		cmd_say(stdout, P_("%s(%zu amount unreadable, not counted)",
				   "%s(%zu amounts unreadable, not counted)", nbad),
			nsums ? " " : _("outstanding: "), nbad);
	if (nsums || nbad)
		putchar('\n');
}

/* The orders, a row each, and what they are owed by currency; a payment
 * or an order whose amounts do not read is named on stderr, and the sums
 * say they leave it out. */
static void print_orders(const struct related *rel)
{
	static const char *const h[] = {N_("REF"), N_("NUMBER"), N_("STATUS"),
					N_("SHIP-BY"), N_("OUTSTANDING")};
	gd_table *t = cmd_table_new(5, h);
	gd_money *sums = NULL;
	size_t i, n = 0, nsums = 0, nbad = 0;

	for (i = 1; i < rel->nrecs; i++) {
		const gd_record *o = rel->recs[i];
		const char *cur = gd_node_str(o->root, "currency"), *cells[5];
		char ref[160], *owed = NULL;
		gd_dec d;
		size_t bad;
		if (o->kind != GD_ORDER)
			continue;
		gd_order_outstanding_readable(&d, &bad, o->root, bad_payment, (void *)o);
		nbad += bad;
		if (gd_money_add(&sums, &nsums, cur, d) < 0) {
			cmd_say(stderr, _("gendan: order/%s: outstanding: %s; not counted\n"), o->id,
				gd_error_last());
			gd_error_clear();
			nbad++;
		}
		if (d.units)
			owed = cmd_money_text(cur, d);
		snprintf(ref, sizeof(ref), "order/%s", o->id);
		cells[0] = ref;
		cells[1] = gd_record_name(o);
		cells[2] = gd_record_status(o);
		cells[3] = gd_node_str(o->root, "ship-by");
		cells[4] = owed;
		gd_table_add(t, cells, GD_PLAIN);
		free(owed);
		n++;
	}
	section(P_("\norders (%zu):\n", "\norders (%zu):\n", n), n, t);
	print_sums(sums, nsums, nbad);
	gd_money_free(sums, nsums);
}

/* The contacts of the record and of its linked records, oldest first. */
static void print_timeline(const struct related *rel, const gd_config *cfg)
{
	gd_timeline_item *items = NULL;
	size_t i, n = 0;

	gd_timeline(&items, &n, rel->recs, rel->nrecs);
	if (n)
		printf(P_("\ntimeline (%zu contact):\n", "\ntimeline (%zu contacts):\n", n), n);
	for (i = 0; i < n; i++)
		print_entry(items[i].entry,
			    items[i].at.t || items[i].at.off ? &items[i].at : NULL,
			    items[i].rec == rel->recs[0] ? NULL : items[i].rec, cfg);
	free(items);
}

static void print_human(const gd_record *r, const struct related *rel,
			const gd_config *cfg, gd_date today)
{
	size_t i, width = gd_text_width(label("path"));

	printf("%s/%s  ", gd_kind_name(r->kind), r->id);
	out(gd_record_name(r));
	putchar('\n');
	if (gd_text_width(label("due")) > width)
		width = gd_text_width(label("due"));
	for (i = 0; i < gd_node_len(r->root); i++)
		if (gd_text_width(label(gd_node_key(r->root, i))) > width)
			width = gd_text_width(label(gd_node_key(r->root, i)));
	print_fields(r, cfg, rel->ncust ? rel->cust[0].cells[0] : NULL, width);
	if (rel->nrecs)
		print_due(rel->recs, rel->nrecs, cfg, today, width);
	if (r->kind == GD_ORDER)
		print_plan(r, today);
	if (r->kind == GD_CUSTOMER) {
		print_people(gd_node_get(r->root, "people"));
		print_inquiries(rel, cfg);
		print_orders(rel);
	}
	print_timeline(rel, cfg);
}

/* A customer's JSON names its inquiries and orders (SPEC 3.2). */
static char *customer_json(const gd_record *r, const struct related *rel)
{
	const char **inq = calloc(rel->n + 1, sizeof(*inq));
	const char **ord = calloc(rel->n + 1, sizeof(*ord));
	size_t i, ni = 0, no = 0;
	char *s = NULL;

	if (inq && ord) {
		for (i = 0; i < rel->n; i++) {
			if (rel->e[i].kind == GD_INQUIRY)
				inq[ni++] = rel->e[i].id;
			else if (rel->e[i].kind == GD_ORDER)
				ord[no++] = rel->e[i].id;
		}
		s = gd_json_customer(r, inq, ni, ord, no);
	}
	free(inq);
	free(ord);
	return s;
}

static int run(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	gd_ledger *l = NULL;
	gd_record *r = NULL;
	gd_time now;
	gd_date today;
	int ch, err, format = FMT_TABLE;
	char *yaml = NULL;
	size_t len;
	struct related rel = {NULL, 0, NULL, 0, NULL, 0};

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if ((err = cmd_format(&format, optarg, "table,yaml,json")) < 0)
				return err;
			break;
		case 'h': return cmd_help(&cmd_show_entry);
		default: return cmd_usage(&cmd_show_entry);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(&cmd_show_entry);
	if ((err = cmd_now(&now, &today)) < 0)
		return err;
	if ((err = cmd_setup(ctx, &l)) < 0)
		return err;
	if ((err = cmd_find(l, &r, argv[optind], -1)) < 0)
		goto done;
	if (format != FMT_YAML)
		related_load(&rel, l, r, today);
	if (format == FMT_JSON) {
		cmd_print(r->kind == GD_CUSTOMER ? customer_json(r, &rel)
						 : gd_json_record(r));
	} else if (format == FMT_YAML) {
		if ((err = gd_record_emit(&yaml, &len, r)) < 0)
			goto done;
		/* a failed write shows in main's check of stdout */
		(void)fwrite(yaml, 1, len, stdout);
	} else {
		print_human(r, &rel, gd_ledger_config(l), today);
	}
done:
	related_free(&rel);
	free(yaml);
	return err;
}

const struct cmd_entry cmd_show_entry = {
	"show", "show REF [--format=table|yaml|json]",
	N_("show a record, what is due on it, and its timeline"),
	CMD_LEDGER,
	run,
};
