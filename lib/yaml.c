/*
 * yaml.c - the record codec: a strict parser on libyaml's event API and a
 * canonical block-style emitter (see gendan/yaml.h).  The only file that
 * sees libyaml.
 *
 * The emitter is our own: libyaml's cannot indent a block sequence under its
 * mapping key, and the canonical form is ours to keep stable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "gendan/error.h"
#include "gendan/yaml.h"
#include "internal.h"

/* libyaml forgets a simple key after 1024 characters ("could not find
 * expected ':'"), so a longer key could be parsed from "? key" but never
 * written back readably.  Keys are limited below that, quotes included. */
#define KEY_WIDTH_MAX 1000

/* --- UTF-8 and positions ------------------------------------------------ */

/* Decode the valid UTF-8 sequence at s (n bytes left) into *cp and return
 * its length, or 0 for an invalid, overlong, surrogate or truncated one. */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	unsigned c = s[0];
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		*cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		*cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		*cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && *cp < 0x800) || (len == 4 && *cp < 0x10000) ||
	    *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return len;
}

/* A character a terminal would obey: C0 but tab, LF and CR; DEL; C1. */
static int is_control(unsigned long cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
	       (cp >= 0x7f && cp <= 0x9f);
}

/* 1 when the valid UTF-8 s[0..len) holds a control character. */
static int has_control(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long cp;
	size_t i = 0, l;

	while (i < len && (l = utf8_decode(u + i, len - i, &cp))) {
		if (is_control(cp))
			return 1;
		i += l;
	}
	return 0;
}

/* Offset of the first invalid UTF-8 byte, or len. */
static size_t utf8_check(const char *buf, size_t len)
{
	const unsigned char *u = (const unsigned char *)buf;
	unsigned long cp;
	size_t i = 0, l;

	while (i < len) {
		if (!(l = utf8_decode(u + i, len - i, &cp)))
			return i;
		i += l;
	}
	return len;
}

/* 1-based line and column of byte off, counted as libyaml counts its marks:
 * characters, not bytes, and CR LF, CR, LF, NEL, LS and PS as line breaks. */
static void position(const char *buf, size_t len, size_t off, int *line,
		     int *col)
{
	const unsigned char *u = (const unsigned char *)buf;
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		int brk = u[i] == '\n' ||
			  (u[i] == '\r' && !(i + 1 < len && u[i + 1] == '\n')) ||
			  (u[i] == 0xc2 && i + 1 < len && u[i + 1] == 0x85) ||
			  (u[i] == 0xe2 && i + 2 < len && u[i + 1] == 0x80 &&
			   (u[i + 2] == 0xa8 || u[i + 2] == 0xa9));
		if (brk) {
			(*line)++;
			*col = 0;
		}
		if ((u[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/* --- input checks before libyaml sees the bytes ------------------------- */

static int precheck(const char *buf, size_t len, const char *name)
{
	const unsigned char *u = (const unsigned char *)buf;
	const char *nul;
	size_t bad;
	int line, col;

	if (len > GD_YAML_MAX_SIZE)
		return gd_error_set(GD_EINVALID, _("%s: file is larger than %zu bytes"),
				    name, GD_YAML_MAX_SIZE);
	/* UTF-8, UTF-16 BE/LE (and so UTF-32 LE), UTF-32 BE */
	if ((len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) ||
	    (len >= 2 && u[0] == 0xfe && u[1] == 0xff) ||
	    (len >= 2 && u[0] == 0xff && u[1] == 0xfe) ||
	    (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff))
		return gd_error_set(GD_EINVALID, _("%s:1:1: byte order mark not allowed (save as UTF-8 without BOM)"),
				    name);
	if (len && (nul = memchr(buf, '\0', len))) {
		position(buf, len, (size_t)(nul - buf), &line, &col);
		return gd_error_set(GD_EINVALID, _("%s:%d:%d: NUL byte not allowed"),
				    name, line, col);
	}
	if ((bad = utf8_check(buf, len)) < len) {
		position(buf, len, bad, &line, &col);
		return gd_error_set(GD_EINVALID, _("%s:%d:%d: invalid UTF-8"), name,
				    line, col);
	}
	return 0;
}

/* --- resolution and quoting -------------------------------------------- */

static int in(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

static const char *const nulls[] = {"", "~", "null", "Null", "NULL", NULL};
static const char *const bools12[] = {"true", "True", "TRUE", "false",
				      "False", "FALSE", NULL};
static const char *const bools11[] = {
	"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on",
	"On", "ON", "off", "Off", "OFF", NULL};
static const char *const infs[] = {".inf", ".Inf", ".INF", "+.inf", "+.Inf",
				   "+.INF", "-.inf", "-.Inf", "-.INF", NULL};
static const char *const nans[] = {".nan", ".NaN", ".NAN", NULL};
/* YAML 1.1 merge and value keys */
static const char *const yaml11_keys[] = {"<<", "=", NULL};

static int all(const char *s, const char *set)
{
	return *s && strspn(s, set) == strlen(s);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* YAML 1.2 core: [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+ */
static int is_int(const char *s)
{
	if (!strncmp(s, "0o", 2))
		return all(s + 2, "01234567");
	if (!strncmp(s, "0x", 2))
		return all(s + 2, "0123456789abcdefABCDEF");
	if (*s == '-' || *s == '+')
		s++;
	return all(s, "0123456789");
}

/* YAML 1.2 core: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?,
 * the infinities and the NaNs */
static int is_float(const char *s)
{
	size_t digits = 0;

	if (in(s, infs) || in(s, nans))
		return 1;
	if (*s == '-' || *s == '+')
		s++;
	for (; is_digit(*s); s++)
		digits++;
	if (*s == '.')
		for (s++; is_digit(*s); s++)
			digits++;
	if (!digits)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		return all(s, "0123456789");
	}
	return *s == '\0';
}

gd_yaml_type gd_yaml_resolve(const gd_node *n)
{
	if (n->type != GD_SCALAR || !n->plain)
		return GD_YSTR;
	if (in(n->str, nulls))
		return GD_YNULL;
	if (in(n->str, bools12))
		return GD_YBOOL;
	if (is_int(n->str))
		return GD_YINT;
	if (is_float(n->str))
		return GD_YFLOAT;
	return GD_YSTR;
}

/* A character libyaml reads as itself inside a plain scalar: printable
 * (its reader refuses the rest even when quoted), not a line break
 * (NEL, LS, PS), not a byte order mark (skipped at a line start). */
static int plain_char(unsigned long cp)
{
	return (cp >= 0x20 && cp <= 0x7e) ||
	       (cp >= 0xa0 && cp <= 0xfffd && cp != 0x2028 && cp != 0x2029 &&
		cp != 0xfeff && !(cp >= 0xd800 && cp <= 0xdfff)) ||
	       (cp >= 0x10000 && cp <= 0x10ffff);
}

/*
 * Written after "key: " or "- " (never at column 0), would non-empty s read
 * back as this very plain scalar?  strict (for strings and keys) also
 * refuses what is legal but easy to misread: any leading indicator, a tab,
 * a leading "---" or "..." (keys stand at column 0).
 */
static int plain_ok(const char *s, int strict)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i, l;
	unsigned long cp;

	if (strchr(",[]{}#&*!|>'\"%@` \t", s[0]) || s[len - 1] == ' ' ||
	    s[len - 1] == '\t' || s[len - 1] == ':')
		return 0;
	/* - ? : start a plain scalar only when a non-blank follows (strchr
	 * finds the terminator too, so a lone one is refused) */
	if (strchr("-?:", s[0]) && (strict || strchr(" \t", s[1])))
		return 0;
	if (strstr(s, ": ") || strstr(s, ":\t") || strstr(s, " #") ||
	    strstr(s, "\t#"))
		return 0;
	if (strict && (!strncmp(s, "---", 3) || !strncmp(s, "...", 3)))
		return 0;
	for (i = 0; i < len; i += l) {
		if (!(l = utf8_decode(p + i, len - i, &cp)))
			return 0;
		if (!plain_char(cp) && !(cp == '\t' && !strict))
			return 0;
	}
	return 1;
}

/* Starts like a number, date, time, sexagesimal or phone number (anything
 * from [-+]?[.]?[0-9]), or is a YAML 1.1 float such as "." or "-._". */
static int looks_numeric(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (is_digit(*s) || (*s == '.' && is_digit(s[1])))
		return 1;
	return *s == '.' && strspn(s + 1, "0123456789._eE+-") == strlen(s + 1);
}

int gd_yaml_needs_quotes(const char *s)
{
	return !*s || !plain_ok(s, 1) || in(s, nulls) || in(s, bools12) ||
	       in(s, bools11) || in(s, infs) || in(s, nans) ||
	       in(s, yaml11_keys) || looks_numeric(s);
}

/* --- writing scalars --------------------------------------------------- */

static void quoted(gd__buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + strlen(s);
	unsigned long cp;
	size_t l;

	gd__buf_putc(b, '"');
	while (p < end) {
		/* the tree was checked to be UTF-8 before writing */
		if (!(l = utf8_decode(p, (size_t)(end - p), &cp)))
			break;
		if (cp == '"')
			gd__buf_puts(b, "\\\"");
		else if (cp == '\\')
			gd__buf_puts(b, "\\\\");
		else if (cp == '\n')
			gd__buf_puts(b, "\\n");
		else if (cp == '\t')
			gd__buf_puts(b, "\\t");
		else if (cp == '\r')
			gd__buf_puts(b, "\\r");
		else if (plain_char(cp))
			gd__buf_add(b, (const char *)p, l);
		else if (cp < 0x100)
			gd__buf_printf(b, "\\x%02lX", cp);
		else
			gd__buf_printf(b, "\\u%04lX", cp);
		p += l;
	}
	gd__buf_putc(b, '"');
}

/*
 * An empty plain scalar (null) is written as nothing at all, so "key:" and
 * "-" stay as a hand-written file has them; a plain scalar that cannot be
 * written plain is quoted, the best that is left.
 */
static void text(gd__buf *b, const char *s, int plain)
{
	if (plain ? (!*s || plain_ok(s, 0)) : !gd_yaml_needs_quotes(s))
		gd__buf_puts(b, s);
	else
		quoted(b, s);
}

/* Characters the key takes on its line, quotes and escapes included. */
static int key_width(size_t *width, const char *key)
{
	gd__buf b = {.fallible = 1};
	size_t i;

	*width = 0;
	text(&b, key, 0);
	if (b.failed) {
		gd__buf_free(&b);
		return GD_ENOMEM;
	}
	for (i = 0; i < b.len; i++)
		if (((unsigned char)b.buf[i] & 0xc0) != 0x80)
			(*width)++;
	gd__buf_free(&b);
	return 0;
}

/* --- the parser -------------------------------------------------------- */

/* A key of the mapping being read, for finding duplicates when it ends. */
struct key {
	const char *s; /* borrowed from the mapping */
	size_t idx;
	int line, col;
};

struct frame {
	gd_node *node;
	char *key; /* a mapping's key waiting for its value */
	struct key *keys;
	size_t nkeys, capkeys;
};

struct parse {
	const char *name;
	struct frame stack[GD_YAML_MAX_DEPTH];
	int depth;
	gd_node *root;
	int end;
};

static int fail_at(const struct parse *p, const yaml_mark_t *m, const char *what,
		   const char *arg)
{
	return gd_error_set(GD_EINVALID, "%s:%lu:%lu: %s%s%s%s", p->name,
			    (unsigned long)m->line + 1, (unsigned long)m->column + 1,
			    what, arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
}

/* Append without gd_node_set()'s lookup: duplicates are found when the
 * mapping ends, and a 1 MiB file of distinct keys must not take quadratic
 * time.  Takes key and val only when it succeeds. */
static int map_append(gd_node *map, char *key, gd_node *val)
{
	void *p;

	if (map->n == map->cap) {
		size_t cap = map->cap ? map->cap * 2 : 4;
		if (!(p = gd__realloc(map->keys, cap * sizeof(*map->keys))))
			return GD_ENOMEM;
		map->keys = p;
		if (!(p = gd__realloc(map->vals, cap * sizeof(*map->vals))))
			return GD_ENOMEM;
		map->vals = p;
		map->cap = cap;
	}
	map->keys[map->n] = key;
	map->vals[map->n] = val;
	map->n++;
	return 0;
}

static int take_key(struct parse *p, struct frame *f, gd_node *n,
		    const yaml_mark_t *m)
{
	size_t width;
	int err = 0;

	if (n->type != GD_SCALAR) {
		err = fail_at(p, m, _("a key must be a plain value, not a list or mapping"),
			      NULL);
		goto done;
	}
	if ((err = key_width(&width, n->str)) < 0)
		goto done;
	if (width > KEY_WIDTH_MAX) {
		err = gd_error_set(GD_EINVALID, _("%s:%d:%d: key is longer than %d characters"),
				   p->name, n->line, n->col, KEY_WIDTH_MAX);
		goto done;
	}
	if (f->nkeys == f->capkeys) {
		size_t cap = f->capkeys ? f->capkeys * 2 : 8;
		struct key *keys = gd__realloc(f->keys, cap * sizeof(*f->keys));
		if (!keys) {
			err = GD_ENOMEM;
			goto done;
		}
		f->keys = keys;
		f->capkeys = cap;
	}
	f->keys[f->nkeys].s = n->str;
	f->keys[f->nkeys].idx = f->node->n;
	f->keys[f->nkeys].line = n->line;
	f->keys[f->nkeys].col = n->col;
	f->nkeys++;
	f->key = n->str;
	n->str = NULL;
done:
	gd_node_free(n);
	return err;
}

/* Put a new node (taken, freed on failure) where the document is: root,
 * item, key or value. */
static int place(struct parse *p, gd_node *n, const yaml_mark_t *m)
{
	struct frame *top = p->depth ? &p->stack[p->depth - 1] : NULL;
	int err;

	if (!top) {
		p->root = n;
	} else if (top->node->type == GD_SEQ) {
		if ((err = gd__node_push(top->node, n)) < 0)
			return err;
	} else if (!top->key) {
		return take_key(p, top, n, m);
	} else {
		if ((err = map_append(top->node, top->key, n)) < 0) {
			gd_node_free(n); /* the key stays in the frame, freed with it */
			return err;
		}
		top->key = NULL;
	}
	if (n->type != GD_SCALAR) {
		top = &p->stack[p->depth++];
		top->node = n;
	}
	return 0;
}

static int cmp_key(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = strcmp(x->s, y->s);

	return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Sorting finds duplicates in n log n; the one reported is the earliest
 * key that repeats an earlier one. */
static int check_duplicates(const struct parse *p, struct frame *f)
{
	const struct key *dup = NULL;
	size_t i;

	qsort(f->keys, f->nkeys, sizeof(*f->keys), cmp_key);
	for (i = 1; i < f->nkeys; i++)
		if (!strcmp(f->keys[i - 1].s, f->keys[i].s) &&
		    (!dup || f->keys[i].idx < dup->idx))
			dup = &f->keys[i];
	if (dup)
		return gd_error_set(GD_EINVALID, _("%s:%d:%d: duplicate key '%s'"),
				    p->name, dup->line, dup->col, dup->s);
	return 0;
}

static int end_collection(struct parse *p)
{
	struct frame *f;
	int err = 0;

	if (p->depth == 0) /* libyaml pairs every end with its start */
		return gd_error_set(GD_EINVALID, _("%s: unbalanced collection end"),
				    p->name);
	f = &p->stack[--p->depth];
	if (f->node->type == GD_MAP && f->nkeys > 1)
		err = check_duplicates(p, f);
	free(f->keys);
	memset(f, 0, sizeof(*f));
	return err;
}

static int props(const struct parse *p, const yaml_mark_t *m,
		 const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor)
		return fail_at(p, m, _("anchors are not allowed"), (const char *)anchor);
	if (tag)
		return fail_at(p, m, _("tags are not allowed"), (const char *)tag);
	return 0;
}

static int on_event(struct parse *p, const yaml_event_t *e)
{
	const yaml_mark_t *m = &e->start_mark;
	gd_node *n;
	int err;

	switch (e->type) {
	case YAML_STREAM_END_EVENT:
		p->end = 1;
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		/* every document has a root node, even an empty one */
		if (p->root)
			return fail_at(p, m, _("more than one document"), NULL);
		return 0;
	case YAML_ALIAS_EVENT:
		return fail_at(p, m, _("aliases are not allowed"),
			       (const char *)e->data.alias.anchor);
	case YAML_SCALAR_EVENT:
		if ((err = props(p, m, e->data.scalar.anchor, e->data.scalar.tag)) < 0)
			return err;
		/* a "\0" escape would cut the string short */
		if (memchr(e->data.scalar.value, '\0', e->data.scalar.length))
			return fail_at(p, m, _("NUL character not allowed"), NULL);
		/* libyaml refuses them raw, but not escaped ("\e", "\x9b") */
		if (has_control((const char *)e->data.scalar.value,
				e->data.scalar.length))
			return fail_at(p, m, _("control character not allowed (only tab and line breaks)"),
				       NULL);
		n = gd__node_scalar((const char *)e->data.scalar.value,
				    e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (e->type == YAML_SEQUENCE_START_EVENT)
			err = props(p, m, e->data.sequence_start.anchor,
				    e->data.sequence_start.tag);
		else
			err = props(p, m, e->data.mapping_start.anchor,
				    e->data.mapping_start.tag);
		if (err < 0)
			return err;
		if (p->depth == GD_YAML_MAX_DEPTH)
			return fail_at(p, m, _("nesting too deep (more than 16 levels)"),
				       NULL);
		n = e->type == YAML_SEQUENCE_START_EVENT ? gd__node_seq() : gd__node_map();
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return end_collection(p);
	default: /* stream start, document end */
		return 0;
	}
	if (!n)
		return GD_ENOMEM;
	n->line = (int)m->line + 1;
	n->col = (int)m->column + 1;
	return place(p, n, m);
}

static int parser_error(const yaml_parser_t *y, const char *buf, size_t len,
			const char *name)
{
	int line, col;

	if (y->error == YAML_MEMORY_ERROR)
		return gd_error_set(GD_ENOMEM, _("%s: out of memory"), name);
	if (y->error == YAML_READER_ERROR) {
		/* reader errors carry a byte offset, not a mark */
		position(buf, len, y->problem_offset, &line, &col);
	} else {
		line = (int)y->problem_mark.line + 1;
		col = (int)y->problem_mark.column + 1;
	}
	return gd_error_set(GD_EINVALID, "%s:%d:%d: %s%s%s", name, line, col,
			    y->problem ? y->problem : _("invalid YAML"),
			    y->context ? " " : "", y->context ? y->context : "");
}

int gd_yaml_parse(gd_node **out, const char *buf, size_t len, const char *name)
{
	yaml_parser_t parser;
	yaml_event_t event;
	struct parse p;
	int err, i;

	*out = NULL;
	if ((err = precheck(buf, len, name)) < 0)
		return err;
	memset(&p, 0, sizeof(p));
	p.name = name;
	/* it fails only for want of memory */
	if (!yaml_parser_initialize(&parser))
		return gd_error_set(GD_ENOMEM, _("%s: out of memory"), name);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&parser,
				     (const unsigned char *)(len ? buf : ""), len);
	while (!p.end) {
		if (!yaml_parser_parse(&parser, &event)) {
			err = parser_error(&parser, buf, len, name);
			goto done;
		}
		err = on_event(&p, &event);
		yaml_event_delete(&event);
		if (err < 0)
			goto done;
	}
	if (!p.root || gd_node_is_null(p.root)) {
		err = gd_error_set(GD_EINVALID, _("%s:1:1: empty document: an empty file is not a record"),
				   name);
		goto done;
	}
	if (p.root->type != GD_MAP) {
		err = gd_error_set(GD_EINVALID, _("%s:%d:%d: the top level must be a mapping (key: value lines)"),
				   name, p.root->line, p.root->col);
		goto done;
	}
	*out = p.root;
	p.root = NULL;
done:
	/* an unfinished tree hangs from the root; keys wait in the frames */
	for (i = 0; i < GD_YAML_MAX_DEPTH; i++) {
		free(p.stack[i].key);
		free(p.stack[i].keys);
	}
	gd_node_free(p.root);
	yaml_parser_delete(&parser);
	return err;
}

/* --- the emitter ------------------------------------------------------- */

static void indent(gd__buf *b, int n)
{
	while (n-- > 0)
		gd__buf_putc(b, ' ');
}

static void emit_seq(gd__buf *b, const gd_node *seq, int ind);
static void emit_map(gd__buf *b, const gd_node *map, int ind, int inline_first);

/* What follows "key:" or "-": a scalar on the line, or a block below. */
static void emit_value(gd__buf *b, const gd_node *v, int ind)
{
	if (v->type == GD_SCALAR) {
		if (!(v->plain && !*v->str))
			gd__buf_putc(b, ' ');
		text(b, v->str, v->plain);
		gd__buf_putc(b, '\n');
	} else if (v->n == 0) {
		gd__buf_puts(b, v->type == GD_MAP ? " {}\n" : " []\n");
	} else if (v->type == GD_MAP) {
		gd__buf_putc(b, '\n');
		emit_map(b, v, ind + 2, 0);
	} else {
		gd__buf_putc(b, '\n');
		emit_seq(b, v, ind + 2);
	}
}

static void emit_map(gd__buf *b, const gd_node *map, int ind, int inline_first)
{
	size_t i;

	for (i = 0; i < map->n; i++) {
		if (i || !inline_first)
			indent(b, ind);
		text(b, map->keys[i], 0);
		gd__buf_putc(b, ':');
		emit_value(b, map->vals[i], ind);
	}
}

/* A mapping item starts on its dash line ("- name: x"); a list item that is
 * a list stands below a lone dash. */
static void emit_seq(gd__buf *b, const gd_node *seq, int ind)
{
	size_t i;

	for (i = 0; i < seq->n; i++) {
		const gd_node *v = seq->vals[i];

		indent(b, ind);
		gd__buf_putc(b, '-');
		if (v->type == GD_MAP && v->n) {
			gd__buf_putc(b, ' ');
			emit_map(b, v, ind + 2, 1);
		} else {
			emit_value(b, v, ind);
		}
	}
}

/* Text the parser takes: valid UTF-8 without control characters. */
static int text_ok(const char *s)
{
	size_t len = strlen(s);

	return utf8_check(s, len) == len && !has_control(s, len);
}

/* Refuse what the parser would refuse, so that every written file reads
 * back: text that is not UTF-8, overlong keys, too deep a tree. */
static int check_tree(const gd_node *n, int depth)
{
	size_t i;
	int err;

	if (n->type == GD_SCALAR) {
		if (!text_ok(n->str))
			return gd_error_set(GD_EINVALID, _("text is not valid UTF-8, or holds a control character"));
		return 0;
	}
	if (depth > GD_YAML_MAX_DEPTH)
		return gd_error_set(GD_EINVALID, _("nesting too deep (more than %d levels)"),
				    GD_YAML_MAX_DEPTH);
	for (i = 0; i < n->n; i++) {
		if (n->type == GD_MAP) {
			size_t width;
			if (!text_ok(n->keys[i]))
				return gd_error_set(GD_EINVALID, _("key is not valid UTF-8, or holds a control character"));
			if ((err = key_width(&width, n->keys[i])) < 0)
				return err;
			if (width > KEY_WIDTH_MAX)
				return gd_error_set(GD_EINVALID, _("key is longer than %d characters"),
						    KEY_WIDTH_MAX);
		}
		if ((err = check_tree(n->vals[i], depth + 1)) < 0)
			return err;
	}
	return 0;
}

int gd_yaml_emit(char **out, size_t *outlen, const gd_node *root)
{
	gd__buf b = {.fallible = 1};
	int err;

	*out = NULL;
	if (outlen)
		*outlen = 0;
	if (root->type != GD_MAP)
		return gd_error_set(GD_EINVALID, _("a record must be a mapping"));
	if ((err = check_tree(root, 1)) < 0)
		return err;
	/* an empty file would not read back as a mapping */
	if (!root->n)
		gd__buf_puts(&b, "{}\n");
	emit_map(&b, root, 0, 0);
	/* a failed allocation marked the buffer and set the error */
	if (!(*out = gd__buf_detach(&b, outlen)))
		return GD_ENOMEM;
	return 0;
}
