/*
 * urlmatch.h - which http.<url>.* key of git's config applies to a URL,
 * by git-config(1)'s rules (no libgit2 here: store-transport.c reads the
 * config).
 */
#ifndef GENDAN_URLMATCH_H
#define GENDAN_URLMATCH_H

/*
 * How well the URL of an http.<url>.* key matches url: -1 when it does
 * not; else the higher, the more specific (host name, then path prefix,
 * then user name, in git's order of precedence).  Scheme, host (a '*'
 * matches one dot-separated part), port (the scheme's own when not
 * given) must match; the key's path must be a prefix of url's at a '/';
 * a user name in the key must be url's.
 */
long gd_urlmatch(const char *key_url, const char *url);

#endif
