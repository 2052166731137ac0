/*
 * dup.h - look before you add (查重): the duplicate check of SPEC 3.
 *
 * A new customer or inquiry is a likely duplicate of an existing customer or
 * inquiry when it shares an email address, an email domain that is not a
 * free-mail domain, the digits of a phone number, or a normalised company
 * name.  A customer's people count as its own contact fields: their emails
 * and phones are compared too, and the message names the person.
 */
#ifndef GENDAN_DUP_H
#define GENDAN_DUP_H

#include <stddef.h>

#include "gendan/config.h"
#include "gendan/record.h"

typedef struct {
	const char *name;    /* customer name or inquiry company */
	const char *email;
	const char *phone;
	int inquiry;         /* the new record is an inquiry: hint --customer */
} gd_dup_probe;

/* GD_EEXISTS with a message naming the record found and what it shares
 * ("... already wrote on 2026-10-03 about LED panel ..." for inquiries),
 * or 0 when nothing matches.  `what` names the new record for the
 * message. */
int gd_dup_check(gd_record *const *recs, size_t n, const gd_config *cfg,
		 const gd_dup_probe *probe, const char *what);

/* The same check for many probes (import): each record's normal forms are
 * computed once and looked up by hash. */
typedef struct gd_dup_index gd_dup_index;
gd_dup_index *gd_dup_index_new(gd_record *const *recs, size_t n,
			       const gd_config *cfg);
/* r joins the index (records added later in the same file). */
void gd_dup_index_add(gd_dup_index *ix, const gd_record *r);
/* The same, tagged with the file line of the row r is made from (not 0):
 * a match with it names that line instead of an existing record. */
void gd_dup_index_add_tag(gd_dup_index *ix, const gd_record *r, int tag);
/* r reduced to what the index reads of a tagged record (its names,
 * emails and phones, its people's): an import keeps 100,000 added
 * records for the rows after them, already written out. */
void gd_dup_trim(gd_record *r);
int gd_dup_index_check(const gd_dup_index *ix, const gd_dup_probe *probe,
		       const char *what);
/* gd_dup_index_check, and on a match *field the probe's field it shares
 * ("email", "phone" or "name") and *tag the match's tag (0: a record of
 * the ledger); field and tag may be NULL. */
int gd_dup_index_check_at(const gd_dup_index *ix, const gd_dup_probe *probe,
			  const char *what, const char **field, int *tag);
void gd_dup_index_free(gd_dup_index *ix);

#endif
