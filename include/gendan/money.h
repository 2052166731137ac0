/*
 * money.h - what is still owed on a payment of an order (SPEC 2.2).
 *
 * A payment's `amount` is what is planned; each of its `receipts`
 * {on, amount, fee, note} is money that came in, the fee (bank charges the
 * customer did not pay) counting as paid; `received: DATE` means paid in
 * full.
 */
#ifndef GENDAN_MONEY_H
#define GENDAN_MONEY_H

#include "gendan/decimal.h"
#include "gendan/node.h"

/*
 * The outstanding amount of payment p: amount - sum(receipt amount + fee),
 * or 0 once `received` is set or when it has no amount.  GD_EINVALID
 * naming the field when an amount or a fee is not a decimal.
 */
int gd_payment_outstanding(gd_dec *out, const gd_node *p);

/*
 * What an order (its root mapping) is still owed: the outstanding of
 * its payments summed while its status is open or shipped (no status is
 * open), 0 once it is closed or cancelled, as `due` follows it (SPEC 2.3).
 * GD_EINVALID as gd_payment_outstanding.
 */
int gd_order_outstanding(gd_dec *out, const gd_node *order);

/*
 * gd_order_outstanding, leaving out each payment whose outstanding does
 * not read (an amount or fee not a decimal, a sum out of range): for
 * each, bad(ctx, its index, the message) and *nbad counts it; 0.
 */
int gd_order_outstanding_readable(gd_dec *out, size_t *nbad, const gd_node *order,
				  void (*bad)(void *ctx, size_t i, const char *message),
				  void *ctx);

/* Amounts by currency: "" for an order that names none.  The currency is
 * the record's whole text (SPEC 2.2 lets it be any text), so two
 * currencies are one sum only when their texts are equal. */
typedef struct gd_money {
	char *currency;
	gd_dec amount;
} gd_money;

/* Add amount in currency (NULL: none) to the n sums of *list, a new sum
 * in the order currencies are first met; a zero amount adds nothing.
 * GD_EINVALID when a sum would leave gd_dec's range. */
int gd_money_add(gd_money **list, size_t *n, const char *currency, gd_dec amount);

/* Free the n sums of list. */
void gd_money_free(gd_money *list, size_t n);

/* "USD 3,202.50" as a person reads it: the currency, at least two
 * decimals, thousands grouped by ','; just the number without currency. */
void gd_money_format(char *buf, size_t size, const char *currency, gd_dec amount);

/* gd_payment_outstanding, with what came in (receipts and fees) in
 * *paid: 0 until money comes, or once `received` is set. */
int gd_payment_paid(gd_dec *out, gd_dec *paid, const gd_node *p);

#endif
