/*
 * refs.h - find the record a user means by REF (SPEC 3).
 *
 * Rules, in order; the first that matches anything decides: kind/id; exact
 * id (case-insensitive); an email address; a phone number (digits equal, or
 * the record's digits end with the 7 or more digits given); a unique id
 * prefix; a case-insensitive substring of the name, company or order number.
 */
#ifndef GENDAN_REFS_H
#define GENDAN_REFS_H

#include <stddef.h>

#include "gendan/record.h"

/* kind: a gd_kind to look only at that kind, or -1 for all.  *out is
 * borrowed from recs.  GD_ENOTFOUND, or GD_EAMBIGUOUS with a message
 * listing the candidates. */
int gd_ref_resolve(gd_record **out, gd_record *const *recs, size_t n,
		   const char *ref, int kind);

#endif
