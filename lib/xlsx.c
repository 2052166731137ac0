/*
 * xlsx.c - an xlsx sheet into the table import reads (see gendan/xlsx.h).
 *
 * ECMA-376 Part 1 (SpreadsheetML): xl/workbook.xml lists the sheets in
 * order, with relationship ids that xl/_rels/workbook.xml.rels resolves
 * to parts; xl/sharedStrings.xml holds the strings cells of type "s"
 * index; xl/styles.xml maps a cell's style (s=) through cellXfs to a
 * number format, which says whether the number is a date.  Each part is
 * parsed by expat as libzip unpacks it (xlsx-zip.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/dates.h"
#include "gendan/error.h"
#include "gendan/xlsx.h"
#include "internal.h"
#include "xlsx-zip.h"

#define MAX_SHEETS 4096
#define MAX_COLS 16384      /* XFD */
#define MAX_ROW 1048576L

/* ---- the workbook and its relationships ---- */

struct sheet_ref {
	char *name, *rid, *target;
	int worksheet;
};

struct workbook {
	gd__xml x;
	struct sheet_ref *sheets;
	size_t n;
	int date1904;
	char *sst, *styles; /* the parts the relationships name */
	size_t nrels;
};

/* r:id: the attribute "id" in a namespace (the relationships one). */
static const char *rid_attr(const char **attrs)
{
	for (; attrs && attrs[0]; attrs += 2)
		if (strchr(attrs[0], '|') && !strcmp(gd__xml_local(attrs[0]), "id"))
			return attrs[1];
	return NULL;
}

static void XMLCALL wb_start(void *ud, const char *el, const char **attrs)
{
	struct workbook *w = ud;
	const char *l = gd__xml_local(el), *v, *name, *rid;

	if (!strcmp(l, "sheet")) {
		name = gd__xml_attr(attrs, "name");
		rid = rid_attr(attrs);
		if (!name || !rid)
			return;
		if (w->n == MAX_SHEETS) {
			gd__xml_fail(&w->x, gd_error_set(GD_EINVALID, _("%s: more than %d sheets"),
							 w->x.file, MAX_SHEETS));
			return;
		}
		w->sheets = gd__xrealloc(w->sheets, (w->n + 1) * sizeof(*w->sheets));
		memset(&w->sheets[w->n], 0, sizeof(*w->sheets));
		w->sheets[w->n].name = gd__xstrdup(name);
		w->sheets[w->n++].rid = gd__xstrdup(rid);
	} else if (!strcmp(l, "workbookPr") && (v = gd__xml_attr(attrs, "date1904"))) {
		w->date1904 = !strcmp(v, "1") || !strcasecmp(v, "true");
	}
}

/* A relationship's target as a zip entry name: relative to xl/. */
static char *part_name(const char *target)
{
	if (*target == '/')
		return gd__xstrdup(target + 1);
	while (!strncmp(target, "./", 2))
		target += 2;
	return gd__xasprintf("xl/%s", target);
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n >= t && !strcmp(s + n - t, tail);
}

#define REL_MAX 8192

static void XMLCALL rels_start(void *ud, const char *el, const char **attrs)
{
	struct workbook *w = ud;
	const char *id = gd__xml_attr(attrs, "Id"), *target = gd__xml_attr(attrs, "Target");
	const char *type = gd__xml_attr(attrs, "Type");
	size_t i;

	if (strcmp(gd__xml_local(el), "Relationship") || !id || !target || !type)
		return;
	if (ends_with(type, "/sharedStrings") && !w->sst)
		w->sst = part_name(target);
	if (ends_with(type, "/styles") && !w->styles)
		w->styles = part_name(target);
	/* one look a sheet for the first relationships; a part holding
	 * more than any workbook needs is refused (quadratic work else) */
	if (++w->nrels > REL_MAX) {
		gd__xml_fail(&w->x, gd_error_set(GD_EINVALID,
						 _("%s: the workbook has more than %d relationships"),
						 w->x.file, REL_MAX));
		return;
	}
	for (i = 0; i < w->n; i++)
		if (!strcmp(w->sheets[i].rid, id) && !w->sheets[i].target) {
			w->sheets[i].target = part_name(target);
			w->sheets[i].worksheet = ends_with(type, "/worksheet");
		}
}

static void workbook_free(struct workbook *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		free(w->sheets[i].name);
		free(w->sheets[i].rid);
		free(w->sheets[i].target);
	}
	free(w->sheets);
	free(w->sst);
	free(w->styles);
}

/* The sheet to read: the one named, else the first worksheet. */
static int pick_sheet(const struct sheet_ref **out, const struct workbook *w,
		      const char *want, const char *file)
{
	gd__buf names = {0};
	size_t i;
	int err;

	*out = NULL;
	for (i = 0; i < w->n && !*out; i++)
		if (want ? !strcmp(w->sheets[i].name, want) : w->sheets[i].worksheet &&
							      w->sheets[i].target != NULL)
			*out = &w->sheets[i];
	for (i = 0; want && i < w->n && !*out; i++)
		if (!strcasecmp(w->sheets[i].name, want))
			*out = &w->sheets[i];
	if (*out && (*out)->worksheet && (*out)->target)
		return 0;
	if (*out)
		return gd_error_set(GD_EINVALID, _("%s: sheet '%s' is not a worksheet"), file,
				    (*out)->name);
	if (!want)
		return gd_error_set(GD_EINVALID, _("%s: the workbook has no worksheet"), file);
	for (i = 0; i < w->n; i++)
		gd__buf_printf(&names, "%s'%s'", i ? ", " : "", w->sheets[i].name);
	gd__buf_putc(&names, '\0');
	err = gd_error_set(GD_EINVALID, _("%s: no sheet '%s'; the sheets are: %s"), file, want,
			   names.buf);
	gd__buf_free(&names);
	return err;
}

/* ---- styles: which cell styles are dates ---- */

struct styles {
	gd__xml x;
	/* the custom number formats that are dates, a bit per numFmtId
	 * (0-65535: what Excel writes), so that neither many formats nor
	 * many cell styles cost more than one look each */
	unsigned char *date_ids;
	unsigned char *xf_date; /* cellXfs[i] formats a date */
	size_t nxf;
	int in_cellxfs;
};

/* The built-in number formats that show a date (ECMA-376 18.8.30, with
 * the East Asian ones of the Chinese, Japanese and Korean editions). */
static int builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 31) || id == 36 ||
	       (id >= 45 && id <= 47) || (id >= 50 && id <= 54) || id == 57 || id == 58;
}

/* A custom format code shows a date when, outside quoted text, escapes
 * and [...] parts, it has d or y, or m without h or s (else m is
 * minutes: "h:mm", "[h]:mm", "mm:ss"). */
static int date_code(const char *code)
{
	int d = 0, m = 0, hs = 0;
	const char *p;

	for (p = code; *p; p++) {
		char c = (char)tolower((unsigned char)*p);
		if (c == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (c == '\\' || c == '_' || c == '*') {
			if (p[1])
				p++;
		} else if (c == '[') {
			/* [h] [mm] [ss] are elapsed times; [Red], [$-409] nothing */
			hs |= p[1] && strchr("hHmMsS", p[1]);
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
		} else if (c == 'd' || c == 'y') {
			d = 1;
		} else if (c == 'm') {
			m = 1;
		} else if (c == 'h' || c == 's') {
			hs = 1;
		}
	}
	return d || (m && !hs);
}

#define DATE_IDS 65536

static void XMLCALL styles_start(void *ud, const char *el, const char **attrs)
{
	struct styles *s = ud;
	const char *l = gd__xml_local(el);
	const char *id = gd__xml_attr(attrs, "numFmtId"), *code;
	long n = id ? strtol(id, NULL, 10) : 0;
	int date;

	if (!strcmp(l, "numFmt") && id && n >= 0 && n < DATE_IDS &&
	    (code = gd__xml_attr(attrs, "formatCode")) && date_code(code)) {
		if (!s->date_ids)
			s->date_ids = gd__xcalloc(DATE_IDS / 8, 1);
		s->date_ids[n / 8] |= (unsigned char)(1u << (n % 8));
	} else if (!strcmp(l, "cellXfs")) {
		s->in_cellxfs = 1;
	} else if (!strcmp(l, "xf") && s->in_cellxfs) {
		date = builtin_date(n) ||
		       (s->date_ids && n >= 0 && n < DATE_IDS && (s->date_ids[n / 8] >> (n % 8) & 1));
		if ((s->nxf & (s->nxf - 1)) == 0 || !s->nxf)
			s->xf_date = gd__xrealloc(s->xf_date, s->nxf ? s->nxf * 2 : 16);
		s->xf_date[s->nxf++] = (unsigned char)date;
	}
}

static void XMLCALL styles_end(void *ud, const char *el)
{
	struct styles *s = ud;

	if (!strcmp(gd__xml_local(el), "cellXfs"))
		s->in_cellxfs = 0;
}

/* ---- shared strings, in one arena ---- */

struct sst {
	gd__xml x;
	gd__buf text;   /* the strings, each NUL-terminated */
	size_t *off, n, cap;
	size_t start;   /* where the string being read starts */
	int in_si, in_t, in_rph;
};

static void XMLCALL sst_start(void *ud, const char *el, const char **attrs)
{
	struct sst *s = ud;
	const char *l = gd__xml_local(el);

	(void)attrs;
	if (!strcmp(l, "si")) {
		s->in_si = 1;
		s->start = s->text.len;
	} else if (!strcmp(l, "rPh")) {
		s->in_rph = 1; /* phonetic guide text: not the cell's */
	} else if (!strcmp(l, "t") && s->in_si && !s->in_rph) {
		s->in_t = 1;
	}
}

static void XMLCALL sst_end(void *ud, const char *el)
{
	struct sst *s = ud;
	const char *l = gd__xml_local(el);

	if (!strcmp(l, "t")) {
		s->in_t = 0;
	} else if (!strcmp(l, "rPh")) {
		s->in_rph = 0;
	} else if (!strcmp(l, "si") && s->in_si) {
		s->in_si = 0;
		if (s->n == GD_XLSX_MAX_CELLS) {
			gd__xml_fail(&s->x, gd_error_set(GD_EINVALID, _("%s: %s: more than %d strings"),
							 s->x.file, s->x.part, GD_XLSX_MAX_CELLS));
			return;
		}
		gd__buf_putc(&s->text, '\0');
		if (s->n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 256;
			s->off = gd__xrealloc(s->off, s->cap * sizeof(*s->off));
		}
		s->off[s->n++] = s->start;
	}
}

static void XMLCALL sst_text(void *ud, const char *t, int len)
{
	struct sst *s = ud;

	if (!s->in_t)
		return;
	if (s->text.len - s->start + (size_t)len > GD_XLSX_MAX_CELL) {
		gd__xml_fail(&s->x, gd_error_set(GD_EINVALID,
						 _("%s: %s: string %zu is longer than %zu KiB"),
						 s->x.file, s->x.part, s->n, GD_XLSX_MAX_CELL >> 10));
		return;
	}
	gd__buf_add(&s->text, t, (size_t)len);
}

/* ---- the sheet ---- */

enum cell_type { T_NUM, T_SST, T_INLINE, T_STR, T_BOOL, T_ERR, T_ISO };

struct sheet {
	gd__xml x;
	const struct styles *st;
	const struct sst *sst;
	int date1904;
	gd_csv *t;
	size_t cap, cells;
	size_t held; /* bytes of cell text read so far */
	char **row;          /* the cells of the row being read */
	size_t rowcap;
	long r, lastcol;     /* row number (1-based), last column (0-based) */
	long col, style;     /* the cell being read */
	enum cell_type type;
	int in_c, in_v, in_is, in_t, in_rph, has_value;
	gd__buf text;
};

/* "C7" for column 2 of row 7. */
static void cell_name(char buf[24], long col, long row)
{
	char letters[4];
	int n = 0, i;

	col++;
	while (col > 0 && n < 3) {
		letters[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		buf[i] = letters[n - 1 - i];
	snprintf(buf + n, 24 - (size_t)n, "%ld", row);
}

static void sheet_fail(struct sheet *s, const char *fmt, const char *what)
{
	char ref[24];

	cell_name(ref, s->col, s->r);
	gd__xml_fail(&s->x, gd_error_set(GD_EINVALID, fmt, s->x.file, s->r, ref, what));
}

/* The column of a reference like "AB12", or -1. */
static long ref_col(const char *ref)
{
	long col = 0;
	int n = 0;

	for (; isupper((unsigned char)*ref) && n < 4; ref++, n++)
		col = col * 26 + (*ref - 'A' + 1);
	return n && n < 4 && isdigit((unsigned char)*ref) ? col - 1 : -1;
}

static void XMLCALL sheet_start(void *ud, const char *el, const char **attrs)
{
	struct sheet *s = ud;
	const char *l = gd__xml_local(el), *v;

	if (!strcmp(l, "row")) {
		v = gd__xml_attr(attrs, "r");
		s->r = v ? strtol(v, NULL, 10) : s->r + 1;
		s->lastcol = -1;
		if (s->r < 1 || s->r > MAX_ROW)
			gd__xml_fail(&s->x, gd_error_set(GD_EINVALID, _("%s: %s: row '%s' is not a row of a sheet"),
							 s->x.file, s->x.part, v ? v : ""));
	} else if (!strcmp(l, "c")) {
		v = gd__xml_attr(attrs, "r");
		s->col = v ? ref_col(v) : s->lastcol + 1;
		if (s->col < 0 || s->col >= MAX_COLS) {
			gd__xml_fail(&s->x, gd_error_set(GD_EINVALID, _("%s: %s: cell '%s' is not a cell of a sheet"),
							 s->x.file, s->x.part, v ? v : ""));
			return;
		}
		v = gd__xml_attr(attrs, "t");
		s->type = !v || !strcmp(v, "n") ? T_NUM : !strcmp(v, "s") ? T_SST
			: !strcmp(v, "inlineStr") ? T_INLINE : !strcmp(v, "b") ? T_BOOL
			: !strcmp(v, "e") ? T_ERR : !strcmp(v, "d") ? T_ISO : T_STR;
		v = gd__xml_attr(attrs, "s");
		s->style = v ? strtol(v, NULL, 10) : 0;
		s->in_c = 1;
		s->has_value = 0;
		s->text.len = 0;
		if (s->text.buf)
			s->text.buf[0] = '\0';
	} else if (s->in_c && !strcmp(l, "v")) {
		s->in_v = 1;
	} else if (s->in_c && !strcmp(l, "is")) {
		s->in_is = 1;
	} else if (s->in_is && !strcmp(l, "rPh")) {
		s->in_rph = 1;
	} else if (s->in_is && !s->in_rph && !strcmp(l, "t")) {
		s->in_t = 1;
	}
}

static void XMLCALL sheet_text(void *ud, const char *t, int len)
{
	struct sheet *s = ud;

	if (!s->in_v && !s->in_t)
		return;
	if (s->text.len + (size_t)len > GD_XLSX_MAX_CELL) {
		char limit[32];
		snprintf(limit, sizeof(limit), "%zu", GD_XLSX_MAX_CELL >> 10);
		sheet_fail(s, _("%s:%ld: cell %s: more than %s KiB of text"), limit);
		return;
	}
	gd__buf_add(&s->text, t, (size_t)len);
}

/* A number as the XML writes it, plainly: "5.0" is "5", "1.5E+3" is
 * "1500", "8.613800138E+12" is "8613800138000"; digits are never lost or
 * rounded.  What is not a number is kept as it is. */
static char *plain_number(const char *v)
{
	const char *p = v;
	char digits[48], *end;
	size_t nd = 0, i;
	long intd = 0, e = 0, pos;
	int neg = *p == '-';
	gd__buf b = {0};

	p += neg;
	for (; isdigit((unsigned char)*p) && nd < sizeof(digits); p++, intd++)
		digits[nd++] = *p;
	if (*p == '.')
		for (p++; isdigit((unsigned char)*p) && nd < sizeof(digits); p++)
			digits[nd++] = *p;
	if (*p == 'E' || *p == 'e') {
		e = strtol(p + 1, &end, 10);
		p = end > p + 1 && e >= -30 && e <= 30 ? end : v;
	}
	if (!nd || *p)
		return gd__xstrdup(v);
	pos = intd + e; /* the point goes after pos digits */
	if (neg)
		gd__buf_putc(&b, '-');
	for (i = 0; (long)i < pos; i++) {
		char c = '0';
		if (i < nd)
			c = digits[i];
		if (b.len > (size_t)neg || c != '0' || (long)i == pos - 1)
			gd__buf_putc(&b, c); /* no leading zeros */
	}
	if (pos <= 0)
		gd__buf_putc(&b, '0');
	while (nd > 0 && (long)nd > pos && digits[nd - 1] == '0')
		nd--;
	if ((long)nd > pos) {
		gd__buf_putc(&b, '.');
		for (i = 0; (long)i < -pos; i++)
			gd__buf_putc(&b, '0');
		for (i = pos > 0 ? (size_t)pos : 0; i < nd; i++)
			gd__buf_putc(&b, digits[i]);
	}
	if (neg && !strcmp(b.buf, "-0")) {
		gd__buf_free(&b);
		return gd__xstrdup("0");
	}
	return gd__buf_detach(&b, NULL);
}

/* An Excel date serial as YYYY-MM-DD: days since 1899-12-30 (the 1900
 * system, with Lotus 1-2-3's 1900-02-29 as day 60), or since 1904-01-01.
 * -1 when it is not a day (a time of day alone, negative, past 9999). */
static int serial_date(char out[GD_DATE_LEN], const char *v, int date1904)
{
	char *end;
	long n;
	gd_date d;

	if (!isdigit((unsigned char)*v))
		return -1;
	n = strtol(v, &end, 10);
	if (*end == '.')
		for (end++; isdigit((unsigned char)*end); end++)
			;
	if (*end || n > 2958465 || (!date1904 && (n < 1 || n == 60)))
		return -1;
	if (date1904)
		d = gd_date_from_ymd(1904, 1, 1) + (gd_date)n;
	else
		d = gd_date_from_ymd(1899, 12, n < 60 ? 31 : 30) + (gd_date)n;
	gd_date_format(out, d);
	return 0;
}

/* The text of the cell just read, or NULL when it has none. */
static char *cell_value(struct sheet *s)
{
	const char *v = s->text.buf ? s->text.buf : "";
	char date[GD_DATE_LEN], *end;
	unsigned long i;

	switch (s->type) {
	case T_SST:
		i = strtoul(v, &end, 10);
		if (!isdigit((unsigned char)*v) || *end || i >= s->sst->n) {
			char ref[24];
			cell_name(ref, s->col, s->r);
			gd__xml_fail(&s->x, gd_error_set(GD_EINVALID,
							 _("%s:%ld: cell %s: shared string '%.20s' does not exist (the file has %zu)"),
							 s->x.file, s->r, ref, v, s->sst->n));
			return NULL;
		}
		return gd__xstrdup(s->sst->text.buf + s->sst->off[i]);
	case T_BOOL:
		return gd__xstrdup(!strcmp(v, "1") || !strcasecmp(v, "true") ? "TRUE" : "FALSE");
	case T_ISO:
		if (strlen(v) >= 10 && isdigit((unsigned char)v[0]) && v[4] == '-' && v[7] == '-')
			return gd__xstrndup(v, 10);
		return gd__xstrdup(v);
	case T_NUM:
		if (s->style >= 0 && (size_t)s->style < s->st->nxf && s->st->xf_date[s->style] &&
		    serial_date(date, v, s->date1904) == 0)
			return gd__xstrdup(date);
		return plain_number(v);
	default:
		return gd__xstrdup(v);
	}
}

static void put_cell(struct sheet *s, char *v)
{
	size_t col = (size_t)s->col, len = strlen(v);

	if (!len) {
		free(v);
		return;
	}
	/* a shared string is stored once but copied into every cell naming
	 * it: the text of the cells read counts against the bound too */
	if (len > GD_XLSX_MAX_TEXT - s->held) {
		free(v);
		gd__xml_fail(&s->x, gd_error_set(GD_EINVALID,
						 _("%s: the sheet's cells hold more than %zu MiB of text: import it in parts"),
						 s->x.file, GD_XLSX_MAX_TEXT >> 20));
		return;
	}
	s->held += len;
	if (col >= s->rowcap) {
		size_t cap = s->rowcap ? s->rowcap : 16;
		while (cap <= col)
			cap *= 2;
		s->row = gd__xrealloc(s->row, cap * sizeof(*s->row));
		memset(s->row + s->rowcap, 0, (cap - s->rowcap) * sizeof(*s->row));
		s->rowcap = cap;
	}
	free(s->row[col]);
	s->row[col] = v;
}

/* The row read into the table when it has a filled cell (within the
 * header's width); its cells cleared. */
static void end_row(struct sheet *s)
{
	size_t width = 0, i;
	gd_csv *t = s->t;
	char **cells;

	for (i = 0; i < s->rowcap; i++)
		if (s->row[i])
			width = i + 1;
	if (t->n && width > t->ncols[0])
		width = t->ncols[0];
	while (width && !s->row[width - 1])
		width--;
	if (!width)
		goto clear;
	if (t->n > GD_XLSX_MAX_ROWS || s->cells + width > GD_XLSX_MAX_CELLS) {
		gd__xml_fail(&s->x, gd_error_set(GD_EINVALID,
						 _("%s: the sheet has more than %d rows or %d cells: import it in parts"),
						 s->x.file, GD_XLSX_MAX_ROWS, GD_XLSX_MAX_CELLS));
		goto clear;
	}
	if (t->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		t->rows = gd__xrealloc(t->rows, s->cap * sizeof(*t->rows));
		t->ncols = gd__xrealloc(t->ncols, s->cap * sizeof(*t->ncols));
		t->lines = gd__xrealloc(t->lines, s->cap * sizeof(*t->lines));
	}
	cells = gd__xmalloc(width * sizeof(*cells));
	for (i = 0; i < width; i++) {
		cells[i] = s->row[i] ? s->row[i] : gd__xstrdup("");
		s->row[i] = NULL;
	}
	t->rows[t->n] = cells;
	t->ncols[t->n] = width;
	t->lines[t->n++] = (int)s->r;
	s->cells += width;
clear:
	for (i = 0; i < s->rowcap; i++) {
		free(s->row[i]);
		s->row[i] = NULL;
	}
}

static void XMLCALL sheet_end(void *ud, const char *el)
{
	struct sheet *s = ud;
	const char *l = gd__xml_local(el);
	char *v;

	if (!strcmp(l, "v") && s->in_v) {
		s->in_v = 0;
		s->has_value = 1;
	} else if (!strcmp(l, "t") && s->in_t) {
		s->in_t = 0;
	} else if (!strcmp(l, "rPh")) {
		s->in_rph = 0;
	} else if (!strcmp(l, "is") && s->in_is) {
		s->in_is = 0;
		s->has_value = 1;
	} else if (!strcmp(l, "c") && s->in_c) {
		s->in_c = 0;
		s->lastcol = s->col;
		if (s->has_value && (v = cell_value(s)))
			put_cell(s, v);
	} else if (!strcmp(l, "row")) {
		end_row(s);
	}
}

/* ---- the workbook read ---- */

struct parts {
	struct workbook wb;
	struct styles st;
	struct sst sst;
	struct sheet sh;
};

static void parts_free(struct parts *p)
{
	size_t i;

	workbook_free(&p->wb);
	free(p->st.date_ids);
	free(p->st.xf_date);
	gd__buf_free(&p->sst.text);
	free(p->sst.off);
	for (i = 0; i < p->sh.rowcap; i++)
		free(p->sh.row[i]);
	free(p->sh.row);
	gd__buf_free(&p->sh.text);
	gd_csv_free(p->sh.t);
}

int gd_xlsx_parse(gd_csv **out, const char *buf, size_t len, const char *sheet,
		  const char *name)
{
	gd__xlsx_zip z;
	struct parts p;
	const struct sheet_ref *ref = NULL;
	int err;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	if ((err = gd__xlsx_open(&z, buf, len, name)) < 0)
		return err;
	if ((err = gd__xlsx_parse(&z, "xl/workbook.xml", 1, wb_start, NULL, NULL, &p.wb.x)) < 0 ||
	    (err = gd__xlsx_parse(&z, "xl/_rels/workbook.xml.rels", 1, rels_start, NULL, NULL,
				  &p.wb.x)) < 0 ||
	    (err = pick_sheet(&ref, &p.wb, sheet, name)) < 0)
		goto done;
	if ((err = gd__xlsx_parse(&z, p.wb.styles ? p.wb.styles : "xl/styles.xml", 0,
				  styles_start, styles_end, NULL, &p.st.x)) < 0 ||
	    (err = gd__xlsx_parse(&z, p.wb.sst ? p.wb.sst : "xl/sharedStrings.xml", 0,
				  sst_start, sst_end, sst_text, &p.sst.x)) < 0)
		goto done;
	p.sh.st = &p.st;
	p.sh.sst = &p.sst;
	p.sh.date1904 = p.wb.date1904;
	p.sh.t = gd__xcalloc(1, sizeof(*p.sh.t));
	if ((err = gd__xlsx_parse(&z, ref->target, 1, sheet_start, sheet_end, sheet_text,
				  &p.sh.x)) < 0)
		goto done;
	*out = p.sh.t;
	p.sh.t = NULL;
	err = 0;
done:
	parts_free(&p);
	gd__xlsx_close(&z);
	return err;
}
