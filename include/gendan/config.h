/*
 * config.h - the ledger configuration, gendan.yaml (SPEC 2.1).
 *
 * Every key is optional; what is absent takes the default.  Grades, their
 * labels and cadences are configuration, not code: a team may use A-C or
 * any other names.
 */
#ifndef GENDAN_CONFIG_H
#define GENDAN_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "gendan/node.h"
#include "gendan/roster.h"

typedef struct {
	char *name;   /* "A" */
	int64_t every; /* cadence in seconds, > 0 */
	char *label;  /* "clear intent", may be NULL */
} gd_tier;

typedef struct {
	char *name;     /* "materials" */
	int64_t before; /* seconds before the internal deadline, >= 0 */
} gd_stage_plan;

typedef struct gd_config {
	int version;
	gd_tier *tiers;
	size_t ntiers;
	int64_t reply_within;
	int64_t order_buffer;
	gd_stage_plan *stages;
	size_t nstages;
	char **channels;
	size_t nchannels;
	int pool;               /* 1 when pool: is present */
	int64_t reclaim_after;
	char **freemail;        /* extra free-mail domains */
	size_t nfreemail;
	gd_roster *team;        /* the roster; NULL: anyone may own anything */
	int has_team;           /* 1 when team: is present, even empty */
	int policy_signed;      /* policy: {signed: true} */
	char *phone_region;     /* phone-region: "CN", upper case; NULL: none */
	char **import_headers;  /* import.columns: header -> field, the team's */
	char **import_fields;   /* aliases on top of the built-in ones */
	size_t nimport;
} gd_config;

/* The defaults of SPEC 2.1. */
gd_config *gd_config_default(void);

/* The text `gendan init` writes: every default, documented. */
const char *gd_config_default_text(void);

/* Read a configuration from a parsed gendan.yaml; `name` for messages. */
int gd_config_from_node(gd_config **out, const gd_node *root,
			const char *name);

/* Load `path` (a missing file is an error). */
int gd_config_load(gd_config **out, const char *path, const char *name);

void gd_config_free(gd_config *c);

/* The tier named `name`, or NULL. */
const gd_tier *gd_config_tier(const gd_config *c, const char *name);
/* Position of a tier in the configured order (A before D); ntiers if none. */
size_t gd_config_tier_rank(const gd_config *c, const char *name);
int gd_config_has_channel(const gd_config *c, const char *name);
/* The member whose email (case-insensitive) or else login is `who`, or NULL. */
const gd_member *gd_config_member(const gd_config *c, const char *who);

#endif
