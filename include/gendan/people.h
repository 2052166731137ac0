/*
 * people.h - a customer's contact persons (SPEC 2.2 `people`): the buyer,
 * the boss, the accountant of one company, each with a role and their own
 * email, phone, WeChat and WhatsApp.
 *
 * A person is known by name: two names are the same person when they are
 * equal once trimmed and case folded ("John Smith", " john smith ").  These
 * functions change the record in memory only; the caller validates,
 * stages and commits.  They return 0 or a negative gd error code with one
 * message naming the value.
 */
#ifndef GENDAN_PEOPLE_H
#define GENDAN_PEOPLE_H

#include "gendan/record.h"

/* The fields of a person: NULL leaves a field as it is, "" removes it
 * (gd_person_set); an email must look like one, a phone hold digits. */
typedef struct {
	const char *role, *email, *phone, *wechat, *whatsapp, *note;
} gd_person_fields;

/* Add the person name to customer r.  GD_EEXISTS when r has a person of
 * that name, GD_EINVALID for a record that is not a customer, an empty
 * name or a bad email or phone. */
int gd_person_add(gd_record *r, const char *name, const gd_person_fields *f);

/* Change the person name of customer r.  GD_ENOTFOUND naming the people r
 * has when it has no such person. */
int gd_person_set(gd_record *r, const char *name, const gd_person_fields *f);

/* Remove the person name from customer r (the list goes with its last
 * person).  GD_ENOTFOUND as gd_person_set. */
int gd_person_remove(gd_record *r, const char *name);

/* The person of r named name (compared as above), or NULL.  Borrowed. */
const gd_node *gd_person_get(const gd_record *r, const char *name);

#endif
