/*
 * urlmatch.c - git's matching of http.<url>.* config keys to a URL
 * (git-config(1), "http.<url>.*"): scheme, host, port and path prefix
 * must match; the longest host, then path, then a user name win.
 * Scheme and host are compared without case, a missing port is the
 * scheme's own, an empty path is "/".  Percent-escapes and "." or ".."
 * path segments are compared as written (git normalises them first).
 */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "urlmatch.h"

struct url_parts {
	char *scheme, *user, *host, *port, *path; /* each to free; user may be NULL */
};

static void parts_clear(struct url_parts *u)
{
	free(u->scheme);
	free(u->user);
	free(u->host);
	free(u->port);
	free(u->path);
}

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* scheme://[user[:password]@]host[:port][/path][?query][#fragment];
 * -1 when it is no such URL. */
static int parts_read(struct url_parts *u, const char *url)
{
	const char *sep = strstr(url, "://"), *auth, *end, *at, *colon, *p;
	size_t plen;

	memset(u, 0, sizeof(*u));
	if (!sep || sep == url)
		return -1;
	u->scheme = gd__xstrndup(url, (size_t)(sep - url));
	lower(u->scheme);
	auth = sep + 3;
	end = auth + strcspn(auth, "/?#");
	at = memchr(auth, '@', (size_t)(end - auth));
	if (at) {
		colon = memchr(auth, ':', (size_t)(at - auth));
		u->user = gd__xstrndup(auth, (size_t)((colon ? colon : at) - auth));
		auth = at + 1;
	}
	p = *auth == '[' ? memchr(auth, ']', (size_t)(end - auth)) : auth;
	colon = memchr(p ? p : auth, ':', (size_t)(end - (p ? p : auth)));
	u->host = gd__xstrndup(auth, (size_t)((colon ? colon : end) - auth));
	lower(u->host);
	if (colon && colon + 1 < end)
		u->port = gd__xstrndup(colon + 1, (size_t)(end - colon - 1));
	else if (!strcmp(u->scheme, "https") || !strcmp(u->scheme, "http"))
		u->port = gd__xstrdup(u->scheme[4] == 's' ? "443" : "80");
	else
		u->port = gd__xstrdup("");
	plen = strcspn(end, "?#");
	u->path = plen ? gd__xstrndup(end, plen) : gd__xstrdup("/");
	return *u->host ? 0 : -1;
}

/* The host, part by part; a key's part may be a pattern ('*'). */
static int host_match(const char *key, const char *host)
{
	char *k = gd__xstrdup(key), *h = gd__xstrdup(host), *ks = NULL, *hs = NULL;
	char *kp = strtok_r(k, ".", &ks), *hp = strtok_r(h, ".", &hs);
	int ok = 1;

	while (ok && kp && hp) {
		ok = fnmatch(kp, hp, 0) == 0;
		kp = strtok_r(NULL, ".", &ks);
		hp = strtok_r(NULL, ".", &hs);
	}
	ok = ok && !kp && !hp;
	free(k);
	free(h);
	return ok;
}

long gd_urlmatch(const char *key_url, const char *url)
{
	struct url_parts k, u;
	long score = -1;
	size_t kplen;

	memset(&u, 0, sizeof(u));
	if (parts_read(&k, key_url) < 0 || parts_read(&u, url) < 0)
		goto done;
	kplen = strlen(k.path);
	while (kplen && k.path[kplen - 1] == '/')
		kplen--;
	if (strcmp(k.scheme, u.scheme) != 0 || strcmp(k.port, u.port) != 0 ||
	    !host_match(k.host, u.host) ||
	    (k.user && (!u.user || strcmp(k.user, u.user) != 0)))
		goto done;
	if (kplen && (strncmp(k.path, u.path, kplen) != 0 ||
		      (u.path[kplen] != '\0' && u.path[kplen] != '/')))
		goto done;
	score = ((long)strlen(k.host) << 20) + ((long)kplen << 1) + (k.user != NULL);
done:
	parts_clear(&k);
	parts_clear(&u);
	return score;
}
