/*
 * config.c - gendan.yaml: defaults, parsing and validation (SPEC 2.1).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gendan/config.h"
#include "gendan/dates.h"
#include "gendan/error.h"
#include "gendan/phone.h"
#include "gendan/yaml.h"
#include "internal.h"

#define HOUR INT64_C(3600)
#define DAY (24 * HOUR)

static const char default_text[] =
	"# gendan ledger configuration (every key optional; defaults shown)\n"
	"gendan: 1\n"
	"tiers:\n"
	"  A:\n"
	"    every: 84h\n"
	"    label: clear intent\n"
	"  B:\n"
	"    every: 7d\n"
	"    label: hesitating\n"
	"  C:\n"
	"    every: 15d\n"
	"    label: long cycle\n"
	"  D:\n"
	"    every: 30d\n"
	"    label: unclear intent\n"
	"inquiry:\n"
	"  reply-within: 24h\n"
	"order:\n"
	"  buffer: 5d\n"
	"  stages:\n"
	"    - name: materials\n"
	"      before: 20d\n"
	"    - name: production\n"
	"      before: 7d\n"
	"    - name: inspection\n"
	"      before: 2d\n"
	"    - name: shipping\n"
	"      before: 0d\n"
	"channels:\n"
	"  - phone\n"
	"  - email\n"
	"  - fax\n"
	"  - wechat\n"
	"  - whatsapp\n"
	"  - visit\n"
	"  - post\n"
	"  - meeting\n"
	"  - other\n";

const char *gd_config_default_text(void)
{
	return default_text;
}

static void add_tier(gd_config *c, const char *name, int64_t every,
		     const char *label)
{
	c->tiers = gd__xrealloc(c->tiers, (c->ntiers + 1) * sizeof(*c->tiers));
	c->tiers[c->ntiers].name = gd__xstrdup(name);
	c->tiers[c->ntiers].every = every;
	c->tiers[c->ntiers].label = label ? gd__xstrdup(label) : NULL;
	c->ntiers++;
}

static void add_stage(gd_config *c, const char *name, int64_t before)
{
	c->stages = gd__xrealloc(c->stages, (c->nstages + 1) * sizeof(*c->stages));
	c->stages[c->nstages].name = gd__xstrdup(name);
	c->stages[c->nstages].before = before;
	c->nstages++;
}

static void add_str(char ***list, size_t *n, const char *s)
{
	*list = gd__xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = gd__xstrdup(s);
}

static void clear_tiers(gd_config *c)
{
	size_t i;

	for (i = 0; i < c->ntiers; i++) {
		free(c->tiers[i].name);
		free(c->tiers[i].label);
	}
	free(c->tiers);
	c->tiers = NULL;
	c->ntiers = 0;
}

static void clear_stages(gd_config *c)
{
	size_t i;

	for (i = 0; i < c->nstages; i++)
		free(c->stages[i].name);
	free(c->stages);
	c->stages = NULL;
	c->nstages = 0;
}

static void clear_strs(char ***list, size_t *n)
{
	size_t i;

	for (i = 0; i < *n; i++)
		free((*list)[i]);
	free(*list);
	*list = NULL;
	*n = 0;
}

gd_config *gd_config_default(void)
{
	static const char *const channels[] = {
		"phone", "email", "fax", "wechat", "whatsapp",
		"visit", "post", "meeting", "other"};
	gd_config *c = gd__xcalloc(1, sizeof(*c));
	size_t i;

	c->version = 1;
	add_tier(c, "A", 84 * HOUR, "clear intent");
	add_tier(c, "B", 7 * DAY, "hesitating");
	add_tier(c, "C", 15 * DAY, "long cycle");
	add_tier(c, "D", 30 * DAY, "unclear intent");
	c->reply_within = 24 * HOUR;
	c->order_buffer = 5 * DAY;
	add_stage(c, "materials", 20 * DAY);
	add_stage(c, "production", 7 * DAY);
	add_stage(c, "inspection", 2 * DAY);
	add_stage(c, "shipping", 0);
	for (i = 0; i < sizeof(channels) / sizeof(*channels); i++)
		add_str(&c->channels, &c->nchannels, channels[i]);
	return c;
}

void gd_config_free(gd_config *c)
{
	size_t n;

	if (!c)
		return;
	clear_tiers(c);
	clear_stages(c);
	clear_strs(&c->channels, &c->nchannels);
	clear_strs(&c->freemail, &c->nfreemail);
	gd_roster_free(c->team);
	free(c->phone_region);
	n = c->nimport;
	clear_strs(&c->import_headers, &c->nimport);
	clear_strs(&c->import_fields, &n);
	free(c);
}

static int bad(const char *name, const gd_node *n, const char *what,
	       const char *value)
{
	if (n && n->line)
		return gd_error_set(GD_EINVALID, "%s:%d:%d: %s%s%s%s", name,
				    n->line, n->col, what, value ? " '" : "",
				    value ? value : "", value ? "'" : "");
	return gd_error_set(GD_EINVALID, "%s: %s%s%s%s", name, what,
			    value ? " '" : "", value ? value : "",
			    value ? "'" : "");
}

/* A duration scalar: > 0 unless zero_ok. */
static int duration(int64_t *out, const gd_node *n, const char *name,
		    const char *key, int zero_ok)
{
	char what[128];

	*out = 0;
	snprintf(what, sizeof(what),
		 _("%s: invalid duration (use <n>h, <n>d or <n>w%s, at most 10 years)"),
		 key, zero_ok ? "" : ", n > 0");
	if (!n || n->type != GD_SCALAR || gd_duration_parse(out, n->str) < 0 ||
	    (!zero_ok && *out <= 0))
		return bad(name, n, what, n && n->type == GD_SCALAR ? n->str : NULL);
	return 0;
}

static int want(const gd_node *n, gd_node_type t, const char *name,
		const char *key)
{
	static const char *const types[] = {N_("a single value"), N_("a mapping"),
					    N_("a list")};
	char what[128];

	if (n->type == t)
		return 0;
	snprintf(what, sizeof(what), _("%s must be %s"), key, _(types[t]));
	return bad(name, n, what, NULL);
}

static int parse_tiers(gd_config *c, const gd_node *n, const char *name)
{
	size_t i;
	int err;

	if ((err = want(n, GD_MAP, name, "tiers")) < 0)
		return err;
	if (n->n == 0)
		return bad(name, n, _("tiers must name at least one grade"), NULL);
	clear_tiers(c);
	for (i = 0; i < n->n; i++) {
		const gd_node *t = n->vals[i];
		int64_t every;
		char key[96];

		snprintf(key, sizeof(key), "tiers.%s", n->keys[i]);
		if ((err = want(t, GD_MAP, name, key)) < 0)
			return err;
		snprintf(key, sizeof(key), "tiers.%s.every", n->keys[i]);
		if ((err = duration(&every, gd_node_get(t, "every") ? gd_node_get(t, "every") : t,
				    name, key, 0)) < 0)
			return err;
		add_tier(c, n->keys[i], every, gd_node_str(t, "label"));
	}
	return 0;
}

static int parse_stages(gd_config *c, const gd_node *n, const char *name)
{
	size_t i;
	int err;

	if ((err = want(n, GD_SEQ, name, "order.stages")) < 0)
		return err;
	clear_stages(c);
	for (i = 0; i < n->n; i++) {
		const gd_node *s = n->vals[i];
		const char *sname;
		int64_t before;

		if ((err = want(s, GD_MAP, name, "order.stages[]")) < 0)
			return err;
		if (!(sname = gd_node_str(s, "name")) || !*sname)
			return bad(name, s, _("order.stages: a stage needs a name"), NULL);
		if ((err = duration(&before, gd_node_get(s, "before") ? gd_node_get(s, "before") : s,
				    name, "order.stages.before", 1)) < 0)
			return err;
		add_stage(c, sname, before);
	}
	return 0;
}

static int parse_strs(char ***list, size_t *nlist, const gd_node *n,
		      const char *name, const char *key)
{
	size_t i;
	int err;

	if ((err = want(n, GD_SEQ, name, key)) < 0)
		return err;
	clear_strs(list, nlist);
	for (i = 0; i < n->n; i++) {
		if ((err = want(n->vals[i], GD_SCALAR, name, key)) < 0)
			return err;
		add_str(list, nlist, n->vals[i]->str);
	}
	return 0;
}

/* team: present, even empty, makes the server's rules apply (has_team). */
static int parse_team(gd_config *c, const gd_node *n, const char *name)
{
	c->has_team = 1;
	return gd_node_is_null(n) ? 0 : gd_roster_from_node(&c->team, n, name);
}

static int parse_policy(gd_config *c, const gd_node *n, const char *name)
{
	const gd_node *v;
	int err;

	if (gd_node_is_null(n))
		return 0;
	if ((err = want(n, GD_MAP, name, "policy")) < 0)
		return err;
	if (!(v = gd_node_get(n, "signed")) || gd_node_is_null(v))
		return 0;
	if (v->type != GD_SCALAR || (strcmp(v->str, "true") && strcmp(v->str, "false")))
		return bad(name, v, _("policy.signed: not true or false"),
			   v->type == GD_SCALAR ? v->str : NULL);
	c->policy_signed = !strcmp(v->str, "true");
	return 0;
}

/* phone-region: a country gendan knows the calling code of. */
static int parse_region(gd_config *c, const gd_node *n, const char *name)
{
	char *p;
	int err;

	if ((err = want(n, GD_SCALAR, name, "phone-region")) < 0)
		return err;
	if (!gd_phone_region_known(n->str))
		return bad(name, n, _("phone-region must be a country code such as CN, US or DE, not"),
			   n->str);
	c->phone_region = gd__xstrdup(n->str);
	for (p = c->phone_region; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return 0;
}

/* import: {columns: {HEADER: FIELD}}: the team's header aliases. */
static int parse_import(gd_config *c, const gd_node *n, const char *name)
{
	const gd_node *cols;
	size_t i, n2;
	int err;

	if ((err = want(n, GD_MAP, name, "import")) < 0)
		return err;
	if (!(cols = gd_node_get(n, "columns")) || gd_node_is_null(cols))
		return 0;
	if ((err = want(cols, GD_MAP, name, "import.columns")) < 0)
		return err;
	for (i = 0; i < cols->n; i++) {
		if ((err = want(cols->vals[i], GD_SCALAR, name, "import.columns")) < 0)
			return err;
		n2 = c->nimport;
		add_str(&c->import_headers, &c->nimport, cols->keys[i]);
		add_str(&c->import_fields, &n2, cols->vals[i]->str);
	}
	return 0;
}

static int parse(gd_config *c, const gd_node *root, const char *name)
{
	const gd_node *n, *sub;
	int err;

	if ((n = gd_node_get(root, "gendan"))) {
		if (n->type != GD_SCALAR || strcmp(n->str, "1") != 0)
			return bad(name, n, _("unsupported format version (this gendan reads 1)"),
				   n->type == GD_SCALAR ? n->str : NULL);
	}
	if ((n = gd_node_get(root, "tiers")) && (err = parse_tiers(c, n, name)) < 0)
		return err;
	if ((n = gd_node_get(root, "inquiry"))) {
		if ((err = want(n, GD_MAP, name, "inquiry")) < 0)
			return err;
		if ((sub = gd_node_get(n, "reply-within")) &&
		    (err = duration(&c->reply_within, sub, name,
				    "inquiry.reply-within", 0)) < 0)
			return err;
	}
	if ((n = gd_node_get(root, "order"))) {
		if ((err = want(n, GD_MAP, name, "order")) < 0)
			return err;
		if ((sub = gd_node_get(n, "buffer")) &&
		    (err = duration(&c->order_buffer, sub, name, "order.buffer",
				    0)) < 0)
			return err;
		if ((sub = gd_node_get(n, "stages")) &&
		    (err = parse_stages(c, sub, name)) < 0)
			return err;
	}
	if ((n = gd_node_get(root, "channels")) &&
	    (err = parse_strs(&c->channels, &c->nchannels, n, name, "channels")) < 0)
		return err;
	if ((n = gd_node_get(root, "freemail")) &&
	    (err = parse_strs(&c->freemail, &c->nfreemail, n, name, "freemail")) < 0)
		return err;
	if ((n = gd_node_get(root, "team")) && (err = parse_team(c, n, name)) < 0)
		return err;
	if ((n = gd_node_get(root, "policy")) && (err = parse_policy(c, n, name)) < 0)
		return err;
	if ((n = gd_node_get(root, "import")) && !gd_node_is_null(n) &&
	    (err = parse_import(c, n, name)) < 0)
		return err;
	if ((n = gd_node_get(root, "phone-region")) && !gd_node_is_null(n) &&
	    (err = parse_region(c, n, name)) < 0)
		return err;
	if ((n = gd_node_get(root, "pool")) && !gd_node_is_null(n)) {
		if ((err = want(n, GD_MAP, name, "pool")) < 0)
			return err;
		c->pool = 1;
		c->reclaim_after = 30 * DAY;
		if ((sub = gd_node_get(n, "reclaim-after")) &&
		    (err = duration(&c->reclaim_after, sub, name,
				    "pool.reclaim-after", 0)) < 0)
			return err;
	}
	return 0;
}

int gd_config_from_node(gd_config **out, const gd_node *root, const char *name)
{
	gd_config *c = gd_config_default();
	int err;

	*out = NULL;
	if ((err = parse(c, root, name)) < 0) {
		gd_config_free(c);
		return err;
	}
	*out = c;
	return 0;
}

int gd_config_load(gd_config **out, const char *path, const char *name)
{
	char *buf = NULL;
	size_t len;
	gd_node *root = NULL;
	int err;

	*out = NULL;
	if ((err = gd__read_file(&buf, &len, path, GD_YAML_MAX_SIZE)) < 0)
		goto done;
	if ((err = gd_yaml_parse(&root, buf, len, name)) < 0)
		goto done;
	err = gd_config_from_node(out, root, name);
done:
	free(buf);
	gd_node_free(root);
	return err;
}

const gd_tier *gd_config_tier(const gd_config *c, const char *name)
{
	size_t i;

	for (i = 0; name && i < c->ntiers; i++)
		if (!strcmp(c->tiers[i].name, name))
			return &c->tiers[i];
	return NULL;
}

size_t gd_config_tier_rank(const gd_config *c, const char *name)
{
	const gd_tier *t = gd_config_tier(c, name);

	return t ? (size_t)(t - c->tiers) : c->ntiers;
}

int gd_config_has_channel(const gd_config *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nchannels; i++)
		if (!strcmp(c->channels[i], name))
			return 1;
	return 0;
}

const gd_member *gd_config_member(const gd_config *c, const char *who)
{
	const gd_member *m = gd_roster_member(c->team, who);
	size_t i;

	for (i = 0; !m && who && c->team && i < c->team->n; i++)
		if (c->team->members[i].login && !strcmp(c->team->members[i].login, who))
			m = &c->team->members[i];
	return m;
}
