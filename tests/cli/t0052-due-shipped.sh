# gendan due: a payment of a shipped order is due while money is
# outstanding (SPEC 2.3; issue 14 item 3).
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
export GENDAN_NOW=2026-11-23T09:00:00+00:00
"$GENDAN" add customer "Acme Lights" --tier B >/dev/null
"$GENDAN" add order "PO-7" --customer acme --ship-by 2026-11-30 --currency USD >/dev/null
"$GENDAN" pay po-7 deposit --amount 700 --due 2026-11-25 >/dev/null
"$GENDAN" pay po-7 balance --amount 3202.50 --due 2026-12-05 >/dev/null
"$GENDAN" pay po-7 deposit --received 2026-11-24 >/dev/null
"$GENDAN" stage po-7 production --plan 2026-11-28 >/dev/null
export GENDAN_NOW=2026-12-01T09:00:00+00:00
gd 0 set po-7 status=shipped
# the goods left; the balance did not vanish
export GENDAN_NOW=2026-12-08T09:00:00+00:00
gd 0 due --all --format=tsv
has "$TMP/out" "^po-7	order	PO-7	.*	2026-12-05	3	payment	balance USD 3202.50 due 2026-12-05	"
hasnt "$TMP/out" "deposit"
hasnt "$TMP/out" "production"
gd 0 due --all --kind order
has "$TMP/out" "balance USD 3202.50"
# paid in full: nothing more
gd 0 pay po-7 balance --received 2026-12-08
gd 0 due --all --format=tsv
hasnt "$TMP/out" "po-7"
# closed or cancelled: nothing, even with money outstanding
gd 0 pay po-7 extra --amount 50 --due 2026-12-01
gd 0 due --all --format=tsv
has "$TMP/out" "extra USD 50 due 2026-12-01"
gd 0 set po-7 status=closed
gd 0 due --all --format=tsv
hasnt "$TMP/out" "po-7"
done_testing
