/*
 * record.c - the three record kinds: their schema, canonical form and
 * validation (SPEC 2.2 and 4).
 *
 * One table per kind lists the known keys in canonical order with their
 * type; canonicalisation, validation and `set` all read the same tables, so
 * a field is described once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/decimal.h"
#include "gendan/error.h"
#include "gendan/ids.h"
#include "gendan/record.h"
#include "gendan/yaml.h"
#include "internal.h"

enum ftype {
	F_TEXT,    /* a string */
	F_DATE,    /* YYYY-MM-DD */
	F_TIME,    /* ISO 8601 with offset */
	F_NUM,     /* a non-negative number */
	F_GRADE,   /* a tier of the configuration */
	F_STATUS,  /* one of the kind's statuses */
	F_CHANNEL, /* one of the configured channels */
	F_TEXTS,   /* a list of strings */
	F_MAP,     /* a mapping described by sub */
	F_MAPS,    /* a list of mappings described by sub */
	F_ANY      /* anything */
};

struct schema;

struct field {
	const char *key;
	enum ftype type;
	const struct schema *sub;
	int required;
	int settable; /* `gendan set` may change it */
};

struct schema {
	const char *what; /* for messages: "log entry" */
	const struct field *fields;
	size_t n;
};

#define SCHEMA(name, what, ...)                                          \
	static const struct field name##_fields[] = {__VA_ARGS__};       \
	static const struct schema name = {                              \
		what, name##_fields,                                     \
		sizeof(name##_fields) / sizeof(name##_fields[0])}

SCHEMA(log_schema, N_("log entry"),
       {"at", F_TIME, NULL, 1, 0}, {"by", F_TEXT, NULL, 0, 0},
       {"via", F_CHANNEL, NULL, 0, 0}, {"note", F_TEXT, NULL, 0, 0},
       {"next", F_DATE, NULL, 0, 0});
SCHEMA(hold_schema, N_("hold"), {"until", F_DATE, NULL, 1, 0},
       {"reason", F_TEXT, NULL, 0, 0});
SCHEMA(person_schema, N_("person"), {"name", F_TEXT, NULL, 1, 0},
       {"role", F_TEXT, NULL, 0, 0}, {"email", F_TEXT, NULL, 0, 0},
       {"phone", F_TEXT, NULL, 0, 0}, {"wechat", F_TEXT, NULL, 0, 0},
       {"whatsapp", F_TEXT, NULL, 0, 0}, {"note", F_TEXT, NULL, 0, 0});
SCHEMA(conflict_schema, N_("conflict"), {"field", F_TEXT, NULL, 0, 0},
       {"value", F_ANY, NULL, 0, 0}, {"by", F_TEXT, NULL, 0, 0},
       {"at", F_TIME, NULL, 0, 0});
SCHEMA(from_schema, N_("from"), {"name", F_TEXT, NULL, 0, 0},
       {"company", F_TEXT, NULL, 0, 0}, {"email", F_TEXT, NULL, 0, 0},
       {"phone", F_TEXT, NULL, 0, 0}, {"country", F_TEXT, NULL, 0, 0});
SCHEMA(item_schema, N_("item"), {"product", F_TEXT, NULL, 0, 0},
       {"qty", F_NUM, NULL, 0, 0}, {"unit", F_TEXT, NULL, 0, 0},
       {"price", F_NUM, NULL, 0, 0});
SCHEMA(stage_schema, N_("stage"), {"name", F_TEXT, NULL, 1, 0},
       {"plan", F_DATE, NULL, 0, 0}, {"done", F_DATE, NULL, 0, 0},
       {"note", F_TEXT, NULL, 0, 0});
SCHEMA(receipt_schema, N_("receipt"), {"on", F_DATE, NULL, 1, 0},
       {"amount", F_NUM, NULL, 0, 0}, {"fee", F_NUM, NULL, 0, 0},
       {"note", F_TEXT, NULL, 0, 0});
SCHEMA(payment_schema, N_("payment"), {"what", F_TEXT, NULL, 1, 0},
       {"amount", F_NUM, NULL, 0, 0}, {"due", F_DATE, NULL, 0, 0},
       {"received", F_DATE, NULL, 0, 0},
       {"receipts", F_MAPS, &receipt_schema, 0, 0});

SCHEMA(customer_schema, N_("customer"),
       {"name", F_TEXT, NULL, 1, 1}, {"tier", F_GRADE, NULL, 0, 1},
       {"status", F_STATUS, NULL, 0, 1}, {"owner", F_TEXT, NULL, 0, 1},
       {"email", F_TEXT, NULL, 0, 1}, {"phone", F_TEXT, NULL, 0, 1},
       {"country", F_TEXT, NULL, 0, 1}, {"city", F_TEXT, NULL, 0, 1},
       {"owner-since", F_DATE, NULL, 0, 0},
       {"people", F_MAPS, &person_schema, 0, 0},
       {"tags", F_TEXTS, NULL, 0, 1}, {"source", F_TEXT, NULL, 0, 1},
       {"created", F_DATE, NULL, 0, 1}, {"next", F_DATE, NULL, 0, 1},
       {"note", F_TEXT, NULL, 0, 1}, {"hold", F_MAP, &hold_schema, 0, 0},
       {"log", F_MAPS, &log_schema, 0, 0},
       {"conflicts", F_MAPS, &conflict_schema, 0, 0});
SCHEMA(inquiry_schema, N_("inquiry"),
       {"received", F_TIME, NULL, 1, 1}, {"from", F_MAP, &from_schema, 0, 0},
       {"customer", F_TEXT, NULL, 0, 1}, {"channel", F_TEXT, NULL, 0, 1},
       {"product", F_TEXT, NULL, 0, 1}, {"quantity", F_TEXT, NULL, 0, 1},
       {"grade", F_GRADE, NULL, 0, 1}, {"status", F_STATUS, NULL, 0, 1},
       {"replied", F_TIME, NULL, 0, 1}, {"owner", F_TEXT, NULL, 0, 1},
       {"next", F_DATE, NULL, 0, 1}, {"note", F_TEXT, NULL, 0, 1},
       {"hold", F_MAP, &hold_schema, 0, 0},
       {"log", F_MAPS, &log_schema, 0, 0},
       {"conflicts", F_MAPS, &conflict_schema, 0, 0});
SCHEMA(order_schema, N_("order"),
       {"number", F_TEXT, NULL, 1, 1}, {"customer", F_TEXT, NULL, 1, 1},
       {"owner", F_TEXT, NULL, 0, 1}, {"status", F_STATUS, NULL, 0, 1},
       {"items", F_MAPS, &item_schema, 0, 0},
       {"currency", F_TEXT, NULL, 0, 1}, {"ship-by", F_DATE, NULL, 1, 1},
       {"internal-by", F_DATE, NULL, 0, 1},
       {"stages", F_MAPS, &stage_schema, 0, 0},
       {"payments", F_MAPS, &payment_schema, 0, 0},
       {"note", F_TEXT, NULL, 0, 1}, {"hold", F_MAP, &hold_schema, 0, 0},
       {"log", F_MAPS, &log_schema, 0, 0},
       {"conflicts", F_MAPS, &conflict_schema, 0, 0});

static const struct schema *kind_schema[GD_NKINDS] = {
	&customer_schema, &inquiry_schema, &order_schema};

static const char *const kind_names[GD_NKINDS] = {"customer", "inquiry",
						   "order"};
static const char *const kind_dirs[GD_NKINDS] = {"customers", "inquiries",
						  "orders"};

static const char *const customer_statuses[] = {"active", "dormant", "lost",
						NULL};
static const char *const inquiry_statuses[] = {
	"new", "replied", "quoted", "sampling", "won", "lost", "dormant", NULL};
static const char *const order_statuses[] = {"open", "shipped", "closed",
					     "cancelled", NULL};
static const char *const *const kind_statuses[GD_NKINDS] = {
	customer_statuses, inquiry_statuses, order_statuses};

const char *gd_kind_name(gd_kind k)
{
	return kind_names[k];
}

const char *gd_kind_dir(gd_kind k)
{
	return kind_dirs[k];
}

int gd_kind_parse(gd_kind *out, const char *s)
{
	int k;

	for (k = 0; k < GD_NKINDS; k++) {
		if (!strcmp(s, kind_names[k]) || !strcmp(s, kind_dirs[k])) {
			*out = (gd_kind)k;
			return 0;
		}
	}
	return gd_error_set(GD_EINVALID,
			    _("unknown kind '%s': use customer, inquiry or order"),
			    s);
}

const char *const *gd_record_statuses(gd_kind kind)
{
	return kind_statuses[kind];
}

int gd_inquiry_open(const gd_record *r)
{
	static const char *const open[] = {"new", "replied", "quoted", "sampling"};
	const char *s = gd_record_status(r);
	size_t i;

	if (r->kind != GD_INQUIRY)
		return 0;
	for (i = 0; i < sizeof(open) / sizeof(*open); i++)
		if (!strcmp(s, open[i]))
			return 1;
	return 0;
}

char *gd_record_path_for(gd_kind kind, const char *id)
{
	char shard[3];

	gd_shard(shard, id);
	return gd__xasprintf("%s/%s/%s.yaml", kind_dirs[kind], shard, id);
}

gd_record *gd_record_new(gd_kind kind, const char *id)
{
	gd_record *r = gd__xcalloc(1, sizeof(*r));

	r->kind = kind;
	r->id = gd__xstrdup(id);
	r->path = gd_record_path_for(kind, id);
	r->root = gd_node_map();
	return r;
}

void gd_record_free(gd_record *r)
{
	if (!r)
		return;
	free(r->id);
	free(r->path);
	gd_node_free(r->root);
	free(r);
}

int gd_record_from_node(gd_record **out, const char *path, gd_node *root)
{
	gd_record *r = NULL;
	const char *slash = strchr(path, '/');
	const char *base = strrchr(path, '/');
	size_t blen, i;
	gd_kind kind = GD_CUSTOMER;
	int err;

	*out = NULL;
	if (!slash)
		err = GD_EINVALID;
	else {
		char *first = gd__xstrndup(path, (size_t)(slash - path));
		err = gd_kind_parse(&kind, first);
		free(first);
	}
	if (err < 0) {
		gd_node_free(root);
		return gd_error_set(GD_EINVALID,
				    _("%s: not under customers/, inquiries/ or orders/"), path);
	}
	for (i = 0; path[i]; i++)
		if ((unsigned char)path[i] < 0x20 || path[i] == 0x7f ||
		    ((unsigned char)path[i] == 0xc2 &&
		     (unsigned char)path[i + 1] >= 0x80 &&
		     (unsigned char)path[i + 1] <= 0x9f)) {
			gd_node_free(root);
			return gd_error_set(GD_EINVALID,
					    "%s: a record path holds a control character", path);
		}
	/* no "..", ".git", hidden or empty component climbs out or hides */
	if (strstr(path, "/.") || strstr(path, "//")) {
		gd_node_free(root);
		return gd_error_set(GD_EINVALID,
				    "%s: a record path has no empty or hidden parts", path);
	}
	base++;
	blen = strlen(base);
	if (blen < 5 || strcmp(base + blen - 5, ".yaml") != 0) {
		gd_node_free(root);
		return gd_error_set(GD_EINVALID, _("%s: a record file ends in .yaml"), path);
	}
	r = gd__xcalloc(1, sizeof(*r));
	r->kind = kind;
	r->id = gd__xstrndup(base, blen - 5);
	r->path = gd__xstrdup(path);
	r->root = root;
	if (!gd_id_valid(r->id)) {
		err = gd_error_set(GD_EINVALID,
				   _("%s: '%s' is not a valid id (lowercase letters, digits, '.', '_', '-')"),
				   path, r->id);
		gd_record_free(r);
		return err;
	}
	*out = r;
	return 0;
}

int gd_record_parse(gd_record **out, const char *path, const char *buf,
		    size_t len)
{
	gd_node *root = NULL;
	int err;

	*out = NULL;
	/* the path first: a file that cannot be a record is not parsed */
	if ((err = gd_record_from_node(out, path, gd_node_map())) < 0)
		return err;
	gd_record_free(*out);
	*out = NULL;
	if ((err = gd_yaml_parse(&root, buf, len, path)) < 0)
		return err;
	return gd_record_from_node(out, path, root);
}

/* --- validation ------------------------------------------------------ */

struct vctx {
	const gd_record *r;
	const gd_config *cfg;
	char *bad;      /* the field at fault, or NULL */
	size_t badsize;
};

/* Remember name as the field at fault, the innermost one first. */
static int at_fault(const struct vctx *v, const char *name, int err)
{
	if (v->bad && !*v->bad)
		snprintf(v->bad, v->badsize, "%s", name);
	return err;
}

static int fail(const struct vctx *v, const gd_node *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(const struct vctx *v, const gd_node *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n && n->line)
		return gd_error_set(GD_EINVALID, "%s:%d:%d: %s", v->r->path,
				    n->line, n->col, msg);
	return gd_error_set(GD_EINVALID, "%s: %s", v->r->path, msg);
}

/* "A B C D": the configured tiers, or the kind's statuses, for messages. */
static char *join(const char *const *list, size_t n)
{
	gd__buf b = {0};
	size_t i;

	for (i = 0; i < n && list[i]; i++)
		gd__buf_printf(&b, "%s%s", i ? " " : "", list[i]);
	return gd__buf_detach(&b, NULL);
}

static int is_number(const gd_node *n)
{
	/* a quoted "500" is still a number a user meant, but only what reads
	 * back as a number once written plain: not " -5" or "nan" */
	gd_node plain = *n;
	gd_yaml_type t;
	gd_dec d;

	plain.plain = 1;
	t = gd_yaml_resolve(&plain);
	/* .inf and .nan are floats to YAML, not an amount (only they hold
	 * an n) */
	if ((t != GD_YINT && t != GD_YFLOAT) || strpbrk(n->str, "nN"))
		return 0;
	/* and an exact decimal (SPEC 2.2): not 1e3, 0x10 or 0.00001 */
	if (gd_dec_parse(&d, n->str) < 0) {
		gd_error_clear();
		return 0;
	}
	return 1;
}

static int one_of(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

static int check_map(const struct vctx *v, const gd_node *map,
		     const struct schema *sc, const char *prefix);

static int check_field(const struct vctx *v, const gd_node *n,
		       const struct field *f, const char *name)
{
	gd_date d;
	gd_time t;
	size_t i;
	char sub[200];

	if (gd_node_is_null(n))
		return f->required ? fail(v, n, _("'%s' is required"), name)
				   : 0;
	switch (f->type) {
	case F_ANY:
		return 0;
	case F_MAP:
		if (n->type != GD_MAP)
			return fail(v, n, _("'%s' must be a mapping"), name);
		return check_map(v, n, f->sub, name);
	case F_MAPS:
	case F_TEXTS:
		if (n->type != GD_SEQ)
			return fail(v, n, _("'%s' must be a list"), name);
		for (i = 0; i < n->n; i++) {
			int err;
			snprintf(sub, sizeof(sub), "%s[%zu]", name, i + 1);
			if (f->type == F_TEXTS) {
				if (n->vals[i]->type != GD_SCALAR)
					return fail(v, n->vals[i],
						    _("'%s' must be text"), sub);
				continue;
			}
			if (n->vals[i]->type != GD_MAP)
				return fail(v, n->vals[i],
					    _("'%s' must be a mapping (a %s)"), sub,
					    _(f->sub->what));
			if ((err = check_map(v, n->vals[i], f->sub, sub)) < 0)
				return err;
		}
		return 0;
	default:
		break;
	}
	if (n->type != GD_SCALAR)
		return fail(v, n, _("'%s' must be a single value"), name);
	switch (f->type) {
	case F_DATE:
		if (gd_date_parse(&d, n->str) < 0)
			return fail(v, n, _("%s: invalid date '%s' (expected YYYY-MM-DD)"),
				    name, n->str);
		break;
	case F_TIME:
		if (gd_time_parse_iso(&t, n->str) < 0)
			return fail(v, n,
				    _("%s: invalid time '%s' (expected ISO 8601 with offset)"),
				    name, n->str);
		break;
	case F_NUM:
		if (!is_number(n))
			return fail(v, n, _("%s: '%s' is not a number"), name,
				    n->str);
		if (n->str[0] == '-')
			return fail(v, n, _("%s: '%s' must not be negative"), name,
				    n->str);
		break;
	case F_GRADE:
		if (!gd_config_tier(v->cfg, n->str)) {
			const char *names[64] = {NULL};
			size_t k;
			char *list;
			int err;
			for (k = 0; k < v->cfg->ntiers && k < 64; k++)
				names[k] = v->cfg->tiers[k].name;
			list = join(names, k);
			err = fail(v, n, _("%s '%s' is not one of %s"), name, n->str,
				   list);
			free(list);
			return err;
		}
		break;
	case F_STATUS:
		if (!one_of(n->str, kind_statuses[v->r->kind])) {
			char *list = join(kind_statuses[v->r->kind], 16);
			int err = fail(v, n, _("%s '%s' is not one of %s"), name,
				       n->str, list);
			free(list);
			return err;
		}
		break;
	case F_CHANNEL:
		if (!gd_config_has_channel(v->cfg, n->str)) {
			char *list = join((const char *const *)v->cfg->channels,
					  v->cfg->nchannels);
			int err = fail(v, n, _("%s '%s' is not one of %s"), name,
				       n->str, list);
			free(list);
			return err;
		}
		break;
	default:
		break;
	}
	return 0;
}

static int check_map(const struct vctx *v, const gd_node *map,
		     const struct schema *sc, const char *prefix)
{
	size_t i;
	char name[160];
	int err;

	for (i = 0; i < sc->n; i++) {
		const struct field *f = &sc->fields[i];
		gd_node *n = gd_node_get(map, f->key);

		if (prefix)
			snprintf(name, sizeof(name), "%s.%s", prefix, f->key);
		else
			snprintf(name, sizeof(name), "%s", f->key);
		if (!n) {
			if (f->required)
				return at_fault(v, name,
						fail(v, map, _("'%s' is required"), name));
			continue;
		}
		if ((err = check_field(v, n, f, name)) < 0)
			return at_fault(v, name, err);
	}
	return 0;
}

int gd_record_validate(const gd_record *r, const gd_config *cfg)
{
	return gd_record_validate_at(r, cfg, NULL, 0);
}

int gd_record_validate_at(const gd_record *r, const gd_config *cfg,
			  char *field, size_t size)
{
	struct vctx v = {r, cfg, size ? field : NULL, size};
	const char *name;

	if (v.bad)
		*v.bad = '\0';
	if (r->root->type != GD_MAP)
		return gd_error_set(GD_EINVALID, _("%s: a record is a mapping"),
				    r->path);
	if (check_map(&v, r->root, kind_schema[r->kind], NULL) < 0)
		return GD_EINVALID;
	name = gd_record_name(r);
	if (r->kind == GD_CUSTOMER && (!name || !*name))
		return at_fault(&v, "name", fail(&v, gd_node_get(r->root, "name"),
						 _("'name' must not be empty")));
	return 0;
}

/* --- canonical form ---------------------------------------------------- */

static int log_cmp(const gd_node *a, const gd_node *b)
{
	gd_time ta, tb;
	const char *sa = a->type == GD_MAP ? gd_node_str(a, "at") : NULL;
	const char *sb = b->type == GD_MAP ? gd_node_str(b, "at") : NULL;

	if (!sa || !sb || gd_time_parse_iso(&ta, sa) < 0 ||
	    gd_time_parse_iso(&tb, sb) < 0)
		return 0;
	return ta.t < tb.t ? -1 : ta.t > tb.t;
}

/* Stable insertion sort: a log is nearly always sorted already. */
static void sort_log(gd_node *seq)
{
	size_t i, j;

	for (i = 1; i < seq->n; i++) {
		gd_node *x = seq->vals[i];
		for (j = i; j > 0 && log_cmp(seq->vals[j - 1], x) > 0; j--)
			seq->vals[j] = seq->vals[j - 1];
		seq->vals[j] = x;
	}
}

static void canon_map(gd_node *map, const struct schema *sc);

static void canon_value(gd_node *n, const struct field *f)
{
	size_t i;

	switch (n->type) {
	case GD_SCALAR:
		if (gd_node_is_null(n))
			return;
		/* dates and numbers are written plain, text as strings, so
		 * that a note "yes" or a phone "0123" keeps its meaning */
		if (f->type == F_DATE || f->type == F_TIME)
			n->plain = 1;
		else if (f->type == F_NUM)
			n->plain = is_number(n) ? 1 : n->plain;
		else if (f->type != F_ANY)
			n->plain = 0;
		return;
	case GD_MAP:
		if (f->type == F_MAP)
			canon_map(n, f->sub);
		return;
	case GD_SEQ:
		for (i = 0; i < n->n; i++) {
			if (f->type == F_TEXTS && n->vals[i]->type == GD_SCALAR &&
			    !gd_node_is_null(n->vals[i]))
				n->vals[i]->plain = 0;
			else if (f->type == F_MAPS && n->vals[i]->type == GD_MAP)
				canon_map(n->vals[i], f->sub);
		}
		if (f->sub == &log_schema)
			sort_log(n);
		return;
	}
}

static void canon_map(gd_node *map, const struct schema *sc)
{
	char **keys = gd__xcalloc(map->n, sizeof(*keys));
	gd_node **vals = gd__xcalloc(map->n, sizeof(*vals));
	char *used = gd__xcalloc(map->n, 1);
	size_t i, k = 0;
	long j;

	for (i = 0; i < sc->n; i++) {
		if ((j = gd_node_index(map, sc->fields[i].key)) < 0)
			continue;
		canon_value(map->vals[j], &sc->fields[i]);
		keys[k] = map->keys[j];
		vals[k++] = map->vals[j];
		used[j] = 1;
	}
	for (i = 0; i < map->n; i++) {
		if (used[i])
			continue;
		keys[k] = map->keys[i];
		vals[k++] = map->vals[i];
	}
	memcpy(map->keys, keys, map->n * sizeof(*keys));
	memcpy(map->vals, vals, map->n * sizeof(*vals));
	free(keys);
	free(vals);
	free(used);
}

void gd_record_canonicalize(gd_record *r)
{
	if (r->root->type == GD_MAP)
		canon_map(r->root, kind_schema[r->kind]);
}

int gd_record_emit(char **out, size_t *len, gd_record *r)
{
	char why[512];
	int err;

	gd_record_canonicalize(r);
	if ((err = gd_yaml_emit(out, len, r->root)) < 0) {
		/* the emitter does not know which record it writes */
		snprintf(why, sizeof(why), "%s", gd_error_last());
		return gd_error_set(err, "%s: %s", r->path, why);
	}
	return 0;
}

/* --- accessors --------------------------------------------------------- */

const char *gd_record_name(const gd_record *r)
{
	const gd_node *from;
	const char *s;

	switch (r->kind) {
	case GD_CUSTOMER:
		return gd_node_str(r->root, "name");
	case GD_INQUIRY:
		from = gd_node_get(r->root, "from");
		if (from && from->type == GD_MAP) {
			if ((s = gd_node_str(from, "company")) && *s)
				return s;
			return gd_node_str(from, "name");
		}
		return NULL;
	case GD_ORDER:
		return gd_node_str(r->root, "number");
	}
	return NULL;
}

const char *gd_record_grade(const gd_record *r)
{
	return gd_node_str(r->root, r->kind == GD_INQUIRY ? "grade" : "tier");
}

const char *gd_record_owner(const gd_record *r)
{
	return gd_node_str(r->root, "owner");
}

int gd_record_set_owner(gd_record *r, const char *owner, gd_date today)
{
	const char *was = gd_record_owner(r);
	char d[GD_DATE_LEN];
	int hands;

	if (!owner)
		owner = "";
	if (!was)
		was = "";
	if (!strcmp(was, owner))
		return 0;
	/* the same person spelt in another case is no change of hands */
	hands = strcasecmp(was, owner) != 0;
	if (*owner)
		gd_node_set_str(r->root, "owner", owner, 0); /* frees was */
	else
		gd_node_remove(r->root, "owner");
	if (r->kind == GD_CUSTOMER && hands) {
		gd_date_format(d, today);
		gd_node_set_str(r->root, "owner-since", d, 1);
	}
	return 1;
}

const char *gd_record_status(const gd_record *r)
{
	const char *s = gd_node_str(r->root, "status");

	if (s)
		return s;
	return r->kind == GD_CUSTOMER ? "active"
	       : r->kind == GD_INQUIRY ? "new"
				       : "open";
}

const gd_node *gd_record_last_log(const gd_record *r, gd_time *at)
{
	const gd_node *log = gd_node_get(r->root, "log");
	const gd_node *best = NULL;
	gd_time t, bt = {0, 0};
	size_t i;

	if (!log || log->type != GD_SEQ)
		return NULL;
	for (i = 0; i < log->n; i++) {
		const char *s = log->vals[i]->type == GD_MAP
					? gd_node_str(log->vals[i], "at")
					: NULL;
		if (!s || gd_time_parse_iso(&t, s) < 0)
			continue;
		if (!best || t.t >= bt.t) {
			best = log->vals[i];
			bt = t;
		}
	}
	if (best && at)
		*at = bt;
	return best;
}

void gd_record_add_log(gd_record *r, gd_node *entry)
{
	gd_node *log = gd_node_get(r->root, "log");
	size_t at;

	if (!log || log->type != GD_SEQ) {
		log = gd_node_seq();
		gd_node_set(r->root, "log", log);
	}
	at = log->n;
	while (at > 0 && log_cmp(log->vals[at - 1], entry) > 0)
		at--;
	gd_node_insert(log, at, entry);
}

static const struct field *find_field(gd_kind kind, const char *key)
{
	const struct schema *sc = kind_schema[kind];
	size_t i;

	for (i = 0; i < sc->n; i++)
		if (!strcmp(sc->fields[i].key, key))
			return &sc->fields[i];
	return NULL;
}

int gd_record_field_is_date(gd_kind kind, const char *field)
{
	const struct field *f = find_field(kind, field);

	return f && f->type == F_DATE;
}

int gd_record_field_settable(gd_kind kind, const char *field)
{
	const struct field *f = find_field(kind, field);

	return f && f->settable;
}

static gd_date days_up(int64_t secs)
{
	return (gd_date)((secs + 86399) / 86400);
}

void gd_order_plan(gd_record *r, const gd_config *cfg, gd_date ship_by,
		   int64_t buffer)
{
	gd_date internal = ship_by - days_up(buffer);
	gd_node *stages = gd_node_seq();
	char d[GD_DATE_LEN];
	size_t i;

	gd_date_format(d, ship_by);
	gd_node_set_str(r->root, "ship-by", d, 1);
	gd_date_format(d, internal);
	gd_node_set_str(r->root, "internal-by", d, 1);
	for (i = 0; i < cfg->nstages; i++) {
		gd_node *s = gd_node_map();
		gd_node_set_str(s, "name", cfg->stages[i].name, 0);
		gd_date_format(d, internal - days_up(cfg->stages[i].before));
		gd_node_set_str(s, "plan", d, 1);
		gd_node_push(stages, s);
	}
	gd_node_set(r->root, "stages", stages);
}
