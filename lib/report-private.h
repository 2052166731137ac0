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
/* What is outstanding on payment pay (gd_payment_outstanding); < 0, and
 * no message left, when its numbers are not decimals. */
int gd__report_unpaid(gd_dec *out, const gd_node *pay);
/* What payment pay's receipts leave of its amount, `received` or not:
 * what came in on the day it was marked received in full.  < 0, and no
 * message left, without an amount or with numbers that are not decimals. */
int gd__report_rest(gd_dec *out, const gd_node *pay);
/* {currency: sum of field} over list, exact; "" for no currency. */
json_t *gd__report_sums(json_t *list, const char *field);
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
