/*
 * edit.h - the changes commands make to one record (SPEC 1, 2.2): a new
 * customer, inquiry or order; a contact logged; a stage or a payment of an
 * order.
 *
 * These functions change records in memory only: the caller stages what
 * changed (gd_ledger_stage) and commits.  Those that can fail return 0 or
 * a negative gd error code and set one message; none prints.
 */
#ifndef GENDAN_EDIT_H
#define GENDAN_EDIT_H

#include <stddef.h>
#include <stdint.h>

#include "gendan/config.h"
#include "gendan/dates.h"
#include "gendan/record.h"

/*
 * What a new record is made of.  NULL or "" leaves a field out (but an
 * order's number, which is set as given); which fields a kind reads is
 * noted beside them.
 */
typedef struct gd_new_fields {
	/* customer */
	const char *name, *tier, *city, *source;
	const char *const *tags;
	size_t ntags;
	/* customer and the sender of an inquiry */
	const char *email, *phone, *country;
	/* inquiry */
	const char *from, *company, *channel, *product, *quantity, *grade;
	const gd_time *received;    /* NULL: now */
	/* order */
	const char *number, *currency;
	const char *const *items;   /* "PRODUCT:QTY[:PRICE]" each */
	size_t nitems;
	gd_date ship_by;
	int64_t buffer;             /* internal-by before ship-by; 0: configured */
	/* every kind; owner NULL: an order's customer's owner, else me;
	 * owner "": nobody's */
	const char *owner, *note;
	const gd_record *customer;  /* inquiry, order: the customer it is for */
	gd_record *inquiry;         /* customer: the inquiry it is made from,
	                             * which gets the new customer's id; its
	                             * sender becomes a person of it */
} gd_new_fields;

/* The fields of a customer made from inquiry q that f does not give yet:
 * the sender's company (else name), email, phone and country, the
 * inquiry's grade as tier, its owner, and its channel as source. */
void gd_new_fields_from_inquiry(gd_new_fields *f, const gd_record *q);

/*
 * A new record of kind with that id from f and, for what f leaves out,
 * the defaults of gd_record_fill_new (me: the user's email, may be NULL).
 * An order is planned from f->ship_by (gd_order_plan).  GD_EINVALID for a
 * bad item.  The record is not validated.
 */
int gd_new_record(gd_record **out, gd_kind kind, const char *id,
		  const gd_new_fields *f, const gd_config *cfg, const char *me,
		  const gd_time *now);

/*
 * What every new record has unless it says otherwise (add and import):
 * the kind's first status, the owner me (when not NULL), a customer's
 * created day and an inquiry's received time from now, and the plan of
 * an order that has a ship-by but no stages and no internal-by.
 */
void gd_record_fill_new(gd_record *r, const gd_config *cfg, const char *me,
			const gd_time *now);

/* An order item from "PRODUCT:QTY[:PRICE]" (the product may hold ':'). */
int gd_order_item_parse(gd_node **out, const char *spec);

/* A contact, as `gendan log` records it. */
typedef struct gd_contact {
	gd_time at;
	const char *by;       /* the user's email */
	const char *via;      /* a configured channel, or NULL */
	const char *note;     /* "" for none */
	const gd_date *next;  /* the next contact, or NULL */
} gd_contact;

/* GD_EINVALID unless via is one of the channels of gendan.yaml. */
int gd_contact_check_via(const gd_config *cfg, const char *via);

/*
 * Log contact c on r and validate r.  The first contact on an inquiry is
 * its reply: it sets `replied` to c's time and a `new` inquiry's status
 * to `replied`.
 */
int gd_record_log_contact(gd_record *r, const gd_contact *c,
			  const gd_config *cfg);

/* What `gendan stage` changes on a stage; NULL leaves a part alone. */
typedef struct gd_stage_update {
	const gd_date *plan;  /* a plan also adds a stage the order lacks */
	const gd_date *done;
	const char *note;     /* also logged as "stage NAME: NOTE" */
	const char *by;       /* who logs the note, may be NULL */
	gd_time at;           /* when the note is logged */
} gd_stage_update;

/* Update the stage `name` of order r; GD_ENOTFOUND when it has no such
 * stage and u gives no plan. */
int gd_order_stage(gd_record *r, const char *name, const gd_stage_update *u);

/* What `gendan pay` changes on a payment; NULL leaves a part alone. */
typedef struct gd_payment_update {
	const char *amount;   /* a number, not negative (gd_amount_check): the
			       * plan, or with received the receipt's amount */
	const gd_date *due, *received;
	const char *fee;      /* with received: bank charges, counted as paid */
	const char *note;     /* with received: the receipt's note */
} gd_payment_update;

/* GD_EINVALID unless amount is a number and not negative. */
int gd_amount_check(const char *amount);

/*
 * Update the payment `what` of order r, adding it when it lacks one.  With
 * received, a receipt {on, amount, fee, note} of a planned amount (amount
 * by default: outstanding - fee); `received` is set when nothing is left
 * outstanding; more than outstanding is GD_EINVALID; the plan never
 * changes.  A payment with no plan yet takes amount as its plan.
 */
int gd_order_pay(gd_record *r, const char *what, const gd_payment_update *u);

#endif
