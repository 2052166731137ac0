/*
 * team.h - records changing hands (SPEC 1): a hand-over to a colleague
 * (`gendan reassign`) and the public pool (公海) taking back what its
 * owner neglects (`gendan reclaim`).
 *
 * These functions change records in memory only: the caller stages what
 * changed (gd_ledger_stage) and commits.  Those that can fail return 0 or
 * a negative gd error code and set one message; none prints.
 */
#ifndef GENDAN_TEAM_H
#define GENDAN_TEAM_H

#include <stddef.h>
#include <stdint.h>

#include "gendan/config.h"
#include "gendan/dates.h"
#include "gendan/record.h"

/* Which records `gendan reassign` hands over. */
typedef struct gd_handover {
	const char *from;     /* the owner, compared case-insensitively */
	int kind;             /* a gd_kind, or -1 for every kind */
	const char *tier;     /* only this tier or grade, or NULL */
} gd_handover;

/* The records among recs that h hands over, in their order; *out (free
 * it) borrows them. */
int gd_handover_select(gd_record ***out, size_t *n, gd_record *const *recs,
		       size_t nrecs, const gd_handover *h);

/* Give r to the owner `to` on `today` (its owner-since) and validate it. */
int gd_record_hand_over(gd_record *r, const char *to, const gd_config *cfg,
			gd_date today);

/* A record the public pool takes back. */
typedef struct gd_reclaim {
	gd_record *rec;       /* borrowed */
	const char *owner;    /* borrowed from rec, until gd_record_reclaim */
	int64_t idle;         /* seconds since the owner last touched it */
} gd_reclaim;

/*
 * The active customers of recs that the public pool takes back (SPEC 3
 * reclaim): neither a contact logged by their owner (on the customer or
 * on an inquiry or order linked to it) nor their owner-since (else their
 * `created`) is within the configured pool.reclaim-after.  So a customer
 * handed over or claimed last week stays with its new owner.  GD_EINVALID
 * when gendan.yaml has no pool.  Free *out.
 */
int gd_reclaim_candidates(gd_reclaim **out, size_t *n, gd_record *const *recs,
			  size_t nrecs, const gd_config *cfg, const gd_time *now);

/* Put r in the public pool on `today`: it loses its owner; its
 * owner-since says since when it is in the pool. */
void gd_record_reclaim(gd_record *r, gd_date today);

#endif
