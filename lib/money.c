/*
 * money.c - what is still owed on a payment (see gendan/money.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gendan/error.h"
#include "gendan/money.h"
#include "internal.h"

/* The decimal at key of map added to *sum; a missing key adds nothing. */
static int add_field(gd_dec *sum, const gd_node *map, const char *key)
{
	const char *s = gd_node_str(map, key);
	gd_dec d;

	if (!s)
		return 0;
	if (gd_dec_parse(&d, s) < 0)
		return gd_error_set(GD_EINVALID, _("payment %s '%s' is not a number"),
				    key, s);
	return gd_dec_add(sum, *sum, d);
}

int gd_payment_paid(gd_dec *out, gd_dec *paid, const gd_node *p)
{
	const gd_node *receipts = gd_node_get(p, "receipts");
	gd_dec planned = {0};
	size_t i;
	int err;

	out->units = 0;
	paid->units = 0;
	if (!gd_node_is(p, GD_MAP) || gd_node_get(p, "received") || !gd_node_get(p, "amount"))
		return 0;
	if ((err = add_field(&planned, p, "amount")) < 0)
		return err;
	for (i = 0; i < gd_node_len(receipts); i++) {
		const gd_node *r = gd_node_at(receipts, i);
		if (!gd_node_is(r, GD_MAP))
			continue;
		if ((err = add_field(paid, r, "amount")) < 0 ||
		    (err = add_field(paid, r, "fee")) < 0)
			return err;
	}
	return gd_dec_sub(out, planned, *paid);
}

int gd_payment_outstanding(gd_dec *out, const gd_node *p)
{
	gd_dec paid;

	return gd_payment_paid(out, &paid, p);
}

int gd_order_outstanding_readable(gd_dec *out, size_t *nbad, const gd_node *order,
				  void (*bad)(void *ctx, size_t i, const char *message),
				  void *ctx)
{
	const gd_node *pays = gd_node_get(order, "payments");
	const char *status = gd_node_str(order, "status");
	gd_dec sum = {0}, d;
	size_t i;

	out->units = 0;
	*nbad = 0;
	if (status && strcmp(status, "open") && strcmp(status, "shipped"))
		return 0;
	for (i = 0; gd_node_is(pays, GD_SEQ) && i < gd_node_len(pays); i++) {
		if (gd_payment_outstanding(&d, gd_node_at(pays, i)) < 0 ||
		    gd_dec_add(&sum, sum, d) < 0) {
			(*nbad)++;
			if (bad)
				bad(ctx, i, gd_error_last());
			gd_error_clear();
		}
	}
	*out = sum;
	return 0;
}

/* The first message of gd_order_outstanding_readable, kept. */
static void first_bad(void *ctx, size_t i, const char *message)
{
	char **first = ctx;

	(void)i;
	if (!*first)
		*first = gd__xstrdup(message);
}

int gd_order_outstanding(gd_dec *out, const gd_node *order)
{
	char *first = NULL;
	size_t nbad;
	int err = 0;

	gd_order_outstanding_readable(out, &nbad, order, first_bad, &first);
	if (nbad) {
		out->units = 0;
		err = gd_error_set(GD_EINVALID, "%s", first ? first : "");
	}
	free(first);
	return err;
}

int gd_money_add(gd_money **list, size_t *n, const char *currency, gd_dec amount)
{
	size_t i;

	if (!currency)
		currency = "";
	if (amount.units == 0)
		return 0;
	for (i = 0; i < *n; i++)
		if (!strcmp((*list)[i].currency, currency))
			return gd_dec_add(&(*list)[i].amount, (*list)[i].amount, amount);
	*list = gd__xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[*n].currency = gd__xstrdup(currency);
	(*list)[(*n)++].amount = amount;
	return 0;
}

void gd_money_free(gd_money *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i].currency);
	free(list);
}

void gd_money_format(char *buf, size_t size, const char *currency, gd_dec amount)
{
	char num[GD_DEC_LEN], grouped[GD_DEC_LEN * 2];
	const char *dot, *digits = num;
	size_t i, o = 0, whole;

	gd_dec_format(num, amount);
	if (*digits == '-')
		grouped[o++] = *digits++;
	dot = strchr(digits, '.');
	whole = dot ? (size_t)(dot - digits) : strlen(digits);
	for (i = 0; i < whole; i++) {
		if (i && (whole - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	/* cents always: 3,202.50, 2,000.00; a price's 0.0125 keeps its four */
	snprintf(grouped + o, sizeof(grouped) - o, "%s%s", dot ? dot : ".00",
		 dot && strlen(dot) == 2 ? "0" : "");
	snprintf(buf, size, "%s%s%s", currency && *currency ? currency : "",
		 currency && *currency ? " " : "", grouped);
}
