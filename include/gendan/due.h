/*
 * due.h - what is due, and when (SPEC 2.3): the heart of gendan.
 */
#ifndef GENDAN_DUE_H
#define GENDAN_DUE_H

#include <stddef.h>

#include "gendan/config.h"
#include "gendan/dates.h"
#include "gendan/decimal.h"
#include "gendan/record.h"

typedef enum {
	GD_DUE_REPLY,    /* an inquiry waits for its first reply */
	GD_DUE_FOLLOWUP, /* a customer or inquiry to contact again */
	GD_DUE_STAGE,    /* an order stage planned and not done */
	GD_DUE_PAYMENT   /* a payment due and not received */
} gd_due_reason;

/* What a stage's lateness is counted from, and what it puts at risk. */
typedef struct {
	gd_date plan;
	int has_internal, has_shipby;
	gd_date internal, shipby;
} gd_due_stage_at;

typedef struct {
	const gd_record *rec; /* borrowed; NULL for items of gd_ledger_due() */
	gd_kind kind;         /* the record's, whether or not rec is set: */
	const char *id, *path, *name, *owner, *grade; /* borrowed, may be NULL
	                                               * but id and path */
	int64_t received;     /* an inquiry's arrival, for replies owed */
	gd_date due;
	int days_late;        /* today - due: 0 today, < 0 upcoming */
	gd_due_reason reason;
	char *detail;         /* "B every 7d, last contact 2026-11-15 (phone)" */
	char *explain;        /* the rule of SPEC 2.3 that applied */
	gd_due_stage_at stage; /* GD_DUE_STAGE only */
} gd_due_item;

typedef struct {
	int days;            /* also list what is due within this many days */
	int all;             /* every owner */
	const char *owner;   /* only this owner ("none": unowned only) */
	const char *me;      /* default: records of me and unowned ones */
	int kind;            /* a gd_kind, or -1 for every kind */
	const char *tier;    /* only this tier/grade, or NULL */
	int local;           /* detail and explain in the user's language */
} gd_due_filter;

/* Every pending item of one record, whatever its date, appended to
 * (*items, *n). */
void gd_due_record(gd_due_item **items, size_t *n, const gd_record *r,
		   const gd_config *cfg, gd_date today);

/* The same with detail and explain in the user's language, for people
 * (tables, show, the Markdown report).  gd_due_record writes them in
 * English whatever the locale: JSON, TSV and ICS carry them. */
void gd_due_record_local(gd_due_item **items, size_t *n, const gd_record *r,
			 const gd_config *cfg, gd_date today);

/* The words a stage late by slip > 0 days adds to its detail (", 3 days
 * late; internal-by ... at risk"), in the user's language when local;
 * malloc'd, "" when slip <= 0. */
char *gd_due_stage_late(const gd_due_stage_at *at, int slip, int local);

/* The due list of SPEC 2.3: filtered, within the horizon, ordered. */
void gd_due_list(gd_due_item **out, size_t *n, gd_record *const *recs,
		 size_t nrecs, const gd_config *cfg, gd_date today,
		 const gd_due_filter *f);

/* Does a record pass the owner filter of f? */
int gd_due_owner_match(const gd_record *r, const gd_due_filter *f);

/* Does a record of this kind, owner and grade pass every filter of f? */
int gd_due_match(gd_kind kind, const char *owner, const char *grade,
		 const gd_due_filter *f);

/* Keep the items within f's horizon (freeing the others) and put them in
 * the order of SPEC 2.3. */
void gd_due_finish(gd_due_item *items, size_t *n, const gd_config *cfg,
		   const gd_due_filter *f);

/* The money outstanding on payment p of an order (SPEC 2.2) in *out, by
 * gd_payment_paid (gendan/money.h): its amount less its receipts and
 * fees (those in *paid), 0 once `received` is set (or when it has no
 * amount or an invalid one).  Returns 1 while the payment is to be
 * chased: money is outstanding, or no amount was planned; 0 once paid. */
int gd_due_outstanding(gd_dec *out, gd_dec *paid, const gd_node *p);

/* An inquiry's arrival in seconds, 0 when it has none (or not an inquiry). */
int64_t gd_due_received(const gd_record *r);

/* What a record's log says of its contacts (SPEC 2.3 rules 2 and 3): the
 * last contact, and the latest agreed next with the time it was agreed. */
typedef struct {
	int has_last, has_agreed;
	gd_time last;       /* the latest contact */
	const char *via;    /* its channel, borrowed; may be NULL */
	gd_time agreed_at;  /* the latest entry that carries a next */
	gd_date agreed;     /* and that next */
} gd_due_contacts;

/* The contacts of r's own log. */
void gd_due_contacts_of(gd_due_contacts *c, const gd_record *r);

/* gd_due_record over r's own contacts `own` (as gd_due_contacts_of reads
 * them), and when litems is not NULL gd_due_record_local into (*litems,
 * *ln) too: the log is read once for all (the summary of due). */
void gd_due_record_own(gd_due_item **items, size_t *n, gd_due_item **litems,
		       size_t *ln, const gd_record *r, const gd_due_contacts *own,
		       const gd_config *cfg, gd_date today);

/* Add the contacts c to into: the later contact, the newer agreement. */
void gd_due_contacts_merge(gd_due_contacts *into, const gd_due_contacts *c);

/* What a record says of its own follow-up besides its log: its grade, its
 * top-level `next` and `hold.until`. */
typedef struct {
	const char *grade; /* borrowed, may be NULL */
	int has_next, has_hold;
	gd_date next, hold;
} gd_due_marks;

void gd_due_marks_of(gd_due_marks *m, const gd_record *r);

/* The follow-up date of a record with marks m (rules 1-4 of SPEC 2.3, and
 * its hold) over the contacts c, else since (worded as since_what, a
 * msgid); detail and explain malloc'd, in the user's language when local. */
gd_date gd_due_follow_up(const gd_due_marks *m, const gd_due_contacts *c,
			 const gd_config *cfg, gd_date since,
			 const char *since_what, char **detail, char **explain,
			 int local);

/* The contacts of the inquiries and orders linked to each customer
 * (`customer: <id>`), which count as the customer's (SPEC 2.3). */
typedef struct gd_due_links gd_due_links;

gd_due_links *gd_due_links_new(void);
/* Add the contacts c of a record linked to the customer of that id. */
void gd_due_links_add(gd_due_links *l, const char *customer,
		      const gd_due_contacts *c);
/* The contacts linked to the customer id, or NULL. */
const gd_due_contacts *gd_due_links_get(const gd_due_links *l, const char *id);
void gd_due_links_free(gd_due_links *l);

void gd_due_items_free(gd_due_item *items, size_t n);

/* follow-up, reply, stage, payment */
const char *gd_due_reason_name(gd_due_reason r);

/* "84h", "7d": a cadence in days, or hours when not whole days. */
void gd_duration_format(char *buf, size_t size, int64_t secs);
/* The same in the user's language when local ("7 天"); stored values and
 * what scripts read never change. */
void gd_duration_format_local(char *buf, size_t size, int64_t secs, int local);

#endif
