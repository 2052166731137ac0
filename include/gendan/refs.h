/*
 * refs.h - find the record a user means by REF (SPEC 3).
 *
 * Rules, in order; the first that matches anything decides: kind/id; exact
 * id (case-insensitive); an email address; a phone number (E.164 forms
 * equal, or the record's E.164 digits end with the 7 or more digits given;
 * see gendan/phone.h); a unique id
 * prefix; a case-insensitive substring of the name, company or order number.
 */
#ifndef GENDAN_REFS_H
#define GENDAN_REFS_H

#include <stddef.h>

#include "gendan/record.h"

/* kind: a gd_kind to look only at that kind, or -1 for all; region: the
 * ledger's phone-region, or NULL.  *out is borrowed from recs.
 * GD_ENOTFOUND, or GD_EAMBIGUOUS with a message listing the candidates. */
int gd_ref_resolve(gd_record **out, gd_record *const *recs, size_t n,
		   const char *ref, int kind, const char *region);

/*
 * What the rules look at in a record, as a summary keeps it.  A list is
 * strings, each NUL-terminated, ended by an empty one.  With rec set, the
 * lists are not read: they are made from rec when a rule needs them.
 */
typedef struct gd_ref_view {
	gd_kind kind;
	const char *id, *name;
	const char *emails; /* of the record, its from and its people */
	const char *phones; /* the same contacts' phones, E.164 (gd_phone_e164
			     * with the ledger's phone-region) */
	const char *texts;  /* name, from's company and name, gd_text_fold()ed */
	const gd_record *rec;
} gd_ref_view;

/* gd_ref_resolve over views: *hit is the index of the one matched. */
int gd_ref_resolve_views(size_t *hit, const gd_ref_view *views, size_t n,
			 const char *ref, int kind, const char *region);

#endif
