/*
 * csv.c - CSV in and out, record columns (see gendan/csv.h).
 */
#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "gendan/csv.h"
#include "gendan/error.h"
#include "gendan/people.h"
#include "gendan/yaml.h"
#include "internal.h"

struct reader {
	gd_csv *c;
	char **row;
	size_t nrow;
	int line, row_line;
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	r->row = gd__xrealloc(r->row, (r->nrow + 1) * sizeof(*r->row));
	r->row[r->nrow++] = gd__xstrndup(s ? (const char *)s : "", len);
}

static void free_row(char **row, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(row[i]);
	free(row);
}

/* A row of empty cells: a blank line, or ",,,," as spreadsheets write it. */
static int blank(char *const *row, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (*row[i])
			return 0;
	return 1;
}

static void on_row(int c, void *data)
{
	struct reader *r = data;
	gd_csv *t = r->c;

	(void)c;
	if (blank(r->row, r->nrow)) {
		free_row(r->row, r->nrow);
		r->row = NULL;
		r->nrow = 0;
		return;
	}
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

/* The line of buf (1-based) that offset at is on. */
static int line_at(const char *buf, size_t at)
{
	int line = 1;
	size_t i;

	for (i = 0; i < at; i++)
		line += buf[i] == '\n';
	return line;
}

/* The offset of the first byte of buf that is not UTF-8 text (a NUL
 * byte counts as not text), or len. */
static size_t utf8_end(const char *buf, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)buf;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;
	size_t i = 0;

	while (i < len) {
		if (p[i] && p[i] < 0x80) {
			i++;
			continue;
		}
		n = p[i] ? utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp) : -1;
		if (n <= 0)
			return i;
		i += (size_t)n;
	}
	return len;
}

/* buf converted from enc to UTF-8 with iconv; GD_EINVALID naming the
 * line where the bytes are not enc. */
static int convert(char **out, size_t *outlen, const char *buf, size_t len,
		   const char *enc, const char *name, int guessed)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	size_t cap = len * 2 + 16, left = len, room;
	char *in = (char *)buf, *res, *o;
	int err = 0;

	*out = NULL;
	if (cd == (iconv_t)-1) /* NOLINT(performance-no-int-to-ptr): iconv(3) */
		return gd_error_set(GD_EINVALID,
				    _("unknown encoding '%s' (iconv -l lists the names)"), enc);
	res = gd__xmalloc(cap);
	o = res;
	room = cap - 1;
	while (left) {
		if (iconv(cd, &in, &left, &o, &room) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t used = (size_t)(o - res);
			cap *= 2;
			res = gd__xrealloc(res, cap);
			o = res + used;
			room = cap - used - 1;
			continue;
		}
		*o = '\0';
		err = guessed ? gd_error_set(GD_EINVALID, _("%s:%d: the text is neither UTF-8 nor GB18030 (name its encoding with --encoding)"),
					     name, line_at(res, (size_t)(o - res)))
			      : gd_error_set(GD_EINVALID, _("%s:%d: the text is not %s (name another with --encoding)"),
					     name, line_at(res, (size_t)(o - res)), enc);
		free(res);
		goto done;
	}
	*o = '\0';
	*outlen = (size_t)(o - res);
	*out = res;
done:
	iconv_close(cd);
	return err;
}

int gd_csv_decode(char **out, size_t *outlen, const char *buf, size_t len,
		  const char *encoding, const char *name)
{
	const unsigned char *u = (const unsigned char *)buf;
	size_t end;
	int err;

	*out = NULL;
	*outlen = 0;
	if (encoding)
		err = convert(out, outlen, buf, len, encoding, name, 0);
	else if (len >= 2 && u[0] == 0xff && u[1] == 0xfe)
		err = convert(out, outlen, buf + 2, len - 2, "UTF-16LE", name, 0);
	else if (len >= 2 && u[0] == 0xfe && u[1] == 0xff)
		err = convert(out, outlen, buf + 2, len - 2, "UTF-16BE", name, 0);
	else if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
		if ((end = utf8_end(buf + 3, len - 3)) < len - 3)
			return gd_error_set(GD_EINVALID, _("%s:%d: the text is not UTF-8, though it starts as UTF-8 does (name its encoding with --encoding)"),
					    name, line_at(buf + 3, end));
		*out = gd__xstrndup(buf + 3, len - 3);
		*outlen = len - 3;
		err = 0;
	} else if (utf8_end(buf, len) == len) {
		*out = gd__xstrndup(buf, len);
		*outlen = len;
		err = 0;
	} else {
		/* Excel's "CSV" on Chinese Windows; GB18030 holds GBK */
		err = convert(out, outlen, buf, len, "GB18030", name, 1);
	}
	if (err < 0)
		return err;
	if ((end = utf8_end(*out, *outlen)) < *outlen) {
		err = gd_error_set(GD_EINVALID, _("%s:%d: the text holds a NUL byte or is not text (name its encoding with --encoding)"),
				   name, line_at(*out, end));
		free(*out);
		*out = NULL;
	}
	return err;
}

/* The separator the header line uses: ',', ';' or TAB, whichever it has
 * most of outside quotes (',' when none). */
static unsigned char separator(const char *buf, size_t len)
{
	static const char seps[] = ",;\t";
	size_t count[3] = {0, 0, 0}, i;
	int quoted = 0, best = 0, k;
	const char *s;

	for (i = 0; i < len && (quoted || buf[i] != '\n'); i++) {
		if (buf[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s = strchr(seps, buf[i])) && *s)
			count[s - seps]++;
	}
	for (k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return (unsigned char)seps[best];
}

/* Feed buf to p line by line so that every row knows the line it starts
 * on. */
static int feed(struct csv_parser *p, struct reader *r, const char *buf,
		size_t len, const char *name)
{
	size_t i;

	r->line = 1;
	r->row_line = 1;
	for (i = 0; i < len;) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t chunk = nl ? (size_t)(nl - (buf + i)) + 1 : len - i;
		if (csv_parse(p, buf + i, chunk, on_field, on_row, r) != chunk)
			return gd_error_set(GD_EINVALID, "%s:%d: %s", name, r->line,
					    csv_strerror(csv_error(p)));
		i += chunk;
		if (nl)
			r->line++;
		/* no row begun (libcsv's ROW_NOT_BEGUN, 0): the next one starts
		 * here, after a blank line too, which ends no row */
		if (p->pstate == 0)
			r->row_line = r->line;
	}
	if (csv_fini(p, on_field, on_row, r) != 0)
		return gd_error_set(GD_EINVALID, _("%s:%d: %s (an unclosed quote?)"), name,
				    r->row_line, csv_strerror(csv_error(p)));
	return 0;
}

int gd_csv_parse_text(gd_csv **out, const char *buf, size_t len,
		      const char *encoding, const char *name)
{
	struct csv_parser p;
	struct reader r;
	char *text = NULL;
	size_t tlen;
	int err;

	*out = NULL;
	memset(&r, 0, sizeof(r));
	if ((err = gd_csv_decode(&text, &tlen, buf, len, encoding, name)) < 0)
		return err;
	if (csv_init(&p, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0) {
		free(text);
		return gd_error_set(GD_ERROR, _("%s: cannot start the CSV reader"), name);
	}
	csv_set_delim(&p, separator(text, tlen));
	r.c = gd__xcalloc(1, sizeof(gd_csv));
	if ((err = feed(&p, &r, text, tlen, name)) == 0) {
		*out = r.c;
		r.c = NULL;
	}
	free_row(r.row, r.nrow);
	gd_csv_free(r.c);
	csv_free(&p);
	free(text);
	return err;
}

int gd_csv_parse(gd_csv **out, const char *buf, size_t len, const char *name)
{
	return gd_csv_parse_text(out, buf, len, NULL, name);
}

void gd_csv_drop_row(gd_csv *c, size_t i)
{
	size_t j;

	for (j = 0; j < c->ncols[i]; j++)
		free(c->rows[i][j]);
	free(c->rows[i]);
	c->rows[i] = NULL;
	c->ncols[i] = 0;
}

void gd_csv_free(gd_csv *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++)
		gd_csv_drop_row(c, i);
	free(c->rows);
	free(c->ncols);
	free(c->lines);
	free(c);
}

/* What a spreadsheet runs as a formula when a cell begins with it. */
#define FORMULA_START "=+-@\t\r"

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
			if (*v && strchr(FORMULA_START, *v))
				gd__buf_putc(&b, '\'');
			gd__buf_puts(&b, v);
			continue;
		}
		gd__buf_putc(&b, '"');
		if (*v && strchr(FORMULA_START, *v))
			gd__buf_putc(&b, '\'');
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
	"city", "tags", "source", "created", "next", "note", "contact",
	"contact-role", "people", NULL};
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

/*
 * Headers as spreadsheets and CRMs write them (SPEC 3.6), normalised as
 * gd_csv_header_norm() does, and the customer field each fills: the
 * usual Chinese ones, Excel's, and the exports of Google Contacts
 * ("Organization 1 - Name", "E-mail 1 - Value", "Phone 1 - Value"),
 * Outlook ("Company", "E-mail Address", "Business Phone", "Mobile Phone",
 * "Business City", "Business Country/Region"), HubSpot ("Company name",
 * "Lead Source", "Company owner") and Alibaba ("Account Name").
 */
static const struct alias {
	const char *header, *field;
} aliases[] = {
	{"客户名称", "name"}, {"公司名称", "name"}, {"公司", "name"},
	{"客户", "name"}, {"企业名称", "name"}, {"company", "name"},
	{"companyname", "name"}, {"organization", "name"},
	{"organization1name", "name"}, {"accountname", "name"},
	{"邮箱", "email"}, {"电子邮件", "email"}, {"电子邮箱", "email"},
	{"邮件", "email"}, {"email", "email"}, {"emailaddress", "email"},
	{"email1value", "email"}, {"电话", "phone"}, {"手机", "phone"},
	{"手机号", "phone"}, {"联系电话", "phone"}, {"电话号码", "phone"},
	{"mobilephone", "phone"}, {"businessphone", "phone"},
	{"phone1value", "phone"}, {"mobile", "phone"}, {"telephone", "phone"},
	{"phonenumber", "phone"}, {"国家", "country"}, {"国家地区", "country"},
	{"countryregion", "country"}, {"businesscountryregion", "country"},
	{"城市", "city"}, {"businesscity", "city"}, {"等级", "tier"},
	{"客户等级", "tier"}, {"级别", "tier"}, {"rating", "tier"},
	{"业务员", "owner"}, {"负责人", "owner"}, {"companyowner", "owner"},
	{"来源", "source"}, {"客户来源", "source"}, {"leadsource", "source"},
	{"备注", "note"}, {"notes", "note"}, {"标签", "tags"},
	{"创建时间", "created"}, {"创建日期", "created"},
	{"下次跟进", "next"}, {"状态", "status"}, {"客户编号", "id"},
	{"联系人", "contact"}, {"联系人姓名", "contact"}, {"contactname", "contact"},
	{"contactperson", "contact"}, {"职位", "contact-role"}, {"职务", "contact-role"},
	{"jobtitle", "contact-role"}, {"contactrole", "contact-role"},
};

char *gd_csv_header_norm(const char *header)
{
	char *out = gd__xmalloc(strlen(header) + 1), *o = out;
	const unsigned char *p = (const unsigned char *)header;

	for (; *p; p++) {
		if (*p >= 0x80)
			*o++ = (char)*p;
		else if (isalnum(*p))
			*o++ = (char)tolower(*p);
	}
	*o = '\0';
	return out;
}

/* Is col a column of kind? */
static int is_column(gd_kind kind, const char *col)
{
	const char *const *c;

	for (c = gd_csv_columns(kind); *c; c++)
		if (!strcmp(*c, col))
			return 1;
	return 0;
}

const char *gd_csv_alias(gd_kind kind, const char *header)
{
	char *h = gd_csv_header_norm(header);
	const char *const *c;
	const char *field = NULL;
	size_t i;

	for (c = gd_csv_columns(kind); *c && !field; c++) {
		char *n = gd_csv_header_norm(*c);
		if (!strcmp(n, h))
			field = *c;
		free(n);
	}
	for (i = 0; !field && i < sizeof(aliases) / sizeof(*aliases); i++) {
		char f[32];
		if (strcmp(aliases[i].header, h))
			continue;
		/* an inquiry's contact fields are under from, its contact
		 * person is its sender */
		if (kind == GD_INQUIRY && !strcmp(aliases[i].field, "contact")) {
			field = "from.name";
			break;
		}
		snprintf(f, sizeof(f), "from.%s", aliases[i].field);
		field = is_column(kind, aliases[i].field) ? aliases[i].field : NULL;
		for (c = gd_csv_columns(kind); !field && *c; c++)
			if (!strcmp(*c, f))
				field = *c;
	}
	free(h);
	return field;
}

/* --- people in a table ------------------------------------------------ */

/* The people of r as one cell: the YAML list gendan writes in the record,
 * without its key and its indent ("- name: John Smith\n  role: buyer").
 * Malloc'd, or NULL when r has none. */
static char *people_cell(const gd_record *r)
{
	const gd_node *people = gd_node_get(r->root, "people");
	gd_node *doc;
	gd__buf b = {0};
	char *text = NULL, *p, *nl;
	size_t len;

	if (!people || people->type != GD_SEQ || !people->n)
		return NULL;
	doc = gd_node_map();
	gd_node_set(doc, "people", gd_node_dup(people));
	if (gd_yaml_emit(&text, &len, doc) < 0) {
		gd_error_clear(); /* a record that was read emits */
		gd_node_free(doc);
		return NULL;
	}
	gd_node_free(doc);
	for (p = strchr(text, '\n'); p && *++p; p = nl) {
		if (!(nl = strchr(p, '\n')))
			nl = p + strlen(p);
		if (!strncmp(p, "  ", 2))
			p += 2;
		gd__buf_printf(&b, "%s%.*s", b.len ? "\n" : "", (int)(nl - p), p);
		if (!*nl)
			break;
	}
	free(text);
	return gd__buf_detach(&b, NULL);
}

/* A people cell (as people_cell writes it, or any YAML list of people
 * with names) into r's people. */
static int set_people(gd_record *r, const char *col, const char *value)
{
	gd__buf b = {0};
	gd_node *doc = NULL, *seq;
	const char *p, *nl;
	size_t i;
	int err;

	gd__buf_puts(&b, "people:\n");
	for (p = value; *p; p = *nl ? nl + 1 : nl) {
		if (!(nl = strchr(p, '\n')))
			nl = p + strlen(p);
		gd__buf_printf(&b, "  %.*s\n", (int)(nl - p), p);
	}
	err = gd_yaml_parse(&doc, b.buf, b.len, col);
	seq = err < 0 ? NULL : gd_node_get(doc, "people");
	for (i = 0; seq && seq->type == GD_SEQ && i < seq->n; i++)
		if (seq->vals[i]->type != GD_MAP || !gd_node_str(seq->vals[i], "name"))
			break;
	if (!seq || seq->type != GD_SEQ || i < seq->n)
		err = gd_error_set(GD_EINVALID,
				   _("%s: not a list of people, each with a name (- name: John Smith)"),
				   col);
	else
		gd_node_set(r->root, "people", gd_node_dup(seq));
	gd_node_free(doc);
	gd__buf_free(&b);
	return err;
}

/* value without the ' export puts before what would run as a formula */
static const char *unguard(const char *value)
{
	return value[0] == '\'' && value[1] && strchr(FORMULA_START, value[1])
		       ? value + 1 : value;
}

int gd_csv_contact(gd_record *r, const char *name, const char *role)
{
	gd_person_fields f = {0};
	int err;

	if (r->kind != GD_CUSTOMER || !name || !*name)
		return 0;
	name = unguard(name);
	f.role = role && *role ? unguard(role) : NULL;
	if (gd_person_get(r, name))
		err = gd_person_set(r, name, &f);
	else
		err = gd_person_add(r, name, &f);
	if (err < 0) {
		char *m = gd__xstrdup(gd_error_last());
		err = gd_error_set(err, "contact: %s", m);
		free(m);
	}
	return err;
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
	if (r->kind == GD_CUSTOMER && !strcmp(col, "people"))
		return *tmp = people_cell(r);
	if (r->kind == GD_CUSTOMER && !strncmp(col, "contact", 7)) {
		n = gd_node_get(r->root, "people");
		n = n && n->type == GD_SEQ && n->n ? n->vals[0] : NULL;
		return n ? gd_node_str(n, col[7] ? "role" : "name") : NULL;
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

/* An Excel date serial (days since 1899-12-30) of the years 2000-2099:
 * 36526 is 2000-01-01, 73050 is 2099-12-31. */
static int excel_serial(gd_date *out, const char *value)
{
	char *end;
	long n;

	if (!isdigit((unsigned char)*value))
		return -1;
	n = strtol(value, &end, 10);
	if ((*end && strcmp(end, ".0")) || n < 36526 || n > 73050)
		return -1;
	*out = gd_date_from_ymd(2000, 1, 1) + (gd_date)(n - 36526);
	return 0;
}

int gd_csv_set(gd_record *r, const char *col, const char *value, gd_date today)
{
	gd_node *target = r->root;
	const char *key = col;
	char buf[GD_TIME_LEN];

	if (!*value)
		return 0;
	if (!strcmp(col, "id") || !strcmp(col, "contact") || !strcmp(col, "contact-role"))
		return 0; /* the caller names the record; gd_csv_contact */
	value = unguard(value);
	if (!strcmp(col, "name") && r->kind != GD_CUSTOMER)
		key = r->kind == GD_ORDER ? "number" : "from.company";
	if (!strcmp(col, "people"))
		return set_people(r, col, value);
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
		int err;
		/* the date's own message: the caller names the column */
		if (excel_serial(&d, value) < 0 && (err = gd_when_parse_past(&d, value, today)) < 0)
			return err;
		gd_date_format(buf, d);
		gd_node_set_str(target, key, buf, 1);
		return 0;
	}
	if (target == r->root && (!strcmp(key, "received") || !strcmp(key, "replied"))) {
		gd_time t;
		int err;
		if ((err = gd_time_parse_past(&t, value, today)) < 0)
			return err;
		gd_time_format(buf, &t);
		gd_node_set_str(target, key, buf, 1);
		return 0;
	}
	gd_node_set_str(target, key, value, 0);
	return 0;
}
