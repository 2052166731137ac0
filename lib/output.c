/*
 * output.c - tables, TSV and JSON (see gendan/output.h).  Only this file
 * sees jansson.
 */
#include <jansson.h>
#include <stdio.h>
#include <utf8proc.h>
#include <stdlib.h>
#include <string.h>

#include "gendan/decimal.h"
#include "gendan/error.h"
#include "gendan/ids.h"
#include "gendan/output.h"
#include "gendan/yaml.h"
#include "internal.h"

struct gd_table {
	size_t ncols, nrows, caprows;
	char **cells;   /* nrows rows of ncols, the header first, flattened */
	size_t *widths; /* the display width of each cell */
	gd_color *colors;
};

/* --- inert text (SPEC 5) ---------------------------------------------- */

/*
 * Would the character cp move the cursor, change colours or reorder what
 * follows?  C0 and C1 controls, DEL, and the bidi embeddings, overrides
 * and isolates (U+202A..U+202E, U+2066..U+2069).
 */
static int is_control(utf8proc_int32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Append s to b with every control shown escaped (\t \n \r, \x1b,
 * \u202e) and each byte that is not UTF-8 as \xNN; the characters of
 * `as_space` become one space each instead. */
static void put_inert(gd__buf *b, const char *s, const char *as_space)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	while (*p) {
		if (*p < 0x80 && !is_control(*p)) {
			gd__buf_putc(b, (char)*p++);
			continue;
		}
		n = utf8proc_iterate(p, -1, &cp);
		if (n <= 0) {
			gd__buf_printf(b, "\\x%02x", (unsigned)*p++);
			continue;
		}
		if (!is_control(cp))
			gd__buf_add(b, (const char *)p, (size_t)n);
		else if (cp < 0x80 && strchr(as_space, (int)cp))
			gd__buf_putc(b, ' ');
		else if (cp == '\t' || cp == '\n' || cp == '\r')
			gd__buf_puts(b, cp == '\t' ? "\\t" : cp == '\n' ? "\\n" : "\\r");
		else if (cp < 0x80)
			gd__buf_printf(b, "\\x%02x", (unsigned)cp);
		else
			gd__buf_printf(b, "\\u%04x", (unsigned)cp);
		p += n;
	}
}

char *gd_inert(const char *s)
{
	gd__buf b = {0};

	put_inert(&b, s, "");
	return gd__buf_detach(&b, NULL);
}

char *gd_inert_lines(const char *s)
{
	gd__buf b = {0};
	const char *nl;

	while ((nl = strchr(s, '\n'))) {
		char *line = gd__xstrndup(s, (size_t)(nl - s));
		put_inert(&b, line, "");
		gd__buf_putc(&b, '\n');
		free(line);
		s = nl + 1;
	}
	put_inert(&b, s, "");
	return gd__buf_detach(&b, NULL);
}

/* A table cell is one line: tabs and line breaks are spaces there. */
static char *flatten(const char *s)
{
	gd__buf b = {0};

	put_inert(&b, s, "\t\n\r");
	return gd__buf_detach(&b, NULL);
}

static void add_row(gd_table *t, const char *const *cells, gd_color color)
{
	size_t i, at = t->nrows * t->ncols;

	if (t->nrows == t->caprows) {
		t->caprows = t->caprows ? t->caprows * 2 : 64;
		t->cells = gd__xrealloc(t->cells, t->caprows * t->ncols * sizeof(*t->cells));
		t->widths = gd__xrealloc(t->widths, t->caprows * t->ncols * sizeof(*t->widths));
		t->colors = gd__xrealloc(t->colors, t->caprows * sizeof(*t->colors));
	}
	for (i = 0; i < t->ncols; i++) {
		t->cells[at + i] = flatten(cells[i] ? cells[i] : "");
		t->widths[at + i] = gd_text_width(t->cells[at + i]);
	}
	t->colors[t->nrows++] = color;
}

gd_table *gd_table_new(size_t ncols, const char *const *headers)
{
	gd_table *t = gd__xcalloc(1, sizeof(*t));

	t->ncols = ncols;
	add_row(t, headers, GD_PLAIN);
	return t;
}

void gd_table_add(gd_table *t, const char *const *cells, gd_color color)
{
	add_row(t, cells, color);
}

size_t gd_table_rows(const gd_table *t)
{
	return t->nrows - 1;
}

void gd_table_free(gd_table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->widths);
	free(t->colors);
	free(t);
}

/* The longest prefix of s (whole UTF-8 characters) of width <= w. */
static size_t cut(const char *s, size_t w)
{
	size_t i = 0, width = 0;

	while (s[i]) {
		size_t len = 1, cw;
		char ch[5];
		unsigned char c = (unsigned char)s[i];
		if (c >= 0xf0)
			len = 4;
		else if (c >= 0xe0)
			len = 3;
		else if (c >= 0xc0)
			len = 2;
		if (strnlen(s + i, len) < len)
			len = 1;
		memcpy(ch, s + i, len);
		ch[len] = '\0';
		cw = gd_text_width(ch);
		if (width + cw > w)
			break;
		width += cw;
		i += len;
	}
	return i;
}

char *gd_table_render(const gd_table *t, int color, size_t max_width)
{
	static const char *const codes[] = {"", "\033[31m", "\033[33m", "\033[2m"};
	size_t *widths = gd__xcalloc(t->ncols, sizeof(*widths));
	size_t r, c, used = 0;
	gd__buf b = {0};

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++)
			if (t->widths[r * t->ncols + c] > widths[c])
				widths[c] = t->widths[r * t->ncols + c];
	for (c = 0; c + 1 < t->ncols; c++)
		used += widths[c] + 2;
	for (r = 0; r < t->nrows; r++) {
		int on = color && (r == 0 || t->colors[r] != GD_PLAIN);
		if (on)
			gd__buf_puts(&b, r == 0 ? "\033[1m" : codes[t->colors[r]]);
		for (c = 0; c < t->ncols; c++) {
			const char *cell = t->cells[r * t->ncols + c];
			size_t w = t->widths[r * t->ncols + c];
			if (c + 1 == t->ncols) {
				if (max_width && used + w > max_width &&
				    max_width > used + 1) {
					size_t keep = cut(cell, max_width - used - 1);
					gd__buf_add(&b, cell, keep);
					gd__buf_puts(&b, "…");
				} else {
					gd__buf_puts(&b, cell);
				}
			} else {
				gd__buf_puts(&b, cell);
				for (; w < widths[c] + 2; w++)
					gd__buf_putc(&b, ' ');
			}
		}
		/* no trailing blanks when the last cell is empty */
		while (b.len && b.buf[b.len - 1] == ' ')
			b.buf[--b.len] = '\0';
		if (on)
			gd__buf_puts(&b, "\033[0m");
		gd__buf_putc(&b, '\n');
	}
	free(widths);
	return gd__buf_detach(&b, NULL);
}

char *gd_tsv_line(const char *const *cells, size_t n)
{
	gd__buf b = {0};
	size_t i;
	const char *p, *q;
	char *cell;

	for (i = 0; i < n; i++) {
		if (i)
			gd__buf_putc(&b, '\t');
		/* backslashes first, so that a reader can undo the escapes */
		for (p = cells[i] ? cells[i] : ""; (q = strchr(p, '\\')); p = q + 1) {
			cell = gd__xstrndup(p, (size_t)(q - p));
			put_inert(&b, cell, "");
			free(cell);
			gd__buf_puts(&b, "\\\\");
		}
		put_inert(&b, p, "");
	}
	gd__buf_putc(&b, '\n');
	return gd__buf_detach(&b, NULL);
}

/* Reals are printed with 15 significant digits: every decimal of up to 15
 * digits reads back as written (7.8, not 7.7999999999999998). */
#define GD_JSON_REAL JSON_REAL_PRECISION(15)

/*
 * A YAML float as a JSON number that prints as written: an exact decimal
 * prints in its shortest form; text that would not survive the trip
 * through a double with GD_JSON_REAL (more than 15 digits) stays a string.
 */
static json_t *num_json(const char *text)
{
	char canon[GD_DEC_LEN], back[64];
	gd_dec d;
	double v;

	if (gd_dec_parse(&d, text) < 0) {
		gd_error_clear();
		return json_string(text);
	}
	if (d.units % GD_DEC_ONE == 0)
		return json_integer((json_int_t)(d.units / GD_DEC_ONE));
	gd_dec_format(canon, d);
	v = strtod(canon, NULL);
	snprintf(back, sizeof(back), "%.15g", v);
	return strcmp(back, canon) ? json_string(text) : json_real(v);
}

static json_t *from_node(const gd_node *n)
{
	json_t *j;
	size_t i;

	switch (n->type) {
	case GD_MAP:
		j = json_object();
		for (i = 0; i < n->n; i++)
			json_object_set_new(j, n->keys[i], from_node(n->vals[i]));
		return j;
	case GD_SEQ:
		j = json_array();
		for (i = 0; i < n->n; i++)
			json_array_append_new(j, from_node(n->vals[i]));
		return j;
	case GD_SCALAR:
		break;
	}
	switch (gd_yaml_resolve(n)) {
	case GD_YNULL:
		return json_null();
	case GD_YBOOL:
		return json_boolean(n->str[0] == 't' || n->str[0] == 'T');
	case GD_YINT: {
		char *end;
		long long v = strtoll(n->str, &end, 0);
		if (!*end && !strchr(n->str, '_') && strncmp(n->str, "0o", 2))
			return json_integer(v);
		break;
	}
	case GD_YFLOAT:
		return num_json(n->str);
	case GD_YSTR:
		break;
	}
	return json_string(n->str);
}

static json_t *record_json(const gd_record *r)
{
	json_t *j = from_node(r->root);

	json_object_set_new(j, "kind", json_string(gd_kind_name(r->kind)));
	json_object_set_new(j, "id", json_string(r->id));
	json_object_set_new(j, "path", json_string(r->path));
	return j;
}

static char *dump(json_t *j)
{
	char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | GD_JSON_REAL);
	char *out;

	json_decref(j);
	if (!s)
		return gd__xstrdup("null\n");
	out = gd__xasprintf("%s\n", s);
	free(s);
	return out;
}

char *gd_json_record(const gd_record *r)
{
	return dump(record_json(r));
}

static json_t *id_array(const char *const *ids, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_string(ids[i]));
	return a;
}

char *gd_json_customer(const gd_record *r, const char *const *inquiries,
		       size_t ninq, const char *const *orders, size_t nord)
{
	json_t *j = record_json(r), *rel = json_object();

	json_object_set_new(rel, "inquiries", id_array(inquiries, ninq));
	json_object_set_new(rel, "orders", id_array(orders, nord));
	json_object_set_new(j, "related", rel);
	return dump(j);
}

char *gd_json_records(gd_record *const *recs, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, record_json(recs[i]));
	return dump(a);
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

char *gd_json_due(const gd_due_item *items, size_t n, int with_explain)
{
	json_t *a = json_array();
	size_t i;
	char d[GD_DATE_LEN];

	for (i = 0; i < n; i++) {
		const gd_due_item *it = &items[i];
		json_t *o = json_object();
		gd_date_format(d, it->due);
		json_object_set_new(o, "kind", json_string(gd_kind_name(it->kind)));
		json_object_set_new(o, "id", json_string(it->id));
		json_object_set_new(o, "name", str_or_null(it->name));
		json_object_set_new(o, "owner", str_or_null(it->owner));
		json_object_set_new(o, "grade", str_or_null(it->grade));
		json_object_set_new(o, "due", json_string(d));
		json_object_set_new(o, "days_late", json_integer(it->days_late));
		json_object_set_new(o, "reason", json_string(gd_due_reason_name(it->reason)));
		json_object_set_new(o, "detail", json_string(it->detail));
		json_object_set_new(o, "path", json_string(it->path));
		if (with_explain)
			json_object_set_new(o, "explain", json_string(it->explain));
		json_array_append_new(a, o);
	}
	return dump(a);
}

char *gd_json_counts(const char *by, const char *const *keys,
		     const size_t *counts, size_t n, const size_t totals[2],
		     size_t inquiries, size_t won)
{
	json_t *o = json_object(), *c = json_object();
	size_t i;

	json_object_set_new(o, "by", json_string(by));
	json_object_set_new(o, "total", json_integer((json_int_t)totals[0]));
	json_object_set_new(o, "records", json_integer((json_int_t)totals[1]));
	for (i = 0; i < n; i++)
		json_object_set_new(c, keys[i], json_integer((json_int_t)counts[i]));
	json_object_set_new(o, "counts", c);
	if (inquiries) {
		json_object_set_new(o, "inquiries", json_integer((json_int_t)inquiries));
		json_object_set_new(o, "inquiries_won", json_integer((json_int_t)won));
	}
	return dump(o);
}
