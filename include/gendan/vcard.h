/*
 * vcard.h - vCards (2.1, 3.0, 4.0) as import reads them (SPEC 3.6).
 */
#ifndef GENDAN_VCARD_H
#define GENDAN_VCARD_H

#include <stddef.h>

#include "gendan/csv.h"

/*
 * buf's cards as a table of columns name, email, phone, country, city,
 * note, contact, contact-role, a row for each card (its line: BEGIN:VCARD's):
 * name is the first component of ORG, else FN; the first TEL and EMAIL;
 * ADR's city and country; NOTE; a card with an ORG has its FN as contact
 * (a person of the customer) and TITLE as that person's role.  Quoted-printable and CHARSET= values are decoded (never
 * mojibake: GD_EINVALID naming the line).  A file with no card, or a card
 * without END:VCARD, is GD_EINVALID.
 */
int gd_vcard_parse(gd_csv **out, const char *buf, size_t len, const char *name);

#endif
