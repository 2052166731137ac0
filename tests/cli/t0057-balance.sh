# gendan due: a payment is chased for what is still owed, after receipts
# and bank charges (SPEC 2.2, 2.3; issue 14 items 3 and 4).
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Acme Lights" --tier B >/dev/null
"$GENDAN" add order "PO-9" --customer acme --ship-by 2026-11-30 --currency USD >/dev/null
"$GENDAN" pay po-9 balance --amount 3202.50 --due 2026-12-05 >/dev/null
export GENDAN_NOW=2026-12-01T09:00:00+00:00
"$GENDAN" set po-9 status=shipped >/dev/null
export GENDAN_NOW=2026-12-08T09:00:00+00:00
# a first part came in: what is still owed is chased
gd 0 pay po-9 balance --received 2026-12-06 --amount 1000
gd 0 due --all --format=tsv
has "$TMP/out" "^po-9	order	PO-9	.*	payment	balance USD 2202.5 due 2026-12-05	"
f=$(ls orders/*/po-9.yaml)
has "$f" "^    amount: 3202.50$"
# the rest, less 22.50 of bank charges: nothing is owed, nothing is due
gd 0 pay po-9 balance --received 2026-12-08 --amount 2180 --fee 22.50
gd 0 due --all --format=tsv
hasnt "$TMP/out" "po-9"
has "$f" "^    received: 2026-12-08$"
done_testing
