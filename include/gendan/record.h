/*
 * record.h - customers, inquiries and orders (SPEC 2.2).
 *
 * A record is its YAML tree plus where it lives.  Fields gendan knows are
 * read through the accessors below; every other key stays in the tree and
 * is written back untouched.  gd_record_canonicalize() puts known keys in the
 * order of SPEC 2.2, unknown keys after them in their order, sorts `log` by
 * `at`, and marks text fields as strings so that "yes" or "0123" is quoted.
 */
#ifndef GENDAN_RECORD_H
#define GENDAN_RECORD_H

#include <stddef.h>

#include "gendan/config.h"
#include "gendan/dates.h"
#include "gendan/node.h"

typedef enum { GD_CUSTOMER, GD_INQUIRY, GD_ORDER } gd_kind;
#define GD_NKINDS 3

const char *gd_kind_name(gd_kind k);   /* "customer" */
const char *gd_kind_dir(gd_kind k);    /* "customers" */
/* customer|customers|inquiry|inquiries|order|orders */
int gd_kind_parse(gd_kind *out, const char *s);

typedef struct gd_record {
	gd_kind kind;
	char *id;
	char *path;     /* relative to the ledger root */
	gd_node *root;  /* a mapping */
} gd_record;

/* "customers/3f/acme.yaml": where gendan writes a record of that id. */
char *gd_record_path_for(gd_kind kind, const char *id);

/* A new, empty record of that kind and id at its sharded path. */
gd_record *gd_record_new(gd_kind kind, const char *id);
void gd_record_free(gd_record *r);

/* Parse a record from its bytes; path relative to the root decides kind
 * (first component) and id (file name without .yaml). */
int gd_record_parse(gd_record **out, const char *path, const char *buf,
		    size_t len);

/* A record of the tree root (taken) at path; path decides kind and id. */
int gd_record_from_node(gd_record **out, const char *path, gd_node *root);

/* Check every known field (types, dates, tier/grade, status, channel, the
 * required fields); the message names the file, line, column and field. */
int gd_record_validate(const gd_record *r, const gd_config *cfg);
/* The same, and on error the field at fault into field (size bytes):
 * "tier", "from.email", "items[2].qty" ("" when none is). */
int gd_record_validate_at(const gd_record *r, const gd_config *cfg,
			  char *field, size_t size);

/* Canonical order and scalar styles (see above). */
void gd_record_canonicalize(gd_record *r);

/* Canonicalize and emit; *out malloc'd. */
int gd_record_emit(char **out, size_t *len, gd_record *r);

/* Accessors; borrowed, NULL when absent. */
const char *gd_record_name(const gd_record *r);  /* name / from.company|name / number */
const char *gd_record_grade(const gd_record *r); /* tier or grade */
const char *gd_record_owner(const gd_record *r);

/*
 * Give r to `owner` (NULL or "": release it to the public pool) on
 * `today`.  A customer that changes hands gets `owner-since: today`
 * (SPEC 2.2): the day it was added, handed over, claimed or released.
 * 1 when the owner changed, 0 when it already was `owner`.
 */
int gd_record_set_owner(gd_record *r, const char *owner, gd_date today);
const char *gd_record_status(const gd_record *r); /* default by kind */

/* The log entry with the latest `at`, or NULL; *at its time. */
const gd_node *gd_record_last_log(const gd_record *r, gd_time *at);

/* Insert a log entry (a mapping with a valid `at`) after every entry with
 * an `at` not later than its own, so logging only adds lines. */
void gd_record_add_log(gd_record *r, gd_node *entry);

/*
 * Plan an order: ship-by, internal-by = ship-by minus the buffer in whole
 * days (rounded up: the customer wants 30 days, ask the factory for 25),
 * and the configured stages, each planned its `before` (rounded up to
 * days) ahead of internal-by.  Replaces any earlier plan.
 */
void gd_order_plan(gd_record *r, const gd_config *cfg, gd_date ship_by,
		   int64_t buffer);

/* Is `field` a date field of this kind's top level (created, next, ...)? */
int gd_record_field_is_date(gd_kind kind, const char *field);

/* The top-level fields `gendan set` may change for this kind. */
int gd_record_field_settable(gd_kind kind, const char *field);

/* Statuses of a kind, NULL-terminated. */
const char *const *gd_record_statuses(gd_kind kind);

/* Is r an inquiry still being worked (new, replied, quoted or sampling),
 * not won, lost or dormant?  Such an inquiry is followed up (due) and
 * goes back to the public pool when neglected (reclaim). */
int gd_inquiry_open(const gd_record *r);

#endif
