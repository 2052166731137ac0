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

#endif
