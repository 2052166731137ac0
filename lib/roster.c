/*
 * roster.c - the roster (SPEC 2.1): reading `team:`, naming an owner, and
 * what tables show for one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/roster.h"
#include "internal.h"

static const char *const role_names[] = {"sales", "merchandiser",
					 "assistant", "manager"};

const char *gd_role_name(gd_role r)
{
	return role_names[r];
}

void gd_roster_free(gd_roster *t)
{
	size_t i, k;

	if (!t)
		return;
	for (i = 0; i < t->n; i++) {
		gd_member *m = &t->members[i];
		free(m->email);
		free(m->name);
		free(m->login);
		for (k = 0; k < m->nkeys; k++)
			free(m->keys[k]);
		free(m->keys);
	}
	free(t->members);
	free(t);
}

static int bad(const char *name, const gd_node *n, const char *what,
	       const char *value)
{
	return gd_error_set(GD_EINVALID, "%s:%d:%d: %s%s%s%s", name, n->line,
			    n->col, what, value ? " '" : "", value ? value : "",
			    value ? "'" : "");
}

/* A text field of a member: absent, or one non-empty value. */
static int text(char **out, const gd_node *m, const char *key,
		const char *name)
{
	const gd_node *v = gd_node_get(m, key);

	*out = NULL;
	if (!v || gd_node_is_null(v))
		return 0;
	if (v->type != GD_SCALAR || !*v->str) {
		char what[64];
		snprintf(what, sizeof(what), _("team: %s must be a single value"), key);
		return bad(name, v, what, NULL);
	}
	*out = gd__xstrdup(v->str);
	return 0;
}

static int keys(gd_member *m, const gd_node *n, const char *name)
{
	const gd_node *v = gd_node_get(n, "key");
	size_t i;

	if (!v || gd_node_is_null(v))
		return 0;
	if (v->type == GD_SCALAR) {
		m->keys = gd__xcalloc(1, sizeof(*m->keys));
		m->keys[m->nkeys++] = gd__xstrdup(v->str);
		return 0;
	}
	if (v->type != GD_SEQ)
		return bad(name, v, _("team: key must be a key or a list of keys"), NULL);
	m->keys = gd__xcalloc(v->n ? v->n : 1, sizeof(*m->keys));
	for (i = 0; i < v->n; i++) {
		if (v->vals[i]->type != GD_SCALAR)
			return bad(name, v->vals[i],
				   _("team: key must be a key or a list of keys"), NULL);
		m->keys[m->nkeys++] = gd__xstrdup(v->vals[i]->str);
	}
	return 0;
}

static int role(gd_member *m, const gd_node *n, const char *name)
{
	const gd_node *v = gd_node_get(n, "role");
	size_t i;

	m->role = GD_ROLE_SALES; /* a member without a role sells */
	if (!v || gd_node_is_null(v))
		return 0;
	for (i = 0; v->type == GD_SCALAR && i < sizeof(role_names) / sizeof(*role_names); i++)
		if (!strcmp(v->str, role_names[i])) {
			m->role = (gd_role)i;
			return 0;
		}
	return gd_error_set(GD_EINVALID,
			    _("%s:%d:%d: team.role: not one of sales merchandiser assistant manager '%s' (unknown role '%s')"),
			    name, v->line, v->col, v->type == GD_SCALAR ? v->str : "",
			    v->type == GD_SCALAR ? v->str : "");
}

static int left(gd_member *m, const gd_node *n, const char *name)
{
	const gd_node *v = gd_node_get(n, "left");

	if (!v || gd_node_is_null(v))
		return 0;
	if (v->type != GD_SCALAR || gd_date_parse(&m->left, v->str) < 0)
		return bad(name, v, _("team.left: not a date (left must be a date YYYY-MM-DD)"),
			   v->type == GD_SCALAR ? v->str : NULL);
	m->has_left = 1;
	return 0;
}

static int member(gd_roster *t, const gd_node *n, const char *name)
{
	gd_member *m = &t->members[t->n];
	int err;

	memset(m, 0, sizeof(*m));
	t->n++;
	if (n->type != GD_MAP)
		return bad(name, n, _("team: each member must be a mapping"), NULL);
	if ((err = text(&m->email, n, "email", name)) < 0)
		return err;
	if (!m->email || !strchr(m->email, '@'))
		return bad(name, n, _("team: a member needs an email"), m->email);
	if (gd_roster_member(&(gd_roster){t->members, t->n - 1}, m->email))
		return bad(name, n, _("team: two members have the email"), m->email);
	if ((err = text(&m->name, n, "name", name)) < 0 ||
	    (err = text(&m->login, n, "login", name)) < 0 ||
	    (err = left(m, n, name)) < 0 || (err = role(m, n, name)) < 0)
		return err;
	return keys(m, n, name);
}

int gd_roster_from_node(gd_roster **out, const gd_node *n, const char *name)
{
	gd_roster *t = NULL;
	size_t i;
	int err = 0;

	*out = NULL;
	if (n->type != GD_SEQ)
		return bad(name, n, _("team must be a list of members"), NULL);
	t = gd__xcalloc(1, sizeof(*t));
	t->members = gd__xcalloc(n->n ? n->n : 1, sizeof(*t->members));
	for (i = 0; i < n->n; i++)
		if ((err = member(t, n->vals[i], name)) < 0) {
			gd_roster_free(t);
			return err;
		}
	*out = t;
	return 0;
}

const gd_member *gd_roster_member(const gd_roster *t, const char *email)
{
	size_t i;

	for (i = 0; t && email && i < t->n; i++)
		if (!strcasecmp(t->members[i].email, email))
			return &t->members[i];
	return NULL;
}

int gd_member_current(const gd_member *m, gd_date today)
{
	return m && (!m->has_left || today < m->left);
}

static int prefix(const char *s, const char *p)
{
	return s && !strncasecmp(s, p, strlen(p));
}

/* Levenshtein distance over bytes, capped: enough for a typo's hint. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *row, d;

	if (la > 64 || lb > 64)
		return 99;
	row = gd__xcalloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

/* The current member closest to `value` (at most 2 edits), or NULL. */
static const gd_member *closest(const gd_roster *t, const char *value,
				gd_date today)
{
	const gd_member *best = NULL;
	size_t i, bestd = 3;

	for (i = 0; i < t->n; i++) {
		const gd_member *m = &t->members[i];
		const char *at = strchr(m->email, '@');
		char *local = gd__xstrndup(m->email, (size_t)(at - m->email));
		size_t d = distance(value, local), e = distance(value, m->email);

		free(local);
		if (e < d)
			d = e;
		if (m->login && distance(value, m->login) < d)
			d = distance(value, m->login);
		if (gd_member_current(m, today) && d < bestd) {
			bestd = d;
			best = m;
		}
	}
	return best;
}

static int unknown(const gd_roster *t, const char *value, gd_date today,
		   int several)
{
	const gd_member *hint = several ? NULL : closest(t, value, today);
	gd__buf b = {0};
	size_t i;
	int err;

	for (i = 0; i < t->n; i++) {
		const gd_member *m = &t->members[i];
		if (!gd_member_current(m, today))
			continue;
		gd__buf_printf(&b, "%s%s", b.len ? ", " : "", m->email);
		if (m->name)
			gd__buf_printf(&b, " (%s)", m->name);
	}
	if (hint)
		err = gd_error_set(GD_EINVALID,
				   _("owner '%s' is not a member of the team; did you mean %s? members: %s"),
				   value, hint->email, b.buf ? b.buf : "");
	else
		err = gd_error_set(GD_EINVALID,
				   several ? _("owner '%s' names several members of the team: %s")
					   : _("owner '%s' is not a member of the team: %s"),
				   value, b.buf ? b.buf : "");
	gd__buf_free(&b);
	return err;
}

/* `value` is a prefix of m's email, name or login. */
static int names(const gd_member *m, const char *value)
{
	return prefix(m->email, value) || prefix(m->name, value) ||
	       prefix(m->login, value);
}

static int gone(const char *value)
{
	return gd_error_set(GD_EINVALID,
			    _("owner '%s' has left the team: a member who left owns nothing new"),
			    value);
}

int gd_roster_owner(char **out, const gd_roster *t, const char *value,
		  const char *me, gd_date today)
{
	const gd_member *found = NULL;
	size_t i, nfound = 0;

	*out = NULL;
	if (!strcmp(value, "me")) {
		if (!me)
			return gd_error_set(GD_EIDENTITY, _("who is 'me'? set git config user.email"));
		value = me;
	}
	/* "": nobody's, the public pool */
	if (!t || !*value) {
		*out = gd__xstrdup(value);
		return 0;
	}
	if ((found = gd_roster_member(t, value)) && !gd_member_current(found, today))
		return gone(value);
	if (!found)
		for (i = 0; *value && i < t->n; i++)
			if (names(&t->members[i], value) &&
			    gd_member_current(&t->members[i], today) && !nfound++)
				found = &t->members[i];
	if (nfound > 1)
		return unknown(t, value, today, 1);
	for (i = 0; !found && *value && i < t->n; i++)
		if (names(&t->members[i], value))
			return gone(value);
	if (!found)
		return unknown(t, value, today, 0);
	*out = gd__xstrdup(found->email);
	return 0;
}

int gd_roster_filter(char **out, const gd_roster *t, const char *value,
		     const char *me, gd_date today)
{
	const gd_member *found = NULL;
	size_t i, nfound = 0;

	*out = NULL;
	if (!strcmp(value, "none")) {
		*out = gd__xstrdup(value);
		return 0;
	}
	if (!strcmp(value, "me")) {
		if (!me || !*me)
			return gd_error_set(GD_EIDENTITY, _("who is 'me'? set git config user.email"));
		value = me;
	}
	/* an email is itself, member or not: check names owners who are not */
	if (!t || strchr(value, '@') || !*value) {
		*out = gd__xstrdup(value);
		return 0;
	}
	for (i = 0; i < t->n; i++)
		if (names(&t->members[i], value) && !nfound++)
			found = &t->members[i];
	if (nfound != 1)
		return unknown(t, value, today, nfound > 1);
	*out = gd__xstrdup(found->email);
	return 0;
}

const char *gd_roster_display(const gd_roster *t, const char *email)
{
	const gd_member *m = gd_roster_member(t, email);

	return m && m->name ? m->name : email;
}
