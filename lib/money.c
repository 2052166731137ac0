/*
 * money.c - what is still owed on a payment (see gendan/money.h).
 */
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

int gd_payment_outstanding(gd_dec *out, const gd_node *p)
{
	const gd_node *receipts = gd_node_get(p, "receipts");
	gd_dec planned = {0}, paid = {0};
	size_t i;
	int err;

	out->units = 0;
	if (!gd_node_is(p, GD_MAP) || gd_node_get(p, "received") || !gd_node_get(p, "amount"))
		return 0;
	if ((err = add_field(&planned, p, "amount")) < 0)
		return err;
	for (i = 0; i < gd_node_len(receipts); i++) {
		const gd_node *r = gd_node_at(receipts, i);
		if (!gd_node_is(r, GD_MAP))
			continue;
		if ((err = add_field(&paid, r, "amount")) < 0 ||
		    (err = add_field(&paid, r, "fee")) < 0)
			return err;
	}
	return gd_dec_sub(out, planned, paid);
}
