/*
 * vcard.c - vCards into the table import reads (see gendan/vcard.h).
 *
 * RFC 2426 (3.0) and RFC 6350 (4.0): lines folded with a leading space or
 * TAB, values escaped with '\'; the vCard 2.1 specification (versit,
 * 1996): ENCODING=QUOTED-PRINTABLE (or a bare QUOTED-PRINTABLE) with soft
 * line breaks, and CHARSET=.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/csv.h"
#include "gendan/error.h"
#include "gendan/vcard.h"
#include "internal.h"

enum { C_NAME, C_EMAIL, C_PHONE, C_COUNTRY, C_CITY, C_NOTE, C_CONTACT, C_ROLE, NCOLS };
static const char *const columns[NCOLS] = {"name", "email", "phone", "country",
					    "city", "note", "contact", "contact-role"};

/* One card as it is read: its cells, FN and the first component of ORG. */
struct card {
	char *cell[NCOLS];
	char *fn, *org;
	int line;
};

/* The next logical line of buf from *pos, unfolded (malloc'd), or NULL at
 * the end; *line is the line it starts on, *next_line the one after. */
static char *next_line(const char *buf, size_t len, size_t *pos, int *line)
{
	gd__buf b = {0};
	size_t i = *pos;
	int qp_soft;

	if (i >= len)
		return NULL;
	for (;;) {
		size_t start = i, end;
		while (i < len && buf[i] != '\n')
			i++;
		end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
		gd__buf_add(&b, buf + start, end - start);
		if (i < len)
			i++, (*line)++;
		/* a quoted-printable soft line break: "=" at the end */
		qp_soft = b.len && b.buf[b.len - 1] == '=' && strcasestr(b.buf, "QUOTED-PRINTABLE");
		if (qp_soft && i < len) {
			b.len--;
			continue;
		}
		/* a folded line: the next starts with a space or a TAB */
		if (i < len && (buf[i] == ' ' || buf[i] == '\t')) {
			i++;
			continue;
		}
		break;
	}
	*pos = i;
	gd__buf_putc(&b, '\0');
	return gd__buf_detach(&b, NULL);
}

static int hexval(int c)
{
	return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

/* Quoted-printable decoded in place. */
static void qp_decode(char *s)
{
	char *o = s;

	for (; *s; s++) {
		int h, l;
		if (*s == '=' && (h = hexval((unsigned char)s[1])) >= 0 &&
		    (l = hexval((unsigned char)s[2])) >= 0) {
			*o++ = (char)(h * 16 + l);
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

/* The first component of a value (up to an unescaped ';'), unescaped. */
static char *component(const char *v, int index)
{
	gd__buf b = {0};
	int k = 0;

	for (; *v; v++) {
		if (*v == '\\' && v[1]) {
			char c = *++v;
			if (c == 'n' || c == 'N')
				c = '\n';
			if (k == index)
				gd__buf_putc(&b, c);
			continue;
		}
		if (*v == ';') {
			if (k++ == index)
				break;
			continue;
		}
		if (k == index)
			gd__buf_putc(&b, *v);
	}
	gd__buf_putc(&b, '\0');
	return gd__buf_detach(&b, NULL);
}

/* The parameter `key` of a property's parameters (";TYPE=x;CHARSET=y"),
 * malloc'd, or NULL; a bare QUOTED-PRINTABLE counts as ENCODING. */
static char *param(const char *params, const char *key)
{
	const char *p = params;
	size_t kl = strlen(key);

	while (p && *p) {
		const char *end = strchr(p + 1, ';');
		size_t n = end ? (size_t)(end - p - 1) : strlen(p + 1);
		if (!strncasecmp(p + 1, key, kl) && p[1 + kl] == '=')
			return gd__xstrndup(p + 2 + kl, n - kl - 1);
		if (!strcasecmp(key, "ENCODING") && n == 16 &&
		    !strncasecmp(p + 1, "QUOTED-PRINTABLE", 16))
			return gd__xstrdup("QUOTED-PRINTABLE");
		p = end;
	}
	return NULL;
}

/* The value of a property, decoded to UTF-8 text (malloc'd). */
static int decode_value(char **out, const char *params, const char *value,
			const char *name, int line)
{
	char *enc = param(params, "ENCODING"), *cs = param(params, "CHARSET");
	char *v = gd__xstrdup(value), *where;
	size_t len;
	int err = 0;

	*out = NULL;
	if (enc && !strcasecmp(enc, "QUOTED-PRINTABLE"))
		qp_decode(v);
	where = gd__xasprintf("%s:%d", name, line);
	if ((err = gd_csv_decode(out, &len, v, strlen(v),
				 cs && strcasecmp(cs, "UTF-8") ? cs : "UTF-8",
				 where)) < 0)
		*out = NULL;
	free(where);
	free(v);
	free(enc);
	free(cs);
	return err;
}

static void set(char **cell, char *v)
{
	if (!*cell && *v) {
		*cell = v;
		return;
	}
	free(v);
}

/* One property line into the card. */
static int property(struct card *c, const char *text, const char *name, int line)
{
	const char *colon = strchr(text, ':'), *dot;
	char *prop, *params, *pcopy, *v = NULL;
	int err;

	if (!colon)
		return 0;
	prop = gd__xstrndup(text, (size_t)(colon - text));
	/* a group ("item1.TEL") goes */
	dot = strchr(prop, '.');
	params = strchr(prop, ';');
	pcopy = gd__xstrdup(params ? params : "");
	if (params)
		*params = '\0';
	err = decode_value(&v, pcopy, colon + 1, name, line);
	free(pcopy);
	if (err < 0) {
		free(prop);
		return err;
	}
	{
		const char *key = dot && (!params || dot < params) ? dot + 1 : prop;
		if (!strcasecmp(key, "FN"))
			set(&c->fn, component(v, 0));
		else if (!strcasecmp(key, "ORG"))
			set(&c->org, component(v, 0));
		else if (!strcasecmp(key, "EMAIL"))
			set(&c->cell[C_EMAIL], component(v, 0));
		else if (!strcasecmp(key, "TEL"))
			set(&c->cell[C_PHONE], component(v, 0));
		else if (!strcasecmp(key, "TITLE"))
			set(&c->cell[C_ROLE], component(v, 0));
		else if (!strcasecmp(key, "NOTE"))
			set(&c->cell[C_NOTE], component(v, 0));
		else if (!strcasecmp(key, "ADR")) {
			set(&c->cell[C_CITY], component(v, 3));
			set(&c->cell[C_COUNTRY], component(v, 6));
		}
	}
	free(v);
	free(prop);
	return 0;
}

static void add_row(gd_csv *t, char **cells, int line)
{
	t->rows = gd__xrealloc(t->rows, (t->n + 1) * sizeof(*t->rows));
	t->ncols = gd__xrealloc(t->ncols, (t->n + 1) * sizeof(*t->ncols));
	t->lines = gd__xrealloc(t->lines, (t->n + 1) * sizeof(*t->lines));
	t->rows[t->n] = cells;
	t->ncols[t->n] = NCOLS;
	t->lines[t->n] = line;
	t->n++;
}

/* The card as a row: the name is ORG's first component, else FN; the FN of
 * a card with an ORG is its person (contact), TITLE their role.  TEL and
 * EMAIL stay the customer's, as a table row's do (gd_csv_contact). */
static void end_card(gd_csv *t, struct card *c)
{
	char **cells = gd__xcalloc(NCOLS, sizeof(*cells));
	int i;

	c->cell[C_NAME] = c->org ? c->org : c->fn;
	c->cell[C_CONTACT] = c->org ? c->fn : NULL;
	for (i = 0; i < NCOLS; i++)
		cells[i] = c->cell[i] ? c->cell[i] : gd__xstrdup("");
	add_row(t, cells, c->line);
	memset(c, 0, sizeof(*c));
}

static void card_clear(struct card *c)
{
	int i;

	for (i = 0; i < NCOLS; i++)
		free(c->cell[i]);
	free(c->fn);
	free(c->org);
	memset(c, 0, sizeof(*c));
}

int gd_vcard_parse(gd_csv **out, const char *buf, size_t len, const char *name)
{
	gd_csv *t = gd__xcalloc(1, sizeof(*t));
	struct card c;
	char **head = gd__xcalloc(NCOLS, sizeof(*head)), *l;
	size_t pos = 0;
	int line = 1, at, in = 0, err = 0, i;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	for (i = 0; i < NCOLS; i++)
		head[i] = gd__xstrdup(columns[i]);
	add_row(t, head, 0);
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		pos = 3;
	while (!err && (at = line, l = next_line(buf, len, &pos, &line))) {
		if (!strcasecmp(l, "BEGIN:VCARD")) {
			card_clear(&c);
			c.line = at;
			in = 1;
		} else if (!strcasecmp(l, "END:VCARD") && in) {
			end_card(t, &c);
			in = 0;
		} else if (in) {
			err = property(&c, l, name, at);
		}
		free(l);
	}
	if (!err && in)
		err = gd_error_set(GD_EINVALID, _("%s:%d: a vCard without END:VCARD"),
				   name, c.line);
	if (!err && t->n < 2)
		err = gd_error_set(GD_EINVALID, _("%s: no vCard in the file"), name);
	card_clear(&c);
	if (err < 0) {
		gd_csv_free(t);
		return err;
	}
	*out = t;
	return 0;
}
