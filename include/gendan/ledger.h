/*
 * ledger.h - a ledger opened for a command: its store, its configuration
 * and, once loaded, every record under customers/, inquiries/ and orders/.
 *
 * Loading reads every *.yaml anywhere under the three folders.  A record that
 * cannot be read or is invalid never stops the others: it is reported to the
 * `bad` callback (one message naming the file) and left out.
 */
#ifndef GENDAN_LEDGER_H
#define GENDAN_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "gendan/config.h"
#include "gendan/due.h"
#include "gendan/record.h"
#include "gendan/store.h"

typedef struct gd_ledger gd_ledger;

typedef void (*gd_bad_fn)(void *ctx, const char *message);

/* Open the ledger (see gd_store_open) and read gendan.yaml. */
int gd_ledger_open(gd_ledger **out, const char *dir);
void gd_ledger_free(gd_ledger *l);

/* What a ledger holds, borrowed until it is freed: its configuration
 * (gendan.yaml), its store and the root of its work tree. */
const gd_config *gd_ledger_config(const gd_ledger *l);
gd_store *gd_ledger_store(const gd_ledger *l);
const char *gd_ledger_root(const gd_ledger *l);

/* The records loaded (gd_ledger_load) or found (gd_ledger_find), sorted
 * by kind, then id, once loaded; *n of them.  Borrowed: the array lasts
 * until the ledger is loaded again, found in or freed. */
gd_record *const *gd_ledger_records(const gd_ledger *l, size_t *n);

/* How many records were left out as bad, or ids found twice, so far. */
size_t gd_ledger_nbad(const gd_ledger *l);

/* Read every record; bad ones go to bad(ctx, message) and are skipped.
 * Records are validated against the configuration.  Valid records whose
 * files have not changed come from the cache in .git/gendan-cache, which
 * is rewritten when anything changed. */
int gd_ledger_load(gd_ledger *l, gd_bad_fn bad, void *ctx);

/*
 * The record REF names (see gendan/refs.h), kept among the ledger's
 * records (gd_ledger_records).  A REF that
 * is an id (or kind/id) whose file sits at its sharded path is read alone,
 * so commands on one record do not read the whole ledger; anything else
 * loads every record first (bad ones to bad()).
 */
int gd_ledger_find(gd_ledger *l, gd_record **out, const char *ref, int kind,
		   gd_bad_fn bad, void *ctx);

/* Read one record file (relative path) and validate it. */
int gd_ledger_read(gd_ledger *l, gd_record **out, const char *relpath);

/*
 * The due list of SPEC 2.3 (see gd_due_list) for the whole ledger, without
 * loading it: the pending items of every unchanged record file come from
 * the summary in .git/gendan-due, new and changed files are read (on two
 * threads) and summarised, and the summary is rewritten when anything
 * changed.  Bad records go to bad(ctx, message) as in gd_ledger_load().
 * The items' strings (id, name, path ...) belong to *keep: free the items
 * with gd_due_items_free() first, then *keep with gd_due_scan_free().
 * (lib/duescan.c)
 */
typedef struct gd_due_scan gd_due_scan;
int gd_ledger_due(gd_ledger *l, gd_due_item **items, size_t *n,
		  gd_due_scan **keep, gd_date today, const gd_due_filter *f,
		  gd_bad_fn bad, void *ctx);
void gd_due_scan_free(gd_due_scan *sc);

/* One record as ls and find list it. */
typedef struct gd_entry {
	gd_kind kind;
	const char *id, *path;
	/* name, grade, status (with its hold), owner, country, city, last
	 * contact ("YYYY-MM-DD via"); NULL or "" when the record has none */
	const char *cells[7];
	/* an inquiry's or order's customer: its id and name (the id when
	 * the customer is not in the ledger); an order's ship-by, currency
	 * and what it is owed (gd_order_outstanding, "3202.5"); NULL when
	 * none */
	const char *customer, *customer_name;
	const char *ship_by, *currency, *outstanding;
	/* the status as written and the hold's end (NULL: no hold), for
	 * output that must not depend on the user's language (TSV) */
	const char *status, *hold_until;
	int hold_ended; /* the hold has ended by the filter's today */
} gd_entry;

/* NULL matches anything; strings compare case-insensitively. */
typedef struct gd_list_filter {
	int kind;                 /* a gd_kind, or -1 for all */
	const char *tier, *owner; /* owner "none": records nobody owns */
	const char *country, *city, *tag, *status;
	/* find: in names, companies, numbers, emails, notes, products,
	 * cities and ids (Unicode case folding), or in phone digits */
	const char *text;
	gd_date today;            /* a hold ended by then is worded so; 0: never */
	/* a customer's id: that customer and the inquiries and orders
	 * linked to it (`customer: ID`) */
	const char *customer;
} gd_list_filter;

/*
 * The records that pass f, sorted by kind, then id, from the summary
 * .git/gendan-list (made again for files changed since), without loading
 * the ledger.  Bad records are reported through bad, as by
 * gd_ledger_load(), on the command's first look at the summary.  The
 * entries point into the ledger's scan of it: free *out; the strings
 * last until the ledger is freed or loaded.
 */
int gd_ledger_list(gd_ledger *l, gd_entry **out, size_t *n,
		   const gd_list_filter *f, gd_bad_fn bad, void *ctx);

/* The records of n entries into out (room for n), from the tree cache
 * when it is fresh for them, else from their files; one that has become
 * bad since is reported through bad and left out.  The number read. */
/* Look at every record through the list summary, now, naming bad ones
 * through bad; REF lookup, free ids and the duplicate check then use what
 * it saw, for the rest of the command. */
void gd_ledger_survey(gd_ledger *l, gd_bad_fn bad, void *ctx);

/*
 * The duplicate check of `add` (gendan/dup.h) against every record but
 * the one at path skip and those linked to the customer id `linked`
 * (either may be NULL).  A loaded ledger is checked as it is; otherwise
 * the list summary names the records that share a key, and only they are
 * read.  GD_EEXISTS with gd_dup_check's message, or 0.
 */
#include "gendan/dup.h"
int gd_ledger_dup_check(gd_ledger *l, const gd_dup_probe *probe,
			const char *what, const char *skip, const char *linked,
			gd_bad_fn bad, void *ctx);

size_t gd_ledger_read_entries(gd_ledger *l, gd_record **out, const gd_entry *e,
			      size_t n, gd_bad_fn bad, void *ctx);

/* The loaded record of kind with that id (records of l->recs added since
 * included), or NULL. */
gd_record *gd_ledger_get(gd_ledger *l, gd_kind kind, const char *id);

/* Is `id` free for `kind` (no loaded record of that kind has it)? */
int gd_ledger_id_free(gd_ledger *l, gd_kind kind, const char *id);

/* `base`, or base-2, base-3 ... : the first id free for kind.  Malloc'd. */
char *gd_ledger_unique_id(gd_ledger *l, gd_kind kind, const char *base);

/*
 * A new id of SPEC 2, free in the ledger: customer, the slug of `text`
 * (else c- and 6 hex digits of a hash of text and now); order, the slug of
 * its number (else o-...); inquiry, q-YYYYMMDD- of `day` and 4 hex digits
 * of a hash of text (the sender) and now.  -2, -3 ... when taken.
 */
char *gd_ledger_new_id(gd_ledger *l, gd_kind kind, const char *text,
		       const gd_time *now, gd_date day);

/* Every record file whose path is not where gendan would write it
 * (kind/shard/id.yaml): reported to bad() by gendan check. */
void gd_ledger_misplaced(const gd_ledger *l, gd_bad_fn bad, void *ctx);

/* Write r (canonical form) into change c. */
int gd_ledger_stage(gd_change *c, gd_record *r);

/* Refuse to write a record with uncommitted hand edits (GD_ECONFLICT). */
int gd_ledger_check_clean(gd_ledger *l, const gd_record *r);

typedef struct {
	gd_sync_report git;
	size_t conflicts;     /* fields both sides changed differently */
	char **conflicted;    /* paths of records with new conflicts */
	size_t nconflicted;
} gd_sync_result;

/* gendan sync: gd_store_sync with the record merge of gendan/merge.h.
 * Refuses while records have uncommitted hand edits. */
int gd_ledger_sync(gd_ledger *l, const char *remote, const char *now,
		   gd_sync_result *res);
void gd_sync_result_clear(gd_sync_result *res);

/*
 * The records as they stood at `end` (unix time), for a report of a
 * period that has ended (SPEC 3.5): those of the newest commit on HEAD's
 * first-parent line made at or before end.  A file that has not changed
 * since is the loaded ledger's record (gd_ledger_load first: its records
 * are borrowed and must outlive *out); the others are read from the
 * commit's blobs, validated against today's configuration, bad ones named
 * through bad and left out.  *found 0 (and no records) when no commit is
 * that old.  Free *out with gd_snapshot_free().  (lib/snapshot.c)
 */
typedef struct gd_snapshot gd_snapshot;
int gd_ledger_snapshot(gd_snapshot **out, gd_ledger *l, int64_t end,
		       int *found, gd_bad_fn bad, void *ctx);
/* Sorted by kind, then id; borrowed from s. */
gd_record *const *gd_snapshot_records(const gd_snapshot *s, size_t *n);
void gd_snapshot_free(gd_snapshot *s);

#endif
