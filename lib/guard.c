/*
 * guard.c - the rules of a shared remote (SPEC 5), judged one file at a
 * time: who may push whose commits, which files a ledger may hold, the
 * append-only log, deletes, owners and the configuration by role.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/config.h"
#include "gendan/error.h"
#include "gendan/guard.h"
#include "gendan/record.h"
#include "gendan/yaml.h"
#include "internal.h"

struct gd_guard {
	gd_config *roles;      /* the old tip's configuration */
	const gd_member *pusher;
	char *pusher_id;       /* as given, when no member matched */
	int pusher_known;
	char *cfg_text;        /* the configuration records are checked under */
	size_t cfg_len;
	int cfg_have;
	gd_config *cfg;
	char *cfg_error;
};

gd_guard *gd_guard_new(const char *config, size_t clen, const char *pusher,
		       const char *login)
{
	gd_guard *g = gd__xcalloc(1, sizeof(*g));
	gd_node *root = NULL;

	if (!config || gd_yaml_parse(&root, config, clen, "gendan.yaml") < 0 ||
	    gd_config_from_node(&g->roles, root, "gendan.yaml") < 0)
		g->roles = gd_config_default();
	gd_node_free(root);
	gd_error_clear();
	if (pusher && *pusher) {
		g->pusher_known = 1;
		g->pusher = gd_config_member(g->roles, pusher);
		g->pusher_id = gd__xstrdup(pusher);
	} else if (login && *login && g->roles->has_team) {
		/* a forge's login means something only through the roster */
		g->pusher_known = 1;
		g->pusher = gd_config_member(g->roles, login);
		g->pusher_id = gd__xstrdup(login);
	}
	return g;
}

void gd_guard_free(gd_guard *g)
{
	if (!g)
		return;
	gd_config_free(g->roles);
	gd_config_free(g->cfg);
	free(g->pusher_id);
	free(g->cfg_text);
	free(g->cfg_error);
	free(g);
}

static int is_role(const gd_guard *g, const char *email, gd_role role)
{
	const gd_member *m = gd_config_member(g->roles, email);

	return m && m->role == role;
}

int gd_guard_author(gd_guard *g, const char *author)
{
	if (!g->pusher_known || !author)
		return 0;
	if (g->pusher) {
		if (!strcasecmp(g->pusher->email, author) || g->pusher->role == GD_ROLE_MANAGER)
			return 0;
		return gd_error_set(GD_EINVALID, _("authored by '%s' but pushed by '%s'"),
				    author, g->pusher->email);
	}
	if (g->roles->has_team)
		return gd_error_set(GD_EINVALID, _("the pusher '%s' is not a member of the team"),
				    g->pusher_id);
	if (!strcasecmp(g->pusher_id, author))
		return 0;
	return gd_error_set(GD_EINVALID, _("authored by '%s' but pushed by '%s'"), author,
			    g->pusher_id);
}

/* A text that cannot break out of its place in an allowed-signers line:
 * printable, no quote; with no space either when it is the principal. */
static int signer_text(const char *s, int principal)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '"' ||
		    (principal && (*s == ' ' || *s == ',' || *s == '*' || *s == '?')))
			return 0;
	return 1;
}

int gd_guard_signers(gd_guard *g, const char *author, char **out)
{
	const gd_member *m;
	gd__buf b = {0};
	size_t i;

	*out = NULL;
	if (!g->roles->policy_signed)
		return 0;
	m = author ? gd_roster_member(g->roles->team, author) : NULL;
	if (!m)
		return gd_error_set(GD_EINVALID,
				    _("policy signed: the author '%s' is not a member of the team, so no key can sign for them"),
				    author ? author : "");
	/* the principal is the author as the commit spells it */
	if (!signer_text(author, 1))
		return gd_error_set(GD_EINVALID, _("policy signed: the author '%s' cannot be a signer"),
				    author);
	for (i = 0; i < m->nkeys; i++)
		if (signer_text(m->keys[i], 0) && *m->keys[i])
			gd__buf_printf(&b, "%s namespaces=\"git\" %s\n", author, m->keys[i]);
	if (!b.buf)
		return gd_error_set(GD_EINVALID,
				    _("policy signed: the author '%s' has no key in the team"),
				    m->email);
	*out = b.buf;
	return 0;
}

int gd_guard_top_level(const char *name)
{
	return !strcmp(name, "gendan.yaml") || !strncmp(name, "README", 6) ||
	       !strcmp(name, ".gitignore") || !strcmp(name, ".gitattributes");
}

/* A message without its leading "path:" (the caller names the path). */
static int reason(const char *path, int err)
{
	const char *m = gd_error_last();
	size_t n = strlen(path);
	char *copy;

	if (strncmp(m, path, n) || m[n] != ':')
		return err;
	m += n + 1;
	while (*m == ' ')
		m++;
	copy = gd__xstrdup(m);
	gd_error_set(err, "%s", copy);
	free(copy);
	return err;
}

/* The configuration records are checked under, parsed once per text. */
static int config_for(gd_guard *g, const gd_config **out, const char *config,
		      size_t clen)
{
	gd_node *root = NULL;

	if (!g->cfg_have || (config == NULL) != (g->cfg_text == NULL) ||
	    (config && (clen != g->cfg_len || memcmp(config, g->cfg_text, clen)))) {
		gd_config_free(g->cfg);
		g->cfg = NULL;
		free(g->cfg_text);
		free(g->cfg_error);
		g->cfg_error = NULL;
		g->cfg_text = config ? gd__xstrndup(config, clen) : NULL;
		g->cfg_len = clen;
		g->cfg_have = 1;
		if (!config)
			g->cfg = gd_config_default();
		else if (gd_yaml_parse(&root, config, clen, "gendan.yaml") < 0 ||
			 gd_config_from_node(&g->cfg, root, "gendan.yaml") < 0)
			g->cfg_error = gd__xstrdup(gd_error_last());
		gd_node_free(root);
	}
	*out = g->cfg;
	if (!g->cfg)
		return gd_error_set(GD_EINVALID, _("gendan.yaml is invalid: %s"), g->cfg_error);
	return 0;
}

int gd_guard_file(gd_guard *g, const char *path, const char *buf, size_t len,
		  const char *config, size_t clen)
{
	const gd_config *cfg;
	gd_config *c = NULL;
	gd_node *root = NULL;
	gd_record *r = NULL;
	int err = 0;

	if (!strchr(path, '/')) {
		if (strcmp(path, "gendan.yaml"))
			return 0;
		if ((err = gd_yaml_parse(&root, buf, len, path)) == 0)
			err = gd_config_from_node(&c, root, path);
		goto done;
	}
	if ((err = config_for(g, &cfg, config, clen)) < 0)
		goto done;
	if ((err = gd_record_parse(&r, path, buf, len)) == 0)
		err = gd_record_validate(r, cfg);
done:
	gd_record_free(r);
	gd_node_free(root);
	gd_config_free(c);
	return err < 0 ? reason(path, err) : 0;
}

/* A record's log, parsed; NULL when the text holds none. */
static gd_node *log_of(gd_node **root, const char *path, const char *buf,
		       size_t len)
{
	gd_node *l;

	*root = NULL;
	if (!buf || gd_yaml_parse(root, buf, len, path) < 0) {
		gd_error_clear();
		return NULL;
	}
	l = gd_node_get(*root, "log");
	return l && l->type == GD_SEQ ? l : NULL;
}

/* Equal as parsed: mappings in any key order, scalars by their text. */
static int same(const gd_node *a, const gd_node *b)
{
	size_t i;

	if (!a || !b || a->type != b->type)
		return a == b;
	if (a->type == GD_SCALAR)
		return !strcmp(a->str, b->str);
	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (!same(a->vals[i], a->type == GD_MAP ? gd_node_get(b, a->keys[i]) : b->vals[i]))
			return 0;
	return 1;
}

static int holds(const gd_node *log, const gd_node *entry)
{
	size_t i;

	for (i = 0; log && i < log->n; i++)
		if (same(log->vals[i], entry))
			return 1;
	return 0;
}

static const char *entry_at(const gd_node *e)
{
	const char *at = e->type == GD_MAP ? gd_node_str(e, "at") : NULL;

	return at ? at : "?";
}

int gd_guard_log_kept(const char *path, const char *old, size_t olen,
		      const char *new_, size_t nlen)
{
	gd_node *oroot, *nroot;
	const gd_node *ol = log_of(&oroot, path, old, olen);
	const gd_node *nl = log_of(&nroot, path, new_, nlen);
	size_t i;
	int err = 0;

	for (i = 0; ol && new_ && i < ol->n; i++) {
		if (!holds(nl, ol->vals[i])) {
			err = gd_error_set(GD_EINVALID,
					   _("removes or changes the log entry of %s (the log is append-only)"),
					   entry_at(ol->vals[i]));
			break;
		}
	}
	gd_node_free(oroot);
	gd_node_free(nroot);
	return err;
}

int gd_guard_log_by(const char *path, const char *mine, size_t mlen,
		    const char *const *parents, const size_t *plens, size_t np,
		    const char *tip, size_t tlen, const char *actor)
{
	gd_node *mroot, *troot, **proots = gd__xcalloc(np + 1, sizeof(*proots));
	const gd_node *ml = log_of(&mroot, path, mine, mlen);
	const gd_node *tl = log_of(&troot, path, tip, tlen);
	const gd_node **pl = gd__xcalloc(np + 1, sizeof(*pl));
	size_t i, j;
	int err = 0;

	for (j = 0; j < np; j++)
		pl[j] = log_of(&proots[j], path, parents[j], plens[j]);
	for (i = 0; ml && i < ml->n && !err; i++) {
		const gd_node *e = ml->vals[i];
		const char *by = e->type == GD_MAP ? gd_node_str(e, "by") : NULL;
		int old = 0;
		for (j = 0; j < np && !old; j++)
			old = holds(pl[j], e);
		if (old || !holds(tl, e) || (by && actor && !strcasecmp(by, actor)))
			continue;
		err = gd_error_set(GD_EINVALID, _("the new log entry of %s is by '%s', not by its author '%s'"),
				   entry_at(e), by ? by : "", actor ? actor : "");
	}
	for (j = 0; j < np; j++)
		gd_node_free(proots[j]);
	free(proots);
	free(pl);
	gd_node_free(mroot);
	gd_node_free(troot);
	return err;
}

char *gd_guard_owner(const char *path, const char *buf, size_t len)
{
	gd_node *root = NULL;
	const char *o;
	char *out = NULL;

	if (!buf || gd_yaml_parse(&root, buf, len, path) < 0) {
		gd_error_clear();
		return NULL;
	}
	if ((o = gd_node_str(root, "owner")) && *o)
		out = gd__xstrdup(o);
	gd_node_free(root);
	return out;
}

int gd_guard_owner_change(gd_guard *g, const char *old_owner,
			  const char *new_owner, const char *actor)
{
	if (!g->roles->has_team || !actor)
		return 0;
	if (is_role(g, actor, GD_ROLE_MANAGER) || is_role(g, actor, GD_ROLE_ASSISTANT))
		return 0;
	if (old_owner ? !strcasecmp(old_owner, actor)
		      : !new_owner || !strcasecmp(new_owner, actor))
		return 0;
	return gd_error_set(GD_EINVALID,
			    _("changes the owner from '%s' to '%s' (only the owner, an assistant or a manager may)"),
			    old_owner ? old_owner : "", new_owner ? new_owner : "");
}

int gd_guard_delete(gd_guard *g, const char *actor)
{
	if (g->roles->has_team && actor && is_role(g, actor, GD_ROLE_MANAGER))
		return 0;
	return gd_error_set(GD_EINVALID,
			    _("deletes a record (only a manager may; set status lost or dormant instead)"));
}

int gd_guard_config(gd_guard *g, const char *actor)
{
	if (!g->roles->has_team || (actor && is_role(g, actor, GD_ROLE_MANAGER)))
		return 0;
	return gd_error_set(GD_EINVALID, _("changes gendan.yaml (only a manager may)"));
}
