/*
 * roster.h - the roster: `team:` in gendan.yaml (SPEC 2.1).
 *
 * Without a roster anyone may own anything and an owner is free text.
 * With one, an owner is a member who has not left, named by email,
 * `me`, or a case-insensitive prefix of one member's email, name or login.
 */
#ifndef GENDAN_ROSTER_H
#define GENDAN_ROSTER_H

#include <stddef.h>

#include "gendan/dates.h"
#include "gendan/node.h"

typedef enum {
	GD_ROLE_SALES,
	GD_ROLE_MERCHANDISER,
	GD_ROLE_ASSISTANT,
	GD_ROLE_MANAGER,
} gd_role;

typedef struct {
	char *email;   /* required, unique in the team (case-insensitive) */
	char *name;    /* shown instead of the email; may be NULL */
	char *login;   /* user name on the git server; may be NULL */
	gd_role role;  /* sales when not given */
	char **keys;   /* ssh public keys */
	size_t nkeys;
	int has_left;
	gd_date left;  /* from this day on they own nothing new */
} gd_member;

typedef struct gd_roster {
	gd_member *members;
	size_t n;
} gd_roster;

/* Read `team:` (a list of members); `name` is the file, for messages. */
int gd_roster_from_node(gd_roster **out, const gd_node *n, const char *name);
void gd_roster_free(gd_roster *t);

const char *gd_role_name(gd_role r);

/* The member whose email is `email` (case-insensitive), or NULL. */
const gd_member *gd_roster_member(const gd_roster *t, const char *email);

/* 1 when `m` may own something new on `today`. */
int gd_member_current(const gd_member *m, gd_date today);

/*
 * The owner `value` names: with no team (t NULL) `value` itself, `me`
 * replaced by `me`; with a team, the email of the one current member it
 * names; "" (nobody: the public pool) stays "".  An unknown or ambiguous
 * value is GD_EINVALID with a message that lists the members (and "did
 * you mean" when one is close).  `me` NULL with value `me` is
 * GD_EIDENTITY.  The caller frees *out.
 */
int gd_roster_owner(char **out, const gd_roster *t, const char *value,
		  const char *me, gd_date today);

/*
 * The owner a filter (`due`, `ls`, `export`, `report --owner`) names:
 * `none` (the public pool) and an email as they are, `me` replaced by
 * `me`, and with a team a case-insensitive prefix of the email, name or
 * login of exactly one member (those who left included: their records
 * are still to be found).  Else GD_EINVALID listing the members.  Free
 * *out.
 */
int gd_roster_filter(char **out, const gd_roster *t, const char *value,
		     const char *me, gd_date today);

/* What tables show for an owner: the member's name, else the email. */
const char *gd_roster_display(const gd_roster *t, const char *email);

#endif
