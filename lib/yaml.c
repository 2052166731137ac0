/*
 * yaml.c - the record codec: a strict parser on libyaml's event API and a
 * canonical block-style emitter (see gendan/yaml.h).  The only file that
 * sees libyaml.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "gendan/error.h"
#include "gendan/yaml.h"
#include "internal.h"

/* --- input checks before libyaml sees the bytes ------------------------- */

static void position(const char *buf, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len, i;
	unsigned long cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* Offset of the first invalid UTF-8 byte, or len. */
static size_t utf8_check(const char *buf, size_t len)
{
	size_t i = 0, l;

	while (i < len) {
		if (!(l = utf8_len((const unsigned char *)buf + i, len - i)))
			return i;
		i += l;
	}
	return len;
}

static int precheck(const char *buf, size_t len, const char *name)
{
	const unsigned char *u = (const unsigned char *)buf;
	const char *nul;
	size_t bad;
	int line, col;

	if (len > GD_YAML_MAX_SIZE)
		return gd_error_set(GD_EINVALID, "%s: file is larger than %d bytes",
				    name, GD_YAML_MAX_SIZE);
	if ((len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) ||
	    (len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
			  (u[0] == 0xff && u[1] == 0xfe))))
		return gd_error_set(GD_EINVALID, "%s:1:1: byte order mark not allowed (save as UTF-8 without BOM)",
				    name);
	if ((nul = memchr(buf, '\0', len))) {
		position(buf, (size_t)(nul - buf), &line, &col);
		return gd_error_set(GD_EINVALID, "%s:%d:%d: NUL byte not allowed",
				    name, line, col);
	}
	if ((bad = utf8_check(buf, len)) < len) {
		position(buf, bad, &line, &col);
		return gd_error_set(GD_EINVALID, "%s:%d:%d: invalid UTF-8", name,
				    line, col);
	}
	return 0;
}

/* --- the parser -------------------------------------------------------- */

struct frame {
	gd_node *node;
	char *key; /* a mapping's key waiting for its value */
};

struct parse {
	const char *name;
	struct frame stack[GD_YAML_MAX_DEPTH];
	int depth;
	gd_node *root;
};

static int fail_at(const struct parse *p, const yaml_mark_t *m, const char *what,
		   const char *arg)
{
	return gd_error_set(GD_EINVALID, "%s:%lu:%lu: %s%s%s%s", p->name,
			    (unsigned long)m->line + 1, (unsigned long)m->column + 1,
			    what, arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
}

/* Put a new node where the document is: root, value, key or item. */
static int place(struct parse *p, gd_node *n, const yaml_mark_t *m)
{
	struct frame *top;

	if (p->depth == 0) {
		if (p->root) {
			gd_node_free(n);
			return fail_at(p, m, "more than one document", NULL);
		}
		p->root = n;
		return 0;
	}
	top = &p->stack[p->depth - 1];
	if (top->node->type == GD_SEQ) {
		gd_node_push(top->node, n);
		return 0;
	}
	if (!top->key) {
		if (n->type != GD_SCALAR) {
			gd_node_free(n);
			return fail_at(p, m, "a key must be a plain value, not a list or mapping",
				       NULL);
		}
		if (gd_node_index(top->node, n->str) >= 0) {
			int err = fail_at(p, m, "duplicate key", n->str);
			gd_node_free(n);
			return err;
		}
		top->key = n->str;
		n->str = NULL;
		gd_node_free(n);
		return 0;
	}
	/* append, not gd_node_set: the key is known to be new */
	gd_node_set(top->node, top->key, n);
	free(top->key);
	top->key = NULL;
	return 0;
}

static int props(const struct parse *p, const yaml_mark_t *m,
		 const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor)
		return fail_at(p, m, "anchors are not allowed", (const char *)anchor);
	if (tag)
		return fail_at(p, m, "tags are not allowed", (const char *)tag);
	return 0;
}

static int on_event(struct parse *p, yaml_event_t *e, int *docs, int *end)
{
	const yaml_mark_t *m = &e->start_mark;
	gd_node *n;
	int err, container;

	switch (e->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
	case YAML_NO_EVENT:
		return 0;
	case YAML_STREAM_END_EVENT:
		*end = 1;
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1)
			return fail_at(p, m, "more than one document", NULL);
		return 0;
	case YAML_ALIAS_EVENT:
		return fail_at(p, m, "aliases are not allowed",
			       (const char *)e->data.alias.anchor);
	case YAML_SCALAR_EVENT:
		if ((err = props(p, m, e->data.scalar.anchor, e->data.scalar.tag)) < 0)
			return err;
		n = gd_node_scalar((const char *)e->data.scalar.value,
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
			return fail_at(p, m, "nesting too deep (at most 16 levels)", NULL);
		n = e->type == YAML_SEQUENCE_START_EVENT ? gd_node_seq() : gd_node_map();
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		p->depth--;
		return 0;
	default:
		return fail_at(p, m, "unexpected YAML event", NULL);
	}
	n->line = (int)m->line + 1;
	n->col = (int)m->column + 1;
	container = n->type != GD_SCALAR;
	/* place() takes n, and frees it when it was a key */
	if ((err = place(p, n, m)) < 0)
		return err;
	if (container) {
		p->stack[p->depth].node = n;
		p->stack[p->depth].key = NULL;
		p->depth++;
	}
	return 0;
}

int gd_yaml_parse(gd_node **out, const char *buf, size_t len, const char *name)
{
	yaml_parser_t parser;
	yaml_event_t event;
	struct parse p;
	int err, docs = 0, end = 0, i;

	*out = NULL;
	if ((err = precheck(buf, len, name)) < 0)
		return err;
	memset(&p, 0, sizeof(p));
	p.name = name;
	if (!yaml_parser_initialize(&parser))
		return gd_error_set(GD_ERROR, "%s: cannot start the YAML parser", name);
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!end) {
		if (!yaml_parser_parse(&parser, &event)) {
			err = gd_error_set(GD_EINVALID, "%s:%lu:%lu: %s%s%s", name,
					   (unsigned long)parser.problem_mark.line + 1,
					   (unsigned long)parser.problem_mark.column + 1,
					   parser.problem ? parser.problem : "invalid YAML",
					   parser.context ? " " : "",
					   parser.context ? parser.context : "");
			goto done;
		}
		err = on_event(&p, &event, &docs, &end);
		yaml_event_delete(&event);
		if (err < 0)
			goto done;
	}
	if (!p.root || gd_node_is_null(p.root)) {
		err = gd_error_set(GD_EINVALID, "%s:1:1: empty document: not a record",
				   name);
		goto done;
	}
	if (p.root->type != GD_MAP) {
		err = gd_error_set(GD_EINVALID, "%s:%d:%d: the top level must be a mapping (key: value lines)",
				   name, p.root->line, p.root->col);
		goto done;
	}
	*out = p.root;
	p.root = NULL;
	err = 0;
done:
	/* on failure the unfinished tree hangs from the root; keys wait in frames */
	for (i = 0; i < GD_YAML_MAX_DEPTH; i++)
		free(p.stack[i].key);
	gd_node_free(p.root);
	yaml_parser_delete(&parser);
	return err;
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
static const char *const specials[] = {".inf", ".Inf", ".INF", "+.inf",
				       "+.Inf", "+.INF", "-.inf", "-.Inf",
				       "-.INF", ".nan", ".NaN", ".NAN",
				       "<<", "=", NULL};

static int all(const char *s, const char *set)
{
	return *s && strspn(s, set) == strlen(s);
}

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

static int is_float(const char *s)
{
	size_t digits = 0;

	if (in(s, specials) && strcmp(s, "<<") && strcmp(s, "="))
		return 1;
	if (*s == '-' || *s == '+')
		s++;
	while (*s >= '0' && *s <= '9')
		s++, digits++;
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9')
			s++, digits++;
	}
	if (!digits)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (!all(s, "0123456789"))
			return 0;
		return 1;
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

/* Line breaks YAML knows besides \n and \r: NEL, LS, PS; and the BOM. */
static int odd_unicode(const char *s)
{
	return strstr(s, "\xc2\x85") || strstr(s, "\xe2\x80\xa8") ||
	       strstr(s, "\xe2\x80\xa9") || strstr(s, "\xef\xbb\xbf");
}

/* Written plain, would s read back as the same plain scalar? */
static int plain_ok(const char *s)
{
	size_t len = strlen(s);
	const char *p;

	if (!len)
		return 1; /* an empty plain scalar is written as nothing */
	if (strchr("-?:,[]{}#&*!|>'\"%@` \t", s[0]) || s[len - 1] == ' ' ||
	    s[len - 1] == ':' || strstr(s, ": ") || strstr(s, " #") ||
	    odd_unicode(s) || !strncmp(s, "---", 3) || !strncmp(s, "...", 3))
		return 0;
	for (p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

int gd_yaml_needs_quotes(const char *s)
{
	const char *p = s;

	if (!*s || !plain_ok(s))
		return 1;
	if (in(s, nulls) || in(s, bools12) || in(s, bools11) || in(s, specials))
		return 1;
	/* anything that starts like a number: ints, floats, dates, times,
	 * sexagesimals, octals, phone numbers */
	if (*p == '+' || *p == '-')
		p++;
	if (*p == '.')
		p++;
	return *p >= '0' && *p <= '9';
}

/* --- the emitter ------------------------------------------------------- */

static void indent(gd__buf *b, int n)
{
	while (n-- > 0)
		gd__buf_putc(b, ' ');
}

static void quoted(gd__buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	gd__buf_putc(b, '"');
	for (; *p; p++) {
		switch (*p) {
		case '"': gd__buf_puts(b, "\\\""); continue;
		case '\\': gd__buf_puts(b, "\\\\"); continue;
		case '\n': gd__buf_puts(b, "\\n"); continue;
		case '\t': gd__buf_puts(b, "\\t"); continue;
		case '\r': gd__buf_puts(b, "\\r"); continue;
		default: break;
		}
		if (*p < 0x20 || *p == 0x7f) {
			gd__buf_printf(b, "\\x%02x", *p);
		} else if (p[0] == 0xc2 && p[1] == 0x85) {
			gd__buf_puts(b, "\\N");
			p++;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			gd__buf_puts(b, p[2] == 0xa8 ? "\\L" : "\\P");
			p += 2;
		} else if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
			gd__buf_puts(b, "\\uFEFF");
			p += 2;
		} else {
			gd__buf_putc(b, (char)*p);
		}
	}
	gd__buf_putc(b, '"');
}

static void text(gd__buf *b, const char *s, int plain)
{
	if (plain ? plain_ok(s) : !gd_yaml_needs_quotes(s))
		gd__buf_puts(b, s);
	else
		quoted(b, s);
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

/* Text that is not UTF-8 would make a file nobody can read back. */
static int check_text(const gd_node *n)
{
	size_t i;

	if (n->type == GD_SCALAR) {
		size_t len = strlen(n->str);
		if (utf8_check(n->str, len) < len)
			return gd_error_set(GD_EINVALID, "text is not valid UTF-8: '%s'",
					    n->str);
		return 0;
	}
	for (i = 0; i < n->n; i++) {
		if (n->type == GD_MAP) {
			size_t len = strlen(n->keys[i]);
			if (utf8_check(n->keys[i], len) < len)
				return gd_error_set(GD_EINVALID, "key is not valid UTF-8");
		}
		if (check_text(n->vals[i]) < 0)
			return GD_EINVALID;
	}
	return 0;
}

int gd_yaml_emit(char **out, size_t *outlen, const gd_node *root)
{
	gd__buf b = {0};
	int err;

	*out = NULL;
	if (root->type != GD_MAP)
		return gd_error_set(GD_EINVALID, "a record is a mapping");
	if ((err = check_text(root)) < 0)
		return err;
	emit_map(&b, root, 0, 0);
	*out = gd__buf_detach(&b, outlen);
	return 0;
}
