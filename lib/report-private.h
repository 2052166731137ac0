/*
 * report-private.h - what the report's files share (lib/report.c builds
 * the report as JSON; lib/report-text.c holds its money helpers and the
 * Markdown, lib/report-html.c the HTML page).  Private to lib/.
 */
#ifndef GENDAN_REPORT_PRIVATE_H
#define GENDAN_REPORT_PRIVATE_H

#include <jansson.h>

#include "gendan/config.h"
#include "gendan/decimal.h"
#include "gendan/node.h"
#include "gendan/record.h"

/* --- lib/report-text.c ------------------------------------------------ */

/* A receipt of amount (and fee) on day `on` of order r's payment pay, in
 * currency cur, onto list. */
void gd__report_receipt(json_t *list, const gd_record *r, const gd_node *pay,
			const char *cur, const char *on, const char *amount,
			const char *fee);
/* What is outstanding on payment pay (gd_payment_outstanding); < 0, the
 * message saying why, when its numbers are not decimals. */
int gd__report_unpaid(gd_dec *out, const gd_node *pay);
/* What payment pay's receipts leave of its amount, `received` or not:
 * what came in on the day it was marked received in full.  < 0 without
 * an amount or with numbers that are not decimals or out of range (the
 * message saying why, if any). */
int gd__report_rest(gd_dec *out, const gd_node *pay);
/*
 * A total's amounts: sums is {currency: sum}, exact ("" for no currency);
 * skipped lists what a total leaves out, {ref, field, currency, value,
 * reason}.  gd__report_add adds value, the amount at field of record ref,
 * to its currency's sum, or skips it when it does not read or the sum
 * would leave gd_dec's range; gd__report_skip skips it (why: the last
 * error).  A currency with a skipped amount has a sum, "0" at least.
 * sums NULL: nothing is kept.
 */
void gd__report_add(json_t *sums, json_t *skipped, const char *cur, const char *value,
		    const char *ref, const char *field);
void gd__report_skip(json_t *sums, json_t *skipped, const char *cur, const char *value,
		     const char *ref, const char *field);
/* " (1 amount unreadable, not counted)": what the total of cur leaves
 * out, malloc'd; NULL when it leaves out nothing. */
char *gd__report_mark(json_t *skipped, const char *cur);
/* names[email] = the member's name, when the team knows one. */
void gd__report_name(json_t *names, const gd_config *cfg, const char *email);

/* The string at key k of o, "-" when it has none. */
const char *gd__report_s(json_t *o, const char *k);
/* How the report names the person of email: their name, else the email. */
const char *gd__report_who(json_t *rep, const char *email);
/* "5h late", "3 days late": how late an overdue item is. */
char *gd__report_late(json_t *item);

char *gd__report_markdown(json_t *rep);

/* --- lib/report-html.c ------------------------------------------------ */

char *gd__report_html(json_t *rep);

#endif
