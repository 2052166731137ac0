/*
 * csv.c - CSV in and out, record columns (see gendan/csv.h).
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gendan/csv.h"
#include "gendan/error.h"
#include "internal.h"

struct reader {
	gd_csv *c;
	char **row;
	size_t nrow;
	int line, row_line;
	const char *buf;
	size_t pos_seen;
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	r->row = gd__xrealloc(r->row, (r->nrow + 1) * sizeof(*r->row));
	r->row[r->nrow++] = gd__xstrndup(s ? (const char *)s : "", len);
}

static void on_row(int c, void *data)
{
	struct reader *r = data;
	gd_csv *t = r->c;

	(void)c;
	t->rows = gd__xrealloc(t->rows, (t->n + 1) * sizeof(*t->rows));
	t->ncols = gd__xrealloc(t->ncols, (t->n + 1) * sizeof(*t->ncols));
	t->lines = gd__xrealloc(t->lines, (t->n + 1) * sizeof(*t->lines));
	t->rows[t->n] = r->row;
	t->ncols[t->n] = r->nrow;
	t->lines[t->n] = r->row_line;
	t->n++;
	r->row = NULL;
	r->nrow = 0;
}

int gd_csv_parse(gd_csv **out, const char *buf, size_t len, const char *name)
{
	struct csv_parser p;
	struct reader r;
	size_t i, start = 0;
	int err = 0;

	*out = NULL;
	memset(&r, 0, sizeof(r));
	r.c = gd__xcalloc(1, sizeof(gd_csv));
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		start = 3;
	if (csv_init(&p, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0) {
		gd_csv_free(r.c);
		return gd_error_set(GD_ERROR, _("%s: cannot start the CSV reader"), name);
	}
	/* feed line by line so every row knows the line it starts on */
	r.line = 1;
	r.row_line = 1;
	for (i = start; i < len;) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t chunk = nl ? (size_t)(nl - (buf + i)) + 1 : len - i;
		size_t before = r.c->n;
		if (csv_parse(&p, buf + i, chunk, on_field, on_row, &r) != chunk) {
			err = gd_error_set(GD_EINVALID, "%s:%d: %s", name, r.line,
					   csv_strerror(csv_error(&p)));
			goto done;
		}
		i += chunk;
		if (nl)
			r.line++;
		if (r.c->n != before)
			r.row_line = r.line;
	}
	if (csv_fini(&p, on_field, on_row, &r) != 0) {
		err = gd_error_set(GD_EINVALID, _("%s:%d: %s (an unclosed quote?)"), name,
				   r.row_line, csv_strerror(csv_error(&p)));
		goto done;
	}
	*out = r.c;
	r.c = NULL;
done:
	for (i = 0; i < r.nrow; i++)
		free(r.row[i]);
	free(r.row);
	gd_csv_free(r.c);
	csv_free(&p);
	return err;
}

void gd_csv_free(gd_csv *c)
{
	size_t i, j;

	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		for (j = 0; j < c->ncols[i]; j++)
			free(c->rows[i][j]);
		free(c->rows[i]);
	}
	free(c->rows);
	free(c->ncols);
	free(c->lines);
	free(c);
}

char *gd_csv_line(const char *const *cells, size_t n)
{
	gd__buf b = {0};
	size_t i;
	const char *p;

	for (i = 0; i < n; i++) {
		const char *v = cells[i] ? cells[i] : "";
		size_t len = strlen(v);
		if (i)
			gd__buf_putc(&b, ',');
		if (!strpbrk(v, ",\"\r\n") && !(len && (v[0] == ' ' || v[len - 1] == ' '))) {
			gd__buf_puts(&b, v);
			continue;
		}
		gd__buf_putc(&b, '"');
		for (p = v; *p; p++) {
			if (*p == '"')
				gd__buf_putc(&b, '"');
			gd__buf_putc(&b, *p);
		}
		gd__buf_putc(&b, '"');
	}
	gd__buf_puts(&b, "\r\n");
	return gd__buf_detach(&b, NULL);
}

static const char *const customer_cols[] = {
	"id", "name", "tier", "status", "owner", "email", "phone", "country",
	"city", "tags", "source", "created", "next", "note", NULL};
static const char *const inquiry_cols[] = {
	"id", "name", "received", "from.name", "from.company", "from.email",
	"from.phone", "from.country", "customer", "channel", "product",
	"quantity", "grade", "status", "replied", "owner", "next", "note", NULL};
static const char *const order_cols[] = {
	"id", "name", "number", "customer", "owner", "status", "currency",
	"ship-by", "internal-by", "note", NULL};

const char *const *gd_csv_columns(gd_kind kind)
{
	return kind == GD_CUSTOMER ? customer_cols
	       : kind == GD_INQUIRY ? inquiry_cols
				    : order_cols;
}

const char *gd_csv_cell(const gd_record *r, const char *col, char **tmp)
{
	const gd_node *n;
	size_t i;

	*tmp = NULL;
	if (!strcmp(col, "id"))
		return r->id;
	if (!strcmp(col, "name") && r->kind != GD_CUSTOMER)
		return gd_record_name(r);
	if (!strncmp(col, "from.", 5)) {
		n = gd_node_get(r->root, "from");
		return n && n->type == GD_MAP ? gd_node_str(n, col + 5) : NULL;
	}
	n = gd_node_get(r->root, col);
	if (n && n->type == GD_SEQ) {
		gd__buf b = {0};
		for (i = 0; i < n->n; i++)
			if (n->vals[i]->type == GD_SCALAR)
				gd__buf_printf(&b, "%s%s", b.len ? ";" : "", n->vals[i]->str);
		*tmp = gd__buf_detach(&b, NULL);
		return *tmp;
	}
	return gd_node_str(r->root, col);
}

int gd_csv_set(gd_record *r, const char *col, const char *value, gd_date today)
{
	gd_node *target = r->root;
	const char *key = col;
	char buf[GD_TIME_LEN];

	if (!*value)
		return 0;
	if (!strcmp(col, "id"))
		return 0; /* the caller names the record */
	if (!strcmp(col, "name") && r->kind != GD_CUSTOMER)
		key = r->kind == GD_ORDER ? "number" : "from.company";
	if (!strncmp(key, "from.", 5)) {
		if (!(target = gd_node_get(r->root, "from")) || target->type != GD_MAP) {
			target = gd_node_map();
			gd_node_set(r->root, "from", target);
		}
		key += 5;
	}
	if (!strcmp(key, "tags")) {
		gd_node *tags = gd_node_seq();
		char *copy = gd__xstrdup(value), *tok, *save = NULL;
		for (tok = strtok_r(copy, ";,", &save); tok; tok = strtok_r(NULL, ";,", &save)) {
			while (*tok == ' ')
				tok++;
			if (*tok)
				gd_node_push(tags, gd_node_scalar(tok, 0));
		}
		free(copy);
		gd_node_set(target, key, tags);
		return 0;
	}
	if (target == r->root && gd_record_field_is_date(r->kind, key)) {
		gd_date d;
		if (gd_when_parse_past(&d, value, today) < 0)
			return gd_error_set(GD_EINVALID, _("%s: invalid date '%s'"), col, value);
		gd_date_format(buf, d);
		gd_node_set_str(target, key, buf, 1);
		return 0;
	}
	if (target == r->root && (!strcmp(key, "received") || !strcmp(key, "replied"))) {
		gd_time t;
		if (gd_time_parse_past(&t, value, today) < 0)
			return gd_error_set(GD_EINVALID, _("%s: invalid time '%s'"), col, value);
		gd_time_format(buf, &t);
		gd_node_set_str(target, key, buf, 1);
		return 0;
	}
	gd_node_set_str(target, key, value, 0);
	return 0;
}
