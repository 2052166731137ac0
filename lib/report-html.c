/*
 * report-html.c - the report as one self-contained HTML page (SPEC 3.5):
 * inline CSS and inline SVG charts (contacts per person per day,
 * inquiries by reply time, outstanding by currency), no script, nothing
 * fetched from anywhere, every text of the records escaped.  Headings are
 * the Markdown report's, in the user's language.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "gendan/dates.h"
#include "gendan/decimal.h"
#include "gendan/error.h"
#include "internal.h"
#include "report-private.h"

#define CHART_W 720
#define BAR_H 160

static const char *const colors[] = {
	"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
	"#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
};

static void esc(gd__buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': gd__buf_puts(b, "&amp;"); break;
		case '<': gd__buf_puts(b, "&lt;"); break;
		case '>': gd__buf_puts(b, "&gt;"); break;
		case '"': gd__buf_puts(b, "&quot;"); break;
		case '\'': gd__buf_puts(b, "&#39;"); break;
		default: gd__buf_putc(b, *s);
		}
	}
}

/* A heading of the Markdown report ("\n## New inquiries\n\n") as text. */
static void heading(gd__buf *b, const char *tag, const char *md)
{
	size_t n;

	while (*md == '\n' || *md == '#' || *md == ' ')
		md++;
	n = strlen(md);
	while (n && md[n - 1] == '\n')
		n--;
	gd__buf_printf(b, "<%s>", tag);
	{
		char *t = gd__xstrndup(md, n);
		esc(b, t);
		free(t);
	}
	gd__buf_printf(b, "</%s>\n", tag);
}

static void cell(gd__buf *b, const char *s)
{
	gd__buf_puts(b, "<td>");
	esc(b, s);
	gd__buf_puts(b, "</td>");
}

/* Contacts per person per day: a bar a day, stacked by person. */
static void chart_contacts(gd__buf *b, json_t *rep)
{
	json_t *people = json_object_get(rep, "contacts_by_person"), *v;
	size_t days = json_array_size(json_object_get(json_array_get(people, 0), "by_day"));
	size_t i, d, top = 1;
	int slot, h, yy, mm, dd;
	gd_date from;

	if (!json_array_size(people) || !days ||
	    gd_date_parse(&from, gd__report_s(rep, "from")) < 0) {
		gd_error_clear();
		return;
	}
	for (d = 0; d < days; d++) {
		size_t sum = 0;
		json_array_foreach(people, i, v)
			sum += (size_t)json_integer_value(json_array_get(json_object_get(v, "by_day"), d));
		top = sum > top ? sum : top;
	}
	slot = CHART_W / (int)days;
	h = BAR_H + 40 + 18 * (int)json_array_size(people);
	gd__buf_printf(b, "<svg class=\"chart\" width=\"%d\" height=\"%d\" role=\"img\">\n",
		       CHART_W, h);
	for (d = 0; d < days; d++) {
		int y = BAR_H;
		json_array_foreach(people, i, v) {
			int n = (int)json_integer_value(json_array_get(json_object_get(v, "by_day"), d));
			int bh = n * (BAR_H - 10) / (int)top;
			if (!n)
				continue;
			y -= bh;
			gd__buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
				       "fill=\"%s\"/>\n", (int)d * slot + 2, y, slot - 4, bh,
				       colors[i % 10]);
		}
		gd_date_to_ymd(from + (gd_date)d, &yy, &mm, &dd);
		gd__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">",
			       (int)d * slot + slot / 2, BAR_H + 14);
		if (days > 7)
			gd__buf_printf(b, "%d</text>\n", dd);
		else
			gd__buf_printf(b, "%02d-%02d</text>\n", mm, dd);
	}
	json_array_foreach(people, i, v) {
		int y = BAR_H + 34 + 18 * (int)i;
		gd__buf_printf(b, "<rect x=\"0\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
			       "<text x=\"18\" y=\"%d\">", y - 10, colors[i % 10], y);
		esc(b, gd__report_who(rep, gd__report_s(v, "email")));
		gd__buf_printf(b, ": %lld</text>\n",
			       (long long)json_integer_value(json_object_get(v, "contacts")));
	}
	gd__buf_puts(b, "</svg>\n");
}

/* Horizontal bars: labels[i] with width w[i] of CHART_W - 260. */
static void hbars(gd__buf *b, char *const *labels, const long long *w, size_t n)
{
	long long top = 1;
	size_t i;

	for (i = 0; i < n; i++)
		top = w[i] > top ? w[i] : top;
	gd__buf_printf(b, "<svg class=\"chart\" width=\"%d\" height=\"%d\" role=\"img\">\n",
		       CHART_W, (int)n * 24 + 6);
	for (i = 0; i < n; i++) {
		long long bw = w[i] > 0 ? w[i] / (top / (CHART_W - 260) + 1) : 0;
		gd__buf_printf(b, "<text x=\"0\" y=\"%d\">", (int)i * 24 + 17);
		esc(b, labels[i]);
		gd__buf_printf(b, "</text><rect x=\"250\" y=\"%d\" width=\"%lld\" height=\"18\" "
			       "fill=\"%s\"/>\n", (int)i * 24 + 4, w[i] > 0 && bw < 1 ? 1 : bw, colors[i % 10]);
	}
	gd__buf_puts(b, "</svg>\n");
}

/* Inquiries by reply time: in time, late, not replied. */
static void chart_replies(gd__buf *b, json_t *rep)
{
	json_t *v;
	size_t i;
	long long n[3] = {0, 0, 0};
	char *labels[3];

	if (!json_array_size(json_object_get(rep, "new_inquiries")))
		return;
	json_array_foreach(json_object_get(rep, "new_inquiries"), i, v) {
		int replied = json_is_number(json_object_get(v, "reply_hours"));
		n[!replied ? 2 : json_is_true(json_object_get(v, "late")) ? 1 : 0]++;
	}
	labels[0] = gd__xasprintf(_("replied in time: %lld"), n[0]);
	labels[1] = gd__xasprintf(_("replied late: %lld"), n[1]);
	labels[2] = gd__xasprintf(_("not replied: %lld"), n[2]);
	hbars(b, labels, n, 3);
	for (i = 0; i < 3; i++)
		free(labels[i]);
}

/* Outstanding by currency: bars of exact amounts (their width only is
 * rounded). */
static void chart_outstanding(gd__buf *b, json_t *sums)
{
	size_t n = json_object_size(sums), i = 0;
	char **labels = gd__xcalloc(n + 1, sizeof(*labels));
	long long *w = gd__xcalloc(n + 1, sizeof(*w));
	const char *k;
	json_t *v;

	json_object_foreach(sums, k, v) {
		gd_dec d = {0};
		if (gd_dec_parse(&d, json_string_value(v)) < 0)
			gd_error_clear();
		labels[i] = gd__xasprintf("%s%s%s", k, *k ? " " : "", json_string_value(v));
		w[i++] = (long long)(d.units / GD_DEC_ONE);
	}
	if (n)
		hbars(b, labels, w, n);
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(w);
}

/* The header row: heads[k] (msgids) over the columns. */
static void head_row(gd__buf *b, const char *const *heads, size_t nk)
{
	size_t k;

	gd__buf_puts(b, "<table>\n<tr>");
	for (k = 0; k < nk; k++) {
		gd__buf_puts(b, "<th>");
		esc(b, _(heads[k]));
		gd__buf_puts(b, "</th>");
	}
	gd__buf_puts(b, "</tr>\n");
}

/* A table of list's rows: the fields of each, by their keys, under the
 * headers heads. */
static void table(gd__buf *b, json_t *list, const char *const *keys,
		  const char *const *heads, size_t nk, json_t *rep)
{
	json_t *v;
	size_t i, k;

	if (!json_array_size(list)) {
		gd__buf_puts(b, "<p class=\"none\">&#8212;</p>\n");
		return;
	}
	head_row(b, heads, nk);
	json_array_foreach(list, i, v) {
		gd__buf_puts(b, "<tr>");
		for (k = 0; k < nk; k++) {
			if (!strcmp(keys[k], "owner") || !strcmp(keys[k], "email"))
				cell(b, gd__report_who(rep, json_string_value(json_object_get(v, keys[k]))));
			else if (!strcmp(keys[k], "late")) {
				char *late = gd__report_late(v);
				gd__buf_puts(b, "<td class=\"late\">");
				esc(b, late);
				gd__buf_puts(b, "</td>");
				free(late);
			} else if (json_is_integer(json_object_get(v, keys[k])))
				gd__buf_printf(b, "<td class=\"n\">%lld</td>",
					       (long long)json_integer_value(json_object_get(v, keys[k])));
			else
				cell(b, json_is_string(json_object_get(v, keys[k]))
					? gd__report_s(v, keys[k]) : "");
		}
		gd__buf_puts(b, "</tr>\n");
	}
	gd__buf_puts(b, "</table>\n");
}

static void inquiries(gd__buf *b, json_t *rep)
{
	static const char *const heads[] = {N_("NAME"), N_("REF"), N_("PRODUCT"),
					    N_("RECEIVED AT"), N_("REPLIED IN")};
	json_t *v;
	size_t i;

	heading(b, "h2", _("\n## New inquiries\n\n"));
	chart_replies(b, rep);
	if (!json_array_size(json_object_get(rep, "new_inquiries"))) {
		/* as every other empty section */
		gd__buf_puts(b, "<p class=\"none\">&#8212;</p>\n");
		return;
	}
	head_row(b, heads, 5);
	json_array_foreach(json_object_get(rep, "new_inquiries"), i, v) {
		json_t *h = json_object_get(v, "reply_hours");
		char *t = json_is_number(h) ? gd__xasprintf("%.1f h", json_number_value(h))
					    : gd__xstrdup(_("not replied"));
		gd__buf_puts(b, "<tr>");
		cell(b, gd__report_s(v, "name"));
		cell(b, gd__report_s(v, "ref"));
		cell(b, gd__report_s(v, "product"));
		cell(b, gd__report_s(v, "received"));
		gd__buf_printf(b, "<td%s>", json_is_true(json_object_get(v, "late"))
					     ? " class=\"late\"" : "");
		esc(b, t);
		gd__buf_puts(b, "</td></tr>\n");
		free(t);
	}
	gd__buf_puts(b, "</table>\n");
}

/* The totals that leave amounts out, each saying how many. */
static void marks(gd__buf *b, json_t *sums, json_t *skipped)
{
	const char *k;
	json_t *v;

	json_object_foreach(sums, k, v) {
		char *mark = gd__report_mark(skipped, k);
		if (!mark)
			continue;
		gd__buf_puts(b, "<p class=\"late\">");
		esc(b, k);
		gd__buf_puts(b, *k ? " " : "");
		esc(b, json_string_value(v));
		esc(b, mark);
		gd__buf_puts(b, "</p>\n");
		free(mark);
	}
}

static void money(gd__buf *b, json_t *rep)
{
	static const char *const got[] = {"order", "what", "currency", "amount", "fee", "on"};
	static const char *const got_h[] = {N_("ORDER"), N_("PAYMENT"), N_("CURRENCY"),
					    N_("AMOUNT"), N_("FEE"), N_("RECEIVED")};
	static const char *const owe[] = {"order", "what", "currency", "outstanding", "due"};
	static const char *const owe_h[] = {N_("ORDER"), N_("PAYMENT"), N_("CURRENCY"),
					    N_("OUTSTANDING"), N_("DUE")};
	char *t;

	heading(b, "h2", _("\n## Payments received\n\n"));
	table(b, json_object_get(rep, "payments_received"), got, got_h, 6, rep);
	chart_outstanding(b, json_object_get(rep, "received"));
	marks(b, json_object_get(rep, "received"), json_object_get(rep, "received_not_counted"));
	t = gd__xasprintf(_("\n## Outstanding as of %s\n\n"), gd__report_s(rep, "as_of"));
	heading(b, "h2", t);
	free(t);
	chart_outstanding(b, json_object_get(rep, "outstanding"));
	marks(b, json_object_get(rep, "outstanding"),
	      json_object_get(rep, "outstanding_not_counted"));
	table(b, json_object_get(rep, "payments_outstanding"), owe, owe_h, 5, rep);
}

static void head(gd__buf *b, json_t *rep, int month)
{
	json_t *owner = json_object_get(rep, "owner");
	char *t = gd__xasprintf(month ? _("# Monthly report %s to %s%s%s\n\n")
				      : _("# Weekly report %s to %s%s%s\n\n"),
				gd__report_s(rep, "from"), gd__report_s(rep, "to"),
				json_is_string(owner) ? ", " : "",
				json_is_string(owner) ? gd__report_who(rep, json_string_value(owner)) : "");

	gd__buf_puts(b, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
		     "<meta name=\"viewport\" content=\"width=device-width\">\n");
	heading(b, "title", t);
	gd__buf_puts(b, "<style>\n"
		     "body{font-family:sans-serif;margin:2em;color:#222;max-width:60em}\n"
		     "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em;"
		     "border-bottom:1px solid #ccc}\n"
		     "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .6em}\n"
		     "th{background:#f3f3f3;font-size:.8em;text-align:left}\n"
		     "td.n{text-align:right}.late{color:#b00;font-weight:bold}.none{color:#888}\n"
		     "svg.chart{display:block;margin:.5em 0}svg text{font-size:12px;fill:#222}\n"
		     "</style>\n</head>\n<body>\n");
	heading(b, "h1", t);
	free(t);
}

char *gd__report_html(json_t *rep)
{
	static const char *const followed[] = {"name", "ref", "contacts"};
	static const char *const key[] = {"name", "ref", "owner", "status", "last_contact",
					  "last_note", "next_due"};
	static const char *const late[] = {"name", "ref", "owner", "due", "late", "detail"};
	static const char *const people[] = {"email", "contacts"};
	static const char *const people_h[] = {N_("PERSON"), N_("CONTACTS")};
	static const char *const followed_h[] = {N_("NAME"), N_("REF"), N_("CONTACTS")};
	static const char *const key_h[] = {N_("NAME"), N_("REF"), N_("OWNER"), N_("STATUS"),
					    N_("LAST CONTACT"), N_("NOTE"), N_("NEXT")};
	static const char *const late_h[] = {N_("NAME"), N_("REF"), N_("OWNER"), N_("DUE"),
					     N_("LATE"), N_("DETAIL")};
	gd__buf b = {0};
	char *t;
	int month = !strcmp(gd__report_s(rep, "report"), "month");

	head(&b, rep, month);
	t = gd__xasprintf(_("## Contacts: %lld\n\n"),
			  (long long)json_integer_value(json_object_get(rep, "contacts")));
	heading(&b, "h2", t);
	free(t);
	chart_contacts(&b, rep);
	table(&b, json_object_get(rep, "contacts_by_person"), people, people_h, 2, rep);
	heading(&b, "h2", _("\n## Customers followed up\n\n"));
	table(&b, json_object_get(rep, "customers_followed_up"), followed, followed_h, 3, rep);
	inquiries(&b, rep);
	heading(&b, "h2", month ? _("\n## A-list\n\n") : _("\n## Key customers\n\n"));
	table(&b, json_object_get(rep, "key_customers"), key, key_h, 7, rep);
	if (month)
		money(&b, rep);
	t = gd__xasprintf(_("\n## Overdue as of %s\n\n"), gd__report_s(rep, "as_of"));
	heading(&b, "h2", t);
	free(t);
	table(&b, json_object_get(rep, "overdue"), late, late_h, 6, rep);
	gd__buf_puts(&b, "</body>\n</html>\n");
	return gd__buf_detach(&b, NULL);
}
